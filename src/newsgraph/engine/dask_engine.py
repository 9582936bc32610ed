"""Dask engine: the local engine's stages on a Dask distributed cluster, results as
partitioned Parquet that the store loads afterwards.

1. plan partitions of the inputs (:mod:`.parts`: files, JSON Lines byte ranges, Parquet
   row groups) in the client;
2. scan: each worker reads its partitions and returns every input's exact-duplicate key,
   article id and MinHash signature (or None for an unreadable one) -- no text travels back;
3. decide in the client, in input order, with the local engine's Deduplicator, which
   inputs are exact copies of an earlier one (kept as another source, never a second
   article), which are near copies (analysed, marked ``near_duplicate_of``) and, with
   ``resume``, which are stored;
4. analyse: each worker reads its partition again, builds the local engine's slots with
   those decisions, runs the pipeline on batches (loaded ONCE per worker process and cached
   in this module) and writes the partition's Parquet tables, returning its summary;
5. the client merges the summaries in partition order and, unless told not to, loads the
   Parquet results into the store (:mod:`..store.load`), as the local engine stores them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..dedup import Deduplicator
from ..ingest.base import IngestError
from ..options import Options
from ..records import Article, article_id
from .local import (
    Summary,
    duplicate_record,
    failed_record,
    finish_batch,
    skipped_record,
    to_article,
)
from .parts import Partition, plan_partitions, prepare, read_partition, write_part

# Seconds to wait for a --scheduler to answer before saying it is unreachable.
CONNECT_TIMEOUT = 10
# How a local cluster starts its worker processes. Fork, where the platform has it, lets
# workers share the pipeline the client builds first (as the local engine's workers do):
# spawned workers each import spaCy and load the model again, measured ~30% slower on
# 300 BBC articles with 2 workers.
WORKER_START = "fork" if "fork" in __import__("multiprocessing").get_all_start_methods() \
    else "spawn"
# (exact key: title and text, article id, MinHash signature), None: unreadable
Key = tuple[str, str, bytes] | None
# ("exact", id of the copied article) | ("near", its group) | ("stored", article id)
Decision = tuple[str, str]

_PIPELINES: dict[tuple[str | None, str, bool], Any] = {}
_LOADS = 0  # pipelines built in this process: one per worker, whatever the task count


class DaskUnavailable(RuntimeError):
    """dask[distributed] is not installed, or the scheduler cannot be reached."""


# --- in the worker ------------------------------------------------------------------------


def worker_pipeline(options: Options) -> Any:
    """The pipeline of this worker process, built on first use and kept for every task."""
    global _LOADS
    key = (options.model, options.language, options.learned_targets)
    if key not in _PIPELINES:
        from ..analyze import build_pipeline
        from .local import allow_length

        _PIPELINES[key] = build_pipeline(options)
        allow_length(options)
        _LOADS += 1
    return _PIPELINES[key]


def worker_report() -> tuple[int, int]:
    """(pid, pipelines built) of the worker that runs it."""
    return os.getpid(), _LOADS


def scan(part: Partition, options: Options, reader: dict[str, Any]) -> list[Key]:
    """Every input's (exact key, article id, signature), what the local Deduplicator uses."""
    out: list[Key] = []
    dedup = _deduplicator(options) if options.dedup else None
    for item in read_partition(part, options.max_chars, reader):
        if isinstance(item, IngestError):
            out.append(None)
        else:
            sign = dedup.signature(item.text) if dedup is not None else b""
            out.append((article_id(f"{item.title or ''}\n\n{item.text}"), article_id(item.text),
                        sign))
    return out


def _deduplicator(options: Options) -> Deduplicator:
    """As the local engine's: the title counts, a re-titled copy is a near copy."""
    return Deduplicator(threshold=options.near_threshold, include_title=True)


def analyse(part: Partition, decisions: dict[int, Decision], options: Options,
            reader: dict[str, Any], directory: str) -> Summary:
    """Analyse one partition in batches, write its Parquet tables, return its summary."""
    summary = Summary()
    records: list[dict[str, Any]] = []
    batch: list[Article | dict[str, Any]] = []
    for position, item in enumerate(read_partition(part, options.max_chars, reader)):
        batch.append(_slot(item, decisions.get(position), options))
        if len(batch) >= options.batch_size:
            _run_batch(batch, options, summary, records)
            batch = []
    if batch:
        _run_batch(batch, options, summary, records)
    write_part(Path(directory), part.index, records)
    return summary


def _slot(item: Any, decision: Decision | None, options: Options) -> Article | dict[str, Any]:
    """As the local engine plans an input: a ready record, or an Article to analyse."""
    if isinstance(item, IngestError):
        return failed_record(item)
    if decision is not None and decision[0] == "exact":
        return duplicate_record(decision[1], item.source)
    if decision is not None and decision[0] == "near":
        item.meta["near_duplicate_of"] = decision[1]
        decision = None
    if len(item.text) > options.max_chars:
        err = IngestError(item.source, "too_large", f"{len(item.text)} characters is over "
                          f"the limit of {options.max_chars} (--max-chars)")
        return failed_record(err)
    if decision is not None:
        return skipped_record(decision[1], item.source)
    return to_article(item, options)


