"""Quotes: one test per attribution rule and per tricky case of scraped text."""

from __future__ import annotations

from helpers import run_until

from newsgraph.records import Quote


def quotes_of(text: str) -> list[Quote]:
    return run_until(text, "quotes").quotes or []


def content(text: str, q: Quote) -> str:
    return " | ".join(text[s:e] for s, e in q.content)


def find(text: str, words: str) -> Quote:
    for q in quotes_of(text):
        if words in content(text, q):
            return q
    raise AssertionError(f"no quote containing {words!r}")


def test_speaker_after_quote() -> None:
    text = "“Attempts to isolate us have failed,” Mr Putin said."
    q = find(text, "Attempts")
    assert q.type == "direct" and q.rule == "cue_after"
    assert q.speaker.name == "Putin"
    assert content(text, q) == "Attempts to isolate us have failed"  # trailing comma dropped


def test_speaker_before_quote_with_colon() -> None:
    text = "Helena Marsh, Canada’s envoy to Geneva, tweeted: “The council has decided.”"
    q = find(text, "The council")
    assert q.rule == "cue_before"
    assert q.speaker.name == "Helena Marsh"
    assert q.medium == "Twitter"


def test_quote_interrupted_by_attribution_has_two_content_spans() -> None:
    text = "“We are ready,” she said, “and we will not wait for anyone.” Maria Lopez nodded."
    q = find(text, "We are ready")
    assert q.rule == "interrupted"
    assert len(q.content) == 2
    assert "we will not wait" in content(text, q)


def test_pronoun_speaker_resolved_to_the_person_named_before() -> None:
    text = ("Owen Hartley, a trade economist, spoke on Monday.\n\n"
            "“Brazil will stay out of it,” he wrote on Twitter.")
    q = find(text, "Brazil will")
    assert q.speaker.name == "Owen Hartley"
    assert q.speaker.resolved_by == "pronoun"
    assert q.medium == "Twitter"


def test_pronoun_gender_chooses_the_matching_person() -> None:
    text = ("Ursula Weber met President Tomas Novak in Prague, where she praised the plan.\n\n"
            "“It is impressive work,” she said.")
    q = find(text, "impressive")
    assert q.speaker.name == "Ursula Weber"


def test_pronoun_without_antecedent_is_unknown_not_guessed() -> None:
    text = "“The water came fast,” he said."
    q = find(text, "water came")
    assert q.speaker.name is None and q.speaker.resolved_by == "unknown"


def test_continuation_quote_takes_previous_speaker() -> None:
    text = ("“Every ally has to pull its weight,” Mr Dalton told CNN. "
            "“We cannot carry on as if nothing happened.”")
    first = find(text, "Every ally")
    second = find(text, "carry on")
    assert second.rule == "continuation" and second.continues == first.id
    assert second.speaker.name == first.speaker.name == "Dalton"
    assert first.medium == "CNN"


def test_wrong_direction_opening_mark() -> None:
    text = "The minister arrived late.”It’s impressive to see the speed,” said Anna Berg."
    q = find(text, "impressive")
    assert content(text, q) == "It’s impressive to see the speed"
    assert q.speaker.name == "Anna Berg"


def test_missing_space_after_closing_mark() -> None:
    text = "“We will win,” she said.Ukraine became a candidate in June, Jan Kowalski said."
    quotes = quotes_of(text)
    assert any(content(text, q) == "We will win" for q in quotes)
    assert not any("We will win" in content(text, q) and "Ukraine" in content(text, q)
                   for q in quotes)


def test_unbalanced_mark_never_pairs_across_paragraphs() -> None:
    text = "“This never closes, said nobody.\n\nThe next paragraph has a “quoted phrase” here."
    for q in quotes_of(text):
        for s, e in q.content:
            assert "\n" not in text[s:e]


def test_scare_quote_without_cue_is_not_a_direct_quote() -> None:
    text = "The two leaders signed a “no limits” friendship agreement last year."
    assert not any("no limits" in content(text, q) and q.type == "direct"
                   for q in quotes_of(text))


