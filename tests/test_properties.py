"""Property: for any text the analyser does not crash and every span is inside the text."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.analyze import build_pipeline
from newsgraph.options import Options
from newsgraph.records import Article

PIECES = st.sampled_from([
    "“", "”", '"', "‘", "’", ".", ",", " ", "\n", "\n\n", "said", "he", "she", "told",
    "Mr Putin", "Ukraine", "according to", "WestIt", "said.Ukraine", "Source: Getty",
    "(Photo by A/B via Getty Images)", "on Thursday", "26 of the 35", "—", "x", "É", "\x00",
])
TEXTS = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=60).map("".join))
PIPELINE = build_pipeline(Options(language="en"))  # every stage runs on any text


# Keys whose values are [start, end] pairs or lists of them (docs/schema.md).
SPAN_KEYS = frozenset({"content", "cue", "mention", "mentions", "trigger", "sentence", "span"})


def spans(record: Any, key: str = "") -> list[tuple[int, int]]:
    """Every span anywhere in an output record: start/end fields and span-valued keys."""
    out: list[tuple[int, int]] = []
    if isinstance(record, dict):
        if isinstance(record.get("start"), int) and isinstance(record.get("end"), int):
            out.append((record["start"], record["end"]))
        for k, value in record.items():
            if k != "text":
                out.extend(spans(value, k))
    elif isinstance(record, list):
        if key in SPAN_KEYS and len(record) == 2 and all(isinstance(v, int) for v in record):
            out.append((record[0], record[1]))
        for value in record:
            out.extend(spans(value, key))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_analyses_and_spans_stay_inside(text: str) -> None:
    article = Article(text)
    PIPELINE.run([article])
    assert article.status == "ok", article.status
    record = article.to_json()
    assert record["text"] == text
    for start, end in spans(record):
        assert 0 <= start <= end <= len(text), (start, end)
