"""Gazetteer load time and memory, and the per-article cost of the dates and places stages.

1. loads the places gazetteer once in this fresh process and prints the wall time and the
   growth of resident memory (VmRSS) it caused;
2. over articles of ``../shared/data/corpus/bbc.jsonl`` (or given texts), times bare spaCy
   parsing and then the dates and places stages on the parsed articles, and prints each
   stage's time as a share of the parse time.

Usage: python bench/gazetteer.py [--articles N] [--corpus FILE] [--json]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from newsgraph.eval.corpora import BBC, bbc_texts

DEFAULT_CORPUS = BBC


def rss_mb() -> float:
    """Resident memory of this process in MiB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure_load() -> dict[str, float]:
    """Time and memory of the one-time gazetteer load (imports included)."""
    before, start = rss_mb(), time.perf_counter()
    from newsgraph.stages.places import gazetteer

    gaz = gazetteer()
    return {"load_s": round(time.perf_counter() - start, 2),
            "load_mb": round(rss_mb() - before, 1), "entries": len(gaz.entries),
            "names": len(gaz.index)}


def measure_stages(texts: list[str]) -> dict[str, Any]:
    """Seconds spent parsing (repair, segment, entities) and in the dates and places stages."""
    from newsgraph.analyze import default_stages
    from newsgraph.records import Article, Published
    from newsgraph.stages.dates import DatesStage
    from newsgraph.stages.places import PlacesStage

    articles = [Article(t, published=Published("2005-06-15", "bench")) for t in texts]
    base = [s for s in default_stages() if s.name in ("repair", "segment", "entities")]
    start = time.perf_counter()
    for stage in base:
        stage.process_batch(articles)
    parse = time.perf_counter() - start
    out: dict[str, Any] = {"articles": len(articles), "parse_s": round(parse, 2)}
    for stage in (DatesStage(), PlacesStage()):
        start = time.perf_counter()
        stage.process_batch(articles)
        spent = time.perf_counter() - start
        out[f"{stage.name}_s"] = round(spent, 3)
        out[f"{stage.name}_share_of_parse"] = round(spent / parse, 3) if parse else None
    out["failed"] = sum(a.status != "ok" for a in articles)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result: dict[str, Any] = measure_load()
    if args.corpus.exists():
        result.update(measure_stages(bbc_texts(args.corpus, args.articles)))
    else:
        result["stages"] = f"skipped: no corpus at {args.corpus}"
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>24}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
