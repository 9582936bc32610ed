"""A batch analysed inside spaCy's memory zone: complete plain records, equal to a run
without the zone, and no spaCy object left on the articles."""

from __future__ import annotations

from typing import Any

from newsgraph.analyze import build_pipeline
from newsgraph.engine.batch import analyse_batch, pipeline_nlp
from newsgraph.records import Article, Published

# Hand-written: quotes, people, places, dates and numbers.
TEXTS = [
    "“We will rebuild the new bridge by spring,” said Mayor Anna Berg on Monday.\n\n"
    "The council in Bergen voted 7 to 2 to spend 3 million euros on it, she said.",
    "Prime Minister Olav Lund told reporters in Oslo that talks with Sweden would resume "
    "next week. “Nothing is agreed,” he said. About 1,200 workers went on strike in May.",
]
PLAIN = (str, int, float, bool, type(None))


def articles() -> list[Article]:
    out = []
    for i, text in enumerate(TEXTS):
        article = Article(text, source={"path": f"t{i}.txt"})
        article.published = Published("2024-03-04", "given by the test")
        out.append(article)
    return out


def spacy_objects(value: Any, path: str = "record") -> list[str]:
    """Where a value holds anything but JSON-like plain data (dict, list, tuple, scalars)."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in spacy_objects(v, f"{path}.{k}")]
    if isinstance(value, list | tuple):
        return [p for i, v in enumerate(value) for p in spacy_objects(v, f"{path}[{i}]")]
    return [] if isinstance(value, PLAIN) else [f"{path}: {type(value).__name__}"]


def without_zone() -> list[dict[str, Any]]:
    pipeline = build_pipeline()
    batch = articles()
    pipeline.run(batch)
    return [a.to_json() for a in batch]


def test_records_made_in_the_zone_equal_those_without_it() -> None:
    expected = without_zone()
    pipeline = build_pipeline()
    batch = articles()
    records = analyse_batch(pipeline, batch)
    assert records == expected
    assert all(r["status"] == "ok" for r in records)
    assert all(r["entities"] and r["quotes"] for r in records)
    assert {"dates", "places", "quantities"} <= set(records[0])


def test_no_spacy_object_survives_the_zone() -> None:
    batch = articles()
    records = analyse_batch(build_pipeline(), batch)
    assert spacy_objects(records) == []
    for article in batch:
        assert article.doc is None
        held = {name: getattr(article, name) for name in Article.__slots__ if name != "doc"}
        held["entities"] = [e.to_json() for e in article.entities or []]
        held["quotes"] = [q.to_json() for q in article.quotes or []]
        held["published"] = article.published.to_json() if article.published else None
        assert spacy_objects(held, "article") == []


def test_the_zone_frees_the_words_it_added() -> None:
    pipeline = build_pipeline()
    nlp = pipeline_nlp(pipeline)
    assert nlp is not None
    analyse_batch(pipeline, articles())  # warm: words of the run's first batch stay
    before = len(nlp.vocab.strings)
    unseen = Article("Mayor Anna Berg opened the Quuxtrellwick bridge in Bergen on Monday.")
    analyse_batch(pipeline, [unseen])
    assert unseen.status == "ok" and unseen.entities
    assert "Quuxtrellwick" not in nlp.vocab.strings
    assert len(nlp.vocab.strings) == before


def test_a_second_batch_after_the_zone_is_analysed_alike() -> None:
    pipeline = build_pipeline()
    first = analyse_batch(pipeline, articles())
    assert analyse_batch(pipeline, articles()) == first
