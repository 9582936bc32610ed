"""``newsgraph resolve``: corpus-level tables from a store the ``analyze`` command filled.

1. read every stored article's entity clusters, events and quotes;
2. resolve entities corpus-wide (:mod:`.entities`), keeping the evidence of each merge;
3. key each event's parties by corpus entity (else country and sector) and cluster the
   reports into events (:mod:`.events`); a near-duplicate article's reports are linked
   to the same reports of the article it copies, so a copy never makes a second event;
4. group repeated quotes (:mod:`.quotes`);
5. replace the corpus tables in one transaction, so a re-run gives the same tables.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .entities import CorpusEntity, Member, resolve_entities
from .events import GENERIC, EventCluster, Report, cluster_events
from .names import fold
from .quotes import QuoteGroup, QuoteRow, group_quotes

TABLES = """
DROP TABLE IF EXISTS corpus_entities; DROP TABLE IF EXISTS corpus_members;
DROP TABLE IF EXISTS corpus_evidence; DROP TABLE IF EXISTS event_clusters;
DROP TABLE IF EXISTS quote_groups;
CREATE TABLE corpus_entities (id TEXT PRIMARY KEY, label TEXT, name TEXT, articles INTEGER,
    ambiguous INTEGER);
CREATE TABLE corpus_members (corpus_id TEXT, article_id TEXT, entity_id TEXT, name TEXT,
    PRIMARY KEY (article_id, entity_id));
CREATE TABLE corpus_evidence (corpus_id TEXT, rule TEXT, a TEXT, b TEXT, score REAL);
CREATE TABLE event_clusters (cluster_id TEXT, type TEXT, article_id TEXT, idx INTEGER,
    earliest INTEGER, PRIMARY KEY (article_id, idx));
CREATE TABLE quote_groups (group_id TEXT, article_id TEXT, quote_id TEXT, earliest INTEGER,
    PRIMARY KEY (article_id, quote_id));
"""


@dataclass
class Resolution:
    entities: list[CorpusEntity]
    events: list[EventCluster]
    quotes: list[QuoteGroup]

    def line(self) -> str:
        people = [e for e in self.entities if e.label == "PERSON"]
        members = sum(len(e.members) for e in self.entities)
        reports = sum(len(c.reports) for c in self.events)
        multi = sum(len(c.articles) > 1 for c in self.events)
        return (f"resolved: {members} article entities into {len(self.entities)} corpus "
                f"entities ({len(people)} people); {reports} event reports into "
                f"{len(self.events)} events ({multi} reported by several articles); "
                f"{len(self.quotes)} quotes repeated across articles")


def resolve_store(path: str) -> Resolution:
    """Resolve the store at ``path`` and write its corpus tables."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        result = resolve(conn)
        write(conn, result)
    finally:
        conn.close()
    return result


def resolve(conn: sqlite3.Connection) -> Resolution:
    entities = resolve_entities(_members(conn))
    corpus_id = {(m.article_id, m.entity_id): e.id for e in entities for m in e.members}
    meta = _article_meta(conn)
    reports = list(_reports(conn, corpus_id, meta))
    quotes = group_quotes(_quotes(conn, corpus_id, meta))
    return Resolution(entities, cluster_events(_copy_dates(reports, meta)), quotes)


def _members(conn: sqlite3.Connection) -> Iterator[Member]:
    for r in conn.execute("SELECT article_id, id, name, label, role FROM entities "
                          "ORDER BY article_id, id"):
        yield Member(r["article_id"], r["id"], r["name"], r["label"] or "", r["role"])


