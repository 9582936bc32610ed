"""Quotes stage: every attribution -- direct, mixed and indirect -- with cue and speaker.

1. pair opening and closing marks (roles decided by repair) within each paragraph;
2. direct quotes: a quoted segment standing on its own with a reporting verb right after
   it (``“...,” Mr Putin said``) or right before it (``Sadleir tweeted: “...”``); join a
   segment interrupted by its attribution (``“...,” he said, “...”``); give a cue-less,
   sentence-like quote that follows an attributed one its speaker (continuation);
3. reported clauses: the complement of every other reporting verb (``officials said
   [...]``, ``[...], the Treasury said``, ``according to X, [...]``); one holding a quoted
   fragment is a mixed quote;
4. resolve speakers in document order (see ``speakers``), so pronouns can refer back to
   earlier speakers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.strings import get_string_id

from .. import lexicons
from ..pipeline import Stage
from ..records import Article, Quote, Span, Speaker
from .indirect import (
    according_to,
    complements,
    content_span,
    cue_after_content,
    fragment_content,
    fragment_verb,
    parenthetical,
)
from .repair import QUOTE_TOKENS, has_quote_mark
from .segment_arrays import TokenArrays
from .speakers import (
    NOMINAL_POS,
    SpeakerIndex,
    covers,
    names_a_time,
    plausible_speaker,
    resolve,
    subject_of,
)

# Tokens a cue may sit after the closing mark: room for "Pavlo Kyrylenko, the Donetsk
# regional governor, said" but not for an unrelated clause later in the sentence.
AFTER_WINDOW = 16
# Tokens a speaker description may run between a closing mark and its cue when the whole
# stretch is the cue's subject ("Fred Kagan, director of the ... Institute, said").
LONG_SPEAKER_TOKENS = 40
# A sentence this short after a quote ending in ? or ! may be its attribution ("Trump
# asked."), which the parser split off at the closing mark.
SHORT_CUE_SENTENCE = 8
# Tokens between a cue and the opening mark of a direct quote ("said in a statement:").
BEFORE_GAP = 8
# A continuation quote may follow its speaker's previous quote by this many sentences.
CONTINUATION_SENTENCES = 3
MIN_CONTINUATION_WORDS = 3
# Characters an inner attribution may start after an outer content's start and still be
# read as opening it ("Authorities in the city of Kharkiv said ...").
OPENING_SLACK = 40
JOINER_DEPS = frozenset({"cc", "mark"})
# Zones no quote, cue or speaker is taken from.
SKIP_ZONES = frozenset({"caption", "credit", "subheading", "boilerplate"})
# Characters after which a quoted segment stands on its own rather than inside a clause.
STANDALONE_BEFORE = frozenset(".!?:;,—–-(“”\"")
# Invisible format characters scrapers leave in text (Unicode category Cf).
FORMAT_CHARS = "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"
MEDIUM_NOUNS = ("statement", "interview", "update", "post", "tweet", "op-ed", "letter",
                "briefing", "podcast", "broadcast", "email", "video")
MEDIA = ("twitter", "facebook", "instagram", "telegram", "x", "tiktok", "youtube", "linkedin")
# The string hash of "according", to find "according to" phrases in the LOWER array.
ACCORDING = get_string_id("according")


@dataclass
class Segment:
    """Text between an opening mark and its closing mark (or the paragraph end)."""

    open: int
    close: int  # offset of the closing mark, or paragraph end when unclosed
    closed: bool
    open_width: int = 1  # 2 for the marks '' and ``
    close_width: int = 1

    text: str = ""

    @property
    def inner(self) -> int:
        """Offset of the first character after the opening mark."""
        return self.open + self.open_width

    @property
    def after(self) -> int:
        """Offset just past the closing mark."""
        return self.close + (self.close_width if self.closed else 0)

    @property
    def content(self) -> Span:
        """Inside the marks, without a trailing comma ("“We will win,” she said")."""
        end = self.close
        while end > self.inner and self.text[end - 1] in ", \n":
            end -= 1
        return self.inner, end


def segments(article: Article) -> list[Segment]:
    """Pair marks into quoted segments, never across paragraphs."""
    out: list[Segment] = []
    paras = article.paragraphs or [(0, len(article.text))]
    pstarts = [p[0] for p in paras]
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for mark in article.quote_marks or []:
        by_kind.setdefault(mark["kind"], []).append(mark)
    for marks in by_kind.values():
        pending: dict[str, Any] | None = None
        for mark in marks:
            para = paras[max(0, bisect_right(pstarts, mark["offset"]) - 1)]
            if pending is not None and pending["para"] != para:
                out.append(Segment(pending["offset"], pending["para"][1], False,
                                   pending["width"]))
                pending = None
            if mark["role"] == "open":
                pending = {"offset": mark["offset"], "para": para,
                           "width": mark.get("width", 1)}
            elif pending is not None:
                out.append(Segment(pending["offset"], mark["offset"], True, pending["width"],
                                   mark.get("width", 1)))
                pending = None
        if pending is not None:
            out.append(Segment(pending["offset"], pending["para"][1], False, pending["width"]))
    for seg in out:
        seg.text = article.text
    out.sort(key=lambda s: s.open)
    # Single-mark segments inside a double-mark quote are quotes within quotes: drop them.
    return [s for s in out if not any(o is not s and o.open < s.open and s.close <= o.close
                                      for o in out)]


@lru_cache(maxsize=1)
def cue_lemmas() -> frozenset[str]:
    """Every verb lemma that may cue an attribution."""
    return frozenset(lexicons.cues()) | frozenset(lexicons.cue_relations())


def is_speech_cue(tok: Any) -> bool:
    """A verb of the reporting-verb lexicon: what may attribute a direct quote. (The
    derived cue-relation table also holds verbs like "vote" or "come", whose objects
    PolNeAR counts as content but which never introduce somebody's quoted words.)"""
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lexicons.cues()


def is_cue(tok: Any) -> bool:
    """A verb from the reporting-verb lexicon or the derived cue-relation table."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    return lemma != "be" and (lemma in lexicons.cues() or lemma in lexicons.cue_relations())


class _Finder:
    """Per-article state: the parse, quoted spans and the speaker index."""

    def __init__(self, article: Article, segs: list[Segment]) -> None:
        self.article = article
        self.doc = article.doc
        self.text = article.text
        self.segs = segs
        self.arrays = TokenArrays(self.doc)
        # tokens reading "according" (as in "according to CNN"), for _reported_via
        self.according: list[int] = np.flatnonzero(self.arrays.lower == ACCORDING).tolist()
        quoted = [(s.open, s.close + s.close_width) for s in segs]
        self.index = SpeakerIndex(self.doc, article.entities or [], quoted, self.arrays,
                                  self.text)
        self.skipped = sorted((z["start"], z["end"]) for z in article.zones or []
                              if z["kind"] in SKIP_ZONES)

    def in_skipped_zone(self, offset: int) -> bool:
        """Whether offset lies in a caption, credit, subheading or boilerplate zone."""
        return covers(self.skipped, offset)

    def tok(self, offset: int) -> Any:
        return self.index.token_at(offset)

    def inside_any(self, offset: int) -> bool:
        return self.index.in_quote(offset)

    def standalone(self, seg: Segment) -> bool:
        """Whether the segment starts a sentence or follows punctuation (not a title or a
        fragment inside a clause)."""
        before = self.text[max(0, seg.open - 200):seg.open]
        # any space: scraped text has no-break spaces, and invisible format characters
        # (U+202A, U+FEFF, soft hyphens) that stand where a space would
        stripped = before.rstrip().rstrip(FORMAT_CHARS).rstrip()
        if not stripped or "\n" in before[len(stripped):]:
            return True
        return stripped[-1] in STANDALONE_BEFORE

    def cue_after(self, seg: Segment) -> Any | None:
        """A cue verb just after the closing mark, in the same sentence."""
        if not seg.closed:
            return None
        close_tok = self.tok(seg.after - 1)
        sent = close_tok.sent
        last = self.text[seg.close - 1] if seg.close > 0 else ""
        nxt = close_tok.nbor(1) if close_tok.i + 1 < len(self.doc) else None
        split = nxt is not None and nxt.i >= sent.end and last in "?!" and \
            "\n" not in self.text[seg.after:nxt.idx]
        if split and nxt is not None and (nxt.is_lower or len(nxt.sent) <= SHORT_CUE_SENTENCE):
            sent = nxt.sent  # “... a bribe?” Trump asked. / “...!” he says to ...: the parser
            # ended the sentence at the closing mark
        elif split and nxt is not None:  # “...?” Trump asked reporters during a briefing.
            return self._opening_cue(nxt)
        if nxt is None or nxt.i >= sent.end:
            return None
        if last == "." and not nxt.is_lower:  # "... position.” President Xi did not"
            return None
        for tok in self.doc[close_tok.i + 1: min(sent.end, close_tok.i + 1 + AFTER_WINDOW)]:
            if tok.text in QUOTE_TOKENS and self.inside_any(tok.idx + len(tok.text)):
                break
            if is_speech_cue(tok):
                return tok
        return self._opening_cue(nxt, sent.end)

    def _opening_cue(self, first: Any, end: int | None = None) -> Any | None:
        """A speech verb whose subject is exactly the words from ``first`` up to it: the
        attribution after a closing mark when a long speaker description ("Fred Kagan,
        director of the ... Institute, said") or a parser's sentence split put it out of
        plain reach."""
        end = first.sent.end if end is None else end
        while first.is_punct and first.i + 1 < end and first.text not in QUOTE_TOKENS:
            first = first.nbor(1)
        for tok in self.doc[first.i: min(end, first.i + LONG_SPEAKER_TOKENS)]:
            if tok.text in QUOTE_TOKENS or "\n" in tok.text:
                return None
            if is_speech_cue(tok):
                subj = [c for c in tok.lefts if c.dep_ in ("nsubj", "nsubjpass")]
                if subj and subj[0].left_edge.i == first.i and all(
                        t.is_punct for t in self.doc[subj[0].right_edge.i + 1: tok.i]):
                    return tok
                return None
        return None

    def cue_before(self, seg: Segment) -> Any | None:
        """A cue verb right before the opening mark (``tweeted: “``, ``said, “``)."""
        open_tok = self.tok(seg.open)
        start = open_tok.sent.start
        prev = open_tok.i - 1
        while prev > 0 and self.doc[prev].is_space:  # "X responded:\n\n“...”"
            prev -= 1
        if open_tok.i == start and prev >= 0 and self.doc[prev].text in ":,":
            start = self.doc[prev].sent.start
        for i in range(open_tok.i - 1, max(start, open_tok.i - 1 - BEFORE_GAP) - 1, -1):
            tok = self.doc[i]
            if self.inside_any(tok.idx):
                return None
            if is_speech_cue(tok):
                gap = [t for t in self.doc[tok.i + 1: open_tok.i] if not t.is_space]
                if not gap or gap[-1].text in (":", ",") or all(
                        t.dep_ in GAP_DEPS for t in gap):
                    return tok
                return None
        return None


    def colon_before(self, seg: Segment) -> int | None:
        """Index of a colon right before the opening mark (spaces and line breaks between
        allowed), or None."""
        i = self.tok(seg.open).i - 1
        while i > 0 and self.doc[i].is_space:
            i -= 1
        return i if i >= 1 and self.doc[i].text == ":" else None

    def label_before(self, seg: Segment) -> tuple[Any, Any, int] | None:
        """``- HuffPollster: “...”``, ``More from Blumenthal and Cohen: “...”``: a short name
        standing alone before a colon and the opening mark; (colon, name head, start)."""
        i = self.colon_before(seg)
        if i is None:
            return None
        colon, names = self.doc[i], []
        for tok in reversed(self.doc[max(0, i - LABEL_MAX_TOKENS - 1): i]):
            if tok.text in LABEL_BOUNDARIES or tok.lower_ == "from" or "\n" in tok.text:
                break
            names.append(tok)
        else:
            if i - LABEL_MAX_TOKENS - 1 > 0:
                return None  # no boundary within reach: a sentence, not a label
        names.reverse()
        if not names or not all(t.text[:1].isupper() or t.lower_ in LABEL_JOINERS
                                for t in names if not t.is_space):
            return None
        heads = [t for t in names if t.pos_ == "PROPN"]
        return (colon, heads[-1], names[0].idx) if heads else None

    def colon_intro(self, seg: Segment) -> Any | None:
        """``Mr. Smith shot back: “...”``, ``Trump issued a statement: “...”``: a clause whose
        subject names someone, ending in a colon right before the quote, introduces that
        someone's words even without a speech verb; its verb is the cue."""
        i = self.colon_before(seg)
        if i is None or self.text[seg.inner: seg.close].count(" ") < 2:
            return None
        verb = self.doc[i].head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i > i or self.inside_any(verb.idx):
            # the parser hung the colon on the quote's verb: take the last verb before it
            sent_start = self.doc[i].sent.start
            verb = next((t for t in reversed(self.doc[sent_start:i]) if t.pos_ in ("VERB", "AUX")
                         and t.dep_ not in ("aux", "auxpass")), None)
            if verb is None or self.inside_any(verb.idx):
                return None
        head = subject_of(verb)
        if head is None or head.i > verb.i or self.inside_any(head.idx) or not (
                plausible_speaker(head) and (head.pos_ == "PROPN" or head.ent_type_ in
                                             ("PERSON", "ORG", "NORP", "GPE")
                                             or head.lower_ in ("he", "she", "they"))):
            return None
        return verb

    def cue_right_before(self, seg: Segment) -> bool:
        """``he said “We will win.”``: a speech verb directly before the opening mark, and
        the quote ends its clause (else ``says “the tide is turning” despite ...`` is a
        mixed quote, and ``did “great”`` a fragment: the reported rules take those)."""
        open_tok = self.tok(seg.open)
        if open_tok.i == 0:
            return False
        verb = self.doc[open_tok.i - 1]
        if not is_speech_cue(verb):
            return False
        inner_end = self.text[seg.inner: seg.close].rstrip()[-1:]
        after = self.text[seg.after: seg.after + 3].lstrip(" ")[:1]
        return inner_end in ".,!?;:" or after in ("", "\n") or after in ".,;:!?—–)"


# A label before a colon ("- Carl Bialik: “...”") is a short run of names after a dash or
# the paragraph start; these words may join the names.
LABEL_MAX_TOKENS = 6
LABEL_BOUNDARIES = frozenset({"-", "—", "–", "|", "•"})
LABEL_JOINERS = frozenset({"and", "&", "of", "'s", "’s", ".", ","})


GAP_DEPS = frozenset({"prep", "pobj", "det", "dobj", "dative", "amod", "compound", "punct",
                      "poss", "advmod", "npadvmod"})


@dataclass
class _Found:
    """An attribution before its speaker is resolved."""

    content: list[Span]
    cue: Any | None
    rule: str
    type: str
    speaker_head: Any | None = None
    continues: _Found | None = None
    speaker_span: Span | None = None  # set when the parse's noun phrase would be wrong
    quote: Quote | None = field(default=None, repr=False)

    @property
    def start(self) -> int:
        return self.content[0][0]


class QuotesStage(Stage):
    """Direct, mixed and indirect quotes with cues and resolved speakers."""

    name = "quotes"
    requires = frozenset({"doc", "quote_marks", "paragraphs", "entities", "zones"})
    assigns = frozenset({"quotes"})

    def process(self, article: Article) -> None:
        article.quotes = extract_quotes(article)


def extract_quotes(article: Article) -> list[Quote]:
    """All attributions of an article (see the module docstring for the steps)."""
    segs = [s for s in segments(article) if article.text[s.inner: s.close].strip()]
    finder = _Finder(article, segs)
    segs = [s for s in segs if not finder.in_skipped_zone(s.open)]
    found = _direct(finder, segs)
    found += _reported(finder, found)
    found = [x for x in found if not finder.in_skipped_zone(x.start)
             and not (x.cue is not None and finder.in_skipped_zone(x.cue.idx))
             and not _dateline_subject(finder, x)]
    found.sort(key=lambda x: x.start)
    _reattach_continuations(found)
    return _resolve(finder, found)


def _dateline_subject(finder: _Finder, item: _Found) -> bool:
    """A reported clause whose 'speaker' is the dateline ("OSLO, 12 March —") is a misparse:
    the parser made the place the subject of the first sentence's verb."""
    head = item.speaker_head
    return item.type != "direct" and head is not None and finder.in_skipped_zone(head.idx)


def _reattach_continuations(found: list[_Found]) -> None:
    """A cue-less quote continues the attribution right before it: when a reported clause
    comes between it and the direct quote it was first given to ("“Q1,” Ryder wrote. Ash
    argued that ... “Q2.”"), it continues the reported one. A clause in the sentence of the
    first quote's own cue (", Sanders said, referring to ...") does not count. ``found`` is
    in text order."""
    for k, item in enumerate(found):
        parent = item.continues
        if parent is None:
            continue
        clause_end = max(t.sent.end_char for t in (parent.cue, parent.speaker_head)
                         if t is not None) if parent.cue is not None else parent.content[-1][1]
        between = [x for x in found[:k] if x.rule != "continuation" and x.cue is not None
                   and x.cue.idx >= max(clause_end, parent.content[-1][1])
                   and x.content[-1][1] <= item.start]
        if between:
            item.continues = max(between, key=lambda x: x.content[-1][1])


def _direct(f: _Finder, segs: list[Segment]) -> list[_Found]:
    out: list[_Found] = []
    used: set[int] = set()
    last: _Found | None = None
    for k, seg in enumerate(segs):
        if k in used or not (f.standalone(seg) or f.cue_right_before(seg)) or \
                _appositive_title(f, seg):
            continue
        item = _attribute(f, seg, segs, k, used)
        if item is not None and last is not None and item.cue is not None and \
                last.cue is not None and item.cue.i == last.cue.i:
            item = None  # “Q1,” X said. “Q2.”: Q2 reuses Q1's cue, so it continues Q1
        if item is None and last is not None:
            item = _continuation(f, seg, last)
        if item is not None:
            out.append(item)
            last = item
    return out


def _appositive_title(f: _Finder, seg: Segment) -> bool:
    """``his 2012 book, “An American Son,”``: a title set off by a comma after the noun it
    names is that noun's apposition, not somebody's words."""
    before = f.text[max(0, seg.open - 3): seg.open].rstrip()
    if not before.endswith(","):
        return False
    comma = f.tok(f.text.rindex(",", 0, seg.open))
    noun = f.doc[comma.i - 1] if comma.i > 0 else comma
    return noun.pos_ == "NOUN" and _is_title(f, seg, f.tok(seg.inner))


def _attribute(f: _Finder, seg: Segment, segs: list[Segment], k: int,
               used: set[int]) -> _Found | None:
    after = f.cue_after(seg)
    before = f.cue_before(seg)
    ends_with_comma = f.text[seg.close - 1: seg.close] in (",", "?", "!", "—")
    near_after = after is not None and after.i - f.tok(seg.after - 1).i <= 3
    if after is not None and (ends_with_comma or near_after or before is None):
        content, rule = [seg.content], "cue_after"
        nxt = segs[k + 1] if k + 1 < len(segs) else None
        if nxt is not None and _interrupted(f, seg, nxt, after):
            content.append(nxt.content)
            used.add(k + 1)
            rule = "interrupted"
        elif (lead := _unquoted_lead(f, seg)) is not None:
            content, rule = [(lead, seg.after)], "quoted_predicate"
        cue = after
    elif (label := f.label_before(seg)) is not None:
        colon, name, start = label
        return _Found([seg.content], colon, "label", "direct", name,
                      speaker_span=(start, name.idx + len(name.text)))
    elif before is not None:
        cue, content, rule = before, [seg.content], "cue_before"
    elif (intro := f.colon_intro(seg)) is not None:
        cue, content, rule = intro, [seg.content], "colon_intro"
    else:
        return None
    head = subject_of(cue)
    if head is None or seg.open <= head.idx < seg.after or not plausible_speaker(head):
        head = _speaker_outside(f, seg, cue)  # no subject, or the parse took a quoted word
    if head is None:
        return None
    return _Found(content, cue, rule, "mixed" if rule == "quoted_predicate" else "direct", head)


# Words before a quote in its sentence that make them one clause with it: ``The party,
# typically attended by hundreds, “allows us to get our message out,” he said``.
MIN_LEAD_WORDS = 3
# How a quote that completes a clause starts: with its verb or an adverb, not a subject.
PREDICATE_START_POS = frozenset({"VERB", "AUX", "ADV", "PART"})


def _unquoted_lead(f: _Finder, seg: Segment) -> int | None:
    """Start of the writer's words that open the clause a quote completes (its subject
    and what the journalist says about it), or None when the quote opens its sentence or
    follows a cue, a colon or another quote."""
    open_tok, first = f.tok(seg.open), f.tok(seg.inner)
    if not first.is_lower or first.pos_ not in PREDICATE_START_POS:
        return None  # the quote has its own subject: “we will win,” / “The plan ...”
    lead = [t for t in f.doc[open_tok.sent.start: open_tok.i] if not t.is_space]
    words = [t for t in lead if t.is_alpha]
    if len(words) < MIN_LEAD_WORDS or lead[-1].text not in (",", "—", "–") or any(
            t.text in QUOTE_TOKENS or t.text == ":" or _has_own_subject(t) for t in lead):
        return None
    return lead[0].idx


def _has_own_subject(tok: Any) -> bool:
    """A verb with its subject: a clause of its own, not part of a noun phrase."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass")
                                               for c in tok.children)


def _speaker_outside(f: _Finder, seg: Segment, cue: Any) -> Any | None:
    """For a cue after the quote: the speaker named between the closing mark and the cue
    (``,” Briggs said``), else right after the cue (``,” said Briggs``); the top nominal
    of that stretch. None for a cue before the quote."""
    if cue.idx < seg.after:
        return None
    lo, hi = f.tok(seg.after - 1).i + 1, cue.i
    if not any(t.pos_ in NOMINAL_POS for t in f.doc[lo:hi]):
        lo, hi = cue.i + 1, min(cue.i + 1 + BEFORE_GAP, cue.sent.end)
        hi = next((t.i for t in f.doc[lo:hi] if t.is_punct), hi)  # "said X, asked ..."
    stretch = [t for t in f.doc[lo:hi] if plausible_speaker(t) and not f.inside_any(t.idx)]
    tops = [t for t in stretch if not lo <= t.head.i < hi or t.head.i == t.i]
    return (tops or stretch or [None])[0]


def _interrupted(f: _Finder, seg: Segment, nxt: Segment, cue: Any) -> bool:
    """“...,” he said, “...”: the next segment continues the same quote."""
    if not seg.closed or nxt.open <= cue.idx:
        return False
    gap = f.text[seg.after: nxt.open]
    if not (gap.rstrip().endswith((",", ":")) and "\n" not in gap and len(gap) < 120):
        return False
    lo, hi = f.tok(seg.after - 1).i + 1, f.tok(nxt.open).i
    # “Q1,” Trump said. He added, “Q2” / he said, adding, “Q2”: the second quote has its
    # own cue; a participle with words of its own ("said Sherman, speaking of politicians,
    # “...”") describes the first cue instead
    return not any(is_speech_cue(t) and t.i != cue.i and (
        t.dep_ not in ("advcl", "xcomp", "acl") or hi - t.i <= 2) for t in f.doc[lo:hi])


def _continuation(f: _Finder, seg: Segment, last: _Found) -> _Found | None:
    """A cue-less, sentence-like quote shortly after another gets the same speaker."""
    words = f.text[seg.inner: seg.close].split()
    if len(words) < MIN_CONTINUATION_WORDS or not words[0][:1].isupper():
        return None
    prev = f.text[:seg.open].rstrip()[-1:]
    if prev and prev not in ".!?”\"’':":
        return None  # a fragment inside a sentence: a title or a scare quote
    sent_now = f.index.sent_of_tok[f.tok(seg.inner).i]
    last_end = max(e for _, e in last.content)
    sent_last = f.index.sent_of_tok[f.tok(last_end - 1).i]
    if sent_now - sent_last > CONTINUATION_SENTENCES:
        return None
    return _Found([seg.content], None, "continuation", "direct", continues=last)


def _reported(f: _Finder, direct: list[_Found]) -> list[_Found]:
    """Complements of reporting verbs not already used by a direct quote."""
    used_cues = {d.cue.i for d in direct if d.cue is not None}
    stops = _stop_tokens(f, direct)
    taken = [s for d in direct for s in d.content]
    out = []
    for i in f.arrays.tokens_with_lemma(cue_lemmas()):
        tok = f.doc[i]
        if tok.i in used_cues or not is_cue(tok) or f.inside_any(tok.idx):
            continue
        item = _reported_one(f, tok, stops)
        if item is not None and item.speaker_head is not None and f.inside_any(
                item.speaker_head.idx):
            item = _speaker_from_direct(item, direct)
        if item is not None and not any(_overlaps(c, taken) for c in item.content):
            item.content = [_trim_tail(f, _cover_segments(f, c)) for c in item.content]
            out.append(item)
    for rep in according_to(f.doc, stops, f.text):
        if not _overlaps(rep.content, taken):
            obj = [t for t in f.doc[rep.cue.i + 1].children if t.dep_ == "pobj"]
            out.append(_Found([rep.content], rep.cue, rep.rule, _kind(f.text, rep.content),
                              obj[0] if obj else None))
    taken += [c for x in out for c in x.content]
    out += _fragments(f, stops, taken, used_cues)
    return _outermost(out)


# Short words a title keeps in lower case ("The Art of the Deal").
TITLE_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())


def _is_title(f: _Finder, seg: Segment, first: Any) -> bool:
    """A capitalised fragment (``on “Good Morning America”``, ``his book “The Art of the
    Deal”``) names a work or show, not somebody's words -- unless it labels something
    (``referred to the US as the “Great Satan”``, ``called him “Little Marco”``)."""
    words = [w for w in f.text[seg.inner: seg.close].split() if w[:1].isalpha()]
    if not words or not all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words):
        return False
    before = f.text[max(0, seg.open - 12): seg.open].lower().split()
    return "as" not in before[-2:] and first.dep_ != "oprd" and first.head.dep_ != "oprd"


# Entity types of speakers; pronouns that stand for people or groups.
SPEAKER_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you"})
# How a quoted fragment may hang off its verb to be that verb's subject's words: as the
# object or complement ("hammering his “unsuitability”"), or after "as" ("portrayed them as
# “rapists”"); other prepositions mostly hold scare quotes ("by merely “picking up”").
FRAGMENT_ARG_DEPS = frozenset({"dobj", "oprd", "xcomp", "ccomp", "attr", "acomp", "dative"})


def _names_someone(head: Any) -> bool:
    """A subject that names a speaker: a name, a personal pronoun, or an entity."""
    if not plausible_speaker(head):
        return False
    return head.pos_ == "PROPN" or head.lower_ in PERSONAL_PRONOUNS or \
        head.ent_type_ in SPEAKER_ENTS or head.lemma_.lower() in lexicons.titles()


def _fragment_is_argument(f: _Finder, seg: Segment, verb: Any) -> bool:
    """Whether the fragment is (in) an object or complement of the verb, or its "as"
    phrase -- not a modifier inside a noun phrase (the “contested convention” scenario)."""
    first, last = f.tok(seg.inner), f.tok(seg.close - 1)
    holder = next((c for c in verb.children if c.left_edge.i <= first.i <= c.right_edge.i),
                  None)
    if holder is None:
        return False
    if not (holder.dep_ in FRAGMENT_ARG_DEPS or holder.dep_ == "prep" and holder.lower_ == "as"):
        return False
    inside = range(first.i, last.i + 1)
    top = next((t for t in f.doc[first.i: last.i + 1] if t.head.i not in inside), first)
    return not (top.dep_ in ("compound", "amod", "nmod") and top.head.i > last.i)


def _fragments(f: _Finder, stops: set[int], taken: list[Span],
               used_cues: set[int]) -> list[_Found]:
    """Quoted fragments no other rule attributed: the verb that governs one reports its
    subject's words ("Trump identified the judge as “Spanish”", "The ad targets a
    “corrupt political system”")."""
    out: list[_Found] = []
    for seg in f.segs:
        if not seg.closed or _overlaps((seg.open, seg.after), taken):
            continue
        first = f.tok(seg.inner)
        if _is_title(f, seg, first):
            continue
        verb = fragment_verb(first)
        if verb is None or verb.i in used_cues or verb.idx > seg.open or f.inside_any(verb.idx):
            continue
        head = subject_of(verb)
        if head is None or f.inside_any(head.idx) or not _names_someone(head):
            continue
        if not _fragment_is_argument(f, seg, verb):
            continue
        span = fragment_content(verb, first, stops)
        if span is None or _overlaps(span, taken):
            continue
        span = _cover_segments(f, span)
        out.append(_Found([span], verb, "quoted_fragment", "mixed", head))
        taken.append(span)
    return out


def _speaker_from_direct(item: _Found, direct: list[_Found]) -> _Found | None:
    """A cue whose parsed subject is a word inside a direct quote ("..., said X,
    suggesting that ..."): the speaker of the direct quote whose cue governs it, else
    no attribution."""
    for d in direct:
        if d.cue is not None and item.cue is not None and d.cue.is_ancestor(item.cue):
            item.speaker_head = d.speaker_head
            return item
    return None


def _reported_one(f: _Finder, tok: Any, stops: set[int]) -> _Found | None:
    """The attribution a reporting verb heads, if any.

    A sentence-final cue after ", Name, the governor," takes its speaker from that phrase:
    the parser's subject for such a cue is often a word inside the long content before it.
    """
    speech = lexicons.cues().get(tok.lemma_.lower(), {}).get("kind") == "speech"
    late = cue_after_content(tok) if speech else None  # "..., a claim not recognized."
    head = subject_of(tok) or _subject_in_left_clause(tok)
    if head is not None and names_a_time(head):
        return None
    if late is not None and (head is None or head.i < late[1].i):
        return _Found([late[0]], tok, "cue_after_content", _kind(f.text, late[0]), late[1])
    if head is None:
        return None
    around = parenthetical(tok, stops) if tok.lemma_.lower() in lexicons.cues() else None
    if around is not None:
        return _Found(around, tok, "parenthetical", _kind(f.text, (around[0][0], around[-1][1])),
                      head)
    for comp, rule in complements(tok):
        span = content_span(tok, comp, stops, rule)
        if span is not None and not span[0] <= head.idx < span[1]:  # never the speaker
            return _Found([span], tok, rule, _kind(f.text, span), head)
    return None


RELATIVE_SUBJECTS = frozenset({"who", "which", "that"})


def _subject_in_left_clause(cue: Any) -> Any | None:
    """``One attendee, who like others spoke on condition of anonymity, said ...``: the
    parser made "spoke" the cue's clause and left the cue without a subject; the speaker is
    the noun the relative clause describes."""
    for clause in cue.lefts:
        rel = next((c for c in clause.subtree if c.dep_ == "nsubj"
                    and c.lower_ in RELATIVE_SUBJECTS), None)
        if clause.dep_ == "ccomp" and rel is not None:
            nouns = [t for t in cue.doc[clause.left_edge.i: rel.i] if t.pos_ in ("NOUN", "PROPN")]
            return nouns[-1] if nouns else None
    return None


def _cover_segments(f: _Finder, span: Span) -> Span:
    """Widen a reported clause to the closing mark of a quoted fragment it opens
    (``waterboarding is “peanuts,”``): content never ends inside a quotation."""
    start, end = span
    for seg in f.segs:
        if start <= seg.open < end <= seg.close and seg.closed:
            end = seg.after
        elif seg.open < start < seg.after <= end:
            start = seg.open
    return start, end


# What may follow a quoted fragment without being part of the reported words: a dash
# or a subordinate clause the writer adds ("is “excited where we stand” as he faces ...").
TAIL_AFTER_QUOTE = re.compile(r"^[,;]?\s*(?:—|–|--|-\s|\(|(?:as|though|although|while|"
                              r"whereas|but|even\s+as|after|before|since|which|when)\b)")


def _trim_tail(f: _Finder, span: Span) -> Span:
    """End mixed content at its last closing mark when what follows is the writer's own
    addition, not the speaker's words."""
    start, end = span
    closes = [s.after for s in f.segs if s.closed and start < s.after < end]
    if not closes:
        return span
    last = max(closes)
    return (start, last) if TAIL_AFTER_QUOTE.match(f.text[last:end]) else span


def _outermost(found: list[_Found]) -> list[_Found]:
    """One role per word (PolNeAR's univocal scheme): an attribution whose cue lies inside
    another's content is reported speech within reported speech and is dropped -- unless
    it opens that content ("Authorities said X, while Y, the governor said"), in which case
    the outer content starts after it."""
    found = sorted(found, key=lambda x: x.start)
    drop: set[int] = set()
    for o in found:
        s, e = o.content[0][0], o.content[-1][1]
        for x in found:
            cue = x.cue.idx if x.cue is not None else -1
            if x is o or not s <= cue < e or id(x) in drop or x.cue is o.cue:
                continue
            if len(o.content) > 1 and not any(a <= cue < b for a, b in o.content):
                continue  # in the gap of a parenthetical: that is o's own cue clause
            xs, xe = x.content[0][0], x.content[-1][1]
            head = x.speaker_head.idx if x.speaker_head is not None else cue
            if len(o.content) == 1 and min(head, xs) - s <= OPENING_SLACK and xe < e:
                o.content = [(_skip_joiners(o, xe, e), e)]
                s = o.content[0][0]
            else:
                drop.add(id(x))
    return [x for x in found if id(x) not in drop]


def _skip_joiners(item: _Found, start: int, end: int) -> int:
    """First offset after ``start`` that is not punctuation or a joining word."""
    doc = item.cue.doc if item.cue is not None else None
    if doc is None:
        return start
    for tok in doc:
        if tok.idx >= start and not (tok.is_punct or tok.is_space or tok.dep_ in JOINER_DEPS):
            return min(tok.idx, end)
    return start


def _stop_tokens(f: _Finder, direct: list[_Found]) -> set[int]:
    """Tokens where a reported clause must end: a direct quote's opening mark (and a colon
    before it), and the cues of other attributions."""
    stops: set[int] = set()
    for d in direct:
        for start, _ in d.content:
            i = f.tok(start - 1).i
            stops.add(i)
            if i > 0 and f.doc[i - 1].text == ":":
                stops.add(i - 1)
        if d.cue is not None:
            stops.add(d.cue.i)
    return stops


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def _kind(text: str, span: Span) -> str:
    return "mixed" if has_quote_mark(text[span[0]: span[1]]) else "indirect"


def _resolve(f: _Finder, found: list[_Found]) -> list[Quote]:
    """Speakers in document order; quotes numbered q1, q2, ... by position."""
    quotes: list[Quote] = []
    for n, item in enumerate(found):
        qid = f"q{n + 1}"
        if item.continues is not None and item.continues.quote is not None:
            prev = item.continues.quote
            s = prev.speaker
            speaker = Speaker(list(s.mention), s.name, s.entity, "continuation")
            quote = Quote(qid, item.type, item.content, [], speaker, item.rule,
                          continues=prev.id)
        else:
            speaker = resolve(item.speaker_head, f.index, item.speaker_span) \
                if item.speaker_head is not None else Speaker([], None, None, "unknown")
            cue = item.cue
            quote = Quote(qid, item.type, item.content,
                          [(cue.idx, cue.idx + len(cue.text))] if cue is not None else [],
                          speaker, item.rule)
            if cue is not None:
                _addressee_and_medium(cue, quote)
                quote.via = _reported_via(f, cue, quote)
        item.quote = quote
        quotes.append(quote)
    return quotes


def _reported_via(f: _Finder, cue: Any, quote: Quote) -> dict[str, Any] | None:
    """``“...,” Sanders said, according to CNN``: who reports the quote, from an "according
    to" phrase in the cue's sentence outside the quoted words."""
    doc, sent = cue.doc, cue.sent
    quoter = _quoted_by(cue)
    if quoter is not None:  # "CCTV quoted Mr Xi as saying ...": CCTV reports it
        start, end = quoter.left_edge.idx, quoter.right_edge.idx + len(quoter.right_edge.text)
        return {"name": f.text[start:end], "start": start, "end": end}
    for i in f.according:  # the sentence's "according" tokens, not every token of it
        if not sent.start <= i < sent.end - 1:
            continue
        tok = doc[i]
        if doc[tok.i + 1].lower_ != "to":
            continue
        if any(s <= tok.idx < e for s, e in quote.content):
            continue
        obj = next((t for t in doc[tok.i + 1].children if t.dep_ == "pobj"), None)
        if obj is not None:
            start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text)
            return {"name": f.text[start:end], "start": start, "end": end}
    return None


def _quoted_by(cue: Any) -> Any | None:
    """The subject of "quote" in ``X quoted Y as saying``, for the cue "saying"."""
    tok = cue
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lemma_.lower() == "quote":
            return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _addressee_and_medium(cue: Any, quote: Quote) -> None:
    """`told Mr Putin`, `told CNN`, `wrote on Twitter`, `in a Facebook post`, `tweeted`."""
    lemma = cue.lemma_.lower()
    if lemma == "tweet":
        quote.medium = "Twitter"
    for child in cue.children:
        if lemma == "tell" and child.dep_ in ("dobj", "dative") and child.i > cue.i:
            span = child.doc[child.left_edge.i: child.i + 1]
            if child.ent_type_ == "ORG":
                quote.medium = span.text
            else:
                quote.addressee = span.text
        if child.dep_ == "prep" and child.lower_ in ("on", "in", "via"):
            for obj in child.subtree:
                if obj.lower_ in MEDIA:
                    quote.medium = quote.medium or obj.text
                    break
                if obj.lower_ in MEDIUM_NOUNS and obj.dep_ == "pobj":
                    quote.medium = quote.medium or child.doc[obj.left_edge.i: obj.i + 1].text
                    break
