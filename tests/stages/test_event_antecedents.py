"""Who a word stands for when its clause does not name it (hand-built sentences)."""

from __future__ import annotations

from typing import Any

from newsgraph.nlp import load
from newsgraph.stages import event_antecedents as ea


def _tok(doc: Any, word: str, nth: int = 0) -> Any:
    return [t for t in doc if t.text == word][nth]


def test_reporting_role_is_the_role_noun_that_speaks() -> None:
    doc = load()("The party leader said he would resign.")
    assert ea.reporting_role(_tok(doc, "he")).text == "leader"


def test_reporting_role_leaves_a_named_speaker_and_a_non_speech_verb() -> None:
    doc = load()("Tom Olsen said he would resign.")
    assert ea.reporting_role(_tok(doc, "he")) is None
    doc = load()("The party leader left early because he was ill.")
    assert ea.reporting_role(_tok(doc, "he")) is None


def test_proposer_by_possessive_or_proposing_verb() -> None:
    doc = load()("The minister's plans were dropped. The government proposed the idea.")
    assert ea.proposer(_tok(doc, "plans")).text == "minister"
    assert ea.proposer(_tok(doc, "proposed")).text == "government"
    assert ea.proposer(_tok(doc, "dropped")) is None


def test_earlier_author_only_for_a_definite_proposal() -> None:
    doc = load()("The government proposed the idea. The Greens oppose the idea. "
                 "The Greens oppose an idea.")
    sents = list(doc.sents)
    assert ea.earlier_author(_tok(doc, "idea", 1), sents[1]).text == "government"
    own = _tok(doc, "idea", 2)
    assert ea.earlier_author(own, sents[2]) is own


def test_a_view_that_someone_should_act_is_the_viewers_proposal() -> None:
    doc = load()("The Greens believe the council should ban diesel buses. The mayor has "
                 "rejected that idea.")
    sents = list(doc.sents)
    assert ea.proposer(_tok(doc, "believe")).text == "Greens"
    assert ea.earlier_author(_tok(doc, "idea"), sents[1]).text == "Greens"


def test_a_plain_view_proposes_nothing() -> None:
    doc = load()("The Greens believe the council banned diesel buses.")
    assert ea.proposer(_tok(doc, "believe")) is None


def test_demonstrative_antecedent_needs_a_named_party() -> None:
    doc = load()("Tom Olsen was paid a bonus. The Senate committee called this morally "
                 "indefensible.")
    sents = list(doc.sents)
    found = ea.demonstrative_antecedent(_tok(doc, "this"), sents[1], lambda _: False)
    assert found is not None and found.text == "Olsen"
    assert ea.demonstrative_antecedent(_tok(doc, "this"), sents[1], lambda _: True) is None
