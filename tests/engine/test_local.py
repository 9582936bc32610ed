"""The local engine: duplicates, failures by code, nothing stored is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.cli import EXIT_OK, main
from newsgraph.engine.local import run
from newsgraph.ingest.base import IngestError, RawDocument
from newsgraph.options import Options
from newsgraph.store import Store

TEXT = "“We will rebuild the bridge by spring,” said Mayor Anna Berg.\n"


def test_exact_duplicate_is_stored_once_with_both_sources(tmp_path: Path) -> None:
    docs = [RawDocument(TEXT, {"path": "a.txt"}), RawDocument(TEXT, {"path": "b.txt"})]
    summary = run(docs, Options(db=str(tmp_path / "n.db"), progress=False))
    assert summary.counts["ok"] == 1 and summary.counts["exact duplicate"] == 1
    with Store(tmp_path / "n.db") as store:
        assert store.count("articles") == 1
        assert store.count("sources") == 2


def test_near_duplicate_is_analysed_and_marked(tmp_path: Path) -> None:
    base = " ".join(f"word{i}" for i in range(300))
    docs = [RawDocument(base + " end.", {"path": "a"}), RawDocument(base + " fin.", {"path": "b"})]
    records: list[dict] = []
    run(docs, Options(store=False, progress=False), on_record=records.append)
    assert records[1]["meta"]["near_duplicate_of"] == records[0]["id"]


def test_failures_are_counted_by_code_and_good_articles_stored(tmp_path: Path) -> None:
    docs = [IngestError({"path": "x.txt"}, "empty", "x.txt: no text"),
            RawDocument(TEXT, {"path": "a.txt"}),
            RawDocument("y" * 500, {"path": "big.txt"})]
    summary = run(docs, Options(db=str(tmp_path / "n.db"), max_chars=200, progress=False))
    assert summary.counts["ok"] == 1 and summary.failed == 2
    assert summary.errors == {"empty": 1, "too_large": 1}
    assert "failures by code: empty 1, too_large 1" in summary.line()
    with Store(tmp_path / "n.db") as store:
        assert store.count("articles") == 1


def test_two_identical_inputs_in_one_run_print_as_table_and_store_both_sources(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: the duplicate's short record crashed the table and lost the batch."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "n.db")
    code = main(["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db,
                 "--format", "table", "--quiet"])
    out = capsys.readouterr().out.splitlines()
    assert code == EXIT_OK
    heads = [line for line in out if not line.startswith(" ")]
    assert heads[0].startswith(str(tmp_path / "a.txt")) and "quotes=1" in heads[0]
    assert heads[1].startswith(str(tmp_path / "b.txt")) and "duplicate of " in heads[1]
    with Store(db) as store:
        assert store.count("articles") == 1
        assert store.count("sources") == 2


def test_duplicate_records_follow_input_order_after_their_batch_is_stored(
        tmp_path: Path) -> None:
    other = "“The road reopens on Monday,” said Chief Engineer Lars Holm.\n"
    docs = [RawDocument(TEXT, {"path": "a"}), RawDocument(TEXT, {"path": "b"}),
            RawDocument(other, {"path": "c"})]
    db = str(tmp_path / "n.db")
    seen: list[tuple[str, bool]] = []

    def on_record(record: dict) -> None:
        with Store(db) as store:
            seen.append((record["source"]["path"], store.has(record["id"])))

    run(docs, Options(db=db, progress=False), on_record=on_record)
    assert seen == [("a", True), ("b", True), ("c", True)]


def test_max_chars_never_admits_an_article_the_model_refuses(tmp_path: Path) -> None:
    """Regression: the default --max-chars (2,000,000) was above spaCy's max_length."""
    from newsgraph.nlp import load

    nlp = load(None)
    assert Options().max_chars <= nlp.max_length
    wanted = nlp.max_length + 500_000
    run([RawDocument(TEXT, {"path": "a"})], Options(db=str(tmp_path / "n.db"),
                                                     max_chars=wanted, progress=False))
    assert nlp.max_length >= wanted
