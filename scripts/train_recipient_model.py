"""Train the learned target fallback on the tune half of PLV and write its weights.

    python scripts/train_recipient_model.py [--plv PATH] [--cv] [--out PATH]

``--cv`` prints, for a range of thresholds, the tune rows right without and with the
fallback under two-fold cross-validation within the tune half (how THRESHOLD was chosen).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsgraph.eval import recipient_training as rt
from newsgraph.eval.events import DEFAULT_PLV, load_plv

OUT = Path(__file__).resolve().parent.parent / "src/newsgraph/data/events/recipient_model.tsv"
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plv", default=DEFAULT_PLV, help="PLV_train.tsv")
    parser.add_argument("--out", type=Path, default=OUT, help="weights file to write")
    parser.add_argument("--cv", action="store_true", help="cross-validate within tune only")
    args = parser.parse_args()
    if not Path(args.plv).exists():
        print(f"PLV file not found: {args.plv}", file=sys.stderr)
        return 2
    data = rt.examples(rt.collect(load_plv(args.plv, "tune")))
    if args.cv:
        for threshold, before, after in rt.cross_validate(data, THRESHOLDS):
            print(f"threshold {threshold:.2f}: tune rows right {before} -> {after}")
        return 0
    weights = rt.train(data)
    args.out.write_text(rt.weights_file(weights, len(data)), encoding="utf-8")
    print(f"{len(weights)} weights from {len(data)} events -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
