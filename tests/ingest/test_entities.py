"""Regression: HTML character references in JSON/CSV text fields ("caf&#233;") were kept
verbatim, so names and quotes held "&#233;" instead of "é"."""

import io
from typing import Any

from newsgraph.ingest.base import RawDocument
from newsgraph.ingest.common import unescape_entities
from newsgraph.ingest.jsonl import read_jsonl


def _one(line: str) -> Any:
    docs = list(read_jsonl(io.BytesIO(line.encode()), {"path": "x.jsonl"}, 10_000))
    assert len(docs) == 1
    return docs[0]


def test_numeric_and_named_references_are_decoded_and_recorded() -> None:
    doc = _one('{"title": "Caf&#233; row", "text": "Jos&#233; Mourinho &amp; the board '
               'said &#x20AC;5m was &quot;fair&quot;."}')
    assert isinstance(doc, RawDocument)
    assert doc.text == 'José Mourinho & the board said €5m was "fair".'
    assert doc.title == "Café row"
    assert {"step": "html_entities", "decoded": 5} in doc.meta["repairs"]


def test_a_bare_ampersand_and_unknown_names_are_left_alone() -> None:
    assert unescape_entities("AT&T and R&D &nosuchthing; here") == (
        "AT&T and R&D &nosuchthing; here", 0)


def test_text_without_references_records_no_repair() -> None:
    doc = _one('{"text": "The minister said the plan would work."}')
    assert "repairs" not in doc.meta
