"""Derive ``lexicons/cue_relations.tsv`` from PolNeAR *train* (never dev or test).

For every verb lemma and every kind of dependent it has (clausal complement, object,
infinitive, a preposition such as ``to``), count how often that dependent holds the content
of an annotated attribution cued by the verb. The ratio estimates the precision of taking
that dependent as reported content; entries at or above MIN_PRECISION with at least
MIN_COUNT attributions are kept. The output is a word list with counts, not annotations.

Usage: python scripts/derive_cue_relations.py ../shared/data/quotes/polnear
       python scripts/derive_cue_relations.py ROOT OUT.tsv 7 0   (hold out every 7th)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

from newsgraph.eval.polnear import load_split
from newsgraph.nlp import load

# Written out when content at least this often; the threshold actually used is
# newsgraph.lexicons.CUE_MIN_PRECISION, tuned on train, applied at load time.
MIN_PRECISION = 0.10
MIN_COUNT = 2
OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "lexicons" / "cue_relations.tsv"
RELATIONS = ("ccomp", "dobj", "xcomp", "oprd", "parataxis")


def relations(tok: Any) -> dict[str, Any]:
    """The dependents of a verb that could hold reported content, by relation name."""
    out: dict[str, Any] = {}
    for child in tok.children:
        if child.dep_ in RELATIONS:
            out.setdefault(child.dep_, child)
        elif child.dep_ == "prep":
            out.setdefault(f"prep:{child.lower_}", child)
    return out


def covers(child: Any, start: int) -> bool:
    lo = child.left_edge.idx
    hi = child.right_edge.idx + len(child.right_edge.text)
    return lo <= start < hi


def main(root: str, out: Path = OUT, hold_out: tuple[int, int] | None = None) -> None:
    """Count over train; ``hold_out=(n, k)`` leaves out every n-th article from the k-th, so
    that thresholds can be checked on train articles the counts never saw."""
    nlp = load()
    arts = load_split(Path(root), "train")
    if hold_out is not None:
        n, k = hold_out
        arts = [a for i, a in enumerate(arts) if i % n != k]
    seen: Counter[tuple[str, str]] = Counter()
    hit: Counter[tuple[str, str]] = Counter()
    for art, doc in zip(arts, nlp.pipe((a.text for a in arts), batch_size=32), strict=True):
        cues = {g.cue[0][0]: g for g in art.attributions if g.cue}
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            gold = cues.get(tok.idx)
            for rel, child in relations(tok).items():
                key = (tok.lemma_.lower(), rel)
                seen[key] += 1
                if gold is not None and any(covers(child, s) for s, _ in gold.content):
                    hit[key] += 1
    rows = sorted(((k, n, seen[k]) for k, n in hit.items()
                   if n >= MIN_COUNT and n / seen[k] >= MIN_PRECISION),
                  key=lambda r: (-r[1], r[0]))
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# Derived by scripts/derive_cue_relations.py from PolNeAR train: how often a\n"
                 "# verb's dependent of this relation held reported content (hits / seen).\n")
        fh.write("lemma\trelation\thits\tseen\n")
        for (lemma, rel), n, total in rows:
            fh.write(f"{lemma}\t{rel}\t{n}\t{total}\n")
    print(f"wrote {len(rows)} rows to {out}")


if __name__ == "__main__":
    if len(sys.argv) == 5:  # ROOT OUT N K: hold out every N-th train article from the K-th
        main(sys.argv[1], Path(sys.argv[2]), (int(sys.argv[3]), int(sys.argv[4])))
    else:
        main(sys.argv[1])
