"""Reporters: one small class a format, registered by name for ``--format``.

A reporter receives each file's :class:`~validator.check.FileReport` as soon as
the file is checked (so output streams and memory stays flat), then the
:class:`Summary`. Reporter modules are imported only when chosen.
"""

from __future__ import annotations

import importlib
import os
import re
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, ClassVar

from validator.findings import Finding, Level, Verdict

if TYPE_CHECKING:  # the registry stays cheap to import: the CLI reads its names at start-up
    from validator.check import FileReport

# name -> "module:Class"; the order is the order of --format choices.
REGISTRY: dict[str, str] = {
    "text": "validator.reporters.text:TextReporter",
    "json": "validator.reporters.json:JsonReporter",
    "github": "validator.reporters.github:GithubReporter",
    "sarif": "validator.reporters.sarif:SarifReporter",
    "junit": "validator.reporters.junit:JunitReporter",
    "html": "validator.reporters.html:HtmlReporter",
}


@dataclass
class Summary:
    files: int = 0
    claims: int = 0
    verdicts: dict[Verdict, int] = field(default_factory=lambda: {v: 0 for v in Verdict})
    levels: dict[Level, int] = field(default_factory=lambda: {lv: 0 for lv in Level})
    input_errors: int = 0
    files_with_input_errors: int = 0
    suppressed: int = 0
    # Findings about a sheet or an article rather than a claim (an unused suppression, NQ01; an
    # article without a date, DT00), by their level.
    notices: dict[Level, int] = field(default_factory=lambda: {lv: 0 for lv in Level})

    def add(self, report: FileReport) -> None:
        self.files += 1
        self.claims += report.claims
        if report.input_errors:
            self.files_with_input_errors += 1
        for f in report.findings:
            if f.is_input_error:
                self.input_errors += 1
                continue
            if f.suppressed is not None:
                self.suppressed += 1
                continue
            if f.verdict is not None:
                self.verdicts[f.verdict] += 1
            else:
                self.notices[f.level] += 1
            self.levels[f.level] += 1

    def notice_counts(self) -> str:
        """'1 warning, 2 notices': the findings that are not about a claim, by level ('' when none)."""
        parts = []
        for level in (Level.ERROR, Level.WARNING, Level.INFO):
            n = self.notices[level]
            if n:
                word = notice_word(level)
                parts.append(f"{n} {word}{'s' if n != 1 else ''}")
        return ", ".join(parts)

    def exit_code(self, strict: bool = False) -> int:
        """0 clean, 1 an error (or with --strict a warning), 2 input that could not be checked."""
        if self.input_errors:
            return 2
        if self.levels[Level.ERROR] or (strict and self.levels[Level.WARNING]):
            return 1
        return 0


class Reporter:
    """Base reporter: subclasses write each file and the summary to ``out``."""

    name: ClassVar[str]

    def __init__(self, out: IO[str], color: bool = False, show_consistent: bool = True):
        self.out = out
        self.color = color
        self.show_consistent = show_consistent

    def start(self) -> None:
        """Called once before the first file."""

    def file(self, report: FileReport) -> None:
        """Called once a file, as soon as it is checked."""

    def finish(self, summary: Summary) -> None:
        """Called once after the last file."""


def notice_word(level: Level) -> str:
    """How a finding that is not about a claim is called at its level: error, warning or notice."""
    return "notice" if level in (Level.INFO, Level.NONE) else level.value


def details(finding: Finding) -> str:
    """The message, then the arithmetic, then the suggestion, one per line.

    Formats read by machines carry a single text per finding; this keeps the
    working in it, so a CI annotation shows why a claim fails, not only that it does.
    """
    lines = [finding.message, *finding.arithmetic]
    if finding.suggestion:
        lines.append(finding.suggestion)
    return "\n".join(lines)


# Control characters (C0 but tab and line breaks, DEL, C1) and the bidirectional embeddings,
# overrides and isolates: text from a fact sheet (quote: "\e[1A\e[2K" in YAML) must not
# move a terminal's cursor, recolour it, or reorder what a reader sees.
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with its control characters written visibly ('\\x1b', '\\u202e')."""
    return UNPRINTABLE.sub(lambda m: ascii(m.group())[1:-1], text)


def names() -> list[str]:
    return list(REGISTRY)


def get(name: str) -> type[Reporter]:
    module, _, cls = REGISTRY[name].partition(":")
    return getattr(importlib.import_module(module), cls)


def color_wanted(choice: str, stream: IO[str]) -> bool:
    """--color auto: only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
