"""Benchmark inputs shared by the scripts here: BBC rows and Reuters-21578 stories as
raw documents, and the first N of them written as JSON Lines for the real command.

Not run by itself; imported by ``bench/parallel.py``, ``bench/memory.py`` and
``bench/resume.py`` (run from the repository root, e.g. ``python bench/memory.py``).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

from newsgraph.eval.corpora import BBC, SHARED_DATA
from newsgraph.ingest import read_inputs
from newsgraph.ingest.base import RawDocument

REUTERS = SHARED_DATA / "corpus" / "reuters21578"
CORPORA = ("bbc", "reuters", "mixed")


def bbc_documents(path: Path = BBC) -> Iterator[RawDocument]:
    """Every BBC row (``title``, ``body``) as a document."""
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            row = json.loads(line)
            yield RawDocument(text=row["body"], title=row.get("title"),
                              source={"path": str(path), "line": line_no})


def reuters_documents(folder: Path = REUTERS) -> Iterator[RawDocument]:
    """Every Reuters-21578 story with a body, in file order (stories without are skipped)."""
    files = [str(p) for p in sorted(folder.glob("reut2-*.sgm"))]
    for item in read_inputs(files):
        if isinstance(item, RawDocument):
            yield item


def documents(corpus: str) -> Iterator[RawDocument]:
    """The stories of ``bbc``, ``reuters``, or ``mixed`` (BBC, then Reuters), for ever:
    when the corpus runs out it starts again, so any number can be asked for."""
    def once() -> Iterator[RawDocument]:
        if corpus in ("bbc", "mixed"):
            yield from bbc_documents()
        if corpus in ("reuters", "mixed"):
            yield from reuters_documents()

    return itertools.chain.from_iterable(once() for _ in itertools.count())


def first(corpus: str, n: int) -> list[RawDocument]:
    return list(itertools.islice(documents(corpus), n))


def write_jsonl(docs: list[RawDocument], out: Path) -> int:
    """The documents as JSON Lines (``title``, ``text``, ``published``); returns words."""
    words = 0
    with out.open("w", encoding="utf-8") as dst:
        for doc in docs:
            row = {"title": doc.title, "text": doc.text, "published": doc.published}
            dst.write(json.dumps(row) + "\n")
            words += len(doc.text.split())
    return words
