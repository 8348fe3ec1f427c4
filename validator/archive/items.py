"""What an archive run checks, gathered on the client: files, folders, glob patterns, listings of paths,
fsspec URLs (``s3://...``) and JSON Lines corpora of articles.

Each file becomes a :class:`FileItem`; each corpus a :class:`Corpus`, which the workers read in blocks
of lines (:mod:`validator.archive.corpus`). Every item has a *key*, the absolute path or the URL, by
which ``--resume`` knows it, and a *name*, as reports call it (the path as given, like ``validate``).
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

from validator.loader import display_path
from validator.run import ARTICLE_SUFFIXES, SEARCHED_SUFFIXES

CORPUS_SUFFIXES = frozenset({".jsonl", ".ndjson"})


class InputError(Exception):
    """Inputs that cannot be gathered at all (an unreadable listing, an unreachable file system): exit 2."""


@dataclass(frozen=True)
class FileItem:
    """One fact sheet or article; ``why`` (with kind ``unreadable``) says why there is nothing to read
    (a folder or pattern with nothing in it, a corpus that cannot be read): an input error."""

    key: str
    name: str
    kind: str  # "sheet", "article" or "unreadable"
    why: str | None = None


@dataclass(frozen=True)
class Corpus:
    """A JSON Lines file of articles, one object a line; ``compression`` as fsspec infers it."""

    location: str  # an absolute path or a URL
    name: str
    compression: str | None = None

    @property
    def is_url(self) -> bool:
        return is_url(self.location)


def is_url(location: str) -> bool:
    return "://" in location


def kind_of(name: str) -> str:
    """'corpus', 'article' or 'sheet', from the name's suffixes (a sheet unless it says otherwise)."""
    from fsspec.utils import infer_compression

    stem = name[: name.rfind(".")] if infer_compression(name) else name
    suffix = os.path.splitext(stem)[1].lower()
    if suffix in CORPUS_SUFFIXES:
        return "corpus"
    if stem is name and suffix in ARTICLE_SUFFIXES:
        return "article"
    return "sheet"


def wanted(name: str) -> bool:
    """Whether a folder search keeps this file: fact sheets, articles and corpora."""
    suffix = os.path.splitext(name)[1].lower()
    return suffix in SEARCHED_SUFFIXES or suffix in ARTICLE_SUFFIXES or kind_of(name) == "corpus"


def listed(listing: str) -> list[str]:
    """The paths in a listing file, one a line (blank lines are passed over); ``-`` reads standard input."""
    import sys

    try:
        text = sys.stdin.read() if listing == "-" else Path(listing).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"--files-from {listing}: cannot read the listing ({exc})") from None
    return [line.strip() for line in text.splitlines() if line.strip()]


def collect(inputs: list[str], config) -> tuple[list[FileItem], list[Corpus]]:
    """The files and corpora named by ``inputs``, once each, in order.

    As with ``validate``: files found by searching folders or patterns obey the configured
    ``exclude``, a file named outright is always checked (a missing one is reported by the
    worker that reads it), and a folder or pattern with nothing in it is itself an input error.
    """
    files: list[FileItem] = []
    corpora: list[Corpus] = []
    seen: set[str] = set()

    def add(key: str, name: str, compression: str | None = None) -> None:
        if key in seen:
            return
        seen.add(key)
        kind = kind_of(name)
        if kind == "corpus":
            corpora.append(Corpus(key, name, compression))
        else:
            files.append(FileItem(key, name, kind))

    for raw in inputs:
        found = _expand_url(raw) if is_url(raw) else _expand_local(raw, config)
        if isinstance(found, str):
            files.append(FileItem(raw, raw, "unreadable", f"nothing to check here: {found}"))
            continue
        for key, name in found:
            add(key, name, _compression(name))
    return files, corpora


def _compression(name: str) -> str | None:
    from fsspec.utils import infer_compression

    return infer_compression(name)


def _expand_local(raw: str, config) -> list[tuple[str, str]] | str:
    """(key, name) pairs, or why a folder or pattern holds nothing to check."""
    path = Path(raw)
    if path.is_dir():
        searched = not config.excluded(path)
        candidates = [p for p in sorted(path.rglob("*")) if wanted(p.name) and p.is_file()]
        kept = [p for p in candidates if not (searched and config.excluded(p))]
        if not kept:
            return (
                "every file in it is excluded by the configuration"
                if candidates
                else "the folder holds no fact sheet (*.yaml, *.yml), article (*.txt, *.md, *.html) or corpus (*.jsonl)"
            )
        return [_local(p) for p in kept]
    if not path.exists() and glob.has_magic(raw):
        matches = [Path(m) for m in sorted(glob.glob(raw, recursive=True)) if Path(m).is_file()]
        kept = [p for p in matches if not config.excluded(p)]
        if not kept:
            return (
                "every file it matches is excluded by the configuration" if matches else "nothing matches the pattern"
            )
        return [_local(p) for p in kept]
    return [_local(path)]


def _local(path: Path) -> tuple[str, str]:
    return str(path.resolve()), display_path(path)


def _expand_url(raw: str) -> list[tuple[str, str]] | str:
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(raw)
        if glob.has_magic(path):
            names = sorted(p for p in fs.glob(path) if fs.isfile(p))
            return [(fs.unstrip_protocol(p),) * 2 for p in names] or "nothing matches the pattern"
        if fs.isdir(path):
            names = sorted(p for p in fs.find(path) if wanted(p.rsplit("/", 1)[-1]))
            return [(fs.unstrip_protocol(p),) * 2 for p in names] or "the folder holds nothing to check"
    except (ImportError, ValueError) as exc:  # an unknown protocol, or its package not installed
        raise InputError(f"{raw}: {exc}") from None
    except OSError as exc:
        return f"cannot list it ({exc})"
    return [(raw, raw)]
