"""A new user's first mistakes, each answered with what to do, and a closed pipe ended quietly."""

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, run_cli
from validator.check import check_text
from validator.docs import render_code
from validator.findings import OTHER_CODES

ARTICLE = "article: {title: t, source: s, published: 2025-07-20}\n"


def messages(text: str) -> list[tuple[int, int, str, str]]:
    report = check_text(text, "s.yaml")
    return [(f.line, f.column, f.code, f.message) for f in report.findings]


def test_a_date_in_another_form_is_given_back_in_the_form_asked_for():
    sheet = "article:\n  title: t\n  source: s\n  published: 10 March 2025\n"
    assert messages(sheet) == [
        (4, 3, "IN02", "article.published: '10 March 2025' is not in the form YYYY-MM-DD; write 2025-03-10")
    ]
    sheet = "article:\n  title: t\n  source: s\n  published: last spring\n"
    assert messages(sheet) == [
        (4, 3, "IN02", "article.published: 'last spring' is not a date in the form YYYY-MM-DD (such as 2025-07-20)")
    ]


@pytest.mark.parametrize(
    ("line", "column", "written"),
    [
        ("  a: {value: 1,200, unit: units}\n", 15, "'1,200' splits it"),
        ("  a: {value: 1,200,000}\n", 15, "'1,200' splits it"),
    ],
)
def test_a_comma_inside_braces_is_pointed_at(line, column, written):
    sheet = ARTICLE + "quantities:\n" + line
    ((at_line, at_column, code, message),) = messages(sheet)
    assert (at_line, at_column, code) == (3, column, "IN01")
    assert message == (
        f"the comma in {written}: inside {{ }} or [ ] a comma separates entries, so it is read as '1' and "
        "'200'; quote the number: \"1,200\""
    )


def test_a_comma_inside_brackets_is_pointed_at_and_a_spaced_list_is_not():
    split = ARTICLE + "claims:\n  - {rule: sum, parts: [1,200, 300], total: '1,500'}\n"
    assert [m[:3] for m in messages(split)] == [(3, 26, "IN01")]
    listed = ARTICLE + "claims:\n  - {rule: sum, parts: [1, 200], total: '201'}\n"
    assert [f.verdict.value for f in check_text(listed, "s.yaml").findings] == ["consistent"]


def test_unknown_fields_quantity_ids_and_rules_say_what_was_probably_meant():
    sheet = ARTICLE + (
        "quantities:\n  visitors: {valeu: '3'}\n  staff: '12'\n"
        "claims:\n  - {rule: shares, whole: staff, share: 35 percent}\n"
        "  - {rule: share, whole: staf, share: 35 percent, wholle: staff}\n"
    )
    assert messages(sheet) == [
        (3, 14, "IN02", "unknown field 'valeu' (did you mean 'value'?)"),
        (6, 6, "IN02", "unknown rule 'shares' (did you mean 'share'?); `validate --list-rules` lists them"),
        (7, 51, "IN02", "unknown field 'wholle' (did you mean 'whole'?)"),
    ]
    sheet = ARTICLE + "quantities:\n  staff: '12'\nclaims:\n  - {rule: share, whole: staf, share: 35 percent}\n"
    assert messages(sheet) == [
        (5, 19, "IN03",
         "unknown quantity 'staf' (did you mean 'staff'?): define it under quantities, or write the number inline")
    ]  # fmt: skip


def test_every_schema_error_and_every_claim_error_of_a_sheet_in_one_run():
    sheet = (
        "article:\n  title: t\n  source: s\n  published: 2025-13-01\n"
        "quantities:\n  visitors: {value: '1,200', colour: red}\n  staff: '12'\n"
        "claims:\n"
        "  - {rule: share, whole: visitors, share: 35 percent}\n"  # fine: the invalid quantity is still known
        "  - {rule: share, whole: staf, share: 35 percent}\n"
        "  - {rule: from-to, from: '10'}\n"
        "  - {rule: sum, parts: ['1', 'two point'], total: '3'}\n"
    )
    assert [(line, code, message.split(":")[0]) for line, _, code, message in messages(sheet)] == [
        (4, "IN02", "article.published"),
        (6, "IN02", "unknown field 'colour'"),
        (10, "IN03", "unknown quantity 'staf' (did you mean 'staff'?)"),
        (11, "IN02", "missing field 'to'"),
        (12, "IN04", "'two point' is not a number"),
    ]


def test_configuration_errors_are_all_reported_each_at_its_own_line(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname = 'x'\n\n[tool.validator]\npaths = ['.']\nselct = ['MU']\n"
        "levels = { MU01 = 'loud' }\nmax-file-bytes = 12\n\n[tool.validator.policy]\nrounding = 'nearst'\n"
    )
    (tmp_path / "s.yaml").write_text(ARTICLE)
    result = run_cli("s.yaml", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "validate: error: pyproject.toml:6: unknown key 'selct' in [tool.validator] (did you mean 'select'?)",
        "validate: error: pyproject.toml:7: levels.MU01: Input should be 'error', 'warning', 'info' or 'none'",
        "validate: error: pyproject.toml:8: max-file-bytes: Input should be greater than or equal to 1024",
        "validate: error: pyproject.toml:11: policy.rounding: Input should be 'nearest' or 'nearest-or-truncated'",
    ]
    (tmp_path / "pyproject.toml").write_text("[tool.validator]\nignore = [\n  'CH01',\n  'MU99', 'sahre',\n]\n")
    assert run_cli("s.yaml", cwd=tmp_path).stderr.splitlines() == [
        "validate: error: pyproject.toml:2: ignore: unknown rules 'MU99', 'sahre' (did you mean 'share'?) (a code "
        "like 'MU01', a prefix like 'MU', or a name like 'multiple')"
    ]


