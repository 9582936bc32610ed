"""Events reported by several articles clustered into one real-world event each.

Two reports are one event when they have the same PLOVER type, share a specific actor (a
corpus entity, or a code with a country: "a firm" in two stories is no shared actor),
have compatible recipients (a shared one, or none on either side), fall within
WINDOW_DAYS of each other, and do not name different places. Undated reports need a
shared specific recipient too: without a date, type and actor alone are not one event. A report in
a near copy of an article joins the cluster of the report it copies. GDELT counts reports;
this counts events, each with the list of articles that report it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

# Reports of one event are dated by their own text or their publication: a story filed
# the next morning, or a weekly round-up, is still within three days of the event.
WINDOW_DAYS = 3
GENERIC = "sector:"  # prefix of party keys that are a sector alone


class Report(NamedTuple):
    """One event as one article states it, with its parties already keyed corpus-wide."""

    article_id: str
    idx: int
    type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    day: str | None  # YYYY-MM-DD
    place: str | None  # the place the event is said to happen in, folded
    twin: tuple[str, int] | None = None  # the same report in the article this one copies


class EventCluster(NamedTuple):
    id: str
    type: str
    reports: tuple[Report, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.article_id for r in self.reports))

    @property
    def earliest(self) -> Report:
        return min(self.reports, key=lambda r: (r.day or "9999", r.article_id, r.idx))


def cluster_events(reports: Iterable[Report]) -> list[EventCluster]:
    """Clusters in order of their first report; a report joins the first cluster it fits."""
    clusters: list[list[Report]] = []
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    home_of: dict[tuple[str, int], int] = {}
    ordered = sorted(reports, key=lambda r: (r.twin is not None, r.day or "", r.article_id,
                                             r.idx))
    for report in ordered:
        home = home_of.get(report.twin) if report.twin else None
        if home is None:
            home = next((i for a in sorted(report.actors) if specific(a)
                         for i in by_key[(report.type, a)] if _fits(clusters[i], report)), None)
        if home is None:
            home = len(clusters)
            clusters.append([])
        clusters[home].append(report)
        home_of[(report.article_id, report.idx)] = home
        for actor in report.actors:
            if home not in by_key[(report.type, actor)]:
                by_key[(report.type, actor)].append(home)
    return [EventCluster(f"ev:{n}", c[0].type, tuple(c)) for n, c in enumerate(clusters, 1)]


def specific(key: str) -> bool:
    """A party key that names someone: a corpus entity or a country code, not a bare
    sector ("a firm", "police")."""
    return not key.startswith(GENERIC)


def _fits(cluster: list[Report], report: Report) -> bool:
    first = cluster[0]
    if not any(specific(a) for a in first.actors & report.actors):
        return False
    if not _recipients_agree(first, report):
        return False
    undated = first.day is None or report.day is None
    if undated and not any(specific(r) for r in first.recipients & report.recipients):
        return False
    if first.place and report.place and first.place != report.place:
        return False
    return _within(first.day, report.day)


def _recipients_agree(a: Report, b: Report) -> bool:
    if not a.recipients and not b.recipients:
        return True
    return bool(a.recipients & b.recipients)


def _within(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a == b  # undated reports only join undated ones: no date, no evidence
    try:
        gap = abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)
    except ValueError:
        return False
    return gap <= WINDOW_DAYS
