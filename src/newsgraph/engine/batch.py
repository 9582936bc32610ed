"""One batch analysed inside a spaCy memory zone and returned as plain records.

spaCy keeps every new word of every Doc in its shared Vocab and StringStore for ever, so
a long run grows without bound. ``nlp.memory_zone()`` (spaCy >= 3.8) frees what a block
added when the block ends, but anything made inside it (Doc, Token, Span, Lexeme) must not
be used afterwards. Hence, per batch:

1. enter the zone of the model the segment stage parses with;
2. run every stage and convert every article to its record (``Article.to_json``) inside;
3. drop the parse from every article before leaving, so no spaCy object outlives it;
4. outside, trim the lemmatizer's word cache, the one cache spaCy does not bound.

Used by both engines (``engine/local.py`` and ``engine/workers.py``)::

    records = analyse_batch(pipeline, articles)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from typing import Any

from ..pipeline import Pipeline
from ..records import Article

# The rule lemmatizer caches lemmas per (word, tag, morphology) in a plain dict that only
# grows; ~100k entries is a few tens of MiB and already covers the frequent words, so past
# this it is emptied (it refills with the common words within a batch or two).
LEMMA_CACHE_MAX = 100_000


def pipeline_nlp(pipeline: Pipeline) -> Any | None:
    """The spaCy Language the pipeline parses with (its segment stage's); None if none."""
    for stage in pipeline.stages:
        if stage.name == "segment":
            return getattr(stage, "nlp", None)
    return None


@contextmanager
def memory_zone(nlp: Any | None) -> Iterator[None]:
    """spaCy's memory zone of ``nlp``; nothing when there is no model or no zone (< 3.8)."""
    zone = nlp.memory_zone() if nlp is not None and hasattr(nlp, "memory_zone") else None
    with zone if zone is not None else nullcontext():
        yield


def release(articles: Sequence[Article]) -> None:
    """Drop every spaCy object an article holds (only the parse, ``doc``, is one)."""
    for article in articles:
        article.doc = None


def trim_caches(nlp: Any | None) -> None:
    """Empty a pipe's lemma cache once it is over LEMMA_CACHE_MAX entries."""
    if nlp is None:
        return
    for _, pipe in nlp.pipeline:
        cache = getattr(pipe, "cache", None)
        if isinstance(cache, dict) and len(cache) > LEMMA_CACHE_MAX:
            cache.clear()


def analyse_batch(pipeline: Pipeline, articles: Sequence[Article]) -> list[dict[str, Any]]:
    """Run the pipeline on a batch in a memory zone; the records, in order, as plain data."""
    nlp = pipeline_nlp(pipeline)
    with memory_zone(nlp):
        try:
            pipeline.run(articles)
            records = [article.to_json() for article in articles]
        finally:
            release(articles)  # still inside the zone: nothing of it is left to touch
    trim_caches(nlp)
    return records
