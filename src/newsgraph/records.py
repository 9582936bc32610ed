"""Records that flow through the pipeline: one `Article`, stand-off spans into its text.

Every fact refers to the article by integer character offsets ``[start, end)`` into
``Article.text``, which is set once and never rewritten.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


def article_id(text: str) -> str:
    """Deterministic id: the same canonical text gets the same id on every machine."""
    return "a" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Mention:
    """One place an entity is named in the text."""

    start: int
    end: int
    text: str


@dataclass
class Entity:
    """An in-article entity: all its mentions clustered under one canonical name."""

    id: str
    name: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, ...
    mentions: list[Mention] = field(default_factory=list)
    role: str | None = None
    organisation: str | None = None
    gender: str | None = None  # "m", "f" or None when the text does not say

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "role": self.role,
            "organisation": self.organisation,
            "mentions": [[m.start, m.end] for m in self.mentions],
        }


@dataclass
class Speaker:
    """Who a quote is attributed to: the words used and, where resolved, the entity."""

    mention: list[Span] = field(default_factory=list)
    name: str | None = None
    entity: str | None = None
    resolved_by: str | None = None  # rule that linked mention to entity (e.g. "pronoun")

    def to_json(self) -> dict[str, Any]:
        return {
            "mention": [list(s) for s in self.mention],
            "name": self.name,
            "entity": self.entity,
            "resolved_by": self.resolved_by,
        }


@dataclass
class Quote:
    """An attribution: content spans, the cue, and the speaker."""

    id: str
    type: str  # "direct" | "indirect" | "mixed"
    content: list[Span]
    cue: list[Span]
    speaker: Speaker
    rule: str  # which extraction rule produced it, for provenance and error analysis
    addressee: str | None = None
    medium: str | None = None
    continues: str | None = None  # id of the quote this one continues (same speaker, no cue)
    date: dict[str, Any] | None = None  # {"value", "start", "end"} or the publication date
    place: dict[str, Any] | None = None  # {"name", "country", "start", "end"}
    # Who reports the quote, when the text says so: "..., Sanders said, according to CNN"
    # -> {"name": "CNN", "start", "end"}. The speaker stays Sanders.
    via: dict[str, Any] | None = None

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def end(self) -> int:
        return max(e for _, e in self.content)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "content": [list(s) for s in self.content],
            "cue": [list(s) for s in self.cue],
            "speaker": self.speaker.to_json(),
            "addressee": self.addressee,
            "medium": self.medium,
            "continues": self.continues,
            "date": self.date,
            "place": self.place,
            "via": self.via,
            "rule": self.rule,
        }


@dataclass
class Published:
    """Publication date with where it came from."""

    value: str  # YYYY-MM-DD
    evidence: str

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "evidence": self.evidence}


class Article:
    """One article flowing through the stages.

    ``text`` is the canonical text; it is fixed at construction and cannot be reassigned,
    because every span of every stage indexes into it.
    """

    __slots__ = (
        "_text", "id", "source", "title", "url", "published", "meta", "status",
        "zones", "hints", "quote_marks", "doc", "sentences", "paragraphs",
        "entities", "quotes", "extra",
    )

    def __init__(
        self,
        text: str,
        source: dict[str, Any] | None = None,
        title: str | None = None,
        url: str | None = None,
        published: Published | None = None,
        meta: dict[str, Any] | None = None,
    ) -> None:
        self._text = text
        self.id = article_id(text)
        self.source: dict[str, Any] = source or {}
        self.title = title
        self.url = url
        self.published = published
        self.meta: dict[str, Any] = meta or {}
        self.status = "ok"
        self.zones: list[dict[str, Any]] | None = None
        self.hints: list[dict[str, Any]] | None = None
        self.quote_marks: list[dict[str, Any]] | None = None
        self.doc: Any = None  # spaCy Doc, transient: never serialised
        self.sentences: list[Span] | None = None
        self.paragraphs: list[Span] | None = None
        self.entities: list[Entity] | None = None
        self.quotes: list[Quote] | None = None
        self.extra: dict[str, Any] = {}  # outputs of later stages (events, dates, ...)

    @property
    def text(self) -> str:
        return self._text

    def has(self, name: str) -> bool:
        """Whether a field a stage may require is present."""
        if name == "text":
            return True
        if name in self.extra:
            return True
        return getattr(self, name, None) is not None if name in self.__slots__ else False

    def to_json(self, include_text: bool = True) -> dict[str, Any]:
        """The output schema v1 (docs/schema.md)."""
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "status": self.status,
            "title": self.title,
            "url": self.url,
            "published": self.published.to_json() if self.published else None,
        }
        if include_text:
            out["text"] = self.text
        out["meta"] = self.meta
        out["zones"] = self.zones or []
        out["entities"] = [e.to_json() for e in self.entities or []]
        out["quotes"] = [q.to_json() for q in self.quotes or []]
        for key, value in self.extra.items():
            out[key] = value
        return out
