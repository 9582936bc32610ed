"""Quantity forms: qualifiers, units, parts, totals, vague amounts, sizes."""

import pytest

from newsgraph.nlp import load
from newsgraph.stages.quantities import find_quantities


@pytest.fixture(scope="module")
def nlp():
    return load()


@pytest.mark.parametrize("text,want", [
    pytest.param("Baku says it regained more than 3,000 sq km of land.",
                 ("more than 3,000 sq km", 3000, "km2", "more than"),
                 marks=pytest.mark.xfail(reason="short sentence: the parser does not attach "
                                         "8,000 to km (found in the seed article)")),
    ("Four people were trapped under rubble.", ("Four people", 4, "people", None)),
    ("The motion was backed by 19 of the 27 member states.",
     ("19 of the 27 member states", [19, 27], "member states", None)),
    ("Washington is providing billions of dollars in aid.",
     ("billions of dollars", "1e9+", "USD", "vague")),
    ("The 35-nation board met.", ("35-nation", 35, "nations", None)),
])
def test_forms(nlp, text, want):
    got = [(q["text"], q["value"], q["unit"], q["qualifier"]) for q in find_quantities(nlp(text))]
    assert want in got


def test_parts(nlp):
    qs = find_quantities(nlp("Sanctions hit 22 individuals and two entities."))
    assert any(q["value"] == [22, 2] and q["unit"] == ["individuals", "entities"] for q in qs)


def test_text_argument_gives_the_same_quantities(nlp):
    """The stage passes the article text (Doc.text is rebuilt on every access)."""
    doc = nlp("More than 8,000 people fled; dozens of homes and 22 cars burned.")
    assert find_quantities(doc, doc.text) == find_quantities(doc)
    assert {q["text"] for q in find_quantities(doc)} >= {"More than 8,000 people"}


def test_dates_are_not_quantities(nlp):
    qs = find_quantities(nlp("The talks ended on 12 March 2022 with four agreements."))
    assert [q["value"] for q in qs] == [4]


def test_regression_unit_before_number_gives_an_ordered_span() -> None:
    """Found by the property test: 'B"0' parsed 0 as a number of the noun B before it."""
    from newsgraph.analyze import analyze_text

    article = analyze_text('B"0')
    for q in article.extra["quantities"]:
        assert 0 <= q["start"] <= q["end"] <= 3
