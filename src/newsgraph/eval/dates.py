"""Evaluate the dates stage on MEANTIME (TIMEX3 on English Wikinews) and on the seed article.

MEANTIME annotates only the title and the first sentences (0-5; sentence 1 is the date
line), so predictions after sentence 5 are not scored. The creation time (DCT) in each file
anchors relative expressions; its own date line is metadata and is scored on neither side.
Figures: extent P/R/F1, strict (same span) and relaxed (overlap), and value accuracy on
the gold DATE expressions a prediction overlaps.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_MEANTIME = "../shared/data/time/meantime-en/"
# Rules were developed looking at errors on three topics only; stock news is held out.
PARTS = {"dev": ("corpus_airbus", "corpus_apple", "corpus_gm"), "test": ("corpus_stock",)}
ANNOTATED_SENTENCES = 6  # sentences 0-5 carry annotation (MEANTIME README)
# Tokens written without a space before them when the text is rebuilt from tokens.
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "%", "'s", "n't", "'", "’s"})
NO_SPACE_AFTER = frozenset({"(", "$", "“", '"'})


@dataclass
class GoldDoc:
    """One MEANTIME article rebuilt as text, with its TIMEX3 spans in character offsets."""

    name: str
    text: str
    dct: str | None
    scored_end: int  # character offset where the annotated sentences end
    timexes: list[dict[str, Any]] = field(default_factory=list)
    dct_span: tuple[int, int] | None = None


def _rebuild(tokens: list[tuple[str, str, int]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text from tokens (title, date line and body on their own lines) and token offsets."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos, prev_sent, prev_tok = 0, None, ""
    for t_id, word, sent in tokens:
        if prev_sent is not None:
            sep = "\n" if sent != prev_sent and sent <= 2 else (
                "" if word in NO_SPACE_BEFORE or prev_tok in NO_SPACE_AFTER else " ")
            parts.append(sep)
            pos += len(sep)
        offsets[t_id] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        prev_sent, prev_tok = sent, word
    return "".join(parts), offsets


def load_file(path: Path) -> GoldDoc:
    """Parse one CAT XML file into text, DCT and scored TIMEX3 spans."""
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id", ""), t.text or "", int(t.get("sentence", "0")))
              for t in root.iter("token")]
    text, offsets = _rebuild(tokens)
    sentence_of = {t_id: sent for t_id, _, sent in tokens}
    ends = [offsets[t][1] for t, _, s in tokens if s < ANNOTATED_SENTENCES]
    doc = GoldDoc(path.stem, text, None, max(ends, default=0))
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id", "") for a in tx.findall("token_anchor")]
        if not ids:
            continue  # empty (implicit) TIMEX3 with no extent in the text
        span = (offsets[ids[0]][0], offsets[ids[-1]][1])
        if tx.get("functionInDocument") == "CREATION_TIME":
            doc.dct, doc.dct_span = tx.get("value"), span
        elif sentence_of[ids[0]] < ANNOTATED_SENTENCES:
            doc.timexes.append({"start": span[0], "end": span[1], "type": tx.get("type"),
                                "value": tx.get("value"), "text": text[span[0]:span[1]]})
    return doc


def load_meantime(directory: str | Path, part: str = "all") -> list[GoldDoc]:
    """Articles of the intra-document annotation (all, or the dev or test topics)."""
    base = Path(directory)
    files = sorted((base / "intra-doc_annotation").glob("*/*.xml")) or sorted(base.glob("*.xml"))
    if part in PARTS:
        files = [f for f in files if f.parent.name in PARTS[part]]
    return [load_file(f) for f in files]


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _match(gold: list[dict[str, Any]], pred: list[dict[str, Any]], strict: bool
           ) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """One-to-one pairs: same span first, then (relaxed) overlapping spans."""
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    tests = [lambda g, p: (g["start"], g["end"]) == (p["start"], p["end"])]
    if not strict:
        tests.append(_overlap)
    for test in tests:
        for gi, g in enumerate(gold):
            for pi, p in enumerate(pred):
                if gi not in used_g and pi not in used_p and test(g, p):
                    pairs.append((g, p))
                    used_g.add(gi)
                    used_p.add(pi)
    return pairs


def _prf(tp: int, n_gold: int, n_pred: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def score(gold: list[list[dict[str, Any]]], pred: list[list[dict[str, Any]]]) -> dict[str, Any]:
    """Extent P/R/F1 (strict, relaxed) and DATE value accuracy over aligned documents."""
    n_gold = sum(len(g) for g in gold)
    n_pred = sum(len(p) for p in pred)
    strict = sum(len(_match(g, p, True)) for g, p in zip(gold, pred, strict=True))
    relaxed_pairs = [pair for g, p in zip(gold, pred, strict=True) for pair in _match(g, p, False)]
    dates = [(g, p) for g, p in relaxed_pairs if g["type"] == "DATE"]
    right = sum(1 for g, p in dates if g["value"] == p["value"])
    gold_dates = sum(1 for doc in gold for g in doc if g["type"] == "DATE")
    return {
        "gold": n_gold, "predicted": n_pred,
        "strict": _prf(strict, n_gold, n_pred),
        "relaxed": _prf(len(relaxed_pairs), n_gold, n_pred),
        "date_value": {"gold_dates": gold_dates, "matched": len(dates), "correct": right,
                       "accuracy": round(right / len(dates), 4) if dates else 0.0,
                       "of_all_gold": round(right / gold_dates, 4) if gold_dates else 0.0},
    }


def dct_date(doc: GoldDoc) -> dt.date | None:
    """The creation time as a date; a malformed value falls back to its date line's text."""
    from ..stages.dates import normalise

    try:
        return dt.date.fromisoformat((doc.dct or "")[:10])
    except ValueError:
        pass
    if doc.dct_span is None:
        return None
    timex = normalise(doc.text[doc.dct_span[0]:doc.dct_span[1]], None)
    value = timex.value if timex else None
    return dt.date.fromisoformat(value) if value and len(value) == 10 else None


