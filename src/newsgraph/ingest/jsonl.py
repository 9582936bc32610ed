"""JSON Lines reader: one JSON object per line, ``{"id", "text", "title", "published", "url"}``.

Field names are options (see ``fields``); unknown keys are kept in ``meta``. A line that is
not a JSON object becomes an IngestError naming file and line, and reading goes on. Lines
are read with a byte limit, so one enormous line cannot exhaust memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from .base import RawDocument, ReadResult
from .common import MAX_BYTES_PER_CHAR, DecodeError, decode_bytes, error, too_large_message
from .fields import to_document

# Room for the JSON around the text (keys, escapes, other fields) when limiting line length.
LINE_OVERHEAD_BYTES = 1 << 20
# Bytes skipped per read while discarding the rest of an over-long line.
SKIP_CHUNK = 1 << 20


def read_jsonl(stream: IO[bytes], source: dict[str, Any], max_chars: int,
               **options: Any) -> Iterator[ReadResult]:
    """Documents and per-line errors from a JSON Lines stream."""
    base = {**source, "format": "jsonl"}
    limit = max_chars * MAX_BYTES_PER_CHAR + LINE_OVERHEAD_BYTES
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        where = {**base, "line": number}
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_line(stream)
            yield error(where, "too_large", too_large_message(len(line), max_chars, "bytes+"))
            continue
        if line.strip():
            yield _parse_line(line, where, max_chars, options)


def _skip_line(stream: IO[bytes]) -> None:
    """Discard the rest of the current line without holding it in memory."""
    while True:
        chunk = stream.readline(SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _parse_line(line: bytes, where: dict[str, Any], max_chars: int,
                options: dict[str, Any]) -> ReadResult:
    """One line: decode, parse, check it is an object, build the document."""
    try:
        text, repairs = decode_bytes(line)
        record = json.loads(text)
    except DecodeError as exc:
        return error(where, exc.code, str(exc))
    except json.JSONDecodeError as exc:
        return error(where, "bad_json", f"not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return error(where, "bad_json", f"a JSON {type(record).__name__}, not an object")
    result = to_document(record, where, max_chars, options)
    if repairs and isinstance(result, RawDocument):
        result.meta["repairs"] = [*repairs, *result.meta.get("repairs", [])]
    return result
