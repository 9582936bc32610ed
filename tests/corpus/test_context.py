"""A bare surname shared by several people goes to the one its article's context singles
out (shared entities, titles), by a clear margin; otherwise it is refused."""

import sqlite3

from newsgraph.corpus.checks import name_spread
from newsgraph.corpus.context import (
    CONTEXT_MARGIN,
    Profile,
    Tuning,
    choose,
    context_score,
    title_head,
)
from newsgraph.corpus.entities import CorpusEntity, Member, resolve_entities
from newsgraph.corpus.resolve import Resolution, write

POLITICS = [("Labour", "ORG"), ("Treasury", "ORG"), ("Tony Blair", "PERSON")]
FOOTBALL = [("Manchester United", "ORG"), ("Alex Ferguson", "PERSON"),
            ("Old Trafford", "FAC")]


def _article(article: str, person: str, company: list[tuple[str, str]],
             role: str | None = None) -> list[Member]:
    out = [Member(article, "e1", person, "PERSON", role)]
    return out + [Member(article, f"e{i}", n, label) for i, (n, label) in
                  enumerate(company, start=2)]


def _corpus(*extra: list[Member], role: str | None = None) -> list[Member]:
    """Gordon Brown named in full in three politics articles, Wes Brown in three football
    ones: neither holds DOMINANT_SHARE of the surname's articles."""
    members: list[Member] = []
    for n in range(3):
        members += _article(f"g{n}", "Gordon Brown", POLITICS, role)
        members += _article(f"w{n}", "Wes Brown", FOOTBALL)
    for more in extra:
        members += more
    return members


def _ids(members: list[Member]) -> dict[tuple[str, str], CorpusEntity]:
    return {(m.article_id, m.entity_id): e for e in resolve_entities(members) for m in e.members}


def test_a_bare_surname_goes_to_the_bearer_whose_company_its_article_keeps() -> None:
    ids = _ids(_corpus(_article("p1", "Brown", POLITICS), _article("s1", "Brown", FOOTBALL)))
    gordon, wes = ids[("g0", "e1")], ids[("w0", "e1")]
    assert gordon.id != wes.id  # the two people stay two
    assert ids[("p1", "e1")].id == gordon.id
    assert ids[("s1", "e1")].id == wes.id
    rules = [ev.rule for ev in gordon.evidence if ev.b == "Brown"]
    assert rules == ["context: 3 shared entities vs 0"]


def test_a_context_that_fits_both_bearers_is_refused() -> None:
    ids = _ids(_corpus(_article("m1", "Brown", POLITICS + FOOTBALL)))
    brown = ids[("m1", "e1")]
    assert brown.id not in (ids[("g0", "e1")].id, ids[("w0", "e1")].id)
    assert brown.ambiguous


def test_too_little_shared_context_is_refused() -> None:
    ids = _ids(_corpus(_article("p1", "Brown", POLITICS[:2])))  # two shared entities
    assert ids[("p1", "e1")].ambiguous


def test_a_title_seen_with_only_one_bearer_decides_when_context_is_silent() -> None:
    ids = _ids(_corpus(_article("t1", "Brown", [], role="chancellor"), role="chancellor"))
    assert ids[("t1", "e1")].id == ids[("g0", "e1")].id
    assert any(ev.rule.startswith("title: chancellor") for ev in ids[("g0", "e1")].evidence)


def test_a_title_against_the_context_is_refused() -> None:
    ids = _ids(_corpus(_article("t1", "Brown", FOOTBALL, role="chancellor"),
                       role="chancellor"))
    assert ids[("t1", "e1")].ambiguous


def test_no_context_pick_across_a_transliteration_or_for_a_place_name() -> None:
    members = []
    for n in range(3):
        members += _article(f"e{n}", "Eleanor Scott", POLITICS)
        members += _article(f"d{n}", "Dan Scott", FOOTBALL)
        members += _article(f"m{n}", "Mike England", FOOTBALL)
        members += _article(f"t{n}", "Tom England", POLITICS)
        members += [Member(f"c{n}", "e9", "England", "GPE")]
    members += _corpus(_article("s1", "Scot", POLITICS), _article("n1", "England", FOOTBALL))
    ids = _ids(members)
    assert ids[("s1", "e1")].ambiguous  # "Scot" is spelled unlike Scott: no guess on it
    assert ids[("n1", "e1")].ambiguous  # "England" is a place in more articles


def _profile(articles: int, **entities: int) -> Profile:
    return Profile(articles, entities, frozenset())


def test_choose_asks_for_the_margin_and_the_shared_entities() -> None:
    idf = {k: 1.0 for k in "abcd"}
    strong, weak = _profile(1, a=1, b=1, c=1), _profile(1, a=1)
    context = frozenset("abc")
    choice = choose([weak, strong], context, None, idf, Tuning(3.0, 3, 0))
    assert choice is not None and choice.bearer == 1
    assert choice.rule == "context: 3 shared entities vs 1"
    assert choose([weak, strong], context, None, idf, Tuning(3.5, 3, 0)) is None  # 3 < 3.5
    assert choose([weak, strong], context, None, idf, Tuning(2.0, 4, 0)) is None
    assert choose([strong], context, None, idf) is None  # one bearer: not this rule's case
    assert CONTEXT_MARGIN > 1


def test_the_prior_keeps_a_one_article_bearer_from_outweighing_a_frequent_one() -> None:
    idf = {"a": 1.0, "b": 1.0}
    once, often = _profile(1, a=1, b=1), _profile(50, a=40, b=40)
    context = frozenset("ab")
    assert context_score(once, context, idf, 0)[0] > context_score(often, context, idf, 0)[0]
    assert context_score(once, context, idf, 20)[0] < context_score(often, context, idf, 20)[0]
    assert title_head("shadow chancellor") == "chancellor" and title_head(None) is None


def test_name_spread_shows_where_a_bare_surname_went() -> None:
    members = _corpus(_article("p1", "Brown", POLITICS), _article("p2", "Brown", POLITICS),
                      _article("s1", "Brown", FOOTBALL), _article("m1", "Brown", []))
    conn = sqlite3.connect(":memory:")
    write(conn, Resolution(resolve_entities(members), [], []))
    assert name_spread(conn, "Brown") == [("Gordon Brown", 2), ("(refused)", 1),
                                          ("Wes Brown", 1)]


def test_a_dominant_bearer_does_not_take_a_surname_whose_context_is_another_s() -> None:
    """Regression: "Howard" in a football line-up went to the Tory leader, who bears the
    surname in over 90% of its full-name articles, though its context was the keeper's."""
    members: list[Member] = []
    for n in range(12):
        members += _article(f"m{n}", "Michael Howard", POLITICS)
    members += _article("t0", "Tim Howard", FOOTBALL)
    members += _article("s1", "Howard", FOOTBALL[:2])  # too little context to pick Tim
    members += _article("q1", "Howard", [])  # no context at all: the dominant bearer
    ids = _ids(members)
    michael = ids[("m0", "e1")].id
    assert ids[("s1", "e1")].id != michael
    assert ids[("q1", "e1")].id == michael
