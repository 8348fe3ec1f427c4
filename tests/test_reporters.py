"""The github, sarif and junit reporters, driven directly on real fact sheets.

The reporters get what the CLI gives them: the FileReports of the reference
article and of every broken fixture, checked for real, plus one hand-made report
with what the fixtures lack (an input error, a suppressed finding, awkward
characters in the file name and the messages).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import xml.etree.ElementTree as ET
from email.message import Message
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, repository_config, sheet
from validator import __version__, registry, reporters
from validator.check import FileReport, check_path, check_text
from validator.findings import Finding, Level, Verdict, input_error
from validator.reporters import details, github, printable, sarif

SCHEMA = json.loads((ROOT / "tests/data/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
BROKEN = [
    "fixtures/broken/parts-do-not-add-up.yaml",
    "fixtures/broken/points-as-percent.yaml",
    "fixtures/broken/quadrupled.yaml",
    "fixtures/broken/ratio-as-increase.yaml",
    "fixtures/broken/share-of-28.yaml",
    "fixtures/broken/signups-from-70.yaml",
]
ODD = "drafts/odd, name: 100%.yaml"  # a comma, a colon, a space and a percent sign
SUPPRESSION = "the source says 'quadrupled', 100%: we quote it"


def hand_made() -> FileReport:
    """An input error, a suppressed inconsistent claim and an ambiguous claim with awkward text."""
    findings = [
        input_error(ODD, 3, 7, "YAML syntax error: expected ',' or ']' at 50%\r\nbut found ':'", "IN01"),
        Finding(
            file=ODD,
            line=9,
            column=5,
            code="MU01",
            rule="multiple",
            verdict=Verdict.INCONSISTENT,
            level=Level.ERROR,
            message="40 is 5 times 8, not 4 times.",
            arithmetic=["40 / 8 = 5"],
            suggestion="Say '5 times'.",
            claim="density",
            suppressed=SUPPRESSION,
        ),
        Finding(
            file=ODD,
            line=12,
            column=5,
            code="SH01",
            rule="share",
            verdict=Verdict.AMBIGUOUS,
            level=Level.WARNING,
            message="<b>Costs & fees</b> of \u20ac5 \x07 rang",
            arithmetic=["5 < 6"],
            claim="fees",
        ),
    ]
    return FileReport(ODD, findings, claims=2)


@pytest.fixture(scope="module")
def reports() -> list[FileReport]:
    with contextlib.chdir(ROOT):  # file names are shown relative to the working folder
        checked = [check_path(Path(p), repository_config()) for p in ["fixtures/article.yaml", *BROKEN]]
    return [*checked, hand_made()]


def run(name: str, reports: list[FileReport], summarize: bool = True) -> str:
    """What the CLI does with a reporter, into a string."""
    out = io.StringIO()
    reporter = reporters.get(name)(out)
    summary = reporters.Summary()
    with contextlib.chdir(ROOT):
        reporter.start()
        for report in reports:
            if summarize:
                summary.add(report)
            reporter.file(report)
        reporter.finish(summary)
    return out.getvalue()


def find(reports: list[FileReport], file: str, code: str) -> Finding:
    (finding,) = [f for r in reports for f in r.findings if f.file == file and f.code == code]
    return finding


def test_registry_keeps_the_order_and_adds_the_three_formats():
    assert reporters.names() == ["text", "json", "github", "sarif", "junit", "html"]
    for name in reporters.names():
        assert reporters.get(name).name == name


def test_details_is_message_arithmetic_then_suggestion(reports):
    f = find(reports, "fixtures/broken/quadrupled.yaml", "MU01")
    assert details(f) == "\n".join([f.message, *f.arithmetic, f.suggestion])
    assert details(find(reports, ODD, "IN01")) == "YAML syntax error: expected ',' or ']' at 50%\r\nbut found ':'"


# --- github ------------------------------------------------------------------------------------


def test_github_escaping_follows_actions_toolkit():
    # '%' first: a literal '%0A' must survive as text, not become a line break.
    assert github.escape_data("50%\r\na:b,c %0A") == "50%25%0D%0Aa:b,c %250A"
    assert github.escape_property("50%\r\na:b,c %0A") == "50%25%0D%0Aa%3Ab%2Cc %250A"


def test_github_one_command_a_shown_finding_then_the_summary(reports):
    lines = run("github", reports).splitlines()
    heads = [re.match(r"::(\w+) file=([^,]*),line=(\d+),", line).groups() for line in lines[:-1]]
    assert heads == [
        ("warning", "fixtures/article.yaml", "102"),
        ("notice", "fixtures/article.yaml", "118"),
        ("notice", "fixtures/article.yaml", "132"),
        ("notice", "fixtures/article.yaml", "157"),  # DT01 closing_weekday
        ("notice", "fixtures/article.yaml", "164"),  # DT02 expo_duration
        ("notice", "fixtures/article.yaml", "188"),  # DT03 inaugural_year
        ("error", "fixtures/broken/parts-do-not-add-up.yaml", "11"),
        ("error", "fixtures/broken/points-as-percent.yaml", "10"),
        ("error", "fixtures/broken/quadrupled.yaml", "10"),
        ("error", "fixtures/broken/ratio-as-increase.yaml", "10"),
        ("error", "fixtures/broken/share-of-28.yaml", "14"),
        ("error", "fixtures/broken/signups-from-70.yaml", "18"),
        ("error", "drafts/odd%2C name%3A 100%25.yaml", "3"),  # the input error
        ("warning", "drafts/odd%2C name%3A 100%25.yaml", "12"),  # the suppressed MU01 makes none
    ]
    assert lines[-1] == (
        "validate: 21 claims in 8 files: 6 inconsistent, 0 doubtful, 2 ambiguous, 5 unverifiable, 7 consistent,"
        " 1 suppressed, 1 input error (annotations: 7 errors, 2 warnings, 5 notices)"
    )


def test_github_exact_lines_with_the_working_escaped(reports):
    lines = run("github", reports).splitlines()
    assert lines[11] == (
        "::error file=fixtures/broken/signups-from-70.yaml,line=18,col=5,title=CH01 percent-change::"
        "70 companies and institutions to 102 companies and institutions is a rise of 45.7%25, not 50 percent."
        "%0A102 / 70 = 1.457: a rise of 45.7%25"
        "%0A'50 percent' allows 49.5%25 to 50.5%25"
        "%0Awhat the claim implies for the earlier figure: 102 / (1 + 50%25) = 68"
        "%0AConsistent alternatives: 'a 46 percent increase'; or 105 as the later figure;"
        " or 68 as the earlier figure."
    )
    assert lines[12] == (
        "::error file=drafts/odd%2C name%3A 100%25.yaml,line=3,col=7,title=IN01 yaml-syntax::"
        "YAML syntax error: expected ',' or ']' at 50%25%0D%0Abut found ':'"
    )
    assert lines[0] == (
        "::warning file=fixtures/article.yaml,line=102,col=5,title=MU01 multiple::"
        "'four times higher than the previous year' is ambiguous; the figures fit 4 times as many."
        " Say '4 times as many'.%0A24,000 / 6,000 = 4"
        "%0A4 times as many: 24,000 / 4 = 6,000%0A4 times more = 5 times as many: 24,000 / 5 = 4,800"
    )


def test_github_lines_unescape_to_the_findings(reports):
    """Read each command back the way the runner does and get the finding's fields and working."""

    def unescape(s: str) -> str:
        for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
            s = s.replace(code, char)
        return s

    shown = [f for r in reports for f in r.findings if f.level is not Level.NONE and f.suppressed is None]
    lines = run("github", reports).splitlines()[:-1]
    assert len(lines) == len(shown)
    for line, f in zip(lines, shown, strict=True):
        command, props, data = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line).groups()
        fields = dict(p.split("=", 1) for p in props.split(","))
        assert {k: unescape(v) for k, v in fields.items()} == {
            "file": f.file,
            "line": str(f.line),
            "col": str(f.column),
            "title": f"{f.code} {f.rule}",
        }
        assert command == {"error": "error", "warning": "warning", "info": "notice"}[f.level.value]
        assert unescape(data) == printable(details(f))  # control characters written visibly (\x07)


