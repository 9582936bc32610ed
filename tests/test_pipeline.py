"""The stage runner: contracts checked before a run, failures named per article."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import ContractError, Pipeline, Stage
from newsgraph.records import Article, article_id


class Adds(Stage):
    name = "adds"
    requires = frozenset({"text"})
    assigns = frozenset({"paragraphs"})

    def process(self, article: Article) -> None:
        article.paragraphs = [(0, len(article.text))]


class Needs(Stage):
    name = "needs"
    requires = frozenset({"paragraphs", "doc"})


class Breaks(Stage):
    name = "breaks"

    def process(self, article: Article) -> None:
        raise ValueError("bad input")


class Forgets(Stage):
    name = "forgets"
    assigns = frozenset({"quotes"})

    def process(self, article: Article) -> None:
        return None


def test_missing_requirement_names_the_stage() -> None:
    with pytest.raises(ContractError, match="'needs' requires \\['doc'\\]"):
        Pipeline([Adds(), Needs()])


def test_exception_becomes_article_status_naming_the_stage() -> None:
    articles = [Article("one"), Article("two")]
    Pipeline([Breaks(), Adds()]).run(articles)
    assert all(a.status.startswith("failed: stage:breaks ValueError") for a in articles)
    assert articles[0].paragraphs is None  # later stages skip a failed article


def test_stage_that_does_not_assign_fails_the_article() -> None:
    article = Article("x")
    Pipeline([Forgets()]).run([article])
    assert article.status == "failed: stage:forgets did not assign quotes"


def test_ids_are_deterministic_and_text_is_immutable() -> None:
    a, b = Article("same text"), Article("same text")
    assert a.id == b.id == article_id("same text")
    with pytest.raises(AttributeError):
        a.text = "other"  # type: ignore[misc]
