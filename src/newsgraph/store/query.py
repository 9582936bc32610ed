"""Read-only queries over the store, shared by the JSON API, the web pages and exports.

Every function takes a connection opened read-only with :func:`connect` and uses bound
parameters only. Lists return a :class:`Page` whose ``next_cursor`` is an opaque keyset
cursor (base64 of the last row's sort key): walking a list with it returns every row
exactly once, and rows added meanwhile do not shift the pages already seen.

Every fact carries ``article_id``, ``start``, ``end`` and ``text`` (the article text
``[start:end]``), so a reader can always land on the characters it came from.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import json
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .db import FACT_KINDS

DEFAULT_PAGE = 50
MAX_PAGE = 500  # an upper bound on rows per request, so one call cannot dump the store
FACET_SIZE = 20  # values shown per facet; the long tail is left to search
NETWORK_EDGES = 500  # most edges a network returns, heaviest first (a drawable graph)

# Mean cooperation score per QuadClass (1 verbal coop, 2 material coop, 3 verbal
# conflict, 4 material conflict), the scale edges are coloured on.
QUAD_SCORE = {1: 0.5, 2: 1.0, 3: -0.5, 4: -1.0}
LEVELS = ("country", "actor")
TIMELINE_BY = ("day", "week")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_WORD = re.compile(r"\w+", re.UNICODE)


class NotFound(LookupError):
    """The id asked for is not in the store."""


class BadCursor(ValueError):
    """A cursor that this module did not hand out."""


@dataclass
class Page:
    """One page of a list: its rows, how many rows match in all, and where to go on."""

    items: list[dict[str, Any]]
    total: int
    next_cursor: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "next_cursor": self.next_cursor,
                **self.extra}


def connect(path: str | Path) -> sqlite3.Connection:
    """Open the store read-only; a missing file is an error, never a new empty store."""
    if not Path(path).exists():
        raise FileNotFoundError(f"no database at {path}")
    conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True,
                           check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


# --- cursors and small helpers ---------------------------------------------------------


def encode_cursor(key: Sequence[Any]) -> str:
    raw = json.dumps(list(key), separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, size: int) -> list[Any] | None:
    """The sort key inside a cursor, checked to have ``size`` plain values."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise BadCursor("invalid cursor") from exc
    if (not isinstance(key, list) or len(key) != size
            or not all(isinstance(v, str | int | float) for v in key)):
        raise BadCursor("invalid cursor")
    return key


def clamp_limit(limit: int | None) -> int:
    return max(1, min(int(limit or DEFAULT_PAGE), MAX_PAGE))


def fts_words(text: str | None) -> list[str]:
    """Words of user text, each to be matched as a quoted FTS5 string (never as syntax)."""
    return [w.replace('"', '""') for w in _WORD.findall(text or "")][:32]


def _fts_match(q: str | None, speaker: str | None) -> str | None:
    parts = [f'quote_text : "{w}"' for w in fts_words(q)]
    parts += [f'speaker_name : "{w}"' for w in fts_words(speaker)]
    return " AND ".join(parts) or None


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with its own % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _day(value: Any) -> str | None:
    if isinstance(value, str) and _ISO_DAY.match(value):
        return value[:10]
    return None


def _span_text(text: str, start: Any, end: Any) -> str | None:
    if isinstance(start, int) and isinstance(end, int):
        return text[start:end]
    return None


def _page(rows: list[dict[str, Any]], limit: int, total: int,
          key: Any) -> Page:
    """Cut ``limit + 1`` fetched rows to a page, with a cursor when more remain."""
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = encode_cursor(key(rows[-1])) if more and rows else None
    return Page(rows, total, cursor)


# --- articles --------------------------------------------------------------------------


