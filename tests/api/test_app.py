"""The JSON API: filters, cursors, facets, network, limits, and hostile input."""

from __future__ import annotations

from typing import Any

import pytest
from apistore import EVIL
from fastapi.testclient import TestClient

from newsgraph.api import create_app


@pytest.fixture()
def client(db: str) -> TestClient:
    return TestClient(create_app(db))


def walk(client: TestClient, url: str, limit: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        page = client.get(url, params=params).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


def test_cursor_walk_returns_every_quote_once_and_the_total(client: TestClient) -> None:
    items = walk(client, "/api/quotes", 3)
    keys = [(q["article_id"], q["id"]) for q in items]
    assert len(keys) == len(set(keys)) == 8
    assert client.get("/api/quotes", params={"limit": 3}).json()["total"] == 8


def test_every_quote_row_carries_its_provenance(client: TestClient, db: str) -> None:
    for q in client.get("/api/quotes").json()["items"]:
        art = client.get(f"/api/articles/{q['article_id']}").json()
        assert art["text"][q["start"]:q["end"]] == q["text"]


def test_filters_by_speaker_date_and_words(client: TestClient) -> None:
    assert client.get("/api/quotes", params={"speaker": "zed"}).json()["total"] == 1
    got = client.get("/api/quotes", params={"date_from": "2024-01-12",
                                            "date_to": "2024-01-13"}).json()
    assert got["total"] == 2
    assert client.get("/api/quotes", params={"q": "bridge"}).json()["total"] == 7


def test_facets_count_speakers(client: TestClient) -> None:
    facets = client.get("/api/quotes/facets").json()
    assert "Ana Roth" in str(facets) and "7" in str(facets)


def test_a_meeting_of_two_actors_is_an_edge_between_their_countries(
        client: TestClient) -> None:
    net = client.get("/api/network").json()
    pairs = {frozenset((e["source"], e["target"])): e["count"] for e in net["edges"]}
    assert pairs == {frozenset(("AAA", "BBB")): 7, frozenset((EVIL, "ZZZ")): 1}
    window = client.get("/api/network", params={"date_from": "2024-01-15",
                                               "date_to": "2024-01-31"}).json()
    assert [e["count"] for e in window["edges"]] == [2]


def test_unknown_ids_bad_cursors_and_oversized_pages_are_clean_errors(
        client: TestClient) -> None:
    assert client.get("/api/articles/missing").status_code == 404
    assert client.get("/api/quotes", params={"cursor": "not-a-cursor"}).status_code == 400
    assert client.get("/api/quotes", params={"limit": 100000}).status_code == 422
    assert client.get("/api/quotes", params={"q": "x" * 5000}).status_code == 422
    assert client.post("/api/quotes").status_code in (405, 413)


@pytest.mark.parametrize("q", [EVIL, '"', "NEAR(", "*", "a OR b", "'; DROP TABLE quotes; --"])
def test_hostile_search_text_is_words_not_syntax(client: TestClient, q: str) -> None:
    response = client.get("/api/quotes", params={"q": q})
    assert response.status_code == 200
    assert client.get("/api/articles").json()["total"] == 8  # nothing dropped


def test_hostile_article_comes_back_intact_as_data(client: TestClient) -> None:
    art = client.get("/api/articles/evil").json()
    assert art["title"] == EVIL and EVIL in art["text"]
    assert client.get("/api/articles/evil").headers["content-type"].startswith(
        "application/json")
    assert "default-src 'self'" in client.get("/api/articles").headers[
        "content-security-policy"]


def test_export_endpoint_neutralises_formulas_in_csv(client: TestClient) -> None:
    body = client.get("/api/export/quotes", params={"format": "csv"}).text
    assert "'=SUM(A1:A9)" in body and ",=SUM" not in body
    assert client.get("/api/export/quotes", params={"format": "gdelt"}).status_code == 400
