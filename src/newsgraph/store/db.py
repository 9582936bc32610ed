"""The embedded store: SQLite in WAL mode, one transaction per saved article.

Saving an article replaces all its facts (re-analysis never duplicates them); its sources
accumulate, so an exact duplicate read from two places is stored once with both sources.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .schema import migrate

FACT_KINDS = ("zones", "events", "votes", "dates", "places", "quantities")


class Store:
    """Read and write analysed articles."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            migrate(self.conn)
        except sqlite3.Error as exc:  # a directory, a non-SQLite file, a missing folder
            raise RuntimeError(f"cannot use {self.path} as a database: {_why(exc)}") from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def save(self, record: dict[str, Any]) -> None:
        """Store one article record (output schema v1), replacing earlier facts for it."""
        aid = record["id"]
        with self.conn:
            self._delete_facts(aid)
            pub = record.get("published") or {}
            self.conn.execute(
                "INSERT INTO articles (id, title, url, published, published_evidence, status, "
                "text, record, analysed_at) VALUES (?,?,?,?,?,?,?,?,?) "
                "ON CONFLICT(id) DO UPDATE SET title=excluded.title, url=excluded.url, "
                "published=excluded.published, published_evidence=excluded.published_evidence, "
                "status=excluded.status, text=excluded.text, record=excluded.record, "
                "analysed_at=excluded.analysed_at",
                (aid, record.get("title"), record.get("url"), pub.get("value"),
                 pub.get("evidence"), record.get("status", "ok"), record["text"],
                 json.dumps(record, ensure_ascii=False), datetime.now(UTC).isoformat()),
            )
            self.add_source(aid, record.get("source") or {})
            self._insert_entities(aid, record.get("entities", []))
            self._insert_quotes(aid, record["text"], record.get("quotes", []))
            self._insert_facts(aid, record)

    def add_source(self, article_id: str, source: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO sources (article_id, source) VALUES (?, ?)",
            (article_id, json.dumps(source, sort_keys=True, ensure_ascii=False)),
        )

    def add_source_committed(self, article_id: str, source: dict[str, Any]) -> None:
        """Record another source of an already stored article, in its own transaction."""
        with self.conn:
            if self.has(article_id):
                self.add_source(article_id, source)

    def _delete_facts(self, aid: str) -> None:
        for table in ("entities", "quotes", "facts"):
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))

    def _insert_entities(self, aid: str, entities: list[dict[str, Any]]) -> None:
        self.conn.executemany(
            "INSERT INTO entities (article_id, id, name, label, role, organisation, mentions) "
            "VALUES (?,?,?,?,?,?,?)",
            [(aid, e["id"], e["name"], e.get("label"), e.get("role"), e.get("organisation"),
              json.dumps(e.get("mentions", []))) for e in entities],
        )

    def _insert_quotes(self, aid: str, text: str, quotes: list[dict[str, Any]]) -> None:
        rows = []
        for q in quotes:
            spans = q["content"]
            speaker = q.get("speaker") or {}
            rows.append((
                aid, q["id"], q["type"], min(s for s, _ in spans), max(e for _, e in spans),
                json.dumps(spans), json.dumps(q.get("cue", [])), speaker.get("name"),
                speaker.get("entity"), json.dumps(speaker.get("mention", [])),
                q.get("addressee"), q.get("medium"), q.get("rule"),
                " … ".join(text[s:e] for s, e in spans),
                json.dumps(q["via"]) if q.get("via") else None,
            ))
        self.conn.executemany(
            "INSERT INTO quotes (article_id, id, type, start, end, content, cue, speaker_name, "
            "speaker_entity, speaker_mention, addressee, medium, rule, quote_text, via) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)

    def _insert_facts(self, aid: str, record: dict[str, Any]) -> None:
        rows = []
        for kind in FACT_KINDS:
            for i, fact in enumerate(record.get(kind) or []):
                start, end = _fact_span(fact)
                rows.append((aid, kind, i, start, end, json.dumps(fact, ensure_ascii=False)))
        self.conn.executemany(
            "INSERT INTO facts (article_id, kind, idx, start, end, record) VALUES (?,?,?,?,?,?)",
            rows)

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        return json.loads(row["record"]) if row else None

    def count(self, table: str = "articles") -> int:
        if table not in ("articles", "quotes", "entities", "facts", "sources"):
            raise ValueError(f"unknown table {table}")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def quotes(self, speaker: str | None = None, search: str | None = None,
               limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Quotes, optionally by speaker name (substring, any case) and full-text search."""
        sql = ("SELECT q.*, a.title, a.published FROM quotes q JOIN articles a "
               "ON a.id = q.article_id")
        where, params = [], []
        if search:
            sql += " JOIN quotes_fts f ON f.rowid = q.rowid"
            where.append("quotes_fts MATCH ?")
            params.append(_fts_query(search))
        if speaker:
            where.append("lower(q.speaker_name) LIKE ?")
            params.append(f"%{speaker.lower()}%")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published, q.article_id, q.start"
        if limit:
            sql += f" LIMIT {int(limit)}"
        for row in self.conn.execute(sql, params):
            out = dict(row)
            for key in ("content", "cue", "speaker_mention"):
                out[key] = json.loads(out[key])
            out["via"] = json.loads(out["via"]) if out.get("via") else None
            yield out


def _why(exc: sqlite3.Error) -> str:
    """SQLite's message, with the likely cause of the commonest one."""
    message = str(exc)
    if "unable to open" in message:
        return message + " (is it a directory, or is its folder missing or read-only?)"
    return message


def _fact_span(fact: dict[str, Any]) -> tuple[int | None, int | None]:
    if "start" in fact and "end" in fact:
        return fact["start"], fact["end"]
    for key in ("trigger", "sentence", "span"):
        span = fact.get(key)
        if isinstance(span, list | tuple) and len(span) == 2 and isinstance(span[0], int):
            return span[0], span[1]
    return None, None


def _fts_query(text: str) -> str:
    """Quote each word so user text is never parsed as FTS5 syntax."""
    words = [w.replace('"', '""') for w in text.split()]
    return " ".join(f'"{w}"' for w in words) or '""'
