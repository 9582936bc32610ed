"""Time every pipeline stage on BBC articles, and the events, votes and quantities stages
against the segmenter (bare spaCy): the budget of the stages after spaCy is a share of its
time (issue 2/5: the whole pipeline at >= 0.8 x bare ``nlp.pipe``).

CPU time per stage (``time.process_time``) after a warm-up on other articles, so lexicons,
gazetteers and caches are loaded outside the figures and machine load counts less.

Usage: python scripts/event_stage_timing.py [--articles N] [--corpus FILE]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsgraph.analyze import default_stages
from newsgraph.eval.corpora import BBC, bbc_texts
from newsgraph.records import Article

DEFAULT_CORPUS = BBC
# Articles used only to warm caches before timing.
WARM_ARTICLES = 8
OURS = ("events", "votes", "quantities")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}; pass --corpus", file=sys.stderr)
        return 2
    texts = bbc_texts(args.corpus, args.articles + WARM_ARTICLES)
    stages = default_stages()
    warm = [Article(t) for t in texts[args.articles:]]
    for stage in stages:
        stage.process_batch(warm)
    articles = [Article(t) for t in texts[:args.articles]]
    spent: dict[str, float] = {}
    for stage in stages:
        t0 = time.process_time()
        stage.process_batch(articles)
        spent[stage.name] = time.process_time() - t0
    n = len(articles)
    for name, seconds in spent.items():
        print(f"{name:<11} {seconds:7.3f} s  {1000 * seconds / n:6.2f} ms/article")
    ours = sum(spent.get(k, 0.0) for k in OURS)
    share = 100 * ours / spent["segment"] if spent.get("segment") else float("nan")
    print(f"events+votes+quantities {ours:.3f} s = {1000 * ours / n:.2f} ms/article "
          f"= {share:.1f}% of the segmenter's time")
    failed = [a.status for a in articles if a.status != "ok"]
    if failed:
        print(f"{len(failed)} articles failed: {failed[:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
