"""Reported judgements and denials in plain sentences: who speaks when the parser hangs
the speaker inside the fronted clause, which predicates are criticism, and what a denial
of a claim is aimed at (hand-built sentences)."""

from typing import Any

from helpers import event_texts, run_until


def _events(text: str, kind: str) -> list[dict[str, Any]]:
    article = run_until(text, "events")
    return [e for e in article.extra["events"] if e["type"] == kind]


def _names(text: str, parties: list[dict[str, Any]]) -> list[str]:
    return [text[p["start"]:p["end"]] for p in parties]


def _first(text: str, kind: str) -> tuple[list[str], list[str]]:
    """Actor and recipient words of the first event of a kind (it must exist)."""
    found = _events(text, kind)
    assert found, text
    return _names(text, found[0]["actor"]), _names(text, found[0]["recipient"])


def test_a_denied_claim_names_no_target() -> None:
    """"denied her council was divided": the clause is what is denied; the council is no
    target (regression: the learned fallback took the clause's subject)."""
    text = "The mayor denied her council was divided over the budget."
    found = _events(text, "REJECT")
    assert found and found[0]["recipient"] == []


def test_a_denied_accusation_keeps_its_author() -> None:
    """Control: denying a noun ("the accusations made by X") is still aimed at X."""
    text = "Peru denied the accusations made by Bolivia."
    found = _events(text, "REJECT")
    assert found and _names(text, found[0]["recipient"]) == ["Bolivia"]


def test_a_speaker_hung_as_apposition_still_speaks() -> None:
    """"X is a wrong view of Y, President Karimov of Uzbekistan has said during a visit
    to France": the parser makes the president an apposition of "Islam" and leaves "said"
    without a subject; he still speaks, and still makes the visit."""
    text = ("Forbidding girls to study is an outdated view of Islam, President Karimov of "
            "Uzbekistan has said during a visit to France.")
    visits = _events(text, "CONSULT")
    assert visits and _names(text, visits[0]["actor"]) == [
        "President Karimov of Uzbekistan"]
    assert _names(text, visits[0]["recipient"]) == ["France"]


def test_a_predicate_noun_qualified_by_disapproval_is_criticism() -> None:
    """"said the council's plan was a shameful one": the adjective qualifies the predicate
    noun, and the judgement is criticism by the speaker."""
    text = "Ms Okafor said the council's plan was a shameful decision."
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["actor"]) == ["Ms Okafor"]


def test_a_judged_practice_is_criticism() -> None:
    """"Closing the libraries is a backward step, the senator said": a practice someone
    carries out, judged, is criticism."""
    text = "Closing the libraries is a backward step, the senator said."
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["actor"]) == ["senator"]


def test_a_judged_sight_is_no_criticism() -> None:
    """Control: "the rain was a pathetic sight" judges no one's act."""
    assert _events("Ms Okafor said the rain was a pathetic sight.", "ACCUSE") == []


def test_a_passive_accusation_takes_its_accuser_from_the_next_sentence() -> None:
    """A lede "X has been accused of ..." names the accuser in the next sentence's
    reporting clause (regression: the accusation had no actor and was dropped)."""
    text = ("Maria Lopez has been accused of hiding the cost of the new stadium. "
            "Councillor Juan Ortiz told reporters the figures were false.")
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["actor"]) == ["Councillor Juan Ortiz"]
    assert _names(text, found[0]["recipient"]) == ["Maria Lopez"]
    assert found[0]["actor"][0]["via"] == "next sentence"


def test_a_passive_accusation_followed_by_no_speech_has_no_accuser() -> None:
    """Control: a next sentence that reports no speech names no accuser."""
    text = ("Maria Lopez has been accused of hiding the cost of the new stadium. "
            "The figures were released on Monday by Juan Ortiz.")
    assert _events(text, "ACCUSE") == []


def test_a_decision_to_take_a_stance_is_the_stance() -> None:
    """"confirmed its decision to back the plans" backs them (regression: every decision's
    to-clause was read as not yet done)."""
    text = "The party confirmed its decision to back the Labour plans."
    found = _events(text, "SUPPORT")
    assert found and _names(text, found[0]["actor"]) == ["party"]


