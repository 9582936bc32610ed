"""The BBC name pairs and the hand-read bare surnames (src/newsgraph/eval/data/), checked
on the whole BBC corpus (about 80 s on 2 workers; the context of a bare surname depends
on every article): the same person in every variant merged, different people sharing a
surname kept apart, and a bare surname merged into the bearer its article means, or into
none. Skips where ../shared/data is absent."""

import json
import sqlite3
import subprocess
import sys

import pytest

from newsgraph.corpus.checks import bare_surnames, check_bare_surnames, check_pairs, name_pairs
from newsgraph.eval.corpora import BBC

pytestmark = pytest.mark.skipif(not BBC.exists(), reason=f"BBC corpus not found at {BBC}")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    tmp = tmp_path_factory.mktemp("bbc")
    with BBC.open(encoding="utf-8") as src, (tmp / "in.jsonl").open("w") as dst:
        for line in src:
            row = json.loads(line)
            dst.write(json.dumps({"id": row["id"], "title": row["title"],
                                  "text": row["body"]}) + "\n")
    db = tmp / "bbc.db"
    for cmd in (["analyze", str(tmp / "in.jsonl"), "--db", str(db), "--quiet",
                 "--workers", "2"], ["resolve", "--db", str(db)]):
        subprocess.run([sys.executable, "-m", "newsgraph", *cmd], check=True,
                       stdout=subprocess.DEVNULL)
    return sqlite3.connect(db)


@pytest.mark.parametrize(("relation", "a", "b"), name_pairs())
def test_pair(store: sqlite3.Connection, relation: str, a: str, b: str) -> None:
    verdict = next(v for v in check_pairs(store) if (v.a, v.b) == (a, b))
    assert verdict.ok, verdict


@pytest.mark.parametrize(("article", "name", "person"), bare_surnames())
def test_bare_surname(store: sqlite3.Connection, article: str, name: str, person: str) -> None:
    verdict = next(v for v in check_bare_surnames(store) if (v.article, v.name) == (article, name))
    assert verdict.ok, verdict
