"""One corpus-wide id per person and organisation, with the evidence for every merge.

1. each article's entity clusters come in already resolved inside the article ("Mr Blair"
   and "Tony Blair" are one cluster there);
2. people with a given name and a surname are grouped by surname skeleton and given name:
   "Volodymyr Zelensky" and "Volodymyr Zelenskyy" merge, "Tony Blair" and "Cherie Blair"
   never do (different given names are different people, however similar the strings);
3. a surname alone ("Blair") joins a full name only when it is unambiguous: exactly one
   full-named person with that surname in the same article, else in the whole corpus, or
   one bearer who has nearly all the corpus's full-name articles with that surname,
   else the bearer the article's own context singles out by a clear margin (the
   entities it shares with his full-name articles, his titles: :mod:`.context`);
   otherwise it keeps an id of its own, flagged ambiguous; an initial ("S Williams")
   joins only the one spelled-out name it fits;
4. organisations merge on their normalised name, and on a near-identical spelling
   (rapidfuzz ratio at least ORG_SIMILARITY).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from rapidfuzz import fuzz

from .context import Contexts, Profile, choose, context_score
from .names import PersonName, given_compatible, org_key, person_name

PERSON_LABELS = frozenset({"PERSON"})
ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
# Organisation spellings at least this similar are one ("World Health Organisation" /
# "Organization" score 96); "UN Security Council" / "UN Human Rights Council" score 71.
ORG_SIMILARITY = 95.0
# News names a person by surname alone when readers know whom it means: the bearer with
# at least this share of the full-name articles, and this many of them, is the one meant
# by a bare surname elsewhere in the corpus (Tony Blair: 145 of 154 BBC articles).
DOMINANT_SHARE = 0.9
DOMINANT_ARTICLES = 10


class Member(NamedTuple):
    """One article's entity cluster."""

    article_id: str
    entity_id: str
    name: str
    label: str
    role: str | None = None  # the title written with the name in the article


class Evidence(NamedTuple):
    rule: str  # why two names were merged
    a: str
    b: str
    score: float


class CorpusEntity(NamedTuple):
    id: str
    label: str
    name: str  # the longest full name seen
    members: tuple[Member, ...]
    evidence: tuple[Evidence, ...]
    ambiguous: bool  # a surname alone that several people share


def resolve_entities(members: Iterable[Member]) -> list[CorpusEntity]:
    """Corpus entities for every member, people first, then organisations; ids are stable
    for the same input (numbered in order of the sorted names)."""
    people: list[Member] = []
    orgs: list[Member] = []
    others: list[Member] = []  # places and facilities: context for surnames, no ids
    for m in members:
        if not any(c.isupper() for c in m.name):
            continue  # "bush", "the council": a tagging slip, not a name
        if m.label in PERSON_LABELS:
            people.append(m)
        else:
            (orgs if m.label in ORG_LABELS else others).append(m)
    out = _people(people, orgs + others) + _organisations(orgs)
    return [e._replace(id=f"{e.label[:3].lower()}:{n}") for n, e in enumerate(out, start=1)]


class _Group:
    def __init__(self, name: PersonName, member: Member) -> None:
        self.name, self.display = name, member.name
        self.members: list[Member] = [member]
        self.evidence: list[Evidence] = []

    def add(self, member: Member, rule: str, score: float) -> None:
        self.evidence.append(Evidence(rule, self.display, member.name, score))
        self.members.append(member)
        if len(member.name) > len(self.display):
            self.display = member.name

    def entity(self, ambiguous: bool = False) -> CorpusEntity:
        return CorpusEntity("", "PERSON", self.display, tuple(self.members),
                            tuple(self.evidence), ambiguous)


def _people(members: list[Member], context: list[Member]) -> list[CorpusEntity]:
    """Corpus people; ``context`` (the other entities) helps place a bare surname."""
    full: list[tuple[PersonName, Member]] = []
    single: list[tuple[PersonName, Member]] = []
    for m in sorted(members, key=lambda m: (m.name, m.article_id, m.entity_id)):
        name = person_name(m.name)
        if name is not None:
            (full if name.given else single).append((name, m))
    groups = _full_name_groups(full)
    extra = _attach_surnames(groups, single, [(m.article_id, f"org:{org_key(m.name)}")
                                              for m in context])
    return [g.entity() for g in groups] + extra