# --- sarif -------------------------------------------------------------------------------------


def schema_errors(log: dict) -> list[str]:
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    validator = cls(SCHEMA, format_checker=cls.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(log)]


def test_sarif_is_valid_against_the_official_schema(reports):
    log = json.loads(run("sarif", reports))
    assert jsonschema.validators.validator_for(SCHEMA) is jsonschema.Draft4Validator
    assert schema_errors(log) == []
    # The check has teeth: a level SARIF does not know is caught.
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert len(schema_errors(log)) == 1


def test_sarif_run_driver_and_rules(reports):
    log = json.loads(run("sarif", reports))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json" and log["version"] == "2.1.0"
    (run_,) = log["runs"]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert run_["originalUriBaseIds"] == {"%SRCROOT%": {"uri": ROOT.as_uri() + "/"}}
    driver = run_["tool"]["driver"]
    assert driver["name"] == "validate" and driver["version"] == __version__
    assert driver.get("informationUri") == sarif.information_uri()
    rules = registry.all_rules()
    # every rule, then only the other codes used: here the hand-made input error
    assert [r["id"] for r in driver["rules"]] == [cls.code for cls in rules] + ["IN01"]
    share = driver["rules"][[cls.code for cls in rules].index("SH01")]
    assert share["name"] == "share"
    assert share["shortDescription"]["text"] == rules[[c.code for c in rules].index("SH01")].summary
    assert share["fullDescription"]["text"].startswith("A part stated as a share of a whole.\n\nWhat it does: ")
    assert share["help"]["text"] == registry.get("SH01").documentation()
    assert share["defaultConfiguration"] == {"level": "error"}
    assert driver["rules"][-1] == {
        "id": "IN01",
        "name": "yaml-syntax",
        "shortDescription": {"text": "The file is not YAML that can be read."},
        "fullDescription": {"text": "The file is not YAML that can be read."},
        "help": {"text": "IN01 yaml-syntax\n\nThe file is not YAML that can be read.\n"},
        "defaultConfiguration": {"level": "error"},
    }


