"""``newsgraph resolve`` on a store the CLI filled: corpus ids, clusters, quote groups."""

import json
import sqlite3
from pathlib import Path

from newsgraph.cli import main

STORY = ("Prime Minister Tony Blair said on Tuesday that Britain would impose sanctions on "
         "Zimbabwe. \"We will not accept any deal that ignores the people of Zimbabwe,\" "
         "Mr Blair said. His wife Cherie Blair visited a school in London.")
OTHER = ("Tony Blair met French President Jacques Chirac in Paris on Friday. Blair said the "
         "talks were useful. \"We will not accept any deal that ignores the people of "
         "Zimbabwe,\" he told reporters.")


def _store(tmp_path: Path) -> Path:
    rows = [{"title": "Blair on Zimbabwe", "text": STORY, "date": "2004-03-02"},
            {"title": "Blair threatens Zimbabwe",  # a near copy, filed a day later
             "text": STORY + " The weather in London was mild.", "date": "2004-03-03"},
            {"title": "Blair meets Chirac", "text": OTHER, "date": "2004-03-05"}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["analyze", str(src), "--db", str(db), "--quiet", "--language", "en"]) == 0
    return db


def test_resolve_fills_the_corpus_tables_and_is_repeatable(tmp_path: Path) -> None:
    db = _store(tmp_path)
    assert main(["resolve", "--db", str(db)]) == 0
    conn = sqlite3.connect(db)
    tables = [conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
              for t in ("corpus_entities", "corpus_members", "event_clusters", "quote_groups")]
    assert main(["resolve", "--db", str(db)]) == 0
    again = [conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
             for t in ("corpus_entities", "corpus_members", "event_clusters", "quote_groups")]
    assert tables == again


def test_one_tony_blair_across_articles_and_cherie_apart(tmp_path: Path) -> None:
    db = _store(tmp_path)
    main(["resolve", "--db", str(db)])
    conn = sqlite3.connect(db)
    ids = dict(conn.execute("SELECT name, corpus_id FROM corpus_members").fetchall())
    blair = {cid for name, cid in conn.execute("SELECT name, corpus_id FROM corpus_members")
             if "Tony" in name}
    assert len(blair) == 1
    assert ids["Cherie Blair"] not in blair
    assert conn.execute("SELECT COUNT(*) FROM corpus_evidence").fetchone()[0] > 0


def test_the_near_copy_makes_no_second_event(tmp_path: Path) -> None:
    db = _store(tmp_path)
    main(["resolve", "--db", str(db)])
    conn = sqlite3.connect(db)
    copies = [r[0] for r in conn.execute("SELECT id FROM articles WHERE json_extract(record, "
                                         "'$.meta.near_duplicate_of') IS NOT NULL")]
    assert len(copies) == 1
    original = conn.execute("SELECT json_extract(record, '$.meta.near_duplicate_of') FROM "
                            "articles WHERE id = ?", copies).fetchone()[0]
    clusters = conn.execute("SELECT cluster_id FROM event_clusters WHERE article_id = ?",
                            copies).fetchall()
    assert clusters  # the copy has events, and each is the original's event
    for (cid,) in clusters:
        articles = {r[0] for r in conn.execute(
            "SELECT article_id FROM event_clusters WHERE cluster_id = ?", (cid,))}
        assert original in articles


def test_the_repeated_quote_is_one_group_with_its_earliest_source(tmp_path: Path) -> None:
    db = _store(tmp_path)
    main(["resolve", "--db", str(db)])
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT group_id, article_id, earliest FROM quote_groups").fetchall()
    across = [g for g in {r[0] for r in rows} if len({r[1] for r in rows if r[0] == g}) == 3]
    assert len(across) == 1  # the direct quote all three articles carry
    assert sum(r[2] for r in rows if r[0] == across[0]) == 1


def test_resolve_without_a_store_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["resolve", "--db", str(tmp_path / "none.db")]) == 2
