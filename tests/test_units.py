"""Units, magnitudes and rates over time: pint conversions, dimensions, currencies, growth."""

import subprocess
import sys
from fractions import Fraction as F

from hypothesis import assume, given
from hypothesis import strategies as st

from tests.conftest import ROOT, check, verdict_of
from validator.display import fixed
from validator.numbers import write
from validator.policy import Policy, Rounding, TrailingZeros

EXACT = Policy(rounding=Rounding.NEAREST, trailing_zeros=TrailingZeros.EXACT)


def one(body, policy=None):
    (finding,) = check(body, policy)
    return finding


def test_pint_is_not_loaded_for_a_sheet_without_units():
    code = (
        "import sys; from validator.api import validate; run = validate(['fixtures/article.yaml']); "
        "assert run.reports[0].claims; print('pint' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
    code = code.replace("fixtures/article.yaml", "tests/data/units.yaml")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.strip() == "True", done.stderr


def test_magnitude_suffixes_are_not_units():
    f = one("""
claims:
  - rule: restatement
    value: £3.2m
    as: 3,200,000 pounds sterling
""")
    assert f.verdict.value == "consistent"


def test_restatement_shows_the_conversion():
    f = one("""
claims:
  - rule: restatement
    value: 1.2 million tonnes
    as: 120 million kilograms
""")
    assert f.verdict.value == "inconsistent"
    assert f.message == (
        "1.2 million tonnes is 1.2 billion kilograms, not 120 million kilograms (10 times too small: a magnitude slipped?)."
    )
    assert f.suggestion == "Consistent alternative: '1.2 billion kilograms'."


def test_incompatible_dimensions_name_both_units():
    f = one("""
claims:
  - rule: percent-change
    from: 1.2 million tonnes
    to: 1.4 billion yuan
    change: 16 percent
""")
    assert f.verdict.value == "inconsistent"
    assert f.message == (
        "'yuan' (currency_CNY) and 'tonnes' (mass) measure different things, so this claim cannot link them."
    )


def test_two_currencies_need_a_stated_rate_with_its_date():
    f = one("""
claims:
  - rule: restatement
    value: 1.2 billion yuan
    as: $167 million
""")
    assert f.verdict.value == "inconsistent"
    assert "different currencies" in f.message and "exchange rate the fact sheet states" in f.message
    findings = check("""
quantities:
  rate: {value: 7.18 yuan per dollar, period: "2025-07-18"}
claims:
  - rule: restatement
    value: 1.2 billion yuan
    as: $167 million
    rate: rate
""")
    assert findings[0].verdict.value == "consistent"
    assert findings[0].arithmetic == ["1.2 billion yuan / 7.18 = $167.1 million (7.18 yuan per dollar, 2025-07-18)"]


def test_an_exchange_rate_without_a_date_is_an_input_error():
    from tests.conftest import sheet
    from validator.check import check_text

    report = check_text(sheet("""
quantities:
  rate: {value: 7.18 yuan per dollar}
claims:
  - rule: restatement
    value: 1.2 billion yuan
    as: $167 million
    rate: rate
"""), "t.yaml")
    (error,) = report.input_errors
    assert error.message == "an exchange rate needs the date it applies to (period)"
    assert error.line == 6


def test_pence_and_pounds_are_one_currency():
    findings = check("""
claims:
  - rule: from-to
    from: £4.47
    to: £4.71
    change: 24p
    wording: risen
  - rule: percent-change
    from: £4.47
    to: £4.71
    change: 5.37%
""")
    assert [f.verdict.value for f in findings] == ["consistent", "consistent"]


def test_rate_units_cancel_and_a_wrong_total_is_caught():
    f = one("""
claims:
  - rule: rate
    total: about $3,000
    rate: $6 a gram
    amount: 18-kilogram
""")
    assert f.verdict.value == "inconsistent"
    assert f.message == "$6 a gram for 18-kilogram is $108,000, not about $3,000."
    assert f.arithmetic[0] == "6 x 18 x 1,000 = $108,000"


def test_rate_with_units_that_do_not_cancel_is_an_input_error():
    from tests.conftest import sheet
    from validator.check import check_text

    report = check_text(sheet("""
claims:
  - rule: rate
    total: 10 tonnes
    rate: $6 a gram
    amount: 18 kilograms
"""), "t.yaml")
    (error,) = report.input_errors
    assert error.message == "the units do not cancel: '$6 a gram' times '18 kilograms' is currency_USD, not mass"


def test_average_a_day_over_the_expo():
    f = one("""
quantities:
  total: {value: "12,000", unit: visitors}
claims:
  - rule: rate
    total: total
    rate: an average of 2,000 visitors a day
    amount: five days
""")
    assert f.verdict.value == "inconsistent"
    assert "is 10,000, not 12,000" in f.message


def test_per_capita_rates_compared_over_time():
    findings = check("""
quantities:
  officers_then: {value: "around 600,000", unit: officers}
  deaths_then: {value: about 156, unit: deaths}
  officers_now: {value: "about 900,000", unit: officers}
  deaths_now: {value: "47", unit: deaths}
  rate_then: {unit: deaths per officer}
  rate_now: {unit: deaths per officer}
claims:
  - {rule: rate, total: deaths_then, rate: rate_then, amount: officers_then}
  - {rule: rate, total: deaths_now, rate: rate_now, amount: officers_now}
  - rule: percent-change
    from: rate_then
    to: rate_now
    change: nearly 21 percent
    wording: decrease
""")
    assert [f.verdict.value for f in findings] == ["unverifiable", "unverifiable", "inconsistent"]
    assert findings[2].diagnosis == "ratio-as-change"


def test_compound_growth_readings():
    assert verdict_of("""
claims:
  - {rule: compound-growth, from: "100", to: "161", rate: about 10 percent, periods: five years}
""") == "consistent"
    f = one("""
claims:
  - {rule: compound-growth, from: "100", to: "200", rate: about 10 percent, periods: five years}
""")
    assert f.verdict.value == "inconsistent"
    assert f.message == "The figures mean 14.87% a period compounded over 5 periods, not about 10 percent."
    assert f.suggestion == "Consistent alternative: about 14.9 percent a year."
    f = one("""
claims:
  - {rule: compound-growth, from: "100", to: "150", rate: 10 percent, periods: five years, wording: an average of}
""")
    assert f.verdict.value == "ambiguous"


def test_annualised_rate():
    assert verdict_of("""
claims:
  - {rule: compound-growth, rate: 3.0 percent, periods: four quarters, total: 12.6 percent}
""") == "consistent"
    assert verdict_of("""
claims:
  - {rule: compound-growth, rate: 3.0 percent, periods: four quarters, total: 12.0 percent}
""") == "inconsistent"


def test_up_then_down_is_not_back_where_it_started():
    f = one("""
claims:
  - rule: cumulative-change
    steps: [up 10%, down 10%]
    wording: back where it started
""")
    assert f.verdict.value == "inconsistent"
    assert f.arithmetic[0] == "1.1 x 0.9 = 0.99: -1% overall"


# --------------------------------------------------------------- properties
@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=3))
def test_converting_there_and_back_keeps_consistency(kilometres, decimals):
    """A distance in km, converted to miles and written at some precision, restates it."""
    miles = F(kilometres) * F(15625, 25146)  # exactly 1 km in miles
    shown = F(fixed(miles, decimals).replace(",", ""))
    body = f"""
claims:
  - rule: restatement
    value: {kilometres} km
    as: {write(shown, decimals)} miles
  - rule: restatement
    value: {write(shown, decimals)} miles
    as: {kilometres} km
"""
    assert [f.verdict.value for f in check(body, EXACT)] == ["consistent", "consistent"]


@given(st.integers(min_value=100, max_value=10**6), st.integers(min_value=-30, max_value=60), st.integers(1, 10), st.data())
def test_compound_series_with_rounded_rates_are_consistent_and_perturbed_ones_not(start, rate, years, data):
    end = F(start) * (1 + F(rate, 100)) ** years
    shown_end = F(fixed(end, 0).replace(",", ""))
    assume(shown_end > 0)
    body = f"""
claims:
  - {{rule: compound-growth, from: "{start}", to: "{fixed(shown_end, 0)}", rate: {rate} percent, periods: "{years}"}}
"""
    assert verdict_of(body, EXACT) == "consistent"
    # Moved beyond what any rate rounding to the stated one allows (start and end are rounded too).
    high = (start + F(1, 2)) * (1 + F(2 * rate + 1, 200)) ** years
    moved = high.__ceil__() + data.draw(st.integers(1, 1000))
    body = f"""
claims:
  - {{rule: compound-growth, from: "{start}", to: "{moved}", rate: {rate} percent, periods: "{years}"}}
"""
    assert verdict_of(body, EXACT) == "inconsistent"
