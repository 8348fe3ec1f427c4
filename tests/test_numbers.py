"""Reading numbers as written: values, precision, qualifiers, errors; news-style round trips."""

from fractions import Fraction as F

import pytest
from hypothesis import given
from hypothesis import strategies as st

from validator.interval import Interval
from validator.numbers import Kind, NumberFormatError, Qualifier, parse, write
from validator.policy import Policy, QualifierReach, Rounding, TrailingZeros

POLICY = Policy()


@pytest.mark.parametrize(
    ("text", "value", "step", "round_step", "kind"),
    [
        ("6,000", F(6000), F(1), F(1000), Kind.NUMBER),
        ("210,000", F(210000), F(1), F(10000), Kind.NUMBER),
        ("1.2 million", F(1200000), F(100000), F(100000), Kind.NUMBER),
        ("0.50", F(1, 2), F(1, 100), F(1, 100), Kind.NUMBER),
        ("0.5", F(1, 2), F(1, 10), F(1, 10), Kind.NUMBER),
        ("35 percent", F(35), F(1), F(1), Kind.PERCENT),
        ("35%", F(35), F(1), F(1), Kind.PERCENT),
        ("17.5 per cent", F(35, 2), F(1, 10), F(1, 10), Kind.PERCENT),
        ("four", F(4), F(1), F(1), Kind.NUMBER),
        ("twenty-five", F(25), F(1), F(1), Kind.NUMBER),
        ("three million", F(3000000), F(1000000), F(1000000), Kind.NUMBER),
        ("3.5bn", F(3500000000), F(100000000), F(100000000), Kind.NUMBER),
        ("210k", F(210000), F(1000), F(10000), Kind.NUMBER),
        # A factor named by a word is stated to two significant figures; in digits, as written.
        ("four times", F(4), F(1, 10), F(1, 10), Kind.MULTIPLE),
        ("threefold", F(3), F(1, 10), F(1, 10), Kind.MULTIPLE),
        ("doubled", F(2), F(1, 10), F(1, 10), Kind.MULTIPLE),
        ("twenty times", F(20), F(1), F(1), Kind.MULTIPLE),
        ("4 times", F(4), F(1), F(1), Kind.MULTIPLE),
        ("2.5x", F(5, 2), F(1, 10), F(1, 10), Kind.MULTIPLE),
        ("9 percentage points", F(9), F(1), F(1), Kind.POINTS),
        ("750 basis points", F(15, 2), F(1, 100), F(1, 10), Kind.POINTS),
        ("-3.2%", F(-16, 5), F(1, 10), F(1, 10), Kind.PERCENT),
        ("\u22123.2%", F(-16, 5), F(1, 10), F(1, 10), Kind.PERCENT),
        (".00000056 percent", F(56, 10**8), F(1, 10**8), F(1, 10**8), Kind.PERCENT),
        ("five point two", F(26, 5), F(1, 10), F(1, 10), Kind.NUMBER),
        ("1e3", F(1000), F(1000), F(1000), Kind.NUMBER),
    ],
)
def test_values_and_precision(text, value, step, round_step, kind):
    w = parse(text)
    assert (w.value, w.step, w.round_step, w.kind) == (value, step, round_step, kind)
    assert w.text == text


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("one in three", F(1, 3), Kind.FRACTION),
        ("2 in every 7000", F(2, 7000), Kind.FRACTION),
        ("3 out of 4", F(3, 4), Kind.FRACTION),
        ("a third", F(1, 3), Kind.FRACTION),
        ("two-thirds", F(2, 3), Kind.FRACTION),
        ("half", F(1, 2), Kind.FRACTION),
        ("halved", F(1, 2), Kind.MULTIPLE),
        ("three-tenths of a point", F(3, 10), Kind.POINTS),
    ],
)
def test_fractions_and_ratios(text, value, kind):
    w = parse(text)
    assert (w.value, w.kind) == (value, kind)
    assert w.interval(POLICY).contains(value)


