"""The Python API: load fact sheets, check them and articles, get findings as objects.

    from validator.api import validate
    run = validate(["fixtures/"])
    for finding in run.findings:
        print(finding.file, finding.line, finding.code, finding.verdict, finding.message)
    print(run.exit_code)

Everything here goes the way the ``validate`` command goes (:mod:`validator.run`):
the same paths give the same findings; see the README.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from validator import check, run
from validator.check import FileReport
from validator.config import Config, Settings
from validator.config import load as load_config
from validator.findings import Finding, Level, Verdict
from validator.models import FactSheet
from validator.policy import Policy

__all__ = [
    "Config",
    "FactSheet",
    "FileReport",
    "Finding",
    "Level",
    "Policy",
    "Run",
    "Settings",
    "Verdict",
    "check_article",
    "check_text",
    "iter_reports",
    "load",
    "load_config",
    "validate",
]


@dataclass
class Run:
    """The reports of one run, in the order the files were checked."""

    reports: list[FileReport] = field(default_factory=list)
    strict: bool = False

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.reports for f in r.findings]

    @property
    def exit_code(self) -> int:
        from validator.reporters import Summary

        summary = Summary()
        for report in self.reports:
            summary.add(report)
        return summary.exit_code(self.strict)


def iter_reports(
    paths: Iterable[str | Path], config: Config | None = None, published: dt.date | None = None
) -> Iterator[FileReport]:
    """Check files, folders and patterns one at a time, in order, as the command does (streaming):
    fact sheets, and articles' own text (``.txt``, ``.md``, ``.html``; ``published`` is their
    publication date, as ``--published`` gives it)."""
    config = config or load_config()
    checker = run.Checker(config, published)
    for item in run.collect([str(p) for p in paths], config, report_empty=True):
        yield checker(item)


def validate(
    paths: Iterable[str | Path], config: Config | None = None, strict: bool = False, published: dt.date | None = None
) -> Run:
    """Check every fact sheet and article under ``paths``; the configuration is discovered unless given."""
    return Run(list(iter_reports(paths, config, published)), strict)


def check_text(
    text: str, name: str = "<text>", config: Config | None = None, published: dt.date | None = None
) -> FileReport:
    """Check a fact sheet, or an article, given as a string.

    ``name`` is how the report calls it (its findings' ``file``) and, by its
    suffix, says what it is: an article's text for ``.txt``, ``.md``, ``.html``
    (``published`` is then its publication date), a fact sheet otherwise.
    A sheet given as a string has no folder, so its ``same_as`` references
    cannot be followed (they are input errors).
    """
    config = config or Config()
    if run.kind_of(name) == "article":
        return run.check_article(text, name, config, published)
    return check.check_text(text, name, config)


def check_article(
    text: str, name: str = "article.txt", config: Config | None = None, published: dt.date | None = None
) -> FileReport:
    """Check an article's own text (as ``validate ARTICLE.txt`` does): its claims are read from
    the text, and each finding points at the article's line and column."""
    return run.check_article(text, name, config or Config(), published)


def load(path: str | Path) -> FactSheet:
    """Read one fact sheet into its model (raises ``validator.loader.LoadError`` or pydantic's ValidationError)."""
    from validator import loader

    root = loader.compose(loader.read_text(Path(path)))
    if root is None:
        raise loader.LoadError("empty file", loader.Position(1, 1), "IN02")
    return FactSheet.model_validate(loader.to_data(root))
