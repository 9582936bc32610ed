"""The learned target fallback: paths, candidates, refusal to guess, and its use by the
events stage (hand-built sentences and weights)."""

from __future__ import annotations

import re
from typing import Any

from helpers import event_texts, run_until

from newsgraph.nlp import load
from newsgraph.stages import recipient_model as rm

TEXT = "The foreign minister held several meetings in Nairobi on Monday."


def _doc(text: str = TEXT) -> Any:
    return load()(text)


def _event(text: str = TEXT, trigger: str = "held", actor: str = "The foreign minister",
           **extra: Any) -> dict[str, Any]:
    start = text.index(trigger)
    first = text.index(actor)
    return {"trigger": [start, start + len(trigger)], "cameo_root": "04", "quad_class": 1,
            "actor": [{"start": first, "end": first + len(actor)}], "recipient": [], **extra}


def _token(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


def test_path_goes_up_then_down_naming_prepositions() -> None:
    doc = _doc()
    held, nairobi = _token(doc, "held"), _token(doc, "Nairobi")
    assert rm.dep_path(held, nairobi) == ">dobj>prep/in>pobj"
    assert rm.dep_path(nairobi, held) == "^pobj^prep^dobj"


def test_path_longer_than_the_limit_is_none() -> None:
    doc = _doc("The minister said that the army had reportedly sent troops to the town of Kalo.")
    said, kalo = _token(doc, "said"), _token(doc, "Kalo")
    assert rm.dep_path(said, kalo) is None


def test_candidates_leave_out_trigger_and_actor() -> None:
    words = [tok.text for tok, _ in rm.candidates(_event(), _doc())]
    assert "Nairobi" in words and "Monday" not in words  # a date is when, not whom
    assert "minister" not in words and "held" not in words
    assert "meetings" not in words  # an event noun is the act itself


def test_best_target_follows_the_weights() -> None:
    doc, event = _doc(), _event()
    choice = rm.best_target(event, doc, {"bias": -2.0, "last=pobj": 1.0, "ent=GPE": 3.0})
    assert choice is not None and TEXT[choice.start:choice.end] == "Nairobi"
    assert choice.score > rm.THRESHOLD


def test_best_target_refuses_to_guess_below_the_threshold() -> None:
    assert rm.best_target(_event(), _doc(), {"bias": -5.0}) is None
    assert rm.best_target(_event(), _doc(), {}) is None


def test_joint_act_and_targeted_event_want_no_target() -> None:
    assert rm.wants_target(_event())
    assert not rm.wants_target(_event(recipient=[{"start": 0, "end": 3}]))
    two = _event()
    two["actor"] = two["actor"] * 2
    assert not rm.wants_target(two)
    two["quad_class"] = 4  # two attackers with no target named: still wants one
    assert rm.wants_target(two)


ARC = r"[a-z:]+(/[a-z']+)?"
PATH = rf"([>^]{ARC})+"
FEATURE = re.compile(rf"^(bias|p={PATH}|pt=\d\d\|{PATH}|ent=[A-Z_-]+|pos=[A-Z]+|"
                     rf"dir=(after|before)|d=\d|ep=[A-Z_-]+\|({PATH}|{ARC})|typ=\d\d|"
                     rf"last=({ARC}|-))$")


def test_packaged_weights_are_structure_not_vocabulary() -> None:
    """Every packaged feature is made of arcs, prepositions, labels, roots, positions."""
    weights = rm.load_weights()
    assert "bias" in weights and len(weights) > 100
    odd = [n for n in weights if not FEATURE.match(n)]
    assert odd == []


def test_stage_marks_the_learned_target() -> None:
    events = run_until(TEXT, "events").extra["events"]
    meeting = [e for e in events if e["type"] == "CONSULT"]
    assert meeting and meeting[0]["recipient"]
    target = meeting[0]["recipient"][0]
    assert (target["name"], target["via"]) == ("Nairobi", "model")
    assert 0 < target["score"] <= 1 and not any(k.startswith("_") for k in target)


def test_rules_come_first() -> None:
    """Where a rule names the target, the model adds nothing."""
    events = run_until("Russia attacked Ukraine on Monday.", "events").extra["events"]
    targets = [r for e in events for r in e["recipient"]]
    assert targets and not any(r.get("via") == "model" for r in targets)


def test_stage_without_the_fallback() -> None:
    """``learned_targets=False`` (used to train the model) leaves the meeting target-less."""
    from newsgraph.analyze import default_stages
    from newsgraph.records import Article
    from newsgraph.stages.events import EventsStage

    article = Article(TEXT)
    for stage in default_stages():
        if stage.name == "events":
            EventsStage(learned_targets=False).process_batch([article])
            break
        stage.process_batch([article])
    meeting = [e for e in article.extra["events"] if e["type"] == "CONSULT"]
    assert meeting and meeting[0]["recipient"] == []
    assert event_texts(TEXT)[0]["recipient"] == ["Nairobi"]


def test_path_does_not_climb_out_of_a_relative_clause() -> None:
    """"X, which opposed the war, urged Muslims": the Muslims are urged, not opposed."""
    doc = _doc("The group, which opposed the war, urged voters to stay at home.")
    assert rm.dep_path(_token(doc, "opposed"), _token(doc, "voters")) is None
    assert rm.dep_path(_token(doc, "opposed"), _token(doc, "war")) == ">dobj"


def test_a_measure_is_no_candidate() -> None:
    """"recaptured more than 5,000 sq km": the area is what was taken, not a party."""
    text = "Kyiv says it has recaptured more than 5,000 sq km."
    event = _event(text, trigger="recaptured", actor="Kyiv", cameo_root="19", quad_class=4)
    words = [tok.text for tok, _ in rm.candidates(event, _doc(text))]
    assert "5,000" not in words and "km" not in words


def test_a_word_of_time_is_no_candidate() -> None:
    """"backed the plan, as they did in the past": the past is when, not whom."""
    text = "Farmers backed the plan, as they did in the past."
    event = _event(text, trigger="backed", actor="Farmers", cameo_root="05", quad_class=1)
    words = [tok.text for tok, _ in rm.candidates(event, _doc(text))]
    assert "past" not in words and "plan" in words


def test_an_event_noun_is_no_candidate() -> None:
    """"will not end the strike": the strike is the act, not whom it is aimed at."""
    text = "The dockers said they will not end the strike before the ministry pays."
    event = _event(text, trigger="end", actor="The dockers", cameo_root="12", quad_class=3)
    words = [tok.text for tok, _ in rm.candidates(event, _doc(text))]
    assert "strike" not in words and "ministry" in words
