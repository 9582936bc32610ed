"""ARC reader: the Internet Archive's format before WARC (a ``filedesc://`` header record).

Records are streamed with warcio, which decodes each HTTP response (a gzipped file is
unzipped before, so offsets count decompressed bytes); HTML payloads go through the HTML
reader, as for WARC. The ``filedesc`` header and non-HTML responses are skipped. A record
holding fewer bytes than its length field says (a cut file) is an IngestError; so is a file
warcio cannot parse on, which ends the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from .base import ReadResult
from .common import MAX_BYTES_PER_CHAR, error, too_large_message
from .html import MARKUP_FACTOR, html_document
from .warc import HTML_TYPES, charset_of


def read_arc(stream: IO[bytes], source: dict[str, Any], max_chars: int) -> Iterator[ReadResult]:
    """Documents and per-record errors from an ARC stream."""
    from warcio.archiveiterator import ArchiveIterator

    base = {**source, "format": "arc"}
    records = ArchiveIterator(stream, arc2warc=True)
    last = 0
    try:
        for record in records:
            if record.rec_type != "response" or record.http_headers is None:
                continue  # the filedesc header, or a DNS / non-HTTP record
            result = _record(record, records, base, max_chars)
            last = result.source["offset"] if result is not None else last
            if result is not None:
                yield result
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on a damaged file
        yield error({**base, "after_byte": last}, "bad_record",
                    f"ARC data after byte {last} is unreadable ({type(exc).__name__}: {exc})")


def _record(record: Any, records: Any, base: dict[str, Any], max_chars: int) -> ReadResult | None:
    """One HTTP record as a document or an error; None for a payload that is not HTML."""
    too_large = record.length > max_chars * MAX_BYTES_PER_CHAR * MARKUP_FACTOR
    payload = b"" if too_large else record.content_stream().read()
    missing = record.raw_stream.limit
    target = record.rec_headers.get_header("WARC-Target-URI")
    where = {**base, "offset": records.get_record_offset(),  # known once the record is read
             "target_uri": target, "warc_date": record.rec_headers.get_header("WARC-Date")}
    if too_large:
        return error(where, "too_large", too_large_message(record.length, max_chars,
                                                           "bytes of record"))
    if missing:
        return error(where, "truncated", f"the length field says {record.length:,} bytes but "
                     f"{missing:,} of them are missing: the record is cut off")
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if not ctype.startswith(HTML_TYPES):
        return None
    return html_document(payload, where, max_chars, url=target, charset=charset_of(ctype))
