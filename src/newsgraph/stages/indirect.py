"""Reported speech without (or only partly in) quotation marks.

A reporting verb's complement is the content: ``officials said [Russian forces were
fortifying]``, ``[The US imposed sanctions], the Treasury said``, ``told reporters that
[...]``, ``called on them [to reconsider]``, ``hailed as [an “historic moment”]``,
``according to X, [...]``. The content is trimmed where a direct quote or another
attribution begins, so the two never share words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import lexicons
from ..records import Span
from .repair import QUOTE_TOKENS

COMPLEMENT_DEPS = frozenset({"ccomp", "parataxis"})
# Speech verbs whose infinitive complement is reported content ("urged X to ...").
DEMAND_MEANINGS = frozenset({"demand", "promise", "warn", "ask"})
# Preference when a verb has several dependents that may hold content: a clause reports
# more precisely than an object, an object more than a prepositional phrase.
RELATION_ORDER = ("ccomp", "parataxis", "xcomp", "dobj", "prep:to", "prep:for",
                  "prep:about", "prep:of", "prep:on", "prep:as", "prep:against", "prep:with",
                  "prep:at", "prep:by", "prep:upon")
# Prepositions that introduce reported content when the object holds a quotation mark.
CONTENT_PREPS = frozenset({"as", "about", "of", "against", "for", "that"})
QUOTE_MARKS = QUOTE_TOKENS
ACCORDING = re.compile(r"\b[Aa]ccording to\b")
MIN_CONTENT_TOKENS = 3
# Dependents that complete an object as content: "called [him] [a stiff]".
OBJECT_PREDICATES = frozenset({"oprd", "xcomp", "ccomp", "acomp"})
# How far after a cue a "that" may introduce its clause ("said in a statement that").
THAT_WINDOW = 8
# Tokens before a sentence-final cue that may name the speaker, appositions included.
SPEAKER_WINDOW = 14
# Relations that hold content for any verb: a clause. An object or a prepositional phrase
# holds reported content only for verbs of saying (lexicons/cues.tsv): PolNeAR marks
# "saw Xi", "fired missiles", "signed an agreement" as sources now and then, but a reader
# asking "who said what" is misled by them.
CLAUSAL = frozenset({"ccomp", "parataxis", "xcomp"})
# ...unless PolNeAR train shows the verb's object holding content often ("blamed X",
# "dismissed X", "expressed X": stances voiced) — at least this share of the times seen,
# and this many times. On the first 150 PolNeAR train articles, attribution F1 was 0.638
# (P 0.728) with every object allowed, 0.625 at 0.15, 0.622 at 0.20, 0.619 (P 0.770) at
# 0.25, where the seed article keeps 6 attributions matching no gold quote (7 below).
STANCE_MIN_PRECISION = 0.25
STANCE_MIN_HITS = 5
PREP_RELATIONS = frozenset(r for r in RELATION_ORDER if r.startswith("prep:"))
# Words that deny a verb of saying happened ("did not mention", "has yet to comment").
DENIALS = frozenset({"not", "n't", "never"})
# An infinitive of saying is content only with something said under it: a clause or an
# object ("declined to say whether ..."); "declined to comment (on X)" says nothing.
SAID_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj"})
# Words (a prepositional phrase) allowed between a cue's object and its stranded verb.
OBJECT_CLAUSE_GAP = 6


@dataclass
class Reported:
    """A cue verb with the content it reports (speaker found later)."""

    cue: Any  # spaCy Token
    content: Span
    rule: str


def cue_meaning(tok: Any) -> str | None:
    row = lexicons.cues().get(tok.lemma_.lower())
    return row["meaning"] if row else None


def complements(cue: Any) -> Iterator[tuple[Any, str]]:
    """Tokens that may head the reported content of a cue, best first, with the rule.

    Which dependents count (clausal complement, object, infinitive, ``refer to``) is read
    per verb from ``lexicons/cue_relations.tsv``; speech verbs also get fallbacks for
    common mis-parses. The caller takes the first that yields a usable span.
    """
    allowed = lexicons.cue_relations().get(cue.lemma_.lower(), frozenset())
    if cue.lemma_.lower() not in lexicons.cues():
        allowed = allowed & (CLAUSAL | lexicons.cue_relations(
            STANCE_MIN_PRECISION, STANCE_MIN_HITS).get(cue.lemma_.lower(), frozenset())
            - PREP_RELATIONS)
    elif denied(cue):
        allowed = allowed & CLAUSAL  # "did not mention Ukraine": nothing was said of it
    children = list(cue.children)
    if any(_introduces_cue(c) for c in children):
        return  # "quoted Mr Xi [as saying ...]": the inner cue carries the content
    for rel in RELATION_ORDER:
        for child in children:
            name = f"prep:{child.lower_}" if child.dep_ == "prep" else child.dep_
            if name == rel and rel in allowed and not _empty_saying(child):
                head = _prep_object(child) if child.dep_ == "prep" else child
                if head is not None:
                    yield head, "complement" if rel == "ccomp" else rel.split(":")[0]
    if cue.lemma_.lower() in lexicons.cues():
        yield from _speech_fallbacks(cue, children)


def _speech_fallbacks(cue: Any, children: list[Any]) -> Iterator[tuple[Any, str]]:
    """Content of a speech verb that the parser attached in a less usual way."""
    if cue.dep_ == "parataxis" and cue.head.i < cue.i and _has_subject(cue):
        yield cue.head, "parenthetical"  # "[The sanctions are working], she said, and ..."
    for child in children:
        if child.dep_ in COMPLEMENT_DEPS and child.pos_ in ("VERB", "AUX"):
            yield child, "complement"
    if cue_meaning(cue) in DEMAND_MEANINGS:  # "called on them [to reconsider]"
        for child in children:
            if child.dep_ == "xcomp" and child.i > cue.i:
                yield child, "infinitive"
    for child in children:  # "she told him [Ukraine's process was on track]" mis-parsed
        if child.dep_ == "conj" and child.i > cue.i and _has_subject(child) \
                and not any(t.dep_ == "cc" for t in cue.doc[cue.i + 1: child.i]):
            yield child, "complement"
    for child in children:
        if child.dep_ == "prep" and child.lower_ in CONTENT_PREPS:
            obj = _prep_object(child)
            if obj is not None and _has_mark(obj) and obj.lemma_.lower() not in lexicons.cues():
                yield obj, "quoted_object"
    for found in (_that_clause(cue), _subjectless_verb(cue)):
        if found is not None:
            yield found


def denied(cue: Any) -> bool:
    """The verb of saying is negated: "did not mention", "never said", "has yet to comment"."""
    if any(c.dep_ == "neg" or c.lower_ in DENIALS for c in cue.children):
        return True
    frame = cue.head if cue.dep_ == "xcomp" else None
    return frame is not None and (frame.lower_ == "yet" or any(
        c.lower_ == "yet" for c in frame.children))


def _empty_saying(child: Any) -> bool:
    """"declined [to comment on the talks]": an infinitive of saying with nothing said (no
    clause or object of its own, as "to say whether ..." has)."""
    return child.dep_ == "xcomp" and child.lemma_.lower() in lexicons.cues() and not any(
        c.dep_ in SAID_DEPS for c in child.children)


def _introduces_cue(child: Any) -> bool:
    """An "as saying" phrase: the verb inside reports the speech, not this one."""
    if child.dep_ != "prep" or child.lower_ != "as":
        return False
    obj = _prep_object(child)
    return obj is not None and obj.pos_ == "VERB" and obj.lemma_.lower() in lexicons.cues()


def _prep_object(prep: Any) -> Any | None:
    return next((t for t in prep.children if t.dep_ in ("pobj", "pcomp")), None)


def _that_clause(cue: Any) -> tuple[Any, str] | None:
    """``said in an update that [...]`` where the parser attached the clause elsewhere."""
    doc = cue.doc
    end = min(cue.sent.end, cue.i + 1 + THAT_WINDOW)
    for tok in doc[cue.i + 1: end]:
        if tok.lower_ == "that" and tok.dep_ == "mark" and tok.head.i > tok.i:
            return tok.head, "that_clause"
        if tok.pos_ in ("VERB", "AUX") or tok.text in (";", ":"):
            break
    return None


def _subjectless_verb(cue: Any) -> tuple[Any, str] | None:
    """``told him [Ukraine's process was on track]``: the object is the subject of a verb
    the parser left without one."""
    if not any(c.dep_ == "dative" for c in cue.children):
        return None
    for child in cue.children:
        if child.dep_ == "dobj" and child.i > cue.i:
            end = min(cue.sent.end, child.right_edge.i + 1 + OBJECT_CLAUSE_GAP)
            for tok in cue.doc[child.right_edge.i + 1: end]:
                if tok.pos_ in ("AUX", "VERB"):
                    if not _has_subject(tok) and tok.dep_ not in ("xcomp", "advcl", "acl"):
                        return child, "object_clause"
                    break
    return None


def _has_subject(tok: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _has_mark(tok: Any) -> bool:
    return any(t.text in QUOTE_MARKS for t in tok.subtree)


TO_SENTENCE_END = frozenset({"that_clause", "object_clause"})


def content_span(cue: Any, head: Any, stops: set[int], rule: str = "") -> Span | None:
    """Characters of the content headed by ``head``, cut at the cue and at stop tokens."""
    doc = cue.doc
    lo, hi = head.left_edge.i, head.right_edge.i
    if rule in TO_SENTENCE_END:
        hi = cue.sent.end - 1
    if head.dep_ == "dobj":  # "calling him [a total stiff]", "described X [as a work ...]"
        hi = max([hi] + [c.right_edge.i for c in cue.children if c.i > head.i and (
            c.dep_ in OBJECT_PREDICATES
            or c.dep_ == "prep")])
    if head.i > cue.i:
        hi = _quoted_conjunct(cue, hi)
        lo = max(lo, cue.i + 1)
        for i in range(lo, hi + 1):
            if i in stops and i > head.i:
                hi = i - 1
                break
    else:
        hi = min(hi, cue.left_edge.i - 1 if cue.left_edge.i > head.i else cue.i - 1)
        for i in range(hi, lo - 1, -1):
            if i in stops and i < head.i:
                lo = i + 1
                break
    while lo <= hi and (doc[lo].dep_ == "mark" and doc[lo].lower_ == "that" or doc[lo].is_space
                        or doc[lo].is_punct and doc[lo].text not in QUOTE_MARKS):
        lo += 1
    while hi >= lo and (doc[hi].is_space or doc[hi].is_punct and doc[hi].text not in QUOTE_MARKS):
        hi -= 1
    if hi - lo + 1 < MIN_CONTENT_TOKENS:
        return None
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _quoted_conjunct(cue: Any, hi: int) -> int:
    """``said [he had offers], but [“the offers were ...”]``: a clause joined to the cue
    right after its content that opens with a quotation mark carries on the reported
    words; the new end of the content."""
    doc = cue.doc
    for conj in cue.rights:
        if conj.dep_ != "conj" or conj.i <= hi:
            continue
        gap = doc[hi + 1: conj.left_edge.i]
        if conj.left_edge.text in QUOTE_MARKS and all(t.is_punct or t.dep_ == "cc" for t in gap):
            return conj.right_edge.i
    return hi


def according_to(doc: Any, stops: set[int], text: str) -> Iterator[Reported]:
    """``according to X, [content]``: the clause the phrase attaches to."""
    for m in ACCORDING.finditer(text):
        tok = doc.char_span(m.start(), m.start() + len("according"))
        if tok is None:
            continue
        tok = tok[0]
        if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        clause = tok.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        lo, hi = clause.left_edge.i, clause.right_edge.i
        phrase = list(tok.subtree)
        p_lo = min(t.i for t in phrase)
        p_hi = max(t.i for t in phrase)
        if p_lo <= lo + 1:
            lo = p_hi + 1
        else:
            hi = p_lo - 1
        while lo <= hi and (doc[lo].is_punct or doc[lo].is_space):
            lo += 1
        while hi >= lo and (doc[hi].is_punct or doc[hi].is_space):
            hi -= 1
        if hi - lo + 1 >= MIN_CONTENT_TOKENS:
            yield Reported(tok, (doc[lo].idx, doc[hi].idx + len(doc[hi].text)), "according_to")


def cue_after_content(cue: Any) -> tuple[Span, Any] | None:
    """``[content], Pavlo Kyrylenko, the Donetsk regional governor, said.`` when the parser
    found no complement: content runs from the sentence start to the comma before the
    speaker, who is the first noun phrase after that comma."""
    doc = cue.doc
    sent = cue.sent
    if any(t.pos_ in ("VERB", "AUX") for t in doc[cue.i + 1: sent.end] if t.dep_ != "punct"):
        return None
    comma = None
    for i in range(cue.i - 1, max(sent.start, cue.i - 1 - SPEAKER_WINDOW), -1):
        tok = doc[i]
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.text == "," and i + 1 < cue.i:
            comma = i
    if comma is None or comma - sent.start < MIN_CONTENT_TOKENS:
        return _inverted_cue_after_content(cue)
    speaker = next((t for t in doc[comma + 1: cue.i] if t.pos_ in ("PROPN", "NOUN", "PRON")),
                   None)
    if speaker is None:
        return None
    while speaker.i + 1 < cue.i and doc[speaker.i + 1].pos_ == "PROPN":
        speaker = doc[speaker.i + 1]
    return _sentence_up_to(doc, sent.start, comma), speaker


def _inverted_cue_after_content(cue: Any) -> tuple[Span, Any] | None:
    """``[content], said Geert Wilders, founder of ...`` when the parser gave the cue no
    complement: content up to the comma, speaker the subject after the cue."""
    doc, sent = cue.doc, cue.sent
    subj = [c for c in cue.rights if c.dep_ in ("nsubj", "nsubjpass")
            and c.left_edge.i == cue.i + 1]
    comma = cue.i - 1
    if doc[comma].text != "," or not subj or subj[0].pos_ not in ("PROPN", "NOUN") or \
            comma - sent.start < MIN_CONTENT_TOKENS:
        return None
    return _sentence_up_to(doc, sent.start, comma), subj[0]


def _sentence_up_to(doc: Any, start: int, comma: int) -> Span:
    """Characters from the sentence start (past leading punctuation other than quotation
    marks) to the token before ``comma``: the content before a sentence-final cue."""
    lo, hi = start, comma - 1
    while lo <= hi and doc[lo].is_punct and doc[lo].text not in QUOTE_MARKS:
        lo += 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


# Dependents of a verb that carry on its content after the one holding a quoted fragment:
# "blamed [the law] [on “knuckleheaded politicians”]", "called [it] [a “no-brainer”]".
FRAGMENT_ARGS = frozenset({"dobj", "prep", "oprd", "xcomp", "ccomp", "acomp", "attr",
                           "dative", "advcl", "npadvmod", "pobj"})
# Verbs whose quoted argument is not somebody's words: being and having.
FRAGMENT_NON_CUES = frozenset({"be", "have", "become", "include"})


def fragment_verb(tok: Any) -> Any | None:
    """The verb that governs a quoted fragment's first token, walking up nominal heads
    (``targets [a “corrupt political system”]``); None when a clause boundary comes first."""
    head = tok
    for _ in range(8):
        if head.head.i == head.i:
            return None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            while head.dep_ in ("pcomp", "xcomp") and not _has_subject(head):
                head = head.head  # "ripped X for [acting as “...”]": the finite verb
                while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                    head = head.head
            return head if head.lemma_.lower() not in FRAGMENT_NON_CUES else None
        if head.dep_ in ("relcl", "acl", "ccomp", "advcl"):
            return None
    return None


def fragment_content(verb: Any, fragment: Any, stops: set[int]) -> Span | None:
    """The verb's arguments after it, from the first to the one holding the fragment and
    any that complete it: the content of a mixed attribution like "X called Y “Z”"."""
    args = [c for c in verb.children if c.i > verb.i and c.dep_ in FRAGMENT_ARGS]
    holder = next((c for c in args if c.left_edge.i <= fragment.i <= c.right_edge.i), None)
    if holder is None:
        return None
    lo = args[0].left_edge.i
    if args[0].dep_ == "prep" and args[0].i == lo and args[0].i == verb.i + 1:
        lo += 1  # "referred to [him as ...]": the preposition belongs to the cue
    hi = max(c.right_edge.i for c in args if c.i <= holder.i or c.dep_ in OBJECT_PREDICATES
             or c.dep_ == "prep")
    hi = next((i - 1 for i in range(lo, hi + 1) if i in stops and i > fragment.i), hi)
    doc = verb.doc
    while hi >= lo and (doc[hi].is_space or doc[hi].is_punct and doc[hi].text not in QUOTE_MARKS):
        hi -= 1
    if hi < lo:
        return None
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def parenthetical(cue: Any, stops: set[int]) -> list[Span] | None:
    """``[Mr. Obama], officials said, [has become skeptical]``: a cue set off by commas
    inside the clause it reports; the content is the clause on both sides of it."""
    doc, clause = cue.doc, cue.head
    if cue.dep_ != "parataxis" or clause.i < cue.i or not _has_subject(cue):
        return None
    lo, hi = cue.left_edge.i, cue.right_edge.i
    while lo > 0 and doc[lo - 1].text == "," and doc[lo - 1].head.i == cue.i:
        lo -= 1
    before = (clause.left_edge.i, lo - 1)
    after = (hi + 1, clause.right_edge.i)
    if before[0] >= lo or doc[lo].text != "," and doc[lo - 1].text != ",":
        return None
    if any(i in stops for i in range(before[0], after[1] + 1)):
        return None
    spans = [_trimmed(doc, a, b) for a, b in (before, after)]
    if None in spans or after[1] - before[0] + 1 < MIN_CONTENT_TOKENS + 3:
        return None
    return [s for s in spans if s is not None]


def _trimmed(doc: Any, lo: int, hi: int) -> Span | None:
    """Characters of tokens lo..hi without punctuation or space at either end."""
    while lo <= hi and (doc[lo].is_space or doc[lo].is_punct and doc[lo].text not in QUOTE_MARKS):
        lo += 1
    while hi >= lo and (doc[hi].is_space or doc[hi].is_punct and doc[hi].text not in QUOTE_MARKS):
        hi -= 1
    return (doc[lo].idx, doc[hi].idx + len(doc[hi].text)) if lo <= hi else None
