"""Checking many files, in one process or several, with the same reports in the same order."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from validator.check import FileReport, check_path
from validator.config import Config

# Below this many files a process pool costs more than it saves.
POOL_MIN_FILES = 16

# An article's own text, checked by drafting its fact sheet first (validator.extract).
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})

_worker: dict = {}


def _start_worker(config: Config, published=None) -> None:
    from validator.loader import Limits
    from validator.references import Resolver

    _worker["config"] = config
    _worker["resolver"] = Resolver(Limits(max_bytes=config.settings.max_file_bytes), config.read_folders)
    _worker["published"] = published


def _check(path) -> FileReport:
    from validator.cli import NothingFound, nothing_found

    if isinstance(path, NothingFound):
        return nothing_found(path)
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        return _check_article(path)
    return check_path(path, _worker["config"], _worker["resolver"])


def _check_article(path: Path) -> FileReport:
    from validator import loader
    from validator.check import _failed
    from validator.extract import check_article

    name = loader.display_path(path)
    try:
        text = loader.read_text(path, loader.Limits(max_bytes=_worker["config"].settings.max_file_bytes))
    except loader.LoadError as exc:
        return _failed(name, exc)
    report = check_article(text, name, _worker["config"], _worker["published"])
    report.path = path
    return report


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


def check_all(files: list[Path], config: Config, jobs: int = 1, published=None) -> Iterator[FileReport]:
    """Each file's report, in the order of ``files``; ``jobs`` processes share the work."""
    with batch_gc():
        yield from _check_all(files, config, jobs, published)


def _check_all(files: list[Path], config: Config, jobs: int, published) -> Iterator[FileReport]:
    if jobs <= 1 or len(files) < POOL_MIN_FILES:
        _start_worker(config, published)
        yield from map(_check, files)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    chunk = max(1, min(64, len(files) // (jobs * 8)))
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(config, published)) as pool:
        yield from pool.map(_check, files, chunksize=chunk)
