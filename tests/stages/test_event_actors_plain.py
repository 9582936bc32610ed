"""Actors of events in plain sentences: a verb the parser hangs on a reported clause is the
speaker's; an event noun's "from X" and possessor act; a political offensive aimed at no
one is criticism (hand-built sentences)."""


import pytest
from helpers import event_texts

_events = event_texts


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
    # a relative pronoun subject is the noun its clause modifies
    ("The Green Alliance, which opposed the new runway, urged voters to stay home.", "REJECT",
     "Green Alliance"),
    ("The Liberal Democrats, who have criticised the plan, want a vote.", "ACCUSE",
     "Liberal Democrats"),
    # a pronoun reported by a role noun's speech verb is that role noun, not the name
    # mentioned last
    ("Anna Berg met Tom Olsen. The party leader said he would resign.", "AGREE",
     "party leader"),
    ("Anna Berg met Tom Olsen. The Green leader rejects the claims, arguing that he has "
     "been critical of the minister's failure.", "ACCUSE", "Green leader"),
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


def _recipients(text: str, kind: str) -> list[list[str]]:
    return [e["recipient"] for e in _events(text) if e["type"] == kind]


@pytest.mark.parametrize(("text", "target"), [
    # a reported judgement of disapproval is criticism aimed at what is judged
    ("Senator Ruth Kessler said the government was incompetent.", "government"),
    ("Ruth Kessler said France and Spain were wrong.", "Spain"),
    # a hyphenated name the parser splits into several subjects is one target
    ('Ruth Kessler said: "UK e-Borders was a terrible waste of public money."', "Borders"),
    # a label of falsehood is disapproval too
    ("The minister called the opposition's claims baseless.", "claims"),
    ("Ruth Kessler said the plan was rubbish.", "plan"),
    # what someone ran or did: a case, a project, its handling
    ("The minister said the tendering case had been a disaster for years.", "case"),
])
def test_disapproval_is_criticism(text: str, target: str) -> None:
    found = _recipients(text, "ACCUSE")
    assert found and any(target in r for r in found[0]), found
    assert all(r != "-" for r in found[0])


def test_a_judgement_of_no_one_is_no_event() -> None:
    assert _recipients("Ruth Kessler said the weather was terrible.", "ACCUSE") == []


@pytest.mark.parametrize(("text", "recipient"), [
    # a verb of fault in a reported clause with someone as its subject is criticism
    ("Campaigners said ministers had misled parliament.", "ministers"),
    ("The Tories said Tony Blair lied about the war.", "Tony Blair"),
    # a light verb whose object is a fault of its subject
    ("The senator said the governor had made a serious mistake.", "governor"),
    ("A former minister says Ms Varga has a bigger problem than her image.", "Ms Varga"),
    # ...also in a clause under the reported one
    ("Ruth Kessler says the premier was not worried because Mr Olsen lacked a plan.",
     "Mr Olsen"),
    ("Ruth Kessler said the talks failed and the minister lied about it.", "minister"),
])
def test_reported_fault_is_criticism(text: str, recipient: str) -> None:
    found = [e for e in _events(text) if e["type"] == "ACCUSE"]
    assert found, _events(text)
    assert recipient in found[0]["recipient"]


def test_ones_own_mistake_is_no_criticism() -> None:
    assert not [e for e in _events("Ruth Kessler said she was sorry because she had made "
                                   "a mistake.") if e["type"] == "ACCUSE"]


def test_a_country_having_a_problem_is_no_criticism() -> None:
    """Control: a problem of a place (drought) blames no one."""
    assert not [e for e in _events("Officials said the country has a problem with drought.")
                if e["type"] == "ACCUSE"]


def test_a_thing_lacking_something_is_no_criticism() -> None:
    assert not [e for e in _events("Campaigners said the road lacked lighting.")
                if e["type"] == "ACCUSE"]


