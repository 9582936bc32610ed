"""Train the learned target fallback (``stages.recipient_model``) on PLV's tune half.

1. run the default stages, without the fallback, on the tune rows (``collect``);
2. for every event with the row's type and actor, label each candidate noun by whether it
   overlaps the marked target (``examples``);
3. fit a logistic model by stochastic gradient descent (``train``);
4. optionally, two-fold cross-validation within the tune half counts the rows the
   fallback turns right at each threshold (``cross_validate``), which is how
   ``recipient_model.THRESHOLD`` was chosen; the held half is never read.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..records import Article
from ..stages import recipient_model as rm
from .events import Row, _actor_on, _plv_event_type, _recipient_on, stages_to_events

# SGD settings: a few passes suffice for a few thousand examples of ten features each;
# the L2 term keeps rare path features from taking large weights.
EPOCHS = 15
LEARNING_RATE = 0.1
L2 = 1e-3
SEED = 0
# Weights smaller than this are left out of the data file (they change no decision).
PRUNE = 1e-3
BATCH = 64


@dataclass
class Scored:
    """One event of a row, with its candidate nouns, their features and labels."""

    row: Row
    event: dict[str, Any]
    mentions: dict[str, list[tuple[int, int]]]
    items: list[tuple[list[str], bool, tuple[int, int]]]


def collect(rows: list[Row]) -> list[tuple[Row, Article]]:
    """Each row analysed by the default stages with the fallback off."""
    stages = stages_to_events(learned_targets=False)
    out: list[tuple[Row, Article]] = []
    for i in range(0, len(rows), BATCH):
        chunk = rows[i:i + BATCH]
        articles = [Article(r.text) for r in chunk]
        for stage in stages:
            stage.process_batch(articles)
        out.extend(zip(chunk, articles, strict=True))
    return out


def examples(analysed: Iterable[tuple[Row, Article]]) -> list[Scored]:
    """Candidates of every event whose type and actor match the row's marks."""
    out = []
    for row, article in analysed:
        mentions = {e.id: [(m.start, m.end) for m in e.mentions] for e in article.entities or []}
        for event in article.extra.get("events", []):
            if _plv_event_type(event) != row.root or not _actor_on(event, row.source, mentions):
                continue
            items = []
            for tok, names in rm.candidates(event, article.doc):
                start, end = rm.noun_span(tok)
                hit = any(start < e and s < end for s, e in row.target)
                items.append((names, hit, (start, end)))
            out.append(Scored(row, event, mentions, items))
    return out


def train(data: list[Scored]) -> dict[str, float]:
    """Logistic weights over the candidates' features (deterministic: fixed seed)."""
    weights: dict[str, float] = defaultdict(float)
    pairs = [(names, label) for s in data for names, label, _ in s.items]
    order = random.Random(SEED)
    for _ in range(EPOCHS):
        order.shuffle(pairs)
        for names, label in pairs:
            gradient = rm.probability(weights, names) - float(label)
            for n in names:
                weights[n] -= LEARNING_RATE * (gradient + L2 * weights[n])
    return {n: w for n, w in sorted(weights.items()) if abs(w) >= PRUNE}


def rows_right(data: list[Scored], weights: dict[str, float] | None, threshold: float) -> int:
    """Rows with an event of the right type, actor and target once the fallback (with
    these weights; None: without it) gives each target-less event its best noun."""
    right: dict[str, bool] = {}
    for s in data:
        event = s.event
        if weights is not None and rm.wants_target(event) and s.items:
            names, _, (start, end) = max(s.items, key=lambda it: rm.probability(weights, it[0]))
            if rm.probability(weights, names) > threshold:
                event = {**event, "recipient": [{"start": start, "end": end, "entity": None}]}
        hit = _recipient_on(event, s.row.target, s.mentions)
        right[s.row.text] = right.get(s.row.text, False) or hit
    return sum(right.values())


def fold_of(text: str) -> int:
    """Two folds within the tune half, by the second byte of the sentence's SHA-256 (the
    first byte makes the tune/held split)."""
    return hashlib.sha256(text.encode("utf-8")).digest()[1] % 2


def cross_validate(data: list[Scored], thresholds: Iterable[float]) -> list[tuple[float, int, int]]:
    """(threshold, rows right without the fallback, rows right with it) summed over two
    folds, each scored by weights trained on the other."""
    folds = [[s for s in data if fold_of(s.row.text) == k] for k in (0, 1)]
    trained = [train(folds[1 - k]) for k in (0, 1)]
    out = []
    for threshold in thresholds:
        before = after = 0
        for part, weights in zip(folds, trained, strict=True):
            before += rows_right(part, None, threshold)
            after += rows_right(part, weights, threshold)
        out.append((threshold, before, after))
    return out


def weights_file(weights: dict[str, float], n_events: int) -> str:
    """The data file's text: a header saying where the weights come from, then rows."""
    head = ["# Weights of stages/recipient_model.py, written by",
            "# scripts/train_recipient_model.py from the tune half of PLV_train.tsv",
            f"# ({n_events} events; features are dependency arcs, prepositions, entity",
            "# labels, CAMEO roots and positions: no other words).",
            "feature\tweight"]
    rows = [f"{n}\t{w:.4f}" for n, w in weights.items() if not math.isclose(w, 0.0)]
    return "\n".join(head + rows) + "\n"
