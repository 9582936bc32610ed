"""Dates stage: temporal expressions with TIMEX3-style values, anchored to the article's date.

1. find candidate spans with our patterns (vocabulary in ``lexicons/temporal.tsv``) and add
   spaCy DATE/TIME entities the patterns miss; where spans overlap the longest wins;
2. normalise each span with the first rule whose pattern matches all of it: absolute forms
   are parsed by ``dateparser`` (span only, cached), relative ones are computed from the
   anchor (the publication date) and the tense of the clause the span sits in;
3. record ``start, end, text, value, type, mod, duration, anchor, rule``; a relative
   expression with no anchor keeps ``value`` null and says so in ``rule``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from typing import Any, NamedTuple

from spacy.attrs import IDX, LENGTH, LOWER

from .. import lexicons
from ..pipeline import Stage
from ..records import Article
from .segment_arrays import in_words

Direction = str  # "past" | "future" | "nearest"
# Words before a capitalised "May"/"March" that make it the month, not the verb.
MONTH_CUES = frozenset("in since until till by from of to through during before after early "
                       "mid late last next this the end beginning start around its their "
                       "our his her".split())
# Words before a bare four-digit number that make it a year rather than a count.
YEAR_CUES = MONTH_CUES | {"and", "or", "between", "fiscal", "year", "circa", "c.", "season",
                          "for", "ended", "ending", "began", "begin", "beginning", "started",
                          "entered", "entering", "into", "throughout", "closed", "finished"}
# spaCy DATE/TIME entities that are not temporal expressions in TIMEX3's sense.
NOT_TEMPORAL = re.compile(r"(?i)\b(?:old|aged?|seasonally|dollars?|dlrs|cents?|percent|pct|"
                          r"points?|shares?|after-hours|pre-market)\b|^\W*[\d.,]+\W*$")


class Timex(NamedTuple):
    """A normalised expression: TIMEX3 value and type, fuzzy mod, duration, rule name."""

    value: str | None
    type: str
    rule: str
    mod: str | None = None
    duration: str | None = None


class Ctx(NamedTuple):
    """What a rule may use besides its match: the anchor day and the clause's direction."""

    anchor: dt.date | None
    direction: Direction


@lru_cache(maxsize=1)
def vocab() -> dict[str, dict[str, str]]:
    """kind -> {word: value} from temporal.tsv."""
    out: dict[str, dict[str, str]] = {}
    for row in lexicons.table("temporal.tsv"):
        out.setdefault(row["kind"], {})[row["word"]] = row["value"]
    return out


def _alt(words: list[str], capital: bool = False) -> str:
    """A regex alternation, longest first; ``capital`` requires an upper-case first letter."""
    items = sorted(words, key=len, reverse=True)
    if capital:
        return "(?-i:" + "|".join(re.escape(w.capitalize()) for w in items) + ")"
    return "(?:" + "|".join(re.escape(w) for w in items) + ")"


@lru_cache(maxsize=1)
def parts() -> dict[str, str]:
    """Regex building blocks shared by the rules."""
    v = vocab()
    names = [w for w in v["month"] if w.capitalize() in calendar.month_name]
    month = "(?:" + _alt(names, capital=True) + "|" + _alt(
        [w for w in v["month"] if w not in names], capital=True) + r"\.?)"
    units = _alt(list(v["unit"]) + ["centurie"]) + "s?"
    num = r"(?:\d+(?:[.,]\d+)?|" + _alt(list(v["number"])) + r"(?:-" + _alt(
        list(v["number"])) + r")?)"
    return {
        "MONTH": month, "WEEKDAY": _alt(list(v["weekday"]), capital=True),
        "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?", "YEAR": r"(?:1[89]\d\d|20\d\d)",
        "NUM": num, "UNIT": units, "SEASON": _alt(list(v["season"])),
        "PART": _alt([w for w in v["daypart"] if w not in ("tonight", "overnight")]),
        "ORD": _alt(list(v["ordinal"]) + ["last"]),
    }


# Named days: fixed (month, day), the nth weekday of a month (n=-1: the last), or days
# from Easter Sunday. US market holidays and the common Christian and civil ones.
HOLIDAYS: dict[str, tuple[str, int, int, int]] = {
    "new year's day": ("fixed", 1, 1, 0), "new year's eve": ("fixed", 12, 31, 0),
    "christmas day": ("fixed", 12, 25, 0), "christmas eve": ("fixed", 12, 24, 0),
    "boxing day": ("fixed", 12, 26, 0), "martin luther king day": ("nth", 1, 0, 3),
    "martin luther king jr. day": ("nth", 1, 0, 3), "presidents day": ("nth", 2, 0, 3),
    "presidents' day": ("nth", 2, 0, 3), "memorial day": ("nth", 5, 0, -1),
    "labor day": ("nth", 9, 0, 1), "columbus day": ("nth", 10, 0, 2),
    "thanksgiving day": ("nth", 11, 3, 4), "thanksgiving": ("nth", 11, 3, 4),
    "good friday": ("easter", 0, 0, -2), "easter sunday": ("easter", 0, 0, 0),
    "easter monday": ("easter", 0, 0, 1), "easter": ("easter", 0, 0, 0),
}
HOLIDAY_NAMES = "(?-i:" + "|".join(
    re.escape(n.title()).replace("'S", "'s").replace("Jr\\.", "Jr\\.?").replace("'", "['’]")
    .replace("\\ ", r"\s+")
    for n in sorted(HOLIDAYS, key=len, reverse=True)) + ")"

# Rules in priority order (ties in length go to the earlier rule). Each pattern is written
# with the placeholders of parts(); the handler of the same name turns a match into a Timex.
RULE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("date_dmy", r"(?:{WEEKDAY},?\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})"
                 r"(?:\s*,?\s*(?P<year>{YEAR})|\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)?"),
    ("date_mdy", r"(?:{WEEKDAY},?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAY})(?!\d)"
                 r"(?:\s*,?\s*(?P<year>{YEAR})|\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)?"),
    ("date_numeric", r"(?P<year>)\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{4}-\d\d-\d\d"),
    ("month", r"(?:(?P<rel>last|next|this|past|coming)\s+|(?P<mod>early|mid|late|end)[-\s]+"
              r"|(?:the\s+)?(?P<modw>beginning|start|middle|end)\s+of\s+)?(?P<month>{MONTH})"
              r"(?:\s*,?\s*(?:of\s+)?(?P<year>{YEAR})|\s+(?:of\s+)?(?P<yrel>this|last|next)"
              r"\s+year)?"),
    ("fiscal", r"(?:(?:the\s+)?(?:very\s+)?(?P<modw>beginning|start|middle|end)\s+of\s+)?"
               r"(?:(?:fiscal|financial)(?:[-\s]+year)?\s+(?P<year>{YEAR})(?:/(?:\d{4}|\d\d))?"
               r"|(?:the\s+)?(?P<year2>{YEAR})(?:/(?:\d{4}|\d\d))?\s+(?:fiscal|financial)[-\s]+year"
               r"|(?:the\s+)?(?:(?P<rel>current|last|next|previous|prior|this|coming|following)"
               r"\s+)?(?:fiscal|financial)[-\s]+year"
               r"|(?-i:FY)\s?(?P<year3>{YEAR}|\d\d)(?:/(?:\d{4}|\d\d))?)"),
    ("quarter", r"(?:the\s+)?(?P<ord>{ORD})[-\s]+quarter(?:\s+of\s+(?:(?P<year>{YEAR})"
                r"|(?P<rel>this|last|next|the\s+previous)\s+year))?"),
    ("half", r"(?:the\s+)?(?P<ord>first|second|1st|2nd)[-\s]+half(?:\s+of\s+(?:(?P<year>{YEAR})"
             r"|(?P<rel>this|last|next|the\s+previous)\s+year)"
             r"|\s+(?:of\s+)?(?P<month>{MONTH}(?:\s*,?\s*{YEAR})?))?"),
    ("season", r"(?:(?P<rel>this|last|next|past|coming)\s+|(?P<mod>early|mid|late)[-\s]+)?"
               r"(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR})"
               r"|\s+of\s+(?P<yrel>this|last|next)\s+year)?"),
    ("decade", r"(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?"
               r"(?:(?P<cent>1[89]|20)(?P<dec>\d)0|'?(?P<dec2>\d)0)'?s"),
    ("year", r"(?:(?P<mod>early|mid|late|end)[-\s]+|(?:the\s+)?(?P<modw>beginning|start|middle|end)"
             r"\s+of\s+|(?:the\s+)?(?P<yw>year)\s+)?(?P<year>{YEAR})(?![-/]?\d)"),
    ("holiday", r"(?P<name>" + HOLIDAY_NAMES + r")(?:\s*,?\s*(?P<year>{YEAR}))?"),
    ("named_day", r"(?-i:Black)\s+(?P<weekday>(?-i:Monday|Tuesday|Wednesday|Thursday))"),
    ("month_week", r"the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+"
                   r"(?P<month>{MONTH})(?:\s*,?\s*(?P<year>{YEAR}))?"),
    ("weekday", r"(?:(?P<rel>last|next|this|past|coming)\s+|the\s+(?P<ana>previous|prior|"
                r"following)\s+|(?P<mod>early|late)\s+)?"
                r"(?P<weekday>{WEEKDAY})"
                r"(?:\s+(?P<part>{PART}))?"),
    ("deictic", r"(?:(?P<pre>earlier|later)\s+)?(?P<word>today|yesterday|tomorrow|tonight)"
                r"(?:\s+(?P<part>{PART}))?|(?P<this>this|last)\s+(?P<part2>{PART})"),
    ("daypart", r"(?:the\s+)?(?!midnight)(?:(?P<mod>early|late|mid)[-\s]?)?(?P<part>{PART})"),
    ("to_date", r"(?:the\s+)?year[-\s]to[-\s]date"),
    ("past_n", r"(?:the\s+)?(?P<rel>past|last|previous|next|coming|first)\s+(?P<n>{NUM})\s+"
               r"(?P<unit>{UNIT}|(?:trading\s+)?sessions|trading\s+days)"),
    ("ago", r"(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+"
            r"(?P<dir>ago|later|earlier|before|after|from\s+now)"),
    ("year_end", r"(?:the\s+)?(?:year[-\s]end|end[-\s]year|(?P<mid>mid)[-\s]?year)"
                 r"(?:\s+(?P<year>{YEAR}))?"),
    ("same", r"(?:the\s+)?same\s+(?P<unit>period|time|day|week|month|quarter|season)\s+"
             r"(?:of\s+)?(?:(?:the\s+)?(?:last|previous|prior)\s+year|a\s+year\s+"
             r"(?:ago|earlier|before))"
             r"|(?:the\s+)?year[-\s](?:ago|earlier)(?:\s+(?P<unit2>period|quarter|month|week|day|"
             r"half))?"),
    ("year_ref", r"the\s+(?:entire|whole|full|same)\s+year"),
    ("ranked", r"(?:its|their|the|an?)\s+(?:worst|best|\w+est|\w+\s+(?:consecutive|"
               r"straight|successive))\s+(?:trading\s+)?"
               r"(?P<unit>day|week|month|quarter|year|session)(?!-)"),
    ("relative", r"(?:(?P<pre>earlier|later)\s+|(?:the\s+)?(?P<modw>beginning|start|middle|end)"
                 r"\s+of\s+)?(?:the\s+)?(?P<rel>last|next|this|past|the|that|"
                 r"coming|previous|prior|following|current)\s+(?:calendar\s+(?=year))?"
                 r"(?P<unit>week|weekend|month|year|"
                 r"decade|quarter|century)(?!-)(?:\s+(?P<post>previous|before|earlier)"
                 r"(?=\s*(?:[^\w\s]|$)))?"),
    ("day_ref", r"(?:the|that)\s+(?:(?P<rel>same|previous|"
                r"prior|following|next)\s+)?(?P<unit>day|(?:trading\s+)?session|trading\s+day)(?!-)"
                r"(?:\s+(?P<dir>before|after)(?=\s*(?:[^\w\s]|$)))?"),
    ("set", r"(?:(?:once|twice|\w+\s+times)\s+an?|per|every|each)\s+(?P<unit>{UNIT})"
            r"|(?P<adv>daily|weekly|monthly|quarterly|(?:semi-?|half-)?(?:annually|yearly|annual)"
            r")"),
    ("duration", r"(?P<n>{NUM})[-\s]+(?P<unit>{UNIT}|(?:trading\s+)?sessions|trading\s+days)"
                 r"(?![-\s]+old)"),
    ("vague", r"(?:the\s+)?(?:(?P<mod>early|late|recent|coming|next|past)\s+)?"
              r"(?P<unit>(?:second|minute|hour|day|week|month|year|decade)s)"),
    ("ref", r"(?P<ref>now|currently|recently|lately|nowadays|at\s+present|the\s+future|"
            r"the\s+past|recent\s+(?:years|months|weeks|days)|the\s+near\s+future)"),
    ("time", r"(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\s*(?P<ampm>[ap]\.?m\.?)?"
             r"(?:\s*(?P<tz>UTC|GMT))?(?=\W|$)|(?P<h2>1[0-2]|0?[1-9])\s*(?P<ampm2>[ap]\.m\.|[ap]m)"
             r"|(?P<noon>noon|midnight)"),
)


