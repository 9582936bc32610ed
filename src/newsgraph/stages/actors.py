"""Actor coding: the words naming an actor -> ISO alpha-3 country (or IGO code) and sector.

Knowledge is data (``data/actors/``): country aliases, demonyms and capitals used as
metonyms, organisations, political parties, sector words and a few well-known office
holders. The text itself decides first: "Russian Foreign Minister Sergei Lavrov" -> RUS
GOV, "Russian forces" -> RUS MIL, "a US Senate committee" -> USA LEG, "Kyiv" -> UKR GOV,
"the UN nuclear watchdog" -> IAEA.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..lexicons import honorifics
from ..records import Entity

# Dependents that belong to an actor's own phrase; prepositional phrases other than "of"
# and relative clauses describe something else ("the embassy in Kabul", "who ...").
PHRASE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "case",
                         "npadvmod", "quantmod", "punct", "cc", "conj", "appos", "flat"})
# Longest alias, in tokens, tried when matching names ("international atomic energy agency").
MAX_ALIAS_TOKENS = 6
PRONOUNS = frozenset({"it", "they", "he", "she", "its", "their", "his", "her", "we", "i"})
# Roles that belong to whatever organisation is named before them ("Labour leader").
ORG_ROLES = frozenset({"leader", "leaders", "leadership", "chief", "head", "official",
                       "officials", "spokesman", "spokeswoman", "spokesperson", "chairman",
                       "chairwoman", "member", "members", "co-chairman", "co-chairwoman",
                       "co-chair", "co-leader"})
# How many sentences back "it"/"they" may look for the country or organisation meant.
PRONOUN_SENTENCES = 2


def data_rows(path: str) -> list[dict[str, str]]:
    """Rows of a tab-separated file under ``newsgraph/data`` (comments skipped)."""
    text = resources.files("newsgraph").joinpath("data", *path.split("/")).read_text("utf-8")
    lines = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    width = len(lines[0])
    return [dict(zip(lines[0], row + [""] * (width - len(row)), strict=False))
            for row in lines[1:]]


@dataclass(frozen=True)
class Hit:
    """A name found in a phrase: what kind of name and the code it gives."""

    kind: str  # org | country | demonym | capital | person | sector
    code: str | None
    sector: str | None


def _key(text: str) -> tuple[str, ...]:
    return tuple(text.lower().replace("’", "'").replace("-", " - ").split())


class ActorLexicon:
    """All actor knowledge, indexed by lower-cased token sequences."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, ...], Hit] = {}
        self._countries()
        for row in [*data_rows("actors/organisations.tsv"), *data_rows("actors/parties.tsv")]:
            for alias in row["alias"].split("|"):
                self.names[_key(alias)] = Hit("org", row["code"] or None, row["sector"] or None)
        for row in data_rows("actors/people.tsv"):
            for alias in row["surname"].split("|"):
                self.names.setdefault(_key(alias), Hit("person", row["code"], row["sector"]))
        self.sectors: dict[tuple[str, ...], str] = {}
        self.capitalised: set[tuple[str, ...]] = set()  # "House" is LEG, "house arrest" no
        for row in data_rows("actors/sectors.tsv"):
            for word in row["word"].split("|"):
                self.sectors[_key(word)] = row["sector"]
                if word[:1].isupper():
                    self.capitalised.add(_key(word))
        self.longest: dict[str, int] = {}  # first word of a name -> its longest name
        for key in self.names:
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))

    def _countries(self) -> None:
        import pycountry

        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(c, attr, None)
                if value:
                    self.names.setdefault(_key(value), Hit("country", c.alpha_3, None))
        for row in data_rows("actors/countries.tsv"):
            code = row["alpha3"]
            for kind, col in (("country", "aliases"), ("demonym", "demonyms"),
                              ("capital", "capitals")):
                for alias in filter(None, row[col].split("|")):
                    self.names[_key(alias)] = Hit(kind, code, None)

    def find(self, words: list[str]) -> list[tuple[int, int, Hit]]:
        """Longest names in a word list, left to right: (first, last+1, hit)."""
        low = [w.lower().replace("’", "'") for w in words]
        out = []
        i = 0
        while i < len(low):
            # Only names starting with this word can match: try no longer ones.
            top = self.longest.get(low[i], 0) or (1 if low[i].endswith(("'s", "'")) else 0)
            for n in range(min(MAX_ALIAS_TOKENS, len(low) - i, top), 0, -1):
                hit = self.names.get(tuple(low[i:i + n]))
                if hit is None and n == 1 and low[i].endswith(("'s", "'")):
                    hit = self.names.get((low[i].rstrip("'s").rstrip("'"),))
                if hit is not None and _plausible(words[i:i + n], hit):
                    out.append((i, i + n, hit))
                    i += n - 1
                    break
            i += 1
        return out

    def sector_of(self, words: list[str]) -> str | None:
        """The sector named nearest the end of the words ("Senate committee" -> LEG)."""
        best = None
        i = 0
        while i < len(words):
            step = 1
            for n in (2, 1):  # "rights group" is one word: NGO, not "group" (CVL)
                key = tuple(w.lower() for w in words[i:i + n])
                sector = self.sectors.get(key)
                if key in self.capitalised and not words[i][:1].isupper():
                    sector = None
                if sector and i + n <= len(words):
                    best, step = sector, n
                    break
            i += step
        return best


