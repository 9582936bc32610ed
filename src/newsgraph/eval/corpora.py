"""Reading the benchmark corpora the same way in every benchmark script."""

from __future__ import annotations

import json
from pathlib import Path

# ../shared/data beside the repository, where developers and CI keep the public corpora.
SHARED_DATA = Path(__file__).resolve().parents[4] / "shared" / "data"
BBC = SHARED_DATA / "corpus" / "bbc.jsonl"


def bbc_texts(path: Path = BBC, n: int | None = None) -> list[str]:
    """Title, a blank line and body of the first ``n`` BBC articles (all when None)."""
    texts: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            texts.append(f"{row.get('title', '')}\n\n{row['body']}")
            if n is not None and len(texts) >= n:
                break
    return texts
