"""Regressions from issue 13: stdin sniffing, stdin WARC, WARC resource records, ARC files,
a too-short WARC record, and field names / news-please / plain JSON inputs."""

from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path

import pytest

from newsgraph.ingest import IngestError, RawDocument, read_inputs

from .test_readers import PAGE, docs, errors, page, warc_bytes

SMALL_PAGE = ('<html><body><article><p>"We will win," said the mayor, who spoke for an hour '
              'to a crowd in the square.</p></article></body></html>\n')


class Pipe(io.RawIOBase):
    """A non-seekable byte stream, as stdin is when fed by a pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        chunk = self._data.read(len(buffer))
        buffer[:len(chunk)] = chunk
        return len(chunk)


def stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    class FakeStdin:
        buffer = io.BufferedReader(Pipe(data))

    monkeypatch.setattr("sys.stdin", FakeStdin)


def from_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes,
               input_format: str | None = None) -> list[RawDocument | IngestError]:
    stdin(monkeypatch, data)
    return list(read_inputs(["-"], input_format))


# 1. stdin is sniffed -------------------------------------------------------------------------

def test_stdin_html_is_read_as_html(monkeypatch: pytest.MonkeyPatch) -> None:
    (doc,) = from_stdin(monkeypatch, SMALL_PAGE.encode())
    assert isinstance(doc, RawDocument)
    assert "<p>" not in doc.text and doc.text.startswith('"We will win," said the mayor')
    assert doc.source["format"] == "html" and doc.source["sniffed"] == "html"


@pytest.mark.parametrize("gz", [False, True])
def test_stdin_warc_is_sniffed(monkeypatch: pytest.MonkeyPatch, gz: bool) -> None:
    data = warc_bytes([(f"https://e.com/{n}", page(n)) for n in range(2)], gz)
    results = from_stdin(monkeypatch, data)
    assert not errors(results)
    assert [d.source["target_uri"] for d in docs(results)] == ["https://e.com/0", "https://e.com/1"]
    assert docs(results)[0].source["sniffed"] == ("gzip+warc" if gz else "warc")


def test_stdin_jsonl_and_gzipped_text_are_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = b'{"text": "First."}\n{"text": "Second."}\n'
    assert [d.text for d in docs(from_stdin(monkeypatch, lines))] == ["First.", "Second."]
    (doc,) = from_stdin(monkeypatch, gzip.compress(b"Zipped plain text.\n"))
    assert isinstance(doc, RawDocument) and doc.text == "Zipped plain text.\n"
    assert doc.source["sniffed"] == "gzip+txt"


@pytest.mark.parametrize("text", ["The mayor said <b> is a tag, and 3 < 4.\n",
                                  "{Reuters} The mayor spoke.\n", "[Photo] The mayor.\n"])
def test_stdin_plain_text_stays_text(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    (doc,) = from_stdin(monkeypatch, text.encode())
    assert isinstance(doc, RawDocument) and doc.text == text and doc.source["format"] == "txt"


# 2. WARC on a non-seekable stdin, and reader failures as errors ------------------------------

@pytest.mark.parametrize("gz", [False, True])
def test_stdin_warc_with_input_format(monkeypatch: pytest.MonkeyPatch, gz: bool) -> None:
    data = warc_bytes([(f"https://e.com/{n}", page(n)) for n in range(2)], gz)
    results = from_stdin(monkeypatch, data, "warc")
    assert not errors(results) and len(docs(results)) == 2
    assert "deal 1" in docs(results)[1].text


def test_a_reader_crash_is_an_error_not_a_traceback(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("reader bug")

    monkeypatch.setitem(__import__("newsgraph.ingest", fromlist=["FORMATS"]).FORMATS,
                        "txt", explode)
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (err,) = list(read_inputs([str(tmp_path / "a.txt")]))
    assert isinstance(err, IngestError) and err.code == "reader_failed"
    assert "reader bug" in err.message and str(tmp_path / "a.txt") in err.message


def test_a_native_panic_in_fastwarc_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without spooling, fastwarc panics on a pipe (a BaseException): still no traceback."""
    monkeypatch.setattr("newsgraph.ingest.SEEKING", frozenset())
    results = from_stdin(monkeypatch, warc_bytes([("https://e.com/0", page(0))], False), "warc")
    (err,) = errors(results)
    assert err.code == "reader_failed" and "PanicException" in err.message


