"""The one way in: which files a run checks, what each one is, and its report.

The command (``validate``), the Python API (:mod:`validator.api`) and ``--jobs``
all come through here, so the same paths give the same reports whichever way
they are checked:

* :func:`collect` turns paths (files, folders, glob patterns) into the files
  to check, in order, each once;
* :class:`Checker` checks one of them by what it is: a fact sheet (``.yaml``,
  ``.yml``, ``.json``), an article's own text (``.txt``, ``.md``, ``.html``...),
  or anything else, which is an input error that names its type;
* :func:`check_all` checks them all, in one process or several, and yields
  the reports in the order of the files.
"""

from __future__ import annotations

import datetime as dt
import glob
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from validator import loader
from validator.check import FileReport, check_path
from validator.config import Config
from validator.findings import input_error

# What a file is, by its suffix. Folders are searched for fact sheets only: an article's
# text often sits beside its sheet (article.text) and is checked through it.
SHEET_SUFFIXES = (".yaml", ".yml", ".json")
SEARCHED_SUFFIXES = (".yaml", ".yml")
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True)
class NothingFound:
    """A folder or pattern that was named but holds no fact sheet: reported as an input error,
    never passed over in silence (a run that checks nothing must not look like a clean one)."""

    path: Path
    why: str


def collect(paths: list[str], config: Config, report_empty: bool = False) -> list[Path | NothingFound]:
    """Files, folders (their *.yaml and *.yml, recursively) and glob patterns, once each, in order.

    Files found by searching folders or patterns obey the configured ``exclude``;
    a file named outright is always checked, and so is a folder named outright
    that is itself excluded (``validate fixtures/broken``). With ``report_empty``,
    a folder or pattern in which nothing is found is returned as a :class:`NothingFound`.
    """
    seen: set[Path] = set()
    out: list[Path | NothingFound] = []

    def add(p: Path, searched: bool) -> bool:
        key = p.resolve()
        if searched and config.excluded(p):
            return False
        if key not in seen:
            seen.add(key)
            out.append(p)
        return True

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            searched = not config.excluded(path)
            sheets = [p for p in sorted(path.rglob("*")) if p.suffix in SEARCHED_SUFFIXES and p.is_file()]
            found = [add(p, searched) for p in sheets]
            if report_empty and not any(found):
                why = (
                    "every fact sheet in it is excluded by the configuration"
                    if sheets
                    else "the folder holds no *.yaml or *.yml file"
                )
                out.append(NothingFound(path, why))
        elif not path.exists() and glob.has_magic(raw):
            matches = [Path(m) for m in sorted(glob.glob(raw, recursive=True)) if Path(m).is_file()]
            found = [add(p, True) for p in matches]
            if report_empty and not any(found):
                why = (
                    "every file it matches is excluded by the configuration"
                    if matches
                    else "nothing matches the pattern"
                )
                out.append(NothingFound(path, why))
        else:
            add(path, False)  # a missing file is reported by the checker, with the others still checked
    return out


def kind_of(name: str) -> str | None:
    """'sheet', 'article', or None for a file type the validator does not read, by its suffix."""
    suffix = Path(name).suffix.lower()
    if suffix in SHEET_SUFFIXES:
        return "sheet"
    if suffix in ARTICLE_SUFFIXES:
        return "article"
    return None


def unsupported(name: str) -> str:
    suffix = Path(name).suffix
    what = f"'{suffix}'" if suffix else "a file without a suffix"
    return (
        f"unsupported file type ({what}): validate checks fact sheets ({', '.join(SHEET_SUFFIXES)}) and "
        f"articles' text ({', '.join(ARTICLE_SUFFIXES)})"
    )


class Checker:
    """Checks one collected item at a time with one configuration; what it keeps between files
    (other sheets read for ``same_as``) is shared by the whole run."""

    def __init__(self, config: Config, published: dt.date | None = None):
        from validator.references import Resolver

        self.config = config
        self.published = published
        self.limits = loader.Limits(max_bytes=config.settings.max_file_bytes)
        self.resolver = Resolver(self.limits, config.read_folders)

    def __call__(self, item: Path | NothingFound) -> FileReport:
        if isinstance(item, NothingFound):
            name = loader.display_path(item.path)
            return FileReport(name, [input_error(name, 1, 1, f"no fact sheets here: {item.why}", "IN05")])
        kind = kind_of(item.name)
        if kind == "article":
            return self._article(item)
        if kind is None and item.is_file():
            name = loader.display_path(item)
            return FileReport(name, [input_error(name, 1, 1, unsupported(item.name), "IN05")])
        return check_path(item, self.config, self.resolver)  # a sheet, or a path that cannot be read

    def _article(self, path: Path) -> FileReport:
        name = loader.display_path(path)
        try:
            text = loader.read_text(path, self.limits)
        except loader.LoadError as exc:
            position = exc.position or loader.Position(1, 1)
            return FileReport(name, [input_error(name, position.line, position.column, exc.message, exc.code)])
        report = check_article(text, name, self.config, self.published)
        report.path = path
        return report


def check_article(text: str, name: str, config: Config, published: dt.date | None = None) -> FileReport:
    """An article's text checked (its fact sheet built from it in memory)."""
    from validator.extract import check_article as check

    return check(text, name, config, published)


def check_all(
    files: list[Path | NothingFound], config: Config, jobs: int = 1, published: dt.date | None = None
) -> Iterator[FileReport]:
    """Each file's report, in the order of ``files``; ``jobs`` processes share the work."""
    from validator.parallel import map_in_order

    yield from map_in_order(Checker, (config, published), files, jobs)
