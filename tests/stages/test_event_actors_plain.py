"""Actors of events in plain sentences: a verb the parser hangs on a reported clause is the
speaker's; an event noun's "from X" and possessor act; a political offensive aimed at no
one is criticism (hand-built sentences)."""

from typing import Any

import pytest

from newsgraph.analyze import default_stages
from newsgraph.records import Article
from newsgraph.stages.events import EventsStage


def _events(text: str) -> list[dict[str, Any]]:
    article = Article(text)
    for stage in default_stages():
        stage.process_batch([article])
    EventsStage().process(article)
    return [{"type": e["type"], "actor": [text[a["start"]:a["end"]] for a in e["actor"]]}
            for e in article.extra["events"]]


@pytest.mark.parametrize(("text", "kind", "actor"), [
    # "said X was Y and promised": the second verb is the speaker's, not the clause's
    ("Ruth Kessler said prosecutions were the first choice and promised to act.", "AGREE",
     "Ruth Kessler"),
    ("Ruth Kessler said the plan was wrong and urged ministers to resign.", "REQUEST",
     "Ruth Kessler"),
    # an event noun's author: "complaints from X", "X's support"
    ("What emerged was complaints from senators about the budget.", "ACCUSE", "senators"),
    ("Beijing's support for the plan was clear.", "SUPPORT", "Beijing"),
    # a party leader going on the offensive names no one: criticism, not force
    ("Labour leader Anna Berg has gone on the offensive.", "ACCUSE",
     "Labour leader Anna Berg"),
])
def test_actor(text: str, kind: str, actor: str) -> None:
    found = [e for e in _events(text) if e["type"] == kind]
    assert found, f"no {kind} event in {text!r}: {_events(text)}"
    assert actor in found[0]["actor"]


@pytest.mark.parametrize("text", [
    # the reported clause's own agent keeps its conjoined verb
    "Ruth Kessler said police arrested the men and charged them.",
])
def test_reported_clause_keeps_its_agent(text: str) -> None:
    coerce = [e for e in _events(text) if e["type"] == "COERCE"]
    assert coerce and coerce[0]["actor"] == ["police"]


@pytest.mark.parametrize("text", [
    "The withdrawal from Afghanistan ended in August.",
    "The rebels went on the offensive.",
])
def test_no_wrong_actor_or_type(text: str) -> None:
    events = _events(text)
    assert all(e["actor"] != ["Afghanistan"] for e in events), events
    assert all(e["type"] != "ACCUSE" for e in events), events


@pytest.mark.parametrize(("text", "kind"), [
    # general words of the categories (CAMEO verb classes) beyond the first lexicon
    ("Senator Ruth Kessler scorned the proposal.", "ACCUSE"),
    ("Iran disavowed the letter on Monday.", "REJECT"),
    ("Japan bankrolled the new hospital in Manila.", "AID"),
    ("Police incarcerated three journalists in Minsk.", "COERCE"),
])
def test_category_words(text: str, kind: str) -> None:
    assert kind in [e["type"] for e in _events(text)], _events(text)
