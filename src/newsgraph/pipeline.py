"""Stages and the runner that checks their contracts.

A stage names what it ``requires`` from the article and what it ``assigns``. Before a run
the pipeline checks that every requirement is provided by the input or an earlier stage,
and names the stage that is not satisfied. While running, an exception in a stage becomes
the article's status (``failed: stage:<name> <message>``), never a crash of the whole run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from .records import Article

# Fields every Article has from the reader on.
INPUT_FIELDS = frozenset({"text", "source", "title", "url", "meta"})


class ContractError(ValueError):
    """A stage needs something that no earlier stage provides."""


class Stage:
    """A named step that reads some article fields and adds others."""

    name: ClassVar[str] = "stage"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    assigns: ClassVar[frozenset[str]] = frozenset()

    def process(self, article: Article) -> None:
        """Add this stage's fields to one article."""
        raise NotImplementedError

    def process_batch(self, articles: Sequence[Article]) -> None:
        """Process several articles; stages with a batched model override this."""
        for article in articles:
            if article.status == "ok":
                run_one(self, article)


def run_one(stage: Stage, article: Article) -> None:
    """Run a stage on one article, turning an exception into the article's status."""
    try:
        stage.process(article)
    except Exception as exc:  # noqa: BLE001 - errors are data, per article
        article.status = f"failed: stage:{stage.name} {type(exc).__name__}: {exc}"
        return
    missing = [f for f in stage.assigns if not article.has(f)]
    if missing:
        article.status = f"failed: stage:{stage.name} did not assign {', '.join(sorted(missing))}"


class Pipeline:
    """An ordered list of stages with a checked contract."""

    def __init__(self, stages: Iterable[Stage], provided: Iterable[str] = INPUT_FIELDS) -> None:
        self.stages = list(stages)
        self.check(provided)

    def check(self, provided: Iterable[str]) -> None:
        """Raise ContractError naming the first stage whose requirements are unmet."""
        have = set(provided)
        for stage in self.stages:
            missing = stage.requires - have
            if missing:
                raise ContractError(
                    f"stage '{stage.name}' requires {sorted(missing)}, "
                    f"which no earlier stage assigns (have: {sorted(have)})"
                )
            have |= stage.assigns

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, articles: Sequence[Article]) -> Sequence[Article]:
        """Run every stage over a batch; failed articles skip the remaining stages."""
        for stage in self.stages:
            stage.process_batch(articles)
        for article in articles:
            article.doc = None  # free the parse: it is large and never serialised
        return articles
