"""Helpers for hostile input: run the real command on a bad file beside the reference article."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ARTICLE, ROOT, run_cli

REFERENCE = "fixtures/article.yaml"
REFERENCE_CLAIMS = 13  # fixtures/article.yaml's claims, all reported whatever the other file holds


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def sheet(body: str) -> str:
    return ARTICLE + body


def run_json(*paths: str | Path, extra: tuple[str, ...] = ()):
    """`validate --format json` on the paths (in a subprocess): the exit code and the document."""
    result = run_cli("--format", "json", *extra, *map(str, paths))
    assert result.stderr == "", result.stderr  # never a traceback
    return result.returncode, json.loads(result.stdout)


def only_finding(document: dict, name: str) -> dict:
    (report,) = [f for f in document["files"] if f["file"].endswith(name)]
    (finding,) = report["findings"]
    return finding


def the_finding_beside_the_reference(bad: Path, code: str) -> dict:
    """Check the bad file together with fixtures/article.yaml: exit 2, one finding of ``code`` for
    the bad file, and every claim of the reference article still checked and reported."""
    exit_code, document = run_json(bad, REFERENCE)
    assert exit_code == 2
    finding = only_finding(document, bad.name)
    assert finding["code"] == code, finding
    assert finding["file"].endswith(bad.name) and finding["verdict"] is None and finding["level"] == "error"
    (reference,) = [f for f in document["files"] if f["file"] == REFERENCE]
    assert reference["claims"] == REFERENCE_CLAIMS
    assert len([f for f in reference["findings"] if f["verdict"]]) == REFERENCE_CLAIMS
    assert not [f for f in reference["findings"] if f["code"].startswith("IN")]
    assert document["summary"]["files"] == 2 and document["summary"]["input_errors"] == 1
    return finding


def at(finding: dict) -> tuple[int, int]:
    return finding["line"], finding["column"]


__all__ = ["ROOT", "REFERENCE", "write", "sheet", "run_json", "only_finding", "the_finding_beside_the_reference", "at"]
