"""Throughput of the Dask engine on a local cluster vs the local engine with as many
workers: articles/s and words/s on the first ``--articles`` BBC articles.

    python bench/dask_engine.py --articles 300 --workers 2

Each run is the real command (``python -m newsgraph analyze ...``) into a fresh store,
timed by the wall clock, model loads, cluster start-up and (for Dask) the load of the
Parquet parts into the store included: a user waits for all of them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from parallel import subset

from newsgraph.eval.corpora import BBC

# Share of the local engine's throughput the Dask engine should reach (issue 12, item 3).
TARGET = 0.85


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def commands(data: Path, workers: int, tmp: Path) -> dict[str, list[str]]:
    base = [sys.executable, "-m", "newsgraph", "analyze", str(data), "--quiet",
            "--workers", str(workers)]
    return {
        "local": [*base, "--db", str(tmp / "local.db"), "--format", "jsonl",
                  "-o", str(tmp / "local.jsonl")],
        "dask": [*base, "--db", str(tmp / "dask.db"), "--engine", "dask",
                 "--parts", str(tmp / "parts")],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--corpus", type=Path, default=BBC)
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"corpus not available at {args.corpus}")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        data = tmp / "in.jsonl"
        n, words = subset(args.corpus, args.articles, data)
        rates = {}
        for engine, cmd in commands(data, args.workers, tmp).items():
            wall = timed(cmd)
            rates[engine] = n / wall
            print(f"{engine:>5} engine, {args.workers} workers: {n} articles in {wall:6.1f} s "
                  f"= {n / wall:5.2f} articles/s, {words / wall:7.0f} words/s")
        ratio = rates["dask"] / rates["local"]
        print(f"dask / local = x{ratio:.2f} (target x{TARGET:.2f}: "
              f"{'met' if ratio >= TARGET else 'not met'})")


if __name__ == "__main__":
    main()