def test_a_named_reporter_is_left_to_the_resolver() -> None:
    """Control: "Tom Olsen met the minister. He said he would resign": "he" is Olsen."""
    from helpers import run_until

    article = run_until("Tom Olsen met the minister. He said he would resign.", "events")
    names = {e.id: e.name for e in article.entities or []}
    agreed = [e for e in article.extra["events"] if e["type"] == "AGREE"]
    assert agreed and names.get(agreed[0]["actor"][0]["entity"]) == "Tom Olsen"


def _named(text: str, kind: str) -> list[tuple[str, str]]:
    """(words, resolved name) of the actors of the first event of a kind."""
    from helpers import run_until

    events = [e for e in run_until(text, "events").extra["events"] if e["type"] == kind]
    assert events, f"no {kind} event in {text!r}"
    return [(text[a["start"]:a["end"]], a["name"]) for a in events[0]["actor"]]


def test_a_pronoun_standing_for_a_pronoun_is_followed_back() -> None:
    """Regression: "They said they would press X" left "they" unresolved, so no event."""
    text = ("The Conservatives announced their support for the bill on Monday. They said "
            "they would also press Labour over the cost.")
    assert _named(text, "REQUEST") == [("they", "Conservatives")]


def test_a_main_clause_subject_beats_a_nearer_subordinate_one() -> None:
    """Regression: "... whether the Home Office could deliver. And they pledged" took the
    Home Office for "they"."""
    text = ("The Conservatives said they would ask whether the Home Office could deliver "
            "the savings. And they pledged to assess the cost of the scheme.")
    assert _named(text, "AGREE") == [("they", "Conservatives")]


def test_a_chain_of_pronouns_is_followed_past_a_subordinate_subject() -> None:
    """Regression: "They said they would press X over whether Y could deliver. And they
    pledged ..." took a noun of the hold-to-account clause for the third "they"."""
    text = ("But the Greens insisted they would keep councillors to their word. They said "
            "they would also lobby the mayor over whether the depot could cope. And they "
            "pledged to review the cost of the tram.")
    assert _named(text, "AGREE") == [("they", "Greens")]


def test_the_actors_own_act_is_no_target() -> None:
    """The actor's own act, named by a pronoun, is not whom the act is aimed at (a guard
    for the possessor rule: without it "his willingness" became the target)."""
    found = [e for e in _events("President Olsen refused to meet the American envoy but "
                                "his willingness to talk was clear.") if e["type"] == "REJECT"]
    assert found and "his willingness" not in found[0]["recipient"]


def test_a_named_party_without_an_entity_is_not_folded_into_an_earlier_event() -> None:
    """Regression: "the Tories insisted ... They said they would press Labour": the
    second REQUEST, whose actor "Tories" has no entity or country, was folded into the
    first as an unnamed repeat and took its recipient."""
    from newsgraph.stages.events import merge_repeats

    def event(actor: str, sent: int) -> dict:
        return {"type": "REQUEST", "_sent": sent, "place": None, "date": None,
                "actor": [{"name": actor, "country": None, "entity": None}],
                "recipient": []}

    assert len(merge_repeats([event("Tories", 0), event("Tories", 1)])) == 2
    assert len(merge_repeats([event("Tories", 0), event("the two leaders", 1)])) == 1


@pytest.mark.parametrize(("text", "kind", "actor"), [
    # a gerund under a preposition acts with the subject of the verb it hangs from
    ("The senators reached a view after holding talks with the minister.", "CONSULT",
     "senators"),
    ("The minister spoke to reporters before visiting the refugees in Calais.", "CONSULT",
     "minister"),
    # a meeting noun under "during", "after": the subject takes part in it
    ("The Chilean president said during a visit to Norway that talks would resume.",
     "CONSULT", "Chilean president"),
    ("The minister spoke after talks with the Chinese delegation.", "CONSULT", "minister"),
])
def test_a_gerund_after_a_preposition_has_the_verbs_subject(text: str, kind: str,
                                                             actor: str) -> None:
    found = [e for e in _events(text) if e["type"] == kind]
    assert found and actor in found[0]["actor"], _events(text)
