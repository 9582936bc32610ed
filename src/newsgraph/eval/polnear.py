"""Reading PolNeAR (brat standoff attributions) into gold attribution records."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..records import Span


@dataclass
class GoldAttribution:
    content: list[Span]
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)


@dataclass
class GoldArticle:
    name: str
    text: str
    attributions: list[GoldAttribution]


def _spans(field_text: str) -> list[Span]:
    out = []
    for part in field_text.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return out


def parse_ann(lines: list[str]) -> list[GoldAttribution]:
    """Attributions from the lines of one .ann file (T and E records; others skipped)."""
    spans: dict[str, tuple[str, list[Span]]] = {}
    events: list[dict[str, str]] = []
    for line in lines:
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T") and len(parts) >= 3:
            kind, _, rest = parts[1].partition(" ")
            try:
                spans[parts[0]] = (kind, _spans(rest))
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            events.append(roles)
    out = []
    for roles in events:
        content = roles.get("Content")
        if content not in spans:
            continue
        out.append(GoldAttribution(
            content=spans[content][1],
            source=spans[roles["Source"]][1] if roles.get("Source") in spans else [],
            cue=spans[roles["Cue"]][1] if roles.get("Cue") in spans else [],
        ))
    return out


def load_split(root: Path, split: str) -> list[GoldArticle]:
    """One annotator per article: the alphabetically first .ann file, as the README says."""
    base = root / split
    if not (base / "text").is_dir():
        raise FileNotFoundError(f"no PolNeAR split '{split}' under {root} (expected "
                                f"{base}/text and {base}/attributions)")
    anns: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(name, ann)
    articles = []
    for txt in sorted((base / "text").glob("*.txt")):
        ann_path = anns.get(txt.stem)
        if ann_path is None:
            continue
        text = txt.read_text(encoding="utf-8")
        lines = ann_path.read_text(encoding="utf-8").splitlines()
        articles.append(GoldArticle(txt.stem, text, parse_ann(lines)))
    return articles
