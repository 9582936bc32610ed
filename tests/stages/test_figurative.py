"""Fighting words in politics are criticism, not force; on the battlefield they stay force."""

import pytest

from newsgraph.analyze import default_stages
from newsgraph.records import Article
from newsgraph.stages.events import EventsStage


def _types(text: str) -> list[str]:
    article = Article(text)
    for stage in default_stages():
        stage.process_batch([article])
    EventsStage().process(article)
    return [e["type"] for e in article.extra["events"]]


@pytest.mark.parametrize("text", [
    "The prime minister attacked the opposition over its tax plans.",
    "The party leader attacked Jeremy Corbyn over his Brexit plans.",
    "Labour is battling the Conservatives over the health budget.",
])
def test_political_attack_is_criticism(text: str) -> None:
    assert _types(text) == ["ACCUSE"]


def test_fight_against_a_thing_is_no_event():
    assert "ASSAULT" not in _types("Senators fought the bill in committee.")


@pytest.mark.parametrize("text", [
    "Russia attacked Ukraine on Friday.",
    "Rebels fought government troops near the border on Sunday.",
    "Police fought protesters in the capital.",
])
def test_armed_fight_stays_force(text: str) -> None:
    assert "ASSAULT" in _types(text)


def test_vow_to_fight_is_a_threat():
    assert _types("China vowed to fight the new American tariffs to the end.") == ["THREATEN"]


@pytest.mark.parametrize("text", [
    "Soldiers are fighting terrorism in the north.",
    "The army has fought extremism for years.",
])
def test_fighting_a_social_ill_is_no_assault_even_for_armed_actors(text: str) -> None:
    """Regression: "police ... help fight terror, crime and illegal immigration" was ASSAULT."""
    assert "ASSAULT" not in _types(text)


def test_armed_actors_fighting_people_stay_force() -> None:
    assert "ASSAULT" in _types("Troops fought the rebels near the border.")
