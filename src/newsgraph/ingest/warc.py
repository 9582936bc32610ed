"""WARC reader (plain or gzipped, e.g. Common Crawl news): response and resource records.

Records are streamed with fastwarc; only one record's bytes are held at a time. A response
record's HTTP headers are stripped and an HTML payload goes through the HTML reader; a
resource record (wget, scrapers) holds the page or text itself, typed by its WARC
Content-Type. ``source`` keeps the record's
WARC-Record-ID, WARC-Target-URI, WARC-Date, payload digest and byte offset in the file.

Damage: a record whose block digest does not match, or whose headers were cut off, is an
IngestError naming its byte offset, and so is one holding fewer bytes than its Content-Length
says (a file cut inside the record). When fastwarc cannot parse on (a garbled header, a
corrupt gzip member), the error names the last good offset and reading resumes at the next
record start found in the file; a file that cannot be resynchronised stops cleanly.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from .base import ReadResult
from .common import MAX_BYTES_PER_CHAR, error, too_large_message
from .html import MARKUP_FACTOR, html_document
from .text import text_document

# How a record starts, for resynchronising after damage: a WARC version line at the start
# of a line in a plain file, a gzip member header (magic + deflate) in a gzipped one.
PLAIN_START = b"\nWARC/1."
GZIP_START = b"\x1f\x8b\x08"
# Chunk size when scanning a damaged file for the next record start.
SCAN_CHUNK = 1 << 20
# Bytes at the end of a gzipped file searched for its last member, to tell a cut file; a
# response record of a news page compresses to well under this.
TAIL_BYTES = 1 << 20
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
# Resource records about the crawl itself (wget's log, arguments and manifest), not pages.
CRAWL_METADATA_SCHEMES = ("metadata:", "dns:")


@dataclass
class _Pass:
    """What one pass of fastwarc over the file saw: last record offset, damage if it stopped."""

    last: int = -1
    damage: str | None = None


def read_warc(stream: IO[bytes], source: dict[str, Any], max_chars: int) -> Iterator[ReadResult]:
    """Documents and per-record errors from a WARC stream, resuming after damage if it can."""
    base = {**source, "format": "warc"}
    seekable = stream.seekable()
    gzipped = seekable and stream.read(2) == GZIP_START[:2]
    pos: int | None = 0
    while pos is not None:
        if seekable:
            stream.seek(pos)
        state = _Pass()
        yield from _one_pass(stream, base, max_chars, state)
        if state.damage is None:
            cut = _incomplete_tail(stream) if gzipped else None
            if cut is not None and cut > state.last:
                yield error({**base, "offset": cut}, "truncated",
                            "the file ends inside this gzip member: the record is cut off")
            return
        after = max(state.last, pos)
        pos = _next_start(stream, after + 1, gzipped) if seekable else None
        resume = f"resuming at byte {pos}" if pos is not None else "no further record: stopping"
        yield error({**base, "after_byte": after}, "bad_record",
                    f"WARC data after byte {after} is unreadable ({state.damage}); {resume}")


def _one_pass(stream: IO[bytes], base: dict[str, Any], max_chars: int,
              state: _Pass) -> Iterator[ReadResult]:
    """Read records until the end or until fastwarc fails; state says which."""
    from fastwarc import ArchiveIterator, WarcRecordType

    try:
        wanted = WarcRecordType.response | WarcRecordType.resource
        for record in ArchiveIterator(stream, record_types=wanted, parse_http=False):
            state.last = record.stream_pos
            result = _record(record, base, max_chars)
            if result is not None:
                yield result
    except Exception as exc:  # noqa: BLE001 - fastwarc raises OSError/ValueError on damage
        state.damage = f"{type(exc).__name__}: {exc}"


def _record(record: Any, base: dict[str, Any], max_chars: int) -> ReadResult | None:
    """One record as a document or an error; None for a payload that is not HTML or text."""
    headers = record.headers
    target = headers.get("WARC-Target-URI")
    where = {**base, "offset": record.stream_pos, "record_id": headers.get("WARC-Record-ID"),
             "target_uri": target, "warc_date": headers.get("WARC-Date"),
             "payload_digest": headers.get("WARC-Payload-Digest"),
             "record_type": headers.get("WARC-Type")}
    if not target or headers.get("Content-Length") is None:
        return error(where, "truncated", "WARC record headers are cut off")
    limit = max_chars * MAX_BYTES_PER_CHAR * MARKUP_FACTOR
    if record.content_length > limit:
        return error(where, "too_large", too_large_message(record.content_length, max_chars,
                                                           "bytes of record"))
    declared = record.content_length
    record.freeze()  # reads the block: content_length becomes the bytes actually present
    if record.content_length < declared:
        return error(where, "truncated", f"Content-Length says {declared:,} bytes but the file "
                     f"holds {record.content_length:,}: the record is cut off")
    if headers.get("WARC-Block-Digest") and not record.verify_block_digest(consume=False):
        return error(where, "bad_record", "block digest mismatch: record damaged or truncated")
    record.reader.seek(0)
    if where["record_type"] == "resource":
        return _resource(record, where, max_chars)
    return _response(record, where, max_chars)


def _resource(record: Any, where: dict[str, Any], max_chars: int) -> ReadResult | None:
    """A resource record: the block is the page or text itself; other types are skipped."""
    ctype = (record.headers.get("Content-Type") or "").lower()
    if where["target_uri"].lower().startswith(CRAWL_METADATA_SCHEMES):
        return None
    if ctype.startswith(HTML_TYPES):
        return html_document(record.reader.read(), where, max_chars, url=where["target_uri"],
                             charset=charset_of(ctype))
    if ctype.startswith(TEXT_TYPES):
        return text_document(record.reader.read(), where, max_chars)
    return None


def charset_of(content_type: str) -> str | None:
    """The charset parameter of a Content-Type value, if any."""
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name == "charset" and value:
            return value.strip('"')
    return None


def _response(record: Any, where: dict[str, Any], max_chars: int) -> ReadResult | None:
    """A response record: HTTP headers stripped and decoded; only HTML payloads are read."""
    target = where["target_uri"]
    try:
        record.parse_http(auto_decode="all")
        payload = record.reader.read()
    except Exception as exc:  # noqa: BLE001 - a bad HTTP block is this record's error
        return error(where, "bad_record", f"cannot read the HTTP response ({exc})")
    if not (record.http_content_type or "").lower().startswith(HTML_TYPES):
        return None
    return html_document(payload, where, max_chars, url=target, charset=record.http_charset)


def _incomplete_tail(stream: IO[bytes]) -> int | None:
    """Offset of the last gzip member when it is cut off (the file was truncated), else None.

    fastwarc ends quietly on a member cut short before its first record header; decompressing
    the last member (found in the file's tail) tells a complete file from a cut one.
    """
    size = stream.seek(0, 2)
    start = max(size - TAIL_BYTES, 0)
    stream.seek(start)
    tail = stream.read()
    found = tail.rfind(GZIP_START)
    if found < 0:
        return None
    inflater = zlib.decompressobj(wbits=31)
    try:
        inflater.decompress(tail[found:])
    except zlib.error:
        return None  # the magic bytes were inside compressed data, not a member start
    return None if inflater.eof else start + found


def _next_start(stream: IO[bytes], offset: int, gzipped: bool) -> int | None:
    """Offset of the next record start at or after ``offset``, scanning in chunks."""
    marker = GZIP_START if gzipped else PLAIN_START
    skip = 0 if gzipped else 1  # the plain marker includes the newline before "WARC/"
    stream.seek(max(offset - skip, 0))
    base = stream.tell()
    carry = b""
    while chunk := stream.read(SCAN_CHUNK):
        found = (carry + chunk).find(marker)
        if found >= 0:
            return base - len(carry) + found + skip
        carry = chunk[-len(marker):]
        base += len(chunk)
    return None
