"""Loading Parquet parts: analysed records are saved, copies become sources, failures stay
in the parts; and the Parquet reader reads rows like JSON Lines lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.engine.parts import plan_partitions, prepare, read_partition, write_part
from newsgraph.ingest.base import IngestError, RawDocument
from newsgraph.store import Store
from newsgraph.store.load import load_parts

TEXT = "Mayor Anna Berg opened the bridge on Monday."


def _record(text: str, path: str) -> dict[str, object]:
    return {"id": "a1", "source": {"path": path}, "status": "ok", "title": None, "url": None,
            "published": None, "text": text, "meta": {}, "zones": [], "entities": [],
            "quotes": [], "dates": [{"start": 0, "end": 5, "value": "x"}]}


def test_load_saves_articles_adds_copy_sources_and_skips_failures(tmp_path: Path) -> None:
    parts = tmp_path / "parts"
    prepare(parts)
    write_part(parts, 0, [_record(TEXT, "a")])
    write_part(parts, 1, [{"id": "a1", "source": {"path": "b"}, "status": "ok",
                           "duplicate_of": "a1"},
                          {"id": None, "source": {"path": "c"}, "status": "failed: empty x"}])
    loaded = load_parts(parts, str(tmp_path / "s.db"))
    assert (loaded.articles, loaded.sources, loaded.failed) == (1, 1, 1)
    with Store(tmp_path / "s.db") as store:
        assert store.count("articles") == 1 and store.count("sources") == 2
        assert store.count("facts") == 1


def test_load_refuses_a_directory_without_parts(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_parts(tmp_path, str(tmp_path / "s.db"))


def test_prepare_refuses_a_foreign_non_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(ValueError, match="not empty"):
        prepare(tmp_path)


def _jsonl(path: Path, n: int) -> Path:
    rows = [json.dumps({"title": f"T{i}", "text": f"{TEXT} Number {i}."}) for i in range(n)]
    rows.insert(3, "{not json")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_jsonl_ranges_number_lines_as_the_whole_file(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import newsgraph.engine.parts as parts

    src = _jsonl(tmp_path / "in.jsonl", 20)
    monkeypatch.setattr(parts, "MIN_PARTITION_BYTES", 1)
    planned = plan_partitions([str(src)], None, 4)
    assert len(planned) > 1
    items = [i for p in planned for i in read_partition(p, 10**6, {})]
    lines = [i.source["line"] for i in items]
    assert lines == list(range(1, 22))
    bad = [i for i in items if isinstance(i, IngestError)]
    assert len(bad) == 1 and bad[0].message.startswith(f"{src} line 4:")


def test_parquet_rows_read_like_jsonl_lines_and_split_by_row_group(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    import newsgraph.engine.parts as parts

    path = tmp_path / "in.parquet"
    table = pa.table({"body": [f"{TEXT} {i}" for i in range(6)],
                      "title": [f"T{i}" for i in range(6)],
                      "date": ["2024-03-0" + str(i + 1) for i in range(6)]})
    pq.write_table(table, path, row_group_size=2)
    monkeypatch.setattr(parts, "MIN_PARTITION_BYTES", 1)
    planned = plan_partitions([str(path)], None, 3)
    assert len(planned) == 3
    docs = [d for p in planned for d in read_partition(p, 10**6, {})]
    assert all(isinstance(d, RawDocument) for d in docs)
    assert [d.source["row"] for d in docs] == [1, 2, 3, 4, 5, 6]
    first = docs[0]
    assert isinstance(first, RawDocument)
    assert (first.title, first.published, first.source["format"]) == ("T0", "2024-03-01",
                                                                       "parquet")


def test_the_local_readers_take_parquet_by_extension(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsgraph.ingest import read_inputs

    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"text": [TEXT, ""], "url": ["http://x", None]}), path)
    docs = list(read_inputs([str(path)]))
    assert isinstance(docs[0], RawDocument) and docs[0].url == "http://x"
    assert isinstance(docs[1], IngestError) and docs[1].code == "no_text"  # as in JSON Lines
    assert docs[1].source["row"] == 2
