"""Fighting words used figuratively: "Labour is battling the Conservatives over the budget",
"the minister attacked the opposition", "senators fought the bill".

Politics and trade borrow the words of war; PLOVER codes force only when force is used.
A violent verb is read as figurative when its actors are political (government,
legislature, party, opposition, business, press...), no one armed or a state named alone
takes part (no military, rebel, police or intelligence party, no weapon in the clause),
and what is fought is a political actor, a named person or a thing ("the bill").
Figurative attacks and fights against someone, or against no one named ("went on the
offensive"), are criticism (ACCUSE, CAMEO 111); a fight against a thing names no one to
code, so it is no event (we refuse to guess a target).
Threats are left alone: "vowed to fight the tariffs" stays THREATEN (PLOVER 3.1).
"""

from __future__ import annotations

from typing import Any

from .event_coder import CRITICISE, Candidate

# Verbs whose physical reading is violence and whose figurative one is opposition.
FIGHTING_WORDS = frozenset({"attack", "fight", "battle", "combat", "clash", "target",
                            "assault", "war", "wage", "hit", "slam", "blast", "tackle",
                            "offensive", "onslaught"})
# Sectors that make a fight physical (PLOVER actor sectors).
ARMED = frozenset({"MIL", "REB", "UAF", "COP", "SPY"})
# Sectors whose fights are usually words: politics, courts, business, press, unions.
POLITICAL = frozenset({"GOV", "LEG", "PTY", "OPP", "JUD", "BUS", "JRN", "EDU", "MED", "LAB",
                       "REL"})
# A state named alone ("Russia attacked Ukraine") fights with its army.
STATE_KINDS = frozenset({"country", "capital"})
# Material force: CAMEO roots 18 (assault), 19 (fight), 20 (mass violence).
FORCE_ROOTS = frozenset({"18", "19", "20"})
# Words in the clause that make it physical ("fought with rifles", "attacked with drones").
WEAPON_WORDS = frozenset({"missile", "rocket", "shell", "bullet", "bomb", "drone", "gun",
                          "grenade", "mortar", "artillery", "weapon", "rifle", "tank",
                          "airstrike", "strike", "knife", "troop", "soldier", "fire"})
NO_EVENT = "none"


def figurative_code(cand: Candidate, actors: list[dict[str, Any]],
                    recipients: list[dict[str, Any]]) -> str | None:
    """The CAMEO code a figurative fight is (criticism, or ``NO_EVENT``), or None when the
    clause is not one."""
    if cand.cameo[:2] not in FORCE_ROOTS or not actors:
        return None  # force by no one named is not read as words
    if not any(t.lemma_.lower() in FIGHTING_WORDS for t in cand.trigger):
        return None
    parties = actors + recipients
    if any(p.get("sector") in ARMED or p.get("_kind") in STATE_KINDS for p in parties) \
            or _armed_words(cand) or not all(_political(a) for a in actors):
        return None
    someone = [r for r in recipients if r.get("country") or r.get("sector") or r.get("entity")]
    if someone:
        return CRITICISE if all(_political(r) for r in someone) else None
    # "the Tory leader went on the offensive": political force aimed at no one is words.
    return NO_EVENT if _thing_object(cand) else CRITICISE


def _political(party: dict[str, Any]) -> bool:
    """A political target: a political sector, or a named person or organisation."""
    return party.get("sector") in POLITICAL or party.get("sector") is None and bool(
        party.get("entity")) and party.get("_kind") not in STATE_KINDS


def _armed_words(cand: Candidate) -> bool:
    head = cand.head
    return any(t.lemma_.lower() in WEAPON_WORDS for t in head.subtree)


def _thing_object(cand: Candidate) -> bool:
    """The clause fights a thing: its object is a common noun that is no one."""
    return any(c.dep_ == "dobj" and c.pos_ == "NOUN" and c.ent_type_ == ""
               for c in cand.head.children)