def test_a_decision_to_act_is_not_yet_the_act() -> None:
    """Control: "a decision to send troops" reports no deployment."""
    assert _events("The cabinet made a decision to send troops to Mali.", "MOBILIZE") == []


def test_a_fronted_date_does_not_make_a_claim_a_demand() -> None:
    """"On Monday the mayor insisted the budget did not mean cuts" claims; "On Monday" is
    no "insist on" (regression: any preposition made it a demand)."""
    text = "On Monday the mayor insisted the new budget did not mean cuts to schools."
    assert _events(text, "REQUEST") == []


def test_an_insisted_claim_is_a_rebuttal_with_no_target_guessed() -> None:
    """"insisted the code still meant tough criteria had to be met" rebuts a claim
    (REJECT; regression: no event) and names no target: the learned fallback may not take
    a noun of the clause ("the code"), as for a denied claim."""
    text = ("But Anna Berg insisted the council's code of conduct meant tough criteria "
            "still had to be met.")
    found = _events(text, "REJECT")
    assert found and found[0]["recipient"] == [] and _names(text, found[0]["actor"]) == [
        "Anna Berg"]


def test_insisting_on_something_is_a_demand() -> None:
    """Control: "insisted on a new vote" demands it."""
    assert _events("The union insisted on a new vote.", "REQUEST")


def test_whoever_is_outraged_at_someone_criticises_them() -> None:
    """"was outraged at the remarks by the minister": the one who feels it criticises the
    remarks' author (regression: feelings of dismay were no event)."""
    text = "Ms Diaz was outraged at the remarks by the minister."
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["actor"]) == ["Ms Diaz"]
    assert _names(text, found[0]["recipient"]) == ["minister"]


def test_an_act_that_angers_people_is_criticised_by_them() -> None:
    """"The ruling angered farmers": the active verb's object feels it."""
    text = "The ruling angered farmers across the region."
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["actor"]) == ["farmers"]


def test_dismay_at_no_ones_doing_is_no_criticism() -> None:
    """Control: "shocked at the findings", "the storm shocked everyone": nobody is blamed."""
    for text in ("She said she was shocked at the findings.", "The storm shocked everyone."):
        assert _events(text, "ACCUSE") == []


def test_complaints_received_are_made_by_whoever_sent_them() -> None:
    """"went to the police after receiving angry complaints from the public": the public
    complains (regression: "from" hangs on the verb, and the noun was left without an
    actor)."""
    text = "The charity went to the police after receiving angry complaints from the public."
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["actor"]) == ["public"]


def test_threats_got_from_someone_are_theirs() -> None:
    """"The agency got threats from the gang": the gang threatens (regression: the
    receiving verb's swap looked for "from" on the verb only)."""
    text = "The agency got threats from the gang."
    found = _events(text, "THREATEN")
    assert found and _names(text, found[0]["actor"]) == ["gang"]


def test_someones_aides_act_for_their_side() -> None:
    """"Senator Ruiz of Chile said her aides had held talks": the aides are Chile's
    (regression: "her aides" had no code and the talks no actor)."""
    text = "Senator Ruiz of Chile said her aides had held talks with the rebels."
    found = _events(text, "CONSULT")
    assert found and _names(text, found[0]["actor"]) == ["her aides"]
    assert found[0]["actor"][0]["country"] == "CHL"


def test_a_named_persons_team_acts_even_uncoded() -> None:
    """"Anna Berg said her team held a long discussion": the team is an actor even when
    Berg has no code."""
    text = "Anna Berg said her team had reached a view after holding a long discussion."
    found = _events(text, "CONSULT")
    assert found and _names(text, found[0]["actor"]) == ["her team"]


def test_calls_from_a_group_are_that_groups() -> None:
    """"rejected calls for an inquiry from the opposition": the rejection is aimed at the
    opposition (regression: "from" counted only for names, and not inside "for X")."""
    text = "The premier rejected calls for an inquiry from the opposition."
    found = _events(text, "REJECT")
    assert found and _names(text, found[0]["recipient"]) == ["opposition"]


