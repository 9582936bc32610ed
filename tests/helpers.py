"""Shared test helpers (importable as `helpers`): where the evaluation data lives, and
running the stages on text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgraph.analyze import default_stages
from newsgraph.records import Article, Published

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, skipping the test with a clear message when absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"evaluation data not available at {path} (only CI and developers have it)")
    return path


def run_until(text: str, last: str = "quotes", published: str | None = None) -> Article:
    """Run the default stages up to and including ``last``, keeping the parse."""
    article = Article(text)
    if published:
        article.published = Published(published, "given by the test")
    for stage in default_stages():
        stage.process_batch([article])
        assert article.status == "ok", article.status
        if stage.name == last:
            break
    return article


def event_texts(text: str) -> list[dict[str, Any]]:
    """The events of a text with their actors and recipients as the words they cover."""
    events = run_until(text, "events").extra["events"]
    return [{"type": e["type"], "actor": [text[a["start"]:a["end"]] for a in e["actor"]],
             "recipient": [text[r["start"]:r["end"]] for r in e["recipient"]]} for e in events]
