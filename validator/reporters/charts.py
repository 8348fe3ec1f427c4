"""The small chart of a change, as geometry: bars for the two figures, and the stated change
against the actual one (in percent, points or as a multiple), in the SVG's own units.

It reads a finding's typed figures (:mod:`validator.result_data`); the HTML
report's template draws what it returns.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from validator import display
from validator.exact import Q
from validator.result_data import ChangeData, MultipleData, PercentChangeData, PointsChangeData


@dataclass
class Bar:
    label: str
    text: str
    x: float
    y: float
    width: float
    height: float
    kind: str  # "value", "stated" or "actual"


@dataclass
class Chart:
    """A small chart of a change: the two values, and the stated change against the actual one."""

    id: str
    title: str
    desc: str
    values: list[Bar]
    changes: list[Bar]
    baseline: float  # y of zero for the values
    zero: float  # x of zero for the changes


def _number(x: float, significant: int = 4) -> str:
    return display.number(Q(x), significant=significant, max_decimals=3)


def _short(x: float) -> str:
    """A value short enough to sit over a bar: millions and more with a suffix."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if abs(x) >= size:
            return _number(x / size, 3) + suffix
    return _number(x)


def _signed(x: float, suffix: str) -> str:
    text = _number(x, 3)
    return ("+" if x > 0 else "") + text + suffix


def _float(x: Q | None) -> float | None:
    return None if x is None else float(x)


def chart_of(data: ChangeData | None, ref: str, name: str) -> Chart | None:
    """The chart of a change with both figures known (``ref`` names its elements, ``name`` the claim
    in its title), or None for anything else."""
    if not isinstance(data, (PercentChangeData, PointsChangeData, MultipleData)):
        return None
    if data.before is None or data.after is None:
        return None
    frm, to = float(data.before), float(data.after)
    if not (math.isfinite(frm) and math.isfinite(to)):
        return None
    # The two values: vertical bars from zero.
    lo, hi = min(0.0, frm, to), max(0.0, frm, to)
    scale = 60 / (hi - lo) if hi > lo else 0.0

    def y(v: float) -> float:
        return 24 + (hi - v) * scale

    values = []
    for x, label, v in ((30, "from", frm), (96, "to", to)):
        top, bottom = y(max(v, 0.0)), y(min(v, 0.0))
        values.append(Bar(label, _short(v), x, top, 44, max(bottom - top, 1.0), "value"))
    # The change: stated against actual, as multiples, points or percent.
    rows: list[tuple[str, float | None, str]]
    if isinstance(data, MultipleData):
        rows = [("stated", _float(data.stated_multiple), "\u00d7"), ("actual", _float(data.actual_multiple), "\u00d7")]
    elif isinstance(data, PointsChangeData):
        rows = [("actual", _float(data.points), " pts")]
    else:
        rows = [("stated", _float(data.stated_percent), "%"), ("actual", _float(data.actual_percent), "%")]
    rows = [r for r in rows if r[0] == "actual" or r[1] is not None]
    numbers = [v for _, v, _ in rows if v is not None]
    clo, chi = min([0.0, *numbers]), max([0.0, *numbers])
    cscale = 100 / (chi - clo) if chi > clo else 0.0

    def x(v: float) -> float:
        return 232 + (v - clo) * cscale

    changes = []
    for i, (label, v, unit) in enumerate(rows):
        top = 26 + i * 32
        if v is None:
            changes.append(Bar(label, "undefined", x(0.0), top, 0.0, 16, label))
            continue
        text = f"\u00d7{_number(v, 3)}" if unit == "\u00d7" else _signed(v, unit)
        left, right = x(min(v, 0.0)), x(max(v, 0.0))
        changes.append(Bar(label, text, left, top, max(right - left, 1.0), 16, label))
    words = {"stated": "stated change", "actual": "actual change"}
    desc = f"From {_number(frm)} to {_number(to)}. " + " ".join(
        f"{words[b.kind].capitalize()}: {b.text}." for b in changes
    )
    if isinstance(data, PointsChangeData) and data.actual_percent is not None:
        desc += f" Relative change: {_signed(float(data.actual_percent), '%')}."
    return Chart(
        id=f"chart-{ref}",
        title=f"The figures of {name} and their change",
        desc=desc,
        values=values,
        changes=changes,
        baseline=y(0.0),
        zero=x(0.0),
    )