def test_sarif_results(reports):
    run_ = json.loads(run("sarif", reports))["runs"][0]
    rules, results = run_["tool"]["driver"]["rules"], run_["results"]

    def where(r):
        location = r["locations"][0]["physicalLocation"]
        return location["artifactLocation"]["uri"], location["region"]["startLine"], r["ruleId"], r["level"]

    assert [where(r) for r in results] == [
        ("fixtures/article.yaml", 102, "MU01", "warning"),
        ("fixtures/article.yaml", 118, "SH01", "note"),
        ("fixtures/article.yaml", 132, "SH01", "note"),
        ("fixtures/article.yaml", 157, "DT01", "note"),
        ("fixtures/article.yaml", 164, "DT02", "note"),
        ("fixtures/article.yaml", 188, "DT03", "note"),
        ("fixtures/broken/parts-do-not-add-up.yaml", 11, "SU01", "error"),
        ("fixtures/broken/points-as-percent.yaml", 10, "CH01", "error"),
        ("fixtures/broken/quadrupled.yaml", 10, "MU01", "error"),
        ("fixtures/broken/ratio-as-increase.yaml", 10, "CH01", "error"),
        ("fixtures/broken/share-of-28.yaml", 14, "SH01", "error"),
        ("fixtures/broken/signups-from-70.yaml", 18, "CH01", "error"),
        ("drafts/odd%2C%20name%3A%20100%25.yaml", 3, "IN01", "error"),
        ("drafts/odd%2C%20name%3A%20100%25.yaml", 9, "MU01", "error"),  # suppressed, still listed
        ("drafts/odd%2C%20name%3A%20100%25.yaml", 12, "SH01", "warning"),
    ]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert [r.get("suppressions") for r in results].count(None) == len(results) - 1
    assert results[13]["suppressions"] == [{"kind": "inSource", "justification": SUPPRESSION}]

    signups = results[11]
    f = find(reports, "fixtures/broken/signups-from-70.yaml", "CH01")
    assert signups["message"]["text"] == details(f)
    assert signups["locations"][0]["physicalLocation"]["region"] == {"startLine": 18, "startColumn": 5}
    assert signups["properties"] == {
        "verdict": "inconsistent",
        "claim": "signups_growth",
        "implied": {},
    }
    assert results[1]["properties"]["implied"] == {"international_exhibitors": "414 to 426"}
    assert results[12]["properties"] == {"implied": {}}  # input errors have no verdict or claim


def test_sarif_output_is_ascii_and_round_trips(reports):
    text = run("sarif", reports)
    assert text.isascii()
    message = json.loads(text)["runs"][0]["results"][-1]["message"]["text"]
    assert message == "<b>Costs & fees</b> of \u20ac5 \x07 rang\n5 < 6"


def test_sarif_absolute_paths_are_file_uris(tmp_path):
    path = tmp_path / "a b.yaml"
    assert sarif.artifact_location(str(path)) == {"uri": path.as_uri()}
    assert path.as_uri().endswith("/a%20b.yaml")


def test_sarif_information_uri_comes_from_the_package_metadata(monkeypatch):
    meta = Message()
    meta["Name"] = "news-validator"
    monkeypatch.setattr(sarif.metadata, "metadata", lambda name: meta)
    assert sarif.information_uri() is None
    meta["Project-URL"] = "Homepage, https://example.org/validate"
    assert sarif.information_uri() == "https://example.org/validate"


