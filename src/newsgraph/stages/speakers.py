"""Speakers: the subject of a cue, and the entity it refers to.

Rules, in order: a name inside an article entity; a pronoun resolved to the nearest
compatible subject before it (outside quotes, within a few sentences); a description
("the minister") matched to an entity's recorded role; otherwise the words as written with
no entity -- never a guess presented as an answer.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from .. import lexicons
from ..records import Entity, Span, Speaker
from .dates import vocab as date_vocab
from .docarrays import DocArrays

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# How many sentences back a pronoun may look for its antecedent: news pronouns refer to
# someone named in the same or the previous couple of sentences.
PRONOUN_WINDOW_SENTENCES = 3
PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m"}
GROUP_PRONOUNS = frozenset({"they", "it", "we"})
ENTITY_LABELS_FOR_IT = frozenset({"ORG", "GPE", "NORP"})


@dataclass
class Candidate:
    """An earlier mention a pronoun may refer to."""

    start: int
    end: int
    entity: Entity | None
    name: str
    subject: bool
    plural: bool


class SpeakerIndex:
    """Entity mentions of one article, indexed by offset, for resolving speakers."""

    def __init__(self, doc: Any, entities: list[Entity], quoted: list[Span],
                 arrays: DocArrays | None = None, text: str | None = None) -> None:
        arrays = arrays or DocArrays(doc)
        self.doc = doc
        self._text = text  # the Doc's text, when the caller has it (the article's text)
        self.quoted = sorted(quoted)
        self.by_offset: list[tuple[int, int, Entity]] = sorted(
            (m.start, m.end, e) for e in entities for m in e.mentions
        )
        self.starts = [s for s, _, _ in self.by_offset]
        self.tok_starts = arrays.starts
        self.sent_of_tok = arrays.sent_of_tok
        self._sent_bounds: list[Span] | None = None
        self.extra: list[Candidate] = []  # resolved speakers, added as they are found

    @property
    def text(self) -> str:
        """The Doc's text, read on first use: Doc.text is rebuilt from every token on each
        access, and most articles never need it here."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    @property
    def sent_bounds(self) -> list[Span]:
        """Character spans of the Doc's sentences, walked on first use (pronouns only)."""
        if self._sent_bounds is None:
            self._sent_bounds = [(s.start_char, s.end_char) for s in self.doc.sents]
        return self._sent_bounds

    def in_quote(self, offset: int) -> bool:
        return covers(self.quoted, offset)

    def token_at(self, offset: int) -> Any:
        return self.doc[max(0, bisect_right(self.tok_starts, offset) - 1)]

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), persons first."""
        hits = []
        i = bisect_right(self.starts, end)
        for s, e, ent in self.by_offset[max(0, i - 40):i]:
            if s < end and start < e:
                hits.append(ent)
        hits.sort(key=lambda ent: ent.label != "PERSON")
        return hits[0] if hits else None

    def remember(self, cand: Candidate) -> None:
        self.extra.append(cand)

    def candidates(self, offset: int) -> list[Candidate]:
        """Mentions before offset within the pronoun window, outside quotes, nearest last."""
        sent = self.sent_of_tok[self.token_at(offset).i]
        lo = self.sent_bounds[max(0, sent - PRONOUN_WINDOW_SENTENCES)][0]
        out = []
        j = bisect_right(self.starts, offset)
        for s, e, ent in self.by_offset[:j]:
            if s < lo or e > offset or self.in_quote(s):
                continue
            tok = self.token_at(e - 1)
            subj = tok.dep_ in SUBJECT_DEPS or tok.head.dep_ in SUBJECT_DEPS and tok.dep_ in (
                "compound", "flat", "appos")
            out.append(Candidate(s, e, ent, ent.name, subj, ent.label == "NORP"))
        out.extend(c for c in self.extra if lo <= c.start and c.end <= offset)
        out.sort(key=lambda c: c.start)
        return out


def covers(spans: list[Span], offset: int) -> bool:
    """Whether one of the sorted, non-overlapping ``spans`` contains ``offset``."""
    i = bisect_right(spans, (offset, 10**12)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def subject_of(verb: Any) -> Any | None:
    """The subject of a cue verb, inherited through conjunctions and participles.

    "X quoted Y as saying ..." gives Y; "X said ... but pledged ..." gives X even when the
    parser attached "pledged" to a verb inside X's reported clause.
    """
    tok = verb
    for _ in range(6):
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                if tok is not verb and tok.lemma_.lower() == "quote":
                    break
                return _through_reported_clause(verb, tok, child)
        if tok.lemma_.lower() == "quote" and tok is not verb:
            for child in tok.children:
                if child.dep_ in ("dobj", "nsubjpass"):
                    return child
        if tok.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep") and tok.head.i != tok.i:
            tok = tok.head
            continue
        if tok.dep_ == "relcl" and tok.head.i != tok.i:
            return tok.head
        if tok.dep_ == "acl" and tok.head.dep_ == "dobj":  # "X issued a statement saying"
            tok = tok.head.head
            continue
        break
    for child in verb.children:  # passive with agent: "was told by X"
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


# Entity types that can be a clause's subject but never say anything ("said Saturday"
# mis-parsed, "25 percent say" counts people a poll asked).
NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL",
                              "ORDINAL"})
NOMINAL_POS = frozenset({"PROPN", "NOUN", "PRON"})


def plausible_speaker(tok: Any) -> bool:
    """Whether a token can name who speaks: a noun, name or pronoun that is not a date,
    number or an article's dateline ("LONDON —")."""
    if tok.pos_ not in NOMINAL_POS or tok.ent_type_ in NOT_SPEAKER_ENTS:
        return False
    return not names_a_time(tok) and not (
        tok.text.isupper() and len(tok.text) > 2 and tok.sent.start == 0 and tok.i < 6)