def test_a_reported_failure_is_the_speakers_criticism() -> None:
    """"Mr Lee said the government had failed to act": Lee criticises the government
    (regression: coded as the government's refusal)."""
    text = "Mr Lee said the government had failed to act on crime."
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["actor"]) == ["Mr Lee"]
    assert _names(text, found[0]["recipient"]) == ["government"]


def test_failed_talks_blame_no_one() -> None:
    """Control: "said the talks had failed" names no one who failed."""
    assert _events("Mr Lee said the talks had failed.", "ACCUSE") == []


def test_calling_someone_a_liar_is_criticism() -> None:
    """"called the minister a liar": a name that condemns (regression: read as a call)."""
    text = "Mr Lee called the minister a liar."
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["recipient"]) == ["minister"]


def test_coming_under_fire_from_critics_is_criticism() -> None:
    """"The council came under fire from residents over the plan": the residents
    criticise the council (regression: no event; "fire" had no noun reading)."""
    text = "The council came under fire from residents over the plan."
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["actor"]) == ["residents"]
    assert _names(text, found[0]["recipient"]) == ["council"]


def test_coming_under_fire_from_rebels_is_force() -> None:
    """Control: fire from an armed group is fire."""
    text = "The village came under fire from rebels."
    assert _events(text, "ACCUSE") == [] and _events(text, "ASSAULT")


def test_coming_under_pressure_from_someone_is_their_demand() -> None:
    text = "The minister came under pressure from MPs to resign."
    found = _events(text, "REQUEST")
    assert found and _names(text, found[0]["actor"]) == ["MPs"]
    assert _names(text, found[0]["recipient"]) == ["minister"]


def test_force_by_no_one_named_is_kept_without_an_actor() -> None:
    """"Three soldiers were killed in the north": the killing is an event with no actor
    (regression: dropped for want of one); no doer is guessed."""
    text = "Three soldiers were killed in the north."
    found = _events(text, "ASSAULT")
    assert found and found[0]["actor"] == []
    assert _names(text, found[0]["recipient"]) == ["Three soldiers"]


def test_an_assassination_of_someone_is_kept_without_an_actor() -> None:
    text = "The protests began after the assassination of an opposition leader."
    found = _events(text, "ASSAULT")
    assert found and found[0]["actor"] == []


def test_an_attack_on_someone_by_no_one_named_is_not_guessed() -> None:
    """Control: "the minister was attacked in the press" may be words or force."""
    assert event_texts("The minister was attacked in the press.") == []


def test_a_possessive_stands_for_its_own_clauses_subject() -> None:
    """"The council was split over its decision to back the mayor's plans": "its" is the
    council, named before it in the same clause (regression: the antecedent search
    looked only before the clause, found nothing, and the support was dropped)."""
    text = "The city council was split over its decision to back the Labour housing plans."
    found = _events(text, "SUPPORT")
    assert found and _names(text, found[0]["actor"]) == ["city council"]


def test_asking_why_someone_acts_challenges_them() -> None:
    """"asked why the council was closing the library": asking someone to account for
    what they do is criticism of them (it used to be no event), while the questioned act
    stays an event of its own; "asked whether" only asks."""
    text = "Mary Jones asked why the council was closing the library."
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["actor"]) == ["Mary Jones"]
    assert _names(text, found[0]["recipient"]) == ["council"]
    assert _events("Mary Jones asked whether the council would close the library.",
                   "ACCUSE") == []


def test_shocked_to_see_what_someone_made() -> None:
    """"shocked to find a pamphlet by the National Front": the feeling is aimed at who
    made what was seen (it used to be no event; "shocked" is tagged as an adjective)."""
    text = ('Tom Hale spoke to reporters. "I was shocked to find a pamphlet by the '
            'National Front in our street," he said.')
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["recipient"]) == ["National Front"]
    assert _events("Anna Berg was shocked to see the flood damage.", "ACCUSE") == []


