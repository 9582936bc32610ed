"""Entities stage: spaCy entities clustered within the article under one canonical name.

1. collect spaCy entity mentions, trimmed of articles, honorifics and possessives;
2. cluster person mentions whose name tokens are contained in a fuller name
   ("Putin", "Mr Putin" -> "Vladimir Putin"; "Mr Xi" -> "Xi Jinping");
3. cluster other mentions by normalised text and acronym ("SCO");
4. read roles and organisations from titles before the name and appositions after it
   ("White House spokesman John Kirby", "Pavlo Kyrylenko, the Donetsk regional governor");
5. add descriptions ("the Russian president") to the one person whose role and
   nationality they match; when several match, add none.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .. import lexicons
from ..pipeline import Stage
from ..records import Article, Entity, Mention
from .segment_arrays import TokenArrays

KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
POSSESSIVE = ("’s", "'s", "’", "'")
PERSON_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
ROLE_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "poss", "case", "det", "punct"})


@lru_cache(maxsize=1)
def _gender_detector() -> Any:
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


def first_name_gender(name: str) -> str | None:
    """'m', 'f' or None from a first-name lexicon (gender-guesser's name list)."""
    guess = _gender_detector().get_gender(name)
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(guess)


def trim(span: Any) -> tuple[int, int, list[str], str | None]:
    """Trim determiners, honorifics, quote marks and possessives; return start/end chars,
    name tokens (lower case) and the gender an honorific implies."""
    honor = lexicons.honorifics()
    toks = list(span)
    gender = None
    while toks and (toks[0].lower_ in ("the", "a", "an") or toks[0].lower_ in honor
                    or not toks[0].text.strip().strip("“”\"‘’'")):
        g = honor.get(toks[0].lower_)
        if g and g != "-":
            gender = g
        toks = toks[1:]
    while toks and (toks[-1].text in POSSESSIVE or not toks[-1].text.strip().strip("“”\"‘’'.,")):
        toks = toks[:-1]
    if not toks:
        return span.start_char, span.start_char, [], gender
    # honorific just before the entity ("Mr Putin" where the entity is "Putin")
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in honor and honor[prev.lower_] != "-":
        gender = gender or honor[prev.lower_]
    words = [t.lower_ for t in toks]
    if words and words[-1].endswith(("’s", "'s")):
        words[-1] = words[-1][:-2]
    return toks[0].idx, toks[-1].idx + len(toks[-1].text), words, gender


class _Cluster:
    def __init__(self, label: str, words: list[str], text: str) -> None:
        self.label = label
        self.words = words
        self.name = text
        self.mentions: list[Mention] = []
        self.gender: str | None = None
        self.role: str | None = None
        self.organisation: str | None = None


def _contains(full: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(full[i:i + n] == part for i in range(len(full) - n + 1))


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w not in ("of", "and", "the", "for"))


def _find_cluster(clusters: list[_Cluster], label: str, words: list[str]) -> _Cluster | None:
    key = " ".join(words)
    for c in reversed(clusters):  # the most recently introduced match wins
        if label == "PERSON" and c.label == "PERSON" and _contains(c.words, words):
            return c
        if label != "PERSON" and c.label != "PERSON":
            if " ".join(c.words) == key:
                return c
            if len(words) == 1 and _acronym(c.words) == key and len(c.words) > 1:
                return c
    return None


def _role_before(span: Any) -> tuple[str | None, str | None]:
    """Title and organisation in the tokens before a name in the same noun phrase."""
    titles = lexicons.titles()
    doc = span.doc
    i = span.start - 1
    prefix: list[Any] = []
    while i >= 0 and i < doc[i].head.i < span.end and doc[i].dep_ in ROLE_DEPS \
            and doc[i].text not in (",", "(", "“", "”"):
        prefix.insert(0, doc[i])
        i -= 1
    return _split_role(prefix, titles)


def _split_role(tokens: list[Any], titles: frozenset[str]) -> tuple[str | None, str | None]:
    toks = [t for t in tokens if t.lower_ not in ("the", "a", "an")]
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].lower_ in titles:
            j = k
            while j > 0 and toks[j - 1].pos_ in ("ADJ", "NOUN") and not toks[j - 1].ent_type_:
                j -= 1
            role = " ".join(t.lower_ for t in toks[j:k + 1])
            org_toks = [t for t in toks[:j] if t.lower_ not in POSSESSIVE and t.text != "’s"]
            org = " ".join(t.text for t in org_toks).strip() or None
            return role, org
    return None, None


def _role_after(span: Any) -> tuple[str | None, str | None]:
    """Title and organisation from an apposition after a name ("X, the Donetsk governor")."""
    titles = lexicons.titles()
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end:
            if child.lower_ not in titles:
                continue
            before = [t for t in child.lefts]
            role, org = _split_role([*before, child], titles)
            for prep in child.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "to", "for"):
                    obj = [t for t in prep.subtree if t.i != prep.i]
                    if obj:
                        org = org or doc_text(obj)
            return role, org
    return None, None


