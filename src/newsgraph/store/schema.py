"""The database schema, in one place, as an ordered list of migrations.

The version applied is kept in ``PRAGMA user_version``; opening a database applies every
migration it has not seen yet, in order, in one transaction each.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, their sources, entities, quotes with full-text search, and other facts.
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        title TEXT,
        url TEXT,
        published TEXT,
        published_evidence TEXT,
        status TEXT NOT NULL,
        text TEXT NOT NULL,
        record TEXT NOT NULL,          -- the whole output record as JSON
        analysed_at TEXT NOT NULL
    );
    CREATE TABLE sources (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        source TEXT NOT NULL,          -- JSON: path, line, WARC record id, ...
        UNIQUE (article_id, source)
    );
    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        label TEXT,
        role TEXT,
        organisation TEXT,
        mentions TEXT NOT NULL,        -- JSON list of [start, end]
        PRIMARY KEY (article_id, id)
    );
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        content TEXT NOT NULL,         -- JSON list of [start, end]
        cue TEXT NOT NULL,
        speaker_name TEXT,
        speaker_entity TEXT,
        speaker_mention TEXT NOT NULL,
        addressee TEXT,
        medium TEXT,
        rule TEXT,
        quote_text TEXT NOT NULL,
        PRIMARY KEY (article_id, id)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_name);
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        quote_text, speaker_name, content='quotes', content_rowid='rowid'
    );
    CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, quote_text, speaker_name)
        VALUES (new.rowid, new.quote_text, new.speaker_name);
    END;
    CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, quote_text, speaker_name)
        VALUES ('delete', old.rowid, old.quote_text, old.speaker_name);
    END;
    CREATE TABLE facts (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,            -- events, dates, places, quantities, votes, zones
        idx INTEGER NOT NULL,
        start INTEGER,
        end INTEGER,
        record TEXT NOT NULL,          -- JSON of the fact
        PRIMARY KEY (article_id, kind, idx)
    );
    CREATE INDEX facts_kind ON facts(kind);
    """,
    # 2: who reports a quote ("according to CNN"), as JSON {"name", "start", "end"}.
    """
    ALTER TABLE quotes ADD COLUMN via TEXT;
    """,
)


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Apply pending migrations; return the schema version now in force."""
    current = version(conn)
    if current > len(MIGRATIONS):
        raise RuntimeError(
            f"database schema version {current} is newer than this newsgraph "
            f"({len(MIGRATIONS)}); upgrade newsgraph"
        )
    for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
        conn.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")
    return version(conn)
