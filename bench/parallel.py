"""Throughput of local parallel runs: articles/s and words/s for 1 and N workers, and the
peak RSS of the largest process, on the first ``--articles`` BBC (or Reuters) articles.

    python bench/parallel.py --articles 600 --workers 1 2
    python bench/parallel.py --corpus reuters --articles 600   # Reuters-21578 stories

``--corpus`` is ``bbc`` (default), ``reuters`` (the first stories with a body, in file
order) or a JSON Lines file with ``title`` and ``body``.

Each run is the real command (``python -m newsgraph analyze ... --workers N``) into a
fresh store, timed by the wall clock; the model load is counted (a user waits for it too)
and included in every figure.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from articles import first, write_jsonl

from newsgraph.eval.corpora import BBC


def subset(corpus: Path, n: int, out: Path) -> tuple[int, int]:
    """The first n rows of a JSON Lines corpus; returns (articles, words)."""
    rows, words = 0, 0
    with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            row = json.loads(line)
            dst.write(json.dumps({"title": row.get("title"), "text": row["body"]}) + "\n")
            rows += 1
            words += len(row["body"].split())
            if rows >= n:
                break
    return rows, words


def prepare(corpus: str, n: int, out: Path) -> tuple[int, int]:
    """The first n articles of a named corpus (bbc, reuters) or a JSON Lines file."""
    if corpus in ("bbc", "reuters"):
        docs = first(corpus, n)
        return len(docs), write_jsonl(docs, out)
    return subset(Path(corpus), n, out)


def timed_run(data: Path, workers: int, tmp: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of the largest process of one run."""
    db = tmp / f"w{workers}.db"
    cmd = [sys.executable, "-m", "newsgraph", "analyze", str(data), "--db", str(db),
           "--quiet", "--format", "jsonl", "-o", str(tmp / f"w{workers}.jsonl"),
           "--workers", str(workers)]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--corpus", default=str(BBC),
                    help="bbc, reuters, or a JSON Lines file (default: BBC)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        data = tmp / "in.jsonl"
        n, words = prepare(args.corpus, args.articles, data)
        base = None
        for w in args.workers:
            wall, peak = timed_run(data, w, tmp)
            rate = n / wall
            base = base or rate
            print(f"workers={w}: {n} articles in {wall:6.1f} s = {rate:5.1f} articles/s, "
                  f"{words / wall:7.0f} words/s, x{rate / base:.2f} of the first; "
                  f"peak RSS so far {peak:.0f} MiB")


if __name__ == "__main__":
    main()
