"""Quantities stage: numbers with their units and qualifiers, tied to the event they measure.

From the parse: a number (digits, number words, "1.7 billion", "$1.7bn") and the noun it
counts ("four people", "more than 8,000 sq km"); "N of the M member states" is one
quantity; "22 individuals and two entities" one quantity with two parts; "billions of
dollars" a vague one; "35-nation" a size. Dates and times are left to the dates stage. A
quantity is attached to the event whose trigger is nearest in the same sentence.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import ENT_TYPE, LOWER

from ..pipeline import Stage
from ..records import Article

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                     "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12})
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6,
          "bn": 1e9, "k": 1e3}
VAGUE = {"dozens": "12+", "scores": "20+", "hundreds": "1e2+", "thousands": "1e3+",
         "millions": "1e6+", "billions": "1e9+", "trillions": "1e12+"}
CURRENCY = {"$": "USD", "dollar": "USD", "us$": "USD", "€": "EUR", "euro": "EUR",
            "£": "GBP", "pound": "GBP", "yuan": "CNY", "rouble": "RUB", "ruble": "RUB"}
AREA = {"km": "km2", "kilometre": "km2", "kilometer": "km2", "mile": "sq mi"}
SKIP_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})
QUALIFIER_DEPS = frozenset({"quantmod", "advmod", "amod"})


class QuantitiesStage(Stage):
    """Numbers with units and qualifiers into ``article.extra['quantities']``."""

    name = "quantities"
    requires = frozenset({"doc", "events"})
    assigns = frozenset({"quantities"})

    def process(self, article: Article) -> None:
        quantities = find_quantities(article.doc, article.text)
        attach(quantities, article.extra.get("events", []))
        article.extra["quantities"] = quantities


def number_value(tok: Any) -> float | None:
    """The value of a number token ("8,000", "two", "1.7")."""
    return _number_word(tok.lower_)


def _number_word(lower: str) -> float | None:
    word = lower.replace(",", "")
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    try:
        return float(word)
    except ValueError:
        return None


def find_quantities(doc: Any, text: str | None = None) -> list[dict[str, Any]]:
    """All counted quantities of a parsed text (``text`` is the Doc's text, when the
    caller has it: ``Doc.text`` rebuilds the whole string on every access)."""
    text = doc.text if text is None else text
    out: list[dict[str, Any]] = []
    used: set[int] = set()
    for i in number_tokens(doc):
        tok = doc[i]
        if i in used:
            continue
        if tok.lower_ in VAGUE:
            q = _vague(tok, text)
        elif tok.head.lower_ not in {*SCALES, "-"}:
            q = _counted(tok, used, text)
        else:
            q = None
        if q is not None:
            out.append(q)
    return out


_NUMBER_FORMS: dict[int, bool] = {}  # lower-case form id -> a number or vague amount
# Every distinct word of a long run would stay in _NUMBER_FORMS: past this many (~10 MiB)
# it is emptied, so a worker's memory stays flat; refilling costs one lookup a word.
NUMBER_FORMS_MAX = 100_000


def number_tokens(doc: Any) -> list[int]:
    """Indices of tokens that are numbers or vague amounts ("billions") outside dates and
    times, found from the Doc's arrays (visiting every Token in Python is slow)."""
    if not len(doc):
        return []
    arr = doc.to_array([LOWER, ENT_TYPE])
    strings = doc.vocab.strings
    uniq, inverse = np.unique(arr[:, 0], return_inverse=True)
    flags = np.array([_number_form(h, strings) for h in uniq.tolist()], dtype=bool)
    mask = flags[inverse.reshape(-1)]
    for label in SKIP_ENTS:
        mask &= arr[:, 1] != strings[label]
    return np.flatnonzero(mask).tolist()


def _number_form(key: int, strings: Any) -> bool:
    found = _NUMBER_FORMS.get(key)
    if found is None:
        if len(_NUMBER_FORMS) >= NUMBER_FORMS_MAX:
            _NUMBER_FORMS.clear()
        word = strings[key]
        found = _NUMBER_FORMS[key] = word in VAGUE or _number_word(word) is not None
    return found


