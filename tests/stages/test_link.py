"""Link: a quote's date and place come from its attribution, never from the quoted words."""

from __future__ import annotations

from helpers import run_until

from newsgraph.records import Quote
from newsgraph.stages.link import link_quote


def linked(text: str, published: str | None = "2022-09-15") -> list[Quote]:
    article = run_until(text, "places", published)
    for quote in article.quotes or []:
        link_quote(article, quote)
    return article.quotes or []


def test_date_in_the_attribution_clause() -> None:
    (q,) = linked("Russian forces attacked several villages overnight, the General Staff "
                  "said on Wednesday.")
    assert q.date == {"value": "2022-09-14", "start": q.date["start"], "end": q.date["end"],
                      "from": "text"}


def test_date_inside_the_quote_is_not_the_quote_date() -> None:
    (q,) = linked("“We will finish the bridge on Friday,” said Mayor Anna Berg.")
    assert q.date == {"value": "2022-09-15", "from": "published"}


def test_no_publication_date_and_no_date_in_text_gives_none() -> None:
    (q,) = linked("“We will finish the bridge,” said Mayor Anna Berg.", published=None)
    assert q.date is None


def test_place_from_a_locative_phrase() -> None:
    quotes = linked("In Vilnius, Kaja Tamm held talks with President Gitanas Nauseda, "
                    "where she told him Lithuania’s plan was on course.")
    assert any(q.place and q.place["name"] == "Vilnius" for q in quotes)
