"""Partitions of the inputs, and the partitioned Parquet results of the Dask engine.

1. ``plan_partitions`` splits the inputs: one partition per file, and a big JSON Lines file
   into byte ranges that start at a line, a big Parquet file into row-group ranges;
2. ``read_partition`` reads one partition with the ordinary readers, numbering lines and
   rows as a whole-file read does (so sources are those of the local engine);
3. ``write_part`` writes one partition's records: ``kind=articles/part-NNNNN.parquet`` with
   the whole record of every input (failed and duplicate ones too) and one table per kind
   of fact (``kind=quotes/``, ``kind=events/``, ...), one row per fact with
   ``article_id``, ``start``, ``end`` and ``text`` first, hive-style so DuckDB, pandas and
   Spark read the directory as it is.
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..export import _column
from ..ingest import _walk, guess_format, read_file
from ..ingest.base import IngestError, ReadResult
from ..ingest.common import error, where
from ..ingest.jsonl import read_jsonl
from ..ingest.parquet import read_parquet
from ..store import query as Q
from ..store.db import FACT_KINDS, _fact_span

# A JSON Lines file is cut into ranges of at most this many bytes: a few thousand news
# articles, small enough that one slow partition does not hold up the end of a run.
MAX_PARTITION_BYTES = 8 << 20
# ... and of at least this many bytes, so tiny inputs do not become one task per article.
MIN_PARTITION_BYTES = 32 << 10
# Partitions aimed for per worker: several, so a worker that finishes early takes more.
PARTITIONS_PER_WORKER = 4
MARKER = "_newsgraph_parts"  # file that marks a directory as written by this engine
PART_KINDS = ("quotes", "entities", *FACT_KINDS)
LEAD = ["article_id", "start", "end", "text"]


@dataclass(frozen=True)
class Partition:
    """A piece of one input: a whole file, a byte range of JSON Lines, or row groups."""

    index: int
    path: str
    fmt: str | None
    start: int = 0  # byte offset (jsonl) or first row group (parquet)
    stop: int | None = None  # end byte / row group, exclusive; None: to the end
    first: int = 1  # number of the first line / row of the range


def plan_partitions(inputs: list[str], input_format: str | None, workers: int) -> list[Partition]:
    """Every input's partitions, in input order (directories walked as the readers do)."""
    files: list[tuple[Path, str | None]] = []
    for name in inputs:
        if name == "-":
            raise ValueError("the dask engine reads files, not stdin ('-')")
        path = Path(name)
        files += _walk(path) if path.is_dir() else [(path, input_format)]
    total = sum(f.stat().st_size for f, _ in files if f.exists())
    target = min(MAX_PARTITION_BYTES,
                 max(MIN_PARTITION_BYTES, total // max(1, workers * PARTITIONS_PER_WORKER)))
    out: list[Partition] = []
    for file, fmt in files:
        out += _split(file, input_format or fmt, target, len(out))
    return out


def _split(path: Path, fmt: str | None, target: int, index: int) -> list[Partition]:
    guessed, gz = guess_format(path)
    fmt = fmt or guessed
    if gz or not path.is_file():
        return [Partition(index, str(path), fmt)]
    if fmt == "jsonl":
        ranges = _line_ranges(path, target)
        before = _lines_before(path, [a for a, _ in ranges])
        return [Partition(index + i, str(path), fmt, a, b, n + 1)
                for i, ((a, b), n) in enumerate(zip(ranges, before, strict=True))]
    if fmt == "parquet":
        return [Partition(index + i, str(path), fmt, a, b)
                for i, (a, b) in enumerate(_group_ranges(path, target))]
    return [Partition(index, str(path), fmt)]


def _line_ranges(path: Path, target: int) -> list[tuple[int, int]]:
    """Byte ranges of about ``target`` bytes, each starting at the start of a line."""
    size = path.stat().st_size
    cuts = [0]
    with path.open("rb") as fh:
        while cuts[-1] + target < size:
            fh.seek(cuts[-1] + target)
            fh.readline()  # on to the start of the next line
            if fh.tell() >= size:
                break
            cuts.append(fh.tell())
    return list(zip(cuts, [*cuts[1:], size], strict=True))


def _group_ranges(path: Path, target: int) -> list[tuple[int, int]]:
    """Row-group ranges of about ``target`` bytes (uncompressed)."""
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except Exception:  # noqa: BLE001 - the reader reports it as this file's error
        return [(0, 1)]
    ranges, begin, size = [], 0, 0
    for group in range(meta.num_row_groups):
        size += meta.row_group(group).total_byte_size
        if size >= target:
            ranges.append((begin, group + 1))
            begin, size = group + 1, 0
    if begin < meta.num_row_groups or not ranges:
        ranges.append((begin, max(meta.num_row_groups, begin + 1)))
    return ranges


def read_partition(part: Partition, max_chars: int,
                   options: dict[str, Any]) -> Iterator[ReadResult]:
    """One partition's documents and errors, sources as in a whole-file read."""
    if part.fmt == "jsonl" and part.stop is not None:
        yield from _jsonl_range(part, max_chars, options)
    elif part.fmt == "parquet" and part.stop is not None:
        with open(part.path, "rb") as fh:
            yield from read_parquet(fh, {"path": part.path}, max_chars,
                                    range(part.start, part.stop), **options)
    else:
        yield from read_file(Path(part.path), part.fmt, max_chars, **options)


def _jsonl_range(part: Partition, max_chars: int,
                 options: dict[str, Any]) -> Iterator[ReadResult]:
    assert part.stop is not None
    try:
        with open(part.path, "rb") as fh:
            fh.seek(part.start)
            data = fh.read(part.stop - part.start)
    except OSError as exc:
        yield error({"path": part.path}, "unreadable", f"cannot read: {exc.strerror or exc}")
        return
    skipped = part.first - 1
    for item in read_jsonl(io.BytesIO(data), {"path": part.path}, max_chars, **options):
        yield _renumber(item, skipped)


def _lines_before(path: Path, cuts: list[int]) -> list[int]:
    """Lines of the file before each cut, in one pass (about 1 s per GB)."""
    counts, count, done = [], 0, 0
    with path.open("rb") as fh:
        for cut in cuts:
            while done < cut:
                block = fh.read(min(cut - done, 1 << 20))
                if not block:
                    break
                count += block.count(b"\n")
                done += len(block)
            counts.append(count)
    return counts


def _renumber(item: ReadResult, skipped: int) -> ReadResult:
    """The line number within the file, in the source and in an error's message."""
    if not skipped or "line" not in item.source:
        return item
    old = dict(item.source)
    item.source["line"] += skipped
    if isinstance(item, IngestError):
        prefix = where(old) + ": "
        rest = item.message[len(prefix):] if item.message.startswith(prefix) else item.message
        return error(item.source, item.code, rest)
    return item


# --- results ------------------------------------------------------------------------------


def prepare(directory: Path) -> None:
    """An empty results directory: new, empty, or one this engine wrote before (cleared)."""
    if directory.exists() and any(directory.iterdir()):
        if not (directory / MARKER).exists():
            raise ValueError(f"{directory} is not empty and holds no newsgraph parts; "
                             "choose another --parts directory")
        for child in directory.glob("kind=*"):
            shutil.rmtree(child)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / MARKER).write_text("written by newsgraph analyze --engine dask\n")


def write_part(directory: Path, index: int, records: list[dict[str, Any]]) -> None:
    """One partition's articles table and fact tables (empty tables are not written)."""
    tables: dict[str, list[dict[str, Any]]] = {"articles": []}
    for position, record in enumerate(records):
        tables["articles"].append(article_row(record, index, position))
        if record.get("status") == "ok" and "text" in record:
            for kind, row in fact_rows(record):
                tables.setdefault(kind, []).append(row)
    for kind, rows in tables.items():
        if rows or kind == "articles":
            folder = directory / f"kind={kind}"
            folder.mkdir(parents=True, exist_ok=True)
            _write_table(rows, folder / f"part-{index:05d}.parquet")


def article_row(record: dict[str, Any], index: int, position: int) -> dict[str, Any]:
    """An input's row: provenance columns, the outcome, and the whole record as JSON."""
    text = record.get("text")
    pub = record.get("published") or {}
    return {"article_id": record.get("id"), "start": 0 if text is not None else None,
            "end": len(text) if text is not None else None, "text": text,
            "partition": index, "position": position, "status": record.get("status", "ok"),
            "title": record.get("title"), "url": record.get("url"),
            "published": pub.get("value"), "duplicate_of": record.get("duplicate_of"),
            "skipped": record.get("skipped"),
            "source": json.dumps(record.get("source") or {}, sort_keys=True, ensure_ascii=False),
            "record": json.dumps(record, ensure_ascii=False)}


def fact_rows(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(kind, row) for every quote, entity and other fact of an analysed record."""
    aid, text = record["id"], record["text"]
    for q in record.get("quotes") or []:
        start, end = min(s for s, _ in q["content"]), max(e for _, e in q["content"])
        yield "quotes", {"article_id": aid, "start": start, "end": end,
                         "text": text[start:end], **q}
    for e in record.get("entities") or []:
        first = (e.get("mentions") or [[None, None]])[0]
        yield "entities", {"article_id": aid, "start": first[0], "end": first[1],
                           "text": text[first[0]:first[1]] if first[0] is not None else None,
                           **e}
    for kind in FACT_KINDS:
        for idx, fact in enumerate(record.get(kind) or []):
            start, end = _fact_span(fact)
            yield kind, Q.fact_row(aid, kind, idx, start, end, fact, text)


def _write_table(rows: list[dict[str, Any]], path: Path) -> None:
    """Provenance columns first, nested values as JSON, one type per column."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = [{k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
             for k, v in r.items()} for r in rows]
    names = LEAD + sorted({k for r in flat for k in r} - set(LEAD))
    columns = {}
    for name in names:
        values = _column([r.get(name) for r in flat])
        typed = any(v is not None for v in values)
        columns[name] = pa.array(values) if typed else pa.array(values, type=_null_type(name))
    pq.write_table(pa.table(columns), path)


def _null_type(name: str) -> Any:
    """The type of a column with no values here: integers for spans, else strings."""
    import pyarrow as pa

    return pa.int64() if name in ("start", "end", "idx", "partition", "position") else pa.string()
