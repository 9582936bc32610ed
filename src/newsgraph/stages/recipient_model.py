"""A learned fallback for an event's target, used only when the rules found none.

The rules of ``event_coder`` and ``events`` name a recipient for most events; the rest
("held several meetings in Baghdad", "has condemned the attacks", "a pardon for the
former presidents") are reached through paths the rules do not list. This module scores
every noun of the trigger's sentence by the dependency path from the trigger to it, its
entity label, its side and distance, and the event's CAMEO root, with a logistic model whose
weights are a data file (``data/events/recipient_model.tsv``). The features hold no
words except prepositions on the path, so the model reads structure, not vocabulary.

The weights are trained by ``scripts/train_recipient_model.py`` on the tune half of the
PLV split only (``eval.events.split``); the held half is never seen.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from . import event_lexicon as lex
from .actors import data_rows
from .event_coder import COOPERATION_QUADS

# A noun further than this many dependency arcs from the trigger is not its target: longer
# paths were almost never the marked target on the tune half and are noisy features.
MAX_PATH = 4
# Arcs that leave the trigger's own clause on the way up: a relative clause's target is
# inside it ("MAB, which opposed the war, urged Muslims": not the Muslims). Also barring
# advcl, ccomp or parataxis scored no better in the tune half's cross-validation.
CLAUSE_EXITS = frozenset({"relcl"})
# Probability above which the best noun becomes the target. Chosen by two-fold
# cross-validation within the tune half: rows gained were flat between 0.1 and 0.2.
THRESHOLD = 0.15
# Words that head a noun phrase and so may be a target...
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
# ...unless they are measures: what an event covers, never whom it targets ("recaptured
# 8,000 sq km"), by unit word or entity label (sums, counts and shares: "raised $20bn",
# "cut 5%"); the rules of ``events`` use the same two sets. Nor is a time a target.
UNITS = frozenset({"km", "kilometre", "kilometer", "mile", "hectare", "acre", "percent",
                   "%", "dollar", "euro", "ton", "tonne", "metre", "meter", "sq"})
MEASURE_ENTS = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL"})
NOT_PARTIES = MEASURE_ENTS | {"ORDINAL", "DATE", "TIME"}
# An event noun is an act, not a party: the rules never take it as a target either ("end
# the strike", "violated the ceasefire"); barring it gained one row in the tune half's
# cross-validation (427 -> 428). Nor is a word of time the tagger left without a DATE
# label ("in the past").
TIME_NOUNS = frozenset({"past", "future", "time", "moment", "period", "day", "week", "month",
                        "year", "decade", "today", "yesterday", "tomorrow", "tonight"})
NOT_TARGET_WORDS = UNITS | TIME_NOUNS
# Arcs on the path whose word is part of the feature: prepositions say the role
# ("against", "in", "with") and are a closed class.
WORDED_ARCS = frozenset({"prep", "agent"})
# Distance in tokens is bucketed by this many, up to ``DISTANCE_BUCKETS``.
DISTANCE_STEP = 3
DISTANCE_BUCKETS = 5
MODEL_FILE = "recipient_model.tsv"



class Choice(NamedTuple):
    """A noun of the sentence put forward as the event's target, with its score."""

    token: Any
    start: int
    end: int
    score: float


