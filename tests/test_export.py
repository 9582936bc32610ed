"""Exports from the CLI: provenance on every row, spreadsheet-safe CSV, annotations."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from apistore import EVIL, build

from newsgraph.cli import EXIT_OK, EXIT_USAGE, main
from newsgraph.export import neutralise


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return build(tmp_path / "x.db")


def export(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["export", *args]) == EXIT_OK
    return capsys.readouterr().out


@pytest.mark.parametrize("value", ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_get_an_apostrophe(value: str) -> None:
    assert neutralise(value) == "'" + value
    assert neutralise("plain =1") == "plain =1"


def test_jsonl_rows_carry_article_id_span_and_exact_text(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [json.loads(line) for line in export(capsys, "quotes", "--db", db).splitlines()]
    articles = {json.loads(line)["article_id"]: json.loads(line)["text"]
                for line in export(capsys, "articles", "--db", db).splitlines()}
    assert len(rows) == 8
    for row in rows:
        assert articles[row["article_id"]][row["start"]:row["end"]] == row["text"]


def test_csv_is_spreadsheet_safe(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(export(capsys, "quotes", "--db", db,
                                                  "--format", "csv"))))
    evil = [r for r in rows if r["article_id"] == "evil"][0]
    assert evil["text"].startswith("'=SUM") and EVIL in evil["text"]
    assert list(rows[0])[:4] == ["article_id", "start", "end", "text"]


def test_annotations_select_the_exact_characters(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(export(capsys, "quotes", "--db", db, "--format", "annotation"))
    assert doc["type"] == "AnnotationCollection" and len(doc["items"]) == 8
    item = doc["items"][0]
    quote, position = item["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
    assert quote["exact"] == item["text"] and position["start"] == item["start"]


def test_gdelt_tsv_and_parquet(db: str, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    lines = export(capsys, "events", "--db", db, "--format", "gdelt").splitlines()
    head = lines[0].split("\t")
    first = dict(zip(head, lines[1].split("\t"), strict=True))
    assert len(lines) == 9 and first["actor1_country"] == "AAA; BBB"  # header + 8 events
    assert first["plover_type"] == "CONSULT" and first["text"] == "met"
    out = tmp_path / "e.parquet"
    assert main(["export", "events", "--db", db, "--format", "parquet", "-o", str(out)]) == 0
    table = pq.read_table(out)
    assert table.num_rows == 8 and table.column_names[:4] == ["article_id", "start", "end",
                                                              "text"]


def test_wrong_pairings_and_missing_store_are_usage_errors(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "quotes", "--db", db, "--format", "gdelt"]) == EXIT_USAGE
    assert main(["export", "quotes", "--db", str(tmp_path / "none.db")]) == EXIT_USAGE
    assert main(["export", "events", "--db", db, "--format", "parquet"]) == EXIT_USAGE
    assert "error" in capsys.readouterr().err


def test_gdelt_rows_say_how_a_party_was_found(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A target the model guessed is marked in actor2_via, a worded one is left blank."""
    from apistore import meeting, record

    from newsgraph.store import Store

    text = "Mayor Ana Roth met Governor Ben Cole in Nairobi. \"Good talks,\" Roth said."
    event = meeting(text, "Ana Roth", "AAA", "Ben Cole", "BBB")
    event["actor"] = event["actor"][:1]
    at = text.index("Nairobi")
    event["recipient"] = [{"start": at, "end": at + 7, "name": "Nairobi", "country": "KEN",
                           "via": "model", "score": 0.55}]
    path = tmp_path / "v.db"
    with Store(path) as store:
        store.save(record("v1", text, "2024-01-10", "Ana Roth", "Good talks,", event))
    lines = export(capsys, "events", "--db", str(path), "--format", "gdelt").splitlines()
    row = dict(zip(lines[0].split("\t"), lines[1].split("\t"), strict=True))
    assert (row["actor2_name"], row["actor2_via"], row["actor1_via"]) == ("Nairobi", "model", "")
    assert row["text"] == "met" and row["article_id"] == "v1"
