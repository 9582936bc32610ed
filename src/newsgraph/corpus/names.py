"""Person and organisation names reduced to what identifies them across articles.

A name is split into given names and a surname after titles, honorifics and possessives
are stripped ("Prime Minister Tony Blair's" -> Tony / Blair); the surname is also kept as
a transliteration skeleton, so Zelensky, Zelenskyy and Zelenskiy share one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from .. import lexicons

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# Name suffixes that are no surname ("Martin Luther King Jr").
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})
# Surname spellings of one sound in the common romanisations: the endings -y / -yy / -iy /
# -ii / -i, "kh"/"h" and doubled letters are where Zelensky/Zelenskyy/Zelenskiy differ.
_SKELETON_STEPS = ((re.compile(r"(?:iy|yy|ii|ij|yi|y|i)$"), "y"), (re.compile(r"kh"), "h"),
                   (re.compile(r"(.)\1"), r"\1"), (re.compile(r"[^a-z]"), ""))


class PersonName(NamedTuple):
    given: tuple[str, ...]  # lower-cased given names or initials, in order
    surname: str  # lower-cased, ASCII-folded
    skeleton: str  # the surname as a transliteration skeleton

    @property
    def first(self) -> str | None:
        return self.given[0] if self.given else None


def fold(text: str) -> str:
    """Lower case without accents: "José" and "Jose" are one spelling."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def skeleton(surname: str) -> str:
    out = fold(surname)
    for pattern, repl in _SKELETON_STEPS:
        out = pattern.sub(repl, out)
    return out


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    words: set[str] = set(lexicons.honorifics())
    for title in lexicons.titles():
        words.update(title.split())
    return frozenset(w.rstrip(".") for w in words)


def person_name(name: str) -> PersonName | None:
    """Given names and surname of a person's name; None when nothing of a name is left."""
    words = [_POSSESSIVE.sub("", w).strip(".-") for w in _WORD.findall(name)]
    words = [w for w in words if w]
    titles = _title_words()
    while words and fold(words[0]).rstrip(".") in titles:
        words.pop(0)
    while len(words) > 1 and fold(words[-1]).rstrip(".") in SUFFIXES:
        words.pop()
    if not words:
        return None
    surname = fold(words[-1])
    return PersonName(tuple(fold(w) for w in words[:-1]), surname, skeleton(surname))


def given_compatible(a: PersonName, b: PersonName) -> bool:
    """Whether two full names' given names can be one person's: equal, or an initial of
    the other ("G. Bush" / "George Bush"); a middle name may be missing on one side."""
    if not a.first or not b.first:
        return True
    if not _one_name(a.first, b.first):
        return False
    middle_a, middle_b = a.given[1:], b.given[1:]
    if middle_a and middle_b:  # George W. Bush is not George H. W. Bush
        return len(middle_a) == len(middle_b) and all(
            _one_name(x, y) for x, y in zip(middle_a, middle_b, strict=True))
    return True


def _one_name(x: str, y: str) -> bool:
    """The same given name, or an initial of it."""
    x, y = x.rstrip("."), y.rstrip(".")
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def org_key(name: str) -> str:
    """An organisation's name without case, accents, a leading "the" or punctuation."""
    words = [w for w in re.findall(r"\w+", fold(name)) if w]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)
