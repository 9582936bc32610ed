"""End-to-end event coding on hand-annotated BBC politics articles (docs/eval-bbc-events.md).

Five sets by one selection rule: ``dev`` (the first ten articles, annotated here; its
misses were read while writing rules), ``dev2`` (the next five, annotated blind by a
separate annotator who never saw the system's output; read only after its first score),
``held`` (the five after those, annotated blind by another such annotator and never read
while writing rules), ``dev3`` (the next five, annotated blind later, read after its first
score) and ``held2`` (the last three selected articles, annotated blind and never read).
Each gold file (``data/bbc_events*.jsonl``) holds no article text: per article its id, the
SHA-256 of the body (a different text is refused), and per event the trigger offsets, the
PLOVER type with the alternatives a reader could choose, actor and recipient parties (a
code such as GBRGOV and/or the offsets of the words naming them) and a note. The articles
are read from the BBC corpus, run through the default pipeline up to the events stage
(PLOVER 2021 scheme) and each gold event is matched to the predicted events at it (trigger
overlap, or the gold trigger inside the predicted event's sentence).
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

from .events import JOINT_TYPES

DEFAULT_BBC = "../shared/data/corpus/bbc.jsonl"
GOLD_NAMES = {"dev": "bbc_events.jsonl", "dev2": "bbc_events_dev2.jsonl",
              "dev3": "bbc_events_dev3.jsonl", "held": "bbc_events_held.jsonl",
              "held2": "bbc_events_held2.jsonl"}
PARTS = tuple(GOLD_NAMES)
# (first, how many) of the selected articles in each part
SLICES = {"dev": (0, 10), "dev2": (10, 5), "held": (15, 5), "dev3": (20, 5), "held2": (25, 3)}
# The parts nobody here has read: their sum is the figure for unseen articles.
HELD_PARTS = ("held", "held2")
DESCRIPTIONS = {
    "dev": "a dev set: its misses were read while writing rules",
    "dev2": "annotated blind; a dev set since its first score (0.127) was read",
    "dev3": "annotated blind on 2026-12-08; a dev set since its first score (12/61 = 0.197) "
            "was read",
    "held": "held out: annotated blind, never read while writing rules",
    "held2": "held out: the last three selected articles, annotated blind on 2026-12-08, "
             "never read while writing rules"}
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")
SELECTION_MOD = 16


def load_gold(part: str = "dev") -> list[dict[str, Any]]:
    """The gold articles of one part ("dev" or "held"), in file order."""
    name = GOLD_NAMES[part]
    text = resources.files("newsgraph").joinpath("eval", "data", name).read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def load_corpus(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def select(rows: list[dict[str, Any]], part: str = "dev") -> list[dict[str, Any]]:
    """The selection rule: politics rows, exact duplicate bodies dropped (first kept), then
    in id order those whose id's SHA-256 has a first byte divisible by 16; the first ten
    are the dev set, the next five dev2, the five after those the held-out set."""
    seen: set[str] = set()
    kept = []
    for row in rows:
        if row.get("category") != "politics" or row["body"] in seen:
            continue
        seen.add(row["body"])
        kept.append(row)
    kept.sort(key=lambda r: r["id"])
    return [r for r in kept if hashlib.sha256(r["id"].encode("utf-8")).digest()[0]
            % SELECTION_MOD == 0][SLICES[part][0]:sum(SLICES[part])]


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _overlap(a: list[int] | tuple[int, int], b: list[int] | tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def party_matches(gold: dict[str, Any], pred: dict[str, Any],
                  mentions: dict[str, list[tuple[int, int]]]) -> bool:
    """A predicted party is the gold one when its words (or a mention of the entity it was
    resolved to) overlap the gold words, or its country + sector is the gold code."""
    span = gold.get("span")
    if span:
        where = [(pred["start"], pred["end"])] + mentions.get(pred.get("entity") or "", [])
        if any(_overlap(span, w) for w in where):
            return True
    code = gold.get("code")
    return bool(code) and f"{pred.get('country') or ''}{pred.get('sector') or ''}" == code


def parties_ok(gold: list[dict[str, Any]], pred: list[dict[str, Any]],
               mentions: dict[str, list[tuple[int, int]]]) -> bool:
    """No gold party (none named): right when none is predicted; else any gold party
    matched by any predicted one."""
    if not gold:
        return not pred
    return any(party_matches(g, p, mentions) for g in gold for p in pred)


def at_gold(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Whether a predicted event is at a gold event: trigger overlap, or the gold trigger
    starts inside the predicted event's sentence."""
    if _overlap(gold["trigger"], pred["trigger"]):
        return True
    sent = pred.get("sentence")
    if not sent:
        return False
    return bool(sent[0] <= gold["trigger"][0] < sent[1])