def test_a_file_of_another_type_is_named_as_unsupported(tmp_path):
    (tmp_path / "notes.pdf").write_text(ARTICLE)
    result = run_cli("--format", "json", str(tmp_path / "notes.pdf"))
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert result.returncode == 2
    assert (finding["code"], finding["message"]) == (
        "IN05",
        "unsupported file type ('.pdf'): validate checks fact sheets (.yaml, .yml, .json) and articles' text "
        "(.txt, .md, .markdown, .html, .htm)",
    )


@pytest.mark.parametrize("code", [*OTHER_CODES, "in02", "unused-suppression", "CH01", "multiple"])
def test_explain_answers_every_code_the_tool_can_print(code):
    result = run_cli("--explain", code)
    assert result.returncode == 0, result.stderr
    head = result.stdout.splitlines()[0]
    if code.upper() in OTHER_CODES:
        assert result.stdout == render_code(code)
        assert head == f"{code.upper()} {OTHER_CODES[code.upper()][0]}" and "How to fix" in result.stdout
    else:
        assert head in ("IN02 invalid-fact-sheet", "NQ01 unused-suppression", "CH01 percent-change", "MU01 multiple")


def test_explain_an_unknown_code_lists_the_codes_that_are_not_rules():
    result = run_cli("--explain", "XX01")
    assert result.returncode == 2
    assert "unknown rule 'XX01'" in result.stderr
    assert "codes that are not rules: IN01, IN02, IN03, IN04, IN05, IN06, IN07, IN99, NQ01, DT00" in result.stderr


UNUSED = ARTICLE + (
    "claims:\n  - rule: sum\n    parts: ['1', '2']\n    total: '3'\n"
    "    suppress: [{rule: SU01, reason: checked by hand}]\n"
)


def test_an_unused_suppression_is_shown_at_its_level_and_counted_by_every_reporter(tmp_path):
    sheet = tmp_path / "s.yaml"
    sheet.write_text(UNUSED)
    text = run_cli(str(sheet), "--color", "never")
    assert text.returncode == 0
    assert "! warning  NQ01 unused-suppression" in text.stdout and "input error" not in text.stdout
    assert text.stdout.splitlines()[-1] == (
        "1 claim in 1 file: 0 inconsistent, 0 doubtful, 0 ambiguous, 0 unverifiable, 1 consistent; 1 warning"
    )
    summary = json.loads(run_cli("--format", "json", str(sheet)).stdout)["summary"]
    assert summary["notices"] == {"error": 0, "warning": 1, "info": 0} and summary["input_errors"] == 0
    github = run_cli("--format", "github", str(sheet)).stdout.splitlines()
    assert github[0].startswith("::warning file=") and "1 warning, 0 input errors" in github[-1]
    junit = run_cli("--format", "junit", str(sheet)).stdout
    assert 'failures="0" errors="0"' in junit and "<system-out>The suppression of 'SU01'" in junit
    sarif = json.loads(run_cli("--format", "sarif", str(sheet)).stdout)["runs"][0]
    assert [(r["ruleId"], r["level"]) for r in sarif["results"]] == [("NQ01", "warning")]
    html = run_cli("--format", "html", str(sheet)).stdout
    assert "1 warning</strong>" in html and "Warning NQ01 unused-suppression" in html
    assert run_cli("--strict", str(sheet)).returncode == 1
    (tmp_path / ".validator.toml").write_text('levels = { NQ01 = "error" }\n')
    failing = run_cli(str(sheet), "--color", "never", cwd=tmp_path)
    assert failing.returncode == 1 and "✗ error  NQ01" in failing.stdout
    assert failing.stdout.rstrip().endswith("; 1 error")


@pytest.mark.parametrize(
    "args",
    [
        ["fixtures/article.yaml"],
        ["--format", "json", "fixtures/article.yaml"],
        ["--list-rules"],
        ["--jobs", "2", *[str(p) for p in sorted((ROOT / "fixtures").rglob("*.yaml"))] * 3],
        ["extract", "fixtures/article.yaml"],
    ],
    ids=["text", "json", "list-rules", "jobs", "extract"],
)
def test_a_closed_pipe_ends_quietly_with_its_own_code(args):
    process = subprocess.Popen(
        [sys.executable, "-m", "validator", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.close()  # the reader goes away before anything is written, as 'head' does after a line
    stderr = process.stderr.read()
    assert process.wait(timeout=120) == 141
    assert stderr == b""