def _full_name_groups(full: list[tuple[PersonName, Member]]) -> list[_Group]:
    """Full names grouped; names with a spelled-out given name first, so that an initial
    ("S Williams") joins a group only when exactly one fits (Serena or Shane: neither)."""
    by_skeleton: dict[str, list[_Group]] = defaultdict(list)
    groups: list[_Group] = []
    initials: list[tuple[PersonName, Member]] = []
    for name, member in full:
        if _initial_only(name):
            initials.append((name, member))
            continue
        fits = [g for g in by_skeleton[name.skeleton] if g.name.first == name.first
                and given_compatible(g.name, name)]
        if fits:
            _join(fits[0], name, member)
        else:
            groups.append(_new(by_skeleton, name, member))
    for name, member in initials:
        fits = [g for g in by_skeleton[name.skeleton] if given_compatible(g.name, name)]
        if len(fits) == 1:
            _join(fits[0], name, member)
        else:
            groups.append(_new(by_skeleton, name, member))
    return groups


def _initial_only(name: PersonName) -> bool:
    return name.first is not None and len(name.first.rstrip(".")) == 1


def _new(by_skeleton: dict[str, list[_Group]], name: PersonName, member: Member) -> _Group:
    group = _Group(name, member)
    by_skeleton[name.skeleton].append(group)
    return group


def _join(group: _Group, name: PersonName, member: Member) -> None:
    rule = "same name" if group.name == name else (
        "same surname spelling, same given name" if group.name.surname == name.surname
        else "transliteration of the surname, same given name")
    if _initial_only(name) and not _initial_only(group.name):
        rule = "initial of the only given name that fits"
    group.add(member, rule, fuzz.ratio(group.display, member.name))
    if len(name.given) > len(group.name.given):
        group.name = name  # keep the fullest given names to compare with


def _attach_surnames(groups: list[_Group], single: list[tuple[PersonName, Member]],
                     context_keys: list[tuple[str, str]]) -> list[CorpusEntity]:
    """Surname-only clusters joined to the one person they can be (unambiguous, dominant,
    else singled out by the article's context); the rest stay apart."""
    named = [tuple(g.members) for g in groups]  # full names only, before any surname joins
    by_skeleton, in_article = _surname_index(groups)
    undecided = [(n, m) for n, m in single
                 if not _attach_unambiguous(n, m, by_skeleton, in_article)]
    picker = _ContextPicker(groups, named, undecided, context_keys)
    alone: dict[str, _Group] = {}
    for name, member in undecided:
        local = in_article[(member.article_id, name.skeleton)]
        candidates = by_skeleton[name.skeleton]
        if not local and picker.attach(candidates, name, member):
            continue
        dominant = None if local else _dominant(candidates)
        if dominant is not None and picker.fits(dominant[0], candidates, member, name):
            group, share = dominant
            group.add(member, "surname of the person who bears it in "
                      f"{share:.0%} of the articles naming someone by it", 100.0 * share)
            continue
        if name.skeleton in alone:
            alone[name.skeleton].add(member, "same surname alone", 100.0)
        else:
            alone[name.skeleton] = _Group(name, member)
    return [g.entity(ambiguous=bool(by_skeleton[k])) for k, g in alone.items()]


_Index = dict[str, list[_Group]]
_ArticleIndex = dict[tuple[str, str], list[_Group]]


def _surname_index(groups: list[_Group]) -> tuple[_Index, _ArticleIndex]:
    """Full-name groups by surname skeleton, in the corpus and in each article."""
    by_skeleton: _Index = defaultdict(list)
    in_article: _ArticleIndex = defaultdict(list)
    for g in groups:
        by_skeleton[g.name.skeleton].append(g)
        for m in g.members:
            if g not in in_article[(m.article_id, g.name.skeleton)]:
                in_article[(m.article_id, g.name.skeleton)].append(g)
    return by_skeleton, in_article


def _attach_unambiguous(name: PersonName, member: Member, by_skeleton: _Index,
                        in_article: _ArticleIndex) -> bool:
    """Join a bare surname to the only full name that fits, in the article or the corpus;
    False when that leaves a choice."""
    local = in_article[(member.article_id, name.skeleton)]
    candidates = local or by_skeleton[name.skeleton]
    if len(candidates) == 1:
        where = "in the same article" if local else "in the corpus"
        candidates[0].add(member, f"surname of the only full name {where}", 100.0)
    return len(candidates) == 1


