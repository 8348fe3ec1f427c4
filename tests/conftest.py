"""Shared helpers: run fact sheets through the real checker, and the real CLI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

from validator.check import check_text
from validator.config import Config, Settings
from validator.policy import Policy

# The README's test command runs each property with 60 examples, to keep the whole suite within a
# few minutes on a shared 2-core machine; HYPOTHESIS_PROFILE=thorough runs each with 3,000 (and
# HYPOTHESIS_PROFILE=full with 150, the count of earlier versions).
settings.register_profile("project", max_examples=60, deadline=None)
settings.register_profile("full", max_examples=150, deadline=None)
settings.register_profile("thorough", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "project"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


class SharedFile(type(Path())):
    """A file of ../shared, the material kept beside the repository (corpus, seed article, tools).
    Reading it when it is missing fails the test with a message that says so, not with a bare
    FileNotFoundError."""

    def require(self) -> SharedFile:
        if not self.is_file():
            pytest.fail(
                f"this test needs {self}, from ../shared beside the repository (the corpus, the seed article "
                "and the tools), and it is missing: check out or copy shared/ next to this repository",
                pytrace=False,
            )
        return self

    def read_text(self, *args, **kwargs) -> str:
        return Path.read_text(self.require(), *args, **kwargs)

    def open(self, *args, **kwargs):
        return Path.open(self.require(), *args, **kwargs)


def shared(relative: str) -> SharedFile:
    """``../shared/<relative>``, read only when a test needs it (see :class:`SharedFile`)."""
    return SharedFile(SHARED / relative)
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


# Wording that says a claim fails, which a consistent finding's message must never use.
FAILURE_WORDING = re.compile(
    r", not |\bnot (?:'|\d|a |an )|cannot|impossible|is wrong|\bNo (?:whole|part|figure|value)\b|\bneither\b"
    r"|Fits only if|does not fit|too (?:large|small)",
    re.IGNORECASE,
)
# Wording that says the figures agree with the claim, which a failing finding's message must never use.
AGREEMENT_WORDING = re.compile(r"\bas (?:'[^']*'|\S+ \S+|the \w+) says\b")


def disagreement(finding) -> str | None:
    """Why a finding's message contradicts its verdict, or None when they agree."""
    verdict = finding.verdict.value if finding.verdict else None
    message = finding.message
    if verdict == "consistent" and (m := FAILURE_WORDING.search(message)):
        return f"a consistent finding says {m.group(0)!r}: {message}"
    if verdict in ("inconsistent", "doubtful") and (m := AGREEMENT_WORDING.search(message)):
        return f"an {verdict} finding says {m.group(0)!r}: {message}"
    if verdict == "doubtful" and not message.startswith("Fits only if "):
        return f"a doubtful finding does not start 'Fits only if': {message}"
    return None


def check(body: str, policy: Policy | None = None):
    """Findings for a fragment (input errors fail the test loudly; so does a message that
    contradicts its verdict, in every test that checks a sheet through here)."""
    config = Config(Settings(policy=policy or Policy()))
    report = check_text(sheet(body), "test.yaml", config)
    assert not report.input_errors, [f.message for f in report.input_errors]
    assert [d for f in report.findings if (d := disagreement(f))] == []
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
