"""Zones and glued sentence starts: what part of a scraped article each span is.

Pure functions over the canonical text (never edited), regex only, so they are cheap enough
to run on every article:

- ``glued_boundaries(text)`` (offsets) / ``glued_hints(text)`` (hint dicts): sentence
  starts with no space before them that ``repair.glued_boundaries`` does not find:
  camel-case glue (``WestIt``), a closing mark glued to a capital (``side’In``) and a
  bracket glued to a capital (``Images)Kyiv``);
- ``find_zones(text, paragraphs)``: ``{"kind", "start", "end"}`` spans of kind ``body``,
  ``subheading``, ``caption``, ``credit`` and ``boilerplate``. A caption zone spans the
  photo description and its credit; the credit also gets its own zone inside it.

The cues are general (credit formats, caption language, page furniture) and kept as word
lists in ``newsgraph/ingest/data``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

Span = tuple[int, int]
Zone = dict[str, Any]  # {"kind": str, "start": int, "end": int}, as Article.zones holds

# A subheading is short: at most this many words and characters (the longest headings in
# news pages are a short phrase; a sentence fragment is longer).
SUBHEADING_MAX_WORDS = 10
SUBHEADING_MAX_CHARS = 80
# A caption is a sentence or two; its description is at most this long before the credit.
CAPTION_MAX_CHARS = 400
CAPTION_MAX_SENTENCES = 2
# Page furniture ("Share this", "Read more: ...") is short; longer matches are prose.
BOILERPLATE_MAX_CHARS = 200
# Function words a heading never ends with: a fragment ending so is a cut sentence.
_DANGLING = frozenset("a an the of to and or but in on at for with by from as that".split())

# Regexes below consume the characters before a boundary instead of looking behind, which
# lets the engine skip ahead quickly; the boundary is the match's end.
# Sentence end glued to the next sentence ("said.Ukraine", "this.”President"): the same cue
# as repair.glued_boundaries, used here only to delimit zones.
_PERIOD_GLUE = re.compile(r"[a-z0-9)%”\"’][.!?](?=[A-Z“”\"‘’])")
# Lowercase letter followed by a capitalised word: a candidate camel-case glue ("WestIt").
_CAMEL = re.compile(r"[a-z]([A-Z][a-z]*)(?![A-Za-z])")
# A closing mark glued to a capitalised word ("side’In"): two letters before the mark, so
# elisions such as "d’Ivoire" are not cut.
_MARK_GLUE = re.compile(r"[a-z]{2}[’”\"'](?=[A-Z][a-z])")
# A closing bracket glued to a capital or a quotation mark and a capital ("Images)Kyiv").
_BRACKET_GLUE = re.compile(r"[A-Za-z0-9.]\)(?=[‘’“”\"']?[A-Z])")
# Where a line or sentence starts: candidates for page furniture such as "Read more:".
_PIECE_START = re.compile(r"(?:^|\n|[.!?”’)] ?)[ \t]*(?=\S)")
# Words one of which every picture credit contains; texts without any skip the credit regex.
_CREDIT_HINTS = ("Source", "Photo", "Picture", "Image", "Credit", "/")
_TOKEN_EDGE = re.compile(r"\s")
_SENTENCE_END = re.compile(r"[.!?][’”\"')]*(?=\s|$)")
_DATE_PLACE = re.compile(
    r"\bon (?:\d{1,2} [A-Z][a-z]+,? \d{4}|[A-Z][a-z]+ \d{1,2},? \d{4})(?: in [A-Z])?")


def _data(name: str) -> list[str]:
    """Lines of a data file in newsgraph/ingest/data, comments and blanks skipped."""
    path = resources.files("newsgraph.ingest").joinpath("data", name)
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    return frozenset(_data("sentence_starters.txt"))


@lru_cache(maxsize=1)
def _camel_exceptions() -> frozenset[str]:
    return frozenset(w.lower() for w in _data("camel_exceptions.txt"))


@lru_cache(maxsize=1)
def _credit_re() -> re.Pattern[str]:
    """A picture credit: 'Source: Getty', '(Photo by ... via Getty Images)', 'Reuters/Name'."""
    agencies = "|".join(re.escape(a) for a in sorted(_data("credit_agencies.txt"), key=len,
                                                     reverse=True))
    name = r"[A-Z][\w&.'’-]*(?:[ \t]+(?:via|for|and|[A-Z][\w&.'’-]*)|/[A-Z][\w&.'’-]*)*"
    head = (r"\b(?:(?:Source|Photo|Picture|Image|Photograph|Credit|Photo credit|Image credit)"
            r"s?[ \t]*:|Image (?:copyright|source))[ \t]*")
    photo_by = r"\((?:Photo|Image|Picture|Photograph)s?(?: credit)?[ \t]*(?:by\b|:)[^()\n]{1,150}\)"
    slash = rf"\(?\b(?:{agencies})/[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){{0,3}}\)?"
    unit = rf"(?:{head}{name}|{photo_by}|{slash})"
    return re.compile(rf"{unit}(?:[ \t]*[/|]?[ \t]*{unit})*")


@lru_cache(maxsize=1)
def _caption_cue_re() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in _data("caption_cues.txt"))
    return re.compile(rf"\b(?:{cues})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _boilerplate_re() -> re.Pattern[str]:
    """Furniture, matched at line and sentence starts (also glued ones)."""
    body = "|".join(f"(?:{p})" for p in _data("boilerplate.txt"))
    return re.compile(rf"(?:{body})", re.IGNORECASE)


# A dateline opening a paragraph: "LONDON (Reuters) -", "KYIV, Sept 15 (AP) —",
# "OSLO, 12 March 2024 —", "WASHINGTON —".
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?:[A-Z][A-Z.'’ -]{1,30}[A-Z](?:,[ \t]*(?:[A-Z][a-z]+\.?(?:[ \t]+\d{1,2})?"
    r"|\d{1,2}[ \t]+[A-Z][a-z]+\.?)(?:,?[ \t]+\d{4})?)?[ \t]*"
    r"(?:\((?:Reuters|AP|AFP|Bloomberg|CNN|UPI|dpa|AAP|PA|IANS|PTI|Xinhua)\)[ \t]*)?[-–—]{1,2}"
    r"|\((?:Reuters|AP|AFP|Bloomberg|CNN|UPI|dpa|AAP|PA)\)[ \t]*[-–—]{1,2})[ \t]+")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where datelines ("OSLO, 12 March 2024 —") open paragraphs."""
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text)]


