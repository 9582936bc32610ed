"""The pages in a real browser: Debian's chromium driven by Playwright, against a server on
a free loopback port over a store built from hand-written records.

Skips with a clear message where chromium or playwright is missing; CI installs both.
Screenshots go to $NEWSGRAPH_ARTIFACTS (default: the test's temporary directory).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from apistore import EVIL, build

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

if not CHROMIUM.exists():
    pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} "
                "(apt-get install chromium; .ci/run does this)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="browser tests need the playwright package (dev extra)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from newsgraph.api.app import create_app

    db = build(tmp_path_factory.mktemp("web") / "web.db")
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    pg = browser.new_page(viewport={"width": 1300, "height": 900})
    pg.errors = []  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    assert pg.errors == [], pg.errors  # no script error on any page a test visited
    assert pg.dialogs == [], pg.dialogs  # nothing from an article ever ran
    pg.close()


@pytest.fixture()
def artifacts(tmp_path: Path) -> Path:
    out = Path(os.environ.get("NEWSGRAPH_ARTIFACTS", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    return out


def test_search_then_click_lands_on_the_highlighted_quote(server: str, page: Any,
                                                         artifacts: Path) -> None:
    page.goto(f"{server}/quotes")
    page.fill("input[name=q]", "bridge number 3")
    page.click("button[type=submit]")
    page.wait_for_url("**/quotes?q=bridge+number+3*")
    assert "1 quote" in page.inner_text("p.total")
    page.click("a.quote-text")
    page.wait_for_url("**/articles/a3#q-q1")
    target = page.locator("#q-q1")
    assert target.get_attribute("class") == "quote sp-0 focus"
    assert target.inner_text().startswith("We agreed on the bridge number 3")
    assert "Ana Roth (direct)" in (target.get_attribute("title") or "")
    assert page.locator("#article-text .event").count() == 1
    assert page.locator("#article-text .speaker").count() == 1
    page.screenshot(path=str(artifacts / "browser-reader.png"), full_page=True)


def test_the_network_draws_and_an_edge_lists_its_events(server: str, page: Any,
                                                       artifacts: Path) -> None:
    page.goto(f"{server}/network")
    page.wait_for_selector("svg#network line.edge", state="attached")
    assert page.locator("svg#network g.node").count() == 4
    page.locator('line.edge[data-source="AAA"]').dispatch_event("click")
    page.wait_for_selector("#edge-events li.edge-event")
    events = page.locator("#edge-events li.edge-event")
    assert events.count() == 7
    assert "CONSULT" in events.first.inner_text()
    assert events.first.locator("a").get_attribute("href") == "/articles/a0#ev-0"
    page.screenshot(path=str(artifacts / "browser-network.png"), full_page=True)


def test_the_date_slider_narrows_the_network_and_the_url(server: str, page: Any) -> None:
    page.goto(f"{server}/network")
    page.wait_for_selector("#slider:not([hidden])")
    page.eval_on_selector("#range-from", "el => { el.value = el.max - 1; "
                                         "el.dispatchEvent(new Event('input')); }")
    page.wait_for_url("**date_from=2024-01-16*")
    sync_api.expect(page.locator("#network-status")).to_contain_text("between 2024-01-16")
    assert page.locator("svg#network line.edge").count() == 2  # a6 and evil


def test_timeline_draws_bars(server: str, page: Any) -> None:
    page.goto(f"{server}/timeline?by=week")
    page.wait_for_selector("svg#timeline rect.bar")
    assert page.locator("svg#timeline rect.bar").count() >= 2


def test_an_article_full_of_injections_shows_them_as_text(server: str, page: Any,
                                                         artifacts: Path) -> None:
    for url in ("/articles", "/articles/evil", "/quotes?q=sum", "/entities/Zed%20Quill",
                "/timeline"):
        page.goto(server + url)
        assert page.locator("img").count() == 0, url
        assert page.locator("body script:not([src])").count() == 0, url
        assert EVIL[:25] in page.inner_text("main"), url
    page.goto(f"{server}/articles/evil")
    assert page.locator("#article-text .zone-caption").count() == 1
    assert page.locator("#article-text .date").count() == 1
    page.goto(f"{server}/network")
    page.wait_for_selector("svg#network line.edge", state="attached")
    page.locator('line.edge[data-target="ZZZ"]').dispatch_event("click")
    page.wait_for_selector("#edge-events li.edge-event")
    assert page.locator("svg image, svg script, #edge-events img").count() == 0
    assert "<script>" in (page.text_content("svg#network") or "")  # the label, as text
    page.screenshot(path=str(artifacts / "browser-injection.png"), full_page=True)
