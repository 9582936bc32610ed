"""Local engine: stream documents through the pipeline in batches, store, and count.

1. read documents (or per-document errors) from the readers;
2. turn each document into an Article, with its publication date and provenance;
3. run the pipeline on batches (one nlp.pipe call per batch);
4. store each analysed article (one transaction each, so a failure loses nothing stored);
5. hand every record, failed ones included, to the caller and count the outcomes;
   an exact duplicate is not analysed again, only recorded as another source.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..analyze import build_pipeline
from ..dedup import Deduplicator
from ..ingest.base import IngestError, RawDocument, ReadResult
from ..options import Options
from ..records import Article, Published
from ..store import Store


@dataclass
class Summary:
    """What a run did: counts by outcome, failures by code, and duplicates seen."""

    counts: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return self.counts["failed"]

    def line(self) -> str:
        order = ("ok", "failed", "exact duplicate", "near duplicate")
        parts = [f"{self.counts[k]} {k}" for k in order if self.counts[k]]
        if self.errors:
            codes = ", ".join(f"{code} {n}" for code, n in sorted(self.errors.items()))
            parts.append(f"failures by code: {codes}")
        return "analysed: " + (", ".join(parts) or "nothing")


def to_article(doc: RawDocument, options: Options) -> Article:
    """An Article from a raw document, with the publication date and where it came from."""
    article = Article(doc.text, source=doc.source, title=doc.title, url=doc.url, meta=doc.meta)
    if doc.published:
        article.published = Published(doc.published, doc.published_evidence or "input metadata")
    elif options.published:
        article.published = Published(options.published, "given with --published")
    return article


def failed_record(error: IngestError) -> dict[str, Any]:
    return {"id": None, "source": error.source, "status": error.status}


def _batches(results: Iterable[ReadResult], size: int) -> Iterator[list[ReadResult]]:
    batch: list[ReadResult] = []
    for item in results:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(results: Iterable[ReadResult], options: Options,
        on_record: Callable[[dict[str, Any]], None] | None = None,
        on_progress: Callable[[int], None] | None = None) -> Summary:
    """Analyse every document; return the summary. Records go to ``on_record``."""
    pipeline = build_pipeline(options)
    store = Store(options.db) if options.store else None
    summary = Summary()
    # The title counts: a re-titled copy of a text is a near duplicate, not an exact one.
    dedup = (Deduplicator(threshold=options.near_threshold, include_title=True)
             if options.dedup else None)
    try:
        for batch in _batches(results, options.batch_size):
            copies: list[tuple[str, dict[str, Any]]] = []
            if dedup is not None:
                batch = _drop_exact(batch, dedup, copies, summary, on_record)
            _run_batch(batch, pipeline, options, store, summary, on_record)
            if store is not None:  # after the batch, so a copy of an article in it is kept
                for group, source in copies:
                    store.add_source_committed(group, source)
            if on_progress:
                on_progress(len(batch))
    finally:
        if store is not None:
            store.close()
    return summary


def _drop_exact(batch: list[ReadResult], dedup: Deduplicator,
                copies: list[tuple[str, dict[str, Any]]], summary: Summary,
                on_record: Callable[[dict[str, Any]], None] | None) -> list[ReadResult]:
    """Exact copies are recorded as another source of the first; near copies are marked."""
    keep: list[ReadResult] = []
    for item in batch:
        if isinstance(item, IngestError):
            keep.append(item)
            continue
        verdict, group = dedup.add(item.text, item.title)
        if verdict == "exact":
            summary.counts["exact duplicate"] += 1
            copies.append((group, item.source))
            if on_record:
                on_record({"id": group, "source": item.source, "status": "ok",
                           "duplicate_of": group})
            continue
        if verdict == "near":
            summary.counts["near duplicate"] += 1
            item.meta["near_duplicate_of"] = group
        keep.append(item)
    return keep


def _run_batch(batch: list[ReadResult], pipeline: Any, options: Options, store: Store | None,
               summary: Summary, on_record: Callable[[dict[str, Any]], None] | None) -> None:
    """Analyse the readable documents of a batch together; emit records in input order."""
    slots: list[Article | dict[str, Any]] = []
    for item in batch:
        if isinstance(item, IngestError):
            slots.append(failed_record(item))
        elif len(item.text) > options.max_chars:
            err = IngestError(item.source, "too_large", f"{len(item.text)} characters is over "
                              f"the limit of {options.max_chars} (--max-chars)")
            slots.append(failed_record(err))
        else:
            slots.append(to_article(item, options))
    pipeline.run([a for a in slots if isinstance(a, Article)])
    for slot in slots:
        record = slot.to_json() if isinstance(slot, Article) else slot
        if store is not None and isinstance(slot, Article) and slot.status == "ok":
            store.save(record)
        _emit(record, summary, on_record)


def _emit(record: dict[str, Any], summary: Summary,
          on_record: Callable[[dict[str, Any]], None] | None) -> None:
    status = record.get("status", "ok")
    summary.counts["ok" if status == "ok" else "failed"] += 1
    if status != "ok":
        src = record.get("source") or {}
        summary.failures.append((str(src.get("path") or src), status))
        summary.errors[status.split()[1] if len(status.split()) > 1 else status] += 1
    if on_record:
        on_record(record)
