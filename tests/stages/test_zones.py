"""Zones and glued boundaries: hand-made damaged text, a property test, and the seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.stages import repair
from newsgraph.stages.zones import find_zones, glued_boundaries

KINDS = {"body", "subheading", "caption", "credit", "boilerplate"}
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def spans(text: str, kind: str) -> list[str]:
    return [text[z["start"]:z["end"]] for z in find_zones(text, repair.paragraphs(text))
            if z["kind"] == kind]


def test_camel_case_glue_is_a_boundary_but_names_are_not() -> None:
    text = "Prices rose in the northThe bank said. McDonald, iPhone, YouTube, PlayStation and " \
           "LinkedIn users agreed."
    assert glued_boundaries(text) == [text.index("The bank")]


def test_mark_and_bracket_glue() -> None:
    text = "A deal ‘on the table’Officials said (AFP)The talks in Côte d’Ivoire went on."
    found = glued_boundaries(text)
    assert found == [text.index("Officials"), text.index("The talks")]


def test_glued_subheadings_between_sentences() -> None:
    text = ("Markets fell sharply on Monday.Energy pricesThe cost of gas rose again, traders "
            "said.’A hard winter’In Berlin, officials met. Nothing else changed.")
    assert spans(text, "subheading") == ["Energy prices", "’A hard winter’"]


def test_a_line_alone_between_paragraphs_is_a_subheading_but_a_list_is_not() -> None:
    text = ("Headline of the story\n\nThe council met on Monday.\n\nWhat happens next\n\n"
            "The vote is due in May.\n\nApples\n\nPears\n\nplums were cut mid\n\nsentence here.")
    assert spans(text, "subheading") == ["What happens next"]


def test_caption_with_credit_glued_into_a_paragraph() -> None:
    caption = ("Firefighters tackle a blaze near a village on 3 August, 2023 in Evros, Greece. "
               "Source: Reuters / (Photo by Jane Doe/Reuters)")
    text = f"The fire spread overnight, officials said.{caption}Rain is forecast for Friday."
    assert spans(text, "caption") == [caption]
    assert spans(text, "credit") == ["Source: Reuters / (Photo by Jane Doe/Reuters)"]
    assert spans(text, "body") == ["The fire spread overnight, officials said.",
                                   "Rain is forecast for Friday."]


def test_caption_found_by_caption_language_when_not_glued() -> None:
    text = ("The summit opened on Monday. Leaders talked for hours. President Smith waves as he "
            "arrives at the airport in Lima. (AP Photo/John Doe) The talks went on.")
    assert spans(text, "caption") == [
        "President Smith waves as he arrives at the airport in Lima. (AP Photo/John Doe)"]


def test_credit_alone_without_caption_language() -> None:
    text = ("The summit opened on Monday. Leaders talked for hours about trade and money. "
            "The talks went on. Photo: Getty Images Next day they met again.")
    assert spans(text, "caption") == []
    assert spans(text, "credit") == ["Photo: Getty Images Next"]


def test_boilerplate_dateline_share_bar_and_prompts() -> None:
    text = ("LONDON (Reuters) - Britain's economy grew in May, data showed.\n\n"
            "Read more: Five things to know about the budget\n\n"
            "Share this article\n\n"
            "The figures surprised economists. Sign up for our daily newsletter.\n\n"
            "WASHINGTON — Officials said more data was due.")
    assert spans(text, "boilerplate") == [
        "LONDON (Reuters) -", "Read more: Five things to know about the budget",
        "Share this article", "Sign up for our daily newsletter.", "WASHINGTON —"]
    assert "Britain's economy grew in May, data showed." in spans(text, "body")


def test_clean_prose_is_all_body() -> None:
    text = "Title line\n\nThe minister said the plan, which costs £5m, is “fair”. Critics disagree."
    zones = find_zones(text, repair.paragraphs(text))
    assert [z["kind"] for z in zones] == ["body", "body"]


WORDS = st.sampled_from("the minister said on Monday that prices rose sharply in Kyiv and "
                        "officials were ready to act".split())
SENTENCE = st.lists(WORDS, min_size=3, max_size=12).map(lambda w: " ".join(w).capitalize() + ".")
HEADING = st.lists(WORDS, min_size=1, max_size=4).map(lambda w: " ".join(w).title())
CREDIT = st.sampled_from(["Source: Getty / (Photo by A B/AFP via Getty Images)",
                          "(AP Photo/Jo Doe)", "Reuters/Ann Lee", "Photo: EPA"])


@st.composite
def damaged(draw: st.DrawFn) -> str:
    """Prose with injected damage: glued subheadings, captions with credits, flipped marks,
    missing spaces, and arbitrary characters."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["plain", "heading", "caption", "flip", "noise", "para"]))
        sentence = draw(SENTENCE)
        if kind == "heading":
            parts.append(sentence + draw(st.sampled_from(["", "’"])) + draw(HEADING) +
                         draw(st.sampled_from(["", "’"])))
        elif kind == "caption":
            parts.append(f"{sentence} {draw(CREDIT)}")
        elif kind == "flip":
            parts.append(f"”{sentence}”")
        elif kind == "noise":
            parts.append(draw(st.text(max_size=30)))
        elif kind == "para":
            parts.append("\n\n" + sentence)
        else:
            parts.append(sentence + draw(st.sampled_from([" ", ""])))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(damaged())
def test_zones_and_hints_stay_in_the_text_and_never_change_it(text: str) -> None:
    original = str(text)
    paragraphs = repair.paragraphs(text)
    zones = find_zones(text, paragraphs)
    assert text == original
    for zone in zones:
        assert zone["kind"] in KINDS
        assert 0 <= zone["start"] < zone["end"] <= len(text)
        assert any(lo <= zone["start"] and zone["end"] <= hi for lo, hi in paragraphs)
    for offset in glued_boundaries(text):
        assert 0 < offset < len(text)
    body = [(z["start"], z["end"]) for z in zones if z["kind"] == "body"]
    others = [(z["start"], z["end"]) for z in zones if z["kind"] != "body"]
    assert not any(s < oe and os_ < e for s, e in body for os_, oe in others)


def test_seed_article_subheadings_captions_and_glue() -> None:
    seed = SHARED / "seed"
    if not (seed / "article.txt").exists():
        pytest.skip(f"seed article not found at {seed} (shared data is not beside the repo)")
    text = (seed / "article.txt").read_bytes().decode("utf-8")
    gold = json.loads((seed / "gold.json").read_text(encoding="utf-8"))["artifacts"]
    zones = find_zones(text, repair.paragraphs(text))
    for item in gold:
        if item["kind"] in ("subheading", "caption"):
            start = item["span"][0] if "span" in item else text.index(item["text"])
            end = start + len(item["text"])
            assert any(z["kind"] == item["kind"] and z["start"] < end and start < z["end"]
                       for z in zones), item["text"]
    theirs = {h["offset"] for h in repair.glued_boundaries(text, [])}
    assert len(theirs | set(glued_boundaries(text))) >= 6


def test_glued_hints_name_their_rule() -> None:
    from newsgraph.stages.zones import glued_hints

    text = "It ended in the westThe talks (AFP)Officials met ‘again’Later that day."
    assert [(h["offset"], h["rule"]) for h in glued_hints(text)] == [
        (text.index("The talks"), "camel_glue"), (text.index("Officials"), "bracket_glue"),
        (text.index("Later"), "mark_glue")]
    assert all(h["kind"] == "sentence_start" for h in glued_hints(text))
