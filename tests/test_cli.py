"""The real `validate` entry point: exit codes, messages with locations, colour, formats."""

import json
import os

from tests.conftest import ROOT, run_cli, sheet
from validator import __version__, registry


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_version_and_help():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"validate, version {__version__}"
    result = run_cli("--help")
    assert result.returncode == 0
    assert "Exit codes:" in result.stdout and "--format" in result.stdout


def test_no_path_checks_the_configured_paths(tmp_path):
    result = run_cli()
    assert result.returncode == 0
    assert "15 claims in 2 files" in result.stdout  # fixtures/, without fixtures/broken (excluded)
    result = run_cli(cwd=tmp_path)  # no configuration: the default, fixtures/, is not there
    assert result.returncode == 2
    assert "no such file" in result.stdout


def test_strict_fails_on_the_ambiguous_claim():
    assert run_cli("fixtures/article.yaml").returncode == 0
    assert run_cli("--strict", "fixtures/article.yaml").returncode == 1


def test_missing_file_is_reported_and_the_others_still_checked(tmp_path):
    result = run_cli("--color", "never", str(tmp_path / "nope.yaml"), "fixtures/article.yaml")
    assert result.returncode == 2
    assert "nope.yaml" in result.stdout and "no such file" in result.stdout
    assert "13 claims in 2 files" in result.stdout
    assert "1 input error in 1 file" in result.stdout  # and article.yaml was still checked


def test_yaml_syntax_error_has_line_and_column(tmp_path):
    path = write(tmp_path, "bad.yaml", sheet("quantities:\n  a: [1, 2\nclaims: []\n"))
    result = run_cli("--format", "json", str(path))
    assert result.returncode == 2
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert finding["code"] == "IN01" and finding["line"] == 7
    assert finding["message"].startswith("YAML syntax error")


def test_unknown_quantity_points_at_the_field_and_suggests(tmp_path):
    body = """
quantities:
  signups: {value: "102", unit: companies}
claims:
  - rule: percent-change
    to: signup
    change: 50 percent
"""
    path = write(tmp_path, "s.yaml", sheet(body))
    result = run_cli("--format", "json", str(path))
    assert result.returncode == 2
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert (finding["line"], finding["column"]) == (9, 5)
    assert finding["message"] == (
        "unknown quantity 'signup' (did you mean 'signups'?): define it under quantities, or write the number inline"
    )


def test_unknown_rule_and_unknown_field(tmp_path):
    body = """
claims:
  - rule: percent-chnage
    to: "5"
    change: 5 percent
  - rule: share
    whole: "10"
    share: 50 percent
    colour: red
"""
    path = write(tmp_path, "s.yaml", sheet(body))
    result = run_cli("--format", "json", str(path))
    assert result.returncode == 2
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [(f["line"], f["message"]) for f in findings] == [
        (6, "unknown rule 'percent-chnage' (did you mean 'percent-change'?); `validate --list-rules` lists them"),
        (12, "unknown field 'colour'"),
    ]


def test_duplicate_key_is_an_error_not_an_overwrite(tmp_path):
    body = """
quantities:
  signups: {value: "102"}
  signups: {value: "120"}
"""
    path = write(tmp_path, "s.yaml", sheet(body))
    result = run_cli("--format", "json", str(path))
    assert result.returncode == 2
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert (finding["line"], finding["column"]) == (7, 3)
    assert "'signups' is defined twice (first on line 6)" in finding["message"]


def test_colour_only_when_asked_or_on_a_terminal():
    plain = run_cli("fixtures/article.yaml")
    assert "\x1b[" not in plain.stdout
    coloured = run_cli("--color", "always", "fixtures/article.yaml")
    assert "\x1b[" in coloured.stdout
    env = {**os.environ, "NO_COLOR": "1"}
    assert "\x1b[" not in run_cli("--color", "auto", "fixtures/article.yaml", env=env).stdout


def test_explain_and_list_rules():
    result = run_cli("--explain", "ch01")
    assert result.returncode == 0
    assert result.stdout.startswith("CH01 percent-change\n")
    assert "Use instead (consistent)" in result.stdout
    result = run_cli("--explain", "nope")
    assert result.returncode == 2 and "unknown rule 'nope'" in result.stderr
    listing = run_cli("--list-rules").stdout.splitlines()
    assert len(listing) == len(registry.all_rules()) == 17 and listing[0].startswith("CH01  percent-change")
    assert listing[2].startswith("CO01  comparison") and listing[3].startswith("DT01  weekday")


def test_quiet_hides_consistent_claims():
    result = run_cli("-q", "fixtures/article.yaml")
    assert "consistent  CH02" not in result.stdout
    assert "ambiguous  MU01" in result.stdout


def test_folder_is_searched_for_fact_sheets(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "a.yml", (ROOT / "fixtures/broken/quadrupled.yaml").read_text())
    write(tmp_path, "notes.txt", "not a fact sheet")
    result = run_cli(str(tmp_path))
    assert result.returncode == 1
    assert "1 claim in 1 file" in result.stdout


def test_plain_empty_values_are_no_value(tmp_path):
    body = """
quantities:
  last_year:
    value:
    unit: companies
  this_year: {value: "102", unit: companies}
claims:
  - {rule: percent-change, from: last_year, to: this_year, change: 50 percent, note: ~}
"""
    path = write(tmp_path, "s.yaml", sheet(body))
    result = run_cli("--format", "json", str(path))
    assert result.returncode == 0
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert finding["implied"] == {"last_year": "68"}
    empty = write(tmp_path, "e.yaml", sheet("quantities:\nclaims:\n"))
    assert json.loads(run_cli("--format", "json", str(empty)).stdout)["summary"]["claims"] == 0
