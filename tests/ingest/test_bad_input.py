"""Bad input: each problem is an IngestError naming the input and position, and the good
documents around it still come out."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsgraph.ingest import IngestError, RawDocument, read_inputs
from newsgraph.ingest.jsonl import LINE_OVERHEAD_BYTES

from .test_readers import PAGE, page, warc_bytes


def run(*paths: Path, **options: object) -> tuple[list[str], list[IngestError]]:
    """Texts of the documents and the errors, in order, for the given inputs."""
    results = list(read_inputs([str(p) for p in paths], **options))  # type: ignore[arg-type]
    texts = [r.text for r in results if isinstance(r, RawDocument)]
    return texts, [r for r in results if isinstance(r, IngestError)]


def good(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = good(tmp_path, "blank.txt", " \n\t\n")
    texts, errs = run(good(tmp_path, "a.txt", "Before."), empty, blank,
                      good(tmp_path, "z.txt", "After."))
    assert texts == ["Before.", "After."]
    assert [e.code for e in errs] == ["empty", "empty"]
    assert str(empty) in errs[0].message and str(blank) in errs[1].message
    assert errs[0].status.startswith("failed: empty")


def test_binary_file(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    texts, errs = run(binary, good(tmp_path, "ok.txt", "Fine."))
    assert texts == ["Fine."]
    assert [e.code for e in errs] == ["binary"] and str(binary) in errs[0].message


def test_too_large_text_names_the_limit_and_option(tmp_path: Path) -> None:
    big = good(tmp_path, "big.txt", "word " * 2_000)  # 10,000 characters
    texts, errs = run(big, good(tmp_path, "small.txt", "Small."), max_chars=1_000)
    assert texts == ["Small."]
    (err,) = errs
    assert err.code == "too_large"
    assert "1,000" in err.message and "--max-chars" in err.message and str(big) in err.message


def test_too_large_is_decided_on_characters_not_bytes(tmp_path: Path) -> None:
    path = good(tmp_path, "greek.txt", "α" * 900)  # 1,800 bytes, 900 characters
    texts, errs = run(path, max_chars=1_000)
    assert texts == ["α" * 900] and not errs
    _, errs = run(path, max_chars=899)
    assert [e.code for e in errs] == ["too_large"]


def test_missing_file(tmp_path: Path) -> None:
    texts, errs = run(tmp_path / "nope.txt", good(tmp_path, "ok.txt", "Fine."))
    assert texts == ["Fine."]
    assert errs[0].code == "unreadable" and "nope.txt" in errs[0].message


def test_truncated_gzip_keeps_documents_before_the_cut(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"Story number {n}. " * 40}) + "\n" for n in range(200))
    whole = gzip.compress(lines.encode("utf-8"))
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    texts, errs = run(cut, good(tmp_path, "next.txt", "Next file."))
    assert 0 < len(texts) - 1 < 200 and texts[-1] == "Next file."
    (err,) = errs
    assert err.code == "truncated" and str(cut) in err.message
    assert f"after {len(texts) - 1} document(s)" in err.message


def test_truncated_gzip_text(tmp_path: Path) -> None:
    cut = tmp_path / "story.txt.gz"
    cut.write_bytes(gzip.compress(("A sentence. " * 500).encode())[:60])
    texts, errs = run(cut)
    assert texts == [] and [e.code for e in errs] == ["truncated"]


def test_malformed_html_does_not_crash(tmp_path: Path) -> None:
    broken = good(tmp_path, "broken.html", "<html><body><p>Unclosed <div><b>Bold text in a broken "
                  "page that still has a sentence or two of real prose for the extractor to "
                  "keep. <p>Another paragraph <i>without any closing tags at all, which is "
                  "common in saved pages" + "</td></tr>" * 3)
    garbage = good(tmp_path, "garbage.html", "<<<>>> <html></html> <?xml ?> </body>")
    texts, errs = run(broken, garbage, good(tmp_path, "ok.html", PAGE))
    assert any("Bold text in a broken page" in t for t in texts)
    assert any("budget deal that had been debated" in t for t in texts)
    assert [e.code for e in errs] == ["no_text"] and str(garbage) in errs[0].message


def test_warc_with_broken_record_header(tmp_path: Path) -> None:
    data = warc_bytes([(f"https://e.com/{n}", page(n)) for n in range(3)], gz=False)
    second = data.rfind(b"WARC/1.", 0, data.find(b"https://e.com/1"))  # its record start
    broken = data[:second] + b"NOT A WARC HEADER\r\n" + data[second + 8:]
    path = tmp_path / "broken.warc"
    path.write_bytes(broken)
    results = list(read_inputs([str(path)]))
    found = [r.source["target_uri"] for r in results if isinstance(r, RawDocument)]
    errs = [r for r in results if isinstance(r, IngestError)]
    assert found[0] == "https://e.com/0" and found[-1] == "https://e.com/2"
    assert "https://e.com/1" not in found
    assert errs and all(e.code == "bad_record" and str(path) in e.message for e in errs)
    assert "byte" in errs[0].message and "resuming" in errs[0].message


def test_warc_with_damaged_body_fails_its_digest(tmp_path: Path) -> None:
    data = warc_bytes([(f"https://e.com/{n}", page(n)) for n in range(2)], gz=False)
    spot = data.find(b"deal 0 that had been")
    damaged = data[:spot] + b"DEAL X" + data[spot + 6:]
    path = tmp_path / "damaged.warc"
    path.write_bytes(damaged)
    results = list(read_inputs([str(path)]))
    (err,) = [r for r in results if isinstance(r, IngestError)]
    assert err.code == "bad_record" and "digest" in err.message
    assert err.source["target_uri"] == "https://e.com/0" and err.source["offset"] == 0
    found = [r.source["target_uri"] for r in results if isinstance(r, RawDocument)]
    assert found == ["https://e.com/1"]


@pytest.mark.parametrize("where", [0.05, 0.5, 0.95])
def test_truncated_warc_gz(tmp_path: Path, where: float) -> None:
    data = warc_bytes([(f"https://e.com/{n}", page(n)) for n in range(3)], gz=True)
    members = [i for i in range(len(data)) if data.startswith(b"\x1f\x8b\x08", i)]
    last_response, its_request = members[4], members[5]  # response, request per page
    cut = last_response + int((its_request - last_response) * where)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:cut])
    results = list(read_inputs([str(path), str(good(tmp_path, "after.txt", "After."))]))
    found = [r.source.get("target_uri", r.text) for r in results if isinstance(r, RawDocument)]
    errs = [r for r in results if isinstance(r, IngestError)]
    assert found == ["https://e.com/0", "https://e.com/1", "After."]
    (err,) = errs
    assert err.code in ("truncated", "bad_record") and str(path) in err.message
    assert err.source["offset"] == last_response


def test_csv_with_ragged_row(tmp_path: Path) -> None:
    path = good(tmp_path, "rows.csv", "id,text\n1,First.\n2,Second,extra cell\n3,Third.\n")
    texts, errs = run(path)
    assert texts == ["First.", "Third."]
    (err,) = errs
    assert err.code == "ragged_row" and err.source["line"] == 3
    assert f"{path} line 3" in err.message


def test_csv_cell_over_the_limit(tmp_path: Path) -> None:
    path = good(tmp_path, "rows.csv", f"id,text\n1,{'x' * 500}\n2,Short.\n")
    texts, errs = run(path, max_chars=100)
    assert texts == ["Short."]
    assert [e.code for e in errs] == ["too_large"] and errs[0].source["line"] == 2


def test_jsonl_with_broken_line(tmp_path: Path) -> None:
    path = good(tmp_path, "rows.jsonl",
                '{"text": "First."}\n{"text": "Broken\n[1, 2]\n\n{"text": "Last."}\n')
    texts, errs = run(path)
    assert texts == ["First.", "Last."]
    assert [(e.code, e.source["line"]) for e in errs] == [("bad_json", 2), ("bad_json", 3)]
    assert f"{path} line 2" in errs[0].message


def test_jsonl_text_over_the_limit(tmp_path: Path) -> None:
    path = good(tmp_path, "rows.jsonl",
                json.dumps({"text": "y" * 5_000}) + '\n{"text": "Next."}\n')
    texts, errs = run(path, max_chars=1_000)
    assert texts == ["Next."]
    assert [(e.code, e.source["line"]) for e in errs] == [("too_large", 1)]


def test_jsonl_line_too_long_to_read_is_skipped(tmp_path: Path) -> None:
    huge = json.dumps({"text": "z" * (LINE_OVERHEAD_BYTES + 1000)})
    path = good(tmp_path, "rows.jsonl", huge + '\n{"text": "Next."}\n{"text": "Last."}\n')
    texts, errs = run(path, max_chars=10)
    assert texts == ["Next.", "Last."]
    assert [(e.code, e.source["line"]) for e in errs] == [("too_large", 1)]