def test_mixed_quote_content_is_the_reported_clause() -> None:
    text = ("Owen Hartley said these were the “clearest hint yet of a change of course”.")
    q = find(text, "clearest hint")
    assert q.type == "mixed"
    assert content(text, q).startswith("these were")


def test_indirect_quote_with_cue_after_content() -> None:
    text = ("Canada on Monday placed fresh export limits on 14 companies, "
            "the Treasury Department said.")
    q = find(text, "placed fresh export limits")
    assert q.type == "indirect"
    assert q.speaker.name == "Treasury Department"


def test_according_to() -> None:
    text = "According to the city’s figures, around 9,000 people travel in every night."
    q = find(text, "9,000 people")
    assert q.rule == "according_to"
    assert "figures" in (q.speaker.name or "")


def test_told_with_addressee() -> None:
    text = ("Russian Foreign Minister Sergei Lavrov told reporters that the talks had been "
            "excellent.")
    q = find(text, "talks had been excellent")
    assert q.speaker.name == "Sergei Lavrov"
    assert q.addressee == "reporters"


def test_quoted_as_saying_gives_the_quoted_person() -> None:
    text = ("State broadcaster NHK quoted Mr Kishida as saying Japan was ready to defend "
            "“the shared rules of the region”.")
    q = find(text, "Japan was ready")
    assert q.speaker.name == "Kishida"


def test_nothing_is_taken_from_a_photo_caption() -> None:
    text = ("Officials said the dam held.\n\n"
            "Soldiers walk through the market of Kupiansk after the withdrawal on 2 October, 2022. "
            "Source: Reuters / (Photo by Jan Novak/Anadolu Agency via Getty Images)"
            "Authorities said the shells had hit a pipeline.")
    for q in quotes_of(text):
        assert "Getty" not in content(text, q)


# Regression tests for errors found on PolNeAR train.

def test_object_with_predicate_is_content() -> None:
    text = "Quintero went after Dunmore on Tuesday, calling him “a hopeless amateur.”"
    q = find(text, "a hopeless amateur")
    assert content(text, q).startswith("him")


def test_cue_with_colon_before_a_paragraph_break() -> None:
    text = ("The Harbor Gazette responded:\n\n"
            "“If there are families in this valley at risk, warn them today.”")
    q = find(text, "If there are families")
    assert q.speaker.name is not None and "Gazette" in q.speaker.name


def test_mixed_content_ends_after_the_closing_mark() -> None:
    text = ("Ellen Marsh told a school board on Thursday that the deficit is “pocket change,” "
            "compared to what the district spends on buses.")
    q = find(text, "deficit")
    assert "“pocket change,”" in content(text, q)


def test_quoted_as_saying_is_one_attribution() -> None:
    text = "NHK quoted Mr Kishida as saying Japan was ready to talk with Korea on fishing."
    quotes = [q for q in quotes_of(text) if "Japan was ready" in content(text, q)]
    assert len(quotes) == 1 and quotes[0].speaker.name == "Kishida"
    assert quotes[0].via is not None and quotes[0].via["name"] == "NHK"


def test_regression_mixed_content_ending_at_the_closing_mark_includes_it() -> None:
    """Seen in the demo: content stopped right before the ” that closed its fragment."""
    text = "Tom Whitfield called the plan “a gimmick paid for by people who never use it”."
    q = find(text, "gimmick")
    assert content(text, q).endswith("use it”")


def test_regression_inverted_cue_whose_subject_the_parser_missed() -> None:
    """A PolNeAR train miss of this shape: ``,” said <retired occupation> <Name>, asked about
    ...`` had no parsed subject, so the quote fell back to a continuation of the previous
    speaker."""
    text = ("“I'm not about to call it an error, so drop the subject,” said retired "
            "astronaut Helen Ortiz, asked about her claims that she had flown a secret mission.")
    q = find(text, "drop the subject")
    assert q.rule == "cue_after" and q.speaker.name == "Helen Ortiz"


