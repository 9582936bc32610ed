"""Checks of a resolved store: the name pairs a corpus must keep together or apart, and
events a near copy would count twice. Used by bench/cross_article.py and the tests."""

from __future__ import annotations

import json
import sqlite3
from importlib import resources
from typing import Any, NamedTuple


class PairVerdict(NamedTuple):
    relation: str  # "same" or "different"
    a: str
    b: str
    verdict: str  # merged / NOT merged / apart / MERGED / absent

    @property
    def ok(self) -> bool:
        return self.verdict in ("merged", "apart")


def name_pairs(name: str = "bbc_name_pairs.tsv") -> list[tuple[str, str, str]]:
    text = resources.files("newsgraph").joinpath("eval", "data", name).read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")]
    return [(r[0], r[1], r[2]) for r in rows[1:]]


def person_ids(conn: sqlite3.Connection, name: str) -> set[str]:
    """Corpus ids of the people written with this name (an ORG-tagged "Blair" is a tagging
    slip, not judged here)."""
    return {r[0] for r in conn.execute(
        "SELECT m.corpus_id FROM corpus_members m JOIN corpus_entities e ON e.id = "
        "m.corpus_id WHERE m.name = ? AND e.label = 'PERSON'", (name,))}


def check_pairs(conn: sqlite3.Connection) -> list[PairVerdict]:
    out = []
    for relation, a, b in name_pairs():
        ia, ib = person_ids(conn, a), person_ids(conn, b)
        if not ia or not ib:
            verdict = "absent"
        elif relation == "same":
            verdict = "merged" if ia == ib else "NOT merged"
        else:
            verdict = "MERGED" if ia & ib else "apart"
        out.append(PairVerdict(relation, a, b, verdict))
    return out


class MentionVerdict(NamedTuple):
    article: str  # the corpus's own id ("politics/389")
    name: str
    person: str  # whom it must be merged into; "-": none of the people named in full
    went_to: str  # the corpus person it was merged into, "(refused)" or "absent"

    @property
    def ok(self) -> bool:
        if self.person != "-":
            return self.went_to == self.person
        return self.went_to not in _named_bearers(self.name) and self.went_to != "absent"


def bare_surnames(name: str = "bbc_bare_surnames.tsv") -> list[tuple[str, str, str]]:
    return name_pairs(name)


def _named_bearers(surname: str) -> set[str]:
    """The people of the answer file who bear this surname."""
    return {p for _, n, p in bare_surnames() if n == surname and p != "-"}


def check_bare_surnames(conn: sqlite3.Connection) -> list[MentionVerdict]:
    """Where each hand-read bare surname went, per article (the input's own id)."""
    out = []
    for article, name, person in bare_surnames():
        rows = conn.execute(
            "SELECT e.name, e.ambiguous FROM corpus_members m JOIN corpus_entities e ON "
            "e.id = m.corpus_id JOIN sources s ON s.article_id = m.article_id WHERE m.name = ? "
            "AND e.label = 'PERSON' AND json_extract(s.source, '$.id') = ?",
            (name, article)).fetchall()
        went = "absent" if not rows else "(refused)" if rows[0][1] else rows[0][0]
        out.append(MentionVerdict(article, name, person, went))
    return out


def name_spread(conn: sqlite3.Connection, name: str) -> list[tuple[str, int]]:
    """Which corpus people the clusters written with this name went to, with how many
    articles each, most first; a refused bare surname is shown as "(refused)". A pair
    "NOT merged" may be right: "Brown" alone is not always Gordon Brown."""
    rows = conn.execute(
        "SELECT e.name, e.ambiguous, COUNT(DISTINCT m.article_id) FROM corpus_members m "
        "JOIN corpus_entities e ON e.id = m.corpus_id WHERE m.name = ? AND "
        "e.label = 'PERSON' GROUP BY e.id", (name,)).fetchall()
    spread = [("(refused)" if ambiguous else person, n) for person, ambiguous, n in rows]
    return sorted(spread, key=lambda r: (-r[1], r[0]))


def near_copy_events(conn: sqlite3.Connection) -> tuple[int, int]:
    """(reports in near copies that repeat a report of the article they copy, of which
    counted as another event). Exact copies are stored as sources only, with no events."""
    cluster = {(a, i): c for c, a, i in conn.execute(
        "SELECT cluster_id, article_id, idx FROM event_clusters")}
    copies = conn.execute("SELECT id, json_extract(record, '$.meta.near_duplicate_of') FROM "
                          "articles WHERE json_extract(record, '$.meta.near_duplicate_of') "
                          "IS NOT NULL").fetchall()
    seen = twice = 0
    for copy, original in copies:
        theirs: dict[tuple[str, str, str], set[str | None]] = {}
        for idx, rec in _events(conn, original):
            theirs.setdefault(_key(rec), set()).add(cluster.get((original, idx)))
        for idx, rec in _events(conn, copy):
            if _key(rec) in theirs:
                seen += 1
                twice += cluster.get((copy, idx)) not in theirs[_key(rec)]
    return seen, twice


def _events(conn: sqlite3.Connection, article: str) -> list[tuple[int, dict[str, Any]]]:
    return [(i, json.loads(r)) for i, r in conn.execute(
        "SELECT idx, record FROM facts WHERE kind = 'events' AND article_id = ?", (article,))]


def _names(parties: list[dict[str, Any]] | None) -> str:
    return "|".join(sorted(p.get("name") or "" for p in parties or []))


def _key(ev: dict[str, Any]) -> tuple[str, str, str]:
    return ev.get("type", ""), _names(ev.get("actor")), _names(ev.get("recipient"))
