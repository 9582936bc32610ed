"""HTML reader: the main text and metadata of a saved web page, extracted with trafilatura.

The raw HTML is not stored: ``source`` keeps its path (or WARC record) and the sha256 and
size of its bytes, which is enough to find the page again and prove it is the same page.
The extracted text is the canonical text; ftfy repairs to it are recorded in
``meta["repairs"]``. A publication date in the page's metadata (found by htmldate inside
trafilatura) becomes ``published`` with evidence "html metadata (htmldate)".
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import IO, Any

from .base import RawDocument, ReadResult
from .common import (
    MAX_BYTES_PER_CHAR,
    DecodeError,
    decode_bytes,
    error,
    fix_text,
    iso_date,
    read_limited,
    too_large_message,
)

# Markup, scripts and styles make a page several times larger than its text: a page may
# have this many bytes per character of the text limit before it is refused unread.
MARKUP_FACTOR = 4
# Extracted "text" without a single word (only markup debris such as "<<<>>>") is no text.
_WORD = re.compile(r"[^\W\d_]{2}")
PUBLISHED_EVIDENCE = "html metadata (htmldate)"
# Metadata fields of trafilatura kept in meta when present.
META_FIELDS = ("author", "sitename", "hostname", "description", "categories", "tags",
               "language", "image", "pagetype")


def read_html(stream: IO[bytes], source: dict[str, Any], max_chars: int,
              size: int | None = None) -> Iterator[ReadResult]:
    """The one document of a saved page; ``size`` (from stat) refuses huge files unread."""
    source = {**source, "format": "html"}
    limit = max_chars * MAX_BYTES_PER_CHAR * MARKUP_FACTOR
    if size is not None and size > limit:
        yield error(source, "too_large", too_large_message(size, max_chars, "bytes of HTML"))
        return
    raw = read_limited(stream, limit)
    if raw is None:
        yield error(source, "too_large", too_large_message(limit + 1, max_chars, "bytes of HTML"))
        return
    yield html_document(raw, source, max_chars)


def html_document(raw: bytes, source: dict[str, Any], max_chars: int,
                  url: str | None = None, charset: str | None = None) -> ReadResult:
    """Extract one page's text and metadata; errors (no text, binary, ...) as IngestError."""
    source = {**source, "sha256": hashlib.sha256(raw).hexdigest(), "bytes": len(raw)}
    try:
        markup, repairs = _decode(raw, charset)
    except DecodeError as exc:
        return error(source, exc.code, str(exc))
    extracted = _extract(markup, url)
    if extracted is None or not _WORD.search(extracted.get("text") or ""):
        return error(source, "no_text", "no main text could be extracted from the HTML")
    text, fixes = fix_text(extracted["text"])
    if fixes:
        repairs.append({"step": "ftfy", "changed": True, "fixes": fixes})
    if len(text) > max_chars:
        return error(source, "too_large", too_large_message(len(text), max_chars))
    return _document(text, source, extracted, url, repairs)


def _decode(raw: bytes, charset: str | None) -> tuple[str, list[dict[str, Any]]]:
    """The page as text: the declared charset when it decodes, else UTF-8 or detection."""
    if charset and charset.lower().replace("-", "") not in ("utf8", "utf8mb4"):
        try:
            return raw.decode(charset), [{"step": "decode", "encoding": charset, "by": "http"}]
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(raw)


def _extract(markup: str, url: str | None) -> dict[str, Any] | None:
    """trafilatura's main text and metadata as a dict; None when nothing is extractable."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(markup, url=url, with_metadata=True,
                                          include_comments=False, as_dict=False)
    except Exception:  # noqa: BLE001 - a malformed page is that page's error, not a crash
        return None
    if doc is None:
        return None
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


def _document(text: str, source: dict[str, Any], extracted: dict[str, Any],
              url: str | None, repairs: list[dict[str, Any]]) -> RawDocument:
    """The RawDocument with the page's metadata."""
    meta: dict[str, Any] = {k: extracted[k] for k in META_FIELDS if extracted.get(k)}
    if repairs:
        meta["repairs"] = repairs
    published = iso_date(extracted.get("date"))
    return RawDocument(
        text=text,
        source=source,
        title=extracted.get("title") or None,
        url=url or extracted.get("url") or None,
        published=published,
        published_evidence=PUBLISHED_EVIDENCE if published else None,
        meta=meta,
    )