# --- junit -------------------------------------------------------------------------------------


def counts(element: ET.Element) -> tuple[int, ...]:
    return tuple(int(element.get(k)) for k in ("tests", "failures", "errors", "skipped"))


def test_junit_totals_and_suites(reports):
    text = run("junit", reports)
    assert text.isascii()
    root = ET.fromstring(text)
    assert root.tag == "testsuites" and root.get("name") == "validate"
    assert counts(root) == (22, 6, 1, 1)
    assert float(root.get("time")) >= 0
    suites = root.findall("testsuite")
    assert [(s.get("name"), counts(s)) for s in suites] == [
        ("fixtures/article.yaml", (13, 0, 0, 0)),
        *[(name, (1, 1, 0, 0)) for name in BROKEN],
        (ODD, (3, 0, 1, 1)),
    ]
    assert all(float(s.get("time")) >= 0 for s in suites)
    assert len(root.findall("testsuite/testcase")) == 22


def test_junit_test_cases(reports):
    root = ET.fromstring(run("junit", reports))
    article, *_, signups, odd = root.findall("testsuite")

    cases = article.findall("testcase")
    assert [c.get("name") for c in cases[:2]] == [
        "CH01 percent-change attendance_growth (line 94)",
        "MU01 multiple sessions_multiple (line 102)",
    ]
    assert {c.get("classname") for c in cases} == {"fixtures.article.yaml"}
    ambiguous = cases[1]
    assert [child.tag for child in ambiguous] == ["system-out"]  # passes, with the working
    assert ambiguous.find("system-out").text == details(find(reports, "fixtures/article.yaml", "MU01"))
    consistent = article.find("testcase[@name='CH02 from-to countries_growth (line 139)']")
    assert list(consistent) == []

    (case,) = signups.findall("testcase")
    assert case.attrib == {
        "classname": "fixtures.broken.signups-from-70.yaml",
        "name": "CH01 percent-change signups_growth (line 18)",
        "file": "fixtures/broken/signups-from-70.yaml",
        "line": "18",
    }
    failure = case.find("failure")
    f = find(reports, "fixtures/broken/signups-from-70.yaml", "CH01")
    assert failure.get("type") == "CH01" and failure.get("message") == f.message
    assert failure.text == details(f)

    error, skipped, warned = odd.findall("testcase")
    assert error.get("name") == "IN01 yaml-syntax (line 3)" and error.get("classname") == "drafts.odd, name: 100%.yaml"
    assert [c.tag for c in error] == ["error"] and error.find("error").get("type") == "IN01"
    # Line breaks are written as LF: XML parsers would turn a CR into one anyway.
    assert error.find("error").text == "YAML syntax error: expected ',' or ']' at 50%\nbut found ':'"
    assert skipped.get("name") == "MU01 multiple density (line 9)"
    assert [c.tag for c in skipped] == ["skipped"]
    assert skipped.find("skipped").get("message") == f"suppressed: {SUPPRESSION}"
    # Markup is escaped, the euro sign kept, and the bell (not allowed in XML) made visible.
    assert warned.find("system-out").text == "<b>Costs & fees</b> of \u20ac5 \\x07 rang\n5 < 6"


def test_junit_level_error_fails_an_ambiguous_claim():
    finding = Finding("a.yaml", 4, 5, "MU01", "multiple", Verdict.AMBIGUOUS, Level.ERROR, "Two readings.")
    root = ET.fromstring(run("junit", [FileReport("a.yaml", [finding], claims=1)]))
    assert counts(root) == (1, 1, 0, 0)
    assert root.find("testsuite/testcase/failure").get("type") == "MU01"


def test_junit_classname_has_no_empty_leading_levels():
    finding = Finding("../up/a.yaml", 1, 1, "CH02", "from-to", Verdict.CONSISTENT, Level.NONE, "Fine.")
    root = ET.fromstring(run("junit", [FileReport("../up/a.yaml", [finding], claims=1)]))
    (case,) = root.findall("testsuite/testcase")
    assert (case.get("classname"), case.get("file")) == ("up.a.yaml", "../up/a.yaml")
    assert list(case) == [] and counts(root) == (1, 0, 0, 0)


# --- an engine finding: an unused suppression (NQ01) ---------------------------------------------


