"""How many articles a run will read, estimated before it starts, so the progress bar can
show an ETA: files in a folder, lines of a JSON Lines or CSV file, one per text or HTML file.

The count is an estimate (a CSV field may hold a newline, a duplicate is still counted);
formats whose count needs a full parse (WARC, gzip, stdin) give None and the bar shows a
rate and a count only.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

# Lines are counted in blocks of this many bytes (about 1 s per GB here).
BLOCK = 1 << 20
# Inputs larger than this are not counted: the count would delay the start noticeably.
MAX_COUNTED_BYTES = 8 << 30
ONE_PER_FILE = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".json"})
LINE_PER_RECORD = frozenset({".jsonl", ".ndjson"})
CSV_LIKE = frozenset({".csv", ".tsv"})
# Width of the bar on a terminal that reports none (a pty without a window size).
FALLBACK_COLUMNS = 100


def estimate_total(inputs: Iterable[str]) -> int | None:
    """Articles the inputs hold, or None when any input cannot be counted cheaply."""
    total = 0
    counted = 0
    for name in inputs:
        if name == "-":
            return None
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            counted += file.stat().st_size
            n = _records_in(file)
            if n is None or counted > MAX_COUNTED_BYTES:
                return None
            total += n
    return total


def _records_in(path: Path) -> int | None:
    suffix = path.suffix.lower()
    if path.name.startswith("."):
        return 0  # hidden files are skipped by the readers
    if suffix in ONE_PER_FILE:
        return 1
    if suffix in LINE_PER_RECORD:
        return _lines(path)
    if suffix in CSV_LIKE:
        return max(0, _lines(path) - 1)  # the header
    return None


def _lines(path: Path) -> int:
    """Lines, counted as newlines plus a last line with no newline."""
    count = 0
    last = b"\n"
    with open(path, "rb") as fh:
        while block := fh.read(BLOCK):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def progress_bar(enabled: bool, total: int | None, stream: Any) -> Any:
    """A tqdm bar with rate, count and (when the total is known) ETA; None when disabled
    or when ``stream`` is not a terminal (logs get the final summary line instead)."""
    if not enabled or not stream.isatty() or os.environ.get("TERM") == "dumb":
        return None
    from tqdm import tqdm

    sized = _columns(stream) > 0  # a terminal that reports no width gets a fixed one
    return tqdm(total=total, unit="article", file=stream, dynamic_ncols=sized,
                ncols=None if sized else FALLBACK_COLUMNS, smoothing=0.1)


def _columns(stream: Any) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 0
