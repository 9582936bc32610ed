"""The BBC events scorer on tiny hand-built inputs, the gold file's validity, the selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.eval import bbc_events as b

CORPUS = Path(b.DEFAULT_BBC)
EXPECTED_IDS = ["politics/008", "politics/013", "politics/022", "politics/023", "politics/062",
                "politics/070", "politics/091", "politics/096", "politics/117", "politics/140"]
DEV2_IDS = ["politics/141", "politics/155", "politics/173", "politics/185", "politics/193"]
HELD_IDS = ["politics/199", "politics/206", "politics/218", "politics/220", "politics/230"]
DEV3_IDS = ["politics/271", "politics/294", "politics/374", "politics/376", "politics/386"]
HELD2_IDS = ["politics/396", "politics/415", "politics/416"]
PART_IDS = [("dev", EXPECTED_IDS), ("dev2", DEV2_IDS), ("held", HELD_IDS),
            ("dev3", DEV3_IDS), ("held2", HELD2_IDS)]


def _gold(**kw):
    base = {"id": "e1", "trigger": [10, 16], "type": "ACCUSE", "allowed": ["REJECT"],
            "actor": [{"code": "GBROPP", "span": [0, 6]}],
            "recipient": [{"code": "GBRGOV", "span": [20, 26]}], "note": ""}
    return {**base, **kw}


def _party(start, end, country=None, sector=None, entity=None):
    return {"start": start, "end": end, "country": country, "sector": sector,
            "entity": entity, "name": "x"}


def _pred(kind="ACCUSE", trigger=(10, 16), actor=None, recipient=None, sentence=(0, 30)):
    return {"type": kind, "trigger": list(trigger), "sentence": list(sentence),
            "actor": actor if actor is not None else [_party(0, 6)],
            "recipient": recipient if recipient is not None else [_party(20, 26)]}


def test_full_match_by_spans():
    r = b.score_event(_gold(), [_pred()], {})
    assert r == {"found": True, "type": True, "type_actor": True, "type_actor_recipient": True,
                 "strict": True}


def test_a_thing_marked_as_target_is_not_compared_with_the_parties():
    """The gold marks parties only: "rejected the bill" with no gold recipient is right
    when the bill is a thing; the strict figure still counts it as a wrong recipient."""
    thing = {**_party(40, 45), "kind": "thing"}
    r = b.score_event(_gold(recipient=[]), [_pred(recipient=[thing])], {})
    assert r["type_actor_recipient"] and not r["strict"]
    party = {**_party(40, 45, "FRA", "GOV"), "kind": "party"}
    r = b.score_event(_gold(recipient=[]), [_pred(recipient=[party])], {})
    assert not r["type_actor_recipient"] and not r["strict"]


def test_allowed_alternative_type_counts_and_other_type_does_not():
    assert b.score_event(_gold(), [_pred("REJECT")], {})["type"]
    r = b.score_event(_gold(), [_pred("SUPPORT")], {})
    assert r["found"] and not r["type"]


def test_wrong_actor_and_wrong_recipient():
    r = b.score_event(_gold(), [_pred(actor=[_party(40, 45, "FRA", "GOV")])], {})
    assert r["type"] and not r["type_actor"]
    r = b.score_event(_gold(), [_pred(recipient=[_party(40, 45, "FRA", "GOV")])], {})
    assert r["type_actor"] and not r["type_actor_recipient"]


def test_code_match_and_entity_mentions():
    far = [_party(40, 45, "GBR", "OPP")]
    assert b.score_event(_gold(), [_pred(actor=far)], {})["type_actor"]
    pronoun = [_party(40, 42, entity="E1")]  # "he", resolved to the named one
    assert b.score_event(_gold(), [_pred(actor=pronoun)], {"E1": [(0, 6)]})["type_actor"]
    assert not b.score_event(_gold(), [_pred(actor=pronoun)], {"E1": [(50, 56)]})["type_actor"]


def test_null_recipient_needs_none_predicted():
    gold = _gold(recipient=[])
    assert b.score_event(gold, [_pred(recipient=[])], {})["type_actor_recipient"]
    assert not b.score_event(gold, [_pred()], {})["type_actor_recipient"]


def test_joint_act_co_actor_is_recipient():
    gold = _gold(type="CONSULT", allowed=[])
    both = [_party(0, 6), _party(20, 26)]
    assert b.score_event(gold, [_pred("CONSULT", actor=both, recipient=[])],
                         {})["type_actor_recipient"]


def test_location_other_sentence_is_not_found():
    far = _pred(trigger=(100, 106), sentence=(90, 120))
    assert not b.score_event(_gold(), [far], {})["found"]
    same_sentence = _pred(trigger=(2, 5), sentence=(0, 30))
    assert b.score_event(_gold(), [same_sentence], {})["found"]


def test_article_counts_and_precision():
    out = b.score_article([_gold()], [_pred(), _pred("SUPPORT"),
                                      _pred(trigger=(100, 106), sentence=(90, 120))])
    assert (out["gold"], out["found"], out["type_actor_recipient"]) == (1, 1, 1)
    assert (out["predicted"], out["correct_predicted"]) == (3, 1)


def test_check_gold_flags_problems():
    art = {"article": "a", "sha256": b.text_sha("hello"), "chars": 30,
           "events": [_gold(type="FIGHT"), _gold(id="e2", trigger=[25, 40])]}
    problems = b.check_gold([art], {"a": "other text"})
    assert any("text differs" in p for p in problems)
    assert any("unknown type FIGHT" in p for p in problems)
    assert any("e2: span" in p for p in problems)
    assert b.check_gold([{**art, "events": [_gold()]}], {"a": "hello"}) == []


@pytest.mark.parametrize(("part", "ids"), PART_IDS)
def test_gold_file_is_valid(part: str, ids: list[str]) -> None:
    gold = b.load_gold(part)
    assert [g["article"] for g in gold] == ids
    assert sum(len(g["events"]) for g in gold) > 3 * len(ids)  # several per article
    assert b.check_gold(gold) == []
    assert all(set(g) == {"article", "sha256", "chars", "events"} for g in gold)


@pytest.mark.skipif(not CORPUS.exists(), reason=f"BBC corpus not at {CORPUS}")
@pytest.mark.parametrize(("part", "ids"), PART_IDS)
def test_selection_rule_and_text_hashes(part: str, ids: list[str]) -> None:
    rows = b.load_corpus(CORPUS)
    assert [r["id"] for r in b.select(rows, part)] == ids
    texts: dict[str, str] = {}
    for r in rows:
        texts.setdefault(r["id"], r["body"])
    assert b.check_gold(b.load_gold(part), texts) == []


def test_the_parts_follow_each_other_without_overlap() -> None:
    rows = [{"id": f"politics/{n:03d}", "category": "politics", "body": f"b{n}"}
            for n in range(1, 500)]
    dev, dev2, held, dev3, held2 = ([r["id"] for r in b.select(rows, p)]
                                    for p in ("dev", "dev2", "held", "dev3", "held2"))
    assert (len(dev), len(dev2), len(held), len(dev3), len(held2)) == (10, 5, 5, 5, 3)
    assert max(dev) < min(dev2) and max(dev2) < min(held) and max(held) < min(dev3) \
        and max(dev3) < min(held2)


def test_selection_rule_on_made_up_rows():
    rows = [{"id": f"politics/{n:03d}", "category": "politics", "body": f"b{n}"}
            for n in range(1, 200)]
    rows.insert(0, {"id": "politics/000", "category": "politics", "body": "b8"})  # dup of 008
    rows.append({"id": "business/008", "category": "business", "body": "x"})
    ids = [r["id"] for r in b.select(rows)]
    assert "politics/008" not in ids and "politics/013" in ids
    assert all(r.startswith("politics/") for r in ids)


def test_cli_skips_clearly_without_corpus(capsys, tmp_path):
    from newsgraph.cli import build_parser

    args = build_parser().parse_args(["eval", "events", "--end-to-end", "--bbc-only",
                                      "--bbc", str(tmp_path / "absent.jsonl")])
    from newsgraph.eval import events as ev

    assert ev.run(args) == 0
    assert "corpus not found" in capsys.readouterr().out
