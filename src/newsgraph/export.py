"""Exports of stored facts: JSON Lines, CSV, Parquet, GDELT-style event TSV, Web Annotation.

Every row carries ``article_id``, ``start``, ``end`` and ``text`` (the article's characters
``[start:end]``), so provenance travels with the data wherever it goes.

1. ``rows`` reads one kind of fact from a read-only connection, one flat dict per fact;
2. a writer per format turns the rows into bytes or text;
3. ``write`` (files, the CLI) and ``stream_text`` (the API) choose the writer.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .store import query as Q
from .store.db import FACT_KINDS

KINDS = ("articles", "quotes", "entities", *FACT_KINDS)
FORMATS = ("jsonl", "csv", "parquet", "gdelt", "annotation")
MEDIA = {
    "jsonl": ("application/x-ndjson", ".jsonl"),
    "csv": ("text/csv; charset=utf-8", ".csv"),
    "parquet": ("application/vnd.apache.parquet", ".parquet"),
    "gdelt": ("text/tab-separated-values; charset=utf-8", ".tsv"),
    "annotation": ("application/ld+json", ".jsonld"),
}
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters of context either side kept in a TextQuoteSelector, enough to disambiguate.
SELECTOR_CONTEXT = 32
# actor1_via / actor2_via: how each party not named by its clause was found ("model",
# "place", "author", "antecedent"; empty when the words name it), so a guess never
# passes for a reading.
GDELT_COLUMNS = ("event_id", "date", "actor1_name", "actor1_country", "actor2_name",
                 "actor2_country", "actor1_via", "actor2_via", "plover_type", "cameo",
                 "quad_class", "article_id", "start", "end", "text")


def check(kind: str, fmt: str) -> None:
    """Refuse a kind or format that does not exist, or a pairing that makes no sense."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "gdelt" and kind != "events":
        raise ValueError("the GDELT-style format is for events only")
    if fmt == "annotation" and kind != "quotes":
        raise ValueError("Web Annotation export is for quotes only")


def rows(conn: sqlite3.Connection, kind: str) -> Iterator[dict[str, Any]]:
    """Every stored fact of one kind, flat, with article_id, start, end and text."""
    texts = _Texts(conn)
    if kind == "articles":
        for r in conn.execute("SELECT id, title, url, published, status, text FROM articles "
                              "ORDER BY id"):
            yield {"article_id": r["id"], "start": 0, "end": len(r["text"]), **dict(r)}
    elif kind == "quotes":
        for r in conn.execute("SELECT * FROM quotes ORDER BY article_id, start, id"):
            yield _quote(dict(r), texts.get(r["article_id"]))
    elif kind == "entities":
        for r in conn.execute("SELECT * FROM entities ORDER BY article_id, id"):
            yield _entity(dict(r), texts.get(r["article_id"]))
    else:
        for r in conn.execute("SELECT article_id, kind, idx, start, end, record FROM facts "
                              "WHERE kind = ? ORDER BY article_id, idx", (kind,)):
            yield Q.fact_row(r["article_id"], kind, r["idx"], r["start"], r["end"],
                             json.loads(r["record"]), texts.get(r["article_id"]))