def _initials(*kinds: str) -> str:
    """First letters of the vocabulary's words of ``kinds``, capitalised as ``_alt`` with
    ``capital=True`` writes them."""
    return "".join(sorted({w.capitalize()[0] for kind in kinds for w in vocab()[kind]}))


@lru_cache(maxsize=1)
def rule_starts() -> dict[str, str]:
    """Look-aheads for the first character of the full-date rules' matches: a day (a
    digit), or a capitalised weekday or month name. The published-date inference scans
    whole texts with these three rules, and an alternation whose branches begin
    differently is otherwise tried in full at every offset (this halves the scans)."""
    numbers = "".join(sorted({re.escape(w[0]) for w in vocab()["number"]}))
    return {
        "date_dmy": "(?=[0-9]|(?-i:[" + _initials("weekday") + "]))",
        "date_mdy": "(?-i:(?=[" + _initials("weekday", "month") + "]))",
        "date_numeric": r"(?=\d)",
        # The costliest rules of the windows around anchors, by the same reasoning: the
        # first characters their patterns allow (case-insensitively, as the rules match).
        "duration": r"(?=[\d" + numbers + "])",  # {NUM}: a digit or a number word
        "time": r"(?=[\dnm])",  # an hour, noon or midnight
        "year": "(?=[12belmsty])",  # early|mid|late|end, the, beginning|start|middle, year
        "decade": r"(?=[\d'elmt])",  # the, early|mid|late, a digit or an apostrophe
        "ago": r"(?=[\d" + numbers + "])",  # {NUM}
        # last|next|this|past|coming, early|mid|late|end, the, beginning|start|middle, or
        # a capitalised month name
        "month": "(?=[bcelmnpst]|(?-i:[" + _initials("month") + "]))",
        # earlier|later, the, beginning|start|middle|end, or the relative word itself
        "relative": "(?=[bceflmnpst])",
        "past_n": "(?=[cflnpt])",  # the, past|last|previous|next|coming|first
        "deictic": "(?=[elty])",  # earlier|later, today|yesterday|tomorrow|tonight, this|last
        "ref": "(?=[aclnrt])",  # now, currently, recently, lately, at present, the ...
        "year_ref": "(?=t)",  # the
    }


@lru_cache(maxsize=1)
def compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The rule patterns with their placeholders filled in, compiled once."""
    p = parts()
    out = []
    for name, pattern in RULE_PATTERNS:
        for key, value in p.items():
            pattern = pattern.replace("{" + key + "}", value)
        # no match starts inside a word, a fraction or a number ("1986/87 year", "4,500 days")
        out.append((name, re.compile(rule_starts().get(name, "") + r"(?<![\w'’/-])(?<!\d[,.])(?:"
                                     + pattern + r")(?![\w])", re.I)))
    return tuple(out)


# ---------------------------------------------------------------- calendar arithmetic


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_str(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(day: dt.date, n: int) -> tuple[int, int]:
    total = day.year * 12 + day.month - 1 + n
    return total // 12, total % 12 + 1


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def shift(anchor: dt.date, n: float, unit: str, fine: bool = False) -> str:
    """The anchor moved by ``n`` units, at the unit's granularity; ``fine`` keeps weeks
    (and shorter) as days, as "a week ago" names a day."""
    k = round(n)
    if unit.startswith("T"):  # clock units move to the day they reach
        per_day = {"TS": 86400, "TM": 1440, "TH": 24}[unit]
        days = -(-abs(n) // per_day) * (1 if n >= 0 else -1)
        return (anchor + dt.timedelta(days=days)).isoformat()
    if unit in ("D", "W", "2W", "WE") and (fine or unit == "D"):
        per = {"D": 1, "W": 7, "2W": 14, "WE": 7}[unit]
        return (anchor + dt.timedelta(days=per * k)).isoformat()
    if unit in ("W", "2W", "WE"):
        moved = anchor + dt.timedelta(days=7 * k * (2 if unit == "2W" else 1))
        return iso_week(moved) + ("-WE" if unit == "WE" else "")
    return _shift_long(anchor, k, unit)


def _shift_long(anchor: dt.date, k: int, unit: str) -> str:
    """Months and longer: month, quarter, year, decade, century values."""
    if unit == "M":
        return month_str(*add_months(anchor, k))
    if unit == "Q":
        year, month = add_months(anchor, 3 * k)
        return f"{year}-Q{quarter_of(month)}"
    if unit == "DE":
        return str((anchor.year + 10 * k) // 10)
    if unit == "CE":
        return str((anchor.year + 100 * k) // 100)
    return str(anchor.year + k)


def weekday_date(anchor: dt.date, weekday: int, direction: Direction) -> dt.date:
    """The day with that weekday: on/before the anchor (past), on/after it (future),
    the closer of the two (nearest); "last"/"next" exclude the anchor day itself."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "last":
        back = back or 7
    if direction == "next":
        ahead = ahead or 7
    if direction in ("future", "next") or (direction == "nearest" and ahead < back):
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def month_year(anchor: dt.date, month: int, direction: Direction) -> int:
    """Year of a month named without one: the nearest past occurrence, or the next one
    when the clause looks ahead; "last"/"next" exclude the anchor's own month."""
    past = anchor.year if month <= anchor.month else anchor.year - 1
    future = anchor.year if month >= anchor.month else anchor.year + 1
    if direction == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if direction == "future":
        return future
    if direction == "nearest":
        ahead, back = (month - anchor.month) % 12, (anchor.month - month) % 12
        return future if ahead < back else past
    return past


def day_year(anchor: dt.date, month: int, day: int, direction: Direction) -> int:
    """Year of a month and day named without one: the latest on or before the anchor in a
    past clause, the next one in a future clause, else the closest (far days carry years)."""
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    if direction in ("future", "next"):
        years = [y for y in years if (_safe_date(y, month, day) or anchor) >= anchor]
    if direction in ("past", "last"):
        years = [y for y in years if (_safe_date(y, month, day) or anchor) <= anchor]
    dates = [(abs(((_safe_date(y, month, 28 if day > 28 else day) or anchor) - anchor).days), y)
             for y in years]
    return min(dates)[1]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- rule handlers


def number(text: str) -> float | None:
    """A count written in digits or words ("24", "twenty-four", "a"); None when vague."""
    words = vocab()["number"]
    text = text.lower().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if text in words:
        return None if words[text] == "X" else float(words[text])
    pieces = re.split(r"[-\s]+", text)
    values = [words.get(p) for p in pieces]
    if all(v not in (None, "X") for v in values):
        return float(sum(float(v) for v in values if v))
    return None


