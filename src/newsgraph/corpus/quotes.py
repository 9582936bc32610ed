"""The same quotation repeated across articles grouped, with its earliest source.

Quotes are compared on their words (case, punctuation and curly/straight quote marks
ignored); a lightly edited repeat (a word dropped, a spelling changed) joins when it is at
least NEAR_SIMILARITY similar and said by the same corpus speaker.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from rapidfuzz import fuzz

from .names import fold

# A quote reprinted with one word in ten changed still scores above 90; two different
# sentences by one speaker on one subject rarely reach 80.
NEAR_SIMILARITY = 92.0
# Quotes shorter than this many words ("We will", "No") are too common to be a repeat.
MIN_WORDS = 4


class QuoteRow(NamedTuple):
    article_id: str
    quote_id: str
    text: str
    speaker: str | None  # corpus entity id of the speaker
    published: str | None


class QuoteGroup(NamedTuple):
    id: str
    quotes: tuple[QuoteRow, ...]

    @property
    def earliest(self) -> QuoteRow:
        return min(self.quotes, key=lambda q: (q.published or "9999", q.article_id, q.quote_id))


def words_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def group_quotes(rows: Iterable[QuoteRow]) -> list[QuoteGroup]:
    """Groups of two or more quotes that are one quotation; single quotes are left out."""
    exact: dict[str, list[QuoteRow]] = defaultdict(list)
    for row in rows:
        key = words_key(row.text)
        if len(key.split()) >= MIN_WORDS:
            exact[key].append(row)
    merged = _near(exact)
    groups = [sorted(g, key=lambda q: (q.article_id, q.quote_id)) for g in merged if
              len({q.article_id for q in g}) > 1]
    groups.sort(key=lambda g: (g[0].article_id, g[0].quote_id))
    return [QuoteGroup(f"qg:{n}", tuple(g)) for n, g in enumerate(groups, 1)]


def _near(exact: dict[str, list[QuoteRow]]) -> list[list[QuoteRow]]:
    """Exact groups joined when near-identical and by the same speaker."""
    by_speaker: dict[str | None, list[tuple[str, list[QuoteRow]]]] = defaultdict(list)
    out: list[list[QuoteRow]] = []
    for key in sorted(exact):
        group = exact[key]
        speaker = group[0].speaker
        home = None if speaker is None else next(
            (g for k, g in by_speaker[speaker] if fuzz.ratio(k, key) >= NEAR_SIMILARITY), None)
        if home is None:
            out.append(list(group))
            by_speaker[speaker].append((key, out[-1]))
        else:
            home.extend(group)
    return out
