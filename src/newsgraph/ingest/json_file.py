"""Plain JSON reader: a file holding one object (news-please output) or an array of objects.

Fields are found as in JSON Lines (see ``fields``: ``maintext``/``date_publish`` of
news-please are among the defaults). An array item that is not an object is an IngestError
naming its index (``source["item"]``, counted from 1); the other items are still read.
A ``.json`` file that is really JSON Lines (one object per line, a common naming) is read as
JSON Lines.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import IO, Any

from .base import RawDocument, ReadResult
from .common import DecodeError, decode_bytes, error, read_limited
from .fields import to_document
from .jsonl import read_jsonl

# The file is parsed whole, so it is refused above this size (a collection that large
# belongs in JSON Lines, which is read line by line).
MAX_JSON_BYTES = 1 << 30


def read_json(stream: IO[bytes], source: dict[str, Any], max_chars: int,
              size: int | None = None, **options: Any) -> Iterator[ReadResult]:
    """The documents of one JSON file: one per object."""
    base = {**source, "format": "json"}
    if size is not None and size > MAX_JSON_BYTES:
        yield error(base, "too_large", f"{size:,} bytes is over {MAX_JSON_BYTES:,} for one "
                    "JSON file; convert it to JSON Lines")
        return
    data = read_limited(stream, MAX_JSON_BYTES)
    if data is None:
        yield error(base, "too_large", f"over {MAX_JSON_BYTES:,} bytes for one JSON file; "
                    "convert it to JSON Lines")
        return
    try:
        text, repairs = decode_bytes(data)
        value = json.loads(text)
    except DecodeError as exc:
        yield error(base, exc.code, str(exc))
        return
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # a second value after the first: JSON Lines
            yield from read_jsonl(io.BytesIO(data), source, max_chars, **options)
            return
        yield error(base, "bad_json", f"not valid JSON ({exc.msg} at line {exc.lineno} "
                    f"column {exc.colno})")
        return
    for result in _objects(value, base, max_chars, options):
        if repairs and isinstance(result, RawDocument):
            result.meta["repairs"] = [*repairs, *result.meta.get("repairs", [])]
        yield result


def _objects(value: Any, base: dict[str, Any], max_chars: int,
             options: dict[str, Any]) -> Iterator[ReadResult]:
    """One result per object: the value itself, or each item of an array."""
    if isinstance(value, dict):
        yield to_document(value, base, max_chars, options)
        return
    if not isinstance(value, list):
        yield error(base, "bad_json", f"a JSON {type(value).__name__}, not an object or array")
        return
    for number, item in enumerate(value, start=1):
        where = {**base, "item": number}
        if isinstance(item, dict):
            yield to_document(item, where, max_chars, options)
        else:
            yield error(where, "bad_json", f"a JSON {type(item).__name__}, not an object")
