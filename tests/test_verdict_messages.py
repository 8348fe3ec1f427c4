"""A verdict and its message never disagree: every documented example, every fixture and the
examples of issue 14, each with the verdict and the first sentence it must have."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, check, disagreement
from validator import registry
from validator.check import check_path
from validator.findings import Finding, Level, Verdict

FIXTURES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "fixtures").rglob("*.yaml"))


def test_the_checker_has_teeth():
    def finding(verdict: Verdict, message: str) -> Finding:
        return Finding("a.yaml", 1, 1, "CH01", "percent-change", verdict, Level.NONE, message)

    assert disagreement(finding(Verdict.CONSISTENT, "2.1 million to 2.3 million is a rise of 9.52%, not 15%."))
    assert disagreement(finding(Verdict.CONSISTENT, "No whole total of 28 answers averages 5.28."))
    assert disagreement(finding(Verdict.INCONSISTENT, "68 to 102 is a rise of 50%, as '50 percent' says."))
    assert disagreement(finding(Verdict.DOUBTFUL, "Borderline: it holds when read leniently."))
    assert disagreement(finding(Verdict.CONSISTENT, "68 to 102 is a rise of 50%, as '50 percent' says.")) is None


@pytest.mark.parametrize(
    "example",
    [pytest.param(e, id=f"{cls.code}-{i}") for cls in registry.all_rules() for i, e in enumerate(cls.examples)],
)
def test_every_documented_example_agrees_with_its_verdict(example):
    for f in check(example.sheet):  # check() asserts the agreement of every finding
        assert disagreement(f) is None


@pytest.mark.parametrize("path", FIXTURES)
def test_every_fixture_agrees_with_its_verdicts(path):
    report = check_path(ROOT / path)
    assert report.findings
    assert [d for f in report.findings if (d := disagreement(f))] == []


def one(body: str) -> Finding:
    (finding,) = check(body)
    return finding


def test_a_rise_that_holds_only_with_rounded_zeros_is_doubtful():
    f = one("""
quantities:
  before: {value: "190,000", unit: visitors}
  after: {value: "210,000", unit: visitors}
claims:
  - {rule: percent-change, from: before, to: after, change: 5 percent, wording: rose}
""")
    assert (f.verdict, f.level) == (Verdict.DOUBTFUL, Level.WARNING)
    assert f.message == (
        "Fits only if '190,000' is rounded to the nearest 10,000 (185,000 to 195,000) and '210,000' is rounded"
        " to the nearest 10,000 (205,000 to 215,000). As written, 190,000 visitors to 210,000 visitors is a rise"
        " of 10.5%, not 5 percent."
    )


@pytest.mark.parametrize("percent", ["20", "22", "23", "29", "30"])
def test_1200_to_1500_with_a_change_it_fits_only_leniently_is_doubtful(percent):
    f = one(f"""
claims:
  - {{rule: percent-change, from: "1,200", to: "1,500", change: {percent} percent, wording: rose}}
""")
    assert f.verdict is Verdict.DOUBTFUL and f.message.startswith("Fits only if '1,")


@pytest.mark.parametrize(
    ("frm", "to", "factor", "verdict"),
    [
        ("40", "99", "doubled", Verdict.INCONSISTENT),
        ("8", "5", "halved", Verdict.INCONSISTENT),
        ("40", "81", "doubled", Verdict.CONSISTENT),
        ("40", "79", "doubled", Verdict.CONSISTENT),
        ("40", "99", "more than doubled", Verdict.CONSISTENT),
        ("40", "70", "nearly doubled", Verdict.INCONSISTENT),
        ("40", "77", "nearly doubled", Verdict.CONSISTENT),
        ("40", "82", "nearly doubled", Verdict.INCONSISTENT),
        ("10", "27", "tripled", Verdict.INCONSISTENT),
        ("100", "297", "tripled", Verdict.CONSISTENT),
        ("100", "275", "nearly tripled", Verdict.CONSISTENT),
        ("100", "290", "about three times", Verdict.CONSISTENT),
        ("100", "360", "about three times", Verdict.INCONSISTENT),
        ("8", "4.4", "roughly halved", Verdict.CONSISTENT),
        ("90", "40", "more than halved", Verdict.CONSISTENT),
        ("90", "50", "more than halved", Verdict.INCONSISTENT),
        ("100", "300", "twice", Verdict.INCONSISTENT),
    ],
)
def test_number_words_mean_their_number(frm, to, factor, verdict):
    f = one(f"""
claims:
  - {{rule: multiple, from: "{frm}", to: "{to}", factor: {factor}}}
""")
    assert f.verdict is verdict, f.message


def test_doubled_to_99_from_40_names_the_range_and_suggests_what_fits():
    f = one("""
claims:
  - {rule: multiple, from: "40", to: "99", factor: doubled}
