"""Checking many files, in one process or several, with the same reports in the same order.

:func:`map_in_order` knows nothing of what a file is: it builds one checker per
process (:class:`validator.run.Checker`) and maps it over the files.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

# Below this many files a process pool costs more than it saves.
POOL_MIN_FILES = 16

T = TypeVar("T")
R = TypeVar("R")

_worker: dict = {}


def _start_worker(factory: Callable[..., Callable], args: tuple) -> None:
    _worker["check"] = factory(*args)


def _check(item):
    return _worker["check"](item)


# Young objects collected every 20,000 allocations instead of 700: checking a claim makes
# short-lived intervals and findings, which reference counting frees; at 700 the collector
# ran dozens of times a sheet, scanning what was still in use (0.800 s -> 0.715 s of CPU in
# an interleaved A/B of 60-sheet blocks in one process; found by sampling with py-spy).
BATCH_GC_THRESHOLD = (20_000, 20, 20)


@contextmanager
def batch_gc():
    """The collector tuned for a batch run: start-up objects (modules, schemas) frozen out of
    its scans and young objects collected less often; restored afterwards."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*BATCH_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def map_in_order(factory: Callable[..., Callable[[T], R]], args: tuple, items: Iterable[T], jobs: int) -> Iterator[R]:
    """``factory(*args)`` applied to each item, results in the order of ``items``; with ``jobs`` > 1
    and enough items, in that many processes (each builds its own checker once)."""
    items = list(items)
    with batch_gc():
        if jobs <= 1 or len(items) < POOL_MIN_FILES:
            check = factory(*args)
            yield from map(check, items)
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        chunk = max(1, min(64, len(items) // (jobs * 8)))
        pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(factory, args))
        try:
            yield from pool.map(_check, items, chunksize=chunk)
        finally:
            # A reader that stops early (a closed pipe, an interrupt) must not wait for every file.
            pool.shutdown(wait=True, cancel_futures=True)
