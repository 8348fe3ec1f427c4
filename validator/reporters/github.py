"""GitHub Actions annotations: one workflow command a finding, then a summary line.

A line such as ``::error file=a.yaml,line=3,col=5,title=CH01 percent-change::...``
printed by a step becomes an annotation on that line of the file in the pull
request. Consistent claims (level none) and suppressed findings make none.

Escaping follows actions/toolkit (packages/core/src/command.ts): the runner
reads a command up to the end of the line, splits properties on ',' and a
property from the message on '::', so the message escapes '%', CR and LF, and
property values also ':' and ','. '%' goes first, or the escapes themselves
would be escaped again.

GitHub shows at most 10 annotations of each level per step (50 a job); the rest
stay in the log only, which is why the summary line counts them all.
"""

from __future__ import annotations

from validator.check import FileReport
from validator.findings import Finding, Level, Verdict
from validator.reporters import Reporter, Summary, details, printable

COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def escape_data(text: str) -> str:
    """The runner's escapes, after control characters are made visible (the log is a terminal)."""
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    """The workflow command for one finding; the message keeps its arithmetic as escaped lines."""
    properties = {
        "file": finding.file,
        "line": str(finding.line),
        "col": str(finding.column),
        "title": f"{finding.code} {finding.rule}",
    }
    head = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[finding.level]} {head}::{escape_data(details(finding))}"


class GithubReporter(Reporter):
    name = "github"

    def start(self) -> None:
        self.counts = {command: 0 for command in COMMANDS.values()}

    def file(self, report: FileReport) -> None:
        for finding in report.findings:
            if finding.level is Level.NONE or finding.suppressed is not None:
                continue
            self.counts[COMMANDS[finding.level]] += 1
            self.out.write(annotation(finding) + "\n")

    def finish(self, summary: Summary) -> None:
        v = summary.verdicts
        parts = [
            _count(v[Verdict.INCONSISTENT], "inconsistent"),
            _count(v[Verdict.DOUBTFUL], "doubtful"),
            _count(v[Verdict.AMBIGUOUS], "ambiguous"),
            _count(v[Verdict.UNVERIFIABLE], "unverifiable"),
            _count(v[Verdict.CONSISTENT], "consistent"),
            _count(summary.suppressed, "suppressed"),
            _count(summary.input_errors, "input error", "input errors"),
        ]
        if summary.notice_counts():
            parts.insert(-1, summary.notice_counts())
        shown = ", ".join(_count(n, command, command + "s") for command, n in self.counts.items())
        claims = _count(summary.claims, "claim", "claims")
        files = _count(summary.files, "file", "files")
        # Plain text, not a command: it must not start with '::'.
        self.out.write(f"validate: {claims} in {files}: {', '.join(parts)} (annotations: {shown})\n")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 or many is None else many}"
