"""Gate: no run of eight words in the repository's tracked text also occurs in the
evaluation data (``scripts/check_provenance.py``), which may never be copied in."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from helpers import shared_path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check_provenance.py"


def _checker() -> Any:
    spec = importlib.util.spec_from_file_location("check_provenance", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_runs_and_words_ignore_markup() -> None:
    check = _checker()
    assert check.words("<b>Hello</b>, World 2!") == ["hello", "world", "2"]
    assert list(check.runs(["a", "b", "c"], 2)) == ["a b", "b c"]


def test_a_copied_run_is_found(tmp_path: Path) -> None:
    """The check can fail: a data file holding a tracked file's words is reported."""
    check = _checker()
    mine = SCRIPT.read_text(encoding="utf-8")
    (tmp_path / "copy.txt").write_text(mine[:600], encoding="utf-8")
    found = check.copied(tmp_path, check.RUN)
    assert "scripts/check_provenance.py" in found


def test_nothing_of_the_evaluation_data_is_in_the_repository() -> None:
    check = _checker()
    found = check.copied(shared_path(), check.RUN)
    assert found == {}, {name: sorted(hits)[:3] for name, hits in found.items()}
