"""Throughput: the full newsgraph pipeline against bare ``nlp.pipe`` with the same model.

Both run over the same articles of ``../shared/data/corpus/bbc.jsonl`` in one process, in
alternating order (bare, full, bare, full) so that machine load affects both alike; the
script prints words/s for each and their ratio (target: full >= 0.8 x bare).

Usage: python bench/throughput.py [--articles N] [--rounds R] [--corpus FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from newsgraph.analyze import build_pipeline
from newsgraph.nlp import load
from newsgraph.records import Article

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "bbc.jsonl"


def read_corpus(path: Path, n: int) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            texts.append(f"{row.get('title', '')}\n\n{row['body']}")
            if len(texts) >= n:
                break
    return texts


def bare(texts: list[str], batch: int) -> float:
    nlp = load()
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch):
        pass
    return time.perf_counter() - t0


def full(texts: list[str], batch: int) -> tuple[float, int]:
    pipeline = build_pipeline()
    t0 = time.perf_counter()
    failed = 0
    for i in range(0, len(texts), batch):
        articles = [Article(t) for t in texts[i:i + batch]]
        pipeline.run(articles)
        failed += sum(a.status != "ok" for a in articles)
    return time.perf_counter() - t0, failed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}; pass --corpus", file=sys.stderr)
        return 2
    texts = read_corpus(args.corpus, args.articles)
    words = sum(len(t.split()) for t in texts)
    load()
    full(texts[:8], args.batch)  # warm up lexicons and gazetteers once, outside the timing
    bare_times: list[float] = []
    full_times: list[float] = []
    failed = 0
    for _ in range(args.rounds):
        bare_times.append(bare(texts, args.batch))
        dt_full, failed = full(texts, args.batch)
        full_times.append(dt_full)
    # The best round of each is the least disturbed by other work on the machine (as timeit
    # reports); the mean is printed too, so a noisy run shows itself.
    wps_bare, wps_full = words / min(bare_times), words / min(full_times)
    mean_ratio = sum(bare_times) / sum(full_times)
    print(f"articles {len(texts)}, words {words}, rounds {args.rounds}, failed {failed}")
    print(f"bare nlp.pipe  {wps_bare:9.0f} words/s (best round)")
    print(f"full pipeline  {wps_full:9.0f} words/s (best round)")
    print(f"ratio full/bare {wps_full / wps_bare:.3f} best rounds, {mean_ratio:.3f} mean "
          "(target >= 0.8)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
