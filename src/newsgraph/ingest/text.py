"""Plain-text reader: one file (or stdin) is one document.

A UTF-8 file's text is taken exactly as it is: newlines are not normalised and nothing is
stripped, so offsets index into the file. Other encodings are detected and repaired (see
``common.decode_bytes``) and the repairs are recorded in ``meta["repairs"]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from .base import RawDocument, ReadResult
from .common import (
    MAX_BYTES_PER_CHAR,
    DecodeError,
    decode_bytes,
    error,
    read_limited,
    too_large_message,
)


def read_text(stream: IO[bytes], source: dict[str, Any], max_chars: int,
              size: int | None = None) -> Iterator[ReadResult]:
    """The one document in ``stream``; ``size`` (bytes, from stat) refuses huge files unread."""
    source = {**source, "format": source.get("format", "txt")}
    limit = max_chars * MAX_BYTES_PER_CHAR
    if size is not None and size > limit:
        yield error(source, "too_large", too_large_message(size, max_chars, "bytes"))
        return
    data = read_limited(stream, limit)
    if data is None:
        yield error(source, "too_large", too_large_message(limit + 1, max_chars, "bytes"))
        return
    yield text_document(data, source, max_chars)


def text_document(data: bytes, source: dict[str, Any], max_chars: int) -> ReadResult:
    """Decode one document's bytes and check its size."""
    try:
        text, repairs = decode_bytes(data)
    except DecodeError as exc:
        return error(source, exc.code, str(exc))
    if len(text) > max_chars:
        return error(source, "too_large", too_large_message(len(text), max_chars))
    meta: dict[str, Any] = {"repairs": repairs} if repairs else {}
    return RawDocument(text=text, source=source, meta=meta)
