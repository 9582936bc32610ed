"""How often the article's context would pick the right bearer of a shared surname, on
an analysed store, by hiding names the store knows: each article that names one of
several same-surname people in full is treated as if it wrote the surname alone, and
that person's profile is rebuilt without the article (leave one out). A pick of anyone
else is a wrong merge; a person named in no other article can only be refused.

    python bench/surname_context.py --db /tmp/bbc.db            # a store analyse filled
    python bench/surname_context.py --db /tmp/bbc.db --grid     # margins and priors

No name list is involved: every surname with several full-named bearers is tried. It
scores ``context.choose`` alone: the guards around it in ``entities`` (the spelling
written, a name mostly tagged as a place) can only refuse more.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections import Counter
from collections.abc import Iterator

from newsgraph.corpus import entities as E
from newsgraph.corpus.context import Profile, Tuning, choose
from newsgraph.corpus.resolve import _members


def _picker(conn: sqlite3.Connection) -> tuple[list[E._Group], E._ContextPicker]:
    """The full-name groups and the context picker, built as resolve builds them."""
    members = [m for m in _members(conn) if any(c.isupper() for c in m.name)]
    people = [m for m in members if m.label in E.PERSON_LABELS]
    full, single = [], []
    for m in sorted(people, key=lambda m: (m.name, m.article_id, m.entity_id)):
        name = E.person_name(m.name)
        if name is not None:
            (full if name.given else single).append((name, m))
    groups = E._full_name_groups(full)
    named = [tuple(g.members) for g in groups]
    by_skeleton, in_article = E._surname_index(groups)
    undecided = [(n, m) for n, m in single
                 if not E._attach_unambiguous(n, m, by_skeleton, in_article)]
    keys = [(m.article_id, f"org:{E.org_key(m.name)}") for m in members
            if m.label not in E.PERSON_LABELS]
    return groups, E._ContextPicker(groups, named, undecided, keys)


def _held_out(picker: E._ContextPicker, i: int, article: str) -> Profile:
    """Person ``i``'s profile as it would be had ``article`` not named him."""
    others = [m for m in picker.named[i] if m.article_id != article]
    return picker.contexts.profile((m.article_id for m in others), f"per:{i}",
                                   (m.role for m in others))


Trial = tuple[list[Profile], int, frozenset[str], str | None]


def trials(groups: list[E._Group], picker: E._ContextPicker) -> Iterator[Trial]:
    """(candidate profiles with the truth's held out, the truth, the article's context, the
    title written with the hidden name there)."""
    by_skeleton: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        by_skeleton.setdefault(g.name.skeleton, []).append(i)
    for ids in (v for v in by_skeleton.values() if len(v) > 1):
        for truth in ids:
            for article in sorted({m.article_id for m in picker.named[truth]}):
                if any(article in {m.article_id for m in picker.named[j]} for j in ids
                       if j != truth):
                    continue  # both named in full there: the article itself decides
                context = picker.contexts.of(article, f"per:{truth}")
                role = next((m.role for m in picker.named[truth]
                             if m.article_id == article and m.role), None)
                profiles = [picker.profile(j) if j != truth else
                            _held_out(picker, j, article) for j in ids]
                yield profiles, ids.index(truth), context, role


def score(cases: list[Trial], idf: dict[str, float], tuning: Tuning) -> Counter[str]:
    """Counts of right picks, wrong picks (the hidden person named elsewhere, or nowhere
    else: then no pick is right, though the full-name grouping may have split one person
    into two spellings, "Ted Heath" / "Edward Heath") and refusals."""
    out: Counter[str] = Counter()
    for profiles, truth, context, title in cases:
        choice = choose(profiles, context, title, idf, tuning)
        known = "known" if profiles[truth].articles else "unknown"
        if choice is None:
            out["refused"] += 1
        else:
            out["right" if choice.bearer == truth else f"wrong_{known}"] += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--grid", action="store_true", help="also try other margins and priors")
    args = ap.parse_args()
    conn = sqlite3.connect(args.db)
    conn.row_factory = sqlite3.Row
    groups, picker = _picker(conn)
    cases = list(trials(groups, picker))
    grid = [Tuning()]
    if args.grid:
        grid += [Tuning(m, s, p) for m in (2.0, 3.0, 5.0) for s in (2, 3, 5)
                 for p in (0, 4, 10, 20)]
    unknown = sum(not p[t].articles for p, t, _, _ in cases)
    print(f"{len(cases)} hidden full names of people sharing a surname, {unknown} of "
          "people named in no other article (only a refusal is right)")
    for t in grid:
        n = score(cases, picker.contexts.idf, t)
        picks = n["right"] + n["wrong_known"] + n["wrong_unknown"]
        print(f"margin {t.margin:3} min_shared {t.min_shared} prior {t.prior:2}: "
              f"{n['right']} right, wrong {n['wrong_known']} ({n['wrong_known'] / picks:.1%}) "
              f"+ {n['wrong_unknown']} named nowhere else, {n['refused']} refused")


if __name__ == "__main__":
    main()
