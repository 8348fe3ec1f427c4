"""The CI gate: many files, references between sheets, configuration, suppressions, --changed."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT, run_cli


def project(tmp_path: Path) -> Path:
    """A copy of this project's fixtures and configuration, to edit freely."""
    shutil.copytree(ROOT / "fixtures", tmp_path / "fixtures")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def findings(result) -> list[dict]:
    return [f for entry in json.loads(result.stdout)["files"] for f in entry["findings"]]


def test_fixtures_pass_and_broken_ones_are_excluded_from_folder_searches():
    result = run_cli("--format", "json", "fixtures/")
    assert result.returncode == 0
    assert [e["file"] for e in json.loads(result.stdout)["files"]] == ["fixtures/article.yaml", "fixtures/cisce-2024.yaml"]


def test_an_edit_in_last_years_sheet_fails_the_claim_in_this_years(tmp_path):
    root = project(tmp_path)
    sheet = root / "fixtures" / "cisce-2024.yaml"
    sheet.write_text(sheet.read_text().replace('value: "91"', 'value: "120"'))
    result = run_cli("--format", "json", "fixtures/", cwd=root)
    assert result.returncode == 1
    (failed,) = [f for f in findings(result) if f["verdict"] == "inconsistent"]
    assert (failed["file"], failed["line"], failed["claim"]) == ("fixtures/article.yaml", 110, "launches_growth")
    assert failed["message"].startswith("120 new products, technologies and services to 152")


def test_reference_errors_have_locations(tmp_path):
    root = project(tmp_path)
    article = root / "fixtures" / "article.yaml"
    text = article.read_text()
    article.write_text(
        text.replace("cisce-2024.yaml#sessions", "cisce-2024.yaml#sesions").replace(
            "cisce-2024.yaml#launches", "cisce-2023.yaml#launches"
        )
    )
    result = run_cli("--format", "json", "fixtures/article.yaml", cwd=root)
    assert result.returncode == 2
    messages = [(f["code"], f["line"], f["message"]) for f in findings(result)]
    assert messages == [
        ("IN03", 37, "'cisce-2024.yaml' has no quantity 'sesions' (did you mean 'sessions'?)"),
        ("IN03", 45, "'cisce-2023.yaml': no such file"),
    ]


def test_reference_cycle(tmp_path):
    head = "article: {title: t, source: s, published: 2025-01-01}\n"
    (tmp_path / "a.yaml").write_text(head + "quantities:\n  x: {same_as: b.yaml#y}\n")
    (tmp_path / "b.yaml").write_text(head + "quantities:\n  y: {same_as: a.yaml#x}\n")
    result = run_cli("--format", "json", "a.yaml", cwd=tmp_path)
    assert result.returncode == 2
    (f,) = findings(result)
    assert (f["line"], f["message"]) == (3, "reference cycle: a.yaml#x -> b.yaml#y -> a.yaml#x")


