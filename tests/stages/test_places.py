"""Places stage: mentions, demonyms and disambiguation on hand-built sentences."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.records import Article
from newsgraph.stages.places import (
    PlacesStage,
    distance_km,
    gazetteer,
    norm,
    same_name,
)


@pytest.fixture(scope="module")
def stages() -> list[Any]:
    from newsgraph.analyze import default_stages

    return [s for s in default_stages() if s.name != "quotes"]


def places(stages: list[Any], text: str) -> dict[str, dict[str, Any]]:
    article = Article(text)
    for stage in stages:
        stage.process_batch([article])
    PlacesStage().process(article)
    assert article.status == "ok"
    return {p["text"]: p for p in article.extra["places"]}


def near(place: dict[str, Any], lat: float, lon: float, km: float = 50) -> bool:
    return distance_km(place["lat"], place["lon"], lat, lon) <= km


def test_norm_folds_accents_case_and_saint() -> None:
    assert norm("Saint-Étienne") == "st etienne"
    assert norm("Kharkiv’s") == "kharkiv's"


def test_spelling_variants_are_not_other_names() -> None:
    assert same_name("Balakliya", "Balakliia")
    assert not same_name("Halifax", "Houston")


def test_gazetteer_loads_once() -> None:
    assert gazetteer() is gazetteer()
    assert gazetteer().lookup("Izium")  # an alternate spelling of Izyum


def test_georgia_the_state_among_us_places(stages: list[Any]) -> None:
    found = places(stages, "Schools in Atlanta and Savannah, Georgia, reopened on Monday. "
                           "Georgia lawmakers met in Atlanta.")
    assert found["Georgia"]["country"] == "US" and found["Georgia"]["fcode"] == "ADM1"


def test_georgia_the_country_among_caucasus_places(stages: list[Any]) -> None:
    found = places(stages, "Russian troops moved from Tskhinvali towards Tbilisi, the "
                           "capital of Georgia, as Moscow and Armenia watched.")
    assert found["Georgia"]["country"] == "GE"


def test_moscow_idaho_by_qualifier(stages: list[Any]) -> None:
    found = places(stages, "The university in Moscow, Idaho, closed after the storm.")
    assert found["Moscow"]["country"] == "US" and found["Moscow"]["admin1"] == "Idaho"


def test_moscow_russia_by_default(stages: list[Any]) -> None:
    found = places(stages, "Talks were held in Moscow on Tuesday.")
    assert found["Moscow"]["country"] == "RU" and near(found["Moscow"], 55.75, 37.62)


def test_state_abbreviation_is_a_place_and_a_qualifier(stages: list[Any]) -> None:
    found = places(stages, "A woman from Alexandria, La., was arrested on Friday.")
    assert found["La."]["admin1"] == "Louisiana"
    assert found["Alexandria"]["admin1"] == "Louisiana"


def test_demonyms_link_to_their_country(stages: list[Any]) -> None:
    found = places(stages, "Ukrainian troops pushed back Russian forces, Chinese media said.")
    assert found["Ukrainian"]["country"] == "UA" and found["Ukrainian"]["mention"] == "demonym"
    assert found["Chinese"]["country"] == "CN"


def test_ex_soviet_prefix_and_country_point(stages: list[Any]) -> None:
    found = places(stages, "The leaders met at a summit in ex-Soviet Uzbekistan.")
    uz = found["Uzbekistan"]
    assert uz["fcode"] == "PCLI" and uz["geonameid"] == 1512440
    assert near(uz, 41.67, 63.83, km=161)  # the country's own point, not Tashkent


def test_oblast_word_picks_the_region(stages: list[Any]) -> None:
    found = places(stages, "Troops withdrew from Izium in Kharkiv Oblast, Ukraine.")
    assert found["Kharkiv Oblast"]["fcode"] == "ADM1"
    assert found["Izium"]["country"] == "UA" and near(found["Izium"], 49.21, 37.25)


def test_person_tagged_city_is_a_place_but_a_person_is_not(stages: list[Any]) -> None:
    found = places(stages, "Missiles hit a dam near Kryvyi Rih, Zelenskyy's hometown. "
                           "Mr Jackson said Andrew Jackson was president.")
    assert found["Kryvyi Rih"]["country"] == "UA"
    assert "Jackson" not in found


def test_one_sense_per_discourse(stages: list[Any]) -> None:
    found = places(stages, "Greer, South Carolina, grew fast. The council of Greer met "
                           "in Greer City Hall.")
    assert {p["admin1"] for t, p in found.items() if t == "Greer"} == {"South Carolina"}


@pytest.mark.parametrize("text,names", [
    ("New York and York, Yorkshire, New Yorker; York-based, Mr.York _York York_ York", [
        "New York", "York"]),
    ("Paris.Paris-Paris Par Parisian Paris", ["Paris", "Par"]),
    ("Ab Ab Ab, Abé Ab٣ ٣Ab", ["Ab Ab", "Ab"]),
    ("Kyiv Kyiv", ["Kyiv", "Kharkiv"]),
    ("", ["Kyiv"]),
])
def test_find_names_is_the_alternation_pattern(text: str, names: list[str]) -> None:
    """Occurrences found with str.find are those of the regex the stage used to compile
    per article: whole words, non-overlapping, the earlier-listed name first."""
    import re

    from newsgraph.stages.places import find_names

    pattern = re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w])")
    expected = [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]
    assert find_names(text, names) == expected
    assert find_names(text, list(reversed(names))) == [
        (m.start(), m.end(), m.group(0)) for m in re.compile(
            r"(?<![\w.-])(?:" + "|".join(map(re.escape, reversed(names))) + r")(?![\w])"
        ).finditer(text)]


def test_union_of_spans() -> None:
    from newsgraph.stages.places import _union

    assert _union([(5, 8), (0, 3), (3, 4), (6, 10), (12, 12), (20, 25)]) == [
        (0, 4), (5, 10), (20, 25)]
    assert _union([]) == []


@pytest.mark.parametrize("text", [
    "Officials in Kharkiv Oblast met Ivan Petrenko and Mr Smith in East Anglia Norfolk UK.",
    "The BBC said London, Paris, Rome and New York Los Angeles San Diego were named.",
])
def test_proper_noun_runs_skip_what_is_covered(stages: list[Any], text: str) -> None:
    """The runs read from the token arrays are those of a walk over every token."""
    from newsgraph.stages.places import _propn_runs

    article = Article(text)
    for stage in stages:
        stage.process_batch([article])
    doc = article.doc
    for spans in ([], [(e.start_char, e.end_char) for e in doc.ents], [(0, 20), (15, 40)]):
        covered = {i for s, e in spans for i in range(s, e)}
        walked: list[list[int]] = []
        for tok in doc:  # the stage's former loop
            if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.idx not in covered:
                if walked and walked[-1][-1] == tok.i - 1 and len(walked[-1]) < 3:
                    walked[-1].append(tok.i)
                else:
                    walked.append([tok.i])
        assert [[t.i for t in run] for run in _propn_runs(doc, text, spans)] == walked
    assert _propn_runs(doc, text, [])  # the texts do have proper nouns


def test_state_abbreviations_with_and_without_the_look_ahead() -> None:
    """The capital looked for first only skips offsets where no abbreviation starts."""
    import re

    from newsgraph.stages.places import STATE_ABBREV

    text = ("Alexandria, La. and Charleston, W.Va., Reno, Nev. and -Calif. then, Ga. or "
            "x,Tex. Tulsa, Okla.; a, b. Dover, D. E. Austin,  Tex. ,W. Va. -N.Y.C.")
    plain = re.compile(STATE_ABBREV.pattern.removeprefix("(?=[A-Z])"))
    assert plain.pattern != STATE_ABBREV.pattern
    found = [m.span() for m in STATE_ABBREV.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)] and len(found) >= 5
