"""Event coding on hand-built sentences: types, actors, negation and hypotheticals."""

import pytest

from newsgraph.analyze import default_stages
from newsgraph.records import Article
from newsgraph.stages.events import EventsStage


def _events(text: str) -> list[dict]:
    article = Article(text)
    for stage in default_stages():
        stage.process_batch([article])
    EventsStage().process(article)
    return article.extra["events"]


def test_condemnation_is_accuse_with_coded_dyad():
    ev = _events("Iran's foreign minister condemned the United States on Monday.")
    assert [(e["type"], e["actor"][0]["country"], e["recipient"][0]["country"]) for e in ev] \
        == [("ACCUSE", "IRN", "USA")]


def test_several_actors_stay_one_event():
    ev = _events("France and Germany met with Chinese officials in Beijing.")
    consult = [e for e in ev if e["type"] == "CONSULT"]
    assert len(consult) == 1 and {a["country"] for a in consult[0]["actor"]} == {"FRA", "DEU"}


def test_negated_clause_yields_no_event():
    assert _events("Russia did not attack Ukraine on Friday.") == []


def test_hypothetical_is_the_speakers_threat_only():
    ev = _events("Russia warned Washington that supplying missiles would cross a red line.")
    assert [e["type"] for e in ev] == ["THREATEN"]
    assert ev[0]["recipient"][0]["country"] == "USA"


def test_quote_statement_links_the_quote():
    ev = _events("“We condemn the provocation of the US,” Russian President Vladimir Putin said.")
    accuse = [e for e in ev if e["type"] == "ACCUSE"]
    assert accuse and accuse[0]["quote"] is not None
    assert accuse[0]["actor"][0]["country"] == "RUS"


def test_caption_zone_is_skipped():
    text = "Russian troops attacked the village."
    article = Article(text)
    for stage in default_stages():
        stage.process_batch([article])
    article.zones = [{"kind": "caption", "start": 0, "end": len(text)}]
    EventsStage().process(article)
    assert article.extra["events"] == []


@pytest.mark.parametrize("text,kind", [
    ("The United States imposed sanctions on Iran.", "SANCTION"),
    ("Police arrested dozens of protesters in Paris.", "COERCE"),
    ("Japan will provide aid to the Philippines.", "AGREE"),
])
def test_trigger_types(text, kind):
    assert kind in {e["type"] for e in _events(text)}


def test_fronted_place_parsed_as_subject_keeps_the_real_actor():
    """The parser makes "In" the subject of "held"; the actor is the name conjoined to
    "Kyiv", and Kyiv is the place."""
    ev = _events("In Kyiv, Ursula von der Leyen, the president of the European Commission, "
                 "held talks with President Volodymyr Zelenskyy where she told him the "
                 "process was on track.")
    consult = [e for e in ev if e["type"] == "CONSULT"]
    assert consult and consult[0]["actor"][0]["name"] == "Ursula von der Leyen"
    assert consult[0]["actor"][0]["country"] == "EU"
    assert consult[0]["recipient"][0]["country"] == "UKR" and consult[0]["place"] == "Kyiv"


def test_steps_taken_are_events_and_aid_goes_to_the_receiver():
    """"took the first step toward providing aid" is done, not planned; the recipient of
    "providing billions of dollars ... to Taiwan" is Taiwan, not the money."""
    ev = _events("Mr Putin spoke after a US Senate committee on Wednesday took the first step "
                 "toward Washington directly providing billions of dollars in military aid "
                 "to Taiwan.")
    aid = [e for e in ev if e["type"] == "AID"]
    assert aid and (aid[0]["actor"][0]["country"], aid[0]["actor"][0]["sector"]) \
        == ("USA", "LEG")
    assert [r["country"] for r in aid[0]["recipient"]] == ["TWN"]


def test_planned_step_is_still_no_event():
    assert not [e for e in _events("Russia saw the deal as a step toward sending troops to "
                                   "Mali.") if e["type"] in ("MOBILIZE", "AID")]


def test_capital_tagged_as_person_still_codes_its_country():
    """The small model tags "Kyiv" as PERSON; alone, it is still the capital."""
    ev = _events("Kyiv says it recaptured more than 8,000 sq km.")
    assert ev and ev[0]["actor"][0]["country"] == "UKR"
