"""Figures for the generated construction suite: written forms, their readings, and the exact checks.

A generated claim states figures the way an article writes them ("1,200", "4.1 million", "£3.2m",
"35 per cent", "nine") and relates them (a change, a share, a total...). Two readings decide whether
an example may be used, both in exact arithmetic (``Fraction``), never floats:

- the *strict* reading, for true examples: every figure is taken exactly as written and the stated
  result (the percent, factor, total, share or difference the claim asserts) must lie in the middle
  half of its own rounding interval (half a unit of its last written digit; a whole count or a word
  such as "doubled" is exact). A true example therefore holds with every figure exactly as written,
  and keeps holding however far towards the ends of their rounding intervals a reader lets the
  figures go: it is never borderline.
- the *widest* reading, for false examples: every figure is read at its loosest (half a unit of its
  last written digit, and trailing zeros as rounding to two significant figures: "1,200" is 1,150 to
  1,250), and the stated result must still miss every value those figures allow by a clear margin
  (see :func:`clearly_false`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Protocol, TypeVar

T = TypeVar("T")
HALF = Fraction(1, 2)
CONSISTENT = "consistent"
INCONSISTENT = "inconsistent"
VERDICTS = (CONSISTENT, INCONSISTENT)

NUMBER_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()


class Draw(Protocol):
    """Where the random choices come from: hypothesis' ``draw`` or a seeded ``random.Random``."""

    def integer(self, lo: int, hi: int) -> int: ...

    def choice(self, options: Sequence[T]) -> T: ...


class HypothesisDraw:
    def __init__(self, draw) -> None:
        from hypothesis import strategies as st

        self._draw, self._st = draw, st

    def integer(self, lo: int, hi: int) -> int:
        return self._draw(self._st.integers(lo, hi))

    def choice(self, options: Sequence[T]) -> T:
        return self._draw(self._st.sampled_from(options))


class RandomDraw:
    def __init__(self, rng) -> None:
        self._rng = rng

    def integer(self, lo: int, hi: int) -> int:
        return self._rng.randint(lo, hi)

    def choice(self, options: Sequence[T]) -> T:
        return options[self._rng.randrange(len(options))]


# ------------------------------------------------------------------ written figures
@dataclass(frozen=True)
class Figure:
    """A figure as an article writes it, with the value written and the half-widths of its readings."""

    text: str
    value: Fraction
    half: Fraction  # strict reading: half a unit of the last written digit; 0 for exact figures
    wide: Fraction  # widest reading: trailing zeros as rounding to two significant figures

    @property
    def strict(self) -> tuple[Fraction, Fraction]:
        return self.value - self.half, self.value + self.half

    @property
    def widest(self) -> tuple[Fraction, Fraction]:
        return self.value - self.wide, self.value + self.wide


def exact(text: str, value: Fraction | int) -> Figure:
    """A figure with no rounding in any reading: "doubled", "a quarter", an implied 100 percent."""
    return Figure(text, Fraction(value), Fraction(0), Fraction(0))


def round_half_up(x: Fraction, step: Fraction) -> Fraction:
    """x rounded to a multiple of step, halves away from zero (as people round)."""
    n = abs(x) / step
    rounded = math.floor(n + HALF) * step
    return rounded if x >= 0 else -rounded


def digits(x: Fraction, places: int) -> str:
    """x (a multiple of 10**-places) with thousands commas and trailing decimal zeros dropped."""
    scaled = x * 10**places
    assert scaled.denominator == 1, (x, places)
    whole, frac = divmod(abs(scaled.numerator), 10**places)
    text = f"{whole:,}"
    if places:
        tail = str(frac).zfill(places).rstrip("0")
        if tail:
            text += "." + tail
    return ("-" if x < 0 else "") + text