# 3. WARC resource records ----------------------------------------------------------------------

def resource_warc(records: list[tuple[str, str, bytes]]) -> bytes:
    """A WARC of resource records (uri, content type, block), as wget or a scraper writes them."""
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for uri, ctype, block in records:
        writer.write_record(writer.create_warc_record(
            uri, "resource", payload=io.BytesIO(block), warc_content_type=ctype))
    return out.getvalue()


def test_warc_resource_records_are_read(tmp_path: Path) -> None:
    path = tmp_path / "res.warc"
    path.write_bytes(resource_warc([
        ("https://e.com/page", "text/html; charset=utf-8", page(7).encode()),
        ("file:///notes.txt", "text/plain", b"A plain text resource about the deal.\n"),
        ("https://e.com/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("metadata://gnu.org/software/wget/warc/wget.log", "text/plain",
         b"Opening WARC file 'res.warc.gz'. Resolving e.com... connected.\n"),
    ]))
    results = list(read_inputs([str(path)]))
    assert not errors(results)
    html, text = docs(results)
    assert "deal 7" in html.text and html.source["target_uri"] == "https://e.com/page"
    assert html.source["record_type"] == "resource"
    assert text.text == "A plain text resource about the deal.\n"


# 4. ARC files ------------------------------------------------------------------------------

def arc_bytes(pages: list[tuple[str, str]]) -> bytes:
    """An ARC v1 file: the filedesc header record, then one HTTP response per page."""
    intro = b"1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n"
    out = [b"filedesc://test.arc 0.0.0.0 20220915100000 text/plain %d\n" % len(intro),
           intro, b"\n"]
    for url, html in pages:
        body = html.encode()
        block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                 b"Content-Length: %d\r\n\r\n" % len(body)) + body
        out += [f"{url} 1.2.3.4 20220915100000 text/html {len(block)}\n".encode(), block, b"\n"]
    return b"".join(out)


@pytest.mark.parametrize("name", ["crawl.arc", "crawl.arc.gz", "crawl.dat"])
def test_arc_files_are_read_not_taken_as_text(tmp_path: Path, name: str) -> None:
    data = arc_bytes([(f"https://e.com/{n}", page(n)) for n in range(2)])
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    results = list(read_inputs([str(path)]))
    assert not errors(results)
    found = docs(results)
    assert [d.source["target_uri"] for d in found] == ["https://e.com/0", "https://e.com/1"]
    assert all("filedesc://" not in d.text and "HTTP/1.1" not in d.text for d in found)
    assert found[0].source["format"] == "arc" and "deal 1" in found[1].text


def test_arc_on_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    results = from_stdin(monkeypatch, arc_bytes([("https://e.com/0", page(0))]))
    (doc,) = docs(results)
    assert doc.source["target_uri"] == "https://e.com/0" and "filedesc" not in doc.text


def test_truncated_arc_record_fails(tmp_path: Path) -> None:
    data = arc_bytes([(f"https://e.com/{n}", page(n)) for n in range(2)])
    path = tmp_path / "cut.arc"
    path.write_bytes(data[:-300])
    results = list(read_inputs([str(path)]))
    assert [d.source["target_uri"] for d in docs(results)] == ["https://e.com/0"]
    (err,) = errors(results)
    assert err.code == "truncated" and "https://e.com/1" == err.source["target_uri"]


# 5. a WARC record shorter than its Content-Length -----------------------------------------