def test_dismissing_with_a_particle_is_a_rejection() -> None:
    """"shrugged off the resignation": a dismissal (it used to be coded as the
    resignation itself, a CONCEDE by the senator)."""
    text = "The senator shrugged off the resignation of her deputy."
    assert _events(text, "REJECT") and _events(text, "CONCEDE") == []


def test_opposition_from_named_parties_is_their_rejection() -> None:
    """"despite opposition from France and Italy": the noun with its own author is an
    act; "the opposition" as a party stays an actor, not an event."""
    text = "The Spanish minister defended the plan despite opposition from France and Italy."
    found = _events(text, "REJECT")
    assert found and _names(text, found[0]["actor"]) == ["France", "Italy"]
    assert _events("The opposition criticised the budget.", "REJECT") == []


def test_a_lede_demand_in_the_passive_is_made_by_the_next_speaker() -> None:
    """"Ministers have been asked to explain X. The Greens said ...": as with a lede's
    accusation, the asker is the next sentence's speaker (it used to be dropped)."""
    text = ("Ministers have been asked to explain how the report reached a newspaper. "
            "The Greens said the leak was a serious breach of trust.")
    found = _events(text, "REQUEST")
    assert found and _names(text, found[0]["actor"]) == ["Greens"]
    assert found[0]["actor"][0]["via"] == "next sentence"
    assert _names(text, found[0]["recipient"]) == ["Ministers"]


def test_a_titled_name_visiting_a_place_makes_the_visit() -> None:
    """"Mr Straw, visiting Oslo, said ...": the participle's actor is the name it
    modifies, and an honorific makes a name a person even when the tagger calls it a
    product, as it does "Straw" here (both used to lose the visit)."""
    text = "Mr Straw, visiting Oslo, said fishing quotas would be reviewed."
    found = _events(text, "CONSULT")
    assert found and _names(text, found[0]["actor"]) == ["Mr Straw"]
    assert _names(text, found[0]["recipient"]) == ["Oslo"]


def test_opening_with_an_attack_on_a_record_is_criticism() -> None:
    """"opened the conference with an attack on the government's record": the opener
    makes the attack, and an attack on a record is criticism, not violence."""
    text = "Anne Holt opened the conference with an attack on the government's record."
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["actor"]) == ["Anne Holt"]
    assert _events(text, "ASSAULT") == []


def test_opening_a_meeting_with_an_attack_is_the_attack_not_the_meeting() -> None:
    """"opened the summit in Leeds with an attack on the council's record": criticism by
    the co-chairman (regression: the summit, itself an event noun, was coded a meeting
    and the attack lost; "co-chairman" split in three broke the subject)."""
    text = ("Labour co-chairman Tom Reid opened the summit in Leeds with an attack on the "
            "council's record.")
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["actor"]) == ["Labour co-chairman Tom Reid"]
    assert found[0]["actor"][0]["sector"] == "PTY"
    assert _events(text, "CONSULT") == []


def test_reported_harm_by_someones_plans_is_criticism_of_them() -> None:
    """"said the Green plans would damage the economy", "... would cause economic
    failure", "the council's rule had been marked by failure": reported harm or failure
    brought by someone's doing is criticism of it (each used to be no event); harm by a
    storm, or a cause of no disapproval ("would cause delays"), is not."""
    for text, target in (("Anna Berg said the Green plans would damage the economy.",
                          "Green plans"),
                         ("Tom Reid has said Green policies would cause economic failure.",
                          "Green policies"),
                         ("Anna Berg said the council's rule had been marked by failure.",
                          "council's rule")):
        found = _events(text, "ACCUSE")
        assert found and _names(text, found[0]["recipient"]) == [target], text
    assert _events("Anna Berg said the storm would damage the harbour.", "ACCUSE") == []
    assert _events("Anna Berg said the plan would cause delays.", "ACCUSE") == []


