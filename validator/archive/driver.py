"""The client's side of an archive run: gather the inputs, start or reach a Dask cluster, hand out the
tasks, follow them, and check that every file in has its row out.

A worker that dies has its tasks run again by Dask (``distributed.scheduler.allowed-failures``,
3 by default); a task that fails with an error is retried (:data:`RETRIES`). A task that still fails
is split into one task a file, so that one file that kills every worker checking it costs only its
own row, an internal error (IN99), and never the run or the other files.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, replace

from validator.archive import corpus
from validator.archive.items import Corpus, FileItem, InputError, collect, is_url
from validator.archive.table import Output, new_run_id
from validator.archive.work import Done, Settings, Task, lost, run_task
from validator.reporters import Summary

BLOCK_BYTES = 4 << 20  # about 800 articles of 5 kB: a task of tens of seconds
RETRIES = 2
MAX_FILES_PER_TASK = 64


class ArchiveError(Exception):
    """A run that cannot start (usage, output, scheduler) or whose rows do not add up: exit 2."""


@dataclass
class Outcome:
    summary: Summary  # every file row in the output, this run's and, with --resume, earlier ones
    files: int  # files and corpus lines given to this run
    checked: int
    skipped: int  # already written (--resume)
    lost: int  # written as internal errors: every worker that checked them died
    compacted: int  # earlier rows replaced, their files having changed
    dashboard: str | None


def archive(
    inputs: list[str],
    output: str,
    config,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    resume: bool = False,
    force: bool = False,
    published=None,
    fields: corpus.Fields | None = None,
    block_bytes: int = BLOCK_BYTES,
    files_per_task: int | None = None,
    started: Callable[[str | None], None] = lambda dashboard: None,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> Outcome:
    """Check every file ``inputs`` name on the cluster and write the rows to ``output``."""
    out = _prepare(output, resume, force)
    try:
        files, corpora = collect(inputs, config)
    except InputError as exc:
        raise ArchiveError(str(exc)) from None
    if not files and not corpora:
        raise ArchiveError("nothing to check: name files, folders, patterns, URLs or corpora, or --files-from")
    # Workers write where the client means: a relative path is the client's, not each worker's.
    location = output if is_url(output) else os.path.abspath(output)
    settings = Settings(config, location, new_run_id(), published, fields or corpus.Fields())
    written = out.written() if resume else {}
    with connect(scheduler, workers) as client:
        started(client.dashboard_link)
        limit = config.settings.max_file_bytes
        blocks, unreadable = _counted(client, corpora, limit, block_bytes)
        tasks = _tasks([*files, *unreadable], blocks, written, files_per_task or _per_task(client, len(files)))
        total = sum(t.size for t in tasks)
        done, lost_rows = _follow(client, tasks, settings, limit, lambda n: progress(n, total))
        dashboard = client.dashboard_link
    checked = sum(d.written for d in done) - lost_rows
    skipped = sum(d.skipped for d in done)
    if checked + lost_rows + skipped != total:
        raise ArchiveError(
            f"internal error: {total:,} files in, {checked + lost_rows + skipped:,} rows out or skipped; please report it"
        )
    compacted = out.compact()
    return Outcome(out.summary(), total, checked, skipped, lost_rows, compacted, dashboard)


def _prepare(output: str, resume: bool, force: bool) -> Output:
    if resume and force:
        raise ArchiveError("--resume continues the run in --output, --force replaces it: give one of them")
    out = Output(output)
    if out.fs.isfile(out.root):
        raise ArchiveError(f"--output {output} is a file; it names the folder to write the tables in")
    if out.holds_a_run():
        if force:
            out.replace_all()
        elif resume:
            out.tidy()
            out.compact()
        else:
            raise ArchiveError(
                f"--output {output} already holds the rows of a run: --resume to continue it, --force to replace it"
            )
    return out


@contextmanager
def connect(scheduler: str | None, workers: int | None):
    """A client of the cluster at ``scheduler``, or of a local cluster of ``workers`` processes
    (default: one a core), each with one thread: checking is pure Python, held by the GIL."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise ArchiveError(f"--scheduler {scheduler}: cannot reach it ({exc})") from None
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            silence_logs=logging.ERROR,
            dashboard_address=":8787",
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _per_task(client, files: int) -> int:
    """Enough tasks to keep every worker busy to the end, few enough that Dask's cost a task stays small."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    return max(1, min(MAX_FILES_PER_TASK, files // (workers * 8)))


def _counted(client, corpora: list[Corpus], limit: int, block_bytes: int) -> tuple[list[Task], list[FileItem]]:
    """Each corpus cut into blocks and counted on the workers; a corpus that cannot be read is one
    input-error row."""
    planned: list[tuple[Corpus, list[corpus.Block]]] = []
    unreadable: list[FileItem] = []
    for c in corpora:
        try:
            planned.append((c, corpus.plan(c, block_bytes)))
        except OSError as exc:
            unreadable.append(_unreadable(c, exc))
    flat = [b for _, blocks in planned for b in blocks]
    futures = client.map(corpus.count, flat, limit=limit, retries=RETRIES, pure=False)
    counts = iter(futures)
    blocks: list[tuple[corpus.Block, tuple[int, int]]] = []
    for c, plan in planned:
        mine = [next(counts) for _ in plan]
        try:
            found = client.gather(mine)
        except Exception as exc:  # noqa: BLE001 - the corpus becomes its row, with the reason
            unreadable.append(_unreadable(c, exc))
            continue
        blocks += [(b, n) for b, n in zip(corpus.numbered(plan, found), found, strict=True)]
    return [Task(0, block=b, lines=lines, articles=n) for b, (lines, n) in blocks if n], unreadable


def _unreadable(c: Corpus, exc: BaseException) -> FileItem:
    return FileItem(c.location, c.name, "unreadable", f"cannot read the corpus ({type(exc).__name__}: {exc})")


def _tasks(files: list[FileItem], blocks: list[Task], written: dict, per_task: int) -> list[Task]:
    tasks = [Task(0, files=tuple(files[i : i + per_task])) for i in range(0, len(files), per_task)]
    tasks += blocks
    lines = _written_lines(written, {t.block.corpus.location for t in blocks})
    return [replace(t, index=k, written=_written_in(t, written, lines)) for k, t in enumerate(tasks)]


def _written_lines(written: dict, corpora: set[str]) -> dict[str, list[int]]:
    """The line numbers already written of each corpus, sorted (a corpus line's key is 'location:line')."""
    lines: dict[str, list[int]] = {}
    for key in written:
        location, _, number = key.rpartition(":")
        if location in corpora and number.isdigit():
            lines.setdefault(location, []).append(int(number))
    return {location: sorted(numbers) for location, numbers in lines.items()}


def _written_in(task: Task, written: dict, lines: dict[str, list[int]]) -> dict:
    """The part of ``written`` a task needs: its own files'."""
    from bisect import bisect_left

    if task.files:
        return {i.key: written[i.key] for i in task.files if i.key in written}
    location, first = task.block.corpus.location, task.block.first_line
    numbers = lines.get(location, [])
    mine = numbers[bisect_left(numbers, first) : bisect_left(numbers, first + task.lines)]
    return {f"{location}:{n}": written[f"{location}:{n}"] for n in mine}


def _follow(client, tasks: list[Task], settings: Settings, limit: int, progress) -> tuple[list[Done], int]:
    """Run the tasks to the end, splitting the ones that keep failing; (their results, rows lost)."""
    from distributed import as_completed

    futures = client.map(run_task, tasks, settings=settings, retries=RETRIES, pure=False)
    waiting = dict(zip(futures, tasks, strict=True))
    queue = as_completed(futures)
    next_index = len(tasks)
    results: list[Done] = []
    lost_rows = rows = 0
    for future in queue:
        task = waiting.pop(future)
        try:
            done = future.result()
        except Exception as exc:  # noqa: BLE001 - a task that failed past its retries (or KilledWorker)
            why = f"every worker that checked it failed ({type(exc).__name__}: {exc})"
            if task.size > 1:
                parts = _split(task, next_index, limit)
                if parts:
                    next_index += len(parts)
                    more = client.map(run_task, parts, settings=settings, retries=RETRIES, pure=False)
                    waiting.update(zip(more, parts, strict=True))
                    queue.update(more)
                    future.release()
                    continue
            done = lost(task, settings, why)
            lost_rows += done.written
        future.release()
        results.append(done)
        rows += done.written + done.skipped
        progress(rows)
    return results, lost_rows


def _split(task: Task, start: int, limit: int) -> list[Task]:
    """One task a file (a corpus block read again on the client, one task a line); [] if unreadable."""
    if task.files:
        singles = [Task(0, files=(item,)) for item in task.files]
    else:
        try:
            singles = [Task(0, block=b, lines=1, articles=1) for b in corpus.single_lines(task.block, limit)]
        except OSError:
            return []
    return [
        replace(t, index=start + k, written={key: h for key, h in task.written.items() if _holds(t, key)})
        for k, t in enumerate(singles)
    ]


def _holds(task: Task, key: str) -> bool:
    if task.files:
        return task.files[0].key == key
    return key == f"{task.block.corpus.location}:{task.block.first_line}"
