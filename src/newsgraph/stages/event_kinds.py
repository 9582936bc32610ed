"""Readings that depend on the kind of act: the parties a mediation is between, the
institution a protest is held outside, and whether a protest is said or marched. Pure
functions over the parse; each returns nothing when the sentence does not say."""

from __future__ import annotations

from typing import Any

# CAMEO codes: mediation (045) is aimed at the parties to the dispute; demonstrations
# (root 14) at the institution where they are held.
MEDIATION = "045"
PROTEST_ROOT = "14"
# A mediation names its parties this many levels under the act ("began a mediation
# effort to settle the dispute between X and Y").
MEDIATION_DEPTH = 4
# Where a protest is held, when that is an institution: "outside the embassy".
PROTEST_SITE_PREPS = frozenset({"outside", "at", "near"})
# Demonstrations: CAMEO 141; a verb "protest" with no object is one when those protesting
# are people of these sectors (students, workers, residents), not a state or an official
# ("Beijing protested" is a verbal protest, CAMEO 11).
DEMONSTRATION = "141"
STREET_SECTORS = frozenset({"CVL", "LAB", "EDU", "AGR", "REF"})
# Verbs that put a label on something: "called the scheme a waste", "branded it
# disgraceful", "described the plan as a fiasco". With a label of disapproval
# (data/events/disapproval.tsv) they are criticism (CAMEO 111) of what is labelled.
LABEL_VERBS = frozenset({"call", "brand", "describe", "label", "dub", "term", "deem"})
LABEL_DEPS = ("oprd", "ccomp", "xcomp", "attr", "acomp")
# Verbs whose clause object or subject is the mediated side: "to help X and Y reach ...".
HELP_VERBS = frozenset({"help", "assist", "enable", "bring", "get", "encourage"})


def act_targets(cameo: str, trigger: list[Any], codable: Any) -> list[Any]:
    """Targets an act of this CAMEO code names in its own way; ``codable`` tells a party
    (a name, a group, a sector phrase) from a thing."""
    if cameo == MEDIATION:
        return mediated(trigger, codable)
    if cameo[:2] == PROTEST_ROOT:
        return protest_site(trigger, codable)
    return []


def mediated(trigger: list[Any], codable: Any) -> list[Any]:
    """"mediate the dispute between Chile and Bolivia", "a mediation effort to help the
    army and the rebels agree a truce": the parties in dispute."""
    frontier = list(trigger)
    for _ in range(MEDIATION_DEPTH):
        frontier = [c for t in frontier for c in t.children]
        for tok in frontier:
            if tok.dep_ == "prep" and tok.lower_ == "between":
                found = [o for o in tok.children if o.dep_ == "pobj"]
                if found:
                    return conjuncts(found[:1])
            if tok.lemma_.lower() in HELP_VERBS and tok.pos_ == "VERB":
                helped = _helped(tok)
                if helped is not None and codable(helped):
                    return conjuncts([helped])
    return []


def protest_site(trigger: list[Any], codable: Any) -> list[Any]:
    """"staged a rally outside the Dutch consulate": the institution protested at; a
    street or a square is where, not whom."""
    for tok in trigger:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in PROTEST_SITE_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ not in ("GPE", "LOC", "FAC") \
                        and codable(obj):
                    return [obj]
    return []


def street_protest(verb: Any, subjects: list[Any], sector_of: Any) -> bool:
    """"Students protested outside parliament": a demonstration, when the verb takes no
    object or addressee and those protesting are people of a street sector."""
    if any(c.dep_ in ("dobj", "dative", "ccomp") for c in verb.children):
        return False  # "protested the decision", "protested that ...": said
    return bool(subjects) and all(sector_of(s) in STREET_SECTORS for s in subjects)


def labelled(verb: Any, words: frozenset[str]) -> list[Any] | None:
    """What a labelling verb judges with one of ``words`` ("called this wholly
    unacceptable": this), or None when the verb puts no such label."""
    if verb.lemma_.lower() not in LABEL_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for child in verb.children:
        if child.dep_ in LABEL_DEPS and disapproving(child, words):
            subj = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            return subj or objects
        if child.dep_ == "prep" and child.lower_ == "as" and any(
                disapproving(o, words) for o in child.children):
            return objects  # "described the plan as a fiasco"
    return None


def disapproving(label: Any, words: frozenset[str]) -> bool:
    """A label that is, or is qualified by, a word of disapproval ("a terrible waste")."""
    return label.lemma_.lower() in words or any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in words for c in label.children)


def _helped(verb: Any) -> Any | None:
    """The one helped: the subject of the clause "help" governs, or its object."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp"):
            subj = [c for c in child.children if c.dep_ == "nsubj"]
            if subj:
                return subj[0]
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def conjuncts(heads: list[Any]) -> list[Any]:
    """Heads with the heads conjoined to them ("China and Russia")."""
    out = []
    for head in heads:
        out.append(head)
        stack = [c for c in head.children if c.dep_ == "conj"]
        while stack:
            tok = stack.pop(0)
            out.append(tok)
            stack.extend(c for c in tok.children if c.dep_ == "conj")
    return out