def test_currency_and_unit_are_kept_apart_from_the_magnitude():
    w = parse("£3.2m")
    assert (w.value, w.currency, w.unit) == (F(3200000), "GBP", None)
    w = parse("1,200 exhibitors")
    assert (w.value, w.unit) == (F(1200), "exhibitors")


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("67 percent", Interval(F(133, 2), F(135, 2))),
        ("1.2 million", Interval(F(1150000), F(1250000))),
        ("more than 6,000", Interval(F(6000), F(6600), True, True)),
        ("more than 200,000", Interval(F(200000), F(220000), True, True)),
        ("surpassed 210,000", Interval(F(210000), F(220000), True, True)),
        ("over 65 percent", Interval(F(65), F(66), True, True)),
        ("nearly 250%", Interval(F(240), F(250), True, True)),
        ("at least 20%", Interval(F(20), F(22), False, True)),
        ("up to 50", Interval(F(45), F(50), True, False)),
        ("less than 40 percent", Interval(F(36), F(40), True, True)),
        ("about 11,000", Interval(F(10500), F(11500))),
        ("about 156", Interval(F(155), F(157))),
        ("exactly 102", Interval(F(102), F(102))),
    ],
)
def test_strict_intervals(text, interval):
    assert parse(text).interval(POLICY) == interval


def test_trailing_zeros_policies():
    w = parse("210,000")
    exact = Policy(trailing_zeros=TrailingZeros.EXACT, rounding=Rounding.NEAREST)
    assert w.interval(exact, lenient=True) == Interval(F(419999, 2), F(420001, 2))
    assert w.interval(Policy(trailing_zeros=TrailingZeros.EXACT), lenient=True) == Interval(
        F(419999, 2), F(210001), False, True
    )
    assert w.interval(Policy(trailing_zeros=TrailingZeros.ROUNDED, rounding=Rounding.NEAREST)) == Interval(
        F(205000), F(215000)
    )
    either = Policy(trailing_zeros=TrailingZeros.EITHER, rounding=Rounding.NEAREST)
    assert w.interval(either) == Interval(F(419999, 2), F(420001, 2))
    assert w.interval(either, lenient=True) == Interval(F(205000), F(215000))


def test_truncation_extends_away_from_zero_only_when_lenient():
    w = parse("1,154%")
    assert w.interval(POLICY) == Interval(F(2307, 2), F(2309, 2))
    assert w.interval(POLICY, lenient=True) == Interval(F(2307, 2), F(1155), False, True)


def test_unbounded_qualifier_policy():
    assert parse("more than 6,000").interval(Policy(qualifier_reach=QualifierReach.UNBOUNDED)) == Interval(
        F(6000), None, True, True
    )


def test_qualifier_synonyms():
    assert parse("surpassed 210,000").qualifier is Qualifier.MORE_THAN
    assert parse("an estimated 447,300").qualifier is Qualifier.ABOUT
    assert parse("almost 54 percent").qualifier is Qualifier.NEARLY
    assert parse("no fewer than 12").qualifier is Qualifier.AT_LEAST


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1,2,3", "thousands separators must group three digits"),
        ("12..5", "more than one decimal point"),
        ("five point", "'point' must be followed by a digit word"),
        ("nan", "not a finite number"),
        (".inf", "not a finite number"),
        ("1e999", "exponent too large"),
        ("1" * 40, "more than 30 digits"),
        ("26 to 35", "more than one number"),
        ("", "empty number"),
        ("abc", "not a number we can read"),
        ("about over 5", "two qualifiers"),
    ],
)
def test_unreadable_numbers_say_why(text, message):
    with pytest.raises(NumberFormatError, match=message):
        parse(text)


# ---------------------------------------------------------------- round trips
styles = st.sampled_from(
    [
        ("", 0, None, False),  # 6,000
        ("", 2, None, False),  # 0.50
        (" million", 1, "million", False),  # 1.2 million
        (" billion", 2, "billion", False),
        (" percent", 0, None, False),  # 35 percent
        ("%", 1, None, False),  # 17.5%
        ("", 0, None, True),  # four
    ]
)


@given(st.integers(min_value=0, max_value=10**9), styles)
def test_news_style_round_trip(units, style):
    suffix, places, magnitude, words = style
    if words:
        units %= 100
    scale = F(10) ** (-places) * (F(10**6) if magnitude == "million" else F(10**9) if magnitude == "billion" else 1)
    value = units * scale
    text = write(value, places, magnitude, suffix, words)
    w = parse(text)
    assert w.value == value
    assert w.step == scale
    assert w.kind is (Kind.PERCENT if "%" in suffix or "percent" in suffix else Kind.NUMBER)
    assert write(w.value, places, magnitude, suffix, words) == text


@given(st.integers(min_value=-(10**12), max_value=10**12), st.integers(min_value=0, max_value=4))
def test_strict_interval_holds_every_value_that_rounds_to_the_text(units, places):
    value = F(units, 10**places)
    w = parse(write(value, places))
    iv = w.interval(Policy(trailing_zeros=TrailingZeros.EXACT, rounding=Rounding.NEAREST))
    half = F(1, 2 * 10**places)
    assert iv == Interval(value - half, value + half)
