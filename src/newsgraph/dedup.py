"""Duplicate detection over a stream of articles: exact copies and near copies.

Exact duplicates share the canonical text, hence the article id (sha256-based). Near
duplicates (a wire story republished with small edits) are found with MinHash over word
shingles and an LSH index (datasketch), so each new article is compared with a handful of
candidates, not with every article seen.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .records import article_id

if TYPE_CHECKING:
    from datasketch import MinHash

# Estimated Jaccard similarity of word 5-gram sets above which two texts are near
# duplicates: republished wire copy with a changed intro or sign-off scores ~0.8-0.95,
# different stories on the same event rarely exceed 0.3.
DEFAULT_THRESHOLD = 0.8
# MinHash permutations: 128 gives a Jaccard estimate with ~0.04 standard error.
NUM_PERM = 128
# Shingles are hashed with CRC-32: a C function, deterministic across runs and machines,
# and several times faster than datasketch's default SHA-1 wrapper.
# Words per shingle: 5-grams are specific enough that shared stock phrases do not match.
SHINGLE_WORDS = 5
# datasketch 2's default permutation scheme, named because shared permutations need it.
MINHASH_SCHEME = "affine32"
_WORD = re.compile(r"\w+")

Verdict = tuple[str, str]  # ("unique" | "exact" | "near", group id)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Lower-cased word n-grams of a text, as bytes for hashing (one shingle if shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@dataclass
class Deduplicator:
    """Feed articles one by one; each gets ("unique" | "exact" | "near", group id).

    The group id is the article id of the first article of its group. With
    ``include_title`` the title is part of what must match exactly (a re-titled copy of
    the same text is then a near duplicate, not an exact one).
    """

    threshold: float = DEFAULT_THRESHOLD
    num_perm: int = NUM_PERM
    include_title: bool = False
    counts: dict[str, int] = field(default_factory=lambda: {"unique": 0, "exact": 0, "near": 0})

    def __post_init__(self) -> None:
        from datasketch import MinHashLSH

        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"near-duplicate threshold must be in (0, 1], got {self.threshold}")
        from datasketch import MinHash

        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
        # Drawing the permutations is costly: draw them once and share them.
        template = MinHash(num_perm=self.num_perm, scheme=MINHASH_SCHEME)
        self._permutations = template.permutations
        self._exact: dict[str, str] = {}  # exact key -> group id
        self._hashes: dict[str, MinHash] = {}  # group id -> MinHash of its first article
        self._group: dict[str, str] = {}  # LSH key -> group id

    def add(self, text: str, title: str | None = None) -> Verdict:
        """Classify one article and remember it for the ones after it."""
        key = self.exact_key(text, title)
        if key in self._exact:
            return self._count("exact", self._exact[key])
        return self.add_signed(key, article_id(text), self._minhash(text))

    def exact_key(self, text: str, title: str | None = None) -> str:
        """What must match for an exact copy: the text, and the title with include_title."""
        return article_id(f"{title or ''}\n\n{text}" if self.include_title else text)

    def signature(self, text: str) -> bytes:
        """The MinHash of a text as bytes, computed where the text is (a Dask worker)."""
        return bytes(self._minhash(text).hashvalues.astype("<u8").tobytes())

    def add_signed(self, key: str, group: str, minhash: MinHash | bytes) -> Verdict:
        """``add`` for an article known by its exact key, id and signature only."""
        if key in self._exact:
            return self._count("exact", self._exact[key])
        if isinstance(minhash, bytes):
            minhash = self._from_bytes(minhash)
        near = self._nearest(minhash)
        self._exact[key] = near or group
        self._lsh.insert(key, minhash)
        self._hashes[key] = minhash
        self._group[key] = near or group
        return self._count("near", near) if near else self._count("unique", group)

    def _minhash(self, text: str) -> MinHash:
        from datasketch import MinHash

        minhash = MinHash(num_perm=self.num_perm, hashfunc=zlib.crc32,
                          permutations=self._permutations, scheme=MINHASH_SCHEME)
        minhash.update_batch(list(shingles(text)))
        return minhash

    def _from_bytes(self, data: bytes) -> MinHash:
        import numpy as np
        from datasketch import MinHash

        values = np.frombuffer(data, dtype="<u8").astype(np.uint64)
        return MinHash(num_perm=self.num_perm, hashvalues=values,
                       permutations=self._permutations, scheme=MINHASH_SCHEME)

    def _nearest(self, minhash: MinHash) -> str | None:
        """Group of the most similar earlier article at or above the threshold, if any."""
        best, best_score = None, self.threshold
        for key in self._lsh.query(minhash):
            score = self._hashes[key].jaccard(minhash)
            if score >= best_score:
                best, best_score = self._group[key], score
        return best

    def _count(self, verdict: str, group: str) -> Verdict:
        self.counts[verdict] += 1
        return verdict, group
