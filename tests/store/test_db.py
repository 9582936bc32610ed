"""Store: schema migration, replace-on-reanalysis, sources, quote search."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsgraph.store import Store
from newsgraph.store.schema import MIGRATIONS, migrate


def record(text: str = "“We will win,” Maria Lopez said.", source: str = "a.txt") -> dict[str, Any]:
    return {
        "id": "a1", "source": {"path": source}, "status": "ok", "title": None, "url": None,
        "published": {"value": "2022-09-15", "evidence": "test"}, "text": text,
        "entities": [{"id": "e1", "name": "Maria Lopez", "label": "PERSON", "role": None,
                      "organisation": None, "mentions": [[15, 26]]}],
        "quotes": [{"id": "q1", "type": "direct", "content": [[1, 12]], "cue": [[27, 31]],
                    "speaker": {"mention": [[15, 26]], "name": "Maria Lopez", "entity": "e1"},
                    "rule": "cue_after"}],
        "dates": [{"start": 0, "end": 3, "text": "x", "value": "2022"}],
    }


def test_new_database_is_migrated_to_latest(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        version = store.conn.execute("PRAGMA user_version").fetchone()[0]
        mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert version == len(MIGRATIONS)
    assert mode == "wal"


def test_reanalysis_replaces_facts_never_duplicates(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        store.save(record())
        store.save(record())
        assert store.count("quotes") == 1
        assert store.count("facts") == 1
        assert store.count("articles") == 1


def test_same_article_from_two_sources_keeps_both(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        store.save(record(source="a.txt"))
        store.save(record(source="b.txt"))
        assert store.count("sources") == 2


def test_quote_search_by_speaker_and_words(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        store.save(record())
        assert [q["id"] for q in store.quotes(speaker="lopez")] == ["q1"]
        assert [q["id"] for q in store.quotes(search="win")] == ["q1"]
        assert list(store.quotes(search="lose")) == []
        assert list(store.quotes(search='"unbalanced OR (')) == []  # user text is not syntax


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "n.db")
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(RuntimeError, match="newer"):
        migrate(conn)


def test_version_one_database_gains_the_via_column(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(f"BEGIN; {MIGRATIONS[0]}; PRAGMA user_version = 1; COMMIT;")
    conn.close()
    rec = record()
    rec["quotes"][0]["via"] = {"name": "CNN", "start": 0, "end": 3}
    with Store(path) as store:
        store.save(rec)
        via = store.conn.execute("SELECT via FROM quotes").fetchone()[0]
        version = store.conn.execute("PRAGMA user_version").fetchone()[0]
    assert version == len(MIGRATIONS) == 2
    assert json.loads(via)["name"] == "CNN"
