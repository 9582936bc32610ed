"""Date evaluation: MEANTIME reader and scorer on a tiny hand-written file; seed report."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.eval import dates as ed

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"

# A MEANTIME-format (CAT XML) article: title, date line, one body sentence.
FIXTURE = """<?xml version="1.0" ?><Document doc_id="1" doc_name="1_Test" lang="en">
<token number="0" sentence="0" t_id="1">Airbus</token>
<token number="1" sentence="0" t_id="2">wins</token>
<token number="2" sentence="1" t_id="3">March</token>
<token number="3" sentence="1" t_id="4">01</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2008</token>
<token number="6" sentence="2" t_id="7">Airbus</token>
<token number="7" sentence="2" t_id="8">won</token>
<token number="8" sentence="2" t_id="9">on</token>
<token number="9" sentence="2" t_id="10">Friday</token>
<token number="10" sentence="2" t_id="11">after</token>
<token number="11" sentence="2" t_id="12">two</token>
<token number="12" sentence="2" t_id="13">years</token>
<token number="13" sentence="2" t_id="14">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2008-03-01">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2008-02-29">
<token_anchor t_id="10"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="3" type="DURATION" value="P2Y">
<token_anchor t_id="12"/><token_anchor t_id="13"/>
</TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="Empty_Mark" functionInDocument="NONE" m_id="4" type="DATE" value="2006"/>
</Markables>
</Document>
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "intra-doc_annotation" / "corpus_airbus"
    folder.mkdir(parents=True)
    (folder / "1_Test.xml").write_text(FIXTURE, encoding="utf-8")
    return tmp_path


def test_reader_rebuilds_text_and_offsets(corpus: Path) -> None:
    [doc] = ed.load_meantime(corpus)
    assert doc.text == "Airbus wins\nMarch 01, 2008\nAirbus won on Friday after two years."
    assert doc.dct == "2008-03-01"
    assert [(t["text"], t["value"]) for t in doc.timexes] == [
        ("Friday", "2008-02-29"), ("two years", "P2Y")]  # DCT and empty TIMEX3 left out


def test_score_strict_relaxed_and_values() -> None:
    gold = [[{"start": 0, "end": 6, "type": "DATE", "value": "2008-02-29"},
             {"start": 10, "end": 19, "type": "DURATION", "value": "P2Y"}]]
    pred = [[{"start": 0, "end": 6, "value": "2008-02-29"},
             {"start": 14, "end": 19, "value": "P2Y"},
             {"start": 30, "end": 35, "value": "2008"}]]
    r = ed.score(gold, pred)
    assert r["strict"]["recall"] == 0.5 and r["relaxed"]["recall"] == 1.0
    assert r["relaxed"]["precision"] == round(2 / 3, 4)
    assert r["date_value"] == {"gold_dates": 1, "matched": 1, "correct": 1, "accuracy": 1.0,
                               "of_all_gold": 1.0}


def test_run_prints_one_json_object(corpus: Path, capsys: Any) -> None:
    parser = argparse.ArgumentParser()
    ed.add_arguments(parser)
    assert ed.run(parser.parse_args(["--meantime", str(corpus), "--json"])) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 1 and result["gold"] == 2
    assert result["date_value"]["correct"] == 1  # Friday before Saturday 1 March 2008


def test_seed_report_matches_by_overlap_and_value() -> None:
    text = "They met on Thursday. It joined in June."
    article = {"text": text, "published": {"value": "2023-03-09"},
               "dates": [{"start": 12, "end": 20, "value": "2023-03-09"},
                         {"start": 35, "end": 39, "value": "2022-06"}]}
    gold = {"dates": [{"text": "on Thursday", "value": "2023-03-09"},
                      {"text": "in June", "value": "2023-06"}],
            "publication_date": {"value": "2023-03-09"}}
    report = ed.seed_report(article, gold)
    assert report["correct"] == 1 and report["published_ok"]


def test_meantime_counts() -> None:
    folder = SHARED / "time" / "meantime-en"
    if not folder.exists():
        pytest.skip(f"MEANTIME not found at {folder} (shared data is not in the repo)")
    docs = ed.load_meantime(folder)
    assert len(docs) == 120
    assert sum(len(d.timexes) for d in docs) == 370  # TIMEX3 with an extent, sentences 0-5


def test_seed_article_dates_and_publication_date() -> None:
    seed = SHARED / "seed"
    if not (seed / "article.txt").exists():
        pytest.skip(f"seed article not found at {seed} (shared data is not in the repo)")
    from newsgraph.analyze import default_stages
    from newsgraph.records import Article
    from newsgraph.stages.dates import DatesStage
    from newsgraph.stages.published import infer_published

    text = (seed / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((seed / "gold.json").read_text(encoding="utf-8"))
    article = Article(text)
    article.published = infer_published(text)
    for stage in default_stages():
        if stage.name not in ("dates", "quotes", "events"):
            stage.process_batch([article])
    DatesStage().process(article)
    report = ed.seed_report(article.to_json(), gold)
    assert report["published_ok"], report["published"]
    assert report["correct"] == 9, report["items"]
