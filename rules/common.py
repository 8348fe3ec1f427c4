"""Helpers the rule families share: wording, exact figures and plain sentences."""

from __future__ import annotations

import re
from functools import lru_cache
from math import floor
from typing import NamedTuple

from validator import display
from validator.exact import Q
from validator.interval import Interval
from validator.models import ClaimBase
from validator.rule import Binder, Var

RISE_WORDS = frozenset(
    """up rise rises rose risen rising increase increased increases increasing grew grow grows growing grown
    growth gain gains gained jump jumped jumps leap leapt leaped climb climbed climbs surge surged soar
    soared higher more added raise raised boost boosted expanded expand expansion hike hiked spike spiked
    rebound rebounded advance advanced growing surging soaring jumping climbing gaining rising increasing
    raising boosting expanding doubled tripled""".split()
)
FALL_WORDS = frozenset(
    """down fall falls fell fallen falling decrease decreased decreases decreasing decline declined declines
    declining drop dropped drops dip dipped slump slumped plunge plunged plunges lower less fewer cut cuts
    reduce reduced reduction reductions shrink shrank shrunk lost lose loss slid slide tumble tumbled
    contraction contracted sank sink slipped slip eased decline reducing reduces cutting lowered lowering
    shrinking dropping plunging plummet plummeted plummeting sliding tumbling waned waning dwindled
    dwindling slumping dipping losing halved""".split()
)


class WordingError(ValueError):
    pass


class ChangeFigures(NamedTuple):
    """A change from one figure to another, bound: the figures, the stated change (None when none is
    stated) and the direction the wording gives (+1, -1, or None when it gives none)."""

    frm: Var
    to: Var
    change: Var | None
    sign: int | None


def words(*texts: str | None) -> list[str]:
    return [w for t in texts if t for w in _words(t)]


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z]+", text.lower()))


def direction(*texts: str | None) -> int | None:
    """+1 for a rise, -1 for a fall, None when the words say neither."""
    found = set(words(*texts))
    rise, fall = found & RISE_WORDS, found & FALL_WORDS
    if rise and fall:
        raise WordingError(
            f"the wording says both a rise ({', '.join(sorted(rise))}) and a fall ({', '.join(sorted(fall))})"
        )
    if rise:
        return 1
    if fall:
        return -1
    return None


def sign_of(bind: Binder, claim: ClaimBase, change: Var | None) -> int | None:
    """The direction the wording states (+1 rise, -1 fall), or None if it states none; wording that
    says both is a problem at the claim's 'wording'."""
    try:
        return direction(claim.wording, *change_words(change))
    except WordingError as exc:
        bind.problem(str(exc), "wording")
        return None


def change_words(var: Var | None) -> tuple[str, ...]:
    """Words written around a number ('up 67 percent', 'a 50 percent increase')."""
    if var is None or var.written is None:
        return ()
    return var.written.words + ((var.written.unit,) if var.written.unit else ())


def is_share(var: Var | None) -> bool:
    """A level in percent (26 percent of exhibitors), stated or implied."""
    return var is not None and var.percent


def nominal(var: Var, iv: Interval) -> Q | None:
    """The figure to show in a sentence: as written, or the middle of what is known."""
    if var.written is not None:
        return var.written.value * var.scale
    if iv.is_point():
        return iv.lo
    if var.integer:
        whole = iv.integers()
        if whole.is_point():
            return whole.lo
    return iv.midpoint()


def amount(var: Var, iv: Interval) -> str:
    """'68 companies', '199,053 to 210,526 visitors', '35%'."""
    if var.written is not None:
        text = var.written.shown
        return var.says(text) if var.noun and var.noun not in text else text
    whole = iv.integers() if var.integer else iv
    if whole.is_point():
        return var.says(figure(var, whole.lo))
    if iv.is_bounded():
        return "about " + var.says(figure(var, nominal(var, iv)))
    return var.says(display.interval(iv, display.percent if is_share(var) else display.number))