def _run_batch(slots: list[Article | dict[str, Any]], options: Options, summary: Summary,
               records: list[dict[str, Any]]) -> None:
    articles = [s for s in slots if isinstance(s, Article)]
    if articles:
        worker_pipeline(options).run(articles)
    finish_batch(slots, [a.to_json() for a in articles], None, summary, records.append)


# --- in the client ------------------------------------------------------------------------


def decide(keys: list[list[Key]], options: Options,
           stored: Callable[[str], bool] | None) -> list[dict[int, Decision]]:
    """Per partition, position -> decision, for exact and near copies and stored articles,
    in input order as the local engine decides them."""
    dedup = _deduplicator(options) if options.dedup else None
    out: list[dict[int, Decision]] = []
    for part_keys in keys:
        decisions: dict[int, Decision] = {}
        for position, key in enumerate(part_keys):
            if key is not None:
                found = _decision(key, dedup, stored)
                if found is not None:
                    decisions[position] = found
        out.append(decisions)
    return out


def _decision(key: tuple[str, str, bytes], dedup: Deduplicator | None,
              stored: Callable[[str], bool] | None) -> Decision | None:
    exact, aid, sign = key
    verdict = dedup.add_signed(exact, aid, sign) if dedup is not None else ("unique", aid)
    if verdict[0] == "exact":
        return ("exact", verdict[1])
    if stored is not None and stored(aid):
        return ("stored", aid)
    return ("near", verdict[1]) if verdict[0] == "near" else None


def connect(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    """(client, cluster or None): the given scheduler, or a local cluster of processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise DaskUnavailable("the dask engine needs dask[distributed] "
                              "(pip install 'dask[distributed]')") from exc
    if scheduler:
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT), None
        except (OSError, TimeoutError) as exc:
            raise DaskUnavailable(f"cannot reach the Dask scheduler at {scheduler} "
                                  f"within {CONNECT_TIMEOUT} s ({exc})") from exc
    import dask

    with dask.config.set({"distributed.worker.multiprocessing-method": WORKER_START}):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=50)
    return Client(cluster), cluster


def run_dask(inputs: list[str], options: Options, reader: dict[str, Any], parts_dir: str,
             scheduler: str | None = None,
             on_progress: Callable[[int], None] | None = None,
             on_total: Callable[[int], None] | None = None) -> Summary:
    """Analyse the inputs on a cluster into ``parts_dir``; load it when ``options.store``."""
    partitions = plan_partitions(inputs, options.input_format, options.workers)
    directory = Path(parts_dir).resolve()
    prepare(directory)
    if scheduler is None and WORKER_START == "fork":
        worker_pipeline(options)  # built once here, inherited by every forked worker
    client, cluster = connect(scheduler, options.workers)
    try:
        summaries = _analyse_all(client, partitions, options, reader, str(directory),
                                 on_progress, on_total)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary = merge(summaries)
    if options.store:
        from ..store.load import load_parts

        load_parts(directory, options.db)
    return summary


def _analyse_all(client: Any, partitions: list[Partition], options: Options,
                 reader: dict[str, Any], directory: str,
                 on_progress: Callable[[int], None] | None,
                 on_total: Callable[[int], None] | None) -> list[Summary]:
    from distributed import as_completed

    keys = client.gather([client.submit(scan, p, options, reader, pure=False)
                          for p in partitions])
    if on_total:
        on_total(sum(len(k) for k in keys))
    stored = _stored(options)
    decisions = decide(keys, options, stored)
    futures = [client.submit(analyse, p, d, options, reader, directory, pure=False)
               for p, d in zip(partitions, decisions, strict=True)]
    sizes = {f.key: len(k) for f, k in zip(futures, keys, strict=True)}
    for future in as_completed(futures):
        future.result()  # a task's exception (no model, a full disk) ends the run here
        if on_progress:
            on_progress(sizes[future.key])
    return [f.result() for f in futures]


def _stored(options: Options) -> Callable[[str], bool] | None:
    """With ``resume``, whether an article id is already in the store."""
    if not (options.resume and options.store and Path(options.db).exists()):
        return None
    from ..store import Store

    store = Store(options.db)
    ids = {row[0] for row in store.conn.execute("SELECT id FROM articles")}
    store.close()
    return ids.__contains__


def merge(summaries: list[Summary]) -> Summary:
    """One summary from the partitions', in partition order (so failures list in order)."""
    total = Summary()
    for s in summaries:
        total.counts.update(s.counts)
        total.errors.update(s.errors)
        total.skip_reasons.update(s.skip_reasons)
        total.failures += s.failures
        total.skips += s.skips
    return total
