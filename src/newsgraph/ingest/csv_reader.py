"""CSV reader: a header row names the columns; each further row is one document.

Column names are the ``*_key`` options shared with JSON Lines (defaults ``text``/``body``,
``title``, ``date``, ``url``, ``id``). A row with the wrong number of cells is an IngestError
naming its line; reading goes on. The encoding is UTF-8 when the start of the file is valid
UTF-8, else detected from that start (option ``encoding`` overrides both).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from typing import IO, Any

from .base import RawDocument, ReadResult
from .common import DecodeError, detect_encoding, error, fix_text, looks_binary
from .fields import to_document

# Bytes of the file's start used to choose the encoding; big enough to hold several rows.
ENCODING_SAMPLE = 1 << 20


def read_csv(stream: IO[bytes], source: dict[str, Any], max_chars: int,
             encoding: str | None = None, delimiter: str | None = None,
             **options: Any) -> Iterator[ReadResult]:
    """Documents and per-row errors from a CSV stream with a header row."""
    base = {**source, "format": "csv"}
    buffered = io.BufferedReader(stream, buffer_size=ENCODING_SAMPLE)  # type: ignore[type-var]
    sample = buffered.peek(ENCODING_SAMPLE)
    try:
        encoding, repairs = _choose_encoding(sample, encoding)
    except DecodeError as exc:
        yield error(base, exc.code, str(exc))
        return
    text = io.TextIOWrapper(buffered, encoding=encoding, newline="")
    sep = delimiter or ("\t" if str(base.get("path", "")).lower().endswith(".tsv") else ",")
    previous = csv.field_size_limit()
    csv.field_size_limit(max_chars + 1)  # a longer cell is an error, not a memory blow-up
    try:
        yield from _rows(csv.reader(text, delimiter=sep), base, max_chars, repairs, options)
    except UnicodeDecodeError as exc:
        yield error(base, "bad_encoding", f"not {encoding} after the sampled start ({exc.reason})")
    finally:
        csv.field_size_limit(previous)


def _choose_encoding(sample: bytes, given: str | None) -> tuple[str, list[dict[str, Any]]]:
    """The encoding to read with, and the repair note when it is not UTF-8."""
    if given:
        return given, [{"step": "decode", "encoding": given, "by": "option"}]
    if looks_binary(sample):
        raise DecodeError("binary", "binary data (NUL bytes), not CSV")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8-sig", []
    except UnicodeDecodeError:
        _, detected = detect_encoding(sample)
        return detected, [{"step": "decode", "encoding": detected, "by": "charset_normalizer"}]


def _rows(reader: Any, base: dict[str, Any], max_chars: int, repairs: list[dict[str, Any]],
          options: dict[str, Any]) -> Iterator[ReadResult]:
    """One result per data row; ragged and over-long rows become errors with line numbers."""
    header: list[str] | None = None
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            code = "too_large" if "field limit" in str(exc) else "bad_csv"
            yield error({**base, "line": line}, code, f"{exc} (--max-chars sets the limit)")
            continue
        if header is None:
            header = [h.strip() for h in row]
            continue
        if not row:
            continue
        where = {**base, "line": line}
        if len(row) != len(header):
            yield error(where, "ragged_row", f"{len(row)} cells, the header has {len(header)}")
            continue
        record = dict(zip(header, row, strict=True))
        yield _with_repairs(to_document(record, where, max_chars, options), repairs)


def _with_repairs(result: ReadResult, repairs: list[dict[str, Any]]) -> ReadResult:
    """For text not read as UTF-8: ftfy the text and record both steps."""
    if not repairs or not isinstance(result, RawDocument):
        return result
    fixed, fixes = fix_text(result.text)
    result.text = fixed
    result.meta["repairs"] = [*repairs, {"step": "ftfy", "changed": bool(fixes), "fixes": fixes},
                              *result.meta.get("repairs", [])]
    return result
