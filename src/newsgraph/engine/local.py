"""Local engine: stream documents through the pipeline in batches, store, and count.

1. read documents (or per-document errors) from the readers;
2. turn each document into an Article, with its publication date and provenance;
3. run the pipeline on batches (one nlp.pipe call per batch);
4. store each analysed article (one transaction each, so a failure loses nothing stored);
5. hand every record, failed ones included, to the caller and count the outcomes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..analyze import build_pipeline
from ..ingest.base import IngestError, RawDocument, ReadResult
from ..options import Options
from ..records import Article, Published
from ..store import Store


@dataclass
class Summary:
    """What a run did: counts by status and the failures with their messages."""

    counts: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return self.counts["failed"]

    def line(self) -> str:
        parts = [f"{n} {k}" for k, n in sorted(self.counts.items())]
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
    try:
        for batch in _batches(results, options.batch_size):
            _run_batch(batch, pipeline, options, store, summary, on_record)
            if on_progress:
                on_progress(len(batch))
    finally:
        if store is not None:
            store.close()
    return summary


def _run_batch(batch: list[ReadResult], pipeline: Any, options: Options, store: Store | None,
               summary: Summary, on_record: Callable[[dict[str, Any]], None] | None) -> None:
    articles = []
    for item in batch:
        if isinstance(item, IngestError):
            _emit(failed_record(item), summary, on_record)
        elif len(item.text) > options.max_chars:
            err = IngestError(item.source, "too_large", f"{len(item.text)} characters is over "
                              f"the limit of {options.max_chars} (--max-chars)")
            _emit(failed_record(err), summary, on_record)
        else:
            articles.append(to_article(item, options))
    pipeline.run(articles)
    for article in articles:
        record = article.to_json()
        if store is not None and article.status == "ok":
            store.save(record)
        _emit(record, summary, on_record)


def _emit(record: dict[str, Any], summary: Summary,
          on_record: Callable[[dict[str, Any]], None] | None) -> None:
    status = record.get("status", "ok")
    summary.counts["ok" if status == "ok" else "failed"] += 1
    if status != "ok":
        src = record.get("source") or {}
        summary.failures.append((str(src.get("path") or src), status))
    if on_record:
        on_record(record)
