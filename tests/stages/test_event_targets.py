"""Targets of events from plain sentences: objects of force, counted groups, places of a
ceasefire, and what a rejection or boycott is aimed at (issue 13, item 1)."""

from typing import Any

import pytest

from newsgraph.analyze import analyze_text
from newsgraph.options import Options


def _events(text: str) -> list[dict[str, Any]]:
    article = analyze_text(text, options=Options(language="en"))
    assert article.status == "ok"
    return article.extra["events"]


def _targets(text: str, kind: str) -> list[str]:
    found = [e for e in _events(text) if e["type"] == kind]
    assert found, f"no {kind} event in {text!r}"
    return [text[r["start"]:r["end"]] for e in found for r in e["recipient"]]


def test_force_acts_on_its_object_not_on_the_result() -> None:
    # Was "death": the object of a violent verb is its target.
    targets = _targets("Police tortured a 40-year-old prisoner to death in Tehran.", "ASSAULT")
    assert any("prisoner" in t for t in targets) and "death" not in targets


def test_a_counted_group_of_people_is_a_target_not_a_means() -> None:
    targets = _targets("Cuba freed dozens of jailed dissidents on Friday.", "RETREAT")
    assert any("dissidents" in t for t in targets)


def test_asylum_seekers_are_an_actor_sector() -> None:
    targets = _targets("Austria will not accept any more asylum seekers.", "REJECT")
    assert any("asylum seekers" in t for t in targets)


def test_the_place_of_a_declared_ceasefire_is_its_target() -> None:
    events = [e for e in _events("The two armies announced a ceasefire in Mosul on Monday.")
              if e["type"] == "RETREAT"]
    assert events and events[0]["place"] == "Mosul"


@pytest.mark.parametrize(("text", "kind", "target"), [
    ("The opposition rejected the constitution as illegitimate.", "REJECT", "constitution"),
    ("The main parties said they would boycott the local elections.", "REJECT", "elections"),
])
def test_what_a_rejection_is_aimed_at_is_its_target(text: str, kind: str, target: str) -> None:
    events = _events(text)
    assert any(target in text[r["start"]:r["end"]] for e in events for r in e["recipient"])


def test_an_agreement_is_with_someone_not_with_the_pact() -> None:
    events = _events("Chile and Peru signed a trade pact on Tuesday.")
    assert not any("pact" in r["name"] for e in events for r in e["recipient"])