def predict(doc: GoldDoc, nlp: Any) -> list[dict[str, Any]]:
    """The dates stage on one rebuilt article, anchored to its DCT, limited to scored text."""
    from ..stages.dates import find_dates
    from ..stages.published import infer_published

    anchor, note = dct_date(doc), "DCT"
    parsed = nlp(doc.text)
    if anchor is None:  # no usable creation time: infer it from the text, as the stage does
        inferred = infer_published(doc.text, parsed)
        anchor, note = (dt.date.fromisoformat(inferred.value), "inferred") if inferred else (
            None, "none")
    found = find_dates(doc.text, parsed, anchor, note)
    dct = {"start": doc.dct_span[0], "end": doc.dct_span[1]} if doc.dct_span else None
    return [d for d in found
            if d["start"] < doc.scored_end and not (dct and _overlap(d, dct))]


def errors(docs: list[GoldDoc], preds: list[list[dict[str, Any]]], limit: int) -> list[str]:
    """Readable lines for wrong values and misses, for error analysis."""
    lines = []
    for doc, pred in zip(docs, preds, strict=True):
        matched = _match(doc.timexes, pred, False)
        pairs = {id(g): p for g, p in matched}
        taken = {id(p) for _, p in matched}
        lines += [f"EXTRA {doc.name[:30]:30} {p['text']!r} {p['value']} ({p['rule']})"
                  for p in pred if id(p) not in taken]
        for g in doc.timexes:
            p = pairs.get(id(g))
            if p is None:
                lines.append(f"MISS  {doc.name[:30]:30} {g['type']:8} {g['text']!r} {g['value']}")
            elif g["type"] == "DATE" and p["value"] != g["value"]:
                lines.append(f"VALUE {doc.name[:30]:30} {g['text']!r} gold={g['value']} "
                             f"got={p['value']} ({p['rule']}) dct={doc.dct}")
    return lines[:limit]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--meantime", default=DEFAULT_MEANTIME,
                        help="MEANTIME English folder (default: %(default)s)")
    parser.add_argument("--part", choices=["all", *PARTS], default="all",
                        help="dev (airbus, apple, gm: rules tuned here), test (stock) or all")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors")
    parser.add_argument("--model", default=None, help="spaCy model (default: the project's)")


def run(args: argparse.Namespace) -> int:
    """Score the dates stage on MEANTIME and print a report (or JSON with --json)."""
    from .. import nlp as nlp_mod

    docs = load_meantime(args.meantime, getattr(args, "part", "all"))
    if not docs:
        print(f"no MEANTIME files under {args.meantime}")
        return 2
    nlp = nlp_mod.load(getattr(args, "model", None))
    preds = [predict(d, nlp) for d in docs]
    result = score([d.timexes for d in docs], preds)
    result["documents"] = len(docs)
    result["part"] = getattr(args, "part", "all")
    if getattr(args, "json", False):
        print(json.dumps(result))
        return 0
    print(_report(result))
    for line in errors(docs, preds, getattr(args, "errors", 0)):
        print(line)
    return 0


def _report(r: dict[str, Any]) -> str:
    v = r["date_value"]
    return "\n".join([
        f"MEANTIME dates: {r['documents']} documents, {r['gold']} gold TIMEX3, "
        f"{r['predicted']} predicted (sentences 0-5)",
        "extent strict:  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}".format(**r["strict"]),
        "extent relaxed: P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}".format(**r["relaxed"]),
        f"DATE values: {v['correct']}/{v['matched']} matched right = {v['accuracy']:.3f} "
        f"({v['of_all_gold']:.3f} of all {v['gold_dates']} gold DATE)",
    ])


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def seed_report(article_json: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """Seed article: each gold date is right when a predicted date overlapping one of its
    occurrences has the gold value; the publication date is compared too."""
    text = article_json.get("text", "")
    predicted = article_json.get("dates", [])
    rows = []
    for g in gold.get("dates", []):
        spans = [{"start": s, "end": e} for s, e in _occurrences(text, g["text"])]
        hits = [p for p in predicted if any(_overlap(p, s) for s in spans)]
        ok = any(p["value"] == g["value"] for p in hits)
        rows.append({"text": g["text"], "gold": g["value"], "ok": ok,
                     "got": sorted({str(p["value"]) for p in hits})})
    want = (gold.get("publication_date") or {}).get("value")
    got = (article_json.get("published") or {}).get("value")
    return {"gold": len(rows), "correct": sum(r["ok"] for r in rows), "published": got,
            "published_ok": want == got, "items": rows}
