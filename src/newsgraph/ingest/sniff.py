"""Telling an input's format from its first bytes, for stdin and files without a known extension.

``sniff`` looks at the head only (WARC/ARC magic, HTML tags, JSON), so a stream can be sniffed
without reading it all. ``StdinStream`` gives a pipe's head back to the reader after sniffing,
and ``spool`` copies a pipe to a temporary file for readers that must seek (fastwarc).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import tempfile
import zlib
from typing import IO, cast

from .common import UTF8_BOM

GZIP_MAGIC = b"\x1f\x8b"
# A page starts with a doctype, a comment, an XML declaration or one of these tags; text
# that merely mentions "<b>" later on is not HTML.
_HTML_START = re.compile(
    rb"(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|article|main|div|"
    rb"section|p|meta|title|h1|h2)[\s>/]", re.IGNORECASE | re.DOTALL)
# Reuters-21578 SGML opens with its DTD's doctype or straight with a <REUTERS> story.
_REUTERS_START = re.compile(rb"(<!doctype\s+lewis[^>]*>\s*)?<reuters[\s>]", re.IGNORECASE)
# JSON input opens with an object (a key or "}" next) or an array of objects or strings;
# text opening with "{Reuters}" or "[Photo]" is not JSON.
_JSON_START = re.compile(rb'(\{\s*["}]|\[\s*[\[\]{"])')
# Bytes copied at a time when spooling a pipe to a temporary file.
SPOOL_CHUNK = 1 << 20


def sniff(head: bytes) -> str:
    """The reader for a stream starting with ``head`` (decompressed); ``txt`` when unsure."""
    stripped = head.removeprefix(UTF8_BOM).lstrip(b" \t\r\n")
    start = stripped[:16].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith(b"filedesc://"):
        return "arc"
    if _REUTERS_START.match(stripped):
        return "reuters"
    if _HTML_START.match(stripped):
        return "html"
    if not _JSON_START.match(stripped):
        return "txt"
    return "json" if stripped.startswith(b"[") else _object_or_lines(stripped)


def _object_or_lines(head: bytes) -> str:
    """``jsonl`` when the first line is a whole JSON value (or too long to see), else ``json``.

    A pretty-printed object (news-please output) opens with a line that is not JSON by itself.
    """
    first, newline, _ = head.partition(b"\n")
    if not newline:
        return "jsonl"
    try:
        json.loads(first.decode("utf-8", errors="replace"))
    except ValueError:
        return "json"
    return "jsonl"


def gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream's head; empty when they are corrupt."""
    try:
        return zlib.decompressobj(wbits=31).decompress(head)
    except zlib.error:
        return b""


class StdinStream(io.RawIOBase):
    """A pipe whose first bytes were already read for sniffing: they come first again."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        return self._rest.readinto(buffer)  # type: ignore[attr-defined]


def reopen(head: bytes, rest: IO[bytes]) -> IO[bytes]:
    """A buffered stream reading ``head`` and then the rest of ``rest``."""
    return cast(IO[bytes], io.BufferedReader(StdinStream(head, rest)))


def spool(stream: IO[bytes]) -> IO[bytes]:
    """The whole stream copied to an anonymous temporary file (on disk), rewound.

    fastwarc seeks in its input and panics on a pipe; the file is deleted when closed.
    """
    file = tempfile.TemporaryFile()
    shutil.copyfileobj(stream, file, SPOOL_CHUNK)
    file.seek(0)
    return cast(IO[bytes], file)
