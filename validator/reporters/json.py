"""Machine-readable findings: one JSON document, written file by file."""

from __future__ import annotations

import json

from validator import __version__
from validator.check import FileReport
from validator.findings import Level
from validator.reporters import Reporter, Summary


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
        self.out.write(("\n" if self.first else ",\n") + json.dumps(entry, ensure_ascii=False))
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