def glued_boundaries(text: str) -> list[int]:
    """Offsets of glued sentence starts that repair.glued_boundaries misses (sorted).

    Camel-case glue needs a common sentence-starting word after the lowercase letter
    (``WestIt``), so names such as McDonald, iPhone or YouTube are not cut.
    """
    return sorted({h["offset"] for h in glued_hints(text)})


def glued_hints(text: str) -> list[dict[str, Any]]:
    """The same boundaries as repair-style hints, naming the rule that found each:
    ``{"kind": "sentence_start", "offset": int, "rule": "camel_glue" | "mark_glue" |
    "bracket_glue"}``, sorted by offset."""
    found = {m.end(): "mark_glue" for m in _MARK_GLUE.finditer(text)}
    found.update((m.end(), "bracket_glue") for m in _BRACKET_GLUE.finditer(text))
    starters, exceptions = _starters(), _camel_exceptions()
    for m in _CAMEL.finditer(text):
        if m.group(1) in starters and _token(text, m.start(1)) not in exceptions:
            found[m.start(1)] = "camel_glue"
    return [{"kind": "sentence_start", "offset": o, "rule": r} for o, r in sorted(found.items())]


def _token(text: str, i: int) -> str:
    """The whitespace-delimited token around offset i, lower-cased, punctuation stripped."""
    lo = i
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    m = _TOKEN_EDGE.search(text, i)
    hi = m.start() if m else len(text)
    return "".join(c for c in text[lo:hi] if c.isalnum()).lower()


