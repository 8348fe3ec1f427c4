"""The Python API: load fact sheets, check them, get findings as objects.

    from validator.api import validate
    run = validate(["fixtures/"])
    for finding in run.findings:
        print(finding.file, finding.line, finding.code, finding.verdict, finding.message)
    print(run.exit_code)

Everything here is what the ``validate`` command uses; see the README.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from validator.check import FileReport, check_path, check_text
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


def iter_reports(paths: Iterable[str | Path], config: Config | None = None) -> Iterator[FileReport]:
    """Check files, folders and patterns one at a time, as the command does (streaming)."""
    from validator.cli import NothingFound, collect, nothing_found
    from validator.loader import Limits
    from validator.references import Resolver

    config = config or load_config()
    resolver = Resolver(Limits(max_bytes=config.settings.max_file_bytes), config.read_folders)
    for path in collect([str(p) for p in paths], config, report_empty=True):
        yield nothing_found(path) if isinstance(path, NothingFound) else check_path(path, config, resolver)


def validate(paths: Iterable[str | Path], config: Config | None = None, strict: bool = False) -> Run:
    """Check every fact sheet under ``paths``; the configuration is discovered unless given."""
    return Run(list(iter_reports(paths, config)), strict)


def check_article(
    text: str, name: str = "article.txt", config: Config | None = None, published: date | None = None
) -> FileReport:
    """Check an article's own text (as ``validate ARTICLE.txt`` does): its claims are read from
    the text, and each finding points at the article's line and column."""
    from validator.extract import check_article as check

    return check(text, name, config or Config(), published)


def load(path: str | Path) -> FactSheet:
    """Read one fact sheet into its model (raises ``validator.loader.LoadError`` or pydantic's ValidationError)."""
    from validator import loader

    root = loader.compose(loader.read_text(Path(path)))
    if root is None:
        raise loader.LoadError("empty file", loader.Position(1, 1), "IN02")
    return FactSheet.model_validate(loader.to_data(root))