def unit_code(word: str) -> str:
    """TIMEX3 unit letter(s) for a unit word, plural or not."""
    units = vocab()["unit"]
    word = word.lower()
    if word.startswith("centur"):
        return "CE"
    return units.get(word) or units.get(word[:-1], "D")


def duration(n: float | None, unit: str) -> str:
    """ISO 8601 / TIMEX3 duration: P1D, PT24H, PXY for a vague count."""
    count = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
    if unit == "2W":
        count, unit = ("X" if n is None else str(int(2 * n))), "W"
    return f"PT{count}{unit[1:]}" if unit.startswith("T") else f"P{count}{unit}"


def _mod(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    word = groups.get("mod") or groups.get("modw") or groups.get("pre")
    return vocab()["mod"].get(word.lower()) if word else None


def _direction(m: re.Match[str], ctx: Ctx) -> Direction:
    """An explicit last/next/this in the span beats the clause's tense."""
    rel = (m.groupdict().get("rel") or "").lower()
    if rel in ("last", "past", "previous"):
        return "last"
    if rel in ("next", "coming", "following"):
        return "next"
    return "nearest" if rel == "this" else ctx.direction


def _unanchored(rule: str, kind: str = "DATE") -> Timex:
    return Timex(None, kind, f"{rule}:no-anchor (relative expression, no publication date)")


# "March 2005", "12 March 2005", "12 March, 2005": most of the spans given to dateparser
# (which costs about a millisecond a call). For these shapes, with a full month name and
# a real day, dateparser's reading is the calendar's (checked for every month, day and
# year 1800-2099), so it is computed directly; any other span still goes to dateparser.
PLAIN_DATE = re.compile(r"(?:(?P<day>[1-9]|[12]\d|3[01]) )?(?P<month>[A-Z][a-z]+),? "
                        r"(?P<year>1[89]\d\d|20\d\d)")
MONTH_NUMBERS = {name: n + 1 for n, name in enumerate(
    "January February March April May June July August September October November December"
    .split())}  # English, whatever the locale: dateparser reads English only here


@lru_cache(maxsize=2048)
def parse_absolute(text: str) -> tuple[dt.date, str] | None:
    """dateparser on one span (never a whole text): the date and its period."""
    plain = PLAIN_DATE.fullmatch(text)
    month = MONTH_NUMBERS.get(plain.group("month")) if plain else None
    if plain and month and (plain.group("day") or "," not in text):
        day = _safe_date(int(plain.group("year")), month, int(plain.group("day") or 1))
        if day is not None:
            return day, "day" if plain.group("day") else "month"
    data = _parser().get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), str(data.period)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from dateparser.date import DateDataParser

    # A fixed base keeps results independent of today's date; years are checked by us.
    return DateDataParser(languages=["en"], settings={
        "PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": dt.datetime(2000, 1, 1)})