def _plausible(words: list[str], hit: Hit) -> bool:
    """Proper-name entries need a capital letter ("us" the pronoun is not the US)."""
    if hit.kind == "sector":
        return True
    return any(w[:1].isupper() for w in words)


@lru_cache(maxsize=1)
def lexicon() -> ActorLexicon:
    return ActorLexicon()


@dataclass
class Code:
    """Country and sector for one actor phrase, and how they were found."""

    country: str | None = None
    sector: str | None = None
    kind: str | None = None  # kind of the name that gave the country


def phrase_tokens(head: Any, wide: bool = False) -> list[Any]:
    """The actor's own phrase: the head with its modifiers and "of" complements."""
    keep = [head]
    for child in head.children:
        if wide or child.dep_ in PHRASE_DEPS and child.dep_ not in ("conj", "cc"):
            keep.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "of":
            keep.extend(child.subtree)
    return sorted(set(keep), key=lambda t: t.i)


# Heads that count or group what their "of" names: "dozens of activists", "a group of
# soldiers" are coded by the activists and the soldiers.
QUANTITY_HEADS = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
                            "million", "millions", "score", "scores", "number", "group",
                            "handful", "couple", "lot", "lots", "majority", "some", "many",
                            "several", "most", "all", "none", "few", "each", "one"})


def content_head(head: Any) -> Any:
    """The noun a quantity stands for ("dozens of activists" -> activists), else head."""
    while head.lower_ in QUANTITY_HEADS or head.like_num:
        of = [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
              for o in c.children if o.dep_ == "pobj"]
        if not of:
            break
        head = of[0]
    return head


def code_tokens(tokens: list[Any], head: Any | None = None) -> Code:
    """Country and sector from the words of a phrase (no entity knowledge)."""
    if head is not None:
        head = content_head(head)
    words = tuple(t.text for t in tokens)
    persons = tuple(getattr(t, "ent_type_", "") == "PERSON" for t in tokens)
    adjectives = tuple(getattr(t, "pos_", "") == "ADJ" for t in tokens)
    upto = len(tokens) if head is None else max(
        (k + 1 for k, t in enumerate(tokens) if t.i <= head.i), default=len(tokens))
    return Code(*_code_words(words, persons, adjectives, upto))


# Distinct actor phrases coded per process: names repeat across articles ("Russian forces").
PHRASE_CACHE = 8192


