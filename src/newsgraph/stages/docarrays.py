"""Per-Doc arrays computed once with numpy, so stages need not walk every token in Python.

Creating a spaCy Token object costs far more than reading an attribute array; the quotes
and entity stages ask for token starts, sentence numbers and candidate positions here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import IDX, LEMMA, LOWER, POS, SENT_START
from spacy.parts_of_speech import AUX, NOUN, VERB


class DocArrays:
    """Token starts, sentence index per token and lemma/pos arrays of one Doc."""

    def __init__(self, doc: Any) -> None:
        arr = doc.to_array([IDX, SENT_START, LEMMA, POS, LOWER])
        self.doc = doc
        self.starts: list[int] = arr[:, 0].tolist()
        self.sent_of_tok: list[int] = (np.cumsum(arr[:, 1] == 1) - 1).clip(min=0).tolist()
        self.lemma = arr[:, 2]
        self.pos = arr[:, 3]
        self.lower = arr[:, 4]

    def tokens_with_lemma(self, lemmas: frozenset[str], verbs_only: bool = True) -> list[int]:
        """Indices of tokens whose lemma is in ``lemmas`` (and that are verbs)."""
        hashes = _hashes(self.doc.vocab.strings, lemmas)
        mask = np.isin(self.lemma, hashes)
        if verbs_only:
            mask &= np.isin(self.pos, (VERB, AUX))
        return np.flatnonzero(mask).tolist()

    def tokens_with_lower(self, words: frozenset[str], nouns_only: bool = False) -> list[int]:
        hashes = _hashes(self.doc.vocab.strings, words)
        mask = np.isin(self.lower, hashes)
        if nouns_only:
            mask &= self.pos == NOUN
        return np.flatnonzero(mask).tolist()


@lru_cache(maxsize=16)
def _hashes_cached(strings_id: int, words: frozenset[str], strings: Any) -> np.ndarray:
    return np.array([strings.add(w) for w in words], dtype=np.uint64)


def _hashes(strings: Any, words: frozenset[str]) -> np.ndarray:
    return _hashes_cached(id(strings), words, strings)