def h_date(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """A day named by month and day, with or without a year."""
    if m.group("year"):
        parsed = parse_absolute(m.group(0))
        if parsed:
            return Timex(parsed[0].isoformat(), "DATE", "absolute:dateparser")
    month = int(vocab()["month"][m.group("month").lower().rstrip(".")])
    day = int(re.sub(r"\D", "", m.group("day")))
    if m.group("year"):
        found = _safe_date(int(m.group("year")), month, day)
        return Timex(found.isoformat(), "DATE", "absolute") if found else None
    if ctx.anchor is None:
        return _unanchored("day-without-year")
    if m.group("yrel"):  # "October 1 this year", "March 3 next year"
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(m.group("yrel").lower(), 0)
        found = _safe_date(year, month, day)
        return Timex(found.isoformat(), "DATE", "day:of-relative-year") if found else None
    year = day_year(ctx.anchor, month, day, ctx.direction)
    found = _safe_date(year, month, day)
    value = found.isoformat() if found else month_str(year, month)
    return Timex(value, "DATE", f"day-without-year:{ctx.direction}")


def h_numeric(m: re.Match[str], ctx: Ctx) -> Timex | None:
    parsed = parse_absolute(m.group(0))
    return Timex(parsed[0].isoformat(), "DATE", "absolute:dateparser") if parsed else None


def h_month(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """A month, with a year or resolved to the nearest past one (next one if future)."""
    month = int(vocab()["month"][m.group("month").lower().rstrip(".")])
    mod = _mod(m)
    if m.group("year"):
        parsed = parse_absolute(f"{m.group('month')} {m.group('year')}")
        value = parsed[0].strftime("%Y-%m") if parsed else month_str(int(m.group("year")), month)
        return Timex(value, "DATE", "absolute:dateparser", mod)
    if ctx.anchor is None:
        return _unanchored("month")
    if m.group("yrel"):
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(m.group("yrel").lower(), 0)
        return Timex(month_str(year, month), "DATE", "month:of-relative-year", mod)
    direction = _direction(m, ctx)
    if direction == "nearest" and not m.group("rel"):
        direction = "past"  # a bare month is the last one unless the clause looks ahead
    year = month_year(ctx.anchor, month, direction)
    return Timex(month_str(year, month), "DATE", f"month:{direction}", mod)


def h_quarter(m: re.Match[str], ctx: Ctx) -> Timex | None:
    word = m.group("ord").lower()
    rel = (m.group("rel") or "").lower()
    if m.group("year"):
        return Timex(f"{m.group('year')}-Q{_quarter_number(word)}", "DATE", "quarter:absolute")
    if ctx.anchor is None:
        return _unanchored("quarter")
    if word == "last":
        return Timex(shift(ctx.anchor, -1, "Q"), "DATE", "quarter:previous")
    q = _quarter_number(word)
    year = ctx.anchor.year + {"last": -1, "the previous": -1, "next": 1}.get(rel, 0)
    ahead = q - quarter_of(ctx.anchor.month)
    if not rel and ahead > 0 and (ctx.direction == "past" or
                                  ctx.direction == "nearest" and ahead > 2):
        year -= 1  # a later quarter in a past clause (or far ahead) is last year's
    return Timex(f"{year}-Q{q}", "DATE", f"quarter:{rel or ctx.direction}")


def h_fiscal(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """A fiscal or financial year: TIMEX3 ``FY2008``; "fiscal 1987/88" is named by the year it
    starts in, "the current fiscal year" by the anchor's."""
    year = m.group("year") or m.group("year2") or m.group("year3")
    if year:
        y = int(year) if len(year) == 4 else int(year) + (2000 if int(year) < 50 else 1900)
        return Timex(f"FY{y}", "DATE", "fiscal:absolute", _mod(m))
    if ctx.anchor is None:
        return _unanchored("fiscal")
    rel = (m.group("rel") or "").lower()
    step = {"last": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1,
            "following": 1}.get(rel, 0)
    return Timex(f"FY{ctx.anchor.year + step}", "DATE", f"fiscal:{rel or 'the'}", _mod(m))


def h_half(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """The first or second half of a year: TIMEX3 ``2006-H1``."""
    half = 1 if m.group("ord").lower() in ("first", "1st") else 2
    if m.group("month"):  # "first-half August": the month with the mod early (late)
        month = normalise(m.group("month"), ctx.anchor, ctx.direction, "month")
        return month._replace(mod="early" if half == 1 else "late") if month else None
    if m.group("year"):
        return Timex(f"{m.group('year')}-H{half}", "DATE", "half:absolute")
    if ctx.anchor is None:
        return _unanchored("half")
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    year = ctx.anchor.year + {"last": -1, "the previous": -1, "next": 1}.get(rel, 0)
    current = 1 if ctx.anchor.month <= 6 else 2
    if not rel and half > current and ctx.direction == "past":
        year -= 1  # "profits fell in the second half" written in spring: last year's
    return Timex(f"{year}-H{half}", "DATE", f"half:{rel or ctx.direction}")


def _quarter_number(word: str) -> int:
    return int(vocab()["ordinal"].get(word, "4"))


def h_season(m: re.Match[str], ctx: Ctx) -> Timex | None:
    code = vocab()["season"][m.group("season").lower()]
    if m.group("year"):
        return Timex(f"{m.group('year')}-{code}", "DATE", "season:absolute", _mod(m))
    if ctx.anchor is None:
        return _unanchored("season")
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    rel = (m.group("yrel") or m.group("rel") or "").lower()
    if m.group("yrel") or rel == "this":  # "this fall", "the fall of next year"
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0)
        return Timex(f"{year}-{code}", "DATE", f"season:{rel}", _mod(m))
    year = month_year(ctx.anchor, start, _direction(m, ctx))
    return Timex(f"{year}-{code}", "DATE", f"season:{_direction(m, ctx)}", _mod(m))


def h_decade(m: re.Match[str], ctx: Ctx) -> Timex | None:
    if m.group("cent"):
        return Timex(m.group("cent") + m.group("dec"), "DATE", "decade", _mod(m))
    dec = int(m.group("dec2"))
    this_year = ctx.anchor.year if ctx.anchor else 2000
    # the latest such decade not after the anchor's: "the 90s" in 2010 is 199, in 1995 too
    century = this_year // 100 if dec * 10 <= this_year % 100 else this_year // 100 - 1
    return Timex(f"{century}{dec}", "DATE", "decade:two-digit", _mod(m))


def h_year(m: re.Match[str], ctx: Ctx) -> Timex | None:
    return Timex(m.group("year"), "DATE", "year", _mod(m))


# Market crashes known by a weekday's name: the day each name is used for without more.
HISTORIC_DAYS = {"monday": dt.date(1987, 10, 19), "tuesday": dt.date(1929, 10, 29),
                 "wednesday": dt.date(1992, 9, 16), "thursday": dt.date(1929, 10, 24)}
# Before "Black Monday": a new day being given the old name, not the old day.
# (COINED is searched in the 30 characters before the name.)
COINED = re.compile(r"\b(?:(?:dubbed|called|calling|labell?ed|named|christened)(?:\s+(?:it|"
                    r"this|that|the\s+day))?|another|new|second|this|today's|yesterday's|a)"
                    r"\W*$|[\"“'‘]$", re.I)


def h_named_day(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """"Black Monday": October 19, 1987 (see keep() for a new day given the name)."""
    return Timex(HISTORIC_DAYS[m.group("weekday").lower()].isoformat(), "DATE", "named-day")


def holiday_date(name: str, year: int) -> dt.date:
    """The day a named holiday falls on in ``year``."""
    kind, month, a, b = HOLIDAYS[name]
    if kind == "fixed":
        return dt.date(year, month, a)
    if kind == "easter":
        return easter(year) + dt.timedelta(days=b)
    if b > 0:  # the b-th weekday a of the month
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(a - first.weekday()) % 7 + 7 * (b - 1))
    last = dt.date(*add_months(dt.date(year, month, 1), 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - a) % 7)


def easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian; the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def h_holiday(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """"Labor Day", "Good Friday", "New Year's Eve": the one the tense points to."""
    name = re.sub(r"\s+", " ", m.group("name").lower().replace("’", "'"))
    name = name if name in HOLIDAYS else name.replace("jr ", "jr. ")
    if m.group("year"):
        return Timex(holiday_date(name, int(m.group("year"))).isoformat(), "DATE", "holiday")
    if ctx.anchor is None:
        return _unanchored("holiday")
    anchor = ctx.anchor
    days = [holiday_date(name, anchor.year + k) for k in (-1, 0, 1)]
    if ctx.direction in ("past", "last"):
        day = max(d for d in days if d <= anchor)
    elif ctx.direction in ("future", "next"):
        day = min(d for d in days if d >= anchor)
    else:
        day = min(days, key=lambda d: abs((d - anchor).days))
    return Timex(day.isoformat(), "DATE", f"holiday:{ctx.direction}")


def h_month_week(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """"the last week of March": the ISO week holding most of that week of the month."""
    month = int(vocab()["month"][m.group("month").lower().rstrip(".")])
    if m.group("year"):
        year = int(m.group("year"))
    elif ctx.anchor is None:
        return _unanchored("month-week")
    else:
        year = month_year(ctx.anchor, month, "past" if ctx.direction == "nearest"
                          else ctx.direction)
    ord_word = m.group("ord").lower()
    if ord_word in ("last", "final"):
        end = dt.date(*add_months(dt.date(year, month, 1), 1), 1) - dt.timedelta(days=1)
        day = end - dt.timedelta(days=3)
    else:
        day = dt.date(year, month, 4) + dt.timedelta(days=7 * (_quarter_number(ord_word) - 1))
    return Timex(iso_week(day), "DATE", "month-week")


def h_weekday(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """A weekday: the latest one on or before the anchor in a past report, else by tense."""
    if ctx.anchor is None:
        return _unanchored("weekday")
    direction = _direction(m, ctx)
    weekday = int(vocab()["weekday"][m.group("weekday").lower()])
    part = _part(m.group("part"))  # "Monday morning" is a TIME in TIMEX3
    kind = "TIME" if part else "DATE"
    if m.group("ana"):  # "the previous Friday": before the day named last (resolve_anaphora)
        step = 1 if m.group("ana").lower() == "following" else -1
        day = weekday_date(ctx.anchor, weekday, "next" if step > 0 else "last")
        return Timex(day.isoformat() + part, kind,
                     f"{ANAPHORIC}calendar:{m.group('ana').lower()}:{step}:WD{weekday}", _mod(m))
    day = weekday_date(ctx.anchor, weekday, direction)
    return Timex(day.isoformat() + part, kind, f"weekday:{direction}", _mod(m))


def _part(word: str | None) -> str:
    return "T" + vocab()["daypart"][word.lower()] if word else ""


def h_deictic(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """today, yesterday, tomorrow, tonight, this morning, last night."""
    if ctx.anchor is None:
        return _unanchored("deictic")
    if m.group("this"):
        offset = -1 if m.group("this").lower() == "last" else 0
        day = ctx.anchor + dt.timedelta(days=offset)
        return Timex(day.isoformat() + _part(m.group("part2")), "TIME", "deictic")
    word = m.group("word").lower()
    offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    part = _part(m.group("part")) or ("TNI" if word == "tonight" else "")
    when = (ctx.anchor + dt.timedelta(days=offset)).isoformat()
    return Timex(when + part, "TIME" if part else "DATE", f"deictic:{word}")


def h_daypart(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """"in morning trading", "by midday": that part of the day the text named last
    (resolve_anaphora), else of the anchor day."""
    if ctx.anchor is None:
        return _unanchored("daypart", "TIME")
    return Timex(ctx.anchor.isoformat() + _part(m.group("part")), "TIME",
                 f"{ANAPHORIC}calendar:the:0:D", _mod(m))


def h_past_n(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """"the past 24 hours": the range from the anchor back (or forward) that far."""
    unit, n = unit_code(m.group("unit")), number(m.group("n"))
    rel = m.group("rel").lower()
    span = duration(n, unit)
    if n is None or rel == "first":  # "the next few months", "the first nine months": PXM, P9M
        return Timex(span, "DURATION", f"past-n:{rel}:length", duration=span)
    if ctx.anchor is None:
        return Timex(None, "DURATION", f"past-n:{rel}:unresolved", duration=span)
    sign = 1 if rel in ("next", "coming") else -1
    far = shift(ctx.anchor, sign * n, unit, fine=True)
    near = shift(ctx.anchor, 0, unit, fine=True)
    value = f"{far}/{near}" if sign < 0 else f"{near}/{far}"
    return Timex(value, "DURATION", f"past-n:{rel}", duration=span)


def h_ago(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """"two days ago"; "a day after <event>" names the event's day, before the anchor."""
    unit, n = unit_code(m.group("unit")), number(m.group("n"))
    direction = re.sub(r"\s+", " ", m.group("dir").lower())
    sign = {"ago": -1, "after": -1, "before": 1, "from now": 1}.get(direction)
    step = {"earlier": -1, "later": 1}.get(direction)
    if step is not None and n is not None and n == int(n) and unit in OFFSET_UNITS:
        # "a year earlier", "two days later": from the period the text named last (see
        # resolve_anaphora); with none, "earlier" counts back from the anchor.
        value = shift(ctx.anchor, step * n, unit, fine=True) if ctx.anchor and step < 0 \
            else None
        return Timex(value, "DATE", f"{ANAPHORIC}offset:{direction}:{step * int(n)}:{unit}",
                     duration=duration(n, unit))
    if sign is None or n is None:
        return Timex(None, "DATE", f"offset:{direction}:narrative-unresolved",
                     duration=duration(n, unit))
    if ctx.anchor is None:
        return _unanchored(f"offset:{direction}")
    return Timex(shift(ctx.anchor, sign * n, unit, fine=True), "DATE", f"offset:{direction}")


def h_relative(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """last week, this year, next month, the previous quarter."""
    if ctx.anchor is None:
        return _unanchored("relative")
    rel = m.group("rel").lower()
    if rel == "the" and m.group("post"):
        rel = "previous"  # "the year before", "the month previous"
    step = {"last": -1, "past": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1,
            "following": 1}.get(rel, 0)
    unit = unit_code(m.group("unit"))
    value = shift(ctx.anchor, step, unit)
    if rel in ("the", "that", "previous", "prior", "following"):
        # "the year", "the previous month": the period the text named last (resolve_anaphora),
        # moved; with none, the anchor's
        return Timex(value, "DATE", f"{ANAPHORIC}calendar:{rel}:{step}:{unit}", _mod(m))
    # "the past week", "the next month": TIMEX2/TimeBank read a stretch of that length up
    # to (from) the anchor; MEANTIME marks such spans as the calendar period before (after),
    # which we keep as value, recording the length as duration.
    length = duration(1, unit) if step and m.group(0).lower().startswith("the ") else None
    return Timex(value, "DATE", f"relative:{rel}", _mod(m), length)


def h_ranked(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """"its worst week since October", "the third straight session": the period of that
    unit the text is reporting on, i.e. the one holding the day named last (else the
    anchor's)."""
    if ctx.anchor is None:
        return _unanchored("ranked")
    word = m.group("unit").lower()
    unit = "D" if word == "session" else unit_code(word)
    return Timex(shift(ctx.anchor, 0, unit), "DATE", f"{ANAPHORIC}calendar:the:0:{unit}")


def h_day_ref(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """"the day", "the previous session", "the day before": the day the text named last
    (resolve_anaphora), moved by calendar days or, for sessions, by trading days."""
    if ctx.anchor is None:
        return _unanchored("day-ref")
    rel = (m.group("rel") or "").lower()
    step = {"previous": -1, "prior": -1, "following": 1, "next": 1}.get(rel) or \
        {"before": -1, "after": 1}.get((m.group("dir") or "").lower(), 0)
    unit = "D" if m.group("unit").lower() == "day" else "B"
    value = add_days(ctx.anchor, step, unit == "B").isoformat()
    return Timex(value, "DATE", f"{ANAPHORIC}calendar:{rel or 'the'}:{step}:{unit}", _mod(m))


def add_days(day: dt.date, n: int, trading: bool = False) -> dt.date:
    """``n`` days later (earlier when negative); ``trading`` counts weekdays only."""
    if not trading:
        return day + dt.timedelta(days=n)
    step = 1 if n > 0 else -1
    for _ in range(abs(n)):
        day += dt.timedelta(days=step)
        while day.weekday() >= 5:
            day += dt.timedelta(days=step)
    return day


# Rule-name prefix of expressions whose value depends on an earlier one in the same text.
ANAPHORIC = "anaphoric:"
# Units an anaphoric offset ("a year earlier") can move a named period by.
OFFSET_UNITS = frozenset({"D", "W", "M", "Y"})


def h_same(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """"the same period last year": a year before the period the text last named (set by
    resolve_anaphora); alone it is last year."""
    if ctx.anchor is None:
        return _unanchored("same")
    unit = (m.group("unit") or m.group("unit2") or "period").lower()  # "the year-ago quarter"
    return Timex(str(ctx.anchor.year - 1), "DATE", f"{ANAPHORIC}same-{unit}:a-year-before")


def h_year_end(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """"year-end", "mid-year": this year's unless the clause looks back past it (in March
    "debt rose at year-end" is last year's)."""
    mod = "mid" if m.group("mid") else "late"
    if m.group("year"):
        return Timex(m.group("year"), "DATE", "year-end:absolute", mod)
    if ctx.anchor is None:
        return _unanchored("year-end")
    reached = ctx.anchor.month >= (7 if mod == "mid" else 12)
    year = ctx.anchor.year - (1 if ctx.direction == "past" and not reached else 0)
    return Timex(str(year), "DATE", f"year-end:{ctx.direction}", mod)


def h_to_date(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """"year-to-date": the anchor's year so far."""
    if ctx.anchor is None:
        return _unanchored("year-to-date")
    return Timex(str(ctx.anchor.year), "DATE", "year-to-date")


def h_year_ref(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """"the entire year": the year the text last named (set by resolve_anaphora)."""
    return Timex(None, "DATE", f"{ANAPHORIC}year:unresolved")


def h_set(m: re.Match[str], ctx: Ctx) -> Timex | None:
    adverb = (m.group("adv") or "").lower()
    if adverb.startswith(("semi", "half")) or adverb == "quarterly":
        return Timex("P6M" if adverb[0] in "sh" else "P3M", "SET", "set")
    unit = {"daily": "D", "weekly": "W", "monthly": "M"}.get(adverb, "Y" if adverb else None)
    return Timex(duration(1, unit or unit_code(m.group("unit"))), "SET", "set")


def h_duration(m: re.Match[str], ctx: Ctx) -> Timex | None:
    span = duration(number(m.group("n")), unit_code(m.group("unit")))
    return Timex(span, "DURATION", "duration", duration=span)


def h_vague(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """"days", "recent weeks": a vague stretch of time, PX<unit>, or a past/future ref."""
    mod = (m.group("mod") or "").lower()
    if mod in ("recent", "past"):
        return Timex("PAST_REF", "DATE", "vague:reference")
    if mod in ("coming", "next"):
        return Timex("FUTURE_REF", "DATE", "vague:reference")
    span = duration(None, unit_code(m.group("unit")))
    return Timex(span, "DURATION", "vague", vocab()["mod"].get(mod), duration=span)


def h_ref(m: re.Match[str], ctx: Ctx) -> Timex | None:
    words = re.sub(r"\s+", " ", m.group("ref").lower())
    refs = vocab()["ref"]
    value = refs.get(words) or refs.get(f"in {words}") or "PAST_REF"
    return Timex(value, "DATE", "reference")


def h_time(m: re.Match[str], ctx: Ctx) -> Timex | None:
    """A clock time on the anchor day: 18:00 UTC, 6:40 p.m., noon."""
    if m.group("noon"):
        hour, minute, ampm, tz = (12 if m.group("noon").lower() == "noon" else 0), 0, "", ""
    else:
        hour = int(m.group("h") or m.group("h2"))
        minute = int(m.group("m") or 0)
        ampm = (m.group("ampm") or m.group("ampm2") or "").lower()
        tz = m.group("tz") or ""
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    day = ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"
    return Timex(f"{day}T{hour:02d}:{minute:02d}" + ("Z" if tz else ""), "TIME", "clock")


HANDLERS: dict[str, Callable[[re.Match[str], Ctx], Timex | None]] = {
    "date_dmy": h_date, "date_mdy": h_date, "date_numeric": h_numeric, "month": h_month,
    "quarter": h_quarter, "half": h_half, "season": h_season, "decade": h_decade, "year": h_year,
    "weekday": h_weekday, "deictic": h_deictic, "past_n": h_past_n, "ago": h_ago,
    "same": h_same, "year_ref": h_year_ref, "relative": h_relative, "set": h_set,
    "duration": h_duration, "ref": h_ref, "time": h_time, "vague": h_vague,
    "day_ref": h_day_ref, "fiscal": h_fiscal, "year_end": h_year_end, "daypart": h_daypart,
    "holiday": h_holiday, "month_week": h_month_week, "to_date": h_to_date, "ranked": h_ranked,
    "named_day": h_named_day,
}
# Rules applied only to spans the model found: alone they would match too much ("years").
MODEL_ONLY = frozenset({"vague"})


@lru_cache(maxsize=8192)
def normalise(text: str, anchor: dt.date | None, direction: Direction = "past",
              rule: str | None = None) -> Timex | None:
    """The value of one temporal expression: the first rule matching all of ``text``."""
    for name, pattern in compiled():
        if rule is not None and name != rule:
            continue
        m = pattern.fullmatch(text)
        if m:
            try:
                return HANDLERS[name](m, Ctx(anchor, direction))
            except OverflowError:  # "125,000 week ago" (a head count): no calendar date
                return None
    return None


@lru_cache(maxsize=4096)
def rule_of(text: str) -> str | None:
    """The first rule whose pattern matches all of ``text`` (for spans the model found)."""
    return next((name for name, pattern in compiled() if pattern.fullmatch(text)), None)


# ---------------------------------------------------------------- candidates and tense

# Words before a clock time that make "3:30" a time rather than a score or ratio.
TIME_CUES = frozenset("at by around about until till before after from to since".split())


# The last word of a stretch of text (_prev_word), compiled once: keep runs it per match.
LAST_WORD = re.compile(r"([\w.'’]+)\W*$")


def _prev_word(text: str, start: int) -> str:
    m = LAST_WORD.search(text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def keep(rule: str, m: re.Match[str], text: str, model_dates: set[int]) -> bool:
    """Filters that need the words around a match: verbs "May"/"March", counts that look
    like years, decimals that look like clock times, "fall" the verb."""
    g = m.groupdict()
    prev = _prev_word(text, m.start())
    if rule == "month" and not (g["year"] or g["mod"] or g["modw"] or g["rel"] or g["yrel"]):
        word = g["month"].rstrip(".")
        return (word not in ("May", "March") and len(word) > 3) or prev in MONTH_CUES
    if rule == "year" and not (g["mod"] or g["modw"] or g["yw"]):
        return prev in YEAR_CUES or m.start() in model_dates
    if rule == "time" and not (g["noon"] or g["ampm"] or g["ampm2"] or g["tz"]):
        return ":" in m.group(0) and (prev in TIME_CUES or m.start() in model_dates)
    if rule == "daypart":  # "in the morning", "morning trading"; not "Good morning"
        return prev in DAYPART_CUES or (g["part"].lower() in ("morning", "afternoon", "midday")
                                        and bool(MARKET_HOURS.match(text, m.end())))
    if rule == "relative" and g["rel"].lower() in ("the", "that") and not g["modw"] and \
            PERIOD_BOUNDED.match(text, m.end()):
        return False  # "the year to March", "the quarter ended June 30": no calendar period
    if rule == "day_ref" and "session" in g["unit"].lower() and not g["rel"]:
        return False  # "the session": a sitting or a trading day, no date of its own
    if rule == "duration" and re.fullmatch(r"(?:1[89]|20)\d\d", g["n"]):
        return False  # "the 1985 quarter", "1530 hours": a year or a clock, not a count
    if rule == "duration" and is_fraction(m.group(0), text[m.end():m.end() + 30]):
        return False  # "three-quarters of a point", "a quarter of firms": fractions
    if rule == "duration" and g["unit"].lower().startswith("second"):
        return g["n"].lower() not in ("a", "an")  # "a second flight": the ordinal
    if rule == "named_day" and COINED.search(text, max(0, m.start() - 30), m.start()):
        return False  # 'what traders dubbed "Black Monday"': that Monday, by tense
    if rule == "weekday" and prev == "the" and not (g["rel"] or g["mod"] or g["part"]) and \
            re.match(r"\s+[A-Z][a-z]", text[m.end():m.end() + 3]):
        return False  # "The Sunday Times", "the Monday Club": part of a name
    if rule == "set" and g["adv"] and g["adv"][0].isupper() and \
            not re.search(r"(?:^|[.!?:\"“]\s*)$", text[max(0, m.start() - 3):m.start()]):
        return False  # "the People's Daily", "Business Weekly": a title, not a frequency
    if rule == "season" and re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]):
        return False  # "Winter Olympic Games", "Summer Palace": part of a name
    if rule == "season" and g["season"].lower() == "fall":
        return bool(g["rel"] or g["year"] or g["mod"]) or _fall_is_autumn(text, m, prev)
    return True


# After "quarters": "of" makes it a fraction ("a quarter of firms"); with a determiner or
# number after it ("two quarters of the market") whatever the count, but "three quarters
# of contraction" stays a duration.
FRACTION_OF = re.compile(r"\s+of\b(\s+(?:a|an|the|this|that|these|those|its|their|his|her|"
                         r"our|all|\d)\b)?", re.I)


def is_fraction(surface: str, following: str) -> bool:
    """Whether "<count> quarter(s)" followed by ``following`` is a share of something
    ("a quarter of firms"), not three months."""
    words = surface.lower().split()
    after = FRACTION_OF.match(following)
    if not words or not words[-1].rstrip("s").endswith("quarter") or after is None:
        return False
    return "-" in words[-1] or len(words) == 1 or words[-2] in ("a", "one") or \
        after.group(1) is not None


# Words before a bare part of the day that make it a time ("in the morning", "by midday").
DAYPART_CUES = frozenset("in by at during until till through from since before after on "
                         "around".split())
# Nouns after a part of the day that make it the time of a market's trading.
MARKET_HOURS = re.compile(r"\s+(?:trade|trading|session|deals|dealings|business)\b", re.I)
# After "the year": a span of that length bounded elsewhere, not a calendar year.
PERIOD_BOUNDED = re.compile(r"\s+(?:ago|beginning|starting|(?:to|ended|ending|through)\b"
                            r"(?!\s+(?:the\s+end\s+of\s+)?(?:[A-Z]|\d)))\b")
# "the year ended June 30", "the fourth quarter ending April 30", "the year to March": a
# year, quarter or half named by the day or month it ends on (bound_periods).
BOUNDED_PERIOD = re.compile(
    r"(?:the\s+)?(?:(?:fiscal|financial)[-\s]+)?(?:(?P<ord>first|second|third|fourth|final|"
    r"1st|2nd|3rd|4th)[-\s]+)?(?P<unit>year|quarter|half|week)", re.I)
ENDS_ON = re.compile(r"\s+(?:(?P<ended>ended|ending)|to|through)\s+(?:the\s+end\s+of\s+)?", re.I)
ENDED_VALUE = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")
# Before "the year to March": a preposition ("in", "for"), not "changed its year to".
PERIOD_PREPS = frozenset("in for during over of from through throughout since".split())
# Words before "the fall" that make it the season ("in the fall") rather than a drop.
SEASON_PREPS = frozenset("in during by until till since through throughout over before after "
                         "from for into".split())
# "the fall in prices", "a fall of 3%", "the fall to 90": a drop, not the season.
FALL_OF_SOMETHING = re.compile(r"\s+(?:in|to|from|on|by|of(?!\s+(?:last|this|next)\b))\b",
                               re.I)


def _fall_is_autumn(text: str, m: re.Match[str], prev: str) -> bool:
    """A bare "fall" is the season after "in", "this", "last" or "<preposition> the",
    unless it is followed by what fell ("in prices", "of 5%")."""
    if FALL_OF_SOMETHING.match(text, m.end()):
        return False
    if prev == "the":
        return _prev_word(text, text.lower().rfind("the", 0, m.start())) in SEASON_PREPS
    return prev in ("this", "last", "in")


# Every rule match contains a digit or one of these words; the rules only run in windows
# around them, which spares scanning whole articles twenty times (3 ms -> <1 ms each).
ANCHOR_WORDS = ("today", "yesterday", "tomorrow", "tonight", "now", "currently", "recently", "half",
                "lately", "nowadays", "present", "future", "past", "week", "weekend", "month",
                "year", "decade", "quarter", "century", "noon", "midnight", "daily", "weekly",
                "monthly", "annually", "yearly", "annual", "once", "twice", "times", "session",
                "quarterly", "semiannual", "semiannually", "christmas", "easter", "thanksgiving")
# Numbers that can be temporal on their own: years, numeric dates, clock times, decades.
# Other numbers only count next to a unit word, which is an anchor itself.
DIGIT_ANCHORS = (r"\b(?:1[89]|20)\d\d\b|\bFY\s?\d\d|\d{1,2}/\d{1,2}/|\d[:.][0-5]\d|\d\s*[ap]\.?m\b"
                 r"|\d0'?s\b")
# Characters a rule match may reach before or after its anchor ("the beginning of the"
# before a month name, "of last year" after it).
ANCHOR_WINDOW = 48


@lru_cache(maxsize=1)
def anchor_words() -> frozenset[str]:
    """Lower-case words (and plurals) that anchor a temporal expression."""
    words = set(ANCHOR_WORDS)
    for kind in ("month", "weekday", "unit", "season", "daypart", "ref"):
        words |= {w for w in vocab().get(kind, {}) if " " not in w}
    return frozenset(words | {w + "s" for w in words})


@lru_cache(maxsize=1)
def anchor_re() -> re.Pattern[str]:
    return re.compile(DIGIT_ANCHORS + r"|\b" + _alt(sorted(anchor_words())) + r"\b", re.I)


_DIGIT_ANCHOR_RE = re.compile(DIGIT_ANCHORS, re.I)
# Where a digit anchor may start: every branch of DIGIT_ANCHORS begins with a digit or
# "FY". Trying the pattern only there finds the same matches as scanning every offset
# (the alternation has no fast first-character test of its own), at a quarter of the cost.
_DIGIT_ANCHOR_START = re.compile(r"\d|fy", re.I)


def digit_anchors(text: str) -> list[tuple[int, int]]:
    """The spans ``_DIGIT_ANCHOR_RE.finditer(text)`` yields, found from candidate starts."""
    spans: list[tuple[int, int]] = []
    end = 0
    for start in _DIGIT_ANCHOR_START.finditer(text):
        if start.start() < end:
            continue  # inside the previous match: finditer never overlaps matches
        m = _DIGIT_ANCHOR_RE.match(text, start.start())
        if m:
            spans.append(m.span())
            end = m.end()
    return spans


def _anchors(text: str, doc: Any) -> list[tuple[int, int]]:
    """Anchor spans: from the parse's token arrays when there is one (fast), else a regex."""
    if doc is None:
        return [m.span() for m in anchor_re().finditer(text)]
    arr = doc.to_array([IDX, LENGTH, LOWER])
    found = in_words(arr[:, 2], anchor_words())
    starts, lengths = arr[found, 0].tolist(), arr[found, 1].tolist()
    spans = [(s, s + n) for s, n in zip(starts, lengths, strict=True)]
    spans += digit_anchors(text)
    return sorted(spans)


def windows(text: str, doc: Any = None) -> list[tuple[int, int]]:
    """Merged character windows around temporal anchors."""
    out: list[tuple[int, int]] = []
    for start, end in _anchors(text, doc):
        lo, hi = max(0, start - ANCHOR_WINDOW), min(len(text), end + ANCHOR_WINDOW)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


# Rules whose every match contains a digit: skipped in windows without one (speed).
DIGIT_RULES = frozenset({"date_dmy", "date_mdy", "date_numeric", "year", "decade"})
# Rules whose every match contains one of these strings (lower case): skipped in windows
# without any, which spares most of the regex scanning (dates was the costliest stage).
RULE_WORDS: dict[str, tuple[str, ...]] = {
    "quarter": ("quarter",), "half": ("half",), "year_ref": ("year",),
    "same": ("same", "year-", "year ago", "year earlier"),
    "year_end": ("year-end", "year end", "end-year", "end year", "midyear", "mid-year", "mid year"),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "deictic": ("today", "yesterday", "tomorrow", "tonight", "this ", "last "),
    "day_ref": ("day", "session"), "fiscal": ("fiscal", "financial", "fy"),
    "daypart": ("morning", "afternoon", "evening", "night", "midday", "mid-day"),
    "holiday": ("day", " eve", "easter", "thanksgiving", "good friday"),
    "month_week": ("week of",), "to_date": ("to date", "to-date"),
    "ranked": ("est ", "worst ", "consecutive ", "straight ", "successive "),
    "named_day": ("black ",),
    "ago": ("ago", "later", "earlier", "before", "after", "from now"),
    "past_n": ("past", "last", "previous", "next", "coming", "first"),
    "relative": ("week", "month", "year", "decade", "quarter", "century"),
    "vague": ("seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades"),
    "ref": ("now", "current", "recent", "lately", "present", "future", "past"),
    "set": ("once", "twice", "times", "per ", "every", "each", "daily", "weekly", "monthly",
            "quarterly", "annual", "yearly"),
}
# Rules whose trigger words come from the vocabulary (filled in by ``rule_words``).
VOCAB_RULE_WORDS = {"month": "month", "weekday": "weekday", "duration": "unit"}


@lru_cache(maxsize=1)
def rule_words() -> dict[str, tuple[str, ...]]:
    """Words at least one of which a window must hold for a rule to be tried there: the
    patterns cost most of this stage's time, and most windows lack most rules' words."""
    out = dict(RULE_WORDS)
    for rule, kind in VOCAB_RULE_WORDS.items():
        out[rule] = tuple(w.lower().rstrip(".") for w in vocab()[kind])
    out["duration"] += ("session", "trading day", "centur")
    return out
_DIGIT = re.compile(r"\d")


def pattern_spans(text: str, model_dates: set[int],
                  doc: Any = None) -> list[tuple[int, int, str]]:
    """Non-overlapping matches of all rules: longest first, then rule order."""
    found = []
    spans = windows(text, doc)
    digits = [_DIGIT.search(text, lo, hi) is not None for lo, hi in spans]
    lowered = [text[lo:hi].lower() for lo, hi in spans]
    whole = "\n".join(lowered)  # one test per rule spares most per-window tests
    for order, (name, pattern) in enumerate(compiled()):
        if name in MODEL_ONLY:
            continue
        needs = rule_words().get(name)
        if needs is not None and not any(w in whole for w in needs):
            continue
        for (lo, hi), has_digit, low in zip(spans, digits, lowered, strict=True):
            if name in DIGIT_RULES and not has_digit:
                continue
            if needs is not None and not any(w in low for w in needs):
                continue
            for m in pattern.finditer(text, lo, hi):
                if keep(name, m, text, model_dates):
                    found.append((m.end() - m.start(), -order, m.start(), m.end(), name))
    taken: list[tuple[int, int, str]] = []
    for _, _, start, end, name in sorted(found, reverse=True):
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, name))
    return sorted(taken)


def model_spans(doc: Any) -> list[tuple[int, int, str]]:
    """spaCy DATE/TIME entities, minus ages and bare numbers."""
    if doc is None:
        return []
    out = []
    for e in doc.ents:
        if e.label_ not in ("DATE", "TIME"):
            continue
        surface = e.text
        if NOT_TEMPORAL.search(surface) or (surface.endswith(("quarter", "quarters")) and
                                             is_fraction(surface, " " + doc[e.end:e.end + 3].text)):
            continue
        out.append((e.start_char, e.end_char, e.label_))
    return out


def candidates(text: str, doc: Any) -> list[tuple[int, int, str | None]]:
    """Pattern matches, plus model entities that no pattern match overlaps."""
    model = model_spans(doc)
    starts = {t.idx for s, e, _ in model for t in doc.char_span(s, e) or []} if model else set()
    spans: list[tuple[int, int, str | None]] = list(pattern_spans(text, starts, doc))
    for start, end, _ in model:
        if all(end <= s or start >= e for s, e, _ in spans):
            spans.append((start, end, None))
    return sorted(spans)


# Auxiliaries and markers (temporal.tsv "future") that put a clause after the anchor.
def _future_words() -> frozenset[str]:
    return frozenset(vocab()["future"])


def clause_direction(doc: Any, start: int, end: int, rule: str | None = None) -> Direction:
    """past / future / nearest from the verb governing the span: will/would/going to or an
    infinitive look ahead; past tense and perfects look back; present tense is ambiguous.
    A day or month inside a noun phrase dates the thing the noun names (noun_direction)."""
    if doc is None:
        return "past"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "past"
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return "past"
    if verb.dep_ == "acl" and (verb.tag_ == "VBG" or verb.lemma_ == "end") and \
            verb.head.i != verb.i and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        up = verb.head  # "profit in the quarter ending April 30 rose": the clause's time
        while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
            up = up.head
        verb = up if up.pos_ in ("VERB", "AUX") else verb
    before = doc[span[0].i - 1].lower_ if span[0].i > 0 else ""
    if before == "since":
        return "past"  # "has been falling since February 4": a start before the anchor
    if before == "and" and span[0].i > 1 and doc[span[0].i - 2].lower_ == "now":
        return "future"  # "between now and October 22"
    noun = owning_noun(span, rule) if rule in NOUN_DATED_RULES else None
    direction = verb_direction(verb) if noun is None else noun_direction(span, noun, verb, rule)
    if direction == "past" and before in OPEN_ENDED:
        return "nearest"  # "has extended the offer until July 2", "announced ... effective April 1"
    if direction == "nearest" and before in DEADLINE:
        return "future"  # "wants to cut dealers by early June", "data due April 14"
    return direction


# Rules whose expressions, inside a noun phrase, date the thing the noun names.
NOUN_DATED_RULES = frozenset({"weekday", "date_mdy", "date_dmy", "holiday", "month"})


def owning_noun(span: Any, rule: str | None = None) -> Any:
    """The noun a day or month belongs to: "Friday's close", "a statement on Tuesday",
    "their February accord"; a bare weekday right after a noun ("digesting a report
    Thursday") is the noun's even when the parser hangs it on the verb. None otherwise."""
    root = span.root
    if root.dep_ in ("poss", "compound", "nmod"):
        head = root.head
        while head.dep_ in ("compound", "nmod") and head.head.i != head.i and \
                head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head  # "April/May shipment sugar", "the June Venice summit": the last
        return head if head.pos_ in ("NOUN", "PROPN") else None
    if rule == "month":
        return None  # "shipments from May": a range of the clause, not a modifier
    head = root.head
    if head.pos_ == "ADP" and head.lower_ in ("on", "of") and head.head.i != head.i:
        head = head.head
    if head.i != root.i and head.pos_ == "NOUN":
        return head
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if root.dep_ == "npadvmod" and prev is not None and prev.pos_ == "NOUN":
        return prev
    return None


def noun_direction(span: Any, noun: Any, verb: Any, rule: str | None) -> Direction:
    """Direction for a day or month that dates a noun rather than the verb. The subject of
    a prediction ("Sunday's vote should lift shares") is the nearest such day; a delivery
    month ("June bond futures") is the coming one; a scheduled thing or a period ("its
    March meeting", "a June 1 deadline", "the June quarter") follows the clause; a month
    naming anything else ("their February accord", "February trade data") is the last
    such month; an outcome ("Friday's close") is past unless the clause looks ahead;
    a day with its month is the nearest such day where the clause's tense does not fit
    the noun (a past thing in a future clause, a scheduled one in a past clause);
    otherwise the main verb's tense, where a weekday in a present clause (progressive
    included) is read as a report of the past."""
    lemma = noun.lemma_.lower()
    words = {lemma} | {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "nmod")}
    scheduled = bool(words & vocab()["scheduled"].keys())  # "April shipment sugar" too
    direction = verb_direction(verb, arranged=scheduled)
    if direction == "future" and rule != "month" and _in_subject(noun, verb):
        return "nearest"  # a cause, not the predicted effect: "Sunday's vote should help"
    if rule == "month" and words & vocab()["delivery"].keys():
        return "future"  # "June bond futures fell": the coming June's contract
    if scheduled and rule not in ("date_mdy", "date_dmy"):
        return direction  # "has a June 1 deadline", "will meet at its March meeting"
    if rule == "month":
        return "past"
    if rule in ("date_mdy", "date_dmy"):  # placed well by nearness unless the tenses agree
        scheduled = bool((words - PERIOD_NOUNS) & vocab()["scheduled"].keys())
        if direction == "future" and not scheduled and noun.dep_ != "nsubjpass":
            return "nearest"  # "the June 17 announcement will weigh", "March 9 week data"
        if direction == "past" and scheduled:
            return "nearest"  # "extended its July 2 deadline", "holders of record April 15"
        return direction
    if direction != "nearest" or rule != "weekday":
        return direction
    if span.root.dep_ == "poss":
        return "past" if lemma in vocab()["outcome"] else "nearest"  # "await Friday's data"
    return "past"  # "a report Monday showing weaker orders is weighing on stocks"


# Periods among the "scheduled" nouns: named by a month they follow the clause ("the June
# quarter"), named by a day they are a past or near stretch ("the March 9 week").
PERIOD_NOUNS = frozenset({"period", "quarter", "half", "year", "month", "week", "season"})


def _in_subject(token: Any, verb: Any) -> bool:
    """Whether ``token`` sits in the active subject of ``verb``."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ("nsubj", "csubj"):  # a passive's subject is what is done
            return True
        token = token.head
    return False


# Words after which a day in a past-tense clause may well lie ahead: the clause reports a
# decision whose term runs on ("extended the offer until July 2").
OPEN_ENDED = frozenset({"until", "till", "effective", "through"})
# Prepositions that, in a present-tense clause, set a deadline ahead of the anchor.
DEADLINE = frozenset({"by", "until", "till", "before", "due"})


# Auxiliaries of the perfect.
PERFECT = frozenset({"have", "has", "had", "'ve", "'d", "’ve", "’d"})


def verb_direction(verb: Any, depth: int = 0, arranged: bool = True) -> Direction:
    """``arranged``: a present progressive with a time is an arrangement ("is meeting on
    Friday"), so future; not so for a time that belongs to a noun of its clause."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not aux and verb.tag_ == "VB" and verb.dep_ == "conj" and depth < 2 and \
            verb.head.pos_ in ("VERB", "AUX"):
        return verb_direction(verb.head, depth + 1, arranged)  # "would close ... and attend"
    words = {c.lower_ for c in aux}
    lemma = verb.lemma_.lower()
    if lemma in vocab()["intent"] and verb.i > 0 and verb.doc[verb.i - 1].lower_ == "than" \
            and depth < 2:  # "created fewer jobs than expected in January": the creating
        up = verb.head
        while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
            up = up.head
        if up.i != verb.i and up.pos_ in ("VERB", "AUX"):
            return verb_direction(up, depth + 1, arranged)
    if words & _future_words() or (lemma in vocab()["intent"] and
                                   (lemma != "go" or verb.tag_ == "VBG")):  # not "went"
        return "future"
    if any(c.tag_ == "MD" for c in aux):  # "may be signed", "should be completed"
        return "past" if "have" in words else "future"
    if "to" in words and verb.head.i != verb.i and depth < 2:  # infinitive: ask its governor
        head = verb.head
        if head.lemma_.lower() in vocab()["intent"] or head.lower_ in _future_words():
            return "future"
        return verb_direction(head, depth + 1, arranged) if head.pos_ in ("VERB", "AUX") \
            else "nearest"
    if verb.tag_ == "VBN" and aux and all(c.tag_ in ("VBZ", "VBP") for c in aux) and \
            not words & PERFECT:
        return "nearest"  # a present passive: "figures are published", "is seen"
    if verb.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in aux) or words & PERFECT:
        return "past"  # "has been falling": a perfect looks back even when progressive
    if verb.tag_ == "VBG" and words and arranged:  # "is meeting on Friday": arranged future
        return "future"
    return "nearest" if verb.tag_ in ("VBZ", "VBP", "VBG") else "past"


# ---------------------------------------------------------------- the stage


# "a day after": the signal word is not part of the expression's extent (TimeML); the
# value still reads it (the day before the anchor).
SIGNAL_AFTER = re.compile(r"\s+(?:after|before)$", re.I)
# ... unless nothing follows it in the clause: then it is an adverb like "earlier".
NOTHING_AFTER = re.compile(r"\s*(?:[.,;:!?)\"”]|$|and\b|but\b)")


# After "the day", "the week": an event the period is counted from, not a calendar period.
OF_AN_EVENT = re.compile(r"\s+(?:before|after|of)\s+(?:the|a|an|its|his|her|their|this|that)\s+"
                         r"(?!(?:year|month|week|day|quarter|decade|century)s?\b)\w", re.I)


# What date arithmetic on an odd span may raise (a season or week value read as a day,
# a year out of range): the span is kept with no value and the rule says why.
SPAN_ERRORS = (ValueError, OverflowError, KeyError, IndexError, TypeError)


def find_dates(text: str, doc: Any, anchor: dt.date | None,
               anchor_note: str = "published") -> list[dict[str, Any]]:
    """All temporal expressions of a text, normalised against ``anchor``."""
    out: list[dict[str, Any]] = []
    for start, end, rule in candidates(text, doc):
        surface = text[start:end]
        direction = clause_direction(doc, start, end, rule or rule_of(surface))
        adverb = rule == "ago" and NOTHING_AFTER.match(text, end) is not None
        if adverb:  # "up from 5% a year before.": the adverb "a year earlier"
            surface = SIGNAL_AFTER.sub(lambda s: s.group(0).lower().replace(
                "before", "earlier").replace("after", "later"), surface)
        try:
            timex = normalise(surface, anchor, direction, rule)
        except SPAN_ERRORS as exc:  # one span the rules cannot compute never fails the article
            timex = Timex(None, "DATE", f"failed: {type(exc).__name__}")
        if timex is None and rule is not None:
            continue  # a pattern matched but its handler rejected it (e.g. 31 February)
        timex = timex or Timex(None, "DATE", "model:uninterpreted")
        if timex.rule.startswith(ANAPHORIC + "calendar:the:") and OF_AN_EVENT.match(text, end):
            # "the day before the vote": the vote's, unknown, unless in apposition to a
            # day just named ("on May 2, the day after the vote")
            apposed = out[-1]["value"] if out and re.fullmatch(
                r"\s*,\s*", text[out[-1]["end"]:start]) else None
            timex = timex._replace(value=apposed, rule="calendar:relative-to-event:" + (
                "apposition" if apposed else "unresolved"))
        if rule == "ago" and not adverb:
            end = start + len(SIGNAL_AFTER.sub("", surface))
        surface = text[start:end]
        out.append({
            "start": start, "end": end, "text": surface, "value": timex.value,
            "type": timex.type, "mod": timex.mod, "duration": timex.duration,
            "anchor": anchor.isoformat() if anchor else None,
            "rule": timex.rule + (f"; anchor: {anchor_note}" if anchor else ""),
        })
    return resolve_anaphora(bound_periods(text, coordinate_weekdays(text, out)), text)


def coordinate_weekdays(text: str, dates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """"next Tuesday and Wednesday", "last Thursday and Friday": a bare weekday joined to a
    weekday with last/next is in the same week, later than it."""
    for prev, d in zip(dates, dates[1:], strict=False):
        if not (prev["rule"].startswith(("weekday:next", "weekday:last")) and
                d["rule"].startswith("weekday:") and d["text"].istitle() and
                prev["value"] and d["value"] and
                re.fullmatch(r"\s*(?:,|,?\s*(?:and|or))\s*", text[prev["end"]:d["start"]])):
            continue
        first = dt.date.fromisoformat(prev["value"][:10])
        gap = int(vocab()["weekday"][d["text"].lower()]) - first.weekday()
        if gap > 0:
            d["value"] = (first + dt.timedelta(days=gap)).isoformat() + d["value"][10:]
            d["rule"] = "weekday:coordinated" + "".join(d["rule"].partition(";")[1:])
    return dates


def bound_periods(text: str, dates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A year, quarter or half followed by the day or month it ends on takes its value from
    that day: the calendar period when it ends with one ("the year ended December 31, 2007"
    is 2007, "the third quarter ended September 30" 2007-Q3), else the fiscal one, named
    like company reports by the year it ends in ("the year ended June 30, 1987" FY1987,
    "the fourth quarter ending April 30" FY2008-Q4, "the year to March" FY2008).
    TIMEX2 writes fiscal periods FY1987, FY1987-Q4; the ending day stays its own DATE."""
    for d, nxt in zip(dates, dates[1:], strict=False):
        period = BOUNDED_PERIOD.fullmatch(d["text"])
        ended = ENDED_VALUE.fullmatch(nxt["value"] or "")
        link = ENDS_ON.fullmatch(text, d["end"], nxt["start"])
        if not (period and ended and link) or not (
                link.group("ended") or _prev_word(text, d["start"]) in PERIOD_PREPS):
            continue
        year, month = int(ended.group(1)), int(ended.group(2))
        unit = period.group("unit").lower()
        if unit == "week":  # "the week ended March 21": the ISO week holding most of it
            last = _safe_date(year, month, int(ended.group(3) or 0))
            if last is not None:
                d["value"] = iso_week(last - dt.timedelta(days=3))
                d["rule"] = "period-ended" + "".join(d["rule"].partition(";")[1:])
            continue
        last_day = calendar.monthrange(year, month)[1]
        whole = ended.group(3) is None or int(ended.group(3)) == last_day
        per = {"year": 12, "quarter": 3, "half": 6}[unit]
        own = month // per if whole and month % per == 0 else None  # calendar period ending
        n = _quarter_number(period.group("ord").lower()) if period.group("ord") else own
        if unit == "half" and period.group("ord"):
            n = 1 if period.group("ord").lower() in ("first", "1st") else 2
        code = {"quarter": "-Q", "half": "-H"}.get(unit, "")
        if n is not None and n == own:
            value = f"{year}{code}{n}" if code else str(year)
        elif unit == "year" or n is not None:
            value = f"FY{year}{code}{n}" if code else f"FY{year}"
        else:
            continue
        d["value"], d["type"] = value, "DATE"
        d["rule"] = "period-ended" + "".join(d["rule"].partition(";")[1:])
    return dates


# A value that names a calendar period: a year, optionally with month / quarter / week / day.
# A time of day ("2008-03-18TMO") names its day.
CALENDAR_VALUE = re.compile(
    r"^(\d{4})(-(?:\d\d(?:-\d\d(?=T|$))?|Q[1-4]|W\d\d|SP|SU|FA|WI))?(?:T[\w:]+)?$")


def resolve_anaphora(dates: list[dict[str, Any]], text: str = "") -> list[dict[str, Any]]:
    """Resolve "the same month last year" and "the entire year" against the calendar
    period named most recently before them; where the text names none, keep the default.
    A point of comparison after "since" ("the lowest since August 2007") is not the period
    reported on, so it is no antecedent."""
    named: list[re.Match[str]] = []  # calendar values so far, latest last
    for d in dates:
        rule = d["rule"]
        value = None
        if rule.startswith(ANAPHORIC + "calendar:"):
            # "the day", "the previous month": the latest period fine enough to name one
            value = next((v for v in map(partial(_from_previous, rule), reversed(named))
                          if v is not None), None)
            part = (d["value"] or "").partition("T")[2]  # "in the morning": a day's part
            value = value + "T" + part if value and part else value
        elif rule.startswith(ANAPHORIC) and named:
            value = _from_previous(rule, named[-1])
        if value is not None:
            name, sep, note = rule.partition(";")
            d["value"], d["rule"] = value, f"{name}:from-previous{sep}{note}"
        # a comparison point ("from 5% a year earlier") is not what the text goes on about:
        # the next "a year earlier" counts from the period reported, not from it
        if d["value"] and (m := CALENDAR_VALUE.match(d["value"])) and \
                not rule.startswith(ANAPHORIC) and not \
                text[max(0, d["start"] - 7):d["start"]].rstrip().lower().endswith("since"):
            named.append(m)
    return dates


def _from_previous(rule: str, previous: re.Match[str]) -> str | None:
    """The value of an anaphoric expression given the period named before it; None when
    the arithmetic cannot be done on it (an odd antecedent never fails the article)."""
    try:
        return _previous_value(rule, previous)
    except SPAN_ERRORS:
        return None


def _previous_value(rule: str, previous: re.Match[str]) -> str | None:
    year, rest = int(previous.group(1)), previous.group(2) or ""
    if "offset:" in rule:
        return _offset_previous(rule, year, rest)
    if "calendar:" in rule:
        return _period_previous(rule, year, rest)
    if "same-" not in rule:
        return str(year)
    if "same-month" in rule and len(rest) == 6:
        rest = rest[:3]  # a day names its month
    return f"{year - 1}{rest}"


def _period_previous(rule: str, year: int, rest: str) -> str | None:
    """"the previous month", "the day", "the following year": the period of that unit
    holding the one named before, moved by the step; None when what was named is coarser."""
    k_text, unit = rule.split(";")[0].split(":")[-2:]
    k = int(k_text)
    if unit in ("Y", "DE", "CE"):
        return _shift_long(dt.date(year, 1, 1), k, unit)
    day = re.fullmatch(r"-(\d\d)-(\d\d)", rest)
    named = _safe_date(year, int(day.group(1)), int(day.group(2))) if day else None
    week = re.fullmatch(r"-W(\d\d)", rest)  # not a season: "-WI" is winter
    if unit == "W" and week:
        named = dt.date.fromisocalendar(year, int(week.group(1)), 1)
    month = re.match(r"-(\d\d)", rest)
    if unit in ("M", "Q") and (month or rest.startswith("-Q")):
        first = int(month.group(1)) if month else 3 * int(rest[2]) - 2
        return _shift_long(dt.date(year, first, 1), k, unit)
    if named is None:
        return None
    if unit.startswith("WD"):  # "the previous Friday": that weekday before the day named
        return weekday_date(named, int(unit[2:]), "next" if k > 0 else "last").isoformat()
    if unit == "W":
        return shift(named, k, "W")
    return add_days(named, k, unit == "B").isoformat() if unit in ("D", "B") else None


def _offset_previous(rule: str, year: int, rest: str) -> str | None:
    """"a year earlier" / "two days later" moved from the previous period, at that
    period's granularity; None when the unit is finer than what was named."""
    k_text, unit = rule.split(";")[0].split(":")[-2:]
    k = int(k_text)
    if unit == "Y":
        return f"{year + k}{rest}"
    day = re.fullmatch(r"-(\d\d)-(\d\d)", rest)
    if unit == "M" and re.fullmatch(r"-\d\d(?:-\d\d)?", rest):
        return month_str(*add_months(dt.date(year, int(rest[1:3]), 1), k))
    if unit in ("D", "W") and day:
        moved = _safe_date(year, int(day.group(1)), int(day.group(2)))
        return (moved + dt.timedelta(days=k * (7 if unit == "W" else 1))).isoformat() \
            if moved else None
    return None


def article_anchor(article: Article) -> tuple[dt.date | None, str]:
    """The publication date, else the one inferred from the text, with where it came from."""
    from .published import infer_published

    source = "published" if article.published else "inferred"
    if article.published is None:  # record what was inferred, with its evidence
        article.published = infer_published(article.text, article.doc)
    published = article.published
    if published is None:
        return None, "none"
    try:
        return dt.date.fromisoformat(published.value[:10]), source
    except ValueError:
        return None, "none"


class DatesStage(Stage):
    """Temporal expressions with normalised values into ``article.extra['dates']``; an
    article without a publication date gets the one inferred from its text (evidence
    says so), or keeps none."""

    name = "dates"
    requires = frozenset({"doc"})
    assigns = frozenset({"dates"})

    def process(self, article: Article) -> None:
        anchor, source = article_anchor(article)
        article.extra["dates"] = find_dates(article.text, article.doc, anchor, source)


def iter_values(dates: list[dict[str, Any]]) -> Iterator[str]:
    """The non-null values of a dates list (convenience for reports and tests)."""
    return (d["value"] for d in dates if d["value"])
