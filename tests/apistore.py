"""Hand-written article records and a small store of them, for API and export tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.store import Store

EVIL = "<script>alert(1)</script>\"><img src=x onerror=alert(2)> '; DROP TABLE articles; --"


def record(aid: str, text: str, published: str, speaker: str, said: str,
           event: dict[str, Any] | None = None, title: str = "A report") -> dict[str, Any]:
    """An article record in output schema v1 with one direct quote and maybe one event."""
    start = text.index(said)
    who = text.index(speaker)
    rec: dict[str, Any] = {
        "id": aid, "text": text, "title": title, "url": f"https://example.org/{aid}",
        "status": "ok", "source": {"path": f"{aid}.txt"},
        "published": {"value": published, "evidence": "test"},
        "entities": [{"id": "e1", "name": speaker, "label": "PERSON", "role": None,
                      "organisation": None, "mentions": [[who, who + len(speaker)]]}],
        "quotes": [{"id": "q1", "type": "direct", "content": [[start, start + len(said)]],
                    "cue": [], "rule": "test",
                    "speaker": {"name": speaker, "entity": "e1",
                                "mention": [[who, who + len(speaker)]]}}],
        "events": [event] if event else [],
    }
    return rec


def meeting(text: str, a: str, ca: str, b: str, cb: str) -> dict[str, Any]:
    """A CONSULT event with two co-actors and no recipient (a meeting)."""
    sa, sb = text.index(a), text.index(b)
    trig = text.index("met")
    return {"type": "CONSULT", "quad_class": 1, "trigger": [trig, trig + 3],
            "sentence": [0, len(text)], "date": None,
            "actor": [{"start": sa, "end": sa + len(a), "name": a, "country": ca},
                      {"start": sb, "end": sb + len(b), "name": b, "country": cb}],
            "recipient": []}


def build(path: Path) -> str:
    texts = []
    for i in range(7):
        text = (f"Mayor Ana Roth met Governor Ben Cole on day {i}. "
                f"\"We agreed on the bridge number {i},\" Roth said.")
        texts.append(record(f"a{i}", text, f"2024-01-{10 + i:02d}", "Ana Roth",
                            f"We agreed on the bridge number {i},",
                            meeting(text, "Ana Roth", "AAA", "Ben Cole", "BBB")))
    evil_text = f"Chief {EVIL} spoke. \"=SUM(A1:A9) {EVIL} NEAR( * \\\" ok\" said Zed Quill."
    evil = record("evil", evil_text, "2024-02-01", "Zed Quill",
                  f"=SUM(A1:A9) {EVIL} NEAR( * \\\" ok", title=EVIL)
    first = evil_text.index(EVIL)
    evil["zones"] = [{"kind": "caption", "start": 0, "end": evil_text.index(" spoke")}]
    evil["dates"] = [{"start": first, "end": first + 8, "value": EVIL, "rule": EVIL}]
    evil["places"] = [{"start": first + 8, "end": first + 20, "name": EVIL, "country": EVIL}]
    evil["events"] = [{**meeting(evil_text.replace("spoke", "met  "), "Chief", EVIL, "Zed Quill",
                                 "ZZZ"), "type": EVIL}]
    texts.append(evil)
    with Store(path) as store:
        for rec in texts:
            store.save(rec)
    return str(path)
