"""Ingestion benchmark: time to read and zone the BBC corpus, and its duplicate counts.

Prints figures; it is not a test. Ingestion + repair should add less than 10% to a full
analysis, so it also times bare spaCy on a sample of the same articles and prints the
ratio. Usage: ``python bench/ingest.py [--corpus PATH] [--spacy-sample N]``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsgraph.dedup import Deduplicator
from newsgraph.ingest import RawDocument, read_inputs
from newsgraph.stages import repair
from newsgraph.stages.zones import find_zones, glued_boundaries

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "corpus" / \
    "bbc.jsonl"
# Articles parsed with spaCy to estimate full-analysis time: enough for a stable per-word
# rate, few enough to finish in well under a minute on two shared cores.
SPACY_SAMPLE = 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--spacy-sample", type=int, default=SPACY_SAMPLE)
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus}")

    t0 = time.perf_counter()
    results = list(read_inputs([str(args.corpus)]))
    t_read = time.perf_counter() - t0
    docs = [r for r in results if isinstance(r, RawDocument)]
    chars = sum(len(d.text) for d in docs)
    print(f"read     {len(docs)} docs, {len(results) - len(docs)} errors, {chars:,} chars "
          f"in {t_read:.2f} s")

    t0 = time.perf_counter()
    kinds: dict[str, int] = {}
    glued = 0
    for doc in docs:
        paragraphs = repair.paragraphs(doc.text)
        marks = [m for lo, hi in paragraphs for m in repair.double_mark_roles(doc.text, lo, hi)]
        glued += len(repair.glued_boundaries(doc.text, marks)) + len(glued_boundaries(doc.text))
        for zone in find_zones(doc.text, paragraphs):
            kinds[zone["kind"]] = kinds.get(zone["kind"], 0) + 1
    t_zone = time.perf_counter() - t0
    print(f"repair+zones in {t_zone:.2f} s: {dict(sorted(kinds.items()))}, "
          f"{glued} glued boundaries")

    t_dedup = 0.0
    for include_title in (False, True):
        dedup = Deduplicator(include_title=include_title)
        t0 = time.perf_counter()
        for doc in docs:
            dedup.add(doc.text, doc.title)
        t_dedup = time.perf_counter() - t0
        key = "title+text" if include_title else "text"
        print(f"dedup    key={key:10} {dedup.counts} in {t_dedup:.2f} s")

    if args.spacy_sample > 0:
        spacy_ratio(docs[: args.spacy_sample], chars, t_read + t_zone, t_dedup)


def spacy_ratio(sample: list[RawDocument], total_chars: int, t_ours: float,
                t_dedup: float) -> None:
    """Time bare spaCy on a sample, scale to the corpus, print our share of the total."""
    from newsgraph import nlp

    model = nlp.load()
    model.pipe([d.text for d in sample[:5]])  # warm up
    t0 = time.perf_counter()
    for _ in model.pipe((d.text for d in sample), batch_size=32):
        pass
    t_sample = time.perf_counter() - t0
    sample_chars = sum(len(d.text) for d in sample)
    t_spacy = t_sample * total_chars / sample_chars
    print(f"spaCy    {len(sample)} docs in {t_sample:.2f} s -> ~{t_spacy:.0f} s for the corpus")
    print(f"read+repair+zones = {100 * t_ours / t_spacy:.1f}% of bare spaCy time, "
          f"{100 * (t_ours + t_dedup) / t_spacy:.1f}% with dedup "
          f"(budget: ingestion+repair < 10% of full analysis)")


if __name__ == "__main__":
    main()
