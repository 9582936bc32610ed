"""Rows of the trigger lexicon that need an object to mean a political act: "gave the
impression" is no aid, "recalled remarks" no recall of an envoy, "swap payments" no
prisoner exchange (hand-built sentences)."""

from __future__ import annotations

import pytest
from helpers import event_texts


@pytest.mark.parametrize("text", [
    "Some 40 MPs gave their answers in recorded interviews.",
    "The French minister gave the impression he would resign.",
    "The Senate committee gave its verdict on Tuesday.",
    "The French minister recalled a string of comments from a senior colleague.",
    "French farmers swapped their vouchers for tax discounts.",
    # asking why or whether is a question, not a request
    "The senator asked whether the minister would resign.",
    # throwing people out is no rejection of a proposal
    "Police threw out the protesters.",
])
def test_no_act_without_its_object(text: str) -> None:
    assert event_texts(text) == []


@pytest.mark.parametrize(("text", "kind"), [
    ("Japan gave Kenya 20 million dollars in aid.", "AID"),
    ("Turkey recalled its ambassador from Vienna.", "SANCTION"),
    ("The rebels swapped prisoners with the army on Sunday.", "RETREAT"),
    # jeering and having misgivings about someone are disapproval
    ("Opposition senators jeered the prime minister.", "ACCUSE"),
    ("The Greens have serious misgivings about the minister's plan.", "ACCUSE"),
    # a denial rejects what it denies; arguing or campaigning against is opposition
    ("The party has denied it is trying to provoke unrest.", "REJECT"),
    ("The ministry denied the allegations.", "REJECT"),
    ("Senior ministers had argued vociferously against the toll scheme.", "REJECT"),
    # insisting that something is so rebuts another's claim; it demands nothing
    ("The minister insisted closer ties did not mean losing control of the borders.",
     "REJECT"),
    # insisting that someone act, or be treated so, is a demand
    ("The union insisted that the workers be paid.", "REQUEST"),
    ("The union insisted the government must pay the workers.", "REQUEST"),
    ("The senator asked the minister to resign.", "REQUEST"),
    # a reported "should not" demands that someone refrain
    ("The senator said the government should not cut the budget.", "REQUEST"),
    # a claim for damages is a legal accusation by whoever makes it
    ("The ministry faces more than 1,000 claims for damages from prisoners.", "ACCUSE"),
    # a reported breach of someone's rights is criticism; a coded violation stays itself
    ("Tom Olsen said that the practice breached his human rights.", "ACCUSE"),
    ("The ministry said Russia violated the ceasefire.", "ASSAULT"),
    # a label of approval is praise
    ("Green spokesman Tom Olsen called the change pragmatic.", "SUPPORT"),
    ("The senator described the deal as a breakthrough.", "SUPPORT"),
    # the act a question is about is coded on its own
    ("The senator asked why the council was agreeing to the parking measure now.", "AGREE"),
    # a court throwing out a case or a move rejects it; debating is consulting
    ("The judge threw out the case against the mayor.", "REJECT"),
    ("The tribunal threw out an appeal by the ministry.", "REJECT"),
    ("Senators debated the bill on Monday.", "CONSULT"),
])
def test_the_act_with_its_object(text: str, kind: str) -> None:
    assert kind in [e["type"] for e in event_texts(text)]


def test_bases_undo_inflections() -> None:
    from newsgraph.stages.event_lexicon import inflections, verb_bases

    for lemma in ("jeer", "bomb", "seize", "deny", "push", "ban"):
        for form in inflections(lemma):
            assert lemma in verb_bases(form), (lemma, form)
    assert verb_bases("press") == []  # no "-s" to take off "-ss"


def test_an_unlemmatised_past_verb_still_triggers() -> None:
    """The tagger may read "jeered" after a plural subject as a present verb and leave
    its lemma "jeered"; the lexicon's "jeer" still matches."""
    assert "ACCUSE" in [e["type"] for e in event_texts("Opposition senators jeered the "
                                                      "prime minister.")]
