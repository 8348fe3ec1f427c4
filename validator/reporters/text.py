"""The default report, for people: file by file, claim by claim, then one summary line."""

from __future__ import annotations

import textwrap

from validator.check import FileReport
from validator.findings import Finding, Level, Verdict
from validator.reporters import Reporter, Summary, notice_word, printable

MARKS = {
    Verdict.CONSISTENT: ("✓", "ok", "green"),
    Verdict.INCONSISTENT: ("✗", "XX", "red"),
    Verdict.DOUBTFUL: ("~", "~~", "yellow"),
    Verdict.AMBIGUOUS: ("?", "??", "yellow"),
    Verdict.UNVERIFIABLE: ("·", "..", "cyan"),
    None: ("✗", "XX", "red"),
}
NOTICE_MARKS = {Level.ERROR: ("✗", "XX", "red"), Level.WARNING: ("!", "!!", "yellow"), Level.INFO: ("·", "..", "cyan")}
WIDTH = 100


class TextReporter(Reporter):
    name = "text"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        encoding = (getattr(self.out, "encoding", None) or "utf-8").lower()
        self.unicode = encoding.replace("-", "").startswith("utf")

    def _style(self, text: str, **style) -> str:
        if not self.color:
            return text
        import click

        return click.style(text, **style)

    def file(self, report: FileReport) -> None:
        shown = [f for f in report.findings if self.show_consistent or f.verdict is not Verdict.CONSISTENT]
        if not shown:
            return
        self.out.write(self._style(printable(report.file).replace("\r", "\\r"), bold=True) + "\n")
        for finding in shown:
            self._finding(finding)
        self.out.write("\n")

    def _finding(self, f: Finding) -> None:
        if f.verdict is None and not f.is_input_error:  # a notice or warning of the engine, not about a claim
            mark, ascii_mark, colour = NOTICE_MARKS.get(f.level, NOTICE_MARKS[Level.INFO])
            verdict = notice_word(f.level)
        else:
            mark, ascii_mark, colour = MARKS[f.verdict]
            verdict = f.verdict.value if f.verdict else "input error"
        mark = mark if self.unicode else ascii_mark
        if f.suppressed is not None:
            verdict, colour = f"suppressed {verdict}", "bright_black"
        where = f"{f.line}:{f.column}"
        head = f"  {where:<8} {self._style(mark + ' ' + verdict, fg=colour, bold=True)}  {f.code} {f.rule}"
        self.out.write(head + "\n")
        indent = " " * 11
        if f.quote:
            self.out.write(_wrap(f'"{f.quote}"', indent) + "\n")
        self.out.write(_wrap(f.message, indent) + "\n")
        for line in f.arithmetic:
            self.out.write(_wrap(line, indent + "  ") + "\n")
        if f.suggestion:
            self.out.write(_wrap(f.suggestion, indent) + "\n")
        if f.suppressed is not None:
            self.out.write(_wrap(f"suppressed: {f.suppressed}", indent) + "\n")

    def finish(self, summary: Summary) -> None:
        v = summary.verdicts
        parts = [
            f"{v[Verdict.INCONSISTENT]} inconsistent",
            f"{v[Verdict.DOUBTFUL]} doubtful",
            f"{v[Verdict.AMBIGUOUS]} ambiguous",
            f"{v[Verdict.UNVERIFIABLE]} unverifiable",
            f"{v[Verdict.CONSISTENT]} consistent",
        ]
        if summary.suppressed:
            parts.append(f"{summary.suppressed} suppressed")
        files = f"{summary.files} file{'s' if summary.files != 1 else ''}"
        line = f"{summary.claims} claim{'s' if summary.claims != 1 else ''} in {files}: " + ", ".join(parts)
        if summary.notice_counts():
            line += f"; {summary.notice_counts()}"
        if summary.input_errors:
            line += f"; {summary.input_errors} input error{'s' if summary.input_errors != 1 else ''}"
            line += f" in {summary.files_with_input_errors} file{'s' if summary.files_with_input_errors != 1 else ''}"
        colour = (
            "red"
            if summary.input_errors or summary.levels[Level.ERROR]
            else ("yellow" if summary.levels[Level.WARNING] else "green")
        )
        self.out.write(self._style(line, fg=colour, bold=True) + "\n")


def _wrap(text: str, indent: str) -> str:
    """``text`` on lines of WIDTH (line breaks and tabs as spaces), its control characters visible."""
    return textwrap.fill(
        printable(text), WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    )
