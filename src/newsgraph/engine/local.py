"""Local engine: stream documents through the pipeline in batches, store, and count.

1. read documents (or per-document errors) from the readers;
2. turn each document into an Article, with its publication date and provenance;
3. run the pipeline on batches (one nlp.pipe call per batch);
4. store each analysed article (one transaction each, so a failure loses nothing stored);
5. hand every record, failed ones included, to the caller and count the outcomes;
   an exact duplicate is not analysed again, only recorded as another source, and with
   ``resume`` an article already in the store is skipped, so a killed run can be re-run.
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
from ..records import Article, Published, article_id
from ..stages.language import is_skipped
from ..store import Store
from .batch import analyse_batch


@dataclass
class Summary:
    """What a run did: counts by outcome, failures by code, and duplicates seen."""

    counts: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    skips: list[tuple[str, str]] = field(default_factory=list)  # kept, not analysed: why
    skip_reasons: Counter[str] = field(default_factory=Counter)

    @property
    def failed(self) -> int:
        return self.counts["failed"]

    def line(self) -> str:
        order = ("ok", "failed", "skipped", "exact duplicate", "near duplicate")
        parts = [f"{self.counts[k]} {k}" for k in order if self.counts[k]]
        if self.skip_reasons:
            why = ", ".join(f"{code} {n}" for code, n in sorted(self.skip_reasons.items()))
            parts.append(f"skipped by reason: {why}")
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
    """Analyse every document; return the summary. Records go to ``on_record``.

    With ``options.workers`` > 1 the batches are parsed by worker processes
    (:mod:`.workers`); planning, storing and the order of records stay here.
    """
    allow_length(options)
    store = Store(options.db) if options.store else None
    summary = Summary()
    # The title counts: a re-titled copy of a text is a near duplicate, not an exact one.
    dedup = (Deduplicator(threshold=options.near_threshold, include_title=True)
             if options.dedup else None)
    stored = store.has if (store is not None and options.resume) else None

    def finish(slots: list[Article | dict[str, Any]], analysed: list[dict[str, Any]],
               size: int) -> None:
        finish_batch(slots, analysed, store, summary, on_record)
        if on_progress:
            on_progress(size)

    planned = ((plan_batch(batch, options, dedup, stored), len(batch))
               for batch in _batches(results, options.batch_size))
    try:
        if options.workers > 1:
            from .workers import run_parallel

            run_parallel(planned, options, finish)
        else:
            pipeline = build_pipeline(options)
            for slots, size in planned:
                articles = [s for s in slots if isinstance(s, Article)]
                finish(slots, analyse_batch(pipeline, articles), size)
    finally:
        if store is not None:
            store.close()
    return summary


def allow_length(options: Options) -> None:
    """Every article --max-chars admits must also be parseable: raise spaCy's limit to it."""
    from ..nlp import load

    nlp = load(options.model)
    nlp.max_length = max(nlp.max_length, options.max_chars)


def skipped_record(article_id: str, source: dict[str, Any]) -> dict[str, Any]:
    """The record of an input whose article is already stored (``--resume``)."""
    return {"id": article_id, "source": source, "status": "ok", "skipped": "already stored"}


def duplicate_record(group: str, source: dict[str, Any]) -> dict[str, Any]:
    """The record of an exact copy: the id of the article it copies, and its own source."""
    return {"id": group, "source": source, "status": "ok", "duplicate_of": group}


def plan_batch(batch: list[ReadResult], options: Options, dedup: Deduplicator | None,
               stored: Callable[[str], bool] | None = None) -> list[Article | dict[str, Any]]:
    """One slot per input, in order: an Article to analyse, or a ready record.

    Ready records are failures (unreadable, too large), exact copies (``duplicate_of``)
    and, when resuming, articles already in the store (``skipped``); near copies are
    analysed and marked in their meta.
    """
    slots: list[Article | dict[str, Any]] = []
    for item in batch:
        if isinstance(item, IngestError):
            slots.append(failed_record(item))
            continue
        if dedup is not None:
            verdict, group = dedup.add(item.text, item.title)
            if verdict == "exact":
                slots.append(duplicate_record(group, item.source))
                continue
            if verdict == "near":
                item.meta["near_duplicate_of"] = group
        if len(item.text) > options.max_chars:
            err = IngestError(item.source, "too_large", f"{len(item.text)} characters is over "
                              f"the limit of {options.max_chars} (--max-chars)")
            slots.append(failed_record(err))
        elif stored is not None and stored(aid := article_id(item.text)):
            slots.append(skipped_record(aid, item.source))
        else:
            slots.append(to_article(item, options))
    return slots


def finish_batch(slots: list[Article | dict[str, Any]], analysed: list[dict[str, Any]],
                 store: Store | None, summary: Summary,
                 on_record: Callable[[dict[str, Any]], None] | None) -> None:
    """Store a batch's analysed records, then its copies' sources, then emit all in order.

    Copies are stored after the articles they copy, so a copy of an article in the same
    batch is kept; records are emitted only once everything of the batch is stored.
    """
    records = iter(analysed)
    ordered = [next(records) if isinstance(s, Article) else s for s in slots]
    if store is not None:
        for record in ordered:
            if _storable(record.get("status", "ok")) and not _ready(record):
                store.save(record)
        for record in ordered:
            if _ready(record):  # a copy, or a resumed input: keep its source, once
                store.add_source_committed(record["id"], record["source"])
    for record in ordered:
        if _ready(record):
            summary.counts["exact duplicate" if "duplicate_of" in record else "skipped"] += 1
            if on_record:
                on_record(record)
        else:
            _emit(record, summary, on_record)


def _storable(status: str) -> bool:
    """Analysed, or kept unanalysed on purpose (another language): stored either way."""
    return status == "ok" or is_skipped(status)


def _ready(record: dict[str, Any]) -> bool:
    """A record made without analysis: an exact copy, or an article already stored."""
    return "duplicate_of" in record or "skipped" in record


def _emit(record: dict[str, Any], summary: Summary,
          on_record: Callable[[dict[str, Any]], None] | None) -> None:
    status = record.get("status", "ok")
    if is_skipped(status):
        summary.counts["skipped"] += 1
        src = record.get("source") or {}
        summary.skips.append((str(src.get("path") or src), status))
        summary.skip_reasons[status.split()[1]] += 1
    else:
        summary.counts["ok" if status == "ok" else "failed"] += 1
    if status not in ("ok",) and not is_skipped(status):
        src = record.get("source") or {}
        summary.failures.append((str(src.get("path") or src), status))
        summary.errors[status.split()[1] if len(status.split()) > 1 else status] += 1
    if on_record:
        on_record(record)
