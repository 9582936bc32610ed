"""PLV scoring on a tiny hand-written fixture, and the split."""

import argparse
import json
from pathlib import Path

import pytest

from newsgraph.eval import events as ev

FIXTURE = (
    "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_penta\tgold_root\n"
    "\t1\tIran condemned Israel.\t<s>Iran</s> condemned <t>Israel</t>.\tIran\tIsrael\t3\tACCUSE\n"
    "\t2\tPolice arrested a reporter.\t<s>Police</s> arrested <t>a reporter</t>.\tPolice\t"
    "a reporter\t4\tCOERCE\n"
    "\t3\tJapan will meet Korea.\t<s>Japan</s> will meet <t>Korea</t>.\tJapan\tKorea\t1\tAGREE\n"
)


def test_parse_marked():
    text, src, tgt = ev.parse_marked("<s>Iran</s> condemned <t>Israel</t>.")
    assert text == "Iran condemned Israel." and src == [(0, 4)] and tgt == [(15, 21)]


def test_score_counts_and_macro():
    r = ev.score(["ACCUSE", "COERCE"], ["ACCUSE", "ASSAULT"])
    assert r["accuracy"] == 0.5 and r["quad_accuracy"] == 1.0
    assert r["per_class"]["COERCE"]["r"] == 0.0


def test_split_is_deterministic():
    assert ev.part_of("a sentence") == ev.part_of("a sentence")
    assert {ev.part_of(f"s{i}") for i in range(20)} == {"tune", "held"}


def test_run_on_fixture(tmp_path: Path, capsys):
    path = tmp_path / "plv.tsv"
    path.write_text(FIXTURE, encoding="utf-8")
    args = argparse.Namespace(plv=str(path), part="all", end_to_end=False, limit=0, json=True)
    assert ev.run(args) == 0
    out = json.loads(capsys.readouterr().out)
    total = sum(out[p]["markup"]["n"] for p in ("tune", "held"))
    correct = sum(out[p]["markup"]["accuracy"] * out[p]["markup"]["n"] for p in ("tune", "held"))
    assert total == 3 and round(correct) == 3


def test_real_plv_if_present():
    path = Path(ev.DEFAULT_PLV)
    if not path.exists():
        pytest.skip(f"{path} absent: PLV data is read from ../shared/data only")
    rows = ev.load_plv(path, "held")
    assert len(rows) > 400 and all(r.source for r in rows[:20])


def test_end_to_end_on_fixture(tmp_path: Path):
    """Without markup the pipeline must still find the dyads of plain sentences."""
    path = tmp_path / "plv.tsv"
    path.write_text(FIXTURE, encoding="utf-8")
    rows = ev.load_plv(path)
    out = ev.evaluate_end_to_end(rows[:2])
    assert out["n"] == 2 and out["right_type_and_actor"] == 1.0
    assert out["any_event"] >= out["right_type"] >= out["right_type_and_actor"]


def test_end_to_end_conventions():
    """Root 19 counts as ASSAULT (PLV's convention, as with markup); an actor resolved to
    the entity of the marked source counts even when written as a pronoun."""
    event = {"type": "COERCE", "cameo_root": "19",
             "actor": [{"start": 30, "end": 32, "entity": "e1"}]}
    assert ev._plv_event_type(event) == "ASSAULT"
    assert not ev._actor_on(event, [(0, 5)])
    assert ev._actor_on(event, [(0, 5)], {"e1": [(0, 5)]})


def test_a_row_with_no_target_is_met_only_by_an_event_with_no_recipient() -> None:
    """"X agreed to resign" marks no target: a recipient-less event meets it, one with a
    recipient does not (before, no event could meet such a row)."""
    from newsgraph.eval.events import _recipient_on

    party = {"start": 0, "end": 5, "entity": None}
    alone = {"type": "AGREE", "actor": [party], "recipient": []}
    aimed = {"type": "AGREE", "actor": [party], "recipient": [{"start": 9, "end": 14}]}
    assert _recipient_on(alone, []) is True
    assert _recipient_on(aimed, []) is False
    assert _recipient_on(aimed, [(9, 12)]) is True