def doc_text(tokens: list[Any]) -> str:
    """Text from the first to the last token (slicing the Doc, not rebuilding its text)."""
    doc = tokens[0].doc
    return str(doc[tokens[0].i: tokens[-1].i + 1].text)


NAME_PARTICLES = frozenset({"von", "der", "van", "de", "da", "del", "di", "bin", "al", "le"})


def _extend_particles(ent: Any) -> Any:
    """'Ursula von der' + 'Leyen': a person name cut after a particle takes the next word."""
    doc = ent.doc
    if ent.label_ == "PERSON" and ent[-1].lower_ in NAME_PARTICLES and ent.end < len(doc) \
            and doc[ent.end].pos_ == "PROPN":
        from spacy.tokens import Span as SpacySpan

        return SpacySpan(doc, ent.start, ent.end + 1, label=ent.label_)
    return ent


# Labels the tagger gives a surname it does not know ("Mr Clarke" tagged ORG); after an
# honorific they are a person.
HONORABLE_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})


def _honoured(ent: Any) -> bool:
    """An entity of one or two capitalised words that an honorific opens or precedes."""
    honor = lexicons.honorifics()
    first = ent.doc[ent.start - 1] if ent.start > 0 else None
    inside = ent[0].lower_ in honor and len(ent) > 1
    before = first is not None and first.lower_ in honor
    names = [t for t in ent if t.lower_ not in honor]
    return (inside or before) and 0 < len(names) <= 2 and all(t.text[:1].isupper() for t in names)


def cluster_entities(doc: Any, text: str | None = None) -> list[Entity]:
    """Cluster the doc's entity mentions into article entities (see module docstring);
    ``text`` is the Doc's text, when the caller has it: ``Doc.text`` rebuilds the whole
    string on every access, which cost a fifth of this stage."""
    clusters: list[_Cluster] = []
    full_text = doc.text if text is None else text
    covered = -1
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS or ent.start < covered:
            continue
        ent = _extend_particles(ent)
        covered = ent.end
        start, end, words, gender = trim(ent)
        if not words:
            continue
        label = "PERSON" if ent.label_ in HONORABLE_LABELS and _honoured(ent) else ent.label_
        cluster = _find_cluster(clusters, label, words)
        text = full_text[start:end]
        if cluster is None:
            cluster = _Cluster(label, words, text)
            clusters.append(cluster)
        elif len(words) > len(cluster.words):
            cluster.words, cluster.name = words, text
        cluster.mentions.append(Mention(start, end, text))
        if label == "PERSON":
            _person_details(cluster, ent, words, gender)
    _add_descriptions(doc, full_text, clusters)
    return [
        Entity(id=f"e{i + 1}", name=" ".join(c.name.split()), label=c.label,
               mentions=c.mentions, role=c.role,
               organisation=c.organisation, gender=c.gender)
        for i, c in enumerate(clusters)
    ]


def _person_details(cluster: _Cluster, ent: Any, words: list[str], gender: str | None) -> None:
    if gender and not cluster.gender:
        cluster.gender = gender
    if not cluster.gender and len(words) > 1:
        cluster.gender = first_name_gender(words[0])
    role, org = _role_before(ent)
    if not role:
        role, org = _role_after(ent)
    if role and not cluster.role:
        cluster.role, cluster.organisation = role, org
        if role.endswith(("woman", "wife", "queen", "princess")) and not cluster.gender:
            cluster.gender = "f"


def _title_matches(word: str, role: str) -> bool:
    """'president' matches the role 'president'; 'leader' may stand for a president."""
    last = role.split()[-1]
    return word == last or role in lexicons.title_generics().get(word, frozenset()) \
        or last in lexicons.title_generics().get(word, frozenset())


def _add_descriptions(doc: Any, full_text: str, clusters: list[_Cluster]) -> None:
    """'the Russian president' -> the one person whose role and organisation match."""
    titles = lexicons.titles()
    for i in TokenArrays(doc).tokens_with_lower(titles, nouns_only=True):
        tok = doc[i]
        if tok.ent_type_:
            continue
        lefts = list(tok.lefts)
        if not lefts or lefts[0].lower_ != "the":
            continue
        qualifiers = [t.lower_ for t in lefts[1:] if t.dep_ in ("amod", "compound")]
        matches = [c for c in clusters if c.label == "PERSON" and c.role
                   and _title_matches(tok.lower_, c.role)
                   and all(q in (c.organisation or "").lower() or q in c.role for q in qualifiers)]
        if len(matches) == 1:
            start = lefts[0].idx
            end = tok.idx + len(tok.text)
            matches[0].mentions.append(Mention(start, end, full_text[start:end]))


class EntitiesStage(Stage):
    """Clustered entities with canonical names and roles."""

    name = "entities"
    requires = frozenset({"doc"})
    assigns = frozenset({"entities"})

    def process(self, article: Article) -> None:
        entities = cluster_entities(article.doc, article.text)
        for entity in entities:
            entity.mentions.sort(key=lambda m: m.start)
        article.entities = entities
