"""Interval arithmetic is sound: every result holds every value the operands allow."""

from fractions import Fraction as F

from hypothesis import assume, given
from hypothesis import strategies as st

from validator.interval import EMPTY, Interval

rationals = st.fractions(min_value=-1000, max_value=1000, max_denominator=50)


@st.composite
def intervals_with_member(draw):
    a, b = sorted((draw(rationals), draw(rationals)))
    lo_open = draw(st.booleans()) and a < b
    hi_open = draw(st.booleans()) and a < b
    lo = None if draw(st.integers(0, 9)) == 0 else a
    hi = None if draw(st.integers(0, 9)) == 0 else b
    iv = Interval(lo, hi, lo_open, hi_open)
    member = draw(rationals)
    if not iv.contains(member):
        member = (a + b) / 2 if iv.contains((a + b) / 2) else a if iv.contains(a) else b
    assume(iv.contains(member))
    return iv, member


@given(intervals_with_member(), intervals_with_member())
def test_arithmetic_holds_every_combination(xa, yb):
    (x, a), (y, b) = xa, yb
    assert (x + y).contains(a + b)
    assert (x - y).contains(a - b)
    assert (x * y).contains(a * b)
    if b != 0:
        assert (x / y).contains(a / b)


@given(intervals_with_member(), intervals_with_member())
def test_intersection_and_hull(xa, yb):
    (x, a), (y, b) = xa, yb
    both = x.intersect(y)
    assert both.contains(a) == y.contains(a)
    h = x.hull(y)
    assert h.contains(a) and h.contains(b)


@given(intervals_with_member())
def test_integers_keep_every_whole_member(xa):
    x, a = xa
    whole = x.integers()
    if a.denominator == 1:
        assert whole.contains(a)
    if whole.lo is not None and not whole.is_empty():
        assert x.contains(whole.lo)


def test_open_ends_and_empty():
    assert Interval(F(1), F(1), True, False).is_empty()
    assert EMPTY.is_empty()
    assert Interval(F(780), F(792), True, False).integers() == Interval(F(781), F(792))
    assert Interval(F(0), F(5), True, False).reciprocal() == Interval(F(1, 5), None, False, True)
    assert Interval(F(2), None).reciprocal() == Interval(F(0), F(1, 2), True, False)
    assert Interval(F(-1), F(1)).reciprocal() == Interval.everything()
