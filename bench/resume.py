"""Resuming after a crash: kill ``newsgraph analyze --resume`` halfway with SIGKILL, run it
again, and time how long the re-run takes to analyse its first new article.

    python bench/resume.py --articles 100 --workers 1
    python bench/resume.py --corpus reuters --articles 2000 --workers 2

Both runs are the real command into the same store. The store's article count is polled:
the first run is killed (its whole process group, workers too) once half the articles
are stored; the re-run's overhead is the time from its start until the count grows past
what the first run left (model load and skipping the stored articles included), printed
beside the first run's own time to its first article for comparison, and the re-run's
total time.
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from articles import CORPORA, first, write_jsonl

# Seconds between looks at the store: small against a batch (~1-3 s), cheap for SQLite.
POLL_SECONDS = 0.05
# The first run is killed once this share of the articles is stored.
KILL_AT = 0.5


def stored(db: Path) -> int:
    """Articles in the store (0 before the run has created it)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def command(data: Path, db: Path, out: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "newsgraph", "analyze", str(data), "--db", str(db),
            "--resume", "--quiet", "--format", "jsonl", "-o", str(out),
            "--workers", str(workers)]


def start(cmd: list[str]) -> subprocess.Popen[bytes]:
    """The command in a session of its own, so a kill reaches its workers too."""
    return subprocess.Popen(cmd, stderr=subprocess.DEVNULL, start_new_session=True)


def wait_for(db: Path, proc: subprocess.Popen[bytes], above: int) -> int | None:
    """Poll until the store holds more than ``above`` articles; the count, or None if the
    process ended first."""
    while proc.poll() is None:
        count = stored(db)
        if count > above:
            return count
        time.sleep(POLL_SECONDS)
    return None


def killed_run(cmd: list[str], db: Path, n: int) -> tuple[float, int]:
    """Run until KILL_AT of ``n`` is stored, then SIGKILL; (seconds to first, stored)."""
    t0 = time.perf_counter()
    proc = start(cmd)
    if wait_for(db, proc, 0) is None:
        raise SystemExit("the first run ended before storing anything")
    to_first = time.perf_counter() - t0
    if wait_for(db, proc, int(n * KILL_AT) - 1) is None:
        raise SystemExit("the first run finished before it could be killed; use more articles")
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return to_first, stored(db)


def rerun(cmd: list[str], db: Path, left: int) -> tuple[float, float]:
    """(seconds until the first new article is stored, total seconds) of the re-run."""
    t0 = time.perf_counter()
    proc = start(cmd)
    first_new = wait_for(db, proc, left)
    overhead = time.perf_counter() - t0
    if proc.wait() != 0:
        raise SystemExit(f"the re-run failed with exit code {proc.returncode}")
    total = time.perf_counter() - t0
    return (overhead if first_new is not None else total), total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--corpus", choices=CORPORA, default="bbc")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        data, db = tmp / "in.jsonl", tmp / "resume.db"
        write_jsonl(first(args.corpus, args.articles), data)
        first_s, left = killed_run(command(data, db, tmp / "1.jsonl", args.workers), db,
                                   args.articles)
        print(f"first run: first article stored after {first_s:.1f} s; SIGKILL with "
              f"{left} of {args.articles} articles stored")
        overhead, total = rerun(command(data, db, tmp / "2.jsonl", args.workers), db, left)
        print(f"re-run --resume: first new article stored after {overhead:.1f} s "
              f"(resume overhead; a fresh start took {first_s:.1f} s), total {total:.1f} s, "
              f"{stored(db)} articles stored")


if __name__ == "__main__":
    main()