class _ContextPicker:
    """Bare surnames placed by their article's context, once the unambiguous ones have
    joined their people (so "Blair" in an article counts as Tony Blair there)."""

    def __init__(self, groups: list[_Group], named: list[tuple[Member, ...]],
                 undecided: list[tuple[PersonName, Member]],
                 keys: list[tuple[str, str]]) -> None:
        self.index = {id(g): i for i, g in enumerate(groups)}
        people = [(m.article_id, f"per:{i}") for i, g in enumerate(groups) for m in g.members]
        bare = [(m.article_id, f"surname:{n.skeleton}") for n, m in undecided]
        self.contexts = Contexts([*keys, *people, *bare])
        self.named = named
        self.profiles: dict[int, Profile] = {}

    def profile(self, i: int) -> Profile:
        if i not in self.profiles:
            members = self.named[i]
            self.profiles[i] = self.contexts.profile(
                (m.article_id for m in members), f"per:{i}", (m.role for m in members))
        return self.profiles[i]

    def attach(self, candidates: list[_Group], name: PersonName, member: Member) -> bool:
        """Join ``member`` to the candidate its context singles out; False if none, if
        the winner's surname is only a transliteration of the one written ("Scot" /
        "Eleanor Scott": a guess on a guess), or if the corpus tags the name as a place
        or organisation in more articles than as this surname alone ("England")."""
        own = f"surname:{name.skeleton}"
        if self.contexts.df[f"org:{org_key(member.name)}"] > self.contexts.df[own]:
            return False
        profiles = [self.profile(self.index[id(g)]) for g in candidates]
        choice = choose(profiles, self.contexts.of(member.article_id, own), member.role,
                        self.contexts.idf)
        if choice is None or candidates[choice.bearer].name.surname != name.surname:
            return False
        candidates[choice.bearer].add(member, choice.rule, choice.score)
        return True

    def fits(self, group: _Group, candidates: list[_Group], member: Member,
             name: PersonName) -> bool:
        """Whether no other bearer's context fits the article better than ``group``'s: a
        dominant bearer ("Howard": the Tory leader in 94 articles) must not take the
        "Howard" of a football line-up, whose context is the goalkeeper's."""
        own = f"surname:{name.skeleton}"
        context = self.contexts.of(member.article_id, own)
        scores = {id(g): context_score(self.profile(self.index[id(g)]), context,
                                       self.contexts.idf)[0] for g in candidates}
        return all(score <= scores[id(group)] for score in scores.values())


def _dominant(candidates: list[_Group]) -> tuple[_Group, float] | None:
    """The one person a bare surname stands for in this corpus, if one bearer has nearly
    all of the articles that name someone by it in full ("Blair": Tony, not Cherie)."""
    counts = [(len({m.article_id for m in g.members}), g) for g in candidates]
    total = sum(n for n, _ in counts)
    if not counts or not total:
        return None
    n, group = max(counts, key=lambda c: c[0])
    share = n / total
    return (group, share) if share >= DOMINANT_SHARE and n >= DOMINANT_ARTICLES else None


def _organisations(members: list[Member]) -> list[CorpusEntity]:
    groups: dict[str, _OrgGroup] = {}
    for m in sorted(members, key=lambda m: (m.name, m.article_id, m.entity_id)):
        key = org_key(m.name)
        if not key:
            continue
        if key in groups:
            groups[key].add(m, "same name", 100.0)
            continue
        near = next((k for k in groups if k[:1] == key[:1]
                     and fuzz.ratio(k, key) >= ORG_SIMILARITY), None)
        if near is not None:
            groups[near].add(m, "near-identical spelling", fuzz.ratio(near, key))
        else:
            groups[key] = _OrgGroup(m)
    return [g.entity() for g in groups.values()]


class _OrgGroup:
    def __init__(self, member: Member) -> None:
        self.label, self.display = member.label, member.name
        self.members: list[Member] = [member]
        self.evidence: list[Evidence] = []

    def add(self, member: Member, rule: str, score: float) -> None:
        self.evidence.append(Evidence(rule, self.display, member.name, score))
        self.members.append(member)

    def entity(self) -> CorpusEntity:
        return CorpusEntity("", self.label, self.display, tuple(self.members),
                            tuple(self.evidence), False)