def all_glued(text: str, glued: list[dict[str, Any]] | None = None) -> list[int]:
    """Every glued sentence start: the period cue of repair plus ``glued_boundaries``
    (``glued``: ``glued_hints(text)``, when the caller has already found them)."""
    found = {h["offset"] for h in glued_hints(text)} if glued is None else {
        h["offset"] for h in glued}
    found.update(m.end() for m in _PERIOD_GLUE.finditer(text))
    return sorted(found)


def find_zones(text: str, paragraphs: list[Span],
               glued: list[dict[str, Any]] | None = None) -> list[Zone]:
    """Zones of the text, sorted by start: captions (with credits), subheadings,
    boilerplate, and the rest of each paragraph as body. Offsets only; text untouched.
    ``glued`` is ``glued_hints(text)`` when the caller has it (repair does), found here
    otherwise."""
    bounds = all_glued(text, glued)
    special: list[Zone] = []
    for start, credit, end in _captions(text, paragraphs, bounds):
        if start < credit:
            special.append({"kind": "caption", "start": start, "end": end})
        special.append({"kind": "credit", "start": credit, "end": end})
    for kind, spans in (("boilerplate", _boilerplate(text, paragraphs, bounds)),
                        ("subheading", _subheadings(text, paragraphs, bounds))):
        taken = [(int(z["start"]), int(z["end"])) for z in special]
        special.extend({"kind": kind, "start": s, "end": e} for s, e in spans
                       if not any(s < te and ts < e for ts, te in taken))
    zones = special + _body(text, paragraphs, special)
    zones.sort(key=lambda z: (int(z["start"]), -int(z["end"])))
    return zones


def _segments(paragraphs: list[Span], bounds: list[int]) -> list[tuple[int, int, int, int]]:
    """(start, end, paragraph start, paragraph end) of the pieces between glued starts."""
    out = []
    for lo, hi in paragraphs:
        cuts = bounds[bisect_right(bounds, lo):bisect_left(bounds, hi)]
        for a, b in pairwise([lo, *cuts, hi]):
            out.append((a, b, lo, hi))
    return out


def _subheadings(text: str, paragraphs: list[Span], bounds: list[int]) -> list[Span]:
    """Short title-like pieces without sentence punctuation, glued into the text or alone
    on a line between two prose paragraphs (never the first line, which is the headline)."""
    out = []
    for a, b, lo, hi in _segments(paragraphs, bounds):
        alone = a == lo and b == hi
        if alone and not _between_prose(text, paragraphs, lo):
            continue
        span = _trim(text, a, b)
        if span and _heading_like(text[span[0]:span[1]]):
            out.append(span)
    return out


def _heading_like(piece: str) -> bool:
    """A short capitalised phrase with no sentence punctuation and no dangling word."""
    words = piece.split()
    if not words or len(words) > SUBHEADING_MAX_WORDS or len(piece) > SUBHEADING_MAX_CHARS:
        return False
    if re.search(r"[.!?;:]", piece):
        return False
    first = piece.lstrip("‘’“”\"'")
    last = words[-1].strip("‘’“”\"',").lower()
    return bool(first) and first[0].isupper() and last not in _DANGLING


def _between_prose(text: str, paragraphs: list[Span], lo: int) -> bool:
    """Whether the paragraph at ``lo`` sits between two prose paragraphs (each ending a
    sentence, the next one capitalised): a list item, or a line broken mid-sentence, does not."""
    i = bisect_left(paragraphs, (lo, lo))
    if i == 0 or i + 1 >= len(paragraphs):
        return False
    (_, prev_end), (next_start, next_end) = paragraphs[i - 1], paragraphs[i + 1]
    after = text[next_start:next_start + 2].lstrip("‘’“”\"'")
    ends = ".!?\"”’"
    return text[prev_end - 1] in ends and text[next_end - 1] in ends and after[:1].isupper()


