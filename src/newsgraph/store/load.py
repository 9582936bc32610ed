"""Loading the Dask engine's partitioned Parquet results into the store.

1. read ``kind=articles/part-*.parquet`` in partition order, rows in input order;
2. save every analysed (or deliberately skipped) record with ``Store.save``, exactly as the
   local engine stores it -- its facts come from the record, so the store is rebuilt exactly;
3. then record each exact copy's (and resumed input's) source on the article it copies;
   failed inputs stay in the Parquet articles table with their status and are not stored,
   as with the local engine.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..stages.language import is_skipped
from .db import Store


@dataclass
class Loaded:
    articles: int = 0
    sources: int = 0
    failed: int = 0

    def line(self, directory: Path, db: str) -> str:
        return (f"loaded: {self.articles} articles, {self.sources} more sources, "
                f"{self.failed} failed inputs left in the parts, from {directory} into {db}")


def article_rows(directory: Path) -> Iterator[dict[str, Any]]:
    """The articles table's rows, partition by partition, in input order."""
    import pyarrow.parquet as pq

    files = sorted((directory / "kind=articles").glob("part-*.parquet"))
    if not files:
        raise FileNotFoundError(f"no kind=articles/part-*.parquet under {directory}")
    for file in files:
        rows = pq.read_table(file, columns=["position", "record"]).to_pylist()
        for row in sorted(rows, key=lambda r: r["position"]):
            yield json.loads(row["record"])


def load_parts(directory: str | Path, db: str) -> Loaded:
    """Bring a parts directory into the store at ``db``; return what was loaded."""
    directory = Path(directory)
    loaded = Loaded()
    ready: list[dict[str, Any]] = []
    with Store(db) as store:
        for record in article_rows(directory):
            if "duplicate_of" in record or "skipped" in record:
                ready.append(record)
            elif record.get("status", "ok") == "ok" or is_skipped(record["status"]):
                store.save(record)
                loaded.articles += 1
            else:
                loaded.failed += 1
        for record in ready:
            store.add_source_committed(record["id"], record["source"])
            loaded.sources += 1
    return loaded
