"""Hypothesis properties that a wrong engine would fail.

Every expected verdict here comes from an oracle written with plain Fractions,
independent of the engine's interval code.
"""

from fractions import Fraction as F

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.conftest import check, verdict_of
from validator.display import fixed
from validator.policy import Policy, Rounding, TrailingZeros

EXACT = Policy(rounding=Rounding.NEAREST, trailing_zeros=TrailingZeros.EXACT)

counts = st.integers(min_value=1, max_value=2_000_000)
places = st.integers(min_value=0, max_value=2)


def pct_text(value: F, decimals: int) -> str:
    return fixed(value, decimals) + " percent"


def round_to(value: F, decimals: int) -> F:
    return F(fixed(value, decimals).replace(",", ""))


def change_claim(before: str, after: str, change: str, wording: str, unit: str | None = None) -> str:
    if unit:
        return f"""
quantities:
  before: {{value: "{before}", unit: {unit}}}
  after: {{value: "{after}", unit: {unit}}}
claims:
  - rule: percent-change
    from: before
    to: after
    change: "{change}"
    wording: {wording}
"""
    return f"""
claims:
  - rule: percent-change
    from: "{before}"
    to: "{after}"
    change: "{change}"
    wording: {wording}
"""


@settings(deadline=None)
@given(counts, st.fractions(min_value=-99, max_value=500, max_denominator=1000), places)
def test_rounded_current_and_rounded_percent_are_consistent(before, pct, decimals):
    after = before * (1 + pct / 100)
    shown_after = round_to(after, 0)
    shown_pct = round_to(abs(pct), decimals)
    wording = "rose" if pct >= 0 else "fell"
    body = change_claim(fixed(F(before), 0), fixed(shown_after, 0), pct_text(shown_pct, decimals), wording)
    assert verdict_of(body, EXACT) == "consistent"


@settings(deadline=None)
@given(counts, counts, places)
def test_whole_counts_with_their_rounded_change_are_consistent(before, after, decimals):
    assume(before != after)
    pct = (F(after, before) - 1) * 100
    wording = "rose" if pct > 0 else "fell"
    body = change_claim(fixed(F(before), 0), fixed(F(after), 0), pct_text(round_to(abs(pct), decimals), decimals), wording, "people")
    assert verdict_of(body, EXACT) == "consistent"
    # The matching fall (or rise) from the later figure back to the earlier agrees.
    back = (F(before, after) - 1) * 100
    body = change_claim(fixed(F(after), 0), fixed(F(before), 0), pct_text(round_to(abs(back), decimals), decimals),
                        "fell" if back < 0 else "rose", "people")
    assert verdict_of(body, EXACT) == "consistent"


@settings(deadline=None)
@given(counts, st.fractions(min_value=0, max_value=300, max_denominator=100), st.integers(2, 50))
def test_current_beyond_the_rounding_tolerance_is_inconsistent(before, pct, steps):
    shown_pct = round_to(pct, 0)
    # The highest current value the claim allows: both 'before' and the percent are rounded.
    highest = (before + F(1, 2)) * (1 + (shown_pct + F(1, 2)) / 100)
    moved = highest.__floor__() + steps  # a whole number; its own rounding is +-0.5
    assume(moved - F(1, 2) > highest)
    body = change_claim(fixed(F(before), 0), fixed(F(moved), 0), pct_text(shown_pct, 0), "rose")
    assert verdict_of(body, EXACT) == "inconsistent"


@settings(deadline=None)
@given(counts, st.fractions(min_value=-90, max_value=400, max_denominator=100), places)
def test_implied_previous_range_holds_the_true_previous(before, pct, decimals):
    after = round_to(before * (1 + pct / 100), 0)
    assume(after > 0)
    shown_pct = round_to(abs(pct), decimals)
    assume(shown_pct < 100 or pct > 0)
    body = f"""
quantities:
  earlier: {{unit: people}}
  later: {{value: "{fixed(after, 0)}", unit: people}}
claims:
  - rule: percent-change
    from: earlier
    to: later
    change: "{pct_text(shown_pct, decimals)}"
    wording: {"rose" if pct >= 0 else "fell"}
"""
    (finding,) = check(body, EXACT)
    # The true previous value is a whole count here, and the later one is rounded; widen
    # the oracle to the whole counts whose change rounds to the stated percent.
    assert finding.verdict.value in ("unverifiable", "inconsistent")
    if finding.verdict.value == "unverifiable":
        implied = finding.implied["earlier"]
        lo, _, hi = implied.replace(",", "").partition(" to ")
        lo, hi = F(lo), F(hi or lo)
        true_after = before * (1 + pct / 100)
        if true_after == after:
            assert lo <= before <= hi


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=400), st.data(), st.integers(0, 1))
def test_grim_share_of_a_whole(n, data, decimals):
    k = data.draw(st.integers(min_value=0, max_value=n))
    shown = round_to(F(100 * k, n), decimals)
    body = f"""
quantities:
  whole: {{value: "{n}", unit: people}}
claims:
  - rule: share
    whole: whole
    share: "{pct_text(shown, decimals)}"
"""
    assert verdict_of(body, EXACT) == "unverifiable"  # consistent, the part being implied

    # Any percentage at this precision: consistent exactly when some whole part rounds to it.
    candidate = data.draw(st.integers(min_value=0, max_value=100 * 10**decimals))
    value = F(candidate, 10**decimals)
    half = F(1, 2 * 10**decimals)
    possible = any(abs(F(100 * j, n) - value) <= half for j in range(n + 1))
    body = f"""
quantities:
  whole: {{value: "{n}", unit: people}}
claims:
  - rule: share
    whole: whole
    share: "{pct_text(value, decimals)}"
"""
    assert verdict_of(body, EXACT) == ("unverifiable" if possible else "inconsistent")


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=60), st.data())
def test_grim_mean_of_whole_answers(n, data):
    total = data.draw(st.integers(min_value=n, max_value=7 * n))
    mean = round_to(F(total, n), 2)
    body = f"""
claims:
  - rule: mean-granularity
    mean: "{fixed(mean, 2)}"
    n: "{n}"
"""
    assert verdict_of(body, EXACT) == "consistent"
    other = data.draw(st.integers(min_value=100, max_value=700))
    value = F(other, 100)
    possible = any(abs(F(t, n) - value) <= F(1, 200) for t in range(0, 8 * n))
    body = f"""
claims:
  - rule: mean-granularity
    mean: "{fixed(value, 2)}"
    n: "{n}"
"""
    assert verdict_of(body, EXACT) == ("consistent" if possible else "inconsistent")