def names_a_time(tok: Any) -> bool:
    """A date or time word: never a speaker, though the parser may make it a subject
    ("Saturday at the convention Warren said ...")."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in date_vocab()["weekday"]


def _through_reported_clause(verb: Any, holder: Any, subject: Any) -> Any:
    """If a conjoined cue inherited its subject from a verb inside another cue's reported
    clause, the speaker is that other cue's subject."""
    if holder is verb or verb.dep_ != "conj":
        return subject
    anc = holder
    while anc.dep_ != "ROOT" and anc.head.i != anc.i:
        if anc.dep_ in ("ccomp", "parataxis") and anc.head.lemma_.lower() in lexicons.cues():
            for child in anc.head.children:
                if child.dep_ in SUBJECT_DEPS:
                    return child
        anc = anc.head
    return subject


def mention_span(head: Any) -> Span:
    """The words naming the speaker: the entity around the head, else its noun phrase."""
    if head.ent_iob_ in ("B", "I"):
        doc = head.doc
        i = head.i
        while i > 0 and doc[i].ent_iob_ == "I":
            i -= 1
        j = head.i
        while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
            j += 1
        left = min(doc[i].idx, head.left_edge.idx)
        return left, doc[j].idx + len(doc[j].text)
    return head.left_edge.idx, head.idx + len(head.text)


def resolve(head: Any, index: SpeakerIndex, span: Span | None = None) -> Speaker:
    """Speaker record for the subject token of a cue (``span``: the mention, when the
    caller knows it better than the parse)."""
    start, end = span or mention_span(head)
    word = head.lower_
    if word in PERSON_PRONOUNS or word in GROUP_PRONOUNS:
        return _resolve_pronoun(head, (start, end), index)
    if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl" and head.head.head.i != head.i:
        named = resolve(head.head.head, index)  # "the senator, who said": the senator
        return Speaker([(start, end)], named.name, named.entity, "relative pronoun")
    entity = index.entity_at(head.idx, head.idx + len(head.text))
    if entity is not None:
        speaker = Speaker([(start, end)], entity.name, entity.id, "name")
    else:
        speaker = Speaker([(start, end)], _clean(index.text[start:end]), None,
                          "description" if word in lexicons.titles() else "unresolved")
    index.remember(Candidate(start, end, entity, speaker.name or "", True,
                             head.tag_ in ("NNS", "NNPS")))
    return speaker


def _clean(text: str) -> str:
    return text.strip(" ,“”\"‘’'").replace("\n", " ")


def _resolve_pronoun(head: Any, span: Span, index: SpeakerIndex) -> Speaker:
    word = head.lower_
    gender = PERSON_PRONOUNS.get(word)
    best: Candidate | None = None
    cands = index.candidates(span[0])
    for want_subject in (True, False):
        for cand in reversed(cands):
            if want_subject and not cand.subject:
                continue
            if _compatible(word, gender, cand):
                best = cand
                break
        if best:
            break
    if best is None:
        return Speaker([span], None, None, "unknown")
    speaker = Speaker([span], best.name, best.entity.id if best.entity else None, "pronoun")
    index.remember(Candidate(span[0], span[1], best.entity, best.name, True, best.plural))
    return speaker


def _compatible(word: str, gender: str | None, cand: Candidate) -> bool:
    ent = cand.entity
    if gender:  # he / she: a person of compatible gender
        if ent is None or ent.label != "PERSON":
            return False
        return ent.gender in (None, gender)
    if word == "they":
        return cand.plural or (ent is not None and ent.label in ENTITY_LABELS_FOR_IT)
    return ent is not None and ent.label in ENTITY_LABELS_FOR_IT
