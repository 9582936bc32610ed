"""Seasons are values, and a span the date rules cannot compute never fails the article."""

from typing import Any

import pytest

from newsgraph.analyze import build_pipeline
from newsgraph.options import Options
from newsgraph.records import Article, Published
from newsgraph.stages import dates


def _run(text: str, published: str | None = "2024-06-01") -> Article:
    article = Article(text)
    if published:
        article.published = Published(published, "given by the test")
    build_pipeline(Options()).run([article])
    return article


@pytest.mark.parametrize(("text", "value"), [
    ("The talks stalled in winter 2023, officials said.", "2023-WI"),
    ("Last summer the council met twice.", "2023-SU"),
    ("The plan was agreed in the spring of 2024.", "2024-SP"),
])
def test_season_values(text: str, value: str) -> None:
    article = _run(text)
    assert article.status == "ok"
    assert value in [d["value"] for d in article.extra["dates"]]


def test_season_then_relative_dates_still_ok() -> None:
    article = _run("In winter 2023 the council met. The next month it voted. Two weeks later "
                   "the mayor resigned.", published=None)
    assert article.status == "ok" and article.extra["dates"][0]["value"] == "2023-WI"


def test_a_span_that_raises_is_kept_without_value(monkeypatch: pytest.MonkeyPatch) -> None:
    real = dates.normalise

    def flaky(surface: str, *args: Any, **kwargs: Any) -> Any:
        if "winter" in surface.lower():
            raise ValueError("invalid isoformat string: '2023-WI'")
        return real(surface, *args, **kwargs)

    monkeypatch.setattr(dates, "normalise", flaky)
    article = _run("The talks stalled in winter 2023 and resumed on 3 March 2024.")
    assert article.status == "ok"
    found = {d["text"]: d for d in article.extra["dates"]}
    assert found["winter 2023"]["value"] is None
    assert found["winter 2023"]["rule"].startswith("failed: ValueError")
    assert found["3 March 2024"]["value"] == "2024-03-03"


@pytest.mark.parametrize("text", [
    "In winter 2023 the roads closed. The following week they reopened.",
    "Last winter the roads closed. The week after, they reopened.",
])
def test_a_week_after_a_season_does_not_fail_the_article(text: str) -> None:
    """Regression: "-WI" (winter) was read as an ISO week "-W.." and int("I") raised."""
    article = _run(text, published="2024-03-05")
    assert article.status == "ok"
    values = [d["value"] for d in article.extra["dates"]]
    assert values[0] == "2023-WI" and all(v and "-WI" not in v for v in values[1:])
