"""`newsgraph eval seed`: score the seed article against its hand reading (gold.json).

1. analyse ``article.txt`` with the full pipeline (publication date from the text);
2. quotes: match to gold one-to-one by content Dice >= 0.5; a speaker counts as right
   when a word of its name other than a title is also in the gold speaker's name (the
   convention of the seed's README);
3. ask every other capability's evaluation module for its ``seed_report`` (dates, places,
   events, votes, ...), when it has one.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
from pathlib import Path
from typing import Any

from .. import lexicons
from ..analyze import build_pipeline
from ..options import Options
from ..records import Article
from .scoring import Item, match

DEFAULT_SEED = Path("..") / "shared" / "data" / "seed"
# Modules that may contribute a seed_report(article_json, gold) -> dict.
SEED_REPORTERS = ("dates", "places", "events")
NOT_NAME = frozenset({"the", "of", "and", "mr", "ms", "mrs", "dr", "us", "uk"})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED,
                        help="folder with article.txt and gold.json (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--verbose", action="store_true", help="list every gold quote")


def name_tokens(name: str | None) -> set[str]:
    words = {w.lower() for w in re.findall(r"[\w]+", name or "")}
    words = {re.sub(r"s$", "", w) if w.endswith("’s") else w for w in words}
    return words - NOT_NAME - lexicons.titles()


def same_speaker(predicted: str | None, gold: str) -> bool:
    return bool(name_tokens(predicted) & name_tokens(gold))


def score_quotes(article: Article, gold: dict[str, Any]) -> dict[str, Any]:
    """Per-type counts of gold quotes found, and found with the right speaker."""
    text = article.text
    quotes = article.quotes or []
    golds = gold["quotes"]
    preds = [Item(list(q.content)) for q in quotes]
    gitems = [Item([(g["span"][0], g["span"][1])]) for g in golds]
    pairs = dict((j, i) for i, j in match(text, preds, gitems))
    rows = []
    for j, g in enumerate(golds):
        q = quotes[pairs[j]] if j in pairs else None
        rows.append({
            "gold": g["content"][:70], "type": g["type"], "gold_speaker": g["speaker"],
            "found": q is not None, "speaker": q.speaker.name if q else None,
            "right": bool(q and same_speaker(q.speaker.name, g["speaker"])),
        })
    by_type: dict[str, dict[str, int]] = {}
    for r in rows:
        t = by_type.setdefault(r["type"], {"gold": 0, "found": 0, "right": 0})
        t["gold"] += 1
        t["found"] += r["found"]
        t["right"] += r["right"]
    return {"gold": len(rows), "found": sum(r["found"] for r in rows),
            "right": sum(r["right"] for r in rows), "by_type": by_type,
            "predicted": len(quotes), "unmatched": len(quotes) - len(set(pairs.values())),
            "rows": rows}


def score_repair(article: Article, gold: dict[str, Any]) -> dict[str, Any]:
    """Scraping damage read as annotations: zones, glued boundaries, quotation-mark roles."""
    text = article.text
    zones = article.zones or []
    found: dict[str, list[bool]] = {"subheading": [], "caption": []}
    for art in gold["artifacts"]:
        if art["kind"] in found:
            start = text.find(art["text"])
            end = start + len(art["text"])
            found[art["kind"]].append(any(z["kind"] == art["kind"] and z["start"] < end
                                          and start < z["end"] for z in zones))
    hints = {h["offset"] for h in article.hints or []}
    examples = [ex for art in gold["artifacts"] if art["kind"] == "missing_space"
                for ex in art["examples"]]
    examples = [ex for ex in examples if ex in text]  # gold quotes one example loosely
    glued = [ex for ex in examples if _split(text, ex, hints)]
    opening = {m["offset"] for m in article.quote_marks or [] if m["role"] == "open"}
    flipped = [art for art in gold["artifacts"] if art["kind"] == "wrong_direction_quote_mark"]
    wrong = [ex for art in flipped for ex in art["examples"]]
    return {
        "subheadings": f"{sum(found['subheading'])}/{len(found['subheading'])}",
        "captions": f"{sum(found['caption'])}/{len(found['caption'])}",
        "glued_examples_split": f"{len(glued)}/{len(examples)}",
        "glued_boundaries_found": len(hints),
        "wrong_direction_read_as_opening":
            f"{sum(text.find(ex) in opening for ex in wrong)}/{len(wrong)}",
    }


def _split(text: str, example: str, hints: set[int]) -> bool:
    """Whether a glued example (``she said.Ukraine``) has a sentence start inside it."""
    at = text.find(example)
    return at >= 0 and any(at < h < at + len(example) for h in hints)


def evaluate(seed: Path, options: Options | None = None) -> dict[str, Any]:
    text = (seed / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((seed / "gold.json").read_text(encoding="utf-8"))
    article = Article(text, source={"path": str(seed / "article.txt")})
    build_pipeline(options).run([article])
    record = article.to_json()
    out: dict[str, Any] = {"status": article.status,
                           "published": record["published"],
                           "quotes": score_quotes(article, gold),
                           "repair": score_repair(article, gold)}
    for name in SEED_REPORTERS:
        module = _module(name)
        if module is not None and hasattr(module, "seed_report"):
            out[name] = module.seed_report(record, gold)
    return out


def _module(name: str) -> Any:
    try:
        return importlib.import_module(f"newsgraph.eval.{name}")
    except ImportError:
        return None


def format_report(r: dict[str, Any], verbose: bool = False) -> str:
    q = r["quotes"]
    pub = r["published"] or {}
    lines = [f"seed article: status {r['status']}, published {pub.get('value')} "
             f"({pub.get('evidence')})",
             f"quotes: {q['right']}/{q['gold']} found with the right speaker "
             f"({q['found']} found, {q['predicted']} predicted, {q['unmatched']} matching "
             f"no gold quote)"]
    for kind, t in sorted(q["by_type"].items()):
        lines.append(f"  {kind:<9} {t['right']}/{t['gold']} right ({t['found']} found)")
    if verbose:
        for row in q["rows"]:
            mark = "ok " if row["right"] else ("spk" if row["found"] else "-- ")
            lines.append(f"  {mark} [{row['type'][:3]}] {row['gold'][:60]!r} "
                         f"gold={row['gold_speaker']!r} got={row['speaker']!r}")
    lines.append(f"repair: {json.dumps(r['repair'])}")
    for name in SEED_REPORTERS:
        if name in r:
            lines.append(f"{name}: {json.dumps(_summary(r[name]), ensure_ascii=False)}")
    return "\n".join(lines)


def _summary(report: Any) -> Any:
    if isinstance(report, dict):
        return {k: v for k, v in report.items() if not isinstance(v, list | dict)} or report
    return report


def run(args: argparse.Namespace) -> int:
    seed = args.seed
    if not (seed / "article.txt").is_file() or not (seed / "gold.json").is_file():
        print(f"error: no seed article at {seed} (need article.txt and gold.json)")
        return 2
    result = evaluate(seed, Options(model=getattr(args, "model", None)))
    print(json.dumps(result, ensure_ascii=False) if args.json
          else format_report(result, args.verbose))
    return 0
