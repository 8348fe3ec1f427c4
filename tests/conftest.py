"""Shared helpers: run fact sheets through the real checker, and the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

from validator.check import check_text
from validator.config import Config, Settings
from validator.policy import Policy

# HYPOTHESIS_PROFILE=thorough runs every property with many more examples.
settings.register_profile("project", max_examples=150, deadline=None)
settings.register_profile("thorough", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "project"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def repository_config() -> Config:
    """The repository's own configuration (pyproject.toml): its 'root' lets fixtures/article.yaml
    read its article's text from ../shared, as the command does."""
    from validator.config import load

    return load(ROOT / "pyproject.toml")


ARTICLE = """\
article:
  title: Test article
  source: Test
  published: 2025-07-20
"""


def sheet(body: str) -> str:
    """A fact sheet from a fragment with 'quantities' and/or 'claims'."""
    return ARTICLE + textwrap.dedent(body).strip("\n") + "\n"


def check(body: str, policy: Policy | None = None):
    """Findings for a fragment (input errors fail the test loudly)."""
    config = Config(Settings(policy=policy or Policy()))
    report = check_text(sheet(body), "test.yaml", config)
    assert not report.input_errors, [f.message for f in report.input_errors]
    return report.findings


def verdict_of(body: str, policy: Policy | None = None) -> str:
    findings = check(body, policy)
    assert len(findings) == 1, findings
    return findings[0].verdict.value


def run_cli(*args: str, cwd: Path = ROOT, env: dict | None = None, stdin: str | None = None):
    """The real entry point, in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "validator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=120,
    )


@pytest.fixture
def root() -> Path:
    return ROOT
