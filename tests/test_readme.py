"""The README's promises, run as a new user would."""

import json
import os
import re
import subprocess
from pathlib import Path

import yaml

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.S)


def test_ci_runs_exactly_the_readme_test_command():
    commands = [b.strip() for b in blocks("sh")]
    test_command = next(c for c in commands if "pytest" in c)
    assert test_command in (ROOT / ".ci" / "run").read_text()
    assert any("validate fixtures/article.yaml" in c for c in commands)


def test_the_github_workflow_example_runs(tmp_path):
    workflow = yaml.safe_load(next(b for b in blocks("yaml") if "runs-on" in b))
    steps = workflow["jobs"]["validate"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    assert runs[0] == "pip install ."
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    env = {**os.environ, "GITHUB_ACTIONS": "true", "PATH": f"{Path(os.sys.executable).parent}:{os.environ['PATH']}"}
    annotations = subprocess.run(runs[1], shell=True, cwd=ROOT, env=env, capture_output=True, text=True)
    assert annotations.returncode == 0
    lines = annotations.stdout.splitlines()
    assert lines[0].startswith("::warning file=fixtures/article.yaml,line=102,col=5,title=MU01 multiple::")
    assert lines[-1].startswith("validate: ")
    sarif_command = runs[2].replace("validate.sarif", str(tmp_path / "validate.sarif"))
    assert subprocess.run(sarif_command, shell=True, cwd=ROOT, env=env).returncode == 0
    log = json.loads((tmp_path / "validate.sarif").read_text())
    assert log["version"] == "2.1.0" and log["runs"][0]["results"]


def test_the_python_api_example_runs():
    code = next(b for b in blocks("python") if "validator.api" in b)
    done = subprocess.run([os.sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "0"
    assert "fixtures/article.yaml 102 MU01 ambiguous" in done.stdout


def test_the_configuration_example_is_valid(tmp_path):
    toml = next(b for b in blocks("toml") if "[tool.validator]" in b)
    (tmp_path / "pyproject.toml").write_text(toml)
    from validator.config import load

    config = load(tmp_path / "pyproject.toml")
    assert config.settings.levels == {"MU01": "error"}
    assert config.settings.policy.times_more.value == "ambiguous"


def test_the_test_command_runs_in_parallel_with_a_documented_thorough_profile():
    # The suite's speed is set here, not measured (no timed assertions): one process per core,
    # a default hypothesis profile of 60 examples, and the thorough one a variable away.
    from hypothesis import settings

    command = next(c for c in (b.strip() for b in blocks("sh")) if "pytest" in c)
    assert command.endswith(".venv/bin/pytest -n auto")
    assert settings.get_profile("project").max_examples == 60
    assert settings.get_profile("thorough").max_examples == 3000
    assert "HYPOTHESIS_PROFILE=thorough .venv/bin/pytest -n auto" in README
