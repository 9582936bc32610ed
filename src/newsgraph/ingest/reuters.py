"""Reuters-21578 reader: the SGML files ``reut2-000.sgm`` ... ``reut2-021.sgm``, one
document per ``<REUTERS ...>`` story.

    newsgraph analyze ../shared/data/corpus/reuters21578/reut2-000.sgm
    newsgraph analyze some/file --input-format reuters

The files are Latin-1 bytes with SGML entities (``&lt;``, ``&amp;``) and wire control
codes written as character references (``&#3;`` ends a story); the codes are dropped.
A story's text is its dateline ("LIMA, Mar 3 - ") followed by its ``<BODY>``, as
it went out on the wire; the title, the date (``03-MAR-1987 09:12:44.10`` becomes
``1987-03-03``, the full time ``meta["date"]``) and the story's ``NEWID`` (in
``source``) come along. A story without a body (a brief, or an unprocessed table) is a
per-story ``no_body`` error, never the end of the file.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from typing import IO, Any

from .base import RawDocument, ReadResult
from .common import error, too_large_message

# Reuters-21578 is ASCII with a few Latin-1 bytes; Latin-1 decodes every byte, so no
# story is ever unreadable for its encoding.
ENCODING = "latin-1"
_STORY_END = "</REUTERS>"
_OPEN = re.compile(r"<REUTERS\b([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DATE = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?")
_MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1)}
# Control characters the wire codes leave behind, other than tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Category lists kept in meta: what the collection is usually evaluated on.
CATEGORIES = ("topics", "places", "people", "orgs", "exchanges", "companies")


def read_reuters(stream: IO[bytes], source: dict[str, Any],
                 max_chars: int) -> Iterator[ReadResult]:
    """Every story of one Reuters-21578 SGML file, in file order."""
    source = {**source, "format": "reuters"}
    for line_no, sgml in stories(stream):
        yield story_document(sgml, {**source, "line": line_no}, max_chars)


def stories(stream: IO[bytes]) -> Iterator[tuple[int, str]]:
    """(line of its opening tag, SGML text) of each ``<REUTERS>`` element."""
    lines: list[str] = []
    start = 0
    for number, raw in enumerate(stream, 1):
        line = raw.decode(ENCODING)
        if not lines:
            if "<REUTERS" not in line:
                continue
            start = number
        lines.append(line)
        if _STORY_END in line:
            yield start, "".join(lines)
            lines = []
    if lines:  # a file cut off inside a story: what there is, so its error is reported
        yield start, "".join(lines)


def story_document(sgml: str, source: dict[str, Any], max_chars: int) -> ReadResult:
    """One story as a document, or an error saying why it has no text."""
    opening = _OPEN.search(sgml)
    attrs = dict(_ATTR.findall(opening.group(1))) if opening else {}
    if "NEWID" in attrs:
        source = {**source, "newid": attrs["NEWID"]}
    body = element(sgml, "BODY")
    if body is None:
        kind = (attrs.get("TYPE") or _text_type(sgml) or "story").lower()
        return error(source, "no_body", f"story NEWID {attrs.get('NEWID', '?')} has no "
                                        f"<BODY> (a {kind} story): nothing to analyse")
    text = _join(element(sgml, "DATELINE"), body)
    if len(text) > max_chars:
        return error(source, "too_large", too_large_message(len(text), max_chars))
    if not text.strip():
        return error(source, "empty", "the story's <BODY> is empty")
    raw_date = element(sgml, "DATE") or ""
    stamp = parse_date(raw_date)
    return RawDocument(text=text, source=source, title=_title(sgml),
                       published=stamp.date().isoformat() if stamp else None,
                       published_evidence="Reuters <DATE>" if stamp else None,
                       meta=_meta(sgml, attrs, stamp, raw_date))


def element(sgml: str, tag: str) -> str | None:
    """The unescaped content of the first ``<tag>`` element; None when there is none."""
    match = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", sgml, re.DOTALL)
    return unescape(match.group(1)) if match else None


def unescape(sgml: str) -> str:
    """SGML entities resolved and wire control codes (``&#3;``, ``&#127;``) removed."""
    return _CONTROL.sub("", html.unescape(sgml))


def _join(dateline: str | None, body: str) -> str:
    """The dateline then the body, as on the wire: 'SALVADOR, Feb 26 - Showers ...'."""
    body = body.rstrip()
    head = (dateline or "").strip()
    return f"{head} {body.lstrip()}" if head else body.lstrip()


def _text_type(sgml: str) -> str | None:
    match = re.search(r'<TEXT\b[^>]*TYPE="([^"]+)"', sgml)
    return match.group(1) if match else None


def _title(sgml: str) -> str | None:
    title = " ".join((element(sgml, "TITLE") or "").split())
    return title or None


def parse_date(value: str) -> dt.datetime | None:
    """'26-FEB-1987 15:01:01.79' (spaces and trailing wire codes tolerated); None if not."""
    match = _DATE.search(value)
    if not match:
        return None
    day, mon, year, hour, minute, second, frac = match.groups()
    month = _MONTHS.get(mon.upper())
    if month is None:
        return None
    micro = int((frac or "0").ljust(6, "0"))
    try:
        return dt.datetime(int(year), month, int(day), int(hour), int(minute), int(second),
                           micro)
    except ValueError:
        return None


def _meta(sgml: str, attrs: dict[str, str], stamp: dt.datetime | None,
          raw_date: str) -> dict[str, Any]:
    """The full date and time, and the story's category lists that are not empty."""
    meta: dict[str, Any] = {}
    if stamp is not None:
        meta["date"] = stamp.isoformat()
    elif raw_date.strip():
        meta["date_unparsed"] = raw_date.strip()
    for name in CATEGORIES:
        found = element(sgml, name.upper())
        codes = re.findall(r"<D>(.*?)</D>", found or "")
        if codes:
            meta[name] = codes
    if "LEWISSPLIT" in attrs:
        meta["lewissplit"] = attrs["LEWISSPLIT"]
    return meta
