"""Parquet reader: one article per row, with the JSON Lines reader's field keys.

1. open the file (any seekable binary stream) as a ``pyarrow.parquet.ParquetFile``;
2. read the row groups asked for (all by default), one at a time, so memory holds one group;
3. turn each row into a RawDocument with ``fields.to_document`` (text/body, title, url,
   date, ... and the ``*_key`` options), so a row reads exactly like a JSON Lines line.

``source["row"]`` is the row's 1-based number in the file, so a row range read on its own
(the Dask engine's partitions) names the same rows as a whole-file read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

from .base import ReadResult
from .common import error
from .fields import to_document


def read_parquet(stream: IO[bytes], source: dict[str, Any], max_chars: int,
                 row_groups: Iterable[int] | None = None, **options: Any) -> Iterator[ReadResult]:
    """Documents (and per-row errors) from the given row groups of a Parquet file."""
    import pyarrow.parquet as pq

    base = {**source, "format": "parquet"}
    try:
        file = pq.ParquetFile(stream)
    except Exception as exc:  # noqa: BLE001 - not Parquet, or corrupt: this input's error
        yield error(base, "bad_parquet", f"not a readable Parquet file ({exc})")
        return
    groups = range(file.num_row_groups) if row_groups is None else list(row_groups)
    for group in groups:
        row = first_row(file.metadata, group)
        for record in file.read_row_group(group).to_pylist():
            row += 1
            yield to_document(record, {**base, "row": row}, max_chars, options)


def first_row(metadata: Any, group: int) -> int:
    """Rows before a row group: its first row is this plus one."""
    return sum(metadata.row_group(g).num_rows for g in range(group))
