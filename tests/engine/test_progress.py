"""The article count a progress bar's ETA rests on."""

from pathlib import Path

from newsgraph.engine.progress import estimate_total


def test_counts_files_lines_and_rows(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("One article.")
    (folder / "b.html").write_text("<p>Another.</p>")
    (folder / "c.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n{"text": "z"}')
    (tmp_path / "d.csv").write_text("text\nfirst\nsecond\n")
    assert estimate_total([str(folder), str(tmp_path / "d.csv")]) == 2 + 3 + 2


def test_unknown_when_a_count_needs_a_parse(tmp_path: Path) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(b"\x1f\x8b")
    assert estimate_total([str(tmp_path / "crawl.warc.gz")]) is None
    assert estimate_total(["-"]) is None
