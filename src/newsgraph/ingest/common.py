"""Helpers every reader shares: bounded reads, decoding with provenance, error records.

Decoding policy: valid UTF-8 is taken exactly as it is (offsets index into the input);
anything else is decoded with detected encoding and repaired with ftfy, and what was done
is recorded in ``meta["repairs"]`` so a reader of the record knows the text is not verbatim.
"""

from __future__ import annotations

import re
from typing import IO, Any

from .base import IngestError

# A UTF-8 character takes at most 4 bytes, so an input of more than 4 * max_chars bytes
# is certainly over the character limit and can be refused before it is read.
MAX_BYTES_PER_CHAR = 4
# Bytes looked at to tell text from binary: enough to see a file's magic and first lines.
SNIFF_BYTES = 8192
# Share of control characters (other than tab and newlines) above which decoded "text" is
# really binary data that happened to decode.
MAX_CONTROL_SHARE = 0.05
# English news is overwhelmingly cp1252/Latin-1; charset_normalizer often ties it with
# cp1250 or cp1257 on short inputs, so cp1252 wins a tie within this chaos margin.
CP1252_TIE_MARGIN = 0.01
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """Bytes that are not text: ``code`` is the IngestError code to report."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def error(source: dict[str, Any], code: str, message: str) -> IngestError:
    """An IngestError whose message starts with where the problem is."""
    return IngestError(source=dict(source), code=code, message=f"{where(source)}: {message}")


def where(source: dict[str, Any]) -> str:
    """'path', 'path line 12', 'path item 3' or 'path record at byte 4096', for messages."""
    out = str(source.get("path", "?"))
    if "line" in source:
        out += f" line {source['line']}"
    if "item" in source:
        out += f" item {source['item']}"
    if "offset" in source:
        out += f" record at byte {source['offset']}"
    return out


def too_large_message(size: int, max_chars: int, unit: str = "characters") -> str:
    return (f"{size:,} {unit} is over the limit of {max_chars:,} characters per document "
            f"(raise it with --max-chars / the max_chars option)")


def read_limited(stream: IO[bytes], limit: int) -> bytes | None:
    """Read at most ``limit`` bytes; None when the stream holds more (never read it all)."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


def looks_binary(data: bytes) -> bool:
    """NUL bytes near the start (outside UTF-16, which has a BOM) mean binary data."""
    if data.startswith(UTF16_BOMS):
        return False
    return b"\x00" in data[:SNIFF_BYTES]


def decode_bytes(data: bytes) -> tuple[str, list[dict[str, Any]]]:
    """Text and the repairs made: UTF-8 verbatim, else detected encoding plus ftfy.

    Raises DecodeError('binary' | 'empty') for data that is no text.
    """
    if looks_binary(data):
        raise DecodeError("binary", "binary data (NUL bytes), not text")
    repairs: list[dict[str, Any]] = []
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM):]
        repairs.append({"step": "bom", "removed": "utf-8 byte-order mark"})
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = detect_encoding(data)
        repairs.append({"step": "decode", "encoding": encoding, "by": "charset_normalizer"})
        text, fixes = fix_text(text)
        repairs.append({"step": "ftfy", "changed": bool(fixes), "fixes": fixes})
    if not text.strip():
        raise DecodeError("empty", "no text (empty or whitespace only)")
    if len(_CONTROL.findall(text[:SNIFF_BYTES])) > MAX_CONTROL_SHARE * min(len(text), SNIFF_BYTES):
        raise DecodeError("binary", "mostly control characters, not text")
    return text, repairs


def detect_encoding(data: bytes) -> tuple[str, str]:
    """Decode non-UTF-8 bytes with the most plausible encoding (cp1252 wins ties)."""
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise DecodeError("binary", "bytes match no known text encoding")
    for match in results:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + CP1252_TIE_MARGIN:
            best = match
            break
    return str(best), best.encoding


# An HTML character reference left in a text field by a scraper: "caf&#233;", "&amp;".
# Only the references HTML defines are decoded; a bare "&" is left alone.
_ENTITY = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_entities(text: str) -> tuple[str, int]:
    """Text with HTML character references decoded, and how many were; a JSON or CSV
    field is plain text, so "&#233;" in it is a scraper's leftover for "é"."""
    import html

    count = 0

    def one(m: re.Match[str]) -> str:
        nonlocal count
        decoded = html.unescape(m.group(0))
        count += decoded != m.group(0)
        return decoded

    return _ENTITY.sub(one, text), count


def fix_text(text: str) -> tuple[str, list[str]]:
    """ftfy repair keeping curly-quote direction (it is evidence); returns the fixes applied."""
    import ftfy

    fixed = ftfy.fix_and_explain(text, uncurl_quotes=False)
    steps = [name for _, name in fixed.explanation or []]
    return fixed.text, steps


def iso_date(value: Any) -> str | None:
    """YYYY-MM-DD from an ISO-like date string, else None (no guessing here)."""
    if not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m or not ("01" <= m.group(2) <= "12" and "01" <= m.group(3) <= "31"):
        return None
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