@lru_cache(maxsize=PHRASE_CACHE)
def _code_words(words: tuple[str, ...], persons: tuple[bool, ...],
                adjectives: tuple[bool, ...],
                upto: int) -> tuple[str | None, str | None, str | None]:
    """(country, sector, kind) of a phrase's words; ``persons`` marks the words inside a
    person's name, ``adjectives`` the words tagged as adjectives, ``upto`` ends the words
    before the head's dependents."""
    lex = lexicon()
    hits = [h for h in lex.find(list(words)) if not _in_person_name(persons, h)
            and not _adjective_place(adjectives, h)]
    country = kind = None
    for name_kind in ("demonym", "country", "capital", "org", "person"):
        found = [h for _, _, h in hits if h.kind == name_kind and h.code]
        if found:
            country, kind = found[0].code, name_kind
            break
    sector_words = [w for k, w in enumerate(words[:upto]) if not _inside(k, hits)]
    sector = lex.sector_of(sector_words) if sector_words else None
    if any(w.lower() in ORG_ROLES for w in sector_words):
        # "union leader", "police spokesman": a generic role takes its qualifier's sector
        sector = lex.sector_of([w for w in sector_words if w.lower() not in ORG_ROLES]) \
            or sector
    # an organisation's name that starts by the head counts ("the Court of Session": the
    # head "Court" is inside it), one after the head does not ("an envoy to the UN")
    org_sectors = [(b, h.sector) for a, b, h in hits if h.kind in ("org", "person") and a < upto]
    if org_sectors and (sector is None or _last_is_org(list(words[:upto]), hits)
                        or _role_of_org(words, org_sectors[-1][0])):
        sector = org_sectors[-1][1]
    if sector is None and kind == "capital":
        sector = "GOV"  # "Kyiv says": the capital stands for the government
    return country, sector, kind


def _role_of_org(words: tuple[str, ...], after: int) -> bool:
    """"Tory leader", "Hamas official": a generic role after an organisation's name (lower-case
    words between) holds it in that organisation, whose sector it takes (a "Labour MP"
    stays LEG)."""
    for word in words[after:]:  # "Tory foreign affairs spokesman", not "Labour Foreign
        if word.lower() in ORG_ROLES:  # Secretary" (a capitalised office of its own)
            return True
        if word[:1].isupper():
            return False
    return False


def _adjective_place(adjectives: tuple[bool, ...], hit: tuple[int, int, Hit]) -> bool:
    """"Male MPs": a capital or country name used as an adjective is the adjective (the
    Maldives' capital is no clue); demonyms are adjectives and count."""
    a, b, h = hit
    return h.kind in ("capital", "country") and all(adjectives[a:b])


def _in_person_name(persons: tuple[bool, ...], hit: tuple[int, int, Hit]) -> bool:
    """"German Galushchenko": a demonym or place word inside a person's name is no clue."""
    a, b, h = hit
    if h.kind == "person":
        return False
    longer = a > 0 and persons[a - 1] or b < len(persons) and persons[b]
    return all(persons[a:b]) and bool(longer)  # "Kyiv" alone, tagged PERSON, is still Kyiv


def _inside(k: int, hits: list[tuple[int, int, Hit]]) -> bool:
    return any(a <= k < b and h.kind in ("org", "person") for a, b, h in hits)


def _last_is_org(words: list[str], hits: list[tuple[int, int, Hit]]) -> bool:
    """Whether the phrase ends in an organisation name ("the Council of the EU")."""
    return any(b == len(words) and h.kind in ("org", "person") for _, b, h in hits)


