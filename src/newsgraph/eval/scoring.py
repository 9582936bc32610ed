"""Scoring attributions: one-to-one matching by character Dice, speaker checks, P/R/F1.

The rule follows the PolNeAR README (restated here): each gold attribution is paired with
at most one predicted one, best pairs first by the Dice overlap of their contents (sets of
character offsets, spaces left out), and a pair counts at Dice 0.5 or more. A predicted
speaker counts as right if it shares a non-space character with the gold Source, ends in
the same head word (lower-cased, possessive removed, pronouns not counted), or if both
have none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..records import Span

MATCH_DICE = 0.5
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})
QUOTE_CHARS = frozenset("“”\"")


@dataclass
class Item:
    """An attribution to score: content spans and speaker mention spans."""

    content: list[Span]
    speaker: list[Span] = field(default_factory=list)
    tags: frozenset[str] = frozenset()


def chars(text: str, spans: list[Span]) -> frozenset[int]:
    return frozenset(i for s, e in spans for i in range(s, min(e, len(text)))
                     if not text[i].isspace())


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def head_word(text: str, spans: list[Span]) -> str | None:
    words = re.findall(r"[\w’'-]+", " ".join(text[s:e] for s, e in spans))
    if not words:
        return None
    word = re.sub(r"(’s|'s|’|')$", "", words[-1].lower())
    return None if word in PRONOUNS else word


def speaker_right(text: str, pred: Item, gold: Item) -> bool:
    if not gold.speaker:
        return not pred.speaker
    if not pred.speaker:
        return False
    if chars(text, pred.speaker) & chars(text, gold.speaker):
        return True
    head = head_word(text, pred.speaker)
    return head is not None and head == head_word(text, gold.speaker)


def match(text: str, preds: list[Item], golds: list[Item]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (pred index, gold index) by descending Dice >= 0.5."""
    pc = [chars(text, p.content) for p in preds]
    gc = [chars(text, g.content) for g in golds]
    cands = []
    for i, a in enumerate(pc):
        for j, b in enumerate(gc):
            if a & b:
                d = dice(a, b)
                if d >= MATCH_DICE:
                    cands.append((d, i, j))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


@dataclass
class Tally:
    """Counts that add up over articles."""

    pred: int = 0
    gold: int = 0
    matched: int = 0
    right: int = 0

    def add(self, other: Tally) -> None:
        self.pred += other.pred
        self.gold += other.gold
        self.matched += other.matched
        self.right += other.right

    def report(self) -> dict[str, Any]:
        return {
            "predicted": self.pred, "gold": self.gold, "matched": self.matched,
            "quote": prf(self.matched, self.pred, self.gold),
            "attribution": prf(self.right, self.pred, self.gold),
            "speaker_accuracy": round(self.right / self.matched, 4) if self.matched else 0.0,
        }


def prf(tp: int, npred: int, ngold: int) -> dict[str, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def score_article(text: str, preds: list[Item], golds: list[Item]) -> Tally:
    pairs = match(text, preds, golds)
    right = sum(speaker_right(text, preds[i], golds[j]) for i, j in pairs)
    return Tally(len(preds), len(golds), len(pairs), right)


def has_quote_mark(text: str, spans: list[Span], context: int = 0) -> bool:
    """Whether content holds a quotation mark (“, ”, " or the two-character ''); ``context``
    widens each span by that many marks (a predicted direct quote's content is the text
    inside its marks)."""
    return any(ch in QUOTE_CHARS for s, e in spans
               for ch in text[max(0, s - context): e + context]) or any(
        "''" in text[max(0, s - 2 * context): e + 2 * context] for s, e in spans)