def test_a_disapproval_joined_to_another_cause_still_blames() -> None:
    """"marked by broken promises and failure": the word of disapproval may be a later
    conjunct of what the rule was marked by (regression: only the first was read, and
    the sentence gave no event)."""
    text = "The mayor said the council's term had been marked by broken promises and failure."
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["recipient"]) == ["council's term"]


def test_said_not_to_be_trusted_or_naive_is_criticised() -> None:
    """"told delegates the Greens cannot be trusted on crime", "said Mr Kerr was naive":
    criticism of the Greens and of Mr Kerr (both used to be no event; the negation is the
    criticism itself); "could be trusted" is none."""
    text = "Anna Berg told delegates the Greens cannot be trusted on crime."
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["recipient"]) == ["Greens"]
    assert _events("Anna Berg said the Greens could be trusted on crime.", "ACCUSE") == []
    text = "Anna Berg said Mr Kerr was naive beyond belief."
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["recipient"]) == ["Mr Kerr"]


def test_a_warning_with_a_condition_threatens_whoever_must_act() -> None:
    """"warned there would be more strikes unless the government changed its plans": a
    conditional warning is a threat aimed at the one who must act (it used to be taken
    for a forecast and dropped); a plain forecast stays no event."""
    text = "Mark Serwotka warned there would be more strikes unless the government changed course."
    found = _events(text, "THREATEN")
    assert found and _names(text, found[0]["recipient"]) == ["government"]
    text = "Mark Serwotka warned there could be walkouts unless there was a government rethink."
    found = _events(text, "THREATEN")
    assert found and _names(text, found[0]["recipient"]) == ["government"]
    assert _events("Mark Serwotka warned that demand had dissipated.", "THREATEN") == []


def test_concern_that_a_clause_holds_is_aimed_at_whom_it_is_about() -> None:
    """"expressed concern that Peru had not improved its record": criticism of Peru, as
    is concern that "the rights conditions in Peru" have not improved (regression: the
    target was the word "concern"); a feared clause about no party keeps no party."""
    for text in ("The senator expressed concern that Peru had not improved its record.",
                 "The senator expressed concern that the rights conditions in Peru have not "
                 "improved enough."):
        found = _events(text, "ACCUSE")
        assert found and _names(text, found[0]["recipient"]) == ["Peru"], text
    text = "The senator expressed concern that the weather would be bad."
    found = _events(text, "ACCUSE")
    assert found and all(r.get("kind") == "thing" for r in found[0]["recipient"])


def test_an_act_done_in_protest_is_a_protest_by_its_doer() -> None:
    """"blocked the motorway in protest against the fuel tax", "will hold a vote on
    walkouts in protest at council plans": the doer protests, at what follows (regression:
    the protest noun had no actor and gave no event); the parser hangs "in" on a noun."""
    text = "Farmers blocked the motorway in protest against the new fuel tax."
    assert _first(text, "PROTEST") == (["Farmers"], ["new fuel tax"])
    text = ("The teachers' federation will hold a vote on walkouts in protest at council "
            "plans to close schools.")
    assert _first(text, "PROTEST")[1] == ["council plans"]


def test_said_to_have_a_terrible_record_is_criticism() -> None:
    """"said Chile had an appalling rights record": the light verb "have" with a noun a
    word of disapproval qualifies is criticism of its subject (regression: only a noun
    that was itself such a word counted, and "terrible" was not in the lexicon); a team's
    terrible season is no one's act."""
    for text in ("The minister said Chile had an appalling rights record.",
                 "The minister said Chile had a terrible rights record."):
        found = _events(text, "ACCUSE")
        assert found and _names(text, found[0]["recipient"]) == ["Chile"], text
    assert _events("The coach said the team had a terrible season.", "ACCUSE") == []


def test_a_relative_pronoun_subject_of_a_reported_clause_is_its_noun() -> None:
    """"Chile, which she said had an appalling record": "which" is the reported clause's
    subject and stands for Chile (regression: no event, "which" named no one)."""
    text = ("Anna Berg noted that sanctions applied to Peru but not to Chile, which she "
            "said had an appalling rights record.")
    found = _events(text, "ACCUSE")
    assert found and _names(text, found[0]["recipient"]) == ["Chile"]


