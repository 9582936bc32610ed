"""The Dask engine on a local cluster of 2 worker processes: after ``load`` the store equals
the local engine's, the pipeline is built once per worker, and errors are clear."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsgraph.cli import EXIT_FAILED, EXIT_USAGE, main

pytest.importorskip("distributed")

ARTICLES = [
    {"title": "Bridge", "text": "\u201cWe will rebuild the bridge by spring,\u201d said Mayor "
                                "Anna Berg on Monday in Oslo."},
    {"title": "Road", "text": "The road reopens on Monday, Chief Engineer Lars Holm said."},
    {"title": "Vote", "text": "Parliament voted 120 to 45 on Tuesday to approve the budget, "
                              "Finance Minister Eva Lund told reporters in Bergen."},
    {"title": "Talks", "text": "\u201cThe talks were useful,\u201d President Sara Moe said in "
                               "Paris on 3 March 2024. Germany criticised the plan."},
    {"title": "Empty", "text": "   "},  # fails: no text
    {"title": "Port", "text": "The port of Tromso will close for two weeks in May, the "
                              "harbour authority said."},
]


# A wire story and its republished copy, re-titled, with one changed time: a near copy.
WIRE = ("The regional council in Tromso approved a new ferry timetable on Tuesday after "
        "months of complaints from island residents about late and cancelled crossings. "
        "Council leader Ingrid Dahl said the changes would add two morning departures and "
        "one late evening service from June, paid for by savings in the transport budget. "
        "Residents of Kvaloya and Ringvassoya had collected more than four thousand "
        "signatures asking for a more reliable service. The ferry operator said it would "
        "hire six more crew members before the summer season begins. ")
NEAR = [{"title": "Ferry", "text": WIRE + "The first new departure leaves at 6.15 am."},
        {"title": "Ferry times", "text": WIRE + "The first new departure leaves at 6.30 am."}]


def _corpus(path: Path) -> Path:
    # an exact duplicate and a near copy, each in another partition than its original
    rows = [NEAR[0], *ARTICLES, dict(ARTICLES[1]), NEAR[1]]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _dump(db: Path) -> list[tuple[object, ...]]:
    """Everything stored except when it was analysed."""
    conn = sqlite3.connect(db)
    rows: list[tuple[object, ...]] = []
    for table in ("sources", "entities", "quotes", "facts"):
        rows += sorted(((table, *r) for r in conn.execute(f"SELECT * FROM {table}")), key=repr)
    rows += [("articles", *r) for r in conn.execute(
        "SELECT id, title, url, published, status, text, record FROM articles ORDER BY id")]
    conn.close()
    return rows


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("dask")
    src = _corpus(tmp / "in.jsonl")
    local, dask = tmp / "local.db", tmp / "dask.db"
    common = ["--quiet", "--batch-size", "2", "--workers", "2"]
    assert main(["analyze", str(src), "--db", str(local), "--format", "jsonl", "-o",
                 str(tmp / "local.jsonl"), *common]) == EXIT_FAILED  # the empty article
    # Tiny partitions, so the copy and its original land in different partitions.
    import newsgraph.engine.parts as parts

    saved = parts.MIN_PARTITION_BYTES
    parts.MIN_PARTITION_BYTES = 1
    try:
        assert main(["analyze", str(src), "--engine", "dask", "--parts", str(tmp / "parts"),
                     "--format", "jsonl", "-o", str(tmp / "dask.jsonl"),
                     "--no-store", *common]) == EXIT_FAILED
    finally:
        parts.MIN_PARTITION_BYTES = saved
    assert main(["load", str(tmp / "parts"), "--db", str(dask)]) == 0
    return {"src": src, "local": local, "dask": dask, "parts": tmp / "parts", "tmp": tmp}


def test_store_after_load_equals_the_local_engines(runs: dict[str, Path]) -> None:
    local, dask = _dump(runs["local"]), _dump(runs["dask"])
    assert [r for r in dask if r[0] == "articles"] == [r for r in local if r[0] == "articles"]
    assert dask == local
    ids = {r[1] for r in local if r[0] == "articles"}
    assert len(ids) == 7  # 9 inputs: one empty (failed), one exact copy (another source)
    assert sum(1 for r in local if r[0] == "sources") == 8


def test_parts_are_hive_partitioned_with_provenance(runs: dict[str, Path]) -> None:
    import pyarrow.dataset as ds

    parts = runs["parts"]
    assert len(list((parts / "kind=articles").glob("part-*.parquet"))) > 1
    quotes = ds.dataset(parts / "kind=quotes", format="parquet").to_table().to_pylist()
    arts = ds.dataset(parts / "kind=articles", format="parquet").to_table().to_pylist()
    texts = {a["article_id"]: a["text"] for a in arts if a["text"] is not None}
    assert quotes and all(texts[q["article_id"]][q["start"]:q["end"]] == q["text"]
                          for q in quotes)
    statuses = [a["status"] for a in arts]
    assert sum(s.startswith("failed: empty") for s in statuses) == 1  # kept, not lost
    assert sum(a["duplicate_of"] is not None for a in arts) == 1


def test_analyze_with_db_loads_at_the_end(runs: dict[str, Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "auto.db"
    code = main(["analyze", str(runs["src"]), "--engine", "dask", "--db", str(db),
                 "--quiet", "--workers", "2", "--batch-size", "2"])
    assert code == EXIT_FAILED
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert line.startswith("analysed: 7 ok, 1 failed, 1 exact duplicate")
    assert _dump(db) == _dump(runs["local"])


def test_pipeline_is_loaded_once_per_worker(tmp_path: Path) -> None:
    from newsgraph.engine import dask_engine as de
    from newsgraph.engine.parts import Partition, prepare
    from newsgraph.options import Options

    src = _corpus(tmp_path / "in.jsonl")
    prepare(tmp_path / "parts")
    client, cluster = de.connect(None, 2)
    try:
        options = Options(batch_size=1, progress=False)
        tasks = [client.submit(de.analyse, Partition(i, str(src), "txt"), {}, options, {},
                               str(tmp_path / "parts"), pure=False) for i in range(8)]
        client.gather(tasks)
        reports = client.run(de.worker_report)
    finally:
        client.close()
        cluster.close()
    assert len(reports) == 2
    assert sorted(loads for _, loads in reports.values()) == [1, 1]
    assert len({pid for pid, _ in reports.values()}) == 2


def test_unreachable_scheduler_is_a_clear_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _corpus(tmp_path / "in.jsonl")
    code = main(["analyze", str(src), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
                 "--db", str(tmp_path / "x.db"), "--quiet"])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE
    assert "cannot reach the Dask scheduler" in err and "Traceback" not in err


def test_missing_dask_is_a_clear_usage_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if absent
    src = _corpus(tmp_path / "in.jsonl")
    code = main(["analyze", str(src), "--engine", "dask", "--db", str(tmp_path / "x.db"),
                 "--quiet"])
    assert code == EXIT_USAGE
    assert "needs dask[distributed]" in capsys.readouterr().err


def test_near_copies_are_marked_as_by_the_local_engine(runs: dict[str, Path]) -> None:
    """Regression: the Dask engine did not mark near copies at all."""
    marks = {}
    for name in ("local", "dask"):
        conn = sqlite3.connect(runs[name])
        marks[name] = conn.execute(
            "SELECT title, json_extract(record, '$.meta.near_duplicate_of') FROM articles "
            "WHERE json_extract(record, '$.meta.near_duplicate_of') IS NOT NULL").fetchall()
        conn.close()
    assert len(marks["local"]) == 1 and marks["local"][0][0] == "Ferry times"
    assert marks["dask"] == marks["local"]


def test_records_written_with_o_are_the_local_engines(runs: dict[str, Path]) -> None:
    """Regression: -o and --format were ignored with --engine dask."""
    def rows(name: str) -> list[dict[str, object]]:
        text = (runs["tmp"] / name).read_text(encoding="utf-8")
        return [json.loads(line) for line in text.splitlines()]

    local, dask = rows("local.jsonl"), rows("dask.jsonl")
    assert len(local) == 9 and [r.get("id") for r in dask] == [r.get("id") for r in local]
    assert dask == local