def test_warc_record_shorter_than_its_content_length_fails(tmp_path: Path) -> None:
    data = warc_bytes([(f"https://e.com/{n}", page(n)) for n in range(2)], gz=False)
    data = re.sub(rb"WARC-Block-Digest: [^\r]*\r\n", b"", data)  # no digest to catch it
    response = data.rfind(b"WARC/1.", 0, data.rfind(b"WARC-Type: response"))
    request = data.rfind(b"WARC/1.", 0, data.rfind(b"WARC-Type: request"))
    path = tmp_path / "short.warc"
    path.write_bytes(data[:(response + request) // 2])  # cut inside the last page's block
    results = list(read_inputs([str(path)]))
    assert [d.source["target_uri"] for d in docs(results)] == ["https://e.com/0"]
    (err,) = errors(results)
    assert err.code == "truncated" and err.source["target_uri"] == "https://e.com/1"
    assert "Content-Length" in err.message


# 6. field names, news-please and plain JSON -------------------------------------------------

def test_field_keys_for_jsonl_and_csv(tmp_path: Path) -> None:
    row = {"story": "Body of the story.", "head": "A headline", "when": "2021-03-04",
           "link": "https://e.com/s", "ref": "s-1"}
    (tmp_path / "a.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("story,head,when,link,ref\n" + ",".join(row.values()) + "\n",
                                    encoding="utf-8")
    keys = {"text_key": "story", "title_key": "head", "date_key": "when", "url_key": "link",
            "id_key": "ref"}
    results = list(read_inputs([str(tmp_path)], **keys))  # type: ignore[arg-type]
    assert not errors(results) and len(docs(results)) == 2
    for doc in docs(results):
        assert (doc.text, doc.title, doc.published, doc.url, doc.source["id"]) == (
            "Body of the story.", "A headline", "2021-03-04", "https://e.com/s", "s-1")


NEWS_PLEASE = {
    "authors": ["Jane Reporter"], "date_download": "2021-05-02 10:00:00",
    "date_modify": None, "date_publish": "2021-05-01 08:30:00",
    "description": "Ministers agreed a deal.", "filename": "https%3A%2F%2Fe.com%2Fdeal.json",
    "image_url": None, "language": "en", "localpath": None,
    "maintext": "Ministers agreed a deal on Thursday, officials said.",
    "source_domain": "e.com", "text": None, "title": "Deal agreed", "title_page": None,
    "title_rss": None, "url": "https://e.com/deal",
}


def test_news_please_file(tmp_path: Path) -> None:
    path = tmp_path / "deal.json"
    path.write_text(json.dumps(NEWS_PLEASE, indent=4), encoding="utf-8")
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, RawDocument), doc
    assert doc.text == NEWS_PLEASE["maintext"] and doc.title == "Deal agreed"
    assert doc.published == "2021-05-01" and doc.url == "https://e.com/deal"
    assert doc.meta["language"] == "en" and doc.source["format"] == "json"


def test_json_array_file_and_its_bad_items(tmp_path: Path) -> None:
    path = tmp_path / "all.json"
    path.write_text(json.dumps([{"text": "One."}, "not an object", {"body": "Three."}], indent=2),
                    encoding="utf-8")
    results = list(read_inputs([str(path)]))
    assert [d.text for d in docs(results)] == ["One.", "Three."]
    (err,) = errors(results)
    assert err.code == "bad_json" and err.source["item"] == 2 and "item 2" in err.message


def test_pretty_printed_json_on_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    (doc,) = from_stdin(monkeypatch, json.dumps(NEWS_PLEASE, indent=2).encode())
    assert isinstance(doc, RawDocument) and doc.text == NEWS_PLEASE["maintext"]
    assert doc.source["sniffed"] == "json"


def test_json_lines_named_json_is_read_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text('{"text": "One."}\n{"text": "Two."}\n', encoding="utf-8")
    results = list(read_inputs([str(path)]))
    assert [d.text for d in docs(results)] == ["One.", "Two."]
    assert docs(results)[1].source["line"] == 2


def test_broken_json_file_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": "unfinished', encoding="utf-8")
    (err,) = list(read_inputs([str(path)]))
    assert isinstance(err, IngestError) and err.code == "bad_json"


def test_cli_field_key_options(tmp_path: Path) -> None:
    from newsgraph.cli import EXIT_OK, main

    row = {"story": PAGE.split("<p>")[1].split("</p>")[0], "head": "Budget",
           "when": "2022-09-15", "link": "https://e.com/b"}
    (tmp_path / "a.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["analyze", str(tmp_path / "a.jsonl"), "--no-store", "--quiet", "--format",
                 "jsonl", "-o", str(out), "--text-key", "story", "--title-key", "head",
                 "--date-key", "when", "--url-key", "link"])
    assert code == EXIT_OK
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert (rec["title"], rec["url"], rec["published"]["value"]) == (
        "Budget", "https://e.com/b", "2022-09-15")
