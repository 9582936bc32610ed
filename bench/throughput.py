"""Throughput: the full newsgraph pipeline against bare ``nlp.pipe`` with the same model.

Both run over the same articles of ``../shared/data/corpus/bbc.jsonl`` in one process,
chunk by chunk, taking turns at going first so that machine load affects both alike; the
script prints words/s (wall clock and CPU) for each and their ratio (target: full >= 0.8 x
bare). The CPU ratio is the figure to quote: other processes do not count against it.

Usage: python bench/throughput.py [--articles N] [--rounds R] [--chunk C] [--corpus FILE]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsgraph.analyze import build_pipeline
from newsgraph.eval.corpora import BBC, bbc_texts
from newsgraph.nlp import load
from newsgraph.records import Article

DEFAULT_CORPUS = BBC


def bare(texts: list[str], batch: int) -> tuple[float, float]:
    """(wall, CPU) seconds for bare nlp.pipe over the texts."""
    nlp = load()
    w0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch):
        pass
    return time.perf_counter() - w0, time.process_time() - c0


def full(texts: list[str], batch: int) -> tuple[float, float, int]:
    """(wall, CPU) seconds for the whole newsgraph pipeline, and how many articles failed."""
    pipeline = build_pipeline()
    w0, c0 = time.perf_counter(), time.process_time()
    failed = 0
    for i in range(0, len(texts), batch):
        articles = [Article(t) for t in texts[i:i + batch]]
        pipeline.run(articles)
        failed += sum(a.status != "ok" for a in articles)
    return time.perf_counter() - w0, time.process_time() - c0, failed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=2, help="passes over the articles")
    ap.add_argument("--chunk", type=int, default=50,
                    help="articles timed bare then full in turn (default: %(default)s)")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}; pass --corpus", file=sys.stderr)
        return 2
    texts = bbc_texts(args.corpus, args.articles)
    words = sum(len(t.split()) for t in texts)
    load()
    full(texts[:8], args.batch)  # warm up lexicons and gazetteers once, outside the timing
    totals = {"bare_wall": 0.0, "bare_cpu": 0.0, "full_wall": 0.0, "full_cpu": 0.0}
    ratios: list[float] = []
    failed = 0
    for r in range(args.rounds):
        for i in range(0, len(texts), args.chunk):
            chunk = texts[i:i + args.chunk]
            # Alternate which side goes first, so drift in machine load hits both alike.
            order = ("bare", "full") if (r + i // args.chunk) % 2 == 0 else ("full", "bare")
            got: dict[str, tuple[float, float]] = {}
            for side in order:
                if side == "bare":
                    got["bare"] = bare(chunk, args.batch)
                else:
                    wall, cpu, n_failed = full(chunk, args.batch)
                    got["full"] = (wall, cpu)
                    failed += n_failed
            totals["bare_wall"] += got["bare"][0]
            totals["bare_cpu"] += got["bare"][1]
            totals["full_wall"] += got["full"][0]
            totals["full_cpu"] += got["full"][1]
            ratios.append(got["bare"][1] / got["full"][1])
    n_words = words * args.rounds
    ratios.sort()
    print(f"articles {len(texts)}, words {words}, rounds {args.rounds}, chunks of {args.chunk}, "
          f"failed {failed}")
    print(f"bare nlp.pipe  {n_words / totals['bare_wall']:9.0f} words/s wall, "
          f"{n_words / totals['bare_cpu']:9.0f} words/CPU-s")
    print(f"full pipeline  {n_words / totals['full_wall']:9.0f} words/s wall, "
          f"{n_words / totals['full_cpu']:9.0f} words/CPU-s")
    # CPU time is what this process itself spent, so other work on the machine does not
    # count against either side; the median of per-chunk ratios resists outliers.
    print(f"ratio full/bare {totals['bare_cpu'] / totals['full_cpu']:.3f} CPU, "
          f"{totals['bare_wall'] / totals['full_wall']:.3f} wall, "
          f"{ratios[len(ratios) // 2]:.3f} median chunk (target >= 0.8)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
