"""The PLOVER trigger lexicon and the CAMEO code table, loaded once from data files.

``data/events/triggers.tsv`` maps a word (verb, noun or adjective), optionally with required
objects/modifiers and a particle, to a CAMEO code and a frame; ``data/events/cameo.tsv``
gives each code its PLOVER type, mode, context and QuadClass.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .actors import data_rows

# Dependencies whose words count as a trigger's objects or modifiers for ``args``.
ARG_DEPS = frozenset({"dobj", "attr", "oprd", "acomp", "dative", "nsubjpass", "prt", "amod",
                      "compound", "nmod", "xcomp", "ccomp", "npadvmod", "advmod"})
PLV_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
             "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
             "COERCE", "ASSAULT")


@dataclass(frozen=True)
class Trigger:
    """One lexicon row."""

    lemma: str
    pos: str  # V, N or A
    args: frozenset[str]
    prep: str
    cameo: str
    frame: str

    @property
    def specificity(self) -> int:
        return 2 * bool(self.args) + bool(self.prep)


@dataclass(frozen=True)
class Coding:
    """What a CAMEO code means in PLOVER."""

    cameo: str
    type: str
    mode: str
    context: str
    quad: int


# Lexicon code of a reading that is no event ("fight the epidemic").
NO_EVENT = "none"
# Proper nouns are names, never triggers ("on March 28" is not a march).
POS_OF = {"VERB": "V", "AUX": "V", "NOUN": "N", "ADJ": "A"}


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], list[Trigger]]:
    """(lemma, pos) -> rows, most specific first."""
    out: dict[tuple[str, str], list[Trigger]] = {}
    for row in data_rows("events/triggers.tsv"):
        args = frozenset(a for a in row["args"].split("|") if a)
        trig = Trigger(row["lemma"], row["pos"], args, row["prep"], row["cameo"], row["frame"])
        out.setdefault((trig.lemma, trig.pos), []).append(trig)
    for rows in out.values():
        rows.sort(key=lambda t: -t.specificity)
    return out


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in data_rows("events/cameo.tsv")}


@lru_cache(maxsize=1)
def disapproval_words() -> frozenset[str]:
    """Predicate words that make a reported judgement criticism ("was a terrible waste")."""
    return frozenset(row["word"] for row in data_rows("events/disapproval.tsv"))


@lru_cache(maxsize=1)
def approval_words() -> frozenset[str]:
    """Labels that make a labelling verb praise ("called the change pragmatic")."""
    return frozenset(row["word"] for row in data_rows("events/approval.tsv"))


@lru_cache(maxsize=1024)
def coding(cameo: str, scheme: str = "2024") -> Coding:
    """PLOVER type, mode, context and QuadClass of a CAMEO code.

    ``scheme`` "2024" follows the current PLOVER manual; "2021" the 2021 crosswalk (the
    convention of the PLV data)."""
    row = cameo_table().get(cameo) or cameo_table().get(cameo[:3]) or cameo_table()[cameo[:2] + "0"]
    kind = row["type_2024"] if scheme == "2024" else row["type"]
    mode = row["mode_2024"] if scheme == "2024" else row["mode"]
    return Coding(cameo, kind, mode, row["context"], int(row["quad"]))


def arg_words(tok: Any) -> set[str]:
    """Lower-cased lemmas and words of a token's objects, modifiers and particles."""
    out: set[str] = set()
    for child in tok.children:
        if child.dep_ in ARG_DEPS:
            out |= {child.lemma_.lower(), child.lower_}
            out |= {g.lower_ for g in child.children if g.dep_ in ("compound", "amod")}
            out |= {o.lemma_.lower() for g in child.children if g.dep_ == "prep"
                    and g.lower_ == "of" for o in g.children if o.dep_ == "pobj"}
        elif child.dep_ in ("prep", "agent"):
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    out |= {obj.lemma_.lower(), obj.lower_}
    return out


def preps_of(tok: Any) -> set[str]:
    """The particles and prepositions of a word, without those of dates ("called X on
    Friday" is no "call on")."""
    return {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt", "agent")
            and not any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME")
                        for o in c.children)}


def match(tok: Any, pos: str | None = None) -> Trigger | None:
    """The most specific lexicon row whose conditions the token satisfies (None when there
    is none, or when that row says the reading is no event)."""
    row = first_row(tok, pos)
    return None if row is None or row.cameo == NO_EVENT else row


def blocked(tok: Any, pos: str | None = None) -> bool:
    """Whether the lexicon says this reading is no event ("fight the epidemic", "took a
    one-off charge"): the word then carries no event noun either."""
    row = first_row(tok, pos)
    return row is not None and row.cameo == NO_EVENT


def verb_bases(word: str) -> list[str]:
    """Base forms an inflected verb the tagger left unlemmatised may have ("senators
    jeered", tagged as a present verb, keeps "jeered" as its lemma): "jeer", "jeere"."""
    if word.endswith(("ied", "ies")):
        return [word[:-3] + "y"]
    if word.endswith("ed"):
        doubled = [word[:-3]] if len(word) > 4 and word[-3] == word[-4] else []
        return [word[:-2], word[:-1], *doubled]
    if word.endswith("es"):
        return [word[:-2], word[:-1]]
    if word.endswith("s") and not word.endswith("ss"):
        return [word[:-1]]
    return []


def inflections(lemma: str) -> list[str]:
    """The regular past and third-person forms of a verb, which ``verb_bases`` undoes."""
    if lemma.endswith("e"):
        return [lemma + "d", lemma + "s"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma[:-1] + "ied", lemma[:-1] + "ies"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma + "ed", lemma + "es"]
    return [lemma + "ed", lemma + "s", lemma + lemma[-1] + "ed"]


# The Doc whose lexicon rows ``first_row`` remembers by (token index, part of speech), and
# those rows: the events stage looks the same word up from several rules (``per_doc``).
_memo_doc: Any = None
_memo: dict[tuple[int, str | None], Trigger | None] = {}


@contextmanager
def per_doc(doc: Any) -> Iterator[None]:
    """Remember ``first_row`` per token of ``doc`` while inside (the parse does not change
    meanwhile); forgotten on leaving."""
    global _memo_doc, _memo
    saved = _memo_doc, _memo
    _memo_doc, _memo = doc, {}
    try:
        yield
    finally:
        _memo_doc, _memo = saved


def first_row(tok: Any, pos: str | None = None) -> Trigger | None:
    """The most specific row whose conditions the token satisfies, "none" rows included."""
    if _memo_doc is None or tok.doc is not _memo_doc:
        return _first_row(tok, pos)
    key = (tok.i, pos)
    if key not in _memo:
        _memo[key] = _first_row(tok, pos)
    return _memo[key]


def _first_row(tok: Any, pos: str | None) -> Trigger | None:
    pos = pos or POS_OF.get(tok.pos_)
    if pos is None or tok.pos_ == "PROPN":
        return None
    rows = triggers().get((tok.lemma_.lower(), pos)) or triggers().get((tok.lower_, pos))
    if not rows and pos == "V" and tok.lemma_.lower() == tok.lower_:
        rows = next((r for b in verb_bases(tok.lower_) if (r := triggers().get((b, pos)))), None)
    if not rows:
        return None
    words = arg_words(tok) if any(r.args for r in rows) else set()
    preps = preps_of(tok) if any(r.prep for r in rows) else set()
    for row in rows:
        if row.args and not row.args & words:
            continue
        if row.prep and row.prep not in preps:
            continue
        return row
    return None
