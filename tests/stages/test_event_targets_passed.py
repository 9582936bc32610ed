"""Targets of events in plain sentences: what a stance noun is "for", whom a thing passed
on in the passive reaches, initials the tagger missed as the actor, and the place of an
act aimed at no party of its own (hand-built sentences)."""

from typing import Any

import pytest
from helpers import event_texts, run_until

_events = event_texts


def _one(text: str, kind: str) -> dict[str, Any]:
    found = [e for e in _events(text) if e["type"] == kind]
    assert found, f"no {kind} event in {text!r}: {_events(text)}"
    return found[0]


@pytest.mark.parametrize(("text", "kind", "actor", "recipient"), [
    # a stance noun's "for X" is what it is aimed at; a verb's "for" is not
    ("The Dutch government declared its support for the Nairobi accord.", "SUPPORT",
     "Dutch government", "Nairobi accord"),
    # a thing passed on in the passive: whom it reaches is the target
    ("A looted vase was returned by Swiss customs officers to Italian authorities on Friday.",
     "RETREAT", "Swiss customs officers", "Italian authorities"),
    # initials tagged as a common noun still name the organisation acting
    ("ICE returned three looted masks to the government of Mexico.", "RETREAT", "ICE",
     "government of Mexico"),
    # the event noun under the light verb's object: the scan must reach the verb
    ("Israel launched a wave of air strikes on Gaza.", "ASSAULT", "Israel", "Gaza"),
    ("Norway announced an increase in aid to Malawi.", "AID", "Norway", "Malawi"),
    # a state act in the passive with no agent: the state where it happens acts
    ("The journalist Ali Musa was arrested in Kenya on Monday.", "COERCE", "Kenya",
     "journalist Ali Musa"),
    ("Three monitors have been expelled from Belarus.", "SANCTION", "Belarus",
     "Three monitors"),
    # whoever faces or suffers an act is its target; the noun's "from X" acts
    ("Today, the Iranian government faces criticism from the U.N. over the arrests.",
     "ACCUSE", "U.N.", "Iranian government"),
    ("The government faced fierce criticism from MPs.", "ACCUSE", "MPs", "government"),
])
def test_target(text: str, kind: str, actor: str, recipient: str) -> None:
    event = _one(text, kind)
    assert actor in event["actor"]
    assert recipient in event["recipient"]


def test_place_of_an_act_on_an_unnamed_group() -> None:
    """"killed 40 people in attacks in Mali": the people and the country are targets."""
    event = _one("Rebel gunmen killed 40 people in two attacks in Mali on Sunday.", "ASSAULT")
    assert "Mali" in event["recipient"]
    assert "40 people" in event["recipient"]


def test_place_not_added_beside_a_named_party() -> None:
    """A party with its own country keeps the act: "shelled Azerbaijani positions in
    Karabakh" is aimed at Azerbaijan, not also at the place."""
    event = _one("Armenian forces shelled Azerbaijani army positions in Tovuz.", "ASSAULT")
    assert "Tovuz" not in event["recipient"]


def test_headline_capitals_are_not_initials() -> None:
    from newsgraph.nlp import load
    from newsgraph.stages.events import _acronym
    nlp = load(None)
    assert _acronym(nlp("ICE returned the sculptures.")[0])
    assert not _acronym(nlp("ROVERS RETURN STOLEN TROPHY TO CLUB.")[0])
    assert not _acronym(nlp("Rovers returned the trophy.")[0])


def test_fleeing_a_threat_is_no_threat() -> None:
    """"whose grandparents fled the Soviet threat": fleeing carries no event noun."""
    assert not [e for e in _events("His grandparents fled the Soviet threat in 1940.")
                if e["type"] == "THREATEN"]


def test_place_in_the_actors_phrase_is_not_the_target() -> None:
    """"Moldova, a country in Eastern Europe, launched cyber attacks on X": Moldova is
    where the actor is, so X takes no country from it and Moldova is no target."""
    event = _one("Moldova, a small country in Eastern Europe, has launched cyber warfare "
                 "against Feldman.", "ASSAULT")
    assert event["recipient"] == ["Feldman"]


def test_his_country_is_the_speakers_state() -> None:
    """"Orban said his country would not lift the veto": the refusal is Hungary's."""
    events = run_until("Prime Minister Viktor Orban said his country would not lift the "
                       "veto on the Ukrainian loan.", "events").extra["events"]
    rejects = [e for e in events if e["type"] == "REJECT"]
    assert rejects, events
    assert rejects[0]["actor"][0]["country"] == "HUN"


@pytest.mark.parametrize(("text", "kind", "actor"), [
    # people named by role alone can act (data/actors/sectors.tsv)
    ("A suicide bomber killed nine soldiers near the stadium.", "ASSAULT", "suicide bomber"),
    ("Artists have lifted their boycott of the gallery.", "CONCEDE", "Artists"),
])
def test_people_by_role_act(text: str, kind: str, actor: str) -> None:
    assert actor in _one(text, kind)["actor"]


def test_labour_is_still_a_party() -> None:
    """The new role words leave "Labour" (the party) and "staff" of an office alone."""
    from newsgraph.stages import actors as act
    assert act.lexicon().sector_of(["Labour"]) is None
    assert act.lexicon().sector_of(["embassy", "staff"]) == "GOV"


