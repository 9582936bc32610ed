"""Check that no text of ../shared/data was copied into the repository.

    python scripts/check_provenance.py [--data DIR] [--n N]

Every tracked source, test and documentation file is cut into runs of ``N`` words
(lower-cased letters and digits, XML tags left out so that a format fixture's markup is
not counted); any run that also occurs in a file under the data directory is printed with
both places. Exit status 1 when something is found, 2 when the data directory is absent.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
# Eight words in a row are a copied phrase, not a common idiom: shorter runs flagged
# everyday wording ("compared with a year earlier"), longer ones let sentences slip by.
RUN = 8
CHECKED = ("*.py", "*.md", "*.txt", "*.html", "*.js", "*.json", "*.jsonl")
TAG = re.compile(r"<[^>]{0,400}>")
WORD = re.compile(r"[a-z0-9]+")
# Data files bigger than this are not read (none of the text sets is).
MAX_BYTES = 200_000_000


def words(text: str) -> list[str]:
    return WORD.findall(TAG.sub(" ", text.lower()))


def runs(tokens: list[str], n: int) -> Iterator[str]:
    for i in range(len(tokens) - n + 1):
        yield " ".join(tokens[i:i + n])


def repo_runs(n: int) -> dict[str, set[str]]:
    """Each run of the tracked files -> the files it is in."""
    files = subprocess.run(["git", "ls-files", *CHECKED], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.split()
    out: dict[str, set[str]] = {}
    for name in files:
        text = (ROOT / name).read_text(encoding="utf-8", errors="ignore")
        for run in runs(words(text), n):
            out.setdefault(run, set()).add(name)
    return out


def copied(data: Path, n: int) -> dict[str, set[tuple[str, str]]]:
    """Repository file -> (run, data file) pairs found in both."""
    mine = repo_runs(n)
    found: dict[str, set[tuple[str, str]]] = {}
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        if path.stat().st_size > MAX_BYTES:
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        for run in runs(words(text), n):
            for name in mine.get(run, ()):
                found.setdefault(name, set()).add((run, str(path.relative_to(data))))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the evaluation data")
    parser.add_argument("--n", type=int, default=RUN, help="words in a run (default 8)")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"data directory not found: {args.data}", file=sys.stderr)
        return 2
    found = copied(args.data, args.n)
    for name, hits in sorted(found.items()):
        print(f"{name}: {len(hits)} run(s) also in the data")
        for run, where in sorted(hits)[:5]:
            print(f"    {run!r}  <- {where}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
