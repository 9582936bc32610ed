"""PolNeAR view of our quotes: continuations join the quote whose cue they follow."""

from __future__ import annotations

from newsgraph.eval.quotes import polnear_view
from newsgraph.records import Article, Quote, Speaker

TEXT = ("“It is new,” Mr. Hill said in a film that showed the rooms. “It is our brand.”\n"
        "“Next paragraph.”")


def span(words: str) -> tuple[int, int]:
    s = TEXT.index(words)
    return s, s + len(words)


def quote(qid: str, words: str, cue: str | None = None, continues: str | None = None) -> Quote:
    return Quote(qid, "direct", [span(words)], [span(cue)] if cue else [],
                 Speaker([span("Mr. Hill")], "Hill", None, "name"), "rule", continues=continues)


def test_continuation_joins_its_quote_across_a_quote_in_between() -> None:
    """Regression: an indirect quote found in the cue clause kept the two apart."""
    article = Article(TEXT)
    article.quotes = [quote("q1", "It is new", "said"),
                      quote("q2", "the rooms", "showed"),
                      quote("q3", "It is our brand.", continues="q1")]
    view = polnear_view(article)
    assert [q.id for q in view] == ["q1", "q2"]
    assert view[0].content == [span("It is new"), span("It is our brand.")]


def test_continuation_in_a_new_paragraph_joins_too() -> None:
    article = Article(TEXT)
    article.quotes = [quote("q1", "It is new", "said"),
                      quote("q3", "Next paragraph.", continues="q1")]
    view = polnear_view(article)
    assert [q.id for q in view] == ["q1"]
    assert view[0].content == [span("It is new"), span("Next paragraph.")]


def test_quotes_that_continue_nothing_stay_apart() -> None:
    article = Article(TEXT)
    article.quotes = [quote("q1", "It is new", "said"), quote("q3", "Next paragraph.")]
    assert [q.id for q in polnear_view(article)] == ["q1", "q3"]


def test_a_reported_quote_is_scored_with_its_outermost_source() -> None:
    article = Article(TEXT)
    q = quote("q1", "It is new", "said")
    q.via = {"name": "a film", "start": span("a film")[0], "end": span("a film")[1]}
    article.quotes = [q]
    assert polnear_view(article)[0].speaker.mention == [span("a film")]
    assert article.quotes[0].speaker.mention == [span("Mr. Hill")]  # the record is kept
