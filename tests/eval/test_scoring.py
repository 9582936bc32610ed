"""Scoring rule: one-to-one Dice matching and the speaker checks."""

from __future__ import annotations

from newsgraph.eval.polnear import parse_ann
from newsgraph.eval.scoring import Item, chars, dice, match, score_article, speaker_right

TEXT = "The Post reports that the team avoided the hospital, a source said."


def span(words: str) -> tuple[int, int]:
    s = TEXT.index(words)
    return s, s + len(words)


def test_dice_ignores_spaces() -> None:
    a = chars(TEXT, [span("the team avoided")])
    assert dice(a, chars(TEXT, [span("the team avoided")])) == 1.0
    assert dice(a, frozenset()) == 0.0


def test_match_is_one_to_one_and_needs_half_overlap() -> None:
    gold = [Item([span("the team avoided the hospital")])]
    preds = [Item([span("the team avoided the hospital")]), Item([span("the team")])]
    assert match(TEXT, preds, gold) == [(0, 0)]


def test_speaker_overlap_head_word_and_no_speaker() -> None:
    gold = Item([], [span("a source")])
    assert speaker_right(TEXT, Item([], [span("source")]), gold)
    assert not speaker_right(TEXT, Item([], [span("The Post")]), gold)
    assert speaker_right(TEXT, Item([]), Item([]))
    assert not speaker_right(TEXT, Item([]), gold)


def test_score_counts() -> None:
    gold = [Item([span("the team avoided the hospital")], [span("The Post")])]
    preds = [Item([span("the team avoided the hospital")], [span("a source")])]
    tally = score_article(TEXT, preds, gold)
    assert (tally.pred, tally.gold, tally.matched, tally.right) == (1, 1, 1, 0)


def test_parse_ann_with_discontinuous_content() -> None:
    lines = ["T1\tSource 0 8\tThe Post", "T2\tCue 9 16\treports",
             "T3\tContent 17 30;31 40\tx", "T4\tAttribution 9 16\treports",
             "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1", "#1\tAnnotatorNotes T1\tnote"]
    (att,) = parse_ann(lines)
    assert att.content == [(17, 30), (31, 40)] and att.source == [(0, 8)]
