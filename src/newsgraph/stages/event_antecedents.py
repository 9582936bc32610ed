"""Who a word stands for when the clause does not name it: the author of a proposal
named again ("the Greens also oppose the measures"), the party a stance on a bare "this"
is about, and the role noun that reports a pronoun's clause ("the party leader said he
would resign"). Pure functions over the parse, used by the events stage.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..lexicons import cues
from . import actors as act
from .event_args import is_agentive

# A proposal named again with a definite article ("oppose the proposals") is aimed at its
# author named up to this many sentences before (this one included), by a possessive or
# as the subject of a proposing verb. Only stances taken on it are aimed so: verbal
# conflict and approval (CAMEO 05), not a proposal of one's own ("proposed the idea").
PROPOSALS = frozenset({"proposal", "plan", "idea", "scheme", "measure", "bill", "reform",
                       "policy", "motion", "offer", "initiative", "order"})
PROPOSING_VERBS = frozenset({"propose", "suggest", "unveil", "table", "announce", "outline",
                             "introduce"})
# "X believes Y should allow Z": a view that someone should act is a proposal of the
# viewer's, so "rejected that idea" in the next sentences is aimed at X.
ADVOCATING_MODALS = frozenset({"should", "must", "ought"})
DEFINITE = frozenset({"the", "that", "this", "these", "those"})
AUTHOR_SENTENCES = 3
# A bare demonstrative a stance is taken on ("called this indefensible") stands for what
# the sentence before told, aimed at the named party that sentence is about.
DEMONSTRATIVES = frozenset({"this", "that"})
# A pronoun reported by a speech verb is looked for this many clauses up ("the leader
# brands ..., arguing that he ...": "he" -> "arguing" -> "brands").
REPORT_CLIMB = 3


def reporting_role(pronoun: Any) -> Any | None:
    """The role noun that says or argues what a clause with this pronoun as subject
    reports ("the party leader said he would resign", "the Tory leader ..., arguing that
    he has been critical"): news reports the speaker's own stance so. A named speaker is
    left to the resolver (it finds the name); None when no role noun reports it."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause, cued = pronoun.head, False
    for _ in range(REPORT_CLIMB):
        if clause.dep_ not in ("ccomp", "advcl", "parataxis", "xcomp") \
                or clause.head.i == clause.i:
            return None
        clause = clause.head
        cued = cued or clause.lemma_.lower() in cues()
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if subjects:
            subj = subjects[0]
            role = subj.pos_ == "NOUN" and subj.ent_type_ == "" \
                and act.code_tokens(act.phrase_tokens(subj), subj).sector is not None
            return subj if role and cued else None
        if not cued:
            return None
    return None


def proposer(tok: Any) -> Any | None:
    """Who put forward the proposal a word names: "the minister's plans" (the
    possessor), "the government proposed the idea" (the subject); None otherwise."""
    if tok.lemma_.lower() in PROPOSALS:
        poss = [c for c in tok.children if c.dep_ == "poss"]
        if poss and (is_agentive(poss[0]) or act.lexicon().sector_of([poss[0].text])):
            return poss[0]
    if tok.lemma_.lower() in PROPOSING_VERBS and tok.pos_ == "VERB":
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if subj and subj[0].pos_ != "PRON":
            return subj[0]
    return _advocate(tok)


def _advocate(tok: Any) -> Any | None:
    """The named subject of a speech or belief verb whose reported clause says someone
    should act ("the Greens believe the minister should resign"); None otherwise."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in cues():
        return None
    if not any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ADVOCATING_MODALS
                                         for a in c.children) for c in tok.children):
        return None
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    return subj[0] if subj and subj[0].pos_ != "PRON" and is_agentive(subj[0]) else None


def earlier_author(head: Any, sent: Any) -> Any:
    """"The Greens also oppose the measures": a proposal named again without its
    author is aimed at whoever put it forward a few sentences before ("the
    minister's plans", "the government proposed"); else the head itself."""
    if head.lemma_.lower() not in PROPOSALS or not any(
            c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children) or any(
            c.dep_ in ("poss", "prep") and c.lower_ != "of" for c in head.children):
        return head
    first = head.doc[max(0, sent.start - 1)].sent.start if sent.start else 0
    for _ in range(AUTHOR_SENTENCES - 1):
        first = head.doc[max(0, first - 1)].sent.start if first else 0
    for tok in reversed(head.doc[first:sent.start]):
        found = proposer(tok)
        if found is not None:
            return found
    return head


def demonstrative_antecedent(head: Any, sent: Any, skipped: Callable[[int], bool]) -> Any | None:
    """"X was paid a bonus. The committee called this indefensible": a stance on a
    bare "this" / "that" is aimed at the named party the text just before is about
    (the last subject of the sentence before, which the parser may have merged with
    the one before it); None when the target is not a bare demonstrative or that
    subject is no named party."""
    if head.lower_ not in DEMONSTRATIVES or head.pos_ != "PRON":
        return None
    clause = head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    first = head.doc[sent.start - 1].sent.start if sent.start else sent.start
    subjects = [t for t in head.doc[first:clause.left_edge.i]
                if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ not in ("relcl", "acl")]
    if not subjects or not is_agentive(subjects[-1]) or skipped(subjects[-1].idx):
        return None
    return subjects[-1]
