"""Publication date inferred from the text: top of article, captions, weekday cross-check."""

from __future__ import annotations

from newsgraph.stages.published import infer_published

CAPTION = " Source: Getty / (Photo by A. Person/Agency via Getty Images)"
FILLER = "Nothing dated here. " * 30  # pushes later dates beyond the top of the article


def test_latest_caption_date_consistent_with_weekday() -> None:
    text = (FILLER + "Leaders met on Thursday. Soldiers patrol on 14 September, 2022." + CAPTION
            + " A tank is inspected on 15 September, 2022 in Balakliia." + CAPTION)
    found = infer_published(text)
    assert found is not None and found.value == "2022-09-15"
    assert "caption" in found.evidence and "consistent with 'on Thursday'" in found.evidence


def test_dateline_at_the_top() -> None:
    found = infer_published("Airbus wins order\nMarch 01, 2008\nAirbus said on Saturday ...")
    assert found is not None and found.value == "2008-03-01"
    assert "at the top" in found.evidence


def test_dates_in_the_body_are_not_publication_dates() -> None:
    assert infer_published(FILLER + "The treaty was signed on 4 July, 1990.") is None


def test_weekday_moves_a_caption_date_forward() -> None:
    # the photo is from Tuesday 13 September; the text reports events "on Thursday"
    text = FILLER + "Troops advanced on Thursday. Shelling on 13 September, 2022." + CAPTION
    found = infer_published(text)
    assert found is not None and found.value == "2022-09-15"
    assert "moved to the next Thursday" in found.evidence


def test_no_weekday_no_cross_check() -> None:
    found = infer_published("Headline\n2 June 2021\nBody text.")
    assert found is not None and found.value == "2021-06-02"
    assert "no weekday" in found.evidence