class _Texts:
    """Article texts, one at a time: rows come ordered by article, so one is cached."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn, self.aid, self.text = conn, "", ""

    def get(self, aid: str) -> str:
        if aid != self.aid:
            row = self.conn.execute("SELECT text FROM articles WHERE id = ?", (aid,)).fetchone()
            self.aid, self.text = aid, row["text"] if row else ""
        return self.text


def _quote(r: dict[str, Any], text: str) -> dict[str, Any]:
    for key in ("content", "cue", "speaker_mention"):
        r[key] = json.loads(r[key])
    r["via"] = json.loads(r["via"]) if r.get("via") else None
    r["text"] = text[r["start"]:r["end"]]
    return {"article_id": r.pop("article_id"), "id": r.pop("id"), **r}


def _entity(r: dict[str, Any], text: str) -> dict[str, Any]:
    mentions = json.loads(r["mentions"])
    first = mentions[0] if mentions else [None, None]
    r.update(mentions=mentions, start=first[0], end=first[1],
             text=text[first[0]:first[1]] if first[0] is not None else None)
    return r


# --- writers ---------------------------------------------------------------------------


def neutralise(value: Any) -> Any:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    return neutralise(value)


def _columns(first: dict[str, Any]) -> list[str]:
    lead = ["article_id", "start", "end", "text"]
    return lead + [k for k in first if k not in lead]


def _csv_chunks(items: Iterator[dict[str, Any]]) -> Iterator[str]:
    buf = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for row in items:
        if writer is None:
            writer = csv.DictWriter(buf, fieldnames=_columns(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in row.items()})
        yield _drain(buf)
    if writer is None:
        yield "article_id,start,end,text\r\n"


def _drain(buf: io.StringIO) -> str:
    out = buf.getvalue()
    buf.seek(0)
    buf.truncate()
    return out


def _party(parties: list[dict[str, Any]] | None) -> tuple[str, str, str]:
    parties = parties or []
    names = "; ".join(p.get("name") or "" for p in parties)
    countries = "; ".join(p.get("country") or "" for p in parties)
    via = "; ".join(str(p.get("via") or "") for p in parties)
    return names, countries, via if via.strip("; ") else ""


def _gdelt_chunks(items: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield "\t".join(GDELT_COLUMNS) + "\n"
    for ev in items:
        a1, c1, v1 = _party(ev.get("actor"))
        a2, c2, v2 = _party(ev.get("recipient"))
        values = [f"{ev['article_id']}:{ev['idx']}", ev.get("date") or "", a1, c1, a2, c2,
                  v1, v2, ev.get("type") or "", ev.get("cameo") or "", ev.get("quad_class") or "",
                  ev["article_id"], ev.get("start"), ev.get("end"), ev.get("text") or ""]
        yield "\t".join(_tsv(v) for v in values) + "\n"


def _tsv(value: Any) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.split()) if any(c in text for c in "\t\r\n") else text


def annotation(q: dict[str, Any], text: str) -> dict[str, Any]:
    """One quote as a W3C Web Annotation: quote and position selectors on its source."""
    start, end = q["start"], q["end"]
    speaker = q.get("speaker_name") or "unknown speaker"
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"urn:newsgraph:{q['article_id']}:quote:{q['id']}",
        "type": "Annotation",
        "motivation": "identifying",
        "body": {"type": "TextualBody", "purpose": "identifying", "format": "text/plain",
                 "value": f"{speaker} ({q['type']} quote)"},
        "target": {
            "source": f"urn:newsgraph:{q['article_id']}",
            "selector": [
                {"type": "TextQuoteSelector", "exact": text[start:end],
                 "prefix": text[max(0, start - SELECTOR_CONTEXT):start],
                 "suffix": text[end:end + SELECTOR_CONTEXT]},
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
        "article_id": q["article_id"], "start": start, "end": end, "text": text[start:end],
    }


def _annotation_chunks(conn: sqlite3.Connection,
                       items: Iterator[dict[str, Any]]) -> Iterator[str]:
    texts = _Texts(conn)
    yield '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", '
    yield '"items": ['
    for i, q in enumerate(items):
        item = annotation(q, texts.get(q["article_id"]))
        del item["@context"]
        yield ("," if i else "") + "\n" + json.dumps(item, ensure_ascii=False)
    yield "\n]}\n"


def text_chunks(conn: sqlite3.Connection, kind: str, fmt: str) -> Iterator[str]:
    """The export of a kind in a text format, in pieces."""
    check(kind, fmt)
    items = rows(conn, kind)
    if fmt == "jsonl":
        return (json.dumps(r, ensure_ascii=False) + "\n" for r in items)
    if fmt == "csv":
        return _csv_chunks(items)
    if fmt == "gdelt":
        return _gdelt_chunks(items)
    if fmt == "annotation":
        return _annotation_chunks(conn, items)
    raise ValueError(f"{fmt} is not a text format")


def stream_text(db_path: str | Path, kind: str, fmt: str) -> Iterator[str]:
    """Stream an export on a read-only connection of its own, closed at the end."""
    conn = Q.connect(db_path)
    try:
        yield from text_chunks(conn, kind, fmt)
    finally:
        conn.close()


def write(conn: sqlite3.Connection, kind: str, fmt: str, out: IO[Any]) -> None:
    """Write an export: text formats to a text stream, Parquet to a binary one."""
    check(kind, fmt)
    if fmt == "parquet":
        _write_parquet(rows(conn, kind), out)
        return
    for chunk in text_chunks(conn, kind, fmt):
        out.write(chunk)


def _write_parquet(items: Iterator[dict[str, Any]], out: IO[bytes]) -> None:
    """Parquet with provenance columns typed, nested values as JSON strings."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = [{k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
             for k, v in r.items()} for r in items]
    if not flat:
        flat = [{"article_id": None, "start": None, "end": None, "text": None}]
        table = pa.Table.from_pylist(flat).slice(0, 0)
    else:
        cols = _columns(flat[0]) + sorted({k for r in flat for k in r} - set(_columns(flat[0])))
        table = pa.table({c: _column([r.get(c) for r in flat]) for c in cols})
    pq.write_table(table, out)


def _column(values: list[Any]) -> list[Any]:
    """A column of one type: where rows disagree (an int here, a string there), strings."""
    kinds = {type(v) for v in values if v is not None}
    if len(kinds) <= 1 and not kinds - {str, int, float, bool}:
        return values
    if kinds <= {int, float}:
        return [None if v is None else float(v) for v in values]
    return [None if v is None else str(v) for v in values]
