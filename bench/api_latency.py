"""API latency on a large store: p50 and p95 of quote search and the actor network.

    python bench/api_latency.py                      # 20,000 articles, 200 requests each
    python bench/api_latency.py --articles 5000 --requests 100

1. analyse the BBC corpus into a base store (``out/bench-bbc.db``, reused when present);
2. copy it and replicate its articles with new ids until the store holds ``--articles``,
   giving each copy a publication date spread over two years (BBC rows have none), so
   date filters and the network's date range select real subsets;
3. serve the copy with uvicorn on a free loopback port and time real HTTP requests
   (keep-alive client) with queries drawn at random from the store's own words, speakers
   and date windows;
4. print p50 / p95 / max per endpoint, and the first (cold) network call on its own: it
   builds the in-process event index that later calls reuse.
"""

from __future__ import annotations

import argparse
import random
import shutil
import socket
import sqlite3
import statistics
import sys
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import httpx
import uvicorn

from newsgraph.api.app import create_app
from newsgraph.cli import main as cli_main
from newsgraph.eval.corpora import BBC

OUT = Path("out")
SPAN_DAYS = 730  # copies' dates spread over two years, so a 30-day window is a real subset
FIRST_DAY = date(2023, 1, 1)
TABLES = ("articles", "sources", "entities", "quotes", "facts")


def base_store(path: Path, corpus: Path) -> Path:
    """The analysed BBC corpus, made once and reused."""
    if not path.exists():
        print(f"analysing {corpus} into {path} (once) ...", file=sys.stderr)
        code = cli_main(["analyze", str(corpus), "--text-key", "body", "--db", str(path),
                         "--quiet"])
        if code not in (0, 1):
            raise SystemExit(f"analysis failed with exit code {code}")
    return path


def replicate(base: Path, target: Path, articles: int) -> int:
    """Copy ``base`` to ``target`` and add copies of its articles under new ids."""
    shutil.copy(base, target)
    conn = sqlite3.connect(target)
    originals = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    cols = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in TABLES}
    copy = 0
    with conn:
        conn.execute("UPDATE articles SET published = ? WHERE published IS NULL",
                     (FIRST_DAY.isoformat(),))
        while conn.execute("SELECT count(*) FROM articles").fetchone()[0] < articles:
            copy += 1
            need = articles - conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            ids = originals[:need]
            for i, aid in enumerate(ids):
                day = FIRST_DAY + timedelta(days=(copy * 97 + i * 13) % SPAN_DAYS)
                _copy_article(conn, cols, aid, f"{aid}~{copy}", day.isoformat())
    count = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    conn.close()
    return count


def _copy_article(conn: sqlite3.Connection, cols: dict[str, list[str]], aid: str,
                  new: str, day: str) -> None:
    """One article and all its rows under id ``new``, published on ``day``."""
    for table in TABLES:
        key = "id" if table == "articles" else "article_id"
        swap = {key: new, "published": day} if table == "articles" else {key: new}
        select = ", ".join("?" if c in swap else c for c in cols[table])
        params = [swap[c] for c in cols[table] if c in swap]
        conn.execute(f"INSERT INTO {table} ({', '.join(cols[table])}) SELECT {select} "
                     f"FROM {table} WHERE {key} = ?", [*params, aid])


def serve(db: Path) -> tuple[uvicorn.Server, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning", access_log=False))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def samples(db: Path, rng: random.Random) -> tuple[list[str], list[str]]:
    """Words that occur in quotes, and speakers' surnames, to search for."""
    conn = sqlite3.connect(db)
    texts = [r[0] for r in conn.execute("SELECT quote_text FROM quotes ORDER BY random() "
                                        "LIMIT 2000")]
    names = [r[0] for r in conn.execute("SELECT speaker_name FROM quotes WHERE "
                                        "speaker_name LIKE '% %' GROUP BY speaker_name")]
    conn.close()
    words = [w for t in texts for w in t.split() if w.isalpha() and len(w) > 4]
    return rng.sample(words, min(500, len(words))), [n.split()[-1] for n in names]


def window(rng: random.Random, days: int = 30) -> dict[str, str]:
    start = FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS - days))
    return {"date_from": start.isoformat(),
            "date_to": (start + timedelta(days=days)).isoformat()}


def timed(client: httpx.Client, url: str, params: dict[str, str]) -> float:
    t0 = time.perf_counter()
    r = client.get(url, params=params)
    elapsed = (time.perf_counter() - t0) * 1000
    if r.status_code != 200:
        raise SystemExit(f"{url} {params} -> {r.status_code}: {r.text[:200]}")
    return elapsed


def report(name: str, times: list[float]) -> None:
    qs = statistics.quantiles(times, n=100)
    print(f"{name:34s} n={len(times):4d}  p50 {qs[49]:7.1f} ms  p95 {qs[94]:7.1f} ms  "
          f"max {max(times):7.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--corpus", type=Path, default=BBC)
    ap.add_argument("--base", type=Path, default=OUT / "bench-bbc.db")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    base = base_store(args.base, args.corpus)
    target = OUT / f"bench-{args.articles}.db"
    t0 = time.perf_counter()
    count = replicate(base, target, args.articles)
    conn = sqlite3.connect(target)
    quotes, events = (conn.execute(f"SELECT count(*) FROM {t}{w}").fetchone()[0] for t, w in
                      (("quotes", ""), ("facts", " WHERE kind = 'events'")))
    conn.close()
    print(f"store: {count} articles, {quotes} quotes, {events} events "
          f"(built in {time.perf_counter() - t0:.0f} s)")
    rng = random.Random(args.seed)
    words, surnames = samples(target, rng)
    server, url = serve(target)
    cases: list[tuple[str, str, Callable[[], dict[str, str]]]] = [
        ("quotes ?q=<word>", "/api/quotes", lambda: {"q": rng.choice(words)}),
        ("quotes ?speaker=<surname>", "/api/quotes", lambda: {"speaker": rng.choice(surnames)}),
        ("quotes ?q=<word>&<30-day window>", "/api/quotes",
         lambda: {"q": rng.choice(words), **window(rng)}),
        ("network (all dates)", "/api/network", lambda: {}),
        ("network <30-day window>", "/api/network", lambda: window(rng)),
        ("network level=actor <90-day window>", "/api/network",
         lambda: {"level": "actor", **window(rng, 90)}),
    ]
    with httpx.Client(timeout=60) as client:
        cold = timed(client, f"{url}/api/network", {})
        print(f"{'network, first call (cold index)':34s} {cold:7.1f} ms")
        for name, path, params in cases:
            report(name, [timed(client, url + path, params()) for _ in range(args.requests)])
    server.should_exit = True


if __name__ == "__main__":
    main()
