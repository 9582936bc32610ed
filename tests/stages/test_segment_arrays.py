"""Word-set lookups in token arrays: the same tokens as DocArrays' np.isin, on hand-built Docs."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from spacy.attrs import LOWER

from newsgraph.stages.docarrays import DocArrays
from newsgraph.stages.segment_arrays import WORD_SETS, TokenArrays, in_words, sorted_hashes

TEXTS = [
    "The minister said on Tuesday that the talks would resume next week.",
    "Officials told reporters the spokesman had denied it, according to CNN.",
    "",
    "Said said SAID: the President, a president and presidents.",
]
WORDS = [
    frozenset({"say", "tell", "deny", "resume"}),
    frozenset({"minister", "spokesman", "president", "official"}),
    frozenset({"week", "tuesday", "the", "nsubj", "PERSON"}),  # symbols spaCy stores by id
    frozenset(),
]


@pytest.fixture(scope="module")
def docs() -> list[Any]:
    from newsgraph import nlp as nlp_mod

    nlp = nlp_mod.load()
    return [nlp(text) for text in TEXTS]


@pytest.mark.parametrize("words", WORDS)
def test_in_words_is_isin_against_the_words_hashes(docs: list[Any], words: frozenset[str]
                                                   ) -> None:
    for doc in docs:
        lower = doc.to_array([LOWER]).reshape(-1)
        hashes = [doc.vocab.strings.add(w) for w in words]
        assert in_words(lower, words).tolist() == np.isin(lower, hashes).tolist()


@pytest.mark.parametrize("words", WORDS)
def test_token_arrays_find_what_doc_arrays_find(docs: list[Any], words: frozenset[str]) -> None:
    for doc in docs:
        fast, slow = TokenArrays(doc), DocArrays(doc)
        for verbs_only in (True, False):
            assert fast.tokens_with_lemma(words, verbs_only) == \
                slow.tokens_with_lemma(words, verbs_only)
        for nouns_only in (True, False):
            assert fast.tokens_with_lower(words, nouns_only) == \
                slow.tokens_with_lower(words, nouns_only)


def test_the_cues_are_found(docs: list[Any]) -> None:
    """Not only equal to the old lookup: right ("said", "told", "denied" are the verbs)."""
    doc = docs[1]
    found = [doc[i].text for i in TokenArrays(doc).tokens_with_lemma(WORDS[0])]
    assert found == ["told", "denied"]


def test_the_hash_cache_is_bounded() -> None:
    sorted_hashes.cache_clear()
    for n in range(WORD_SETS + 5):
        sorted_hashes(frozenset({f"word{n}"}))
    assert sorted_hashes.cache_info().currsize == WORD_SETS