def _article_meta(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    out = {}
    for r in conn.execute("SELECT id, published, record FROM articles"):
        meta = json.loads(r["record"]).get("meta") or {}
        out[r["id"]] = {"published": r["published"], "copy_of": meta.get("near_duplicate_of")}
    return out


def party_key(party: dict[str, Any], article_id: str, corpus_id: dict[tuple[str, str], str]
              ) -> str | None:
    """A party's corpus-wide key: its corpus entity ("per:12"), else its country and
    sector code ("code:IRNGOV"), else its sector alone ("sector:BUS", no one specific)."""
    entity = party.get("entity")
    if entity and (article_id, entity) in corpus_id:
        return corpus_id[(article_id, entity)]
    if party.get("country"):
        return f"code:{party['country']}{party.get('sector') or ''}"
    if party.get("sector"):
        return f"{GENERIC}{party['sector']}"
    return None


def _reports(conn: sqlite3.Connection, corpus_id: dict[tuple[str, str], str],
             meta: dict[str, dict[str, Any]]) -> Iterator[Report]:
    for r in conn.execute("SELECT article_id, idx, record FROM facts WHERE kind = 'events' "
                          "ORDER BY article_id, idx"):
        ev, aid = json.loads(r["record"]), r["article_id"]
        actors = {party_key(p, aid, corpus_id) for p in ev.get("actor") or []} - {None}
        recipients = {party_key(p, aid, corpus_id) for p in ev.get("recipient") or []} - {None}
        day = (ev.get("date") or meta.get(aid, {}).get("published") or "")[:10] or None
        yield Report(aid, r["idx"], ev.get("type", ""), frozenset(a for a in actors if a),
                     frozenset(x for x in recipients if x), day, _place(ev))


def _place(ev: dict[str, Any]) -> str | None:
    """The event's place name, folded: two reports naming different places are two events."""
    place = ev.get("place")
    return fold(place) if isinstance(place, str) and place else None


def _copy_dates(reports: list[Report], meta: dict[str, dict[str, Any]]) -> list[Report]:
    """A near copy's report is linked to the same report in the article it copies."""
    original: dict[tuple[str, str, frozenset[str], frozenset[str]], Report] = {}
    for r in reports:
        if not meta.get(r.article_id, {}).get("copy_of"):
            original.setdefault((r.article_id, r.type, r.actors, r.recipients), r)
    out = []
    for r in reports:
        source = meta.get(r.article_id, {}).get("copy_of")
        twin = original.get((source, r.type, r.actors, r.recipients)) if source else None
        out.append(r._replace(twin=(twin.article_id, twin.idx)) if twin else r)
    return out


def _quotes(conn: sqlite3.Connection, corpus_id: dict[tuple[str, str], str],
            meta: dict[str, dict[str, Any]]) -> Iterator[QuoteRow]:
    rows = conn.execute("SELECT q.article_id, q.id, q.content, q.speaker_entity, a.text "
                        "FROM quotes q JOIN articles a ON a.id = q.article_id "
                        "ORDER BY q.article_id, q.id")
    for r in rows:
        spans = json.loads(r["content"])
        text = " ".join(r["text"][s:e] for s, e in spans)
        speaker = corpus_id.get((r["article_id"], r["speaker_entity"] or ""))
        yield QuoteRow(r["article_id"], r["id"], text, speaker,
                       meta.get(r["article_id"], {}).get("published"))


def write(conn: sqlite3.Connection, result: Resolution) -> None:
    with conn:
        conn.executescript(TABLES)
        for e in result.entities:
            conn.execute("INSERT INTO corpus_entities VALUES (?, ?, ?, ?, ?)",
                         (e.id, e.label, e.name, len({m.article_id for m in e.members}),
                          int(e.ambiguous)))
            conn.executemany("INSERT OR REPLACE INTO corpus_members VALUES (?, ?, ?, ?)",
                             [(e.id, m.article_id, m.entity_id, m.name) for m in e.members])
            conn.executemany("INSERT INTO corpus_evidence VALUES (?, ?, ?, ?, ?)",
                             [(e.id, *ev) for ev in e.evidence])
        for c in result.events:
            first = c.earliest
            conn.executemany("INSERT OR REPLACE INTO event_clusters VALUES (?, ?, ?, ?, ?)",
                             [(c.id, c.type, r.article_id, r.idx, int(r == first))
                              for r in c.reports])
        for g in result.quotes:
            earliest = g.earliest
            conn.executemany("INSERT OR REPLACE INTO quote_groups VALUES (?, ?, ?, ?)",
                             [(g.id, q.article_id, q.quote_id, int(q == earliest))
                              for q in g.quotes])