def test_two_apostrophe_quotation_marks() -> None:
    """NYT archive text marks quotes with '' on both sides."""
    text = "''We are ready for this,'' said Maria Lopez. ''And we will not wait.''"
    first, second = find(text, "We are ready"), find(text, "will not wait")
    assert first.type == "direct" and content(text, first) == "We are ready for this"
    assert second.rule == "continuation" and second.speaker.name == "Maria Lopez"


def test_two_apostrophe_marks_make_a_mixed_quote() -> None:
    text = "The judge wrote that ''the record is clear'' on the matter."
    q = find(text, "the record is clear")
    assert q.type == "mixed" and content(text, q).startswith("''the record")


def test_speaker_inside_a_quote_is_replaced_by_the_governing_quote_speaker() -> None:
    """A PolNeAR train miss: the parser gave a participle cue a subject inside the quote it
    follows."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsgraph.stages.quotes import _Found, _speaker_from_direct

    words = ["Watch", "it", "said", "Ann", "suggesting", "that", "she", "saw", "it"]
    heads = [2, 0, 2, 2, 2, 7, 7, 4, 7]
    deps = ["ccomp", "dobj", "ROOT", "nsubj", "advcl", "mark", "nsubj", "ccomp", "dobj"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    direct = _Found([(0, 8)], doc[2], "cue_after", "direct", doc[3])
    reported = _Found([(36, 46)], doc[4], "complement", "indirect", doc[1])
    fixed = _speaker_from_direct(reported, [direct])
    assert fixed is not None and fixed.speaker_head.i == 3
    orphan = _Found([(36, 46)], doc[4], "complement", "indirect", doc[1])
    assert _speaker_from_direct(orphan, []) is None  # no governing quote: no guess


def test_quoted_fragment_governed_by_any_verb_is_a_mixed_attribution() -> None:
    text = "Senator Whitmore published an op-ed attacking his “disdain for the rules.”"
    q = find(text, "disdain")
    assert q.type == "mixed" and q.rule == "quoted_fragment"
    assert q.speaker.name == "Whitmore"
    assert content(text, q) == "his “disdain for the rules.”"


def test_scare_quotes_modifying_a_noun_are_not_attributed() -> None:
    text = "That could set off the “hung council” outcome in March."
    assert quotes_of(text) == []


def test_object_content_reaches_the_quoted_phrase_after_it() -> None:
    text = "Okonkwo blamed the parking ban on “shortsighted downtown planners.”"
    q = find(text, "the parking ban")
    assert content(text, q).endswith("planners.”")


def test_quoted_title_of_a_show_is_not_an_attribution() -> None:
    text = "Ms. Farrow later took a job on “Sunrise Kitchen Live.”"
    assert quotes_of(text) == []


def test_name_label_before_a_colon_is_the_speaker() -> None:
    text = "Economists agree - Laura Bennett: “The hardest part of the reform was the timing.”"
    q = find(text, "hardest part")
    assert q.rule == "label" and q.speaker.name == "Laura Bennett"
    assert text[slice(*q.speaker.mention[0])] == "Laura Bennett"


def test_a_sentence_before_a_colon_is_not_a_label() -> None:
    text = "The plan has one clear goal for the coming year: “Win the state.”"
    assert all(q.rule != "label" for q in quotes_of(text))


def test_relative_pronoun_speaker_names_its_antecedent() -> None:
    text = "Senator Marta Lindqvist, who said the budget must pass, spoke on Monday."
    q = find(text, "the budget must pass")
    assert text[slice(*q.speaker.mention[0])] == "who"  # the words, as PolNeAR marks them
    assert q.speaker.name == "Marta Lindqvist" and q.speaker.resolved_by == "relative pronoun"


def test_parenthetical_cue_inside_the_reported_clause_gives_two_spans() -> None:
    text = "Ms. Navarro, aides said, has grown deeply doubtful about the merger."
    q = find(text, "Ms. Navarro")
    assert q.rule == "parenthetical" and q.speaker.name == "aides"
    assert content(text, q) == "Ms. Navarro | has grown deeply doubtful about the merger"


def test_regression_second_quote_reusing_the_first_ones_cue_continues_it() -> None:
    """PolNeAR train: with '' marks the parser kept ``said. ''Q2`` in one sentence, and Q2
    took Q1's cue as a cue before it."""
    text = ("''The simple truth is that the league is not spending enough,'' Ms. Arden said. "
            "''With the money it has, it can repair these stadiums this year.''")
    q2 = find(text, "With the money")
    assert q2.rule == "continuation" and q2.speaker.name == "Arden"


