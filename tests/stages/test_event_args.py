"""The argument finders of a coded clause (``stages/event_args.py``), on hand-built
sentences parsed by the default model."""

from typing import Any

from newsgraph.nlp import load
from newsgraph.stages.event_args import _recipients, _subjects, is_agentive, is_means


def _parse(text: str) -> Any:
    return load()(text)


def _token(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


def test_the_passive_agent_is_the_actor() -> None:
    doc = _parse("The embassy was attacked by rebels on Monday.")
    assert [t.text for t in _subjects(_token(doc, "attacked"))] == ["rebels"]


def test_what_is_sent_is_the_means_and_where_it_goes_the_recipient() -> None:
    doc = _parse("Norway sent troops to Mali.")
    assert is_means(_token(doc, "troops"))
    assert [t.text for t in _recipients(_token(doc, "sent"), None)] == ["Mali"]


def test_a_count_of_people_is_not_a_means() -> None:
    doc = _parse("Police detained dozens of activists.")
    assert not is_means(_token(doc, "dozens"))


def test_the_name_of_a_thing_cannot_act() -> None:
    doc = _parse("Mary Chen won the Nobel Prize in Literature.")
    prize = _token(doc, "Prize")
    assert is_agentive(_token(doc, "Chen"))
    assert prize.pos_ == "PROPN" and prize.ent_type_ == "WORK_OF_ART"  # a name, of a thing
    assert not is_agentive(prize)


def test_the_owner_of_a_decision_takes_the_stance_it_names() -> None:
    """"Peru's pledge to help Bolivia": the to-clause of an owned noun has the owner as
    its actor (it used to have none, so the event was dropped)."""
    doc = _parse("The board said Peru's pledge to help Bolivia was generous.")
    assert [t.text for t in _subjects(_token(doc, "help"))] == ["Peru"]


def test_a_passive_subject_does_the_infinitive_it_is_bound_to() -> None:
    """"Norway is obliged to help Mali", "Japan is bound by treaty to assist Korea": the
    passive's subject acts (regression: the climb stopped at the passive, or took the
    agent "treaty", the parser making "to assist" a clause of purpose)."""
    for text, verb in (("Norway is obliged to help Mali.", "help"),
                       ("Japan is bound by treaty to assist Korea.", "assist")):
        doc = _parse(text)
        assert [t.text for t in _subjects(_token(doc, verb))] == [text.split()[0]], text
    doc = _parse("The embassy was attacked by rebels to send a message.")
    assert [t.text for t in _subjects(_token(doc, "attacked"))] == ["rebels"]


def test_a_document_acting_through_a_participle_is_its_named_author() -> None:
    """"found a Green Party leaflet opposing the bypass": the party opposes, not whoever
    found it (regression: the climb reached "found"); so does "a leaflet by the Green
    Party"."""
    for text in ("Officers found a Green Party leaflet opposing the bypass.",
                 "Officers found a leaflet by the Green Party opposing the bypass."):
        doc = _parse(text)
        assert [t.text for t in _subjects(_token(doc, "opposing"))] == ["Party"], text
