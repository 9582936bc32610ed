"""Take the README's screenshots: serve a store, open the reader and the network in
Debian's chromium (Playwright), and save PNGs.

    python scripts/screenshots.py --db newsgraph.db --out docs/screenshots

The reader shows the article with the most facts; the network shows every event.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from newsgraph.api.app import create_app
from newsgraph.store import query as Q

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1400, "height": 900}  # wide enough for the reader's fact column


def _serve(db: str) -> tuple[uvicorn.Server, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def _richest_article(db: str) -> str:
    conn = Q.connect(db)
    rows = Q.list_articles(conn, limit=Q.MAX_PAGE).items
    return str(max(rows, key=lambda r: (r["quotes"] + r["events"], r["id"]))["id"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="newsgraph.db")
    ap.add_argument("--out", default="docs/screenshots", type=Path)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server, base = _serve(args.db)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(f"{base}/articles/{_richest_article(args.db)}")
        page.screenshot(path=str(args.out / "reader.png"))
        page.goto(f"{base}/network")
        page.wait_for_selector("svg#network line.edge", state="attached")
        page.locator("svg#network line.edge").first.dispatch_event("click")
        page.wait_for_selector("#edge-events li.edge-event")
        page.screenshot(path=str(args.out / "network.png"))
        browser.close()
    server.should_exit = True
    print(f"wrote {args.out / 'reader.png'} and {args.out / 'network.png'}")


if __name__ == "__main__":
    main()