def test_regression_cue_after_a_question_split_off_by_the_parser() -> None:
    """A PolNeAR train miss of the shape “...?” <Name> asked. -- the parser ended the sentence
    at ?”."""
    text = ("Hollis spoke first. “That’s like a threat, isn’t it? Isn’t that really a "
            "threat?” Garcia asked. “I call it a threat.”")
    q = find(text, "really a threat")
    assert q.rule == "cue_after" and q.speaker.name == "Garcia"


def test_quote_that_does_not_end_its_clause_is_mixed_not_direct() -> None:
    text = "Wilson says “the tide is turning our way” despite his defeat in Leeds."
    q = find(text, "the tide")
    assert q.type == "mixed"
    assert content(text, q).endswith("despite his defeat in Leeds")


def test_regression_only_speech_verbs_attribute_direct_quotes() -> None:
    """A PolNeAR train miss: a quote closed by ``,'' which votes <date>`` made "votes" the cue
    and "which" the speaker; "vote" is in the derived cue-relation table but says nothing."""
    text = ("“We could carry Ohio and Oregon,” said Lena Hartwell. “We have strong "
            "odds all the way to Oregon,” which votes May 19.")
    q = find(text, "strong odds")
    assert q.rule == "continuation" and q.speaker.name == "Lena Hartwell"


def test_dates_numbers_and_datelines_are_not_speakers() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsgraph.stages.speakers import plausible_speaker

    words = ["OSLO", "—", "Moreau", "said", "Saturday", "that", "25", "percent", "agree"]
    pos = ["PROPN", "PUNCT", "PROPN", "VERB", "PROPN", "SCONJ", "NUM", "NOUN", "VERB"]
    ents = ["B-GPE", "O", "B-PERSON", "O", "B-DATE", "O", "B-PERCENT", "I-PERCENT", "O"]
    doc = Doc(Vocab(), words=words, pos=pos, ents=ents,
              sent_starts=[True] + [False] * (len(words) - 1))
    assert [plausible_speaker(t) for t in doc] == [
        False, False, True, False, False, False, False, False, False]


def test_regression_no_break_space_before_a_quote() -> None:
    """A PolNeAR train miss of the shape ``<Name> continued.\\xa0“I’ve ...”`` -- a quote after
    a no-break space was not standalone, so it was lost."""
    text = ("“Let’s keep this short and simple,” Haddad continued.\xa0“I’ve visited "
            "the plant on several occasions and I am worried.”")
    q = find(text, "I’ve visited")
    assert q.rule == "continuation" and q.speaker.name == "Haddad"


def test_regression_lowercase_cue_after_an_exclamation() -> None:
    """A PolNeAR train miss of the shape “...!” he says to <Name> <long adjuncts> -- a long cue
    sentence the parser split off at !”."""
    text = ("Rosa Albright filmed the parade. Tomas Weir cheered. “They love me!” he says "
            "to Dunbar from beside the stage in a broadcast from the Elmwood parade.")
    q = find(text, "They love me")
    assert q.rule == "cue_after"


def test_regression_second_quote_with_its_own_cue_is_not_an_interruption() -> None:
    """PolNeAR train: “Q1,” <Name> said. He added, “Q2” was joined as one interrupted quote."""
    text = ("“We don't need them on our team,” Johnson said. He added, “I only want to hire "
            "players who will respect our fans.”")
    first, second = find(text, "need them"), find(text, "only want")
    assert first.id != second.id and len(first.content) == 1
    assert second.rule == "cue_before" and text[slice(*second.speaker.mention[0])] == "He"


