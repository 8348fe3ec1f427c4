"""One task of an archive run, on a worker: read each file where it lies, check it with the code
``validate`` uses, and write the task's rows.

Local files are read through :func:`validator.loader.read_text` (so its limits apply), URLs through
fsspec with the same limit. A file that cannot be read is a row with its input error, never a lost
file; a file whose key and content hash are already written (``--resume``) is passed over.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from validator import loader
from validator.archive.corpus import Block, Fields, article, lines_of
from validator.archive.items import FileItem, is_url
from validator.archive.table import Origin, Output, Rows
from validator.check import FileReport, check_path, check_text
from validator.config import Config
from validator.findings import input_error


@dataclass(frozen=True)
class Settings:
    """What every task of a run shares."""

    config: Config
    output: str
    run: str
    published: dt.date | None = None
    fields: Fields = Fields()


@dataclass(frozen=True)
class Task:
    """Files to check, or one block of a corpus; ``written`` maps the keys of its files already
    written (``--resume``) to their content hashes."""

    index: int
    files: tuple[FileItem, ...] = ()
    block: Block | None = None
    written: dict[str, str | None] = field(default_factory=dict)
    articles: int = 0  # the block's articles (lines not blank), from counting it
    lines: int = 0  # the block's lines

    @property
    def size(self) -> int:
        """How many rows it makes."""
        return len(self.files) if self.files else self.articles


@dataclass(frozen=True)
class Done:
    index: int
    written: int
    skipped: int


def run_task(task: Task, settings: Settings) -> Done:
    """Check the task's files and write its rows: the function Dask runs (and retries)."""
    from validator.parallel import batch_gc

    rows = Rows(settings.run)
    with batch_gc():
        skipped = _files(task, settings, rows) if task.files else _lines(task, settings, rows)
    if rows.count():  # a task whose files were all written before (--resume) leaves no part
        Output(settings.output).write_part(rows, task.index)
    return Done(task.index, rows.count(), skipped)


def lost(task: Task, settings: Settings, why: str) -> Done:
    """Rows for files no worker could check (each worker that tried died): an internal error each."""
    rows = Rows(settings.run)
    message = f"internal error: {why}; please report it"
    for origin, name in _entries(task):
        rows.add(FileReport(name, [input_error(name, 1, 1, message, "IN99")]), origin, 0.0)
    Output(settings.output).write_part(rows, task.index)
    return Done(task.index, rows.count(), 0)


def _entries(task: Task):
    """(origin, name) of each file of the task. The driver splits a block into its lines first; only
    a block it could not read again comes here whole, its articles numbered from its first line."""
    for item in task.files:
        yield Origin(item.key, None, item.name, None, item.kind), item.name
    if task.block is not None:
        corpus = task.block.corpus
        for number in range(task.block.first_line, task.block.first_line + task.articles):
            yield Origin(f"{corpus.location}:{number}", None, corpus.name, number, "article"), f"{corpus.name}:{number}"


def _files(task: Task, settings: Settings, rows: Rows) -> int:
    from validator.references import Resolver

    config = settings.config
    limits = loader.Limits(max_bytes=config.settings.max_file_bytes)
    resolver = Resolver(limits)
    skipped = 0
    for item in task.files:
        start = time.perf_counter()
        text = _read(item, limits)
        digest = _hash(text.encode("utf-8")) if isinstance(text, str) else None
        if digest is not None and task.written.get(item.key) == digest:
            skipped += 1
            continue
        report = _check(item, text, settings, resolver)
        rows.add(report, Origin(item.key, digest, item.name, None, item.kind), time.perf_counter() - start)
    return skipped


def _read(item: FileItem, limits: loader.Limits) -> str | loader.LoadError:
    try:
        if item.kind == "unreadable":
            raise loader.LoadError(item.why or "unreadable", code="IN05")
        return read_url(item.key, limits) if is_url(item.key) else loader.read_text(Path(item.key), limits)
    except loader.LoadError as exc:
        return exc


def _check(item: FileItem, text: str | loader.LoadError, settings: Settings, resolver) -> FileReport:
    if isinstance(text, loader.LoadError):
        return failed(item.name, text)
    if item.kind == "article":
        from validator.extract import check_article

        return check_article(text, item.name, settings.config, settings.published)
    if is_url(item.key):  # references to other sheets (same_as) are followed on local disks only
        return _guarded(item.name, lambda: check_text(text, item.name, settings.config))
    report = check_path(Path(item.key), settings.config, resolver)
    # check_path names the file relative to this worker's folder; reports name it as the user did.
    report.file = item.name
    for f in report.findings:
        f.file = item.name
    return report


def _guarded(name: str, check) -> FileReport:
    """As check_path does for a local sheet: a bug of ours on one file is that file's IN99 finding."""
    try:
        return check()
    except RecursionError:
        return failed(name, loader.LoadError("the fact sheet is nested too deeply to check", None, "IN06"))
    except Exception as exc:  # noqa: BLE001 - reported, never swallowed
        message = f"internal error while checking this file ({type(exc).__name__}: {exc}); please report it"
        return failed(name, loader.LoadError(message, None, "IN99"))


def _lines(task: Task, settings: Settings, rows: Rows) -> int:
    from validator.extract import check_article

    block, config = task.block, settings.config
    limit = config.settings.max_file_bytes
    skipped = 0
    for k, (_, line) in enumerate(lines_of(block, limit)):
        if line is not None and not line.strip():
            continue  # a blank line is no article
        start = time.perf_counter()
        number = block.first_line + k
        key, name = f"{block.corpus.location}:{number}", f"{block.corpus.name}:{number}"
        digest = _hash(line) if line is not None else None
        if digest is not None and task.written.get(key) == digest:
            skipped += 1
            continue
        try:
            found = article(line, name, settings.fields, limit, settings.published)
            report = check_article(found.text, found.name, config, found.published)
        except loader.LoadError as exc:
            report = failed(getattr(exc, "name", name), exc)
        rows.add(report, Origin(key, digest, block.corpus.name, number, "article"), time.perf_counter() - start)
    return skipped


def read_url(url: str, limits: loader.Limits) -> str:
    """The text at a URL, read through fsspec, with the limits of a local file."""
    import fsspec

    try:
        with fsspec.open(url, "rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise loader.LoadError("no such file", code="IN05") from None
    except (OSError, ValueError) as exc:
        raise loader.LoadError(f"cannot read the file: {exc}", code="IN05") from None
    if len(data) > limits.max_bytes:
        raise loader.LoadError(
            f"file is more than {limits.max_bytes:,} bytes, the limit (set max-file-bytes to raise it)", code="IN06"
        )
    return loader.decode(data)


def failed(name: str, exc: loader.LoadError) -> FileReport:
    position = exc.position or loader.Position(1, 1)
    return FileReport(name, [input_error(name, position.line, position.column, exc.message, exc.code)])


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