def test_own_people_sent_are_the_means() -> None:
    """"mobilised its men to the region": the men are the division's own, the region the
    target."""
    event = _one("The 2nd Division of the Kenyan Army mobilised its men to the region.",
                 "MOBILIZE")
    assert "men" not in event["recipient"]
    assert "region" in event["recipient"]


def test_agentless_act_with_no_place_is_no_event() -> None:
    assert not _events("Three men were arrested on Monday.")


def test_state_actor_is_marked_as_read_from_the_place() -> None:
    events = run_until("The journalist Ali Musa was arrested in Kenya on Monday.",
                       "events").extra["events"]
    assert events and events[0]["actor"][0].get("via") == "place"


def test_frame_takes_the_party_its_inner_act_reaches() -> None:
    """"offered to send soldiers to assist the Nigerian army": the offer is aimed at the
    army the soldiers would assist; a thing the inner act is on ("end a blockade on fuel
    imports") is not borrowed."""
    event = _one("Canada has offered to send soldiers to assist the Nigerian army.", "AGREE")
    assert "Nigerian army" in event["recipient"]
    article = run_until("The rebels agreed to end a blockade on fuel imports.", "events")
    agreed = [e for e in article.extra["events"] if e["type"] == "AGREE"]
    assert agreed and all(r.get("via") == "model" for r in agreed[0]["recipient"])


def test_investigation_is_aimed_where_it_looks() -> None:
    event = _one("The African Union said it will investigate the attacks on its peacekeepers "
                 "in southern Somalia.", "ACCUSE")
    assert "Somalia" in event["recipient"]


def test_place_target_takes_the_places_stage_country() -> None:
    """"annexed Crimea": the tagger calls Crimea an organisation; the places stage
    resolved it, and the target carries that country."""
    events = run_until("Russia annexed Crimea in 2014.", "events").extra["events"]
    assert events and events[0]["recipient"][0]["country"] == "UKR"


def test_passive_clause_does_not_take_the_main_subject() -> None:
    """"Anger grows after a suspect detained in the UK was freed": the release is the
    state's (read from the place, as its government), not the anger's."""
    text = ("Anger about the case grows after a drug suspect detained in the UK without "
            "charge was freed from custody.")
    events = run_until(text, "events").extra["events"]
    freed = [e for e in events if e["type"] == "RETREAT"]
    assert freed, events
    actor = freed[0]["actor"][0]
    assert (text[actor["start"]:actor["end"]], actor["country"], actor["sector"]) == \
        ("UK", "GBR", "GOV")


def test_repeat_aimed_at_others_is_not_folded() -> None:
    """An unnamed actor's act on other targets is its own event, not a repeat."""
    text = ("Several of the men are detained at Full Sutton Prison in York. The minister "
            "can also impose house arrest on UK citizens.")
    coerce = [e for e in _events(text) if e["type"] == "COERCE"]
    assert any("UK citizens" in e["recipient"] for e in coerce), coerce


def test_stance_on_a_proposal_named_again_is_aimed_at_its_author() -> None:
    """"The Greens also oppose the measures": the Home Secretary's plans, named in the
    sentence before; the recipient says it was read from there."""
    text = ("Nigel Barton said he would not support the Home Secretary's plans for curfew "
            "orders. The Greens also oppose the measures.")
    events = run_until(text, "events").extra["events"]
    rejects = [e for e in events if e["type"] == "REJECT" and "Greens" in
               [text[a["start"]:a["end"]] for a in e["actor"]]]
    assert rejects, events
    recipient = rejects[0]["recipient"][0]
    assert text[recipient["start"]:recipient["end"]] == "Home Secretary"
    assert recipient["via"] == "author"


def test_backing_an_order_is_aimed_at_whoever_proposed_it() -> None:
    """An order is a measure put forward: "backed the curfew orders" is support for the
    ministry that proposed them the sentence before."""
    text = ("The interior ministry proposed the scheme in May. The new police chief has "
            "backed the curfew orders.")
    events = run_until(text, "events").extra["events"]
    support = [e for e in events if e["type"] == "SUPPORT"]
    assert support and support[0]["recipient"], events
    recipient = support[0]["recipient"][0]
    assert "ministry" in text[recipient["start"]:recipient["end"]]
    assert recipient["via"] == "author"


def test_own_proposal_is_not_aimed_at_an_earlier_author() -> None:
    text = ("Ministers criticised the Home Secretary's plans. The government proposed the "
            "idea in March.")
    for e in _events(text):
        if "government" in e["actor"]:
            assert "Home Secretary" not in e["recipient"]


def test_a_stance_on_this_is_aimed_at_whom_the_text_before_is_about() -> None:
    """"X was paid a bonus. The committee called this indefensible": the target is X,
    marked as read from the text before; with no named party there, "this" stays."""
    text = ("Chief executive Tom Olsen was paid a bonus of 40,000 euros. The Senate "
            "committee called this morally indefensible.")
    events = [e for e in run_until(text, "events").extra["events"] if e["type"] == "ACCUSE"]
    assert events and events[0]["recipient"]
    target = events[0]["recipient"][0]
    assert "Tom Olsen" in text[target["start"]:target["end"]]
    assert target["via"] == "antecedent"
    text = "The plan was dropped in May. The Senate committee called this morally indefensible."
    events = [e for e in run_until(text, "events").extra["events"] if e["type"] == "ACCUSE"]
    assert events and [text[r["start"]:r["end"]] for r in events[0]["recipient"]] == ["this"]
