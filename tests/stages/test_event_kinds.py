"""Kind-specific readings of acts (stages/event_kinds.py): the parties a mediation is
between, the institution a protest is held at, a protest said or marched."""

from typing import Any

import pytest
from helpers import event_texts

from newsgraph.nlp import load
from newsgraph.stages.event_kinds import mediated, protest_site, street_protest

_events = event_texts


def _word(doc: Any, text: str) -> Any:
    return next(t for t in doc if t.text == text)


def test_mediation_between_parties() -> None:
    doc = load(None)("Ghana launched a mediation drive to settle the quarrel between Mali "
                     "and Niger.")
    found = mediated([_word(doc, "launched"), _word(doc, "mediation")], lambda t: True)
    assert [t.text for t in found] == ["Mali", "Niger"]


def test_mediation_names_no_parties() -> None:
    doc = load(None)("Ghana launched a mediation drive on Monday.")
    assert mediated([_word(doc, "launched"), _word(doc, "mediation")], lambda t: True) == []


def test_protest_site_is_an_institution_not_a_square() -> None:
    nlp = load(None)
    doc = nlp("Students protested outside the embassy.")
    assert [t.text for t in protest_site([_word(doc, "protested")], lambda t: True)] == \
        ["embassy"]
    doc = nlp("Students protested in Tahrir Square.")
    assert protest_site([_word(doc, "protested")], lambda t: True) == []


@pytest.mark.parametrize(("text", "street"), [
    ("Students protested outside the parliament.", True),
    ("Students protested the decision.", False),  # an object: said, not marched
])
def test_street_protest(text: str, street: bool) -> None:
    doc = load(None)(text)
    verb = _word(doc, "protested")
    sectors = {"Students": "EDU"}
    assert street_protest(verb, [doc[0]], lambda t: sectors.get(t.text)) is street


@pytest.mark.parametrize(("text", "kind", "recipient"), [
    ("Kenya launched a mediation drive to heal the split between Ethiopia and Eritrea.",
     "CONSULT", "Ethiopia"),
    ("Campaigners will hold a protest outside the Egyptian embassy next week.", "THREATEN",
     "Egyptian embassy"),
    ("Students protested outside the parliament in Tirana.", "PROTEST", "parliament"),
    # the repeat of a strike with an unnamed actor gives the first its target
    ("The shells fired by the Egyptian military struck a supply base of the Libyan army.",
     "ASSAULT", "supply base of the Libyan army"),
])
def test_end_to_end(text: str, kind: str, recipient: str) -> None:
    found = [e for e in _events(text) if e["type"] == kind]
    assert found, f"no {kind} in {text!r}: {_events(text)}"
    assert recipient in found[0]["recipient"]


def test_a_state_protesting_is_verbal() -> None:
    assert [e["type"] for e in _events("Beijing protested.")] == ["ACCUSE"]


@pytest.mark.parametrize(("text", "target"), [
    ("The senators called this wholly indefensible.", "this"),
    ("The council called the stadium a shocking waste of cash.", "stadium"),
    ("MPs described the scheme as a fiasco.", "scheme"),
])
def test_a_label_of_disapproval_is_criticism(text: str, target: str) -> None:
    found = [e for e in _events(text) if e["type"] == "ACCUSE"]
    assert found, _events(text)
    assert target in found[0]["recipient"]


@pytest.mark.parametrize("text", [
    "She described the visit as a success.",  # a label, but no disapproval
    "She called her sister on Monday.",  # no label at all
])
def test_no_label_no_criticism(text: str) -> None:
    assert not [e for e in _events(text) if e["type"] == "ACCUSE"]