def written_places(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def trailing_zero_unit(text: str) -> int:
    """The rounding unit of a written whole number when its trailing zeros may be rounding,
    kept to two significant figures: 1,200 -> 100, 270 -> 10, 3,000 -> 100, 70 -> 1."""
    s = text.replace(",", "")
    zeros = len(s) - len(s.rstrip("0"))
    return 10 ** min(zeros, max(len(s) - 2, 0))


def number(
    value: Fraction, places: int, scale: int = 1, prefix: str = "", suffix: str = "", whole: bool = False
) -> Figure:
    """A figure written as prefix + digits of value/scale + suffix ('£' '3.2' 'm').

    ``whole``: it counts things, so a figure written to its units is exact in the strict reading."""
    shown = digits(value / scale, places)
    p = written_places(shown)
    unit = Fraction(scale) / 10**p
    half = Fraction(0) if whole and unit <= 1 else unit / 2
    wide = unit / 2 if p else Fraction(scale * trailing_zero_unit(shown)) / 2
    return Figure(f"{prefix}{shown}{suffix}", value, half, wide)


def count(n: int, words: bool = False) -> Figure:
    """A count of things: "1,200", or "nine" when small and the article spells it out."""
    text = NUMBER_WORDS[n] if words and 0 <= n < len(NUMBER_WORDS) else f"{n:,}"
    fig = number(Fraction(n), 0, whole=True)
    return Figure(text, fig.value, fig.half, fig.wide if text[0].isdigit() else HALF)


PERCENT_STYLES = (" percent", "%", " per cent")


def percent(value: Fraction, places: int, style: str) -> Figure:
    return number(value, places, suffix=style)


# ------------------------------------------------------------------ how a kind of figure is written
@dataclass(frozen=True)
class Writer:
    """How every amount of one example is written: counts, "4.1 million", "£3.2m", "€480 million"."""

    scale: int = 1
    places: int = 0
    prefix: str = ""
    suffix: str = ""
    whole: bool = True  # counts of things
    words: bool = False  # spell out counts up to twelve

    @property
    def step(self) -> Fraction:
        return Fraction(self.scale) / 10**self.places

    def round(self, x: Fraction) -> Fraction:
        return round_half_up(x, self.step)

    def figure(self, x: Fraction) -> Figure:
        if self.scale == 1:
            return count(int(x), self.words) if self.whole else number(x, self.places)
        if self.whole and x < self.scale:  # 200,000 containers, not 0.2 million
            return count(int(x))
        return number(x, self.places, self.scale, self.prefix, self.suffix, self.whole)


# ------------------------------------------------------------------ exact checks
@dataclass(frozen=True)
class Relation:
    """The claim's arithmetic: ``compute`` gives the stated result from the other figures' values."""

    operands: tuple[Figure, ...]
    stated: Figure
    compute: Callable[..., Fraction]
    margin: str  # "percent" (also percentage points), "amount" or "factor"

    def exact_result(self) -> Fraction:
        return self.compute(*(f.value for f in self.operands))

    def widest_range(self) -> tuple[Fraction, Fraction]:
        """Every result the operands allow at their loosest; compute is monotonic in each operand."""
        corners = itertools.product(*(f.widest for f in self.operands))
        values = [self.compute(*c) for c in corners]
        return min(values), max(values)


def holds_strictly(rel: Relation) -> bool:
    """True when the figures as written give the stated result well inside its rounding."""
    return abs(rel.exact_result() - rel.stated.value) * 2 <= rel.stated.half


def needed_gap(rel: Relation) -> Fraction:
    true = abs(rel.exact_result())
    if rel.margin == "percent":
        return max(Fraction(3), true * Fraction(15, 100))
    if rel.margin == "amount":
        return true / 10
    return Fraction(3, 10)


def gap(rel: Relation) -> Fraction:
    lo, hi = rel.widest_range()
    s_lo, s_hi = rel.stated.widest
    return max(s_lo - hi, lo - s_hi)


def clearly_false(rel: Relation) -> bool:
    """The stated result misses everything the operands allow, read at their loosest, by at least
    3 percentage points and 15% of the true value (percents and points), 10% (amounts) or 0.3
    (multiples)."""
    return gap(rel) >= needed_gap(rel)


def nudges(start: Fraction, step: Fraction, lo: Fraction, limit: int = 120):
    """start, start + step, start - step, start + 2 step, ... kept at lo or above."""
    yield start
    for k in range(1, limit):
        for cand in (start + k * step, start - k * step):
            if cand >= lo:
                yield cand


def article(text: str) -> str:
    """'a' or 'an' before a written number or word, as it is said: an 8 percent, an 11%, an 18-point."""
    head = text.split()[0].lstrip("£$€").replace(",", "")
    if head[:1] in "aeiouAEIOU" and head[:1].isalpha():
        return "an"
    if head[:1] == "8":
        return "an"
    whole = head.split(".")[0].split("-")[0].rstrip("%")
    if whole in ("11", "18") or (len(whole) == 5 and whole[:2] in ("11", "18")):  # eleven, eighteen thousand
        return "an"
    return "a"
