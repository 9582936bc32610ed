"""Political parties as actors (data/actors/parties.tsv): a party of one country gets its
code, a name several countries' parties bear gets the party sector only; a generic role
after an organisation's name ("Tory leader") takes its sector; criticism in the words of a
stance ("expressed concern over X") is an accusation aimed at X."""

import pytest

from newsgraph.analyze import default_stages
from newsgraph.records import Article
from newsgraph.stages import actors
from newsgraph.stages.events import EventsStage


@pytest.mark.parametrize(("phrase", "country", "sector"), [
    ("Liberal Democrats", "GBR", "PTY"),
    ("Republicans", "USA", "PTY"),
    ("the BJP", "IND", "PTY"),
    # Britain's, Australia's, Israel's ...: no country guessed
    ("Labour", None, "PTY"),
    ("Tory leader Edward Marsh", None, "PTY"),
    ("Hamas official", "PSE", "REB"),
    # a specific office stays itself
    ("Labour MP", None, "LEG"),
])
def test_party_codes(phrase: str, country: str | None, sector: str) -> None:
    code = actors.code_text(phrase)
    assert (code.country, code.sector) == (country, sector)


def test_lowercase_words_are_not_parties() -> None:
    assert actors.code_text("labour costs").sector is None


def _events(text: str) -> list[tuple[str, str, list[str]]]:
    article = Article(text)
    for stage in default_stages():
        stage.process_batch([article])
    EventsStage().process(article)
    return [(e["type"], text[e["actor"][0]["start"]:e["actor"][0]["end"]],
             [text[r["start"]:r["end"]] for r in e["recipient"]])
            for e in article.extra["events"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Liberal Democrats expressed concern over the new housing rules.",
     ("ACCUSE", "Liberal Democrats", ["new housing rules"])),
    ("The Greens voiced misgivings about the proposals.",
     ("ACCUSE", "Greens", ["proposals"])),
    ("Labour branded the plan a disaster.", ("ACCUSE", "Labour", ["plan"])),
])
def test_criticism_in_the_words_of_a_stance(text: str,
                                            expected: tuple[str, str, list[str]]) -> None:
    assert expected in _events(text)


@pytest.mark.parametrize(("text", "expected"), [
    # the passive's "by X" hung on the object by the parser is still the actor
    ("The programme has been branded a costly blunder by MPs.",
     ("ACCUSE", "MPs", ["programme"])),
    # criticism as a stance adjective
    ("Helen Carver was critical of the Home Secretary.",
     ("ACCUSE", "Helen Carver", ["Home Secretary"])),
    # "called on the prime minister to" is a request, not a phone call ...
    ("Helen Carver called on the prime minister to resign.",
     ("REQUEST", "Helen Carver", ["prime minister"])),
])
def test_statements_of_politics(text: str, expected: tuple[str, str, list[str]]) -> None:
    assert expected in _events(text)


def test_a_date_is_no_particle() -> None:
    """... while "called the president on Friday to" is a call ("on Friday" is a date)."""
    found = _events("Angela Merkel called the French president on Friday to discuss Brexit.")
    assert [kind for kind, _, _ in found] == ["CONSULT"]


def test_a_rejection_with_an_expletive_subject_is_aimed_at_the_clause_s_subject() -> None:
    found = _events("Baroness Hale said it was unacceptable for the home secretary to "
                    "overrule the courts.")
    assert ("REJECT", "Baroness Hale", ["home secretary"]) in found


def test_a_name_left_as_a_modifier_before_the_verb_is_its_subject() -> None:
    assert ("SANCTION", "USAID", ["Haiti"]) in _events(
        "USAID had announced a suspension of funding in Haiti.")


def test_ngos_are_actors() -> None:
    assert actors.code_text("the rights group").sector == "NGO"
    found = _events("The NGO has denounced the arrests of activists in Nicaragua.")
    assert [(kind, actor) for kind, actor, _ in found] == [("ACCUSE", "NGO")]


def test_an_object_that_is_none_negates_the_act() -> None:
    """Regression: "Officials gave no details" was coded as co-operation."""
    assert _events("Russian officials gave no details of the talks with Ukraine.") == []
    assert _events("The government offered no support to the strikers.") == []
