"""Parallel and resumable runs: N workers give the one-process records in the same order,
and a run killed with SIGKILL and re-run with --resume leaves the store an uninterrupted
run leaves."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newsgraph.cli import main
from newsgraph.engine.local import run
from newsgraph.ingest import read_inputs
from newsgraph.options import Options

NAMES = ["Ana Roth", "Ben Cole", "Cara Diaz", "Dev Patel", "Eva Berg", "Finn Holt"]


def _corpus(path: Path, n: int) -> Path:
    """n distinct short articles (and one exact copy) as JSON Lines."""
    rows = []
    for i in range(n):
        who = NAMES[i % len(NAMES)]
        rows.append({"text": f"Mayor {who} opened bridge number {i} on Monday.\n\n"
                             f"\u201cIt took {i + 2} years,\u201d {who.split()[1]} said."})
    rows.append(dict(rows[1]))
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _records(src: Path, **options: object) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    run(read_inputs([str(src)], None, 10**6), Options(store=False, progress=False,
                                                     **options),  # type: ignore[arg-type]
        on_record=out.append)
    return out


def test_two_workers_give_the_same_records_in_the_same_order(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in.jsonl", 9)
    one = _records(src, batch_size=2)
    two = _records(src, batch_size=2, workers=2)
    assert [r["id"] for r in two] == [r["id"] for r in one]
    assert [r.get("quotes") for r in two] == [r.get("quotes") for r in one]
    assert sum(1 for r in two if "duplicate_of" in r) == 1


def _dump(db: Path) -> list[tuple[object, ...]]:
    """Everything stored except when it was analysed."""
    conn = sqlite3.connect(db)
    rows: list[tuple[object, ...]] = []
    for table in ("sources", "entities", "quotes", "facts"):
        rows += [(table, *r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
    rows += [("articles", *r) for r in conn.execute(
        "SELECT id, title, published, status, text FROM articles ORDER BY id")]
    conn.close()
    return rows


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=1)
        n = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        conn.close()
        return n
    except sqlite3.Error:
        return 0


def test_a_run_killed_at_random_points_resumes_to_the_uninterrupted_store(
        tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in.jsonl", 14)
    whole = tmp_path / "whole.db"
    assert main(["analyze", str(src), "--db", str(whole), "--quiet", "--batch-size", "1",
                 "--format", "jsonl", "-o", os.devnull]) == 0
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "newsgraph", "analyze", str(src), "--db", str(db), "--quiet",
           "--batch-size", "1", "--resume", "--format", "jsonl", "-o", os.devnull]
    rng = random.Random(11)
    kills = 0
    for _ in range(3):  # several kills, each after a random number of stored articles
        before = _stored(db)
        target = before + rng.randint(1, 3)
        proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while proc.poll() is None and _stored(db) < target and time.monotonic() < deadline:
            time.sleep(0.01)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= 2, "the runs finished before they could be killed"
    assert 0 < _stored(db) < 14
    assert subprocess.run(cmd, stderr=subprocess.DEVNULL).returncode == 0
    assert _dump(db) == _dump(whole)
