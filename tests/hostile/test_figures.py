"""Figures in fact sheets written with the Unicode that copy carries: read as the number they
are, or refused as unreadable; never read as another number.

Before: '- 50 percent' was read as +50%, '3 ½ million' as 3 with the unit '½ million', '3 ⅓'
as 3, '12\\u0301' as 12, and '9\\u200d0' or '1 500' as two numbers.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given

from tests.hostile.conftest import run_json, sheet, write
from tests.strategies import figures, marked_figures
from validator.numbers import Kind, NumberFormatError, parse

SHEET = """\
quantities:
  fall_before: {value: "200", unit: visitors}
  fall_after: {value: "100", unit: visitors}
  mixed_before: {value: "3 ½ million", unit: tonnes}
  mixed_after: {value: "7 million", unit: tonnes}
  third: {value: "3 ⅓"}
  visitors_before: {value: "1\u202f000", unit: visitors}
  visitors_after: {value: "1\u00a0500", unit: visitors}
claims:
  - {id: detached_sign, rule: percent-change, from: fall_before, to: fall_after, change: "- 50 percent"}
  - {id: mixed_number, rule: percent-change, from: mixed_before, to: mixed_after, change: 100 percent}
  - {id: vulgar_third, rule: multiple, from: third, to: "10", factor: three times}
  - {id: si_thousands, rule: percent-change, from: visitors_before, to: visitors_after, change: 90 percent}
  - {id: joined, rule: share, whole: "100", part: "90", share: "\u200f9\u200d0 percent"}
"""


def test_figures_with_unicode_are_read_as_the_numbers_they_are(tmp_path):
    exit_code, document = run_json(write(tmp_path, "figures.yaml", sheet(SHEET)))
    assert exit_code == 1
    (report,) = document["files"]
    got = {f["claim"]: (f["verdict"], f["message"]) for f in report["findings"]}
    assert got == {
        "detached_sign": ("consistent", "200 visitors to 100 visitors is a fall of 50%, as '- 50 percent' says."),
        "mixed_number": (
            "consistent",
            "3 ½ million tonnes to 7 million tonnes is a rise of 100%, as '100 percent' says.",
        ),
        "vulgar_third": ("consistent", "10 is 3 times 3 ⅓, as 'three times' says."),
        # Read as 1,000 and 1,500 (not 1 and 500): the wrong change is caught, as with commas.
        "si_thousands": (
            "inconsistent",
            "1\u202f000 visitors to 1\u00a0500 visitors is a rise of 50%, not 90 percent.",
        ),
        "joined": ("consistent", "90 of 100 is 90%, as '\u200f9\u200d0 percent' says."),
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("12\u0301", "'12\u0301' has a combining mark (U+0301) on a figure; write the number without it"),
        ("\u20dd5 percent", "'\u20dd5 percent' has a combining mark (U+20DD) on a figure; write the number without it"),
        ("½ million", "'½ million': write a fraction of a million or a billion as a decimal (0.5 million)"),
        ("1 500,000", "'1 500,000' is not a number: thousands separators must group three digits (1,234,567)"),
        ("1 50", "'1 50' holds more than one number; write one number a field"),
    ],
)
def test_figures_that_cannot_be_read_are_refused(tmp_path, value, message):
    bad = write(tmp_path, "bad.yaml", sheet(f'quantities:\n  a: {{value: "{value}"}}\n'))
    exit_code, document = run_json(bad)
    assert exit_code == 2
    ((finding,),) = [r["findings"] for r in document["files"]]
    assert (finding["line"], finding["column"], finding["code"], finding["message"]) == (6, 7, "IN04", message)


@pytest.mark.parametrize(
    ("text", "value", "step"),
    [
        ("- 50 percent", -50, 1),
        ("\u2212 50 percent", -50, 1),
        ("+ 5", 5, 1),
        ("3 ½ million", Fraction(7, 2) * 10**6, Fraction(1, 2) * 10**6),
        ("3½", Fraction(7, 2), Fraction(1, 2)),
        ("3 ⅓", Fraction(10, 3), Fraction(1, 3)),
        ("1,500¾", Fraction(6003, 4), Fraction(1, 4)),
        ("1\u2009500\u2009000", 1_500_000, 1),
        ("9\u200d0", 90, 1),
        ("\u200f90 percent", 90, 1),
    ],
)
def test_each_form_is_read_exactly(text, value, step):
    written = parse(text)
    assert (written.value, written.step) == (value, step)


def test_a_fraction_alone_is_read_as_its_words():
    assert parse("⅔").interval(_policy()) == parse("two-thirds").interval(_policy())
    assert parse("⅔").kind is Kind.FRACTION


def _policy():
    from validator.policy import Policy

    return Policy()


@given(figures())
def test_a_figure_with_unicode_spacing_and_format_characters_reads_as_its_plain_form(figure):
    written, plain = parse(figure.text), parse(figure.plain)
    assert written.value == plain.value == figure.value
    assert (written.kind, written.unit, written.step, written.round_step) == (
        plain.kind,
        plain.unit,
        plain.step,
        plain.round_step,
    )


@given(marked_figures())
def test_a_figure_with_a_combining_mark_on_a_digit_is_refused(text):
    with pytest.raises(NumberFormatError, match="has a combining mark"):
        parse(text)