def test_unused_suppression_in_every_format():
    body = """
quantities:
  before: {value: "8", unit: units}
  after: {value: "40", unit: units}
claims:
  - rule: multiple
    from: before
    to: after
    factor: five times
    suppress: [{rule: SU01, reason: not a sum}]
"""
    report = check_text(sheet(body), "unused.yaml")
    assert [(f.code, f.level) for f in report.findings] == [("MU01", Level.NONE), ("NQ01", Level.WARNING)]
    nq = report.findings[1]
    # The summary line is covered by the other tests; here only the NQ01 annotation matters.
    lines = run("github", [report], summarize=False).splitlines()
    assert lines[0] == (
        f"::warning file=unused.yaml,line={nq.line},col={nq.column},title=NQ01 unused-suppression::"
        "The suppression of 'SU01' silences nothing (the claim is checked by MU01 multiple); remove it."
    )
    log = json.loads(run("sarif", [report], summarize=False))
    assert schema_errors(log) == []
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["rules"][-1]["id"] == "NQ01" and driver["rules"][-1]["name"] == "unused-suppression"
    assert driver["rules"][-1]["defaultConfiguration"] == {"level": "warning"}
    (result,) = log["runs"][0]["results"]
    assert (result["ruleId"], result["ruleIndex"], result["level"]) == ("NQ01", len(driver["rules"]) - 1, "warning")
    assert result["properties"] == {"claim": "claims[0]", "implied": {}}
    root = ET.fromstring(run("junit", [report], summarize=False))
    assert counts(root) == (2, 0, 0, 0)
    (case,) = root.findall(f"testsuite/testcase[@name='NQ01 unused-suppression claims[0] (line {nq.line})']")
    assert case.find("system-out").text == details(nq)


# --- the doubtful verdict: a warning in every format, counted, failing only --strict -------------


def doubtful() -> FileReport:
    finding = Finding(
        file="a.yaml",
        line=6,
        column=5,
        code="CH01",
        rule="percent-change",
        verdict=Verdict.DOUBTFUL,
        level=Level.WARNING,
        message="Fits only if '210,000' is rounded to the nearest 10,000 (205,000 to 215,000).",
        arithmetic=["210,000 / 190,000 = 1.105: a rise of 10.5%"],
        claim="attendance",
    )
    return FileReport("a.yaml", [finding], claims=1)


def test_doubtful_in_the_text_report_and_its_summary():
    text = run("text", [doubtful()])
    assert text.splitlines()[1] == "  6:5      ~ doubtful  CH01 percent-change"
    summary = "1 claim in 1 file: 0 inconsistent, 1 doubtful, 0 ambiguous, 0 unverifiable, 0 consistent"
    assert text.splitlines()[-1] == summary
    out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    reporter = reporters.get("text")(out)
    reporter.file(doubtful())
    out.seek(0)
    assert out.read().splitlines()[1] == "  6:5      ~~ doubtful  CH01 percent-change"


def test_doubtful_in_the_machine_formats():
    report = doubtful()
    data = json.loads(run("json", [report]))
    assert data["files"][0]["findings"][0]["verdict"] == "doubtful"
    assert data["files"][0]["findings"][0]["level"] == "warning"
    assert data["summary"]["verdicts"] == {
        "consistent": 0, "inconsistent": 0, "doubtful": 1, "ambiguous": 0, "unverifiable": 0
    }  # fmt: skip
    github_lines = run("github", [report]).splitlines()
    assert github_lines[0].startswith("::warning file=a.yaml,line=6,col=5,title=CH01 percent-change::Fits only if")
    assert github_lines[1] == (
        "validate: 1 claim in 1 file: 0 inconsistent, 1 doubtful, 0 ambiguous, 0 unverifiable, 0 consistent,"
        " 0 suppressed, 0 input errors (annotations: 0 errors, 1 warning, 0 notices)"
    )
    (result,) = json.loads(run("sarif", [report]))["runs"][0]["results"]
    assert (result["level"], result["properties"]["verdict"]) == ("warning", "doubtful")
    root = ET.fromstring(run("junit", [report]))
    assert counts(root) == (1, 0, 0, 0)  # a warning passes, with its working
    assert root.find("testsuite/testcase/system-out").text == details(report.findings[0])


def test_doubtful_in_the_html_report():
    page = run("html", [doubtful()])
    assert '<span class="badge v-doubtful" aria-hidden="true">~</span>' in page
    assert "Doubtful" in page and "No claim fails" not in page


def test_doubtful_fails_only_a_strict_run():
    summary = reporters.Summary()
    summary.add(doubtful())
    assert (summary.exit_code(), summary.exit_code(strict=True)) == (0, 1)