""")
    assert f.message == "99 is 2.475 times 40, not 'doubled': 'doubled' means 1.95 to 2.05 times."
    assert (
        f.suggestion == "Consistent alternatives: 'more than doubled'; or 'about 2.5 times'; or 80 as the later figure."
    )


def test_halved_from_8_to_5_is_an_error():
    f = one("""
claims:
  - {rule: multiple, from: "8", to: "5", factor: halved}
""")
    assert f.message == "5 is 0.625 times 8, not 'halved': 'halved' means 0.4878 to 0.5128 times."
    assert f.suggestion == "Consistent alternatives: 'a fall of 38 percent'; or 4 as the later figure."


@pytest.mark.parametrize("total", ['"100%"', "100 percent", "all"])
def test_an_explicit_whole_is_exact(total):
    f = one(f"""
claims:
  - rule: sum
    parts: [45%, 30%, 20%]
    total: {total}
""")
    assert f.verdict is Verdict.INCONSISTENT
    assert f.message.startswith("The parts add up to 95% (93.5% to 96.5% with rounding), not ")


def test_a_share_of_all_is_the_whole():
    assert (
        one("""
claims:
  - {rule: share, part: "1,200", whole: "1,200", share: all}
""").verdict
        is Verdict.CONSISTENT
    )
    f = one("""
claims:
  - {rule: share, part: "480", whole: "500", share: all}
""")
    assert f.verdict is Verdict.INCONSISTENT and f.message == "480 of 500 is 96%, not all."


def test_a_change_that_fits_only_within_rounding_says_so_with_the_ranges():
    f = one("""
claims:
  - {rule: percent-change, from: 2.1 million, to: 2.3 million, change: 15%, wording: rise}
""")
    assert f.verdict is Verdict.CONSISTENT
    assert f.message == (
        "Read as 2.05 million to 2.15 million and 2.25 million to 2.35 million, the rise is 4.65% to 14.6%,"
        " which reaches '15%' (14.5% to 15.5%)."
    )


def test_points_that_fit_only_within_rounding_say_so_with_the_ranges():
    f = one("""
claims:
  - {rule: percentage-points, from: 4 percent, to: 6 percent, change: 3 percentage points, wording: rose}
""")
    assert f.verdict is Verdict.CONSISTENT
    assert f.message == (
        "Read as 3.5% to 4.5% and 5.5% to 6.5%, the change is 1 to 3 points, which reaches"
        " '3 percentage points' (2.5 to 3.5 points)."
    )


def test_a_restatement_that_meets_only_at_the_edge_says_so():
    f = one("""
claims:
  - {rule: restatement, value: 1.3 million tonnes, as: 1.2 billion kilograms}
""")
    assert f.verdict is Verdict.CONSISTENT
    assert f.message == (
        "Read as 1.25 billion to 1.35 billion kilograms and 1.15 billion to 1.25 billion kilograms, 1.3 million"
        " tonnes and 1.2 billion kilograms meet at 1.25 billion kilograms, at the edge of both roundings."
    )


def test_a_mean_that_fits_only_if_truncated_is_doubtful():
    f = one("""
claims:
  - {rule: mean-granularity, mean: "5.28", n: "28"}
""")
    assert f.verdict is Verdict.DOUBTFUL
    assert f.message.startswith(
        "Fits only if '5.28' was truncated (between 5.28 and 5.29): it fits if truncated, not if rounded."
    )


@pytest.mark.parametrize(
    ("before", "after", "change", "suggestion"),
    [
        ("{value: '200', unit: staff}", "{value: '270', unit: staff}", "30 percent", "or 208 as the earlier figure"),
        ("{value: '110', unit: units}", "{value: '150', unit: units}", "25 percent", "or 138 as the later figure"),
        ('"1,234"', '"1,650"', "30 percent", "or 1,269 as the earlier figure"),
        ('"12.5"', '"14.1"', "30 percent", "or 10.8 as the earlier figure"),
    ],
)
def test_suggestions_respect_the_measure(before, after, change, suggestion):
    f = one(f"""
claims:
  - {{rule: percent-change, from: {before}, to: {after}, change: {change}, wording: grew}}
""")
    assert f.verdict is Verdict.INCONSISTENT and suggestion in f.suggestion, f.suggestion


def test_strict_fails_a_doubtful_claim_and_a_plain_run_does_not(tmp_path: Path):
    from tests.conftest import run_cli, sheet

    path = tmp_path / "doubtful.yaml"
    path.write_text(
        sheet("""
claims:
  - {rule: percent-change, from: "190,000", to: "210,000", change: 5 percent, wording: rose}
""")
    )
    assert run_cli(str(path)).returncode == 0
    assert run_cli("--strict", str(path)).returncode == 1
