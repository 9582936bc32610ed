"""Local parallel runs: batches analysed by N worker processes, results kept in order.

1. the parent reads, deduplicates and plans each batch (so ids, duplicates and the
   order of records are exactly those of a one-process run);
2. each worker builds the pipeline once (its initializer) and analyses whole batches,
   returning plain records, so nothing of spaCy crosses the process boundary back;
3. the parent stores and emits batches strictly in input order, with a bounded number
   in flight so memory does not grow with the input.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable
from multiprocessing.pool import AsyncResult
from typing import Any

from ..options import Options
from ..records import Article
from .batch import analyse_batch

IN_FLIGHT_PER_WORKER = 2  # one batch being parsed, one queued: workers never wait for work

_PIPELINE: Any = None


def _init(options: Options) -> None:
    global _PIPELINE
    from ..analyze import build_pipeline
    from .local import allow_length

    _PIPELINE = build_pipeline(options)
    allow_length(options)


def _analyse(articles: list[Article]) -> list[dict[str, Any]]:
    return analyse_batch(_PIPELINE, articles)


def _context() -> Any:
    """Fork where the platform has it: workers share the parent's loaded model pages."""
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def run_parallel(batches: Iterable[tuple[list[Any], int]], options: Options,
                 finish: Callable[[list[Any], list[dict[str, Any]], int], None]) -> None:
    """Analyse planned batches on ``options.workers`` processes; ``finish(slots, records,
    size)`` is called for each batch in input order."""
    pending: deque[tuple[list[Any], int, AsyncResult[list[dict[str, Any]]]]] = deque()
    limit = options.workers * IN_FLIGHT_PER_WORKER
    with _context().Pool(options.workers, initializer=_init, initargs=(options,)) as pool:
        for slots, size in batches:
            articles = [s for s in slots if isinstance(s, Article)]
            pending.append((slots, size, pool.apply_async(_analyse, (articles,))))
            while len(pending) >= limit:
                _finish_first(pending, finish)
        while pending:
            _finish_first(pending, finish)


def _finish_first(pending: deque[tuple[list[Any], int, AsyncResult[list[dict[str, Any]]]]],
                  finish: Callable[[list[Any], list[dict[str, Any]], int], None]) -> None:
    slots, size, result = pending.popleft()
    finish(slots, result.get(), size)
