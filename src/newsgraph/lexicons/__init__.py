"""Word lists kept as data files beside this module, loaded once."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def table(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated lexicon with a header line (comments skipped)."""
    rows = [ln.split("\t") for ln in _lines(name)]
    header, body = rows[0], rows[1:]
    return [dict(zip(header, row, strict=False)) for row in body]


def words(name: str) -> frozenset[str]:
    """A one-word-per-line list, lower-cased."""
    return frozenset(ln.strip().lower() for ln in _lines(name))


@lru_cache(maxsize=1)
def cues() -> dict[str, dict[str, str]]:
    """Reporting-verb lemma -> {meaning, kind}; the first row for a lemma wins."""
    out: dict[str, dict[str, str]] = {}
    for row in table("cues.tsv"):
        out.setdefault(row["lemma"], row)
    return out


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    return words("titles.txt")


@lru_cache(maxsize=1)
def honorifics() -> dict[str, str]:
    return {r["honorific"]: r["gender"] for r in table("honorifics.tsv")}


# A verb's dependent is taken as reported content when it held content at least this
# often in PolNeAR train (hits / seen in cue_relations.tsv). Chosen on train only: with the
# table re-derived without every 7th train article, held-out F1 on those articles was
# 0.616 / 0.614 (two samples) at 0.10, 0.613 / 0.610 at 0.15, 0.611 / 0.610 at 0.20, and
# recall highest at 0.10 (scripts/derive_cue_relations.py, scripts/attribution_errors.py).
CUE_MIN_PRECISION = 0.10


@lru_cache(maxsize=4)
def cue_relations(min_precision: float = CUE_MIN_PRECISION,
                  min_hits: int = 0) -> dict[str, frozenset[str]]:
    """Verb lemma -> dependents that hold reported content (derived, see the file header)."""
    out: dict[str, set[str]] = {}
    for row in table("cue_relations.tsv"):
        if int(row["hits"]) >= max(min_hits, min_precision * int(row["seen"])):
            out.setdefault(row["lemma"], set()).add(row["relation"])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def title_generics() -> dict[str, frozenset[str]]:
    """Generic description word -> titles it may stand for."""
    return {r["generic"]: frozenset(r["titles"].split("|")) for r in table("title_generics.tsv")}
