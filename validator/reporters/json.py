"""Machine-readable findings: one JSON document, written file by file."""

from __future__ import annotations

import json

from validator import __version__
from validator.check import FileReport
from validator.findings import Level
from validator.reporters import UNPRINTABLE, Reporter, Summary


def dumps(value) -> str:
    """JSON with text as written (not ASCII-escaped), except the characters a terminal would act
    on, written as \\u escapes: the same data for a parser, nothing active for a reader."""
    return UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


class JsonReporter(Reporter):
    name = "json"

    def start(self) -> None:
        self.out.write(f'{{"tool": "validate", "version": {json.dumps(__version__)}, "files": [')
        self.first = True

    def file(self, report: FileReport) -> None:
        entry = {
            "file": report.file,
            "claims": report.claims,
            "findings": [f.to_dict() for f in report.findings],
        }
        self.out.write(("\n" if self.first else ",\n") + dumps(entry))
        self.first = False

    def finish(self, summary: Summary) -> None:
        counts = {
            "files": summary.files,
            "claims": summary.claims,
            "verdicts": {k.value: n for k, n in summary.verdicts.items()},
            "levels": {k.value: n for k, n in summary.levels.items()},
            "input_errors": summary.input_errors,
            "suppressed": summary.suppressed,
            "notices": {k.value: n for k, n in summary.notices.items() if k is not Level.NONE},
        }
        self.out.write(f'\n], "summary": {json.dumps(counts)}}}\n')
