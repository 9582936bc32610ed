"""Readers on good input: every format yields the documents with their metadata."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsgraph.ingest import IngestError, RawDocument, guess_format, read_inputs

PAGE = """<!DOCTYPE html><html><head><title>Ministers agree budget deal</title>
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2022-09-15T10:00:00Z">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example.com/budget-deal"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ministers agree budget deal</h1>
<p>Finance ministers agreed on Thursday to a budget deal that had been debated for weeks,
officials said after a long meeting in the capital.</p>
<p>“We have a deal that works for everyone,” the chair of the meeting told reporters,
adding that the details would be published within days.</p>
<p>Opposition members said they would study the text carefully before the vote next week,
and several warned that the agreement left open questions about spending.</p>
</article><footer>Share this article on Facebook</footer></body></html>"""


def docs(results: list[RawDocument | IngestError]) -> list[RawDocument]:
    return [r for r in results if isinstance(r, RawDocument)]


def errors(results: list[RawDocument | IngestError]) -> list[IngestError]:
    return [r for r in results if isinstance(r, IngestError)]


def test_utf8_text_is_kept_byte_exact(tmp_path: Path) -> None:
    raw = "Headline\r\n\r\n  Body “quoted” text.\rMore\n\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, RawDocument)
    assert doc.text == raw
    assert doc.source == {"path": str(path), "format": "txt"}
    assert "repairs" not in doc.meta


def test_cp1252_text_is_decoded_and_repairs_recorded(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("The striker cost £8m and said it was “a dream”.\n".encode("cp1252"))
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, RawDocument)
    assert doc.text == "The striker cost £8m and said it was “a dream”.\n"
    steps = [r["step"] for r in doc.meta["repairs"]]
    assert steps == ["decode", "ftfy"]
    assert doc.meta["repairs"][0]["encoding"] == "cp1252"


def test_jsonl_fields_nested_key_and_meta(tmp_path: Path) -> None:
    rows = [
        {"id": "x1", "text": "First story.", "title": "One", "published": "2022-09-15T08:00",
         "url": "https://e.com/1", "section": "world"},
        {"id": "x2", "article": {"body": "Nested story.", "author": "A. B."}},
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = list(read_inputs([str(path)]))
    assert isinstance(first, RawDocument)
    assert (first.text, first.title, first.url) == ("First story.", "One", "https://e.com/1")
    assert first.published == "2022-09-15"
    assert first.meta == {"section": "world"}
    assert first.source == {"path": str(path), "format": "jsonl", "line": 1, "id": "x1"}
    assert isinstance(second, IngestError) and second.code == "no_text"
    (nested,) = list(read_inputs([str(path)], text_key="article.body"))[1:]
    assert isinstance(nested, RawDocument)
    assert nested.text == "Nested story."
    assert nested.meta == {"article": {"author": "A. B."}}


def test_csv_columns_and_multiline_cells(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('id,headline,body,date,link\n1,H1,"Line one,\nline two.",2022-09-15,'
                    'https://e.com/1\n2,H2,Second body.,,\n', encoding="utf-8")
    first, second = list(read_inputs([str(path)]))
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.text == "Line one,\nline two."
    assert (first.title, first.published, first.url) == ("H1", "2022-09-15", "https://e.com/1")
    assert first.source["line"] == 2 and second.source["line"] == 4
    assert second.published is None and second.meta == {}


def test_csv_column_option(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text("story\tname\nTab separated text.\tT\n", encoding="utf-8")
    (doc,) = list(read_inputs([str(path)], text_key="story", title_key="name"))
    assert isinstance(doc, RawDocument)
    assert (doc.text, doc.title) == ("Tab separated text.", "T")


def test_html_text_metadata_and_hash(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, RawDocument)
    assert "budget deal that had been debated" in doc.text
    assert "Home" not in doc.text and "Share this" not in doc.text
    assert doc.title == "Ministers agree budget deal"
    assert doc.published == "2022-09-15"
    assert doc.published_evidence == "html metadata (htmldate)"
    assert doc.url == "https://news.example.com/budget-deal"
    assert doc.meta["author"] == "Jane Reporter"
    assert doc.meta["sitename"] == "Example News"
    assert len(doc.source["sha256"]) == 64 and doc.source["bytes"] == len(PAGE.encode())


def warc_bytes(pages: list[tuple[str, str]], gz: bool) -> bytes:
    """A WARC written with warcio: one response record per (url, html), plus a request."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers))
        writer.write_record(writer.create_warc_record(
            url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    return out.getvalue()


def page(n: int) -> str:
    return PAGE.replace("Ministers agree", f"Story {n}:").replace("budget deal", f"deal {n}")


@pytest.mark.parametrize("gz", [False, True])
def test_warc_response_records(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(warc_bytes([(f"https://e.com/{n}", page(n)) for n in range(3)], gz))
    results = list(read_inputs([str(path)]))
    assert not errors(results)
    found = docs(results)
    assert [d.source["target_uri"] for d in found] == [f"https://e.com/{n}" for n in range(3)]
    assert "deal 1" in found[1].text
    for d in found:
        assert d.source["record_id"].startswith("<urn:uuid:")
        assert d.source["payload_digest"].startswith("sha1:")
        assert d.source["warc_date"] and isinstance(d.source["offset"], int)
        assert "HTTP/1.1" not in d.text and "Content-Type" not in d.text


def test_gzipped_jsonl_and_txt(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(b'{"text": "Zipped line."}\n'))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress("Zipped “text”.".encode()))
    results = list(read_inputs([str(tmp_path)]))
    assert [d.text for d in docs(results)] == ["Zipped line.", "Zipped “text”."]


def test_directory_is_walked_sorted_skipping_unknown_and_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Two.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "notes.xyz").write_text("Not an article.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    assert [d.text for d in docs(list(read_inputs([str(tmp_path)])))] == ["One.", "Two."]


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_text('{"body": "Sniffed as JSON Lines."}\n', encoding="utf-8")
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, RawDocument) and doc.text == "Sniffed as JSON Lines."


def test_stdin_is_one_text_document(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(b"From stdin.\n")

    monkeypatch.setattr("sys.stdin", FakeStdin)
    (doc,) = list(read_inputs(["-"]))
    assert isinstance(doc, RawDocument)
    assert doc.text == "From stdin.\n" and doc.source["path"] == "-"


def test_guess_format() -> None:
    assert guess_format(Path("x.warc.gz")) == ("warc", True)
    assert guess_format(Path("x.JSONL")) == ("jsonl", False)
    assert guess_format(Path("x.htm")) == ("html", False)
    assert guess_format(Path("README")) == (None, False)


def test_unknown_option_and_format_are_caller_errors() -> None:
    with pytest.raises(TypeError, match="text_kye"):
        list(read_inputs(["x.txt"], text_kye="body"))
    with pytest.raises(ValueError, match="pdf"):
        list(read_inputs(["x.txt"], input_format="pdf"))


def test_warc_payload_decoded_with_the_http_charset(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = PAGE.replace("chair of the meeting", "café’s chair").encode("cp1252")
    path = tmp_path / "latin.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=windows-1252")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://e.com/latin", "response", payload=io.BytesIO(body), http_headers=headers))
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, RawDocument)
    assert "café’s chair" in doc.text
    assert doc.meta["repairs"][0] == {"step": "decode", "encoding": "windows-1252", "by": "http"}


def test_utf8_byte_order_mark_is_removed_and_recorded(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfStory text.")
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, RawDocument)
    assert doc.text == "Story text."
    assert doc.meta["repairs"] == [{"step": "bom", "removed": "utf-8 byte-order mark"}]
