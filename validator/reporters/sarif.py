"""SARIF 2.1.0: the static-analysis log that GitHub code scanning and many editors read.

One run of the ``validate`` tool. ``tool.driver.rules`` lists every rule (so a
viewer can show the documentation of rules that found nothing) and then the
engine and input-error codes that this run actually used. Each finding with a
level becomes a result; suppressed findings stay in, marked with an in-source
suppression, so viewers can show them as dismissed rather than lose them.

A SARIF log is one JSON document whose results sit inside the run, so results
are collected file by file and the document is written in :meth:`finish`.
The output is ASCII (non-ASCII characters escaped as \\u sequences), valid whatever the stream's encoding.
"""

from __future__ import annotations

import inspect
import json
import os
from importlib import metadata
from pathlib import Path
from urllib.parse import quote

from validator import __version__
from validator.check import FileReport
from validator.findings import OTHER_CODES, Finding, Level
from validator.reporters import Reporter, Summary, details

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
DISTRIBUTION = "news-validator"  # the name in pyproject.toml, whose URLs give informationUri
SRCROOT = "%SRCROOT%"
LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}


def information_uri() -> str | None:
    """The project's home page as its package metadata declares it, or None when it declares none."""
    try:
        meta = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or []:
        _, _, url = entry.partition(",")
        if url.strip():
            return url.strip()
    return meta.get("Home-page") or None


def rule_descriptor(cls) -> dict:
    """A reportingDescriptor from a Rule class: its summary, docstring and rendered documentation."""
    doc = inspect.cleandoc(cls.__doc__ or "") or cls.summary
    full = "\n\n".join(" ".join(p.split()) for p in doc.split("\n\n"))
    return {
        "id": cls.code,
        "name": cls.name,
        "shortDescription": {"text": cls.summary},
        "fullDescription": {"text": full},
        "help": {"text": cls.documentation()},
        "defaultConfiguration": {"level": "error"},  # an inconsistent claim; see DEFAULT_LEVEL
    }


def other_descriptor(code: str, name: str) -> dict:
    text = OTHER_CODES.get(code, ("", "The fact sheet could not be checked."))[1]
    level = {"NQ01": "warning", "DT00": "note"}.get(code, "error")  # their default levels
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": text},
        "fullDescription": {"text": text},
        "help": {"text": f"{code} {name}\n\n{text}\n"},
        "defaultConfiguration": {"level": level},
    }


def artifact_location(file: str) -> dict:
    """A URI for the file: relative to %SRCROOT% (the working folder) with '/', or file:// when absolute."""
    path = Path(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(file.replace(os.sep, "/"), safe="/"), "uriBaseId": SRCROOT}


class SarifReporter(Reporter):
    name = "sarif"

    def start(self) -> None:
        from validator import registry

        self.rules = [rule_descriptor(cls) for cls in registry.all_rules()]
        self.index = {rule["id"]: i for i, rule in enumerate(self.rules)}
        self.results: list[dict] = []

    def file(self, report: FileReport) -> None:
        for finding in report.findings:
            if finding.level is not Level.NONE:
                self.results.append(self._result(finding))

    def _rule_index(self, finding: Finding) -> int:
        """The rule's place in driver.rules; codes that are not rules are added when first used."""
        if finding.code not in self.index:
            self.index[finding.code] = len(self.rules)
            self.rules.append(other_descriptor(finding.code, finding.rule))
        return self.index[finding.code]

    def _result(self, f: Finding) -> dict:
        result = {
            "ruleId": f.code,
            "ruleIndex": self._rule_index(f),
            "level": LEVELS[f.level],
            "message": {"text": details(f)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": artifact_location(f.file),
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
        }
        if f.suppressed is not None:
            result["suppressions"] = [{"kind": "inSource", "justification": f.suppressed}]
        properties = {
            "verdict": f.verdict.value if f.verdict else None,
            "claim": f.claim,
            "implied": dict(f.implied),
        }
        result["properties"] = {k: v for k, v in properties.items() if v is not None}
        return result

    def finish(self, summary: Summary) -> None:
        driver = {"name": "validate", "version": __version__}
        uri = information_uri()
        if uri:
            driver["informationUri"] = uri
        driver["rules"] = self.rules
        root = Path.cwd().as_uri()
        run = {
            "tool": {"driver": driver},
            "originalUriBaseIds": {SRCROOT: {"uri": root if root.endswith("/") else root + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": self.results,
        }
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        json.dump(log, self.out, indent=2)
        self.out.write("\n")