def figure(var: Var, value: Q | None) -> str:
    if value is None:
        return "?"
    return display.percent(value) if is_share(var) else display.number(value)


def relative_change(before: Interval, after: Interval) -> Interval | None:
    """(after / before - 1) x 100 as an interval, or None when before may be zero."""
    if before.contains_zero():
        return None
    return ((after / before) - 1).scale(Q(100))


def ratio(before: Interval, after: Interval) -> Interval | None:
    if before.contains_zero():
        return None
    return after / before


def allowed(var: Var, iv: Interval, fmt=display.number) -> str:
    """ "'50 percent' allows 49.5% to 50.5%"."""
    return f"'{var.written.shown}' allows {display.interval(iv, fmt)}" if var.written else display.interval(iv, fmt)


def rounded_like(value: Q, var: Var) -> str:
    """``value`` written with the precision ``var`` was written with ('46', '45.7')."""
    places = var.written.decimal_places if var.written else 1
    return display.fixed(value, places)


def suggested(var: Var, value: Q) -> str:
    """A figure to suggest in place of ``var``: a whole number for a count, else at the precision
    ``var`` is written with ('208 staff', not '207.69'; '1,229.5' for a figure written '1,200'
    becomes '1,230')."""
    if var.integer:
        return figure(var, _nearest(value))
    if var.written is not None and not is_share(var):
        step = var.written.step * var.scale
        if step > 0:
            return figure(var, _nearest(value / step) * step)
    return figure(var, value)


def _nearest(x: Q) -> Q:
    """The nearest whole number, halves away from zero (as display.fixed rounds)."""
    whole = floor(abs(x) + Q(1, 2))
    return Q(whole if x >= 0 else -whole)


def range_text(var: Var, iv: Interval) -> str:
    """A figure's values as a range: '2.05 million to 2.15 million', '3.5% to 4.5%', '39.5 to 40.5'."""
    if is_share(var):
        return display.interval(iv, display.percent)
    large = iv.is_bounded() and max(abs(iv.lo), abs(iv.hi)) >= 10**6
    return display.interval(iv, display.words if large else display.number)


def read_as(*figures: tuple[Var, Interval]) -> str:
    """'Read as 2.05 million to 2.15 million and 2.25 million to 2.35 million': the ranges of the
    figures that are not exact, which a verdict within rounding rests on."""
    shown = [range_text(var, iv) for var, iv in figures if not iv.is_point()]
    if not shown:
        return "As written"
    return "Read as " + (shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1])


def within_rounding(
    figures: list[tuple[Var, Interval]], what: str, result: Interval, fmt, stated: str, allowed: str, unit: str = ""
) -> str:
    """The message of a claim that fits only within the figures' rounding, never at their written
    values: 'Read as 2.05 million to 2.15 million and 2.25 million to 2.35 million, the rise is
    4.65% to 14.6%, which reaches '15%' (14.5% to 15.5%).'"""
    return (
        f"{read_as(*figures)}, {what} is {display.interval(result, fmt)}{unit}, which reaches '{stated}' ({allowed})."
    )


def implied_text(var: Var, iv: Interval) -> str:
    fmt = display.percent if is_share(var) else display.number
    return display.interval(iv, fmt, integers=var.integer)


def above(a: Interval, b: Interval) -> bool:
    """Every value of ``a`` is greater than every value of ``b``."""
    if a.lo is None or b.hi is None:
        return False
    return a.lo > b.hi or (a.lo == b.hi and (a.lo_open or b.hi_open))


def implication(target: Var, nominal: Q | None, iv: Interval) -> str:
    """'68 companies', 'about 420 exhibitors (414 to 426)'."""
    whole = iv.integers() if target.integer else iv
    if whole.is_point():
        return target.says(figure(target, whole.lo))
    range_text = implied_text(target, iv)
    if nominal is None or not whole.contains(nominal) or range_text.startswith("about "):
        return target.says(range_text)
    shown = Q(round(nominal)) if target.integer else nominal
    return f"about {target.says(figure(target, shown))} ({range_text})"
