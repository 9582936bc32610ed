"""The Reuters-21578 SGML reader, on hand-written stories in the collection's layout."""

from __future__ import annotations

import io
from pathlib import Path

from newsgraph.ingest import IngestError, RawDocument, guess_format, read_inputs
from newsgraph.ingest.reuters import parse_date, read_reuters
from newsgraph.ingest.sniff import sniff

STORIES = (
    b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n'
    b'<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" OLDID="10" NEWID="7">\n'
    b"<DATE>12-MAR-1987 09:15:02.40</DATE>\n"
    b"<TOPICS><D>grain</D><D>wheat</D></TOPICS>\n<PLACES><D>canada</D></PLACES>\n"
    b"<PEOPLE></PEOPLE>\n<UNKNOWN>&#5;&#5;&#5;G\nf0102&#31;reute</UNKNOWN>\n"
    b"<TEXT>&#2;\n<TITLE>MAPLE MILLS &lt;MPL> RAISES WHEAT BID</TITLE>\n"
    b"<DATELINE>    TORONTO, March 12 - </DATELINE><BODY>Maple Mills Ltd &lt;MPL> said it\n"
    b"raised its bid for spring wheat by 3 dlrs a tonne, citing R&amp;D costs.\n"
    b"    The mill said caf\xe9 owners welcomed the move.\n Reuter\n&#3;</BODY></TEXT>\n"
    b"</REUTERS>\n"
    b'<REUTERS TOPICS="NO" LEWISSPLIT="TEST" OLDID="11" NEWID="8">\n'
    b"<DATE> 12-MAR-1987  09:20:00.00&#5;&#5;&#5;F</DATE>\n"
    b'<TEXT TYPE="BRIEF">&#2;\n<TITLE>MAPLE MILLS SHARES HALTED\n</TITLE>\n'
    b"&#3;</TEXT>\n</REUTERS>\n"
    b'<REUTERS TOPICS="NO" NEWID="9">\n<DATE>31-FEB-1987 10:00:00.00</DATE>\n'
    b"<TEXT><TITLE>ODD DATE</TITLE><BODY>A story with an impossible date.\n"
    b"&#3;</BODY></TEXT>\n</REUTERS>\n"
)


def read(data: bytes = STORIES, max_chars: int = 100_000) -> list[RawDocument | IngestError]:
    return list(read_reuters(io.BytesIO(data), {"path": "r.sgm"}, max_chars))


def test_a_story_is_one_document_with_title_date_and_newid() -> None:
    first = read()[0]
    assert isinstance(first, RawDocument)
    assert first.title == "MAPLE MILLS <MPL> RAISES WHEAT BID"
    assert first.published == "1987-03-12"
    assert first.meta["date"] == "1987-03-12T09:15:02.400000"
    assert first.source == {"path": "r.sgm", "format": "reuters", "line": 2, "newid": "7"}
    assert first.meta["topics"] == ["grain", "wheat"] and first.meta["places"] == ["canada"]


def test_text_is_the_dateline_and_body_with_entities_resolved() -> None:
    text = read()[0].text
    assert text.startswith("TORONTO, March 12 - Maple Mills Ltd <MPL> said it\nraised")
    assert "R&D costs" in text and "café owners" in text  # Latin-1 byte 0xE9
    assert text.endswith("Reuter")
    assert "\x03" not in text and "&#" not in text


def test_a_story_without_body_is_an_error_and_the_next_one_is_read() -> None:
    results = read()
    assert len(results) == 3
    brief = results[1]
    assert isinstance(brief, IngestError) and brief.code == "no_body"
    assert brief.source["newid"] == "8"
    assert "NEWID 8" in brief.status and "brief" in brief.status
    assert isinstance(results[2], RawDocument)


def test_an_impossible_date_is_kept_unparsed_not_raised() -> None:
    odd = read()[2]
    assert isinstance(odd, RawDocument)
    assert odd.published is None and odd.meta["date_unparsed"] == "31-FEB-1987 10:00:00.00"


def test_parse_date_tolerates_padding_and_wire_codes() -> None:
    stamp = parse_date(" 4-MAR-1987  11:07:31.52\x05\x05F")
    assert stamp is not None and stamp.isoformat() == "1987-03-04T11:07:31.520000"
    assert parse_date("yesterday") is None


def test_a_long_story_is_refused_alone() -> None:
    results = read(max_chars=40)
    assert isinstance(results[0], IngestError) and results[0].code == "too_large"
    assert isinstance(results[2], RawDocument)


def test_sgm_files_are_read_by_extension_and_sniffed_by_content(tmp_path: Path) -> None:
    assert guess_format(Path("reut2-000.sgm")) == ("reuters", False)
    assert sniff(STORIES) == "reuters"
    assert sniff(b'<REUTERS NEWID="1">\n<DATE>') == "reuters"
    unnamed = tmp_path / "stories.dat"
    unnamed.write_bytes(STORIES)
    results = list(read_inputs([str(unnamed)]))
    assert [type(r).__name__ for r in results] == ["RawDocument", "IngestError", "RawDocument"]
    assert results[0].source["sniffed"] == "reuters"


def test_input_format_reuters_overrides_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "stories.txt"
    path.write_bytes(STORIES)
    results = list(read_inputs([str(path)], input_format="reuters"))
    assert isinstance(results[0], RawDocument) and results[0].source["newid"] == "7"
