"""Find the tokens worth coding once per Doc, with numpy, instead of coding every token.

The events stage used to call the clause coder on every verb, adjective and noun of every
sentence: on news text that is ~100 spaCy ``Token`` objects built per sentence for a
handful of triggers. A clause can only be coded when one of these holds (see
``event_coder``):

* the word is a trigger of the lexicon (verb, noun or adjective row);
* the word is a light verb carrying a trigger noun: the noun is its object, a compound of
  its object, or the object of its preposition (head or head of head of the noun), or the
  verb is a participle modifying the noun ("sanctions imposed by ...");
* the word is a reported clause with "must"/"should" or a blame word ("responsible").

``EventScan`` reads lemma, lower-case form, POS and head of every token in one
``Doc.to_array`` call, flags lexicon words through a per-hash cache (a lemma's hash is
the same in every Doc of a vocabulary), and returns the superset of tokens the coder has
to look at, per sentence. The coder then decides exactly as before, so the output is
unchanged; only the tokens that cannot yield an event are no longer visited.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS, SENT_START
from spacy.parts_of_speech import ADJ, AUX, NOUN, VERB
from spacy.strings import get_string_id

from . import event_lexicon as lex
from .event_coder import (
    BLAME_WORDS,
    CAUSE_VERBS,
    FORCE_NOUN,
    HARM_VERBS,
    NEEDING,
    OBLIGATION_AUX,
    REFUSAL_WORDS,
    TRUST_VERBS,
    UNDER_CODES,
    VERBAL_ADJ_DEPS,
)
from .event_kinds import LABEL_VERBS

# Bit flags of a word form.
VERB_WORD, NOUN_WORD, ADJ_WORD, CLAUSE_WORD = 1, 2, 4, 8
# Parts of speech the coder takes as clause heads (``code_token``).
CLAUSE_POS = (VERB, AUX, ADJ)
VERB_POS = (VERB, AUX)
# How a trigger noun hangs from the light verb that carries it (``_light_object``):
# its object, passive subject or attribute ("held talks"), a compound of one ("peace
# talks" -> "talks" -> "held"), or the object of its preposition ("went on strike").
NOUN_ARG_DEPS = ("dobj", "nsubjpass", "attr")
NOUN_TWO_STEP = (("compound", NOUN_ARG_DEPS), ("pobj", ("prep",)))
# "X said Y must/should ...", "X said Y was responsible / unacceptable / out of the
# question": the word's clause (``_obligation``).
CLAUSE_WORD_DEPS = ("aux", "acomp", "prep", "attr", "dobj")


def _spellings(word: str) -> set[str]:
    """Spellings a lexicon word's lemma may take: spaCy keeps the case of some lemmas
    ("The Attack" -> "Attack"), which the coder lower-cases."""
    return {word, word.capitalize(), word.upper(), word.title()}


@lru_cache(maxsize=1)
def flag_table() -> tuple[np.ndarray, np.ndarray]:
    """Sorted string ids of every lexicon word spelling, and their flags."""
    by_word: dict[str, int] = {}
    bit = {"V": VERB_WORD, "N": NOUN_WORD, "A": ADJ_WORD}
    for lemma, pos in lex.triggers():
        by_word[lemma] = by_word.get(lemma, 0) | bit[pos]
        for form in lex.inflections(lemma) if pos == "V" else ():  # left unlemmatised
            by_word[form] = by_word.get(form, 0) | VERB_WORD
    # "described the plan as a fiasco" (``event_kinds.labelled``); "said ministers misled
    # parliament" (a verb of fault, ``event_coder._disapproved``)
    # "said the plans would damage X / had been marked by failure" (``_harmful``)
    # "said the council needs its own auditor" (``event_coder._needed``)
    for word in LABEL_VERBS | lex.disapproval_words() | HARM_VERBS | CAUSE_VERBS | TRUST_VERBS \
            | NEEDING:
        by_word[word] = by_word.get(word, 0) | VERB_WORD
    for word in OBLIGATION_AUX | BLAME_WORDS | REFUSAL_WORDS | lex.disapproval_words() | {"out"}:
        by_word[word] = by_word.get(word, 0) | CLAUSE_WORD
    # "came under fire from X" (``event_coder._under``); "by force if necessary" (``_by_force``)
    for word in [*UNDER_CODES, FORCE_NOUN]:
        by_word[word] = by_word.get(word, 0) | NOUN_WORD
    ids: dict[int, int] = {}
    for word, flag in by_word.items():
        for form in _spellings(word):
            key = get_string_id(form)
            ids[key] = ids.get(key, 0) | flag
    keys = np.array(sorted(ids), dtype=np.uint64)
    return keys, np.array([ids[k] for k in keys.tolist()], dtype=np.int64)


def flags_of(ids: np.ndarray) -> np.ndarray:
    """Flags for an array of string ids (lemmas or lower-case forms); 0 when none."""
    keys, flags = flag_table()
    pos = np.searchsorted(keys, ids).clip(max=len(keys) - 1)
    return np.where(keys[pos] == ids, flags[pos], 0)


def any_of(values: np.ndarray, wanted: Iterable[int]) -> np.ndarray:
    """``np.isin`` for a few wanted values (a comparison each: ``isin`` sorts, far slower)."""
    out = np.zeros(len(values), dtype=bool)
    for w in wanted:
        out |= values == w
    return out


class EventScan:
    """Sentence bounds and candidate clause heads and nouns of one Doc."""

    def __init__(self, doc: Any) -> None:
        arr = doc.to_array([LEMMA, LOWER, POS, HEAD, SENT_START, DEP])
        self.doc = doc
        n = len(arr)
        starts = np.flatnonzero(arr[:, 4].astype(np.int64) == 1).tolist() if n else []
        if n and starts[:1] != [0]:
            starts.insert(0, 0)
        self.sent_starts: list[int] = starts
        self.sent_ends: list[int] = [*starts[1:], n]
        self.sent_of: list[int] = []
        self.clause_heads: list[int] = []
        self.nouns: list[int] = []
        if not n:
            return
        is_start = np.zeros(n, dtype=np.int64)
        is_start[starts] = 1
        self.sent_of = (np.cumsum(is_start) - 1).tolist()
        # lemma and lower-case form looked up in one search (row-major: pairs side by side)
        both = flags_of(np.ascontiguousarray(arr[:, :2]).ravel()).reshape(n, 2)
        flags = both[:, 0] | both[:, 1]
        pos = arr[:, 2]
        # HEAD is stored relative to the token (a signed offset in an unsigned array).
        heads = np.arange(n) + arr[:, 3].astype(np.int64)
        self.clause_heads = _clause_heads(flags, pos, heads, arr[:, 5], doc.vocab.strings)
        self.nouns = np.flatnonzero(((flags & NOUN_WORD) > 0) & (pos == NOUN)).tolist()

    def by_sentence(self, tokens: Iterable[int]) -> dict[int, list[int]]:
        """Token indices grouped by sentence number, in order."""
        out: dict[int, list[int]] = {}
        for i in tokens:
            out.setdefault(self.sent_of[i], []).append(i)
        return out


def _clause_heads(flags: np.ndarray, pos: np.ndarray, heads: np.ndarray, deps: np.ndarray,
                  strings: Any) -> list[int]:
    """Verbs, adjectives and auxiliaries ``code_token`` may code (a superset)."""

    masks: dict[str, np.ndarray] = {}

    def dep_in(labels: tuple[str, ...]) -> np.ndarray:
        # each label compared once per Doc (the rules below ask for some several times)
        out = np.zeros(len(deps), dtype=bool)
        for d in labels:
            if d not in masks:
                masks[d] = deps == strings[d]
            out |= masks[d]
        return out

    verbish = any_of(pos, VERB_POS)
    noun = (flags & NOUN_WORD) > 0
    want = verbish & ((flags & VERB_WORD) > 0)
    want |= (pos == ADJ) & ((flags & ADJ_WORD) > 0)
    # a past verb tagged as an adjective (``event_coder.verbal_adjective`` decides)
    want |= (pos == ADJ) & ((flags & VERB_WORD) > 0) & dep_in(tuple(VERBAL_ADJ_DEPS))
    want[heads[noun & dep_in(NOUN_ARG_DEPS)]] = True
    for dep, outer in NOUN_TWO_STEP:
        inner = np.flatnonzero(noun & dep_in((dep,)))
        inner = inner[dep_in(outer)[heads[inner]]]
        want[heads[heads[inner]]] = True
    # "launched a wave of strikes", "announced an increase in funding" (``_grown``): the
    # noun under the light verb's object.
    inner = np.flatnonzero(noun & dep_in(("pobj",)))
    inner = inner[dep_in(("prep",))[heads[inner]]]
    inner = inner[dep_in(NOUN_ARG_DEPS)[heads[heads[inner]]]]
    want[heads[heads[heads[inner]]]] = True
    want[heads[((flags & CLAUSE_WORD) > 0) & dep_in(CLAUSE_WORD_DEPS)]] = True
    # "said the plan was a shameful decision": the word qualifies the predicate noun
    inner = np.flatnonzero(((flags & CLAUSE_WORD) > 0) & dep_in(("amod",)))
    inner = inner[dep_in(("attr",))[heads[inner]]]
    want[heads[heads[inner]]] = True
    want |= verbish & noun[heads]  # "sanctions imposed by": a participle under the noun
    want &= any_of(pos, CLAUSE_POS)
    return np.flatnonzero(want).tolist()
