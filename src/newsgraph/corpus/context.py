"""Which of several people sharing a surname an article means by the surname alone.

Each bearer is known by the articles that name him in full: the other corpus entities
those articles mention (his co-occurrence profile) and the titles written with his name
there ("chancellor"). An article that writes only "Brown" is scored against every bearer:

1. context: the article's other entities that the bearer's profile holds, each weighted
   by its inverse document frequency (sharing "Labour" says more than sharing "UK") and
   by the share of the bearer's articles that mention it (so a bearer with many articles
   does not win on the size of his profile alone; a share from a few articles is shrunk,
   PRIOR_ARTICLES);
2. title: the title written with the bare surname, when exactly one bearer bears it.

The best bearer is chosen only when it wins clearly (CONTEXT_MARGIN, CONTEXT_MIN_SHARED);
a title decides only when no other bearer has more context. Otherwise no one is chosen:
a guess between two people could merge them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

# Chosen on bench/surname_context.py, which hides each full name of a person who shares
# his surname with others (3,795 on BBC), as if the article wrote the surname alone, and
# asks who it is; none of the pairs in eval/data/bbc_name_pairs.tsv took part. Margin 5,
# 3 shared entities, prior 20: 1,608 right, 13 wrong picks of a person known elsewhere
# and 152 of a person named nowhere else (mostly a second spelling of the one picked,
# "Rafa" / "Rafael Benitez"), 2,022 refused. Margin 3, 3 shared, prior 4 gave 1,573
# right, 22 + 167 wrong; margin 2 (prior 20) 1,895 right but 55 + 211 wrong.
#
# The winner's context score must be at least this many times the runner-up's: two
# bearers in one world (two politicians, two players of one team) share entities by
# chance, so nearly all of the evidence must point one way, not merely most of it.
CONTEXT_MARGIN = 5.0
# ... and rest on at least this many shared entities: one or two shared entities
# ("London", "BBC") are a coincidence as often as they are evidence.
CONTEXT_MIN_SHARED = 3
# A bearer's share of articles mentioning an entity is counted as if he had this many
# articles more, none mentioning it: a person named in full once shares everything in
# that one article (share 1.0), which says little about the company he keeps, while a
# person named in many articles is, other things equal, the likelier one meant.
PRIOR_ARTICLES = 20


class Profile(NamedTuple):
    """One bearer of a surname as the corpus knows him from his full-name articles."""

    articles: int  # how many articles name him in full
    entities: Mapping[str, int]  # other entity key -> how many of those articles hold it
    titles: frozenset[str]  # head words of the titles written with his name


class Choice(NamedTuple):
    bearer: int  # which of the candidate profiles
    rule: str  # the evidence, for corpus_evidence
    score: float  # the winner's share of the context evidence, 0-100


class Contexts:
    """The entity keys of every article, and how rare each key is in the corpus."""

    def __init__(self, keys: Iterable[tuple[str, str]]) -> None:
        by_article: dict[str, set[str]] = {}
        for article_id, key in keys:
            by_article.setdefault(article_id, set()).add(key)
        self.articles = {a: frozenset(k) for a, k in by_article.items()}
        self.df = Counter(k for ks in self.articles.values() for k in ks)
        n = max(len(self.articles), 1)
        self.idf = {k: math.log(n / d) for k, d in self.df.items()}

    def of(self, article_id: str, without: str = "") -> frozenset[str]:
        """The article's entity keys, leaving out the one being resolved."""
        return self.articles.get(article_id, frozenset()) - {without}

    def profile(self, article_ids: Iterable[str], own_key: str,
                titles: Iterable[str | None]) -> Profile:
        """A bearer's profile from the articles that name him in full."""
        ids = set(article_ids)
        counts = Counter(k for a in ids for k in self.of(a, own_key))
        return Profile(len(ids), counts, frozenset(filter(None, map(title_head, titles))))


def title_head(role: str | None) -> str | None:
    """The head word of a title ("shadow chancellor" -> "chancellor")."""
    words = (role or "").lower().split()
    return words[-1] if words else None


class Tuning(NamedTuple):
    margin: float = CONTEXT_MARGIN
    min_shared: int = CONTEXT_MIN_SHARED
    prior: int = PRIOR_ARTICLES


DEFAULT = Tuning()


def context_score(profile: Profile, context: frozenset[str], idf: Mapping[str, float],
                  prior: int = PRIOR_ARTICLES) -> tuple[float, int]:
    """(weighted overlap, shared entities) of an article's entities with a profile."""
    shared = [k for k in context if profile.entities.get(k)]
    weight = 1.0 / max(profile.articles + prior, 1)
    return sum(idf.get(k, 0.0) * profile.entities[k] * weight for k in shared), len(shared)


def choose(profiles: Sequence[Profile], context: frozenset[str], title: str | None,
           idf: Mapping[str, float], tuning: Tuning = DEFAULT) -> Choice | None:
    """The bearer the article means, or None when the evidence does not single one out."""
    if len(profiles) < 2:
        return None
    scores = [context_score(p, context, idf, tuning.prior) for p in profiles]
    head = title_head(title)
    fits = [i for i, p in enumerate(profiles) if head and head in p.titles]
    by_context = _context_winner(scores, tuning)
    if by_context is not None:  # refused when the title is another bearer's, not his
        return None if fits and by_context.bearer not in fits else by_context
    return _title_winner(fits, scores, head)


def _context_winner(scores: Sequence[tuple[float, int]], tuning: Tuning) -> Choice | None:
    order = sorted(range(len(scores)), key=lambda i: scores[i][0], reverse=True)
    (best, shared), (second, second_shared) = scores[order[0]], scores[order[1]]
    if shared < tuning.min_shared or best < tuning.margin * second or best <= 0:
        return None
    rule = f"context: {shared} shared entities vs {second_shared}"
    return Choice(order[0], rule, round(100.0 * best / (best + second), 1))


def _title_winner(fits: Sequence[int], scores: Sequence[tuple[float, int]],
                  head: str | None) -> Choice | None:
    """The one bearer written with this title elsewhere, unless another has more context."""
    if len(fits) != 1 or any(s[0] > scores[fits[0]][0] for s in scores):
        return None
    return Choice(fits[0], f"title: {head}, written with this person elsewhere", 100.0)
