"""Reading inputs: files, folders and stdin, in every supported format, as one stream.

``read_inputs`` yields a RawDocument per document and an IngestError per document (or file
position) that could not be read; it never raises for bad input, so a run goes on. The
format comes from ``input_format`` or the file name (``.txt``, ``.jsonl``, ``.csv``,
``.html``, ``.warc``, each optionally ``.gz``); ``-`` is stdin (plain text unless told).
"""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from .base import IngestError, RawDocument, ReadResult
from .common import SNIFF_BYTES, error
from .csv_reader import read_csv
from .fields import FIELD_OPTIONS
from .html import read_html
from .jsonl import read_jsonl
from .text import read_text
from .warc import read_warc

__all__ = ["FORMATS", "IngestError", "RawDocument", "ReadResult", "guess_format", "read_inputs"]

Reader = Callable[..., Iterator[ReadResult]]
FORMATS: dict[str, Reader] = {
    "txt": read_text, "jsonl": read_jsonl, "csv": read_csv, "html": read_html, "warc": read_warc,
}
EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
    ".tsv": "csv", ".html": "html", ".htm": "html", ".xhtml": "html", ".warc": "warc",
}
# Options each reader accepts besides max_chars; anything else is a caller's typo.
READER_OPTIONS: dict[str, frozenset[str]] = {
    "jsonl": frozenset(FIELD_OPTIONS),
    "csv": frozenset({*FIELD_OPTIONS, "encoding", "delimiter"}),
}
# Formats whose reader is told the file size, to refuse a huge single document unread.
SIZED = frozenset({"txt", "html"})


def read_inputs(inputs: list[str], input_format: str | None = None, max_chars: int = 1_000_000,
                **reader_options: Any) -> Iterator[RawDocument | IngestError]:
    """Every document of every input, in order; directories are walked sorted."""
    known = frozenset().union(*READER_OPTIONS.values())
    unknown = sorted(set(reader_options) - known)
    if unknown:
        raise TypeError(f"unknown reader option(s) {unknown}; known: {sorted(known)}")
    if input_format is not None and input_format not in FORMATS:
        raise ValueError(f"unknown input format '{input_format}'; known: {sorted(FORMATS)}")
    for name in inputs:
        if name == "-":
            yield from _read_stream(sys.stdin.buffer, {"path": "-"}, input_format or "txt",
                                    max_chars, reader_options)
            continue
        path = Path(name)
        files = _walk(path) if path.is_dir() else [(path, input_format)]
        for file, fmt in files:
            yield from read_file(file, input_format or fmt, max_chars, **reader_options)


def _walk(root: Path) -> list[tuple[Path, str | None]]:
    """Files under a directory with a known extension, sorted; hidden files skipped."""
    out: list[tuple[Path, str | None]] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        parts = path.relative_to(root).parts
        fmt, _ = guess_format(path)
        if fmt is not None and not any(p.startswith(".") for p in parts):
            out.append((path, fmt))
    return out


def guess_format(path: Path) -> tuple[str | None, bool]:
    """(format from the extension or None, whether the file is gzipped)."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    fmt = EXTENSIONS.get(suffixes[-1]) if suffixes else None
    return fmt, gz


def read_file(path: Path, input_format: str | None = None, max_chars: int = 1_000_000,
              **options: Any) -> Iterator[ReadResult]:
    """One file's documents; a missing or unreadable file is one IngestError."""
    source = {"path": str(path)}
    guessed, gz = guess_format(path)
    fmt = input_format or guessed
    try:
        with path.open("rb") as raw:
            if gz and fmt != "warc":  # fastwarc reads gzip itself, member by member
                with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                    stream = cast(IO[bytes], unzipped)
                    yield from _read_stream(stream, source, fmt, max_chars, options)
                return
            size = os.fstat(raw.fileno()).st_size
            yield from _read_stream(raw, source, fmt, max_chars, options, size)
    except OSError as exc:
        yield error(source, "unreadable", f"cannot read: {exc.strerror or exc}")


def _read_stream(stream: IO[bytes], source: dict[str, Any], fmt: str | None, max_chars: int,
                 options: dict[str, Any], size: int | None = None) -> Iterator[ReadResult]:
    """Run one reader, turning a truncated or corrupt gzip stream into a final IngestError."""
    count = 0
    try:
        fmt = fmt or _sniff(stream)
        kwargs = {k: v for k, v in options.items() if k in READER_OPTIONS.get(fmt, ())}
        if fmt in SIZED:
            kwargs["size"] = size
        for result in FORMATS[fmt](stream, source, max_chars, **kwargs):
            count += 1
            yield result
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        at = f"after {count} document(s), at decompressed byte {_tell(stream)}"
        yield error({**source, "format": fmt}, "truncated",
                    f"compressed data is cut off or corrupt {at} ({exc})")


def _sniff(stream: IO[bytes]) -> str:
    """Format of a file with an unknown extension, from its first bytes."""
    head = stream.read(SNIFF_BYTES)
    stream.seek(0)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"warc/"):
        return "warc"
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "html"
    if stripped.startswith(b"{"):
        return "jsonl"
    return "txt"


def _tell(stream: IO[bytes]) -> int | str:
    try:
        return stream.tell()
    except (OSError, ValueError):
        return "?"