def entity_code(entity: Entity, doc: Any) -> Code:
    """Country and sector of an article entity from the phrases around all its mentions."""
    code = Code()
    for mention in entity.mentions:
        if code.country and code.kind and code.sector:
            break  # later mentions only fill fields still empty
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        found = code_tokens(_after_honorific(phrase_tokens(span.root) + list(span), span.root),
                            span.root)
        code.country = code.country or found.country
        code.kind = code.kind or found.kind
        code.sector = code.sector or found.sector
    if entity.role or entity.organisation:
        extra = " ".join(filter(None, [entity.organisation, entity.role]))
        found = code_text(extra)
        code.country = code.country or found.country
        code.sector = code.sector or found.sector
    if code.country is None:
        known = lexicon().find(entity.name.split())
        people = [h for _, _, h in known if h.kind in ("person", "org")]
        if people:
            code.country, code.sector = people[-1].code, code.sector or people[-1].sector
    return code


def _after_honorific(tokens: list[Any], root: Any) -> list[Any]:
    """A name's phrase starts at its honorific: in "told the BBC Mr Howard" the BBC is
    whom he spoke to, not his employer."""
    ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    honor = honorifics()
    marks = [k for k, t in enumerate(ordered) if t.lower_ in honor and t.i < root.i]
    return ordered[marks[-1]:] if marks else ordered


def code_text(text: str) -> Code:
    """Country and sector of a plain string (roles, organisations)."""

    class _Tok:
        def __init__(self, word: str, i: int) -> None:
            self.text, self.i = word, i

    return code_tokens([_Tok(w.strip(",.;:()"), i) for i, w in enumerate(text.split())])


@lru_cache(maxsize=512)
def alpha3(alpha2: str) -> str | None:
    """ISO alpha-3 of an alpha-2 country code (the gazetteer's), None when unknown."""
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country is not None else None


def place_country(name: str) -> str | None:
    """ISO alpha-3 of a place name: a country or capital, else the most populous place of
    that name in the places stage's gazetteer (loaded once per process by that stage)."""
    hits = lexicon().find(name.split())
    for _, _, hit in hits:
        if hit.kind in ("country", "capital") and hit.code:
            return hit.code
    from .places import gazetteer

    gaz = gazetteer()
    found = [gaz.place(i) for i in gaz.lookup(name.strip())]
    if not found:
        return None
    return alpha3(max(found, key=lambda p: p.population).country)


# An article's own country: the one most of its place and nationality mentions name, when
# it holds at least this share of them (a report on a visit abroad names both sides, and
# then none is the article's own; two thirds keeps one-country reports).
HOME_SHARE = 2 / 3
# Sectors a country's own people and bodies have: "the government", "MPs", "the unions"
# in a report on one country are that country's. Refugees, rebels, international bodies,
# aid groups and unidentified armed men are not assumed to be anyone's.
HOME_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "PTY", "OPP", "LAB", "EDU",
                          "CVL", "BUS", "MED", "JRN", "AGR", "REL", "CRM", "SPY"})
# ... and at least this many mentions: one alone ("a court in Vienna") says where the
# event was, not whose its people are.
HOME_MIN_MENTIONS = 2
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})


def home_country(entities: list[Entity], code_of: Callable[[Entity], Code]) -> str | None:
    """The article's own country (``HOME_SHARE``, ``HOME_MIN_MENTIONS``), None when no
    country dominates; ``code_of`` codes an entity (the events stage's cached codes)."""
    counts: dict[str, int] = {}
    for entity in entities:
        if entity.label in PLACE_LABELS:
            code = code_of(entity)
            if code.country and code.sector != "IGO":
                counts[code.country] = counts.get(code.country, 0) + len(entity.mentions)
    if not counts:
        return None
    top = max(counts, key=lambda c: counts[c])
    dominant = counts[top] >= HOME_SHARE * sum(counts.values())
    return top if dominant and counts[top] >= HOME_MIN_MENTIONS else None


def fill_home(parties: list[dict[str, Any]], home: str | None) -> None:
    """Give the article's country to parties with a home sector and no country of their
    own ("the government" in a report on Britain: GBR GOV), saying so in ``country_via``."""
    for party in parties if home else ():
        if party.get("country") is None and party.get("sector") in HOME_SECTORS:
            party["country"], party["country_via"] = home, "article"
