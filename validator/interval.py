"""Exact intervals of rational numbers, with open or closed ends.

Every stated number is read as the set of true values its wording allows
("67 percent" is [66.5, 67.5]; "more than 6,000" is (6,000, 7,000)). The engine
narrows these sets with interval arithmetic on ``Q`` bounds, so no float
ever decides a verdict. ``None`` as a bound means minus or plus infinity.
"""

from __future__ import annotations

from math import ceil, floor

from validator.exact import Q

Bound = Q | None


class Interval:
    """A connected set of rationals: ``[lo, hi]``, any end open or infinite."""

    __slots__ = ("lo", "hi", "lo_open", "hi_open")

    def __init__(self, lo: Bound, hi: Bound, lo_open: bool = False, hi_open: bool = False):
        self.lo = lo
        self.hi = hi
        # An infinite end is always open.
        self.lo_open = lo_open or lo is None
        self.hi_open = hi_open or hi is None

    # ----------------------------------------------------------------- building
    @classmethod
    def point(cls, value: Q) -> Interval:
        return cls(value, value)

    @classmethod
    def everything(cls) -> Interval:
        return cls(None, None)

    @classmethod
    def at_least(cls, value: Q, open_: bool = False) -> Interval:
        return cls(value, None, open_, True)

    # ------------------------------------------------------------------ queries
    def is_empty(self) -> bool:
        if self.lo is None or self.hi is None:
            return False
        if self.lo > self.hi:
            return True
        return self.lo == self.hi and (self.lo_open or self.hi_open)

    def is_bounded(self) -> bool:
        return self.lo is not None and self.hi is not None

    def is_point(self) -> bool:
        return self.lo is not None and self.lo == self.hi and not self.is_empty()

    def contains(self, x: Q) -> bool:
        if self.lo is not None and (x < self.lo or (x == self.lo and self.lo_open)):
            return False
        if self.hi is not None and (x > self.hi or (x == self.hi and self.hi_open)):
            return False
        return True

    def contains_zero(self) -> bool:
        return self.contains(Q(0))

    def midpoint(self) -> Bound:
        if self.lo is None or self.hi is None:
            return None
        return (self.lo + self.hi) / 2

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Interval):
            return NotImplemented
        if self.is_empty() and other.is_empty():
            return True
        return (self.lo, self.hi, self.lo_open, self.hi_open) == (
            other.lo,
            other.hi,
            other.lo_open,
            other.hi_open,
        )

    def __hash__(self) -> int:
        return hash((self.lo, self.hi, self.lo_open, self.hi_open))

    def __repr__(self) -> str:
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        lo = "-inf" if self.lo is None else str(self.lo)
        hi = "inf" if self.hi is None else str(self.hi)
        return f"{left}{lo}, {hi}{right}"

    # ---------------------------------------------------------- set operations
    def intersect(self, other: Interval) -> Interval:
        lo, lo_open = self.lo, self.lo_open
        if other.lo is not None and (lo is None or other.lo > lo):
            lo, lo_open = other.lo, other.lo_open
        elif other.lo is not None and other.lo == lo:
            lo_open = lo_open or other.lo_open
        hi, hi_open = self.hi, self.hi_open
        if other.hi is not None and (hi is None or other.hi < hi):
            hi, hi_open = other.hi, other.hi_open
        elif other.hi is not None and other.hi == hi:
            hi_open = hi_open or other.hi_open
        return Interval(lo, hi, lo_open, hi_open)

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both (the union, filled in)."""
        if self.is_empty():
            return other
        if other.is_empty():
            return self
        if self.lo is None or other.lo is None:
            lo, lo_open = None, True
        elif self.lo == other.lo:
            lo, lo_open = self.lo, self.lo_open and other.lo_open
        elif self.lo < other.lo:
            lo, lo_open = self.lo, self.lo_open
        else:
            lo, lo_open = other.lo, other.lo_open
        if self.hi is None or other.hi is None:
            hi, hi_open = None, True
        elif self.hi == other.hi:
            hi, hi_open = self.hi, self.hi_open and other.hi_open
        elif self.hi > other.hi:
            hi, hi_open = self.hi, self.hi_open
        else:
            hi, hi_open = other.hi, other.hi_open
        return Interval(lo, hi, lo_open, hi_open)

    def integers(self) -> Interval:
        """Shrink to the smallest interval holding the same integers."""
        lo, hi = self.lo, self.hi
        if lo is not None:
            lo = Q(floor(lo) + 1) if (lo.denominator == 1 and self.lo_open) else Q(ceil(lo))
        if hi is not None:
            hi = Q(ceil(hi) - 1) if (hi.denominator == 1 and self.hi_open) else Q(floor(hi))
        return Interval(lo, hi)

    def integer_count(self) -> int | None:
        """How many integers the interval holds (None when unbounded)."""
        whole = self.integers()
        if whole.is_empty():
            return 0
        if not whole.is_bounded():
            return None
        return int(whole.hi - whole.lo) + 1

    # --------------------------------------------------------------- arithmetic
    def __neg__(self) -> Interval:
        return Interval(
            None if self.hi is None else -self.hi,
            None if self.lo is None else -self.lo,
            self.hi_open,
            self.lo_open,
        )

    def __add__(self, other: Interval | Q | int) -> Interval:
        if not isinstance(other, Interval):
            other = Interval.point(Q(other))
        lo = None if self.lo is None or other.lo is None else self.lo + other.lo
        hi = None if self.hi is None or other.hi is None else self.hi + other.hi
        return Interval(lo, hi, self.lo_open or other.lo_open, self.hi_open or other.hi_open)

    __radd__ = __add__

    def __sub__(self, other: Interval | Q | int) -> Interval:
        if not isinstance(other, Interval):
            other = Interval.point(Q(other))
        return self + (-other)

    def __rsub__(self, other: Q | int) -> Interval:
        return Interval.point(Q(other)) + (-self)

    def scale(self, factor: Q) -> Interval:
        """Multiply by an exact constant."""
        if factor == 1:  # intervals are never changed in place, so this one can be shared
            return self
        if factor == 0:
            return Interval.point(Q(0))
        lo = None if self.lo is None else self.lo * factor
        hi = None if self.hi is None else self.hi * factor
        if factor > 0:
            return Interval(lo, hi, self.lo_open, self.hi_open)
        return Interval(hi, lo, self.hi_open, self.lo_open)

    def __mul__(self, other: Interval | Q | int) -> Interval:
        if not isinstance(other, Interval):
            return self.scale(Q(other))
        a, b = self, other
        if (
            a.lo is not None and b.lo is not None and a.lo >= 0 and b.lo >= 0
            and (a.hi is None or a.lo <= a.hi) and (b.hi is None or b.lo <= b.hi)
        ):  # fmt: skip
            # Both non-negative (counts, growth factors): the common case, done directly.
            # A closed zero end makes its product exactly zero, whatever the other end.
            lo_closed = (
                (not a.lo_open and not b.lo_open) or (a.lo == 0 and not a.lo_open) or (b.lo == 0 and not b.lo_open)
            )
            if a.hi is not None and b.hi is not None:
                hi_closed = (
                    (not a.hi_open and not b.hi_open) or (a.hi == 0 and not a.hi_open) or (b.hi == 0 and not b.hi_open)
                )
                return Interval(a.lo * b.lo, a.hi * b.hi, not lo_closed, not hi_closed)
            if not ((a.hi == 0 and not a.hi_open) or (b.hi == 0 and not b.hi_open)):
                return Interval(a.lo * b.lo, None, not lo_closed, True)
        if self.is_empty() or other.is_empty():
            return EMPTY
        candidates = [
            _bound_product(a, a_open, a_sign, b, b_open, b_sign)
            for a, a_open, a_sign in ((self.lo, self.lo_open, -1), (self.hi, self.hi_open, 1))
            for b, b_open, b_sign in ((other.lo, other.lo_open, -1), (other.hi, other.hi_open, 1))
        ]
        return _from_candidates(candidates)

    __rmul__ = __mul__

    def reciprocal(self) -> Interval:
        """1/x for every x in the interval; everything when it holds zero."""
        if self.is_empty():
            return EMPTY
        if self.contains_zero():
            return Interval.everything()
        # The interval lies on one side of zero; zero may still be an open end,
        # and 1/(0, 5] is [1/5, inf), 1/[2, inf) is (0, 1/2].
        if self.hi is None:
            lo, lo_open = Q(0), True
        elif self.hi == 0:
            lo, lo_open = None, True
        else:
            lo, lo_open = 1 / self.hi, self.hi_open
        if self.lo is None:
            hi, hi_open = Q(0), True
        elif self.lo == 0:
            hi, hi_open = None, True
        else:
            hi, hi_open = 1 / self.lo, self.lo_open
        return Interval(lo, hi, lo_open, hi_open)

    def __truediv__(self, other: Interval | Q | int) -> Interval:
        if not isinstance(other, Interval):
            return self.scale(1 / Q(other))
        return self * other.reciprocal()


# Ends of a product, ordered as (rank, value): minus infinity, a finite value, plus infinity.
_MINUS_INF, _FINITE, _PLUS_INF = 0, 1, 2
_ZERO = Q(0)


def _bound_product(a: Bound, a_open: bool, a_side: int, b: Bound, b_open: bool, b_side: int):
    """One candidate end of a product: (rank, value, open), the value 0 for an infinite rank."""
    if a is not None and b is not None:
        # A closed zero makes the product exactly zero, whatever the other end.
        closed = (not a_open and not b_open) or (a == 0 and not a_open) or (b == 0 and not b_open)
        return (_FINITE, a * b, not closed)
    # At least one end is infinite: its sign is the side it stands on.
    sign_a = a_side if a is None else (0 if a == 0 else (1 if a > 0 else -1))
    sign_b = b_side if b is None else (0 if b == 0 else (1 if b > 0 else -1))
    if sign_a == 0 or sign_b == 0:
        zero_closed = (a == 0 and not a_open) or (b == 0 and not b_open)
        return (_FINITE, _ZERO, not zero_closed)
    return (_PLUS_INF if sign_a * sign_b > 0 else _MINUS_INF, _ZERO, True)


def _from_candidates(candidates) -> Interval:
    low = min((rank, value) for rank, value, _ in candidates)
    high = max((rank, value) for rank, value, _ in candidates)
    if low[0] == _PLUS_INF:  # every candidate is +inf: empty in practice
        return EMPTY
    lo_open = all(is_open for rank, value, is_open in candidates if (rank, value) == low)
    hi_open = all(is_open for rank, value, is_open in candidates if (rank, value) == high)
    lo = low[1] if low[0] == _FINITE else None
    hi = high[1] if high[0] == _FINITE else None
    return Interval(lo, hi, lo_open, hi_open)


EMPTY = Interval(Q(1), Q(0))
NON_NEGATIVE = Interval.at_least(Q(0))
