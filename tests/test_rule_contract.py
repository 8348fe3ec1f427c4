"""Every registered rule keeps the rule contract (validator/rule.py): built-in rules here, and a
third-party rule installed from the README's plugin example."""

import json
import os
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT, run_cli
from tests.contract import problems_of
from validator import registry

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", registry.all_rules(), ids=lambda cls: cls.code)
def test_every_rule_keeps_the_contract(rule):
    assert problems_of(rule) == []


def test_the_readme_lists_exactly_the_built_in_rules_by_code_and_name():
    # The README's table is the published list: a code or name changed on a class shows here.
    listed = re.findall(r"^\| ([A-Z]{2}[0-9]{2}) \| `([a-z-]+)` \|", README, re.M)
    assert sorted(listed) == [(cls.code, cls.name) for cls in registry.builtin_rules().values()]
    assert len(listed) == 17


def test_rule_families_never_import_each_other():
    families = {module.removeprefix("rules.") for module in registry.BUILTIN_FAMILIES}
    for family in families:
        source = (ROOT / "rules" / f"{family}.py").read_text(encoding="utf-8")
        imported = set(re.findall(r"^\s*(?:from|import) rules\.(\w+)", source, re.M))
        assert imported & families == set(), family


def test_a_rule_that_breaks_the_contract_is_named_with_what_is_missing():
    from validator.rule import Rule, contract_problems

    class Vague(Rule):
        """Says nothing about what it does."""

        code = "X1"
        name = "Vague Rule"

    assert contract_problems(Vague) == [
        "code 'X1' is not two capital letters and two digits of its own ('MU01')",
        "name 'Vague Rule' is not lower-case words joined by dashes ('percent-change')",
        "'family' is not set",
        "'summary' is not set",
        "'Claim' is not a subclass of validator.models.ClaimBase",
        "'readings' and 'judge' are not both defined",
        "its docstring has no 'What it does:' or no 'Why it matters:' paragraph",
        "its examples do not include both a consistent and a failing claim",
    ]


def plugin_source() -> str:
    return next(b for b in re.findall(r"```python\n(.*?)```", README, re.S) if "RULES = (" in b)


def test_the_readme_plugin_installs_runs_and_keeps_the_contract(tmp_path):
    package = tmp_path / "plugin"
    package.mkdir()
    (package / "pair_rules.py").write_text(plugin_source())
    entry_points = next(b for b in re.findall(r"```toml\n(.*?)```", README, re.S) if "validator.rules" in b)
    (package / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n'
        '[project]\nname = "pair-rules"\nversion = "1.0"\n[tool.setuptools]\npy-modules = ["pair_rules"]\n'
        + entry_points
    )
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
         str(package)],
        check=True, capture_output=True,
    )  # fmt: skip
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), str(ROOT)])}
    (tmp_path / "s.yaml").write_text(
        "article: {title: t, source: s, published: 2025-01-01}\n"
        "quantities:\n  dancers: {value: '121', unit: dancers}\n  couples: {value: '60', unit: couples}\n"
        "claims:\n  - {rule: pairs, people: dancers, pairs: couples}\n"
    )
    result = run_cli("--format", "json", str(tmp_path / "s.yaml"), env=env)
    assert result.returncode == 1
    (f,) = json.loads(result.stdout)["files"][0]["findings"]
    assert (f["code"], f["rule"], f["verdict"], f["message"], f["suggestion"]) == (
        "PR01", "pairs", "inconsistent", "60 pairs are 120 people, not 121.", "Consistent alternative: 120 people."
    )  # fmt: skip
    assert "PR01  pairs" in run_cli("--list-rules", env=env).stdout
    assert run_cli("--explain", "PR01", env=env).stdout.startswith("PR01 pairs\n")
    contract = subprocess.run(
        [sys.executable, "-c", "import json; from tests.contract import problems_of_every_rule as p; "
         "print(json.dumps(p()))"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert contract.returncode == 0, contract.stderr
    problems = json.loads(contract.stdout)
    assert "PR01" in problems and len(problems) == 18
    assert problems == dict.fromkeys(problems, [])
