"""Peak RSS per worker after 2,000 and after 20,000 articles: memory must stay flat.

    python bench/memory.py --workers 2                 # BBC, then Reuters-21578 (~20 min)
    python bench/memory.py --workers 1 --at 50 100     # a smoke run

The engine runs in this process on the first ``max(--at)`` articles of the corpus (BBC's
2,225 rows, then Reuters stories with a body, starting again if that is not enough) into
a fresh store, exactly as ``newsgraph analyze`` would. A thread samples the resident set
of every worker process with psutil (for ``--workers 1``, of this one process) and at
each checkpoint prints each worker's peak so far; the target is that the last
checkpoint's peak is within 10% of the first's.
"""

from __future__ import annotations

import argparse
import itertools
import os
import tempfile
import threading
import time
from pathlib import Path

import psutil
from articles import CORPORA, documents

from newsgraph.engine.local import run
from newsgraph.options import Options

# Seconds between samples: a batch takes a few seconds, so a peak inside one is seen.
SAMPLE_SECONDS = 0.5
MIB = 1 << 20
# Allowed growth of the peak from the first checkpoint to the last (issue 12).
TARGET_GROWTH = 0.10


class Sampler(threading.Thread):
    """Keeps the peak RSS of each worker process (or of this process) since the start."""

    def __init__(self, workers: int) -> None:
        super().__init__(daemon=True)
        self.me = psutil.Process()
        self.workers = workers
        self.peaks: dict[int, int] = {}
        self.latest: dict[int, int] = {}
        self.lock = threading.Lock()
        self.done = threading.Event()

    def processes(self) -> list[psutil.Process]:
        """The pool's workers: children running our own command line (forked)."""
        if self.workers == 1:
            return [self.me]
        own = self.me.cmdline()
        out = []
        for child in self.me.children():
            try:
                if child.cmdline() == own:
                    out.append(child)
            except psutil.Error:
                continue
        return out

    def sample(self) -> None:
        for proc in self.processes():
            try:
                rss = proc.memory_info().rss
            except psutil.Error:
                continue
            with self.lock:
                self.peaks[proc.pid] = max(self.peaks.get(proc.pid, 0), rss)
                self.latest[proc.pid] = rss

    def run(self) -> None:
        while not self.done.wait(SAMPLE_SECONDS):
            self.sample()

    def snapshot(self) -> tuple[list[float], list[float]]:
        """(peak so far, current) RSS in MiB of each worker, in pid order."""
        self.sample()
        with self.lock:
            pids = sorted(self.peaks)
            return ([self.peaks[p] / MIB for p in pids], [self.latest[p] / MIB for p in pids])


def report(n: int, seconds: float, rss: tuple[list[float], list[float]]) -> str:
    peaks, now = rss
    each = ", ".join(f"{p:.1f}" for p in peaks) or "none seen"
    current = ", ".join(f"{p:.1f}" for p in now) or "none seen"
    return (f"after {n:,} articles ({seconds:.0f} s): peak RSS per worker {each} MiB "
            f"(max {max(peaks, default=0.0):.1f} MiB); RSS now {current} MiB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--at", type=int, nargs="+", default=[2000, 20000],
                    help="checkpoints: articles read (default: %(default)s)")
    ap.add_argument("--corpus", choices=CORPORA, default="mixed")
    ap.add_argument("--batch-size", type=int, default=Options.batch_size)
    args = ap.parse_args()
    checkpoints = sorted(args.at)
    sampler = Sampler(args.workers)
    seen = 0
    marks: list[tuple[int, float, tuple[list[float], list[float]]]] = []
    t0 = time.perf_counter()

    def progress(size: int) -> None:
        nonlocal seen
        seen += size
        while len(marks) < len(checkpoints) and seen >= checkpoints[len(marks)]:
            marks.append((checkpoints[len(marks)], time.perf_counter() - t0,
                          sampler.snapshot()))
            print(report(*marks[-1]), flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        options = Options(db=str(Path(tmp) / "memory.db"), workers=args.workers,
                          progress=False, batch_size=args.batch_size)
        print(f"pid {os.getpid()}, {args.workers} worker(s), corpus {args.corpus}, "
              f"checkpoints {checkpoints}", flush=True)
        sampler.start()
        summary = run(itertools.islice(documents(args.corpus), checkpoints[-1]), options,
                      on_progress=progress)
        sampler.done.set()
    print(summary.line())
    return growth(marks)


def growth(marks: list[tuple[int, float, tuple[list[float], list[float]]]]) -> int:
    """Print the growth of the peak from the first checkpoint to the last; 1 if too much."""
    if len(marks) < 2:
        return 0
    first, last = max(marks[0][2][0], default=0.0), max(marks[-1][2][0], default=0.0)
    change = (last - first) / first if first else 0.0
    verdict = "within" if change <= TARGET_GROWTH else "OVER"
    print(f"peak growth {marks[0][0]:,} -> {marks[-1][0]:,} articles: {change:+.1%} "
          f"({verdict} the {TARGET_GROWTH:.0%} target)")
    return 0 if change <= TARGET_GROWTH else 1


if __name__ == "__main__":
    raise SystemExit(main())