def _trim(text: str, a: int, b: int) -> Span | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None


def _captions(text: str, paragraphs: list[Span], bounds: list[int]) -> list[tuple[int, int, int]]:
    """(caption start, credit start, credit end) for each picture credit in a paragraph."""
    out: list[tuple[int, int, int]] = []
    if not any(hint in text for hint in _CREDIT_HINTS):
        return out
    credit_re = _credit_re()
    for lo, hi in paragraphs:
        previous_end = lo
        for m in credit_re.finditer(text, lo, hi):
            start = _caption_start(text, max(lo, previous_end), m.start(), bounds)
            out.append((start, m.start(), m.end()))
            previous_end = m.end()
    return out


def _caption_start(text: str, lo: int, credit: int, bounds: list[int]) -> int:
    """Where the description before a credit starts: the nearest glued start (scraped
    captions are glued to the body) if close, else its last sentence if it reads like a
    caption, else the credit itself (no description)."""
    i = bisect_left(bounds, credit) - 1
    glued = bounds[i] if i >= 0 and bounds[i] >= lo else lo
    span = _trim(text, glued, credit)
    if span and credit - glued <= CAPTION_MAX_CHARS and \
            len(_SENTENCE_END.findall(text, glued, credit)) <= CAPTION_MAX_SENTENCES:
        return span[0]
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, credit) if m.end() < credit - 1]
    start = ends[-1] if ends else lo
    sentence = text[start:credit]
    if _caption_cue_re().search(sentence) or _DATE_PLACE.search(sentence):
        span = _trim(text, start, credit)
        return span[0] if span else credit
    return credit


def _boilerplate(text: str, paragraphs: list[Span], bounds: list[int]) -> list[Span]:
    """Datelines at paragraph starts, and furniture lines or sentences."""
    out = [s for m in _DATELINE.finditer(text) if (s := _trim(text, m.start(), m.end()))]
    furniture = _boilerplate_re()
    starts = {m.end() for m in _PIECE_START.finditer(text)}
    starts.update(bounds)
    for start in sorted(starts):
        m = furniture.match(text, start)
        if m:
            end = _sentence_or_piece_end(text, start, m.end(), bounds)
            if end - start <= BOILERPLATE_MAX_CHARS:
                out.append((start, end))
    inside = [s for s in out if any(lo <= s[0] and s[1] <= hi for lo, hi in paragraphs)]
    return sorted(set(inside))


def _sentence_or_piece_end(text: str, start: int, after: int, bounds: list[int]) -> int:
    """End of the sentence, glued piece or line that starts at ``start``."""
    line_end = text.find("\n", after)
    end = len(text) if line_end < 0 else line_end
    m = _SENTENCE_END.search(text, after, end)
    if m:
        end = m.end()
    i = bisect_right(bounds, after)
    if i < len(bounds) and bounds[i] < end:
        end = bounds[i]
    span = _trim(text, start, end)
    return span[1] if span else end


def _body(text: str, paragraphs: list[Span], special: list[Zone]) -> list[Zone]:
    """The parts of each paragraph not covered by another zone."""
    covered = sorted((int(z["start"]), int(z["end"])) for z in special)
    out: list[Zone] = []
    for lo, hi in paragraphs:
        pos = lo
        for s, e in covered:
            if e <= lo or s >= hi:
                continue
            if s > pos:
                out.extend(_body_piece(text, pos, s))
            pos = max(pos, e)
        if pos < hi:
            out.extend(_body_piece(text, pos, hi))
    return out


def _body_piece(text: str, a: int, b: int) -> list[Zone]:
    span = _trim(text, a, b)
    return [{"kind": "body", "start": span[0], "end": span[1]}] if span else []
