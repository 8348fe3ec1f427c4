"""Arithmetic edge cases: zero and negative bases, shares over 100%, NaN and infinity, division
by zero in any relation, contradictory qualifiers. None raises: each gets a verdict or a clear
input error (these went through check_text, where an exception escapes; through the command it
was an IN99 internal error for the file)."""

from __future__ import annotations

import pytest

from tests.conftest import sheet
from tests.hostile.conftest import at, the_finding_beside_the_reference, write
from validator import numbers
from validator.check import check_text
from validator.policy import Policy


def findings(body: str):
    report = check_text(sheet(body), "edge.yaml")
    assert not [f for f in report.findings if f.code == "IN99"]
    return report.findings


def one(body: str):
    (finding,) = findings(body)
    return finding


def claim(rule: str, **fields) -> str:
    lines = [f"  - rule: {rule}"] + [f"    {k.rstrip('_')}: {v!r}" for k, v in fields.items()]
    return "claims:\n" + "\n".join(lines) + "\n"


# -------------------------------------------------------------------- division by zero


def test_a_percent_change_from_zero_given_as_the_difference():
    # from 0 to 150 is a difference of 150; the message divided by the base (TypeError).
    f = one(claim("percent-change", from_="0", to="150 percent", change="150 percent"))
    assert (f.verdict.value, f.line, f.column) == ("inconsistent", 6, 5)
    assert "no finite percent (it starts from zero)" in f.message


def test_a_multiple_of_zero():
    f = one(claim("multiple", from_="0", to="5", factor="twice", wording="as many as"))
    assert f.verdict.value == "inconsistent"
    assert f.message == "5 is no multiple of 0, not 'twice as many as': 'twice' means 1.95 to 2.05 times."
    assert f.data.actual_multiple is None


def test_zero_as_a_multiple_of_zero():
    f = one(claim("from-to", from_="0", to="0", change="twice"))
    assert f.verdict.value == "consistent"
    assert f.message == "0 is any multiple of 0, as 'twice' says."


def test_a_multiple_of_a_figure_known_on_one_side_only():
    f = one(claim("from-to", from_="more than 0", to="-94 days", change="48 times"))
    assert f.verdict.value == "inconsistent"
    assert f.message.startswith("-94 days is no multiple of")


def test_a_share_of_a_zero_whole():
    f = one(claim("share", part="0", whole="0", share="0"))
    assert f.verdict.value == "consistent"
    assert "any share of zero is zero" in f.message


def test_an_average_of_no_answers():
    f = one(claim("mean-granularity", mean="-0", n="-0"))
    assert f.verdict.value == "inconsistent"
    assert f.message == "An average of -0 needs at least one answer; the number of answers is 0."


def test_a_difference_with_an_implied_figure_bounded_on_one_side():
    f = one(
        "quantities:\n  d: {value: '-222 visitors'}\n"
        + claim("difference", smaller="-222 visitors", difference="d", wording="as many as")
    )
    assert f.verdict.value in ("unverifiable", "inconsistent")


@pytest.mark.parametrize("text", ["0 in 3", "zero in three", "zero thirds", "0 out of 5"])
def test_none_in_n_is_exactly_zero(text):
    # The interval of a ratio is per / d with d = per / value: 0 / 0 (found by atheris).
    w = numbers.parse(text)
    assert w.interval(Policy()).lo == w.interval(Policy(), lenient=True).hi == 0


def test_none_in_n_with_a_qualifier_is_refused():
    with pytest.raises(numbers.NumberFormatError, match="a qualifier on none at all"):
        numbers.parse("more than 0 in 3")


def test_a_ratio_in_zero_is_an_input_error(tmp_path):
    bad = write(tmp_path, "in-zero.yaml", sheet("quantities:\n  a: {value: one in zero}\n"))
    finding = the_finding_beside_the_reference(bad, "IN04")
    assert at(finding) == (6, 7)
    assert finding["message"] == "'one in zero': a ratio cannot be 'in zero'"


# ------------------------------------------------------------ zero and negative bases


@pytest.mark.parametrize(
    ("base", "later", "change"),
    [("0", "10", "100 percent"), ("-5", "5", "200 percent"), ("-5", "-10", "100 percent"), ("0", "0", "0 percent")],
)
def test_zero_and_negative_bases_get_a_verdict(base, later, change):
    f = one(claim("percent-change", from_=base, to=later, change=change, wording="increase"))
    assert f.verdict is not None and f.code == "CH01" and f.message


def test_a_share_over_100_percent_of_its_whole():
    f = one(claim("share", part="150", whole="100", share="150 percent"))
    assert f.verdict.value in ("consistent", "inconsistent")
    f = one("quantities:\n  p: {value: '150', unit: exhibitors}\n  w: {value: '100', unit: exhibitors}\n" + claim("share", part="p", whole="w", share="150 percent"))
    assert f.verdict is not None


def test_a_fall_of_more_than_100_percent():
    f = one(claim("percent-change", from_="100", to="50", change="150 percent", wording="fell"))
    assert f.verdict.value == "inconsistent"
    assert "a fall of more than 100%" in f.message


# ------------------------------------------------------------------- NaN and infinity


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "NaN", "inf", "Infinity", "-infinity"])
def test_nan_and_infinity_written_in_yaml_are_input_errors(tmp_path, value):
    bad = write(tmp_path, "nan.yaml", sheet(f"quantities:\n  a: {{value: {value}}}\n"))
    finding = the_finding_beside_the_reference(bad, "IN04")
    assert at(finding) == (6, 7)
    assert finding["message"] == f"'{value}' is not a finite number"


# ------------------------------------------------------------ contradictory qualifiers


def test_contradictory_qualifiers_on_one_quantity(tmp_path):
    bad = write(tmp_path, "qualifiers.yaml", sheet("quantities:\n  a: {value: more than 6000, qualifier: nearly}\n"))
    finding = the_finding_beside_the_reference(bad, "IN04")
    assert at(finding) == (6, 30)
    assert finding["message"] == "qualifier 'nearly' contradicts 'more than' in the value"


def test_two_qualifiers_in_one_value(tmp_path):
    bad = write(tmp_path, "two-qualifiers.yaml", sheet("quantities:\n  a: {value: about more than 6000}\n"))
    finding = the_finding_beside_the_reference(bad, "IN04")
    assert at(finding) == (6, 7)
    assert finding["message"] == "two qualifiers: 'about' and 'more than'"


def test_an_unknown_qualifier(tmp_path):
    bad = write(tmp_path, "sort-of.yaml", sheet("quantities:\n  a: {value: '6000', qualifier: sort of}\n"))
    finding = the_finding_beside_the_reference(bad, "IN04")
    assert at(finding) == (6, 22)
    assert finding["message"].startswith("unknown qualifier 'sort of'")
