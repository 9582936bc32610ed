"""Actor coding: country and sector from the words naming an actor."""

import pytest

from newsgraph.nlp import load
from newsgraph.stages import actors as act


@pytest.fixture(scope="module")
def nlp():
    return load()


def _code(nlp, sentence: str) -> tuple[str | None, str | None]:
    doc = nlp(sentence)
    head = next(t for t in doc if t.dep_ in ("nsubj", "nsubjpass"))
    code = act.code_tokens(act.phrase_tokens(head), head)
    if code.sector is None and code.kind == "country":
        code.sector = "GOV"
    return code.country, code.sector


@pytest.mark.parametrize("sentence,expected", [
    ("Russian Foreign Minister Sergei Lavrov said the talks were excellent.", ("RUS", "GOV")),
    ("Russian forces launched attacks on several villages.", ("RUS", "MIL")),
    ("A US Senate committee took the first step.", ("USA", "LEG")),
    ("Kyiv says it recaptured the town.", ("UKR", "GOV")),
    ("The UN nuclear watchdog demanded access to the plant.", ("IAEA", "IGO")),
])
def test_actor_cases(nlp, sentence, expected):
    assert _code(nlp, sentence) == expected


def test_demonym_inside_a_person_name_is_no_clue(nlp):
    doc = nlp("Ukraine energy minister German Galushchenko welcomed the decision.")
    head = next(t for t in doc if t.dep_ == "nsubj")
    assert act.code_tokens(act.phrase_tokens(head), head).country == "UKR"
