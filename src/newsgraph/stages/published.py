"""Publication date from the text itself, for articles that arrive without one.

The latest explicit full date (day, month and year) near the top of the article or in a
photo caption is taken as the publication date: a dateline is written on the day, and
captions date the pictures, which are not taken after the article. Weekday mentions
("on Thursday") cross-check it: when the text names a weekday the date does not fall on,
the first day on or after it with the most-named weekday is preferred, and the evidence
says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache
from typing import Any

from ..records import Published
from .dates import compiled, normalise, vocab
from .zones import dateline_spans

# A date within this many characters of the start is the article's dateline or first line.
TOP_CHARS = 400
# A date this many characters before a caption marker ("(Photo by", "Getty Images") is the
# caption's date; captions are a sentence or two long.
CAPTION_WINDOW = 250
# A weekday named in the text may move the date forward at most this many days (a week).
WEEKDAY_REACH = 6


@lru_cache(maxsize=1)
def _caption_re() -> re.Pattern[str]:
    markers = sorted(vocab()["caption"], key=len, reverse=True)
    return re.compile("|".join(re.escape(m) for m in markers))


@lru_cache(maxsize=1)
def _weekday_re() -> re.Pattern[str]:
    days = "|".join(w.capitalize() for w in vocab()["weekday"])
    return re.compile(rf"\b(?:on|last|this|since|until|by|from)\s+({days})\b")


def explicit_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Full dates with a year (day-month-year, month-day-year, numeric), with offsets."""
    out = []
    for name, pattern in compiled():
        if name not in ("date_dmy", "date_mdy", "date_numeric"):
            continue
        for m in pattern.finditer(text):
            if name != "date_numeric" and not m.group("year"):
                continue
            timex = normalise(m.group(0), None, "past", name)
            if timex and timex.value and len(timex.value) == 10:
                out.append((m.start(), m.end(), dt.date.fromisoformat(timex.value)))
    return out


def _where(text: str, start: int, end: int) -> str | None:
    """'top' or 'caption' when a date sits where the publication date is written."""
    if start < TOP_CHARS:
        return "top"
    if _caption_re().search(text, end, end + CAPTION_WINDOW):
        return "caption"
    return None


def weekday_mentions(text: str) -> Counter[int]:
    """How often each weekday is named as a day ("on Thursday"), Monday=0."""
    return Counter(int(vocab()["weekday"][m.group(1).lower()])
                   for m in _weekday_re().finditer(text))


def infer_published(text: str, doc: Any = None) -> Published | None:
    """The latest explicit date at the top or in captions, cross-checked with weekdays."""
    placed = [(day, where, text[s:e]) for s, e, day in explicit_dates(text)
              if (where := _where(text, s, e))]
    if not placed:
        return None
    datelined = [(day, text[s:e]) for s, e, day in explicit_dates(text)
                 if any(lo <= s and e <= hi for lo, hi in dateline_spans(text))]
    if datelined:  # a dateline is written on the day: no weekday cross-check moves it
        day, surface = max(datelined)
        return Published(day.isoformat(), f"inferred from the text: dateline ('{surface}')")
    day, where, surface = max(placed)
    place = "in a photo caption" if where == "caption" else "at the top"
    evidence = f"inferred from the text: latest explicit date {place} ('{surface}')"
    return Published(*_cross_check(day, evidence, weekday_mentions(text)))


def _cross_check(day: dt.date, evidence: str, weekdays: Counter[int]) -> tuple[str, str]:
    """Keep the date when a named weekday agrees; else move to the most-named weekday."""
    names = list(vocab()["weekday"])
    if not weekdays:
        return day.isoformat(), evidence + "; no weekday named to cross-check"
    if day.weekday() in weekdays:
        name = names[day.weekday()].capitalize()
        return day.isoformat(), f"{evidence}; consistent with 'on {name}' ({day} is a {name})"
    best = weekdays.most_common(1)[0][0]
    moved = day + dt.timedelta(days=(best - day.weekday()) % 7)
    if (moved - day).days > WEEKDAY_REACH:
        return day.isoformat(), evidence + "; weekdays named in the text do not agree"
    return moved.isoformat(), (evidence + f"; moved to the next {names[best].capitalize()}, "
                               "the weekday the text names most")
