"""Repair: quotation-mark roles, glued sentence starts, paragraphs; the text never changes."""

from __future__ import annotations

from newsgraph.records import Article
from newsgraph.stages.repair import RepairStage, double_mark_roles, paragraphs


def roles(text: str) -> list[tuple[str, str]]:
    return [(text[m["offset"] + 1: m["offset"] + 4], m["role"])
            for m in double_mark_roles(text, 0, len(text))]


def test_wrong_direction_opening_mark_is_read_as_opening() -> None:
    text = "He left.”We understand your concern,” she said."
    assert [r for _, r in roles(text)] == ["open", "close"]


def test_closing_mark_glued_to_next_sentence_is_closing() -> None:
    text = "“We will explain our position.”President Xi did not reply."
    assert [r for _, r in roles(text)] == ["open", "close"]


def test_straight_quotes_pair_by_context() -> None:
    text = 'She said "no deal" and left. "Never," he replied.'
    assert [r for _, r in roles(text)] == ["open", "close", "open", "close"]


def test_glued_sentence_start_hint_after_period_and_mark() -> None:
    text = "It was over, she said.Ukraine then moved. He agreed.”Next came news."
    article = Article(text)
    RepairStage().process(article)
    starts = [h["offset"] for h in article.hints or []]
    assert text.index("Ukraine") in starts
    assert text.index("”Next") in starts  # an opening (wrong-direction) mark starts it


def test_paragraphs_are_lines_without_surrounding_space() -> None:
    text = "Title\n\n  First para.\nSecond para.  \n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["Title", "First para.", "Second para."]


def test_repair_never_edits_text() -> None:
    text = "Taiwan.’Alternative’ to WestIt was ”odd,” he said."
    article = Article(text)
    RepairStage().process(article)
    assert article.text == text
    assert all(0 <= h["offset"] <= len(text) for h in article.hints or [])


def test_two_character_marks_have_width_two() -> None:
    text = "He said ''no way,'' then ``maybe''. It's '''odd'''."
    marks = double_mark_roles(text, 0, len(text))
    assert [(m["offset"], m["role"], m["width"]) for m in marks] == [
        (8, "open", 2), (17, "close", 2), (25, "open", 2), (32, "close", 2)]
