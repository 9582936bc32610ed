"""Quantity forms: qualifiers, units, parts, totals, vague amounts, sizes."""

import pytest

from newsgraph.nlp import load
from newsgraph.stages.quantities import find_quantities


@pytest.fixture(scope="module")
def nlp():
    return load()


@pytest.mark.parametrize("text,want", [
    pytest.param("Kyiv says it recaptured more than 8,000 sq km of land.",
                 ("more than 8,000 sq km", 8000, "km2", "more than"),
                 marks=pytest.mark.xfail(reason="short sentence: the parser does not attach "
                                         "8,000 to km (found in the seed article)")),
    ("Four people were trapped under rubble.", ("Four people", 4, "people", None)),
    ("The plan was approved by 26 of the 35 member states.",
     ("26 of the 35 member states", [26, 35], "member states", None)),
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
