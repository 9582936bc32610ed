"""Place evaluation: LGL reader and scorer on a tiny hand-written file; seed places."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.eval import places as ep

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"

# LGL format; the second toponym's offset is off by two, as happens in TR-News.
FIXTURE = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <title>t</title>
    <text><![CDATA[Police in Alexandria, La., arrested a man from Pineville on Friday.]]></text>
    <toponyms>
      <toponym><start>10</start><end>20</end><phrase>Alexandria</phrase>
        <gaztag geonameid="4314550"><name>Alexandria</name><fclass>P</fclass>
          <fcode>PPL</fcode><lat>31.311</lat><lon>-92.445</lon></gaztag></toponym>
      <toponym><start>49</start><end>58</end><phrase>Pineville</phrase>
        <gaztag geonameid="4336153"><name>Pineville</name><fclass>P</fclass>
          <fcode>PPL</fcode><lat>31.322</lat><lon>-92.434</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.fixture()
def lgl(tmp_path: Path) -> Path:
    path = tmp_path / "lgl.xml"
    path.write_text(FIXTURE, encoding="utf-8")
    return path


def test_reader_finds_phrases_near_wrong_offsets(lgl: Path) -> None:
    [article] = ep.load_corpus(lgl)
    assert [(t["phrase"], t["start"]) for t in article.toponyms] == [
        ("Alexandria", 10), ("Pineville", 47)]


def test_score_counts_matches_and_distance() -> None:
    gold = [[{"start": 0, "end": 5, "lat": 31.31, "lon": -92.44},
             {"start": 10, "end": 15, "lat": 31.32, "lon": -92.43}]]
    pred = [[{"start": 0, "end": 5, "lat": 31.30, "lon": -92.40},  # a few km off
             {"start": 10, "end": 15, "lat": 30.05, "lon": 31.24},  # Egypt's Alexandria
             {"start": 20, "end": 25, "lat": 0.0, "lon": 0.0}]]
    r = ep.score(gold, pred)
    assert (r["matched"], r["precision"], r["recall"]) == (2, round(2 / 3, 4), 1.0)
    assert (r["within_161km"], r["acc_161km"]) == (1, 0.5)


def test_run_prints_one_json_object(lgl: Path, capsys: Any) -> None:
    parser = argparse.ArgumentParser()
    ep.add_arguments(parser)
    assert ep.run(parser.parse_args(["--lgl", str(lgl), "--json"])) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["gold"] == 2 and result["matched"] >= 1
    assert result["acc_161km"] == 1.0  # Alexandria, La. is the Louisiana one


def test_seed_report_needs_country_and_distance() -> None:
    article = {"places": [{"text": "Izium", "name": "Izyum", "country": "UA",
                           "lat": 49.207, "lon": 37.277}]}
    report = ep.seed_report(article, {}, {"Izium": ("UA", 49.2081, 37.2484),
                                          "Kyiv": ("UA", 50.45, 30.52)})
    assert report["correct"] == 1 and not report["items"][1]["ok"]


def test_lgl_file_reads() -> None:
    path = SHARED / "geo" / "lgl.xml"
    if not path.exists():
        pytest.skip(f"LGL not found at {path} (shared data is not in the repo)")
    articles = ep.load_corpus(path)
    assert len(articles) == 588 and sum(len(a.toponyms) for a in articles) == 5088


def test_seed_article_places() -> None:
    seed = SHARED / "seed" / "article.txt"
    if not seed.exists():
        pytest.skip(f"seed article not found at {seed} (shared data is not in the repo)")
    from newsgraph.analyze import default_stages
    from newsgraph.records import Article
    from newsgraph.stages.places import PlacesStage

    article = Article(seed.read_text(encoding="utf-8"))
    for stage in default_stages():
        if stage.name in ("repair", "segment", "entities"):
            stage.process_batch([article])
    PlacesStage().process(article)
    report = ep.seed_report(article.to_json(), {})
    assert report["correct"] == 7, report["items"]
