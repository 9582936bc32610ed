"""`newsgraph eval quotes`: attribution scores on PolNeAR, overall and by form.

1. load the split's texts and gold attributions (one annotator per article);
2. analyse every text with the full pipeline;
3. match predictions to gold one-to-one by content Dice (see ``scoring``);
4. report quote P/R/F1, attribution (quote + speaker) P/R/F1 and speaker accuracy, for all
   attributions, direct only, and per form (direct/mixed/indirect, pronoun speaker, cue
   after content).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..analyze import default_stages
from ..options import Options
from ..pipeline import Pipeline
from ..records import Article, Quote
from .polnear import GoldArticle, GoldAttribution, load_split
from .scoring import PRONOUNS, Item, Tally, has_quote_mark, score_article

DEFAULT_POLNEAR = Path("..") / "shared" / "data" / "quotes" / "polnear"
BATCH = 32  # articles per nlp.pipe call
FORMS = ("direct", "mixed", "indirect", "pronoun_speaker", "cue_after_content")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR,
                        help="PolNeAR folder holding train/ and dev/ (default: %(default)s)")
    parser.add_argument("--split", default="dev", help="split to score (default: dev)")
    parser.add_argument("--direct-only", action="store_true",
                        help="only attributions whose content holds a quotation mark")
    parser.add_argument("--limit", type=int, default=None, help="score the first N articles")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def gold_form(text: str, g: GoldAttribution) -> set[str]:
    """Which forms a gold attribution belongs to (for the per-form breakdown)."""
    tags = set()
    body = "".join(text[s:e] for s, e in g.content).strip()
    body = body.replace("''", '"')  # the two-character mark of ASCII-era archives
    if body[:1] in "“\"" and body[-1:] in "”\"" and body.count("“") <= 1:
        tags.add("direct")
    elif has_quote_mark(text, g.content):
        tags.add("mixed")
    else:
        tags.add("indirect")
    src = " ".join(text[s:e] for s, e in g.source).strip().lower()
    if src in PRONOUNS:
        tags.add("pronoun_speaker")
    if g.cue and g.content and min(s for s, _ in g.cue) >= max(e for _, e in g.content):
        tags.add("cue_after_content")
    return tags


def gold_items(article: GoldArticle) -> list[Item]:
    return [Item(g.content, g.source, frozenset(gold_form(article.text, g)))
            for g in article.attributions]


def predicted_items(article: Article) -> list[Item]:
    """Our quotes as scoring items, in PolNeAR's convention (see ``polnear_view``)."""
    out = []
    for q in polnear_view(article):
        tags = {q.type}
        if q.cue and min(s for s, _ in q.cue) >= q.end:
            tags.add("cue_after_content")
        out.append(Item(list(q.content), list(q.speaker.mention), frozenset(tags)))
    return out


def polnear_view(article: Article) -> list[Quote]:
    """PolNeAR annotates a quote that carries on without a cue of its own as part of the
    attribution it continues (“Q1,” X said. “Q2.” is ONE attribution with two content
    spans, also across a paragraph break); newsgraph records Q2 as a continuation of Q1.
    Join them for scoring. (Chosen on train: joining every continuation scored higher than
    joining only those in the same paragraph after Q1's cue, on three train samples.)
    PolNeAR's Source is the outermost one: a quote ``according to CNN`` is scored with
    its ``via`` as the speaker mention."""
    out: list[Quote] = []
    position: dict[str, int] = {}  # quote id -> its (possibly merged) record in out
    for q in article.quotes or []:
        if q.via:  # PolNeAR's Source is the outermost one: "according to CNN"
            q = replace(q, speaker=replace(q.speaker, mention=[(q.via["start"], q.via["end"])]))
        at = position.get(q.continues or "")
        if at is not None:
            out[at] = replace(out[at], content=[*out[at].content, *q.content])
            position[q.id] = at
            continue
        position[q.id] = len(out)
        out.append(q)
    return out


def evaluate(articles: list[GoldArticle], direct_only: bool = False,
             options: Options | None = None) -> dict[str, Any]:
    """Analyse and score; returns the figures as a dict."""
    pipeline = quotes_pipeline(options)
    records = [Article(a.text, source={"polnear": a.name}) for a in articles]
    for i in range(0, len(records), BATCH):
        pipeline.run(records[i:i + BATCH])
    total = Tally()
    forms = {f: Tally() for f in FORMS}
    for gold_art, art in zip(articles, records, strict=True):
        text = gold_art.text
        golds = gold_items(gold_art)
        preds = predicted_items(art)
        if direct_only:
            golds = [g for g in golds if has_quote_mark(text, g.content)]
            preds = [p for p in preds if has_quote_mark(text, p.content, context=1)]
        total.add(score_article(text, preds, golds))
        for form in FORMS:
            fg = [g for g in golds if form in g.tags]
            fp = [p for p in preds if form in p.tags] if form in ("direct", "mixed", "indirect",
                                                                  "cue_after_content") else preds
            forms[form].add(_recall_tally(text, fp, fg, strict=form != "pronoun_speaker"))
    return {"articles": len(articles), "direct_only": direct_only, **total.report(),
            "forms": {f: t.report() for f, t in forms.items()}}


def quotes_pipeline(options: Options | None = None) -> Pipeline:
    """The default stages up to quotes: later stages do not change attributions."""
    stages = []
    for stage in default_stages(options):
        stages.append(stage)
        if stage.name == "quotes":
            break
    return Pipeline(stages)


def _recall_tally(text: str, preds: list[Item], golds: list[Item], strict: bool) -> Tally:
    """Per-form tally; for speaker-defined forms only recall is meaningful."""
    tally = score_article(text, preds, golds)
    if not strict:
        tally.pred = tally.matched
    return tally


def format_report(r: dict[str, Any]) -> str:
    lines = [f"PolNeAR: {r['articles']} articles"
             + (" (direct quotes only)" if r["direct_only"] else " (all attributions)"),
             f"  predicted {r['predicted']}, gold {r['gold']}, matched {r['matched']}"]
    for key in ("quote", "attribution"):
        m = r[key]
        lines.append(f"  {key:<12} P {m['p']:.3f}  R {m['r']:.3f}  F1 {m['f1']:.3f}")
    lines.append(f"  speaker accuracy on matched quotes: {r['speaker_accuracy']:.3f}")
    lines.append("  by form (gold count, attribution P/R/F1):")
    for form, m in r["forms"].items():
        a = m["attribution"]
        lines.append(f"    {form:<18} gold {m['gold']:>5}  P {a['p']:.3f}  R {a['r']:.3f}"
                     f"  F1 {a['f1']:.3f}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    articles = load_split(args.polnear, args.split)
    if args.limit:
        articles = articles[: args.limit]
    result = evaluate(articles, args.direct_only, Options(model=getattr(args, "model", None)))
    print(json.dumps(result) if args.json else format_report(result))
    return 0