def _article_filters(q: str | None, date_from: str | None, date_to: str | None,
                     source: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if q:
        where.append("(a.title LIKE ? ESCAPE '\\' OR a.text LIKE ? ESCAPE '\\')")
        params += [_like(q), _like(q)]
    if date_from:
        where.append("substr(a.published, 1, 10) >= ?")
        params.append(date_from)
    if date_to:
        where.append("substr(a.published, 1, 10) <= ?")
        params.append(date_to)
    if source:
        where.append("EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id "
                     "AND s.source LIKE ? ESCAPE '\\')")
        params.append(_like(source))
    return where, params


def list_articles(conn: sqlite3.Connection, q: str | None = None,
                  date_from: str | None = None, date_to: str | None = None,
                  source: str | None = None, cursor: str | None = None,
                  limit: int | None = None) -> Page:
    """Articles newest first; ``q`` is a substring of the title or text (any case)."""
    limit = clamp_limit(limit)
    where, params = _article_filters(q, date_from, date_to, source)
    total = _count(conn, "SELECT count(*) FROM articles a", where, params)
    key = decode_cursor(cursor, 2)
    if key:
        where.append("(coalesce(a.published, ''), a.id) < (?, ?)")
        params += key
    sql = ("SELECT a.id, a.title, a.url, a.published, a.status, "
           "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes, "
           "(SELECT count(*) FROM facts f WHERE f.article_id = a.id AND f.kind = 'events') "
           "AS events, substr(a.text, 1, 200) AS snippet FROM articles a"
           + _where(where) + " ORDER BY coalesce(a.published, '') DESC, a.id DESC LIMIT ?")
    rows = [dict(r) for r in conn.execute(sql, [*params, limit + 1])]
    for row in rows:
        row["sources"] = _sources(conn, row["id"])
    return _page(rows, limit, total, lambda r: [r["published"] or "", r["id"]])


def _where(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""


def _count(conn: sqlite3.Connection, sql: str, where: list[str], params: list[Any]) -> int:
    return int(conn.execute(sql + _where(where), params).fetchone()[0])


def _sources(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT source FROM sources WHERE article_id = ? ORDER BY source",
                        (article_id,))
    return [json.loads(r[0]) for r in rows]


def get_article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any]:
    """One article with its text, sources, entities, quotes and every fact grouped by kind.

    Kinds the analysis did not produce come back as empty lists, so a reader can show
    what there is without special cases.
    """
    row = conn.execute("SELECT id, title, url, published, published_evidence, status, text, "
                       "analysed_at FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound(f"no article {article_id!r}")
    article = dict(row)
    text = article["text"]
    article["sources"] = _sources(conn, article_id)
    article["entities"] = [
        _entity_row(dict(r)) for r in conn.execute(
            "SELECT * FROM entities WHERE article_id = ? ORDER BY id", (article_id,))]
    article["quotes"] = [
        _quote_row(dict(r), text) for r in conn.execute(
            "SELECT q.*, a.published, a.title FROM quotes q JOIN articles a "
            "ON a.id = q.article_id WHERE q.article_id = ? ORDER BY q.start, q.id",
            (article_id,))]
    facts: dict[str, list[dict[str, Any]]] = {kind: [] for kind in FACT_KINDS}
    for r in conn.execute("SELECT kind, idx, start, end, record FROM facts "
                          "WHERE article_id = ? ORDER BY kind, idx", (article_id,)):
        facts.setdefault(r["kind"], []).append(
            fact_row(article_id, r["kind"], r["idx"], r["start"], r["end"],
                     json.loads(r["record"]), text))
    article["facts"] = facts
    return article


def fact_row(article_id: str, kind: str, idx: int, start: int | None, end: int | None,
             record: dict[str, Any], text: str) -> dict[str, Any]:
    """A stored fact with its provenance: article id, span and the exact text of the span."""
    if start is None and kind == "votes":
        start, end = _spans_extent(record.get("spans") or {})
    row = {**record, "article_id": article_id, "kind": kind, "idx": idx,
           "start": start, "end": end, "text": _span_text(text, start, end)}
    if "kind" in record and "type" not in record:
        row["type"] = record["kind"]  # a zone's own kind (caption, ...) is kept as its type
    if kind == "events":
        sentence = record.get("sentence") or [None, None]
        row["sentence_text"] = _span_text(text, *sentence[:2])
    return row


def _spans_extent(spans: dict[str, Any]) -> tuple[int | None, int | None]:
    pairs = [s for s in spans.values() if isinstance(s, list) and len(s) == 2
             and all(isinstance(v, int) for v in s)]
    if not pairs:
        return None, None
    return min(s for s, _ in pairs), max(e for _, e in pairs)


def _entity_row(row: dict[str, Any]) -> dict[str, Any]:
    row["mentions"] = json.loads(row["mentions"])
    return row


def _quote_row(row: dict[str, Any], text: str | None = None) -> dict[str, Any]:
    for key in ("content", "cue", "speaker_mention"):
        row[key] = json.loads(row[key])
    row["via"] = json.loads(row["via"]) if row.get("via") else None
    if text is not None:
        row["text"] = text[row["start"]:row["end"]]
    return row


# --- quotes ----------------------------------------------------------------------------


def _quote_filters(speaker: str | None, entity: str | None, date_from: str | None,
                   date_to: str | None, q: str | None, source: str | None,
                   article_id: str | None) -> tuple[str, list[str], list[Any]]:
    joins = " FROM quotes q JOIN articles a ON a.id = q.article_id"
    where: list[str] = []
    params: list[Any] = []
    match = _fts_match(q, speaker)
    if match:
        joins += " JOIN quotes_fts ON quotes_fts.rowid = q.rowid"
        where.append("quotes_fts MATCH ?")
        params.append(match)
    if entity:
        where.append("EXISTS (SELECT 1 FROM entities e WHERE e.article_id = q.article_id "
                     "AND e.id = q.speaker_entity AND e.name = ?)")
        params.append(entity)
    if date_from:
        where.append("substr(a.published, 1, 10) >= ?")
        params.append(date_from)
    if date_to:
        where.append("substr(a.published, 1, 10) <= ?")
        params.append(date_to)
    if source:
        where.append("EXISTS (SELECT 1 FROM sources s WHERE s.article_id = q.article_id "
                     "AND s.source LIKE ? ESCAPE '\\')")
        params.append(_like(source))
    if article_id:
        where.append("q.article_id = ?")
        params.append(article_id)
    return joins, where, params


def list_quotes(conn: sqlite3.Connection, speaker: str | None = None,
                entity: str | None = None, date_from: str | None = None,
                date_to: str | None = None, q: str | None = None, source: str | None = None,
                article_id: str | None = None, cursor: str | None = None,
                limit: int | None = None) -> Page:
    """Quotes newest article first.

    ``speaker`` matches the words of the speaker's name, ``q`` the words of the quote
    (both full-text, any case; punctuation and FTS5 operators in them are ignored);
    ``entity`` is an entity name as listed by :func:`list_entities`.
    """
    limit = clamp_limit(limit)
    joins, where, params = _quote_filters(speaker, entity, date_from, date_to, q, source,
                                          article_id)
    total = _count(conn, "SELECT count(*)" + joins, where, params)
    key = decode_cursor(cursor, 4)
    if key:
        where.append("(coalesce(a.published, ''), q.article_id, -q.start, q.id) "
                     "< (?, ?, ?, ?)")
        params += key
    sql = ("SELECT q.*, a.published, a.title, "
           "substr(a.text, q.start + 1, q.end - q.start) AS text" + joins + _where(where)
           + " ORDER BY coalesce(a.published, '') DESC, q.article_id DESC, "
             "-q.start DESC, q.id DESC LIMIT ?")
    rows = [_quote_row(dict(r)) for r in conn.execute(sql, [*params, limit + 1])]
    return _page(rows, limit, total,
                 lambda r: [r["published"] or "", r["article_id"], -r["start"], r["id"]])


def quote_facets(conn: sqlite3.Connection, speaker: str | None = None,
                 entity: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, q: str | None = None, source: str | None = None,
                 size: int = FACET_SIZE) -> dict[str, Any]:
    """Counts of the quotes matching the filters by speaker, by month and by source."""
    joins, where, params = _quote_filters(speaker, entity, date_from, date_to, q, source,
                                          None)
    size = max(1, min(size, MAX_PAGE))
    filtered = "SELECT q.article_id, q.speaker_name" + joins + _where(where)
    total = _count(conn, "SELECT count(*)" + joins, where, params)
    speakers = conn.execute(
        f"SELECT speaker_name, count(*) AS n FROM ({filtered}) WHERE speaker_name IS NOT "
        "NULL GROUP BY speaker_name ORDER BY n DESC, speaker_name LIMIT ?", [*params, size])
    per_article = f"SELECT article_id, count(*) AS n FROM ({filtered}) GROUP BY article_id"
    months = conn.execute(
        f"SELECT substr(a.published, 1, 7) AS month, sum(p.n) FROM ({per_article}) p "
        "JOIN articles a ON a.id = p.article_id WHERE a.published IS NOT NULL "
        "GROUP BY month ORDER BY month", params)
    sources = conn.execute(
        "SELECT coalesce(json_extract(s.source, '$.path'), json_extract(s.source, '$.url'), "
        f"json_extract(s.source, '$.format')) AS src, sum(p.n) AS n FROM ({per_article}) p "
        "JOIN sources s ON s.article_id = p.article_id GROUP BY src ORDER BY n DESC, src "
        "LIMIT ?", [*params, size])
    return {
        "total": total,
        "speaker": [{"value": v, "count": n} for v, n in speakers],
        "month": [{"value": v, "count": n} for v, n in months],
        "source": [{"value": v, "count": n} for v, n in sources],
    }


# --- entities --------------------------------------------------------------------------


def list_entities(conn: sqlite3.Connection, q: str | None = None, label: str | None = None,
                  cursor: str | None = None, limit: int | None = None) -> Page:
    """Entities across articles, one row per name and label, most articles first."""
    limit = clamp_limit(limit)
    where: list[str] = []
    params: list[Any] = []
    if q:
        where.append("name LIKE ? ESCAPE '\\'")
        params.append(_like(q))
    if label:
        where.append("label = ?")
        params.append(label)
    grouped = ("SELECT name, coalesce(label, '') AS label, count(*) AS articles, "
               "sum(json_array_length(mentions)) AS mentions FROM entities"
               + _where(where) + " GROUP BY name, coalesce(label, '')")
    total = int(conn.execute(f"SELECT count(*) FROM ({grouped})", params).fetchone()[0])
    key = decode_cursor(cursor, 3)
    outer, outer_params = "", []
    if key:
        outer = " WHERE articles < ? OR (articles = ? AND (name, label) > (?, ?))"
        outer_params = [key[0], key[0], key[1], key[2]]
    rows = [dict(r) for r in conn.execute(
        f"SELECT * FROM ({grouped}){outer} ORDER BY articles DESC, name, label LIMIT ?",
        [*params, *outer_params, limit + 1])]
    return _page(rows, limit, total, lambda r: [r["articles"], r["name"], r["label"]])


def get_entity(conn: sqlite3.Connection, name: str, limit: int | None = None) -> dict[str, Any]:
    """An entity by name: its labels, articles, the quotes it said and its events."""
    limit = clamp_limit(limit)
    rows = conn.execute("SELECT coalesce(label, '') AS label, count(*) AS n FROM entities "
                        "WHERE name = ? GROUP BY label ORDER BY n DESC", (name,)).fetchall()
    if not rows:
        raise NotFound(f"no entity {name!r}")
    articles = [r[0] for r in conn.execute(
        "SELECT e.article_id FROM entities e JOIN articles a ON a.id = e.article_id "
        "WHERE e.name = ? ORDER BY coalesce(a.published, '') DESC, a.id DESC LIMIT ?",
        (name, limit))]
    quotes = list_quotes(conn, entity=name, limit=limit)
    events = list_events(conn, actor=name, limit=limit, exact=True)
    return {"name": name, "labels": {r["label"]: r["n"] for r in rows},
            "articles": sum(r["n"] for r in rows), "article_ids": articles,
            "quotes": quotes.to_dict(), "events": events.to_dict()}


# --- events ----------------------------------------------------------------------------

_EVENT_DAY = ("coalesce(CASE WHEN json_extract(f.record, '$.date') GLOB "
              "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(json_extract("
              "f.record, '$.date'), 1, 10) END, substr(a.published, 1, 10), '')")


def _party_filter(path: str, value: str, exact: bool) -> tuple[str, list[Any]]:
    """SQL that is true when one of the event's parties at ``path`` has this name."""
    test = "json_extract(j.value, '$.name') = ?" if exact else \
        "json_extract(j.value, '$.name') LIKE ? ESCAPE '\\'"
    return (f"EXISTS (SELECT 1 FROM json_each(f.record, '{path}') j WHERE {test})",
            [value if exact else _like(value)])


def list_events(conn: sqlite3.Connection, type: str | None = None, actor: str | None = None,
                recipient: str | None = None, country: str | None = None,
                quad_class: int | None = None, date_from: str | None = None,
                date_to: str | None = None, place: str | None = None,
                article_id: str | None = None, cursor: str | None = None,
                limit: int | None = None, exact: bool = False) -> Page:
    """Events, newest first by the event's own date (else the article's).

    ``actor`` matches an actor's name or ``recipient`` a recipient's (substring, any
    case, or the exact name with ``exact``; for :func:`get_entity` ``actor`` then matches
    either side); ``country`` matches a party's country code on either side.
    """
    limit = clamp_limit(limit)
    where = ["f.kind = 'events'"]
    params: list[Any] = []
    if type:
        where.append("json_extract(f.record, '$.type') = ?")
        params.append(type.upper())
    if quad_class is not None:
        where.append("json_extract(f.record, '$.quad_class') = ?")
        params.append(int(quad_class))
    if actor:
        sql, p = _party_filter("$.actor", actor, exact)
        if exact:
            sql2, p2 = _party_filter("$.recipient", actor, exact)
            sql, p = f"({sql} OR {sql2})", p + p2
        where.append(sql)
        params += p
    if recipient:
        sql, p = _party_filter("$.recipient", recipient, exact)
        where.append(sql)
        params += p
    if country:
        where.append("(EXISTS (SELECT 1 FROM json_each(f.record, '$.actor') j WHERE "
                     "json_extract(j.value, '$.country') = ?) OR EXISTS (SELECT 1 FROM "
                     "json_each(f.record, '$.recipient') j WHERE "
                     "json_extract(j.value, '$.country') = ?))")
        params += [country.upper(), country.upper()]
    if place:
        where.append("json_extract(f.record, '$.place') LIKE ? ESCAPE '\\'")
        params.append(_like(place))
    if date_from:
        where.append(f"{_EVENT_DAY} >= ?")
        params.append(date_from)
    if date_to:
        where.append(f"{_EVENT_DAY} <= ?")
        params.append(date_to)
    if article_id:
        where.append("f.article_id = ?")
        params.append(article_id)
    joins = " FROM facts f JOIN articles a ON a.id = f.article_id"
    total = _count(conn, "SELECT count(*)" + joins, where, params)
    key = decode_cursor(cursor, 3)
    if key:
        where.append(f"({_EVENT_DAY}, f.article_id, f.idx) < (?, ?, ?)")
        params += key
    sql = (f"SELECT f.article_id, f.idx, f.start, f.end, f.record, a.text, {_EVENT_DAY} AS day"
           + joins + _where(where)
           + f" ORDER BY {_EVENT_DAY} DESC, f.article_id DESC, f.idx DESC LIMIT ?")
    rows = []
    for r in conn.execute(sql, [*params, limit + 1]):
        row = fact_row(r["article_id"], "events", r["idx"], r["start"], r["end"],
                       json.loads(r["record"]), r["text"])
        row["day"] = r["day"]
        rows.append(row)
    return _page(rows, limit, total, lambda r: [r["day"], r["article_id"], r["idx"]])


# --- the event index behind networks and timelines -------------------------------------


@dataclass(frozen=True)
class _Event:
    day: str
    article_id: str
    idx: int
    type: str
    quad: int | None
    actors: tuple[tuple[str, str | None], ...]  # (name, country)
    recipients: tuple[tuple[str, str | None], ...]


class _EventIndex:
    """Every event as a small tuple, sorted by day, loaded once per version of the file.

    Networks and timelines aggregate over thousands of events; reading and parsing their
    JSON for each request would cost far more than the 100 ms a page may take. The store
    only changes through ``newsgraph analyze``, which changes the file, so the index is
    rebuilt when the database (or its WAL) changes size or modification time.
    """

    def __init__(self, events: list[_Event]) -> None:
        self.events = events
        self.days = [e.day for e in events]
        # Per level, the events that make edges (most have one party and make none) and
        # their pairs, worked out once: a network request then only counts.
        self._paired: dict[str, tuple[list[int], list[list[tuple[str, str]]]]] = {}

    def _range(self, date_from: str | None, date_to: str | None) -> tuple[int, int]:
        lo = bisect.bisect_left(self.days, date_from) if date_from else 0
        hi = bisect.bisect_right(self.days, date_to + "\uffff") if date_to \
            else len(self.days)
        return lo, hi

    def between(self, date_from: str | None, date_to: str | None) -> list[_Event]:
        lo, hi = self._range(date_from, date_to)
        return self.events[lo:hi]

    def with_pairs(self, level: str, date_from: str | None,
                   date_to: str | None) -> Iterator[tuple[_Event, list[tuple[str, str]]]]:
        """The events between the dates that make edges at ``level``, with their pairs."""
        if level not in self._paired:
            positions, pairs = [], []
            for i, ev in enumerate(self.events):
                found = event_pairs(ev, level)
                if found:
                    positions.append(i)
                    pairs.append(found)
            self._paired[level] = (positions, pairs)
        positions, pairs = self._paired[level]
        lo, hi = self._range(date_from, date_to)
        for k in range(bisect.bisect_left(positions, lo), bisect.bisect_left(positions, hi)):
            yield self.events[positions[k]], pairs[k]


_INDEXES: dict[str, tuple[tuple[Any, ...], _EventIndex]] = {}
_INDEX_LOCK = threading.Lock()


def _file_version(path: str) -> tuple[Any, ...]:
    parts: list[Any] = []
    for suffix in ("", "-wal"):
        try:
            st = os.stat(path + suffix)
            parts += [st.st_mtime_ns, st.st_size]
        except OSError:
            parts += [None, None]
    return tuple(parts)


def _db_path(conn: sqlite3.Connection) -> str:
    return str(conn.execute("PRAGMA database_list").fetchone()[2])


def event_index(conn: sqlite3.Connection) -> _EventIndex:
    path = _db_path(conn)
    version = _file_version(path)
    with _INDEX_LOCK:
        cached = _INDEXES.get(path)
        if cached and cached[0] == version:
            return cached[1]
        index = _EventIndex(sorted(_load_events(conn), key=lambda e: (e.day, e.article_id,
                                                                       e.idx)))
        _INDEXES[path] = (version, index)
        return index


def _parties(value: Any) -> tuple[tuple[str, str | None], ...]:
    """(name, country) of the coded parties: an uncoded thing a recipient may be ("the
    referendum" someone rejected) is no actor, so no node of the network."""
    out = []
    for p in value or []:
        if isinstance(p, dict) and p.get("name") and _coded(p):
            out.append((str(p["name"]), p.get("country")))
    return tuple(out)


def _coded(party: dict[str, Any]) -> bool:
    return any(party.get(k) for k in ("country", "sector", "entity"))


def _load_events(conn: sqlite3.Connection) -> Iterable[_Event]:
    rows = conn.execute("SELECT f.article_id, f.idx, f.record, a.published FROM facts f "
                        "JOIN articles a ON a.id = f.article_id WHERE f.kind = 'events'")
    for article_id, idx, record, published in rows:
        ev = json.loads(record)
        day = _day(ev.get("date")) or _day(published) or ""
        quad = ev.get("quad_class")
        yield _Event(day, article_id, idx, str(ev.get("type") or ""),
                     quad if isinstance(quad, int) else None,
                     _parties(ev.get("actor")), _parties(ev.get("recipient")))


def _key(party: tuple[str, str | None], level: str) -> str | None:
    return party[0] if level == "actor" else party[1]


def event_pairs(ev: _Event, level: str) -> list[tuple[str, str]]:
    """The edges one event makes: actor to recipient, or between co-actors when the event
    has several actors and no recipient (two leaders meeting). Undirected, no loops."""
    actors = {k for k in (_key(p, level) for p in ev.actors) if k}
    recipients = {k for k in (_key(p, level) for p in ev.recipients) if k}
    pairs: set[tuple[str, str]] = set()
    if recipients:
        pairs = {(min(a, r), max(a, r)) for a in actors for r in recipients if a != r}
    elif len(actors) > 1:
        ordered = sorted(actors)
        pairs = {(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:]}
    return sorted(pairs)


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}")


def network(conn: sqlite3.Connection, date_from: str | None = None,
            date_to: str | None = None, level: str = "country", type: str | None = None,
            max_edges: int = NETWORK_EDGES) -> dict[str, Any]:
    """Who acts with or on whom: nodes and edges weighted by event count, per-type counts
    and the mean cooperation score (+1 material cooperation ... -1 material conflict)."""
    _check_level(level)
    want = type.upper() if type else None
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for ev, pairs in event_index(conn).with_pairs(level, date_from, date_to):
        if want and ev.type != want:
            continue
        for pair in pairs:
            edge = edges.get(pair)
            if edge is None:
                edge = edges[pair] = {"count": 0, "types": {}, "score_sum": 0.0,
                                      "scored": 0}
            edge["count"] += 1
            edge["types"][ev.type] = edge["types"].get(ev.type, 0) + 1
            if ev.quad in QUAD_SCORE:
                edge["score_sum"] += QUAD_SCORE[ev.quad]
                edge["scored"] += 1
    heaviest = sorted(edges.items(), key=lambda kv: (-kv[1]["count"], kv[0]))
    out_edges: list[dict[str, Any]] = []
    nodes: dict[str, int] = {}
    for (a, b), e in heaviest[:max(1, min(max_edges, MAX_PAGE * 10))]:
        score = e["score_sum"] / e["scored"] if e["scored"] else None
        out_edges.append({"source": a, "target": b, "count": e["count"], "types": e["types"],
                          "score": score})
        for n in (a, b):
            nodes[n] = nodes.get(n, 0) + e["count"]
    return {"level": level, "date_from": date_from, "date_to": date_to, "type": want,
            "nodes": [{"id": n, "label": n, "count": c} for n, c in
                      sorted(nodes.items(), key=lambda kv: (-kv[1], kv[0]))],
            "edges": out_edges, "edges_total": len(edges)}


def edge_events(conn: sqlite3.Connection, a: str, b: str, date_from: str | None = None,
                date_to: str | None = None, level: str = "country", type: str | None = None,
                cursor: str | None = None, limit: int | None = None) -> Page:
    """The events behind one network edge, oldest first, each with its sentence."""
    _check_level(level)
    limit = clamp_limit(limit)
    want = type.upper() if type else None
    pair = (min(a, b), max(a, b))
    matching = [ev for ev, pairs in event_index(conn).with_pairs(level, date_from, date_to)
                if (not want or ev.type == want) and pair in pairs]
    total = len(matching)
    key = decode_cursor(cursor, 3)
    if key:
        after = (str(key[0]), str(key[1]), int(key[2]))
        matching = [ev for ev in matching if (ev.day, ev.article_id, ev.idx) > after]
    rows = []
    for ev in matching[:limit + 1]:
        r = conn.execute("SELECT f.start, f.end, f.record, a.text FROM facts f JOIN articles "
                         "a ON a.id = f.article_id WHERE f.article_id = ? AND f.kind = "
                         "'events' AND f.idx = ?", (ev.article_id, ev.idx)).fetchone()
        if r is None:
            continue
        row = fact_row(ev.article_id, "events", ev.idx, r["start"], r["end"],
                       json.loads(r["record"]), r["text"])
        row["day"] = ev.day
        rows.append(row)
    return _page(rows, limit, total, lambda r: [r["day"], r["article_id"], r["idx"]])


def _week(day: str) -> str:
    d = date.fromisoformat(day)
    return (d - timedelta(days=d.weekday())).isoformat()


def timeline(conn: sqlite3.Connection, by: str = "day", type: str | None = None,
             actor: str | None = None, date_from: str | None = None,
             date_to: str | None = None) -> dict[str, Any]:
    """Event counts per day or per week (weeks start on Monday), split by event type.

    ``actor`` (any case) is a party's name or country code, on either side of the event.
    """
    if by not in TIMELINE_BY:
        raise ValueError(f"by must be one of {', '.join(TIMELINE_BY)}")
    want = type.upper() if type else None
    who = actor.casefold() if actor else None
    buckets: dict[str, dict[str, int]] = {}
    for ev in event_index(conn).between(date_from, date_to):
        if not ev.day or (want and ev.type != want):
            continue
        if who and not any(who in (name.casefold(), (country or "").casefold())
                           for name, country in ev.actors + ev.recipients):
            continue
        try:
            period = ev.day if by == "day" else _week(ev.day)
        except ValueError:
            continue
        counts = buckets.setdefault(period, {})
        counts[ev.type] = counts.get(ev.type, 0) + 1
    series = [{"period": p, "counts": c, "total": sum(c.values())}
              for p, c in sorted(buckets.items())]
    return {"by": by, "type": want, "actor": actor, "series": series}
