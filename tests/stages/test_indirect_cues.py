"""Indirect attributions hang on verbs of saying, not on any verb with an object."""

import pytest

from newsgraph.analyze import build_pipeline
from newsgraph.records import Article


def _contents(text: str) -> list[str]:
    article = Article(text)
    build_pipeline(None).run([article])
    return [article.text[s:e] for q in article.quotes or [] for s, e in q.content]


@pytest.mark.parametrize("text", [
    "Police recorded three burglaries in the town last month.",
    "The navy fired two missiles at the abandoned platform.",
    "The army launched a new offensive in the east on Monday.",
    "The two mayors signed a friendship agreement in the old town hall.",
    "The minister saw the prime minister in Paris last week.",
    "A spokesman for the ministry declined to comment.",
    "A spokesman declined to comment further on the talks.",
    "The president did not mention the sanctions in his speech.",
    "The governor has yet to comment on the flooding in the north.",
])
def test_no_attribution(text: str) -> None:
    assert _contents(text) == []


@pytest.mark.parametrize(("text", "content"), [
    ("He declined to say whether the talks would resume next week.",
     "to say whether the talks would resume next week"),
    ("The opposition leader blamed the government for the shortages.",
     "the government for the shortages"),
    ("The minister said the talks would resume next week.", "the talks would resume next week"),
])
def test_attribution_kept(text: str, content: str) -> None:
    assert _contents(text) == [content]
