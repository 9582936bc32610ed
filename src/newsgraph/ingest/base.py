"""The reader interface: every input format yields raw documents or per-document errors."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass
class RawDocument:
    """One document as read, before analysis.

    ``text`` becomes the article's canonical text unchanged; ``source`` says where it came
    from precisely enough to find it again (path, line, WARC record id, ...).
    """

    text: str
    source: dict[str, Any]
    title: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD when the input states it
    published_evidence: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class IngestError:
    """A document that could not be read; the run goes on with the next one."""

    source: dict[str, Any]
    code: str  # short machine-readable code: unreadable, not_utf8, empty, binary, ...
    message: str

    @property
    def status(self) -> str:
        return f"failed: {self.code} {self.message}"


ReadResult = RawDocument | IngestError
Reader = Iterator[ReadResult]
