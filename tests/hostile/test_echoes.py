"""What reports repeat from the input: control characters made visible in every report a
terminal or a CI page shows, and long stretches cut.

A YAML escape ('quote: "\\e[1A\\e[2K\\e[32mconsistent\\e[0m"') reached the terminal and the
GitHub annotations raw: it could move the cursor up, erase the line of an inconsistent claim
and print 'consistent' in green in its place. A 200,000-character key was echoed whole.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import run_cli
from tests.hostile.conftest import sheet, write

ESCAPES = r"\e[1A\e[2K\e[32mconsistent\e[0m"  # as YAML writes them, in a double-quoted scalar
SHOWN = r"\x1b[1A\x1b[2K\x1b[32mconsistent\x1b[0m"  # as reports show them
HOSTILE = f"""\
quantities:
  before: {{value: "100", unit: "visitors{ESCAPES}\\u202e"}}
  after: {{value: "150", unit: visitors}}
claims:
  - rule: percent-change
    from: before
    to: after
    change: 40 percent
    quote: "rose\\x85 40 percent{ESCAPES}"
"""
# Every character a terminal or a viewer would act on: C0 (but tab and line feed), DEL, C1, and
# the bidirectional controls.
ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hostile(tmp_path):
    write(tmp_path, "escapes.yaml", sheet(HOSTILE))
    return tmp_path


def run_in(folder, *args):
    return run_cli(*args, "escapes.yaml", cwd=folder)


@pytest.mark.parametrize("fmt", ["text", "github", "junit", "html", "json", "sarif"])
def test_control_characters_never_reach_the_output(hostile, fmt):
    result = run_in(hostile, "--format", fmt, "--color", "always")
    assert result.returncode == 1 and result.stderr == ""
    active = ACTIVE.findall(result.stdout)
    assert active == (["\x1b"] * len(active) if fmt == "text" else [])  # the text report's own colours only
    if fmt not in ("json", "sarif"):  # those two write JSON's own escapes (\u001b)
        assert SHOWN in result.stdout


def test_the_text_report_shows_them_visibly(hostile):
    lines = run_in(hostile, "--color", "never").stdout.splitlines()
    assert lines[2] == rf'           "rose\x85 40 percent{SHOWN}"'
    assert " ".join(line.strip() for line in lines[3:5]) == (
        rf"100 visitors{SHOWN}\u202e to 150 visitors is a rise of 50%, not 40 percent."
    )


def test_github_annotations_show_them_visibly(hostile):
    annotation = run_in(hostile, "--format", "github").stdout.splitlines()[0]
    assert annotation.startswith(
        "::error file=escapes.yaml,line=9,col=5,title=CH01 percent-change::"
        rf"100 visitors{SHOWN}\u202e to 150 visitors is a rise of 50%25, not 40 percent.%0A"
    )


def test_junit_and_json_show_them_visibly(hostile):
    junit = run_in(hostile, "--format", "junit").stdout
    assert rf'message="100 visitors{SHOWN}\u202e to 150 visitors is a rise of 50%, not 40 percent."' in junit
    document = run_in(hostile, "--format", "json").stdout
    assert r'"quote": "rose\u0085 40 percent\u001b[1A' in document  # escaped, and the same text when parsed
    (finding,) = json.loads(document)["files"][0]["findings"]
    assert finding["quote"] == "rose\x85 40 percent\x1b[1A\x1b[2K\x1b[32mconsistent\x1b[0m"


def test_a_file_name_with_an_escape_is_shown_visibly(tmp_path):
    write(tmp_path, "\x1b[2Kname.yaml", sheet("quantities:\n  a: {value: '5', nonsense: 1}\n"))
    result = run_cli("--color", "never", "\x1b[2Kname.yaml", cwd=tmp_path)
    assert result.stdout.splitlines()[0] == r"\x1b[2Kname.yaml"
    assert ACTIVE.findall(result.stdout) == []


# ------------------------------------------------------------------------------- long echoes


def test_a_200000_character_key_is_not_echoed_whole(tmp_path):
    key = "k" * 200_000
    bad = write(tmp_path, "longkey.yaml", sheet(f"? {key}\n: 1\n"))
    result = run_cli("--format", "json", str(bad))
    assert result.returncode == 2 and len(result.stdout) < 2_000
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert (finding["line"], finding["code"]) == (5, "IN02")
    assert finding["message"] == f"unknown field '{'k' * 200}\u2026' (200,000 characters)"
    result = run_cli(str(bad))
    assert len(result.stdout) < 2_000


def test_a_long_quantity_id_is_cut_in_its_path(tmp_path):
    key = "q" * 50_000
    bad = write(tmp_path, "longid.yaml", sheet(f"quantities:\n  ? {key}\n  : {{value: '5'}}\n"))
    result = run_cli("--format", "json", str(bad))
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert (
        finding["message"] == f"quantities.{'q' * 189}\u2026 (50,011 characters): 50,000 characters long (at most 100)"
    )


def test_a_long_rule_name_is_cut(tmp_path):
    rule = "no such rule " * 1_000
    bad = write(tmp_path, "longrule.yaml", sheet(f"claims:\n  - {{rule: '{rule.strip()}'}}\n"))
    result = run_cli("--format", "json", str(bad))
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert finding["message"] == (
        f"unknown rule '{rule[:200]}\u2026' (12,999 characters); `validate --list-rules` lists them"
    )


def test_a_long_configuration_key_is_cut(tmp_path):
    write(tmp_path, ".validator.toml", "k" * 100_000 + " = 1\n")
    write(tmp_path, "a.yaml", sheet(""))
    result = run_cli("a.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr == f"validate: error: .validator.toml:1: unknown key '{'k' * 200}\u2026' (100,000 characters)\n"
    )