def test_what_a_body_is_said_to_need_is_asked_of_it() -> None:
    """"said the council needs its own auditor", "... needs to act", "has to act": a call
    on the council or government (regression: no event); a country's need for rain, or a
    speaker's own need to leave, is not."""
    for text, target in (("Anna Berg has said the council needs its own auditor.", "council"),
                         ("Tom Reid said the government needs to act now.", "government"),
                         ("Tom Reid said the government has to act now.", "government")):
        found = _events(text, "REQUEST")
        assert found and _names(text, found[0]["recipient"]) == [target], text
    assert _events("Tom Reid said the country needs rain.", "REQUEST") == []
    assert _events("Tom Reid said he had to leave early.", "REQUEST") == []


def test_words_of_alarm_at_someones_doing_are_criticism() -> None:
    """"said the council's move was dangerous", "... was a worrying issue": criticism of
    the council (regression: no event, the words were not in the lexicon); a dangerous
    storm is no one's doing."""
    for text in ("Anna Berg said the council's move was dangerous.",
                 "Anna Berg said the council's plan to close the port was a worrying issue."):
        found = _events(text, "ACCUSE")
        assert found and _names(text, found[0]["recipient"])[0].startswith("council"), text
    assert _events("Anna Berg said the storm was dangerous.", "ACCUSE") == []


def test_a_judgement_inside_a_quotation_is_its_speakers_criticism() -> None:
    """`Anna Berg said: "Unlike Mr Kerr, who has wasted millions on consultants, ..."`:
    Anna Berg criticises Mr Kerr (regression: no event); the actor says it was found from
    the quotation. The same clause outside any quotation is no one's judgement."""
    text = ('Anna Berg said: "Unlike Mr Kerr, who has wasted millions on consultants, we '
            'will cut costs."')
    assert _first(text, "ACCUSE") == (["Anna Berg"], ["Mr Kerr"])
    assert _events(text, "ACCUSE")[0]["actor"][0]["via"] == "quote"
    assert _events("Voters chose Mr Kerr, who wasted millions.", "ACCUSE") == []


def test_a_criticism_of_his_plan_told_to_someone_is_aimed_at_the_one_told() -> None:
    """"told the senator that his plan ... was a worrying issue": criticism of the
    senator (regression: the target was "his plan", no one); said to no one, the plan
    stays the target."""
    told = "Anna Berg told the senator that his plan to close the port was a worrying issue."
    assert _first(told, "ACCUSE")[1] == ["senator"]
    said = "Anna Berg said his plan to close the port was a worrying issue."
    assert _first(said, "ACCUSE")[1] == ["his plan"]


def test_a_reported_future_passive_of_cooperation_is_the_speakers_pledge() -> None:
    """"The council says residents will be consulted": the council pledges to consult
    them (regression: no actor, no event); a reported sacking, or a past consultation,
    names no doer."""
    text = "The council says residents will be consulted on the parking scheme next month."
    found = _events(text, "AGREE")
    assert found and _names(text, found[0]["actor"]) == ["council"]
    assert _names(text, found[0]["recipient"]) == ["residents"]
    for text in ("The opposition said the minister will be sacked.",
                 "The council said residents were consulted."):
        assert [e for e in run_until(text, "events").extra["events"]
                if e["actor"] and text[e["trigger"][0]:e["trigger"][1]] in
                ("sacked", "consulted")] == [], text


def test_a_wanted_or_conditional_act_by_force_is_a_threat() -> None:
    """"wants to take the island by force", "... by force if necessary": a threat of force
    by whoever wants it (regression: no event; "says ... and hopes" gave the act to the
    reported clause's subject); an act done by force is no threat."""
    assert _first("Ankara wants to take the island by force.", "THREATEN") == (
        ["Ankara"], ["island"])
    text = ("Ankara says the island belongs to Turkey and hopes to annex it soon, by force if "
            "necessary.")
    assert _first(text, "THREATEN")[0] == ["Ankara"]
    assert _events("The army took the town by force.", "THREATEN") == []
