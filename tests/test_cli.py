"""The command line: analyse, store, list quotes, per-article errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main

ARTICLE = "“We will rebuild the bridge by spring,” said Mayor Anna Berg.\n"


def test_analyze_stores_and_quotes_lists(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "n.db")
    assert main(["analyze", str(tmp_path / "a.txt"), "--db", db, "--quiet"]) == EXIT_OK
    assert main(["quotes", "--db", db, "--speaker", "berg", "--format", "jsonl"]) == EXIT_OK
    out = capsys.readouterr().out.strip().splitlines()
    row = json.loads(out[-1])
    assert row["speaker_name"] == "Anna Berg"
    assert row["quote_text"].startswith("We will rebuild")


def test_jsonl_output_offsets_index_the_file(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["analyze", str(src), "--no-store", "--format", "jsonl", "-o", str(out),
                 "--published", "2024-03-01", "--quiet"])
    assert code == EXIT_OK
    rec = json.loads(out.read_text(encoding="utf-8"))
    text = src.read_text(encoding="utf-8")
    assert rec["text"] == text
    (s, e), = rec["quotes"][0]["content"]
    assert text[s:e] == "We will rebuild the bridge by spring"
    assert rec["published"] == {"value": "2024-03-01", "evidence": "given with --published"}


def test_bad_input_gets_error_line_and_run_goes_on(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    db = str(tmp_path / "n.db")
    code = main(["analyze", str(tmp_path), "--db", db, "--quiet"])
    err = capsys.readouterr().err
    assert code == EXIT_FAILED
    assert "empty.txt" in err and "binary.txt" in err
    assert "1 ok" in err and "2 failed" in err
    assert main(["quotes", "--db", db]) == EXIT_OK  # the good article was stored


def test_missing_input_and_bad_date_are_usage_errors(tmp_path: Path) -> None:
    assert main(["analyze", str(tmp_path / "nope.txt"), "--no-store"]) == EXIT_USAGE
    with pytest.raises(SystemExit) as exc:
        main(["analyze", str(tmp_path), "--published", "15/09/2022"])
    assert exc.value.code == EXIT_USAGE


def test_info_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", "--json"]) == EXIT_OK
    info = json.loads(capsys.readouterr().out)
    assert info["model"] and info["spacy"].startswith("3.8")


def test_bad_rows_in_csv_and_jsonl_fail_alone_and_good_rows_are_stored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "dump.csv").write_text(
        'text,title\n"“We won,” said Ana Ruiz.",A\n"ragged",B,extra,cells\n'
        '"“We lost,” said Tom Lee.",C\n', encoding="utf-8")
    (tmp_path / "dump.jsonl").write_text(
        '{"text": "“It works,” said Eva Holm."}\n{"text": broken\n'
        '{"text": "“It still works,” said Eva Holm again."}\n', encoding="utf-8")
    db = str(tmp_path / "n.db")
    code = main(["analyze", str(tmp_path / "dump.csv"), str(tmp_path / "dump.jsonl"),
                 "--db", db, "--quiet"])
    err = capsys.readouterr().err
    assert code == EXIT_FAILED
    assert "ragged_row" in err and "bad_json" in err and "line 2" in err
    from newsgraph.store import Store

    with Store(db) as store:
        assert store.count("articles") == 4


def _bad_db(tmp_path: Path, kind: str) -> str:
    if kind == "directory":
        (tmp_path / "d.db").mkdir()
        return str(tmp_path / "d.db")
    if kind == "not sqlite":
        (tmp_path / "t.db").write_text("plain text, not a database\n" * 50, encoding="utf-8")
        return str(tmp_path / "t.db")
    return str(tmp_path / "missing" / "folder" / "x.db")


@pytest.mark.parametrize("kind", ["directory", "not sqlite", "missing folder"])
@pytest.mark.parametrize("command", ["analyze", "quotes"])
def test_a_bad_db_path_is_one_clear_error_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, command: str) -> None:
    """Regression: these raised sqlite3 errors with a traceback."""
    db = _bad_db(tmp_path, kind)
    text = tmp_path / "a.txt"
    text.write_text("The council met on Monday.\n", encoding="utf-8")
    args = ["analyze", str(text), "--db", db, "--quiet"] if command == "analyze" else \
        ["quotes", "--db", db]
    assert main(args) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("newsgraph: error:") and "Traceback" not in err


class _Terminal:
    """A stderr that says it is a terminal and keeps what is written to it."""

    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass

    def fileno(self) -> int:
        raise OSError("no descriptor")


@pytest.mark.parametrize("name", ["a.txt", "a.txt.gz"])
def test_progress_bar_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    name: str) -> None:
    """Regression: on a terminal, an input that cannot be counted up front (gzip, WARC,
    stdin) crashed with tqdm's "bool() undefined when iterable == total == None"."""
    import gzip

    data = ARTICLE.encode("utf-8")
    (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["analyze", str(tmp_path / name), "--no-store", "--format", "jsonl",
                 "-o", str(tmp_path / "out.jsonl")]) == EXIT_OK
    assert "article" in terminal.text and "analysed: 1 ok" in terminal.text


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_unwritable_output_fails_before_any_work(tmp_path: Path, engine: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: with --engine dask a bad -o path failed only after the whole run."""
    src = tmp_path / "a.txt"
    src.write_text("The minister resigned on Monday.", encoding="utf-8")
    parts = tmp_path / "parts"
    for bad in (tmp_path / "missing" / "out.jsonl", tmp_path):
        code = main(["analyze", str(src), "--no-store", "--quiet", "--engine", engine,
                     "--parts", str(parts), "-o", str(bad)])
        assert code == EXIT_USAGE
        assert "cannot write --output" in capsys.readouterr().err
    assert not parts.exists()


@pytest.mark.parametrize(("flags", "via"), [([], ["model"]), (["--no-learned-targets"], [])])
def test_learned_targets_can_be_turned_off(tmp_path: Path, flags: list[str],
                                           via: list[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text("The foreign minister held several meetings in Nairobi on Monday.\n",
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["analyze", str(src), "--no-store", "--format", "jsonl", "-o", str(out),
                 "--quiet", *flags])
    assert code == EXIT_OK
    rec = json.loads(out.read_text(encoding="utf-8"))
    events = rec["events"]
    assert events
    assert [r.get("via") for e in events for r in e["recipient"]] == via
