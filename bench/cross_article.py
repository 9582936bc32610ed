"""Cross-article resolution on the BBC corpus: entities before and after, the merges, the
name pairs checked, duplicate articles and whether any event is counted twice.

    python bench/cross_article.py                  # all 2,225 articles (about 3 minutes)
    python bench/cross_article.py --articles 400 --db /tmp/bbc.db

It runs the real commands (``newsgraph analyze``, then ``newsgraph resolve``) and reads
the corpus tables they write. The pairs checked are in
``src/newsgraph/eval/data/bbc_name_pairs.tsv``.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.corpus.checks import (
    check_bare_surnames,
    check_pairs,
    name_spread,
    near_copy_events,
)
from newsgraph.eval.corpora import BBC


def write_input(corpus: Path, n: int, out: Path) -> int:
    rows = 0
    with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            row = json.loads(line)
            dst.write(json.dumps({"id": row["id"], "title": row["title"], "text": row["body"]})
                      + "\n")
            rows += 1
            if n and rows >= n:
                break
    return rows


def report(db: Path, inputs: int, seconds: float) -> None:
    conn = sqlite3.connect(db)
    one = conn.execute
    articles = one("SELECT COUNT(*) FROM articles").fetchone()[0]
    sources = one("SELECT COUNT(*) FROM sources").fetchone()[0]
    near = one("SELECT COUNT(*) FROM articles WHERE json_extract(record, "
               "'$.meta.near_duplicate_of') IS NOT NULL").fetchone()[0]
    members = one("SELECT COUNT(*) FROM corpus_members").fetchone()[0]
    entities = one("SELECT COUNT(*) FROM corpus_entities").fetchone()[0]
    people = one("SELECT COUNT(*) FROM corpus_entities WHERE label = 'PERSON'").fetchone()[0]
    merges = one("SELECT COUNT(*) FROM corpus_evidence").fetchone()[0]
    reports = one("SELECT COUNT(*) FROM event_clusters").fetchone()[0]
    events = one("SELECT COUNT(DISTINCT cluster_id) FROM event_clusters").fetchone()[0]
    print(f"{inputs} inputs -> {articles} articles ({inputs - articles} inputs were copies of "
          f"a stored text; {sources} sources kept; {near} near copies analysed) in "
          f"{seconds:.0f} s")
    print(f"entities: {members} article clusters -> {entities} corpus entities "
          f"({people} people), {merges} merges with evidence")
    copied, twice = near_copy_events(conn)
    exact_events = one("SELECT COUNT(*) FROM facts f JOIN sources s ON s.article_id = "
                       "f.article_id WHERE f.kind = 'events' GROUP BY f.article_id, f.idx "
                       "HAVING COUNT(*) > 1").fetchall()
    print(f"events: {reports} reports -> {events} events; exact copies: {sources - articles} "
          f"extra sources, {len(exact_events)} events of multi-source articles, each stored "
          f"once; near copies: {copied} reports repeating the article they copy, {twice} of "
          f"them counted as another event")
    print("pairs checked:")
    verdicts = check_pairs(conn)
    for v in verdicts:
        print(f"  {v.relation:9} {v.a!r:20} / {v.b!r:20} {v.verdict}")
    for v in (v for v in verdicts if v.verdict == "NOT merged"):
        spread = ", ".join(f"{person} {n}" for person, n in name_spread(conn, v.b))
        print(f"  {v.b!r} as written went to (articles): {spread}")
    print(f"same-person pairs merged {sum(v.ok for v in verdicts if v.relation == 'same')}/"
          f"{sum(v.relation == 'same' for v in verdicts)}, different people apart "
          f"{sum(v.ok for v in verdicts if v.relation == 'different')}/"
          f"{sum(v.relation == 'different' for v in verdicts)}")
    mentions = check_bare_surnames(conn)
    print("bare surnames read by hand, per article:")
    for m in mentions:
        print(f"  {m.article:14} {m.name!r:9} should be {m.person!r:18} went to "
              f"{m.went_to!r:18} {'ok' if m.ok else 'WRONG'}")
    print(f"bare surnames right {sum(m.ok for m in mentions)}/{len(mentions)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=0, help="first N rows (0: all)")
    ap.add_argument("--corpus", type=Path, default=BBC)
    ap.add_argument("--db", type=Path, help="keep the store here (default: a temporary one)")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus}")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        db = args.db or tmp / "bbc.db"
        data = tmp / "in.jsonl"
        n = write_input(args.corpus, args.articles, data)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "newsgraph", "analyze", str(data), "--db",
                        str(db), "--quiet", "--workers", str(args.workers)], check=True)
        subprocess.run([sys.executable, "-m", "newsgraph", "resolve", "--db", str(db)],
                       check=True)
        report(db, n, time.perf_counter() - t0)


if __name__ == "__main__":
    main()
