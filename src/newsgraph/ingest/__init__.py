"""Reading inputs: files, folders and stdin, in every supported format, as one stream.

``read_inputs`` yields a RawDocument per document and an IngestError per document (or file
position) that could not be read; it never raises for bad input, so a run goes on. The
format comes from ``input_format`` or the file name (``.txt``, ``.jsonl``, ``.json``, ``.csv``,
``.html``, ``.warc``, ``.arc``, ``.sgm`` for Reuters-21578, each optionally ``.gz``); a file
without a known extension and stdin (``-``) are sniffed from their first bytes, and
``source["sniffed"]`` says what was found (``html``, ``gzip+warc``, ...).
"""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from .arc import read_arc
from .base import IngestError, RawDocument, ReadResult
from .common import SNIFF_BYTES, error
from .csv_reader import read_csv
from .fields import FIELD_OPTIONS
from .html import read_html
from .json_file import read_json
from .jsonl import read_jsonl
from .parquet import read_parquet
from .reuters import read_reuters
from .sniff import GZIP_MAGIC, gunzip_head, reopen, sniff, spool
from .text import read_text
from .warc import read_warc

__all__ = ["FORMATS", "IngestError", "RawDocument", "ReadResult", "guess_format", "read_inputs"]

Reader = Callable[..., Iterator[ReadResult]]
FORMATS: dict[str, Reader] = {
    "txt": read_text, "jsonl": read_jsonl, "json": read_json, "csv": read_csv, "html": read_html,
    "warc": read_warc, "arc": read_arc, "parquet": read_parquet, "reuters": read_reuters,
}
EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "csv", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".warc": "warc", ".arc": "arc", ".parquet": "parquet", ".sgm": "reuters",
}
# Options each reader accepts besides max_chars; anything else is a caller's typo.
READER_OPTIONS: dict[str, frozenset[str]] = {
    "jsonl": frozenset(FIELD_OPTIONS),
    "json": frozenset(FIELD_OPTIONS),
    "parquet": frozenset(FIELD_OPTIONS),
    "csv": frozenset({*FIELD_OPTIONS, "encoding", "delimiter"}),
}
# Formats whose reader is told the file size, to refuse a huge single document unread.
SIZED = frozenset({"txt", "html", "json"})
# Formats whose reader decompresses gzip itself (record by record) and so gets the raw file;
# ARC goes through gzip here, since warcio refuses an ARC gzipped whole rather than per record.
SELF_UNZIPPING = frozenset({"warc"})
# Formats whose reader seeks, so a pipe is first spooled to a temporary file.
SEEKING = frozenset({"warc"})
# Exceptions that end the run rather than one input.
_FATAL = (KeyboardInterrupt, SystemExit, GeneratorExit)


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
            yield from read_stdin(sys.stdin.buffer, input_format, max_chars, reader_options)
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
            if gz and fmt not in SELF_UNZIPPING:
                with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                    stream = cast(IO[bytes], unzipped)
                    yield from _read_stream(stream, source, fmt, max_chars, options)
                return
            size = os.fstat(raw.fileno()).st_size
            yield from _read_stream(raw, source, fmt, max_chars, options, size)
    except OSError as exc:
        yield error(source, "unreadable", f"cannot read: {exc.strerror or exc}")


def read_stdin(stdin: IO[bytes], input_format: str | None, max_chars: int,
               options: dict[str, Any]) -> Iterator[ReadResult]:
    """A pipe's documents: gzip and the format sniffed from its head unless the format is given."""
    head = stdin.read(SNIFF_BYTES)
    stream = reopen(head, stdin)
    gz = head.startswith(GZIP_MAGIC)
    source: dict[str, Any] = {"path": "-"}
    fmt = input_format
    if fmt is None:
        fmt = sniff(gunzip_head(head) if gz else head)
        source["sniffed"] = f"gzip+{fmt}" if gz else fmt
    try:
        if fmt in SEEKING:
            with spool(stream) as file:
                yield from _read_stream(file, source, fmt, max_chars, options)
        elif gz and fmt not in SELF_UNZIPPING:
            with gzip.GzipFile(fileobj=stream, mode="rb") as unzipped:
                yield from _read_stream(cast(IO[bytes], unzipped), source, fmt, max_chars, options)
        else:
            yield from _read_stream(stream, source, fmt, max_chars, options)
    except OSError as exc:
        yield error(source, "unreadable", f"cannot read stdin: {exc.strerror or exc}")


def _read_stream(stream: IO[bytes], source: dict[str, Any], fmt: str | None, max_chars: int,
                 options: dict[str, Any], size: int | None = None) -> Iterator[ReadResult]:
    """Run one reader; a truncated gzip stream or a reader's crash becomes a final IngestError."""
    count = 0
    if fmt is None:
        fmt = _sniff(stream)
        source = {**source, "sniffed": fmt}
    try:
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
    except _FATAL:
        raise
    except BaseException as exc:  # noqa: BLE001 - a reader bug or a native panic (pyo3) is this input's error
        code = "unreadable" if isinstance(exc, OSError) else "reader_failed"
        yield error({**source, "format": fmt}, code, f"the {fmt} reader stopped after {count} "
                    f"document(s): {type(exc).__name__}: {exc}")


def _sniff(stream: IO[bytes]) -> str:
    """Format of a file with an unknown extension, from its first bytes."""
    head = stream.read(SNIFF_BYTES)
    stream.seek(0)
    return sniff(head)


def _tell(stream: IO[bytes]) -> int | str:
    try:
        return stream.tell()
    except (OSError, ValueError):
        return "?"