def test_regression_only_speech_verbs_end_a_cue_after_content() -> None:
    """A PolNeAR train miss of the shape "..., a claim not <participle> <adverb>." made the
    participle a sentence-final cue with the speaker "a claim"."""
    text = ("Fishermen want the northern bay for their new cooperative. The duchy counts the "
            "whole bay as its ancestral waters, a claim not recognized abroad.")
    assert all(q.rule != "cue_after_content" for q in quotes_of(text))


def test_mixed_content_stops_where_the_writer_adds_a_clause() -> None:
    text = ("Dana Whitlock says she’s “happy where we are” as she faces a very difficult "
            "vote in Manitoba.")
    q = find(text, "happy")
    assert content(text, q) == "she’s “happy where we are”"


def test_according_to_after_a_quote_records_who_reports_it() -> None:
    text = ("“I ask you as a small favour not to heckle the speakers,” Grace Ndlovu said, "
            "according to NPR.")
    q = find(text, "small favour")
    assert q.speaker.name == "Grace Ndlovu"
    assert q.via is not None and q.via["name"] == "NPR"
    assert text[q.via["start"]:q.via["end"]] == "NPR"


def test_according_to_in_another_sentence_is_no_via() -> None:
    """Only an "according to" of the cue's own sentence says who reports the quote."""
    text = ("“We will not heckle the speakers,” Grace Ndlovu said. The march was peaceful, "
            "according to NPR.")
    q = find(text, "heckle")
    assert q.speaker.name == "Grace Ndlovu" and q.via is None


def test_long_speaker_description_between_quote_and_cue() -> None:
    text = ("“Nothing we could do now would change the outcome,” Maria Lopez, director of the "
            "Center for Coastal Studies at the Northern Policy Research Institute, said.")
    q = find(text, "Nothing we could do")
    assert q.type == "direct" and q.speaker.name == "Maria Lopez"
    assert content(text, q) == "Nothing we could do now would change the outcome"


def test_question_split_off_from_a_long_attribution_sentence() -> None:
    text = ("“Do you think I will back down?” Ms Hale asked reporters sharply during a "
            "briefing at the council offices late last week.")
    q = find(text, "back down")
    assert q.type == "direct" and q.speaker.name == "Hale"


def test_continuation_joins_the_reported_clause_right_before_it() -> None:
    text = ("“The rules are fine,” Ms Reyes wrote. Mr Okafor argued that the vote was "
            "rushed. “We should have waited another week for the final report.”")
    later = find(text, "We should have waited")
    reported = find(text, "the vote was rushed")
    assert later.continues == reported.id
    assert later.speaker.name == "Okafor"



def test_inverted_cue_after_content_when_the_parser_gives_no_complement() -> None:
    from newsgraph.stages.indirect import cue_after_content

    text = "The vote signals a new era for the party, said Anna Berg."
    doc = run_until(text, "quotes").doc
    said = next(t for t in doc if t.text == "said")
    span, speaker = cue_after_content(said) or ((0, 0), None)
    assert text[span[0]:span[1]] == "The vote signals a new era for the party"
    assert speaker is not None and speaker.text == "Berg"


def test_continuation_skips_a_clause_of_the_first_quotes_own_cue_sentence() -> None:
    text = ("“Only one of us owned a boat,” Ms Dorn said, referring to the 1998 regatta. "
            "“I was never the sailor in the family.”")
    first = find(text, "Only one of us")
    later = find(text, "I was never")
    assert later.continues == first.id and later.speaker.name == "Dorn"



def test_regression_inverted_rule_leaves_a_speaker_named_before_the_cue() -> None:
    from newsgraph.stages.indirect import cue_after_content

    text = ("Rockets had struck a fuel depot in the port, Olena Marchuk, the regional "
            "governor, said.")
    doc = run_until(text, "quotes").doc
    said = next(t for t in doc if t.text == "said")
    span, speaker = cue_after_content(said) or ((0, 0), None)
    assert text[span[0]:span[1]] == "Rockets had struck a fuel depot in the port"
    assert speaker is not None and speaker.text == "Marchuk"