def trigger_head(doc: Any, start: int, end: int) -> Any | None:
    """The highest token of the trigger's characters in the parse (the verb of "has
    launched", the noun of "support for")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return min(span, key=lambda t: sum(1 for _ in t.ancestors)) if span else None


def dep_path(source: Any, target: Any) -> str | None:
    """Arcs from ``source`` up to the common ancestor, then down to ``target``:
    "^nsubj>dobj", ">prep/in>pobj"; None when longer than ``MAX_PATH``."""
    up = [source, *source.ancestors]
    down = [target, *target.ancestors]
    at = {t.i: k for k, t in enumerate(up)}
    for k_down, tok in enumerate(down):
        if tok.i in at:
            rising, falling = up[:at[tok.i]], list(reversed(down[:k_down]))
            break
    else:
        return None
    if len(rising) + len(falling) > MAX_PATH or any(t.dep_ in CLAUSE_EXITS for t in rising):
        return None
    return "".join("^" + t.dep_ for t in rising) + "".join(">" + _arc(t) for t in falling)


def _arc(tok: Any) -> str:
    return f"{tok.dep_}/{tok.lower_}" if tok.dep_ in WORDED_ARCS else tok.dep_


def noun_span(tok: Any) -> tuple[int, int]:
    """Characters a target noun stands for: its named entity, else the noun with the
    compounds and adjectives just before it ("humanitarian facilities")."""
    if tok.ent_iob_ != "O":
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent.start_char, ent.end_char
    left = min([tok, *(c for c in tok.lefts if c.dep_ in ("compound", "amod"))],
               key=lambda t: t.i)
    return left.idx, tok.idx + len(tok.text)


def features(tok: Any, path: str, trigger: Any, kind: str) -> list[str]:
    """Names of the features one candidate noun has for an event of CAMEO root ``kind``
    (the root, not the PLOVER type, so that one model serves both schemes)."""
    last = path.rsplit(">", 1)[-1] if ">" in path else "-"
    ent = tok.ent_type_ or "-"
    bucket = min(abs(tok.i - trigger.i) // DISTANCE_STEP, DISTANCE_BUCKETS)
    return ["bias", f"p={path}", f"pt={kind}|{path}", f"ent={ent}", f"pos={tok.pos_}",
            "dir=" + ("after" if tok.i > trigger.i else "before"), f"d={bucket}",
            f"ep={ent}|{last if last != '-' else path}", f"typ={kind}", f"last={last}"]


def candidates(event: dict[str, Any], doc: Any) -> Iterator[tuple[Any, list[str]]]:
    """Nouns of the trigger's sentence outside the trigger and the actors, each with its
    features; nothing when the trigger cannot be placed in the parse."""
    start, end = event["trigger"]
    trigger = trigger_head(doc, start, end)
    if trigger is None:
        return
    taken = [(a["start"], a["end"]) for a in event["actor"]] + [(start, end)]
    for tok in trigger.sent:
        if tok.pos_ not in NOUN_POS or tok.dep_ == "compound" or tok.ent_type_ in NOT_PARTIES \
                or tok.lemma_.lower() in NOT_TARGET_WORDS \
                or tok.pos_ == "NOUN" and lex.first_row(tok, "N") is not None \
                or any(s <= tok.idx < e for s, e in taken):
            continue
        path = dep_path(trigger, tok)
        if path is not None:
            yield tok, features(tok, path, trigger, event["cameo_root"])


def wants_target(event: dict[str, Any]) -> bool:
    """Whether the fallback may give the event a target: it has none, and it is not a
    joint act of several parties, who are each other's counterparts ("X and Y agreed")."""
    return not event["recipient"] and not (len(event["actor"]) > 1
                                           and event["quad_class"] in COOPERATION_QUADS)


def probability(weights: dict[str, float], names: Iterable[str]) -> float:
    z = sum(weights.get(n, 0.0) for n in names)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def best_target(event: dict[str, Any], doc: Any,
                weights: dict[str, float] | None = None) -> Choice | None:
    """The noun most likely to be the event's target, if its probability is above
    ``THRESHOLD``; None when no noun is likely enough (the model refuses to guess)."""
    weights = load_weights() if weights is None else weights
    if not weights:
        return None
    scored = [(probability(weights, names), tok) for tok, names in candidates(event, doc)]
    if not scored:
        return None
    score, tok = max(scored, key=lambda pair: pair[0])
    if score <= THRESHOLD:
        return None
    start, end = noun_span(tok)
    return Choice(tok, start, end, score)


@lru_cache(maxsize=1)
def load_weights() -> dict[str, float]:
    """The packaged weights (``feature<TAB>weight`` rows); empty when the file is absent,
    which turns the fallback off."""
    try:
        rows = data_rows(f"events/{MODEL_FILE}")
    except FileNotFoundError:
        return {}
    return {row["feature"]: float(row["weight"]) for row in rows}