def _vague(tok: Any, text: str) -> dict[str, Any] | None:
    """"billions of dollars": a vague amount of the unit after "of"."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    unit = CURRENCY.get(obj.lemma_.lower(), obj.lemma_.lower())
                    return _record(text, tok.doc, tok.i, obj.i, VAGUE[tok.lower_], unit,
                                   "vague")
    return None


def _counted(tok: Any, used: set[int], text: str) -> dict[str, Any] | None:
    """A number and the noun it counts, with its scale, currency and qualifier."""
    value = number_value(tok)
    assert value is not None
    first, last = tok.i, tok.i
    for child in tok.children:
        if child.lower_ in SCALES and child.i > tok.i:
            value, last = value * SCALES[child.lower_], child.i
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in SCALES:
        value, last = value * SCALES[nxt.lower_], nxt.i
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_ in CURRENCY:
        return _record(text, doc, prev.i, last, value, CURRENCY[prev.lower_], _qualifier(tok))
    if nxt is not None and nxt.text in ("-", "–") and tok.i + 2 < len(doc):
        noun = doc[tok.i + 2]  # "35-nation"
        return _record(text, doc, tok.i, noun.i, value, noun.lemma_.lower() + "s", None)
    return _with_unit(tok, value, first, used, text)


def _with_unit(tok: Any, value: float, first: int, used: set[int],
               text: str) -> dict[str, Any] | None:
    doc = tok.doc
    head = tok.head if tok.dep_ in ("nummod", "quantmod") else None
    part = _of_total(tok, used)
    if part is not None:
        return _record(text, doc, first, part[1].i, [value, part[0]], _noun_text(part[1]),
                       _qualifier(tok))
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    unit = _noun_text(head)
    values: list[float] | float = value
    units: list[str] | str = AREA.get(head.lemma_.lower(), unit) if _is_area(head) else unit
    last = head.i
    for conj in (c for c in head.children if c.dep_ == "conj"):
        nums = [n for n in conj.children if n.dep_ == "nummod" and number_value(n) is not None]
        if nums:
            values = [value, number_value(nums[0]) or 0.0]
            units = [unit, _noun_text(conj)]
            used.add(nums[0].i)
            last = conj.i
    return _record(text, doc, first, last, values, units, _qualifier(tok))


def _of_total(tok: Any, used: set[int]) -> tuple[float, Any] | None:
    """"19 of the 27 member states": the total and the noun counted."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                nums = [n for n in obj.children if n.dep_ == "nummod"
                        and number_value(n) is not None]
                if obj.dep_ == "pobj" and nums:
                    used.add(nums[0].i)
                    return number_value(nums[0]) or 0.0, obj
    return None


def _is_area(noun: Any) -> bool:
    return any(c.lower_ in ("sq", "square") for c in noun.children) or noun.lower_ == "km2"


def _noun_text(noun: Any) -> str:
    words = [c.lower_ for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    return " ".join([*words, noun.lower_])


def _qualifier(tok: Any) -> str | None:
    """"more than", "nearly", "at least": the words qualifying a number."""
    mods = sorted((t for c in tok.children if c.dep_ in QUALIFIER_DEPS and c.i < tok.i
                   for t in c.subtree), key=lambda t: t.i)
    return " ".join(t.lower_ for t in mods) or None


def _record(text: str, doc: Any, first: int, last: int, value: Any, unit: Any,
            qualifier: str | None) -> dict[str, Any]:
    first, last = min(first, last), max(first, last)  # a unit may precede its number
    start = doc[first].idx
    for child in doc[first].children:
        if child.dep_ in QUALIFIER_DEPS and child.i < first:
            start = min(start, child.left_edge.idx)
    end = doc[last].idx + len(doc[last].text)
    value = [int(v) if float(v).is_integer() else v for v in value] if isinstance(value, list) \
        else int(value) if isinstance(value, float) and value.is_integer() else value
    return {"text": text[start:end], "start": start, "end": end, "value": value,
            "unit": unit, "qualifier": qualifier, "event": None}


def attach(quantities: list[dict[str, Any]], events: list[dict[str, Any]]) -> None:
    """Each quantity to the event whose trigger is nearest in the same sentence."""
    for q in quantities:
        same = [e for e in events if e["sentence"][0] <= q["start"] < e["sentence"][1]]
        if same:
            best = min(same, key=lambda e: abs(e["trigger"][0] - q["start"]))
            q["event"] = best.get("id")
