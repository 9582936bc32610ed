"""Training the learned target fallback: the fit, the row count, the fold split and the
data file it writes (hand-built examples; no evaluation data)."""

from __future__ import annotations

from typing import Any

from newsgraph.eval import recipient_training as rt
from newsgraph.eval.events import Row
from newsgraph.stages import recipient_model as rm


def _scored(text: str, items: list[tuple[list[str], bool, tuple[int, int]]],
            target: tuple[int, int] = (10, 15), **event: Any) -> rt.Scored:
    row = Row(text, [(0, 5)], [target], "CONSULT", 1)
    base = {"type": "CONSULT", "actor": [{"start": 0, "end": 5, "entity": None}],
            "recipient": [], "quad_class": 1}
    return rt.Scored(row, {**base, **event}, {}, items)


def _data() -> list[rt.Scored]:
    good = (["bias", "last=pobj"], True, (10, 15))
    bad = (["bias", "last=npadvmod"], False, (20, 25))
    return [_scored(f"sentence {i}", [good, bad]) for i in range(20)]


def test_train_learns_which_path_is_the_target() -> None:
    weights = rt.train(_data())
    assert weights["last=pobj"] > 0 > weights["last=npadvmod"]
    assert rm.probability(weights, ["bias", "last=pobj"]) > 0.5


def test_rows_right_counts_rows_the_fallback_turns_right() -> None:
    data = _data()
    assert rt.rows_right(data, None, 0.5) == 0
    assert rt.rows_right(data, rt.train(data), rm.THRESHOLD) == 20
    assert rt.rows_right(data, {"bias": -9.0}, rm.THRESHOLD) == 0  # below: no guess


def test_rows_right_leaves_a_joint_act_alone() -> None:
    joint = [_scored("X and Y met.", [(["bias"], True, (10, 15))],
                     actor=[{"start": 0, "end": 1, "entity": None},
                            {"start": 6, "end": 7, "entity": None}])]
    assert rt.rows_right(joint, {"bias": 9.0}, 0.5) == 0


def test_folds_are_stable_and_two() -> None:
    folds = {rt.fold_of(f"s{i}") for i in range(50)}
    assert folds == {0, 1}
    assert rt.fold_of("same") == rt.fold_of("same")


def test_weights_file_reads_back(tmp_path: Any) -> None:
    text = rt.weights_file({"bias": -0.5, "last=pobj": 1.25}, 7)
    assert "7 events" in text
    rows = [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")]
    assert rows[0] == ["feature", "weight"]
    assert {r[0]: float(r[1]) for r in rows[1:]} == {"bias": -0.5, "last=pobj": 1.25}


def test_packaged_weights_are_the_ones_training_writes() -> None:
    """Gate: the packaged model is what the training script makes from the current rules
    (retrain with ``scripts/train_recipient_model.py`` when the rules change)."""
    from helpers import shared_path

    from newsgraph.eval.events import load_plv

    plv = shared_path("events", "PLV_train.tsv")
    data = rt.examples(rt.collect(load_plv(plv, "tune")))
    packaged = rm.load_weights()
    trained = rt.train(data)
    assert set(trained) == set(packaged)
    assert max(abs(trained[n] - packaged[n]) for n in trained) < 1e-3