def type_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return pred["type"] in {gold["type"], *gold.get("allowed", [])}


def score_event(gold: dict[str, Any], preds: list[dict[str, Any]],
                mentions: dict[str, list[tuple[int, int]]]) -> dict[str, bool]:
    """found / type / type+actor / type+actor+recipient for one gold event."""
    here = [p for p in preds if at_gold(gold, p)]
    typed = [p for p in here if type_ok(gold, p)]
    actor = [p for p in typed if parties_ok(gold["actor"], p["actor"], mentions)]
    full = [p for p in actor if _recipient_ok(gold, p, mentions, parties(p["recipient"]))]
    strict = [p for p in actor if _recipient_ok(gold, p, mentions, p["recipient"])]
    return {"found": bool(here), "type": bool(typed), "type_actor": bool(actor),
            "type_actor_recipient": bool(full), "strict": bool(strict)}


def parties(recipients: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The recipients that are parties: the gold marks parties only, so a thing the
    events stage marks as a target (``kind: "thing"``, "rejected the bill") is not
    compared; the strict figure compares it too."""
    return [r for r in recipients if r.get("kind", "party") != "thing"]


def _recipient_ok(gold: dict[str, Any], pred: dict[str, Any],
                  mentions: dict[str, list[tuple[int, int]]],
                  recipients: list[dict[str, Any]]) -> bool:
    """The prediction's recipients match the gold's; a joint act with none may name the
    gold recipient as a co-actor."""
    return parties_ok(gold["recipient"], recipients, mentions) or (
        pred["type"] in JOINT_TYPES and not recipients and bool(gold["recipient"])
        and parties_ok(gold["recipient"], pred["actor"], mentions))


def score_article(gold: list[dict[str, Any]], preds: list[dict[str, Any]],
                  mentions: dict[str, list[tuple[int, int]]] | None = None) -> dict[str, Any]:
    """Counts for one article; a prediction is correct when it is at a gold event with an
    allowed type."""
    mentions = mentions or {}
    rows = [score_event(g, preds, mentions) for g in gold]
    out: dict[str, Any] = {k: sum(r[k] for r in rows) for k in
                           ("found", "type", "type_actor", "type_actor_recipient", "strict")}
    out["gold"] = len(gold)
    out["predicted"] = len(preds)
    out["correct_predicted"] = sum(any(at_gold(g, p) and type_ok(g, p) for g in gold)
                                   for p in preds)
    out["events"] = rows
    return out


def check_gold(gold: list[dict[str, Any]], texts: dict[str, str] | None = None) -> list[str]:
    """Problems in the gold: unknown types, spans out of range, a text hash that differs."""
    problems = []
    for art in gold:
        size = art["chars"]
        text = (texts or {}).get(art["article"])
        if text is not None and text_sha(text) != art["sha256"]:
            problems.append(f"{art['article']}: text differs from the annotated one")
        for ev in art["events"]:
            where = f"{art['article']} {ev['id']}"
            for kind in (ev["type"], *ev.get("allowed", [])):
                if kind not in PLOVER_TYPES:
                    problems.append(f"{where}: unknown type {kind}")
            spans = [ev["trigger"]] + [p["span"] for p in ev["actor"] + ev["recipient"]
                                       if p.get("span")]
            for s, e in spans:
                if not 0 <= s < e <= size:
                    problems.append(f"{where}: span [{s}, {e}) outside 0..{size}")
            for p in ev["actor"] + ev["recipient"]:
                if not p.get("code") and not p.get("span"):
                    problems.append(f"{where}: a party with neither code nor span")
    return problems


def predict(rows: list[dict[str, Any]]) -> list[tuple[list[dict[str, Any]],
                                                       dict[str, list[tuple[int, int]]]]]:
    """Events (2021 scheme) and entity mentions of each article, default pipeline."""
    from ..records import Article
    from .events import stages_to_events

    stages = stages_to_events()
    articles = [Article(r["body"], title=r.get("title")) for r in rows]
    for stage in stages:
        stage.process_batch(articles)
    return [(a.extra.get("events", []),
             {e.id: [(m.start, m.end) for m in e.mentions] for e in a.entities or []})
            for a in articles]


def evaluate(corpus_path: str | Path, part: str = "dev") -> dict[str, Any]:
    gold = load_gold(part)
    rows: dict[str, dict[str, Any]] = {}
    for row in load_corpus(corpus_path):
        rows.setdefault(row["id"], row)  # the first row of an id, as the selection keeps
    missing = [g["article"] for g in gold if g["article"] not in rows]
    if missing:
        raise ValueError(f"articles not in {corpus_path}: {', '.join(missing)}")
    problems = check_gold(gold, {g["article"]: rows[g["article"]]["body"] for g in gold})
    if problems:
        raise ValueError("gold does not fit the corpus: " + "; ".join(problems))
    chosen = [rows[g["article"]] for g in gold]
    per = {}
    for art, (preds, mentions) in zip(gold, predict(chosen), strict=True):
        per[art["article"]] = score_article(art["events"], preds, mentions)
        per[art["article"]]["missed"] = [
            f"{g['id']} {g['type']}" for g, r in zip(art["events"], per[art["article"]]["events"],
                                                      strict=True)
            if not r["type_actor_recipient"]]
        per[art["article"]]["predicted_types"] = [p["type"] for p in preds]
    keys = ("gold", "found", "type", "type_actor", "type_actor_recipient", "strict",
            "predicted", "correct_predicted")
    total = {k: sum(v[k] for v in per.values()) for k in keys}
    return {"corpus": str(corpus_path), "part": part, "articles": per, "total": total}


def _share(n: int, d: int) -> str:
    return f"{n}/{d} = {n / d:.3f}" if d else f"{n}/0"


def format_report(result: dict[str, Any]) -> str:
    t = result["total"]
    g = t["gold"]
    part = result.get("part", "dev")
    lines = [f"BBC hand-annotated events, {part} ({result['corpus']}; "
             f"{len(result['articles'])} politics articles, PLOVER 2021 scheme; "
             f"{DESCRIPTIONS[part]})",
             f"  gold events {g}, predicted events {t['predicted']}",
             f"  found (a predicted event at the gold one)   {_share(t['found'], g)}",
             f"  right type                                   {_share(t['type'], g)}",
             f"  right type + actor                           {_share(t['type_actor'], g)}",
             f"  right type + actor + recipient               "
             f"{_share(t['type_actor_recipient'], g)}",
             f"    (strict: things marked as targets compared too "
             f"{_share(t.get('strict', 0), g)})",
             f"  precision (predicted at a gold event, type allowed) "
             f"{_share(t['correct_predicted'], t['predicted'])}",
             "  per article: gold found type +actor +recipient | predicted correct"]
    for aid, a in result["articles"].items():
        lines.append(f"    {aid}: {a['gold']:>2} {a['found']:>2} {a['type']:>2} "
                     f"{a['type_actor']:>2} {a['type_actor_recipient']:>2} | "
                     f"{a['predicted']:>2} {a['correct_predicted']:>2}")
    return "\n".join(lines)


def run(path: str | Path, as_json: bool = False, parts: tuple[str, ...] = PARTS) -> int:
    """Print the BBC figures of each part; a missing corpus is reported and skipped
    (exit 0)."""
    if not Path(path).exists():
        print(f"BBC events: corpus not found at {path}; skipped (pass --bbc PATH)")
        return 0
    held: list[dict[str, Any]] = []
    for part in parts:
        result = evaluate(path, part)
        if part in HELD_PARTS:
            held.append(result["total"])
        if as_json:
            result = {**result, "articles": {k: {x: y for x, y in v.items() if x != "events"}
                                             for k, v in result["articles"].items()}}
        print(json.dumps(result) if as_json else format_report(result))
    if len(held) > 1 and not as_json:
        print(held_summary(held))
    return 0


def held_summary(totals: list[dict[str, Any]]) -> str:
    """One line for all held-out parts together: the figure for articles nobody has read."""
    gold = sum(t["gold"] for t in totals)
    full = sum(t["type_actor_recipient"] for t in totals)
    right = sum(t["correct_predicted"] for t in totals)
    return (f"BBC held-out parts together ({', '.join(HELD_PARTS)}): right type + actor + "
            f"recipient {_share(full, gold)}; precision "
            f"{_share(right, sum(t['predicted'] for t in totals))}")
