"""Duplicate detection: exact copies, near copies, unrelated stories, and the BBC corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.dedup import Deduplicator, shingles
from newsgraph.records import article_id

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"

WIRE = ("The central bank raised its main interest rate by half a point on Thursday, its "
        "fourth increase this year, saying inflation remained far above its target and that "
        "further rises could follow if prices kept climbing over the winter months. Markets "
        "had expected the move after weeks of signals from policymakers, and the currency "
        "barely moved. Economists said the decision would weigh on mortgage holders and small "
        "businesses, many of which are already struggling with higher energy bills.")
OTHER = ("The football club sacked its manager after a run of seven defeats in eight games "
         "left the team two points above the relegation zone. The chairman thanked him for his "
         "work and said a replacement would be named before the weekend fixture against the "
         "league leaders, with the academy coach in charge until then.")


def test_exact_near_and_unique() -> None:
    dedup = Deduplicator()
    edited = WIRE.replace("on Thursday", "on Thursday afternoon") + " Reporting by staff."
    assert dedup.add(WIRE) == ("unique", article_id(WIRE))
    assert dedup.add(OTHER) == ("unique", article_id(OTHER))
    assert dedup.add(WIRE) == ("exact", article_id(WIRE))
    assert dedup.add(edited) == ("near", article_id(WIRE))
    assert dedup.add(edited) == ("exact", article_id(WIRE))
    assert dedup.counts == {"unique": 2, "exact": 2, "near": 1}


def test_threshold_option() -> None:
    half = WIRE[: int(len(WIRE) * 0.75)] + " " + OTHER[:120]  # word 5-gram Jaccard 0.56
    strict = Deduplicator(threshold=0.9)
    loose = Deduplicator(threshold=0.4)
    for d in (strict, loose):
        d.add(WIRE)
    assert strict.add(half)[0] == "unique"
    assert loose.add(half)[0] == "near"
    with pytest.raises(ValueError, match="threshold"):
        Deduplicator(threshold=0)


def test_include_title_makes_a_retitled_copy_near_not_exact() -> None:
    dedup = Deduplicator(include_title=True)
    dedup.add(WIRE, title="Bank raises rates")
    assert dedup.add(WIRE, title="Rates up again") == ("near", article_id(WIRE))
    assert dedup.add(WIRE, title="Bank raises rates") == ("exact", article_id(WIRE))


def test_shingles_of_short_text() -> None:
    assert shingles("Hi there") == {b"hi there"}
    assert len(shingles("one two three four five six")) == 2


def test_bbc_exact_duplicates() -> None:
    corpus = SHARED / "corpus" / "bbc.jsonl"
    if not corpus.exists():
        pytest.skip(f"BBC corpus not found at {corpus} (shared data is not beside the repo)")
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    by_file = Deduplicator(include_title=True)  # the raw files are headline + body
    by_body = Deduplicator()
    for row in rows:
        by_file.add(row["body"], row["title"])
        by_body.add(row["body"])
    assert len(rows) == 2225
    assert by_file.counts["exact"] == 98
    assert by_body.counts["exact"] == 133  # the 98 plus 35 re-titled copies of a body
    assert by_file.counts["near"] >= 35


def test_signed_articles_get_the_verdicts_of_their_texts() -> None:
    """The Dask engine's path: workers send key, id and signature bytes; the verdicts must
    be those ``add`` gives the texts themselves, in the same order."""
    edited = WIRE.replace("on Thursday", "on Thursday afternoon") + " Reporting by staff."
    texts = [WIRE, OTHER, WIRE, edited]
    local, signed = Deduplicator(), Deduplicator()
    worker = Deduplicator()  # a worker's own instance computes the signatures
    expected = [local.add(t) for t in texts]
    got = [signed.add_signed(worker.exact_key(t), article_id(t), worker.signature(t))
           for t in texts]
    assert got == expected == [("unique", article_id(WIRE)), ("unique", article_id(OTHER)),
                               ("exact", article_id(WIRE)), ("near", article_id(WIRE))]
    assert signed.counts == local.counts