def test_clause_with_a_named_subject_ending_in_a_colon_introduces_a_quote() -> None:
    text = "Senator Ruiz issued the following statement: “We will rebuild the old bridge.”"
    q = find(text, "We will rebuild")
    assert q.type == "direct" and q.rule == "colon_intro" and q.speaker.name == "Ruiz"


def test_colon_introduction_when_the_parser_hangs_the_colon_on_the_quote() -> None:
    text = "Mayor Linda Park was asked about the budget. Park shot back: “Ask the council.”"
    q = find(text, "Ask the council")
    assert q.rule == "colon_intro" and q.speaker.name in ("Park", "Linda Park")


def test_colon_after_a_clause_without_a_speaker_is_not_an_introduction() -> None:
    text = "The result was plain to see: “a complete rout of the old guard.”"
    assert not any(q.rule == "colon_intro" for q in quotes_of(text))


def test_interrupted_quote_with_a_participle_describing_the_cue() -> None:
    text = ("“Those engineers can build anything,” said Ms Brandt, speaking of contractors, "
            "“and they always finish a week early.”")
    q = find(text, "Those engineers")
    assert q.rule == "interrupted" and len(q.content) == 2


def test_participle_cue_right_before_the_second_part_gives_its_own_attribution() -> None:
    text = "“The plan is sound,” Ms Brandt said, adding, “We will start next month.”"
    first = find(text, "The plan")
    assert first.rule != "interrupted" and len(first.content) == 1


def test_object_content_carries_on_through_the_verbs_later_prepositions() -> None:
    text = "Mr Lindgren blamed the “perfect storm” for the collapse of the fishing season."
    q = find(text, "perfect storm")
    assert content(text, q) == "the “perfect storm” for the collapse of the fishing season"


def test_title_set_off_after_a_noun_is_not_a_direct_quote() -> None:
    text = ("In her memoir, “A Long Way Home,” published last year, Ms Osei described "
            "how she left the city.")
    assert not any(q.type == "direct" and "A Long Way Home" in content(text, q)
                   for q in quotes_of(text))



def test_speaker_described_by_a_relative_clause_the_parser_made_the_cues_clause() -> None:
    text = ("One volunteer, who like the others spoke on the promise of secrecy to describe "
            "the internal review, said the verdict was that \"this will not be fixed quickly.\"")
    q = find(text, "this will not be fixed quickly")
    assert q.speaker.name == "One volunteer" or q.speaker.name == "volunteer"
    assert "volunteer" not in content(text, q)


def test_quoted_clause_joined_after_the_content_carries_it_on() -> None:
    text = ("Ms Varga said she had received bids for the farmhouse, but “the bids were "
            "from buyers who wanted to tear it down.”")
    q = find(text, "the bids were")
    assert q.type == "mixed" and content(text, q).startswith("she had received bids")


def test_quote_completing_a_clause_the_writer_opened_is_mixed_with_the_whole_clause() -> None:
    text = ("The fair, usually visited by thousands of families each summer, “gives us a "
            "chance to meet people,” said Ana Ruiz, the organiser.")
    q = find(text, "gives us a chance")
    assert q.type == "mixed" and q.rule == "quoted_predicate"
    assert content(text, q).startswith("The fair, usually visited")


def test_quote_with_its_own_subject_after_an_introductory_phrase_stays_direct() -> None:
    text = "In a long statement on Monday, “we will appeal the ruling,” Mr Obi said."
    q = find(text, "we will appeal")
    assert q.type == "direct" and content(text, q) == "we will appeal the ruling"


def test_invisible_format_character_before_an_opening_mark() -> None:
    text = ("It was a long night for the town.\u202a”That is the reason the dam must be "
            "repaired. It is unsafe,” said Mira Kellan.")
    q = find(text, "the reason the dam")
    assert q.type == "direct" and q.speaker.name == "Mira Kellan"
