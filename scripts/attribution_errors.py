"""Attribution errors on a PolNeAR split, for working on the rules (use train, not dev).

Prints missed gold attributions (no prediction overlaps: by cue word; some overlap but Dice
< 0.5: boundary errors), extra predictions, and wrong speakers, with counts per cue word.

    python scripts/attribution_errors.py --split train --every 7 --show missed
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from newsgraph.eval.polnear import load_split
from newsgraph.eval.quotes import BATCH, gold_items, predicted_items, quotes_pipeline
from newsgraph.eval.scoring import (
    Tally,
    chars,
    dice,
    has_quote_mark,
    match,
    score_article,
    speaker_right,
)
from newsgraph.records import Article, Span

SHOW = ("missed", "boundary", "extra", "speaker")


def text_of(text: str, spans: list[Span], limit: int = 160) -> str:
    joined = " | ".join(text[s:e] for s, e in spans).replace("\n", " ")
    return joined if len(joined) <= limit else joined[:limit] + "…"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--polnear", type=Path, default=Path("../shared/data/quotes/polnear"))
    ap.add_argument("--split", default="train")
    ap.add_argument("--every", type=int, default=7, help="take every Nth article")
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--direct-only", action="store_true")
    ap.add_argument("--show", choices=SHOW, action="append", default=[])
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--source", default="", help="only articles whose name starts with this")
    args = ap.parse_args()
    golds_all = [a for a in load_split(args.polnear, args.split)[args.offset::args.every]
                 if a.name.startswith(args.source)]
    records = [Article(a.text) for a in golds_all]
    pipeline = quotes_pipeline()
    for i in range(0, len(records), BATCH):
        pipeline.run(records[i:i + BATCH])
    tally = Tally()
    counts: Counter[str] = Counter()
    cues: dict[str, Counter[str]] = {k: Counter() for k in SHOW}
    for gold_art, art in zip(golds_all, records, strict=True):
        text = gold_art.text
        golds = gold_items(gold_art)
        gcue = [g.cue for g in gold_art.attributions]
        preds = predicted_items(art)
        if args.direct_only:
            keep = [i for i, g in enumerate(golds) if has_quote_mark(text, g.content)]
            golds, gcue = [golds[i] for i in keep], [gcue[i] for i in keep]
            preds = [p for p in preds if has_quote_mark(text, p.content, context=1)]
        pairs = match(text, preds, golds)
        tally.add(score_article(text, preds, golds))
        mp, mg = {i for i, _ in pairs}, {j for _, j in pairs}
        pcs = [chars(text, p.content) for p in preds]
        for j, g in enumerate(golds):
            if j in mg:
                continue
            gc = chars(text, g.content)
            best = max(((dice(gc, pc), i) for i, pc in enumerate(pcs) if gc & pc), default=None)
            kind = "missed" if best is None else "boundary"
            cue = text_of(text, gcue[j], 40).lower()
            counts[kind] += 1
            cues[kind][cue] += 1
            if kind in args.show:
                print(f"{kind.upper():8} [{','.join(sorted(g.tags))}] cue={cue!r} "
                      f"src={text_of(text, g.speaker, 40)!r}\n   G: {text_of(text, g.content)}")
                if best is not None:
                    print(f"   P({best[0]:.2f}): {text_of(text, preds[best[1]].content)}")
        for i, p in enumerate(preds):
            if i not in mp:
                counts["extra"] += 1
                if "extra" in args.show:
                    print(f"EXTRA    [{','.join(sorted(p.tags))}] src="
                          f"{text_of(text, p.speaker, 40)!r}\n   P: {text_of(text, p.content)}")
                    for g in golds:
                        if chars(text, g.content) & pcs[i]:
                            print(f"   overlaps G: {text_of(text, g.content)}")
        for i, j in pairs:
            if not speaker_right(text, preds[i], golds[j]):
                counts["speaker"] += 1
                cues["speaker"][text_of(text, golds[j].speaker, 30)] += 1
                if "speaker" in args.show:
                    print(f"SPEAKER  gold={text_of(text, golds[j].speaker, 40)!r} "
                          f"pred={text_of(text, preds[i].speaker, 40)!r}\n"
                          f"   G: {text_of(text, golds[j].content, 100)}")
    print(f"\n{len(golds_all)} articles: {dict(counts)}")
    print(json.dumps(tally.report()))
    for kind in ("missed", "boundary"):
        print(f"top cues, {kind}: {cues[kind].most_common(args.top)}")


if __name__ == "__main__":
    main()
