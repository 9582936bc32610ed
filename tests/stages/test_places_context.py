"""Regression: place names were resolved without their context (issue 13).

"Bath, Somerset" put Somerset in New Jersey, "Boston, Lincolnshire" put both in the US,
and a person's surname as the subject of "told reporters" became a city.
"""

from typing import Any

import pytest

from newsgraph.analyze import build_pipeline
from newsgraph.options import Options
from newsgraph.records import Article


def _places(text: str) -> dict[str, dict[str, Any]]:
    article = Article(text)
    build_pipeline(Options(language="en")).run([article])
    return {p["text"]: p for p in article.extra["places"]}


@pytest.mark.parametrize("text", [
    "Flooding closed roads in Bath, Somerset, on Tuesday after heavy rain.",
    "Residents of Bath in Somerset were told to boil their water.",
])
def test_a_county_after_a_town_is_the_county_that_contains_it(text: str) -> None:
    places = _places(text)
    assert places["Somerset"]["country"] == "GB" and places["Somerset"]["fcode"] == "ADM2"
    assert places["Bath"]["country"] == "GB"


def test_a_county_qualifier_moves_the_town_too() -> None:
    places = _places("The council in Boston, Lincolnshire, voted to close the market.")
    assert places["Boston"]["country"] == "GB"
    assert places["Lincolnshire"]["country"] == "GB"


def test_a_us_state_qualifier_still_decides() -> None:
    places = _places("Police in Paris, Texas, arrested two men on Sunday.")
    assert places["Paris"]["country"] == "US" and places["Paris"]["admin1"] == "Texas"


def test_a_surname_that_tells_reporters_is_not_a_city() -> None:
    places = _places("Jackson told reporters the bill would pass. The senator spoke in "
                     "Washington on Friday.")
    assert "Jackson" not in places and "Washington" in places


def test_a_person_described_by_an_appositive_is_not_a_city() -> None:
    places = _places("Denton, an architect, said he was running to unify the town.")
    assert "Denton" not in places


def test_a_name_used_as_a_place_elsewhere_stays_a_place() -> None:
    # The same name reads as a place in the second sentence, so it is kept as one.
    places = _places("Police in Jackson closed the road on Monday. Jackson said the "
                     "storm had passed.")
    assert places.get("Jackson", {}).get("admin1") == "Mississippi"
