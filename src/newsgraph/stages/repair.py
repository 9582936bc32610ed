"""Repair stage: read scraping damage as annotations; the canonical text is never edited.

1. paragraphs: runs of text between newlines;
2. quotation-mark roles (opening/closing) decided from context and pairing, so that a
   wrong-direction mark (``”We understand``) is read as the opening mark it is;
3. sentence-boundary hints where sentences are glued (``said.Ukraine``, ``this.”President``,
   ``WestIt``);
4. zones: body, subheading, caption, credit, boilerplate (see ``zones``).
"""

from __future__ import annotations

import re
from typing import Any

from ..pipeline import Stage
from ..records import Article, Span
from .zones import find_zones, glued_hints

DOUBLE_MARKS = frozenset("“”\"„«»")
# Two-character quotation marks of ASCII-era archives (NYT, Penn Treebank): '' opens or
# closes, `` only opens. A run of three or more apostrophes is not one of them.
TWO_CHAR_MARKS = ("''", "``")
# Token texts that are quotation marks (spaCy keeps '' and `` as one token).
QUOTE_TOKENS = frozenset([*DOUBLE_MARKS, *TWO_CHAR_MARKS])
# The first character of every double mark. The patterns below start by looking ahead for
# one: an alternation whose branches begin differently is otherwise tried in full at every
# offset, which took twice as long.
_MARK_START = "(?=[" + "".join(sorted(DOUBLE_MARKS)) + "'`])"
_QUOTE_IN_TEXT = re.compile(_MARK_START + "(?:[" + "".join(sorted(DOUBLE_MARKS)) + "]|''|``)")
# One double mark: a single character, or exactly two apostrophes / backticks.
_DOUBLE_MARK = re.compile(_MARK_START + "(?:[" + "".join(sorted(DOUBLE_MARKS))
                          + "]|(?<!')''(?!')|(?<!`)``(?!`))")
OPENING_SINGLE = "‘"
CLOSING_SINGLE = "’"
# Characters after which a mark opens a quote: start of line, space, brackets, dashes.
OPEN_BEFORE = frozenset(" \t\n([{—–-/")
# Characters before which a mark closes a quote: end, space, sentence punctuation.
CLOSE_AFTER = frozenset(" \t\n.,;:!?)]}—–-")
_PARAGRAPH = re.compile(r"[^\n]+")
# A sentence end glued to the next sentence: "said.Ukraine", "this.”President", "Taiwan.’A".
# (The look-ahead comes first: it fails at most offsets, the look-behind at fewer.)
_GLUED = re.compile(r"(?=[A-Z“”\"‘’])(?<=[a-z0-9)%”\"’][.!?])")


def paragraphs(text: str) -> list[Span]:
    """Spans of non-empty lines (a scraped paragraph is one line)."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def has_quote_mark(text: str) -> bool:
    """Whether text holds a double quotation mark of any shape (one or two characters)."""
    return _QUOTE_IN_TEXT.search(text) is not None


def _evidence(text: str, i: int, lo: int, hi: int, width: int = 1) -> str:
    """Local evidence for the mark at i: 'open', 'close' or '?' (glued or spaced both sides)."""
    before = text[i - 1] if i > lo else " "
    after = text[i + width] if i + width < hi else " "
    opens = (before in OPEN_BEFORE or before.isspace()) and not after.isspace()
    closes = (after in CLOSE_AFTER or after.isspace()) and not before.isspace()
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "?"


def double_mark_roles(text: str, lo: int, hi: int) -> list[dict[str, Any]]:
    """Roles of the double quotation marks in text[lo:hi] (one paragraph); a mark's
    ``width`` is 2 for '' and ``."""
    marks: list[dict[str, Any]] = []
    inside = False
    for i, width in _double_marks(text, lo, hi):
        ev = _evidence(text, i, lo, hi, width)
        if text[i] == "`":
            ev = "open"
        role = ("close" if inside else "open") if ev == "?" else ev
        shape = ("open" if text[i] in "“„«`" else "close" if text[i] in "”»" else "neutral")
        marks.append({"offset": i, "role": role, "shape": shape, "kind": "double",
                      "width": width})
        inside = role == "open"
    return marks


def _double_marks(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(offset, width) of each double mark in text[lo:hi]."""
    return [(m.start(), m.end() - m.start()) for m in _DOUBLE_MARK.finditer(text, lo, hi)]


def single_mark_roles(text: str, lo: int, hi: int) -> list[dict[str, Any]]:
    """Single curly quotes used as quotation marks: an explicit ‘ and the ’ that closes it.

    ’ is also the apostrophe, so only a ’ followed by a non-letter closes a quote.
    """
    marks: list[dict[str, Any]] = []
    i = lo
    while i < hi:
        j = text.find(OPENING_SINGLE, i, hi)
        if j < 0:
            break
        if _evidence(text, j, lo, hi) != "open":
            i = j + 1
            continue
        k = j + 1
        close = -1
        while k < hi:
            k = text.find(CLOSING_SINGLE, k, hi)
            if k < 0:
                break
            after = text[k + 1] if k + 1 < hi else " "
            if not after.isalpha() and not text[k - 1].isspace():
                close = k
                break
            k += 1
        if close < 0:
            i = j + 1
            continue
        marks.append({"offset": j, "role": "open", "shape": "open", "kind": "single",
                      "width": 1})
        marks.append({"offset": close, "role": "close", "shape": "close", "kind": "single",
                      "width": 1})
        i = close + 1
    return marks


def glued_boundaries(text: str, marks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sentence starts with no space before them, as hints for segmentation."""
    closing = {m["offset"] for m in marks if m["role"] == "close"}
    hints = []
    for m in _GLUED.finditer(text):
        pos = m.start()
        # "this.”President": the boundary is after the closing mark; "Ukraine.”We": at
        # the (wrong-direction) opening mark.
        while pos in closing:
            pos += 1
        if pos < len(text) and not text[pos].isspace():
            hints.append({"kind": "sentence_start", "offset": pos, "rule": "glued"})
    return hints


class RepairStage(Stage):
    """Paragraphs, quotation-mark roles and glued-sentence hints."""

    name = "repair"
    requires = frozenset({"text"})
    assigns = frozenset({"paragraphs", "quote_marks", "hints", "zones"})

    def process(self, article: Article) -> None:
        text = article.text
        article.paragraphs = paragraphs(text)
        marks: list[dict[str, Any]] = []
        for lo, hi in article.paragraphs:
            marks.extend(double_mark_roles(text, lo, hi))
            marks.extend(single_mark_roles(text, lo, hi))
        marks.sort(key=lambda m: m["offset"])
        article.quote_marks = marks
        hints = glued_boundaries(text, marks)
        seen = {h["offset"] for h in hints}
        glued = glued_hints(text)
        hints += [h for h in glued if h["offset"] not in seen]
        hints.sort(key=lambda h: h["offset"])
        article.hints = hints
        article.zones = find_zones(text, article.paragraphs, glued)
