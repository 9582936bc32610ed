"""Regression: a dateline ("OSLO, 12 March 2024 —") is where and when the article was
written. Its date was moved to the weekday the text named most, and its city was taken
as the speaker of a reported clause and as an event actor."""

from __future__ import annotations

from helpers import run_until

from newsgraph.stages.published import infer_published
from newsgraph.stages.zones import dateline_spans

TEXT = ("Two neighbours agree on fishing quotas\n\n"
        "OSLO, 12 March 2024 — Norway and Iceland signed an agreement on Monday that "
        "divides this year's catch, ending a long dispute.\n\n"
        "Norwegian minister Ingrid Solberg said the deal gave the fleets certainty.\n")


def test_day_month_year_datelines_are_found() -> None:
    assert [TEXT[s:e] for s, e in dateline_spans(TEXT)] == ["OSLO, 12 March 2024 — "]


def test_a_dateline_date_is_the_publication_date_and_is_not_moved_by_weekdays() -> None:
    published = infer_published(TEXT)
    assert published is not None and published.value == "2024-03-12"  # a Tuesday
    assert "dateline" in published.evidence


def test_the_dateline_city_is_neither_a_speaker_nor_an_actor() -> None:
    article = run_until(TEXT, last="events")
    speakers = {q.speaker.name for q in article.quotes or []}
    assert "OSLO" not in speakers and "Ingrid Solberg" in speakers
    names = {p["name"] for ev in article.extra["events"] for p in ev["actor"] + ev["recipient"]}
    assert not any("OSLO" in n for n in names), names