def test_configuration_errors_name_the_key(tmp_path):
    (tmp_path / ".validator.toml").write_text('selct = ["CH"]\n')
    result = run_cli("fixtures", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "validate: error: .validator.toml:1: unknown key 'selct' (did you mean 'select'?)\n"
    (tmp_path / ".validator.toml").write_text('ignore = ["MU99"]\n')
    result = run_cli("fixtures", cwd=tmp_path)
    assert result.returncode == 2
    assert "validate: error: .validator.toml:1: ignore: unknown rule 'MU99'" in result.stderr
    (tmp_path / ".validator.toml").write_text('[policy]\ntimes-more = "sometimes"\n')
    result = run_cli("fixtures", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "validate: error: .validator.toml:2: policy.times-more: Input should be 'ambiguous', 'multiply', "
        "'add-one' or 'error'\n"
    )


def test_select_ignore_levels_and_policy(tmp_path):
    root = project(tmp_path)
    config = root / "pyproject.toml"
    base = config.read_text()
    config.write_text(base + 'levels = { MU01 = "error" }\n')
    assert run_cli("fixtures/", cwd=root).returncode == 1  # the ambiguous "four times higher" now fails
    config.write_text(base + 'ignore = ["multiple"]\n')
    result = run_cli("--format", "json", "fixtures/", cwd=root)
    assert result.returncode == 0 and "MU01" not in {f["code"] for f in findings(result)}
    config.write_text(base + 'select = ["SH"]\n')
    assert {f["code"] for f in findings(run_cli("--format", "json", "fixtures/", cwd=root))} == {"SH01"}
    config.write_text(base + '[tool.validator.policy]\ntimes-more = "multiply"\n')
    result = run_cli("--format", "json", "fixtures/article.yaml", cwd=root)
    assert {f["claim"]: f["verdict"] for f in findings(result)}["sessions_multiple"] == "consistent"


def test_suppression_is_shown_and_an_unused_one_is_reported(tmp_path):
    root = project(tmp_path)
    article = root / "fixtures" / "article.yaml"
    text = article.read_text()
    article.write_text(
        text.replace(
            "    wording: higher than the previous year\n",
            "    wording: higher than the previous year\n"
            "    suppress: [{rule: MU01, reason: \"the organisers' own wording, checked with them\"}]\n",
        ).replace(
            "    wording: grew\n",
            "    wording: grew\n    suppress: [{rule: CH02, reason: kept from an earlier draft}]\n",
        )
    )
    result = run_cli("--format", "json", "fixtures/article.yaml", cwd=root)
    found = findings(result)
    suppressed = next(f for f in found if f["claim"] == "sessions_multiple")
    assert suppressed["suppressed"] == "the organisers' own wording, checked with them"
    (unused,) = [f for f in found if f["code"] == "NQ01"]
    assert (unused["line"], unused["level"]) == (145, "warning")
    assert unused["message"] == "The suppression of 'CH02' silences nothing (the claim is consistent); remove it."
    assert result.returncode == 0
    assert run_cli("--strict", "fixtures/article.yaml", cwd=root).returncode == 1
    text = run_cli("fixtures/article.yaml", cwd=root).stdout
    assert "suppressed ambiguous  MU01 multiple" in text
    assert "1 suppressed" in text


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t"})


def test_changed_picks_changed_sheets_and_their_dependents(tmp_path):
    head = "article: {title: t, source: s, published: 2025-01-01}\n"
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    (sheets / "last.yaml").write_text(head + 'quantities:\n  visitors: {value: "100", unit: visitors}\n')
    (sheets / "this.yaml").write_text(
        head + 'quantities:\n  before: {same_as: last.yaml#visitors}\n  now: {value: "110", unit: visitors}\n'
        "claims:\n  - {rule: percent-change, from: before, to: now, change: 10 percent}\n"
    )
    (sheets / "other.yaml").write_text(head + 'quantities:\n  n: {value: "5"}\n')
    (tmp_path / ".validator.toml").write_text('paths = ["sheets"]\n')
    git("init", "-q", "-b", "main", cwd=tmp_path)
    git("add", "-A", cwd=tmp_path)
    git("commit", "-qm", "start", cwd=tmp_path)
    git("checkout", "-qb", "edit", cwd=tmp_path)
    (sheets / "last.yaml").write_text(head + 'quantities:\n  visitors: {value: "90", unit: visitors}\n')

    def checked(*args):
        result = run_cli("--format", "json", "--changed", *args, cwd=tmp_path)
        return result.returncode, [e["file"] for e in json.loads(result.stdout)["files"]]

    assert checked() == (1, ["sheets/last.yaml", "sheets/this.yaml"])  # merge base with main
    assert checked("HEAD") == (1, ["sheets/last.yaml", "sheets/this.yaml"])
    assert checked("sheets/") == (1, ["sheets/last.yaml", "sheets/this.yaml"])  # a path, not a base
    git("add", "-A", cwd=tmp_path)
    git("commit", "-qm", "edit", cwd=tmp_path)
    assert checked("HEAD") == (0, [])
    (sheets / "other.yaml").write_text(head + 'quantities:\n  n: {value: "6"}\n')
    assert checked() == (1, ["sheets/last.yaml", "sheets/other.yaml", "sheets/this.yaml"])
    result = run_cli("--changed", "no-such-branch", cwd=tmp_path)
    assert result.returncode == 2 and "--changed:" in result.stderr


class _Yaml12ishLoader(yaml.SafeLoader):
    """Like editors (YAML 1.2): dates stay text; numbers are numbers."""


_Yaml12ishLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_schema_is_printed_and_every_fixture_validates_against_it():
    import jsonschema

    result = run_cli("--schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    checker = validator_class(schema)
    fixtures = sorted((ROOT / "fixtures").rglob("*.yaml"))
    assert len(fixtures) >= 8
    for path in fixtures:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12ishLoader)
        errors = [e.message for e in checker.iter_errors(document)]
        assert errors == [], path
    bad = {"article": {"title": "t", "source": "s", "published": "2025-01-01"}, "claims": [{"rule": "share", "colour": 1}]}
    assert list(checker.iter_errors(bad))


def test_output_file_is_atomic_and_never_overwritten_unasked(tmp_path):
    report = tmp_path / "report.json"
    assert run_cli("--format", "json", "-o", str(report), "fixtures/article.yaml").returncode == 0
    assert json.loads(report.read_text())["summary"]["claims"] == 13
    result = run_cli("--format", "json", "-o", str(report), "fixtures/article.yaml")
    assert result.returncode == 2 and "already exists; use --force" in result.stderr
    assert run_cli("-o", str(report), "--force", "fixtures/article.yaml").returncode == 0
    assert report.read_text().startswith("fixtures/article.yaml")
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind
    result = run_cli("-o", "fixtures/article.yaml", "--force", "fixtures/article.yaml")
    assert result.returncode == 2 and "is one of the inputs" in result.stderr


def test_python_api():
    from validator.api import load, validate

    run = validate(["fixtures/"])
    assert run.exit_code == 0
    assert len(run.reports) == 2
    assert {f.code for f in run.findings} == {"CH01", "CH02", "MU01", "SH01", "PP01", "DT01", "DT02", "DT03"}
    assert load(ROOT / "fixtures" / "article.yaml").quantities["exhibitors"].value == "1,200"


def test_pre_commit_hook_definition_runs_the_validator():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert (hook["id"], hook["entry"], hook["language"]) == ("validate", "validate", "python")
    # pre-commit runs the entry with the changed files as arguments.
    script = Path(sys.executable).parent / hook["entry"]
    done = subprocess.run([str(script), "fixtures/article.yaml", "fixtures/cisce-2024.yaml"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
