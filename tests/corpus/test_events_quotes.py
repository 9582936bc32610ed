"""Event reports clustered into real events; repeated quotes grouped with the earliest."""

from newsgraph.corpus.events import Report, cluster_events
from newsgraph.corpus.quotes import QuoteRow, group_quotes


def _r(article: str, day: str | None, actors: set[str], recipients: set[str] = frozenset(),
       kind: str = "SANCTION", idx: int = 0, place: str | None = None,
       twin: tuple[str, int] | None = None) -> Report:
    return Report(article, idx, kind, frozenset(actors), frozenset(recipients), day, place, twin)


def test_reports_of_one_event_within_the_window_are_one_event() -> None:
    clusters = cluster_events([
        _r("a1", "2024-03-01", {"code:USAGOV"}, {"code:IRN"}),
        _r("a2", "2024-03-03", {"code:USAGOV"}, {"code:IRN"}),
        _r("a3", "2024-03-20", {"code:USAGOV"}, {"code:IRN"}),  # outside the window
        _r("a4", "2024-03-02", {"code:USAGOV"}, {"code:IRN"}, kind="ACCUSE"),  # another type
        _r("a5", "2024-03-02", {"code:USAGOV"}, {"code:CUB"}),  # another target
    ])
    sizes = sorted(len(c.articles) for c in clusters)
    assert sizes == [1, 1, 1, 2]
    first = next(c for c in clusters if len(c.articles) == 2)
    assert first.articles == ("a1", "a2") and first.earliest.article_id == "a1"


def test_a_bare_sector_is_no_shared_actor() -> None:
    clusters = cluster_events([_r("a1", "2024-03-01", {"sector:BUS"}),
                               _r("a2", "2024-03-01", {"sector:BUS"})])
    assert len(clusters) == 2


def test_undated_reports_need_a_specific_shared_recipient() -> None:
    clusters = cluster_events([_r("a1", None, {"per:1"}, {"sector:BUS"}),
                               _r("a2", None, {"per:1"}, {"sector:BUS"}),
                               _r("a3", None, {"per:1"}, {"org:4"}),
                               _r("a4", None, {"per:1"}, {"org:4"})])
    assert sorted(len(c.articles) for c in clusters) == [1, 1, 2]


def test_different_places_are_different_events() -> None:
    clusters = cluster_events([_r("a1", "2024-03-01", {"code:RUSMIL"}, place="kharkiv"),
                               _r("a2", "2024-03-01", {"code:RUSMIL"}, place="odesa")])
    assert len(clusters) == 2


def test_a_near_copy_joins_the_event_it_copies_even_undated() -> None:
    clusters = cluster_events([_r("a1", None, {"per:1"}), _r("a1", None, {"per:2"}, idx=1),
                               _r("a2", None, {"per:1"}, twin=("a1", 0)),
                               _r("a2", None, {"per:2"}, idx=1, twin=("a1", 1))])
    assert len(clusters) == 2 and all(c.articles == ("a1", "a2") for c in clusters)


def test_repeated_quotes_are_grouped_with_the_earliest_source() -> None:
    text = "We will not accept any deal that ignores the workers"
    groups = group_quotes([
        QuoteRow("a2", "q1", f"“{text},”", "per:1", "2024-05-02"),
        QuoteRow("a1", "q3", text.upper(), "per:1", "2024-05-01"),
        QuoteRow("a3", "q1", text.replace("any", "a"), "per:1", "2024-05-03"),  # light edit
        QuoteRow("a4", "q1", "We will", "per:1", None),  # too short to be a repeat
        QuoteRow("a5", "q1", "An entirely different statement about the budget", "per:1", None),
    ])
    assert len(groups) == 1
    assert {q.article_id for q in groups[0].quotes} == {"a1", "a2", "a3"}
    assert groups[0].earliest.article_id == "a1"


def test_quotes_in_one_article_only_are_no_group() -> None:
    text = "The plan is a disgrace to the whole country"
    assert group_quotes([QuoteRow("a1", "q1", text, None, None),
                         QuoteRow("a1", "q2", text, None, None)]) == []
