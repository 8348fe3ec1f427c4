"""Numbers and ranges in plain words for reports.

Only text is produced here: every decision has already been made on exact
values. Rounding for display is done on ``Q``s, so what a report prints
is the exact value rounded once, never a float's approximation of it.
"""

from __future__ import annotations

from functools import lru_cache

from validator.exact import Q
from validator.interval import Interval


def _magnitude(x: Q) -> int:
    """floor(log10(|x|)) for x != 0, exactly."""
    x = abs(x)
    e = len(str(x.numerator)) - len(str(x.denominator))
    while Q(10) ** e > x:
        e -= 1
    while Q(10) ** (e + 1) <= x:
        e += 1
    return e


def fixed(x: Q, decimals: int) -> str:
    """``x`` rounded half away from zero to ``decimals`` places, with thousands separators."""
    n, d = int(x.numerator), int(x.denominator)
    units, rest = divmod(abs(n) * 10**decimals, d)
    if 2 * rest >= d:
        units += 1
    sign = "-" if n < 0 and units else ""
    if not decimals:
        return f"{sign}{units:,}"
    whole, frac = divmod(units, 10**decimals)
    return f"{sign}{whole:,}.{frac:0{decimals}d}"


@lru_cache(maxsize=16384)
def number(x: Q | int, significant: int = 5, max_decimals: int = 6) -> str:
    """A readable number: whole numbers in full, others to a few significant digits."""
    x = Q(x)
    d = int(x.denominator)
    if d == 1:
        return f"{int(x.numerator):,}"
    if 100 % d == 0 and abs(x) >= 1:  # hundredths at most: 9,999.5 stays 9,999.5
        return fixed(x, 1 if 10 % d == 0 else 2)
    decimals = max(0, min(max_decimals, significant - 1 - _magnitude(x)))
    text = fixed(x, decimals)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@lru_cache(maxsize=16384)
def percent(x: Q, significant: int = 3, signed: bool = False) -> str:
    """``x`` in percent units (34.6 -> '34.6%'), with at least one decimal when not whole."""
    text = number(x, significant=max(significant, _magnitude(x) + 2) if x else significant, max_decimals=4)
    if signed and x > 0:
        text = "+" + text
    return text + "%"


def ratio(x: Q) -> str:
    return number(x, significant=4)


def interval(iv: Interval, fmt=number, integers: bool = False) -> str:
    """'414 to 426', 'more than 780', '68', 'any value'."""
    if integers:
        whole = iv.integers()
        if whole.is_empty():
            return "no whole number"
        iv = whole
    if iv.is_empty():
        return "no value"
    if iv.is_point():
        return fmt(iv.lo)
    if iv.lo is None and iv.hi is None:
        return "any value"
    if iv.lo is None:
        return f"{'less than' if iv.hi_open else 'at most'} {fmt(iv.hi)}"
    if iv.hi is None:
        return f"{'more than' if iv.lo_open else 'at least'} {fmt(iv.lo)}"
    lo, hi = fmt(iv.lo), fmt(iv.hi)
    if lo == hi:
        return f"about {lo}"
    if iv.lo_open or iv.hi_open:
        return f"between {lo} and {hi}"
    return f"{lo} to {hi}"


_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€"}


def words(x: Q, significant: int = 4) -> str:
    """Large numbers with their magnitude word, as news copy writes them: '1.2 billion'."""
    for size, word in _SCALES:
        if abs(x) >= size:
            return f"{number(Q(x) / size, significant=significant)} {word}"
    return number(x, significant=max(significant, _magnitude(Q(x)) + 1) if x else significant)


def money(x: Q, currency: str | None) -> str:
    """'$167.1 million', '1.2 billion yuan'."""
    text = words(x)
    if currency in SYMBOLS:
        return ("-" if x < 0 else "") + SYMBOLS[currency] + text.lstrip("-")
    return f"{text} {currency}" if currency else text
