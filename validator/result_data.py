"""The figures behind a verdict, typed: what charts draw and machines read (``data`` in JSON).

A rule's :class:`~validator.findings.Result` carries at most one of these, and
a diagnosis (a word for the confusion it found: ``direction``,
``points-as-percent``...). Numbers stay exact here; they become floats only in
JSON (:meth:`to_dict`) and in the HTML report's chart geometry.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Union

from validator.exact import Q


def _float(x: Q | None) -> float | None:
    return None if x is None else float(x)


@dataclass(frozen=True)
class PercentChangeData:
    """A change from one figure to another, in percent: stated and actual (None when not known)."""

    before: Q | None
    after: Q | None
    stated_percent: Q | None
    actual_percent: Q | None

    def to_dict(self) -> dict:
        return {
            "from": _float(self.before),
            "to": _float(self.after),
            "stated_change_percent": _float(self.stated_percent),
            "actual_change_percent": _float(self.actual_percent),
        }


@dataclass(frozen=True)
class PointsChangeData:
    """A change between two percentages, in points, with the relative change (None from zero)."""

    before: Q
    after: Q
    points: Q
    actual_percent: Q | None

    def to_dict(self) -> dict:
        return {
            "from": _float(self.before),
            "to": _float(self.after),
            "points": _float(self.points),
            "actual_change_percent": _float(self.actual_percent),
        }


@dataclass(frozen=True)
class MultipleData:
    """One figure as a multiple of another: the stated multiple and the actual one (None from zero)."""

    before: Q | None
    after: Q | None
    stated_multiple: Q
    actual_multiple: Q | None

    def to_dict(self) -> dict:
        return {
            "from": _float(self.before),
            "to": _float(self.after),
            "stated_multiple": _float(self.stated_multiple),
            "actual_multiple": _float(self.actual_multiple),
        }


@dataclass(frozen=True)
class WeekdayData:
    """A date and its weekday (ISO date, weekday name); ``stated`` is a weekday it does not fall on."""

    date: str
    weekday: str
    stated: str | None = None
    relative: bool = False  # read from a weekday alone, against the publication date

    def to_dict(self) -> dict:
        found = {"date": self.date, "weekday": self.weekday}
        if self.stated is not None:
            found["stated"] = self.stated
        if self.relative:
            found["relative"] = True
        return found


@dataclass(frozen=True)
class DurationData:
    """Days counted from start to end, both included (ISO dates; an end not known is None)."""

    days: int
    start: str | None = None
    end: str | None = None
    stated_days: int | None = None
    stated: str | None = None  # a weekday given for an end that the count puts on another day

    def to_dict(self) -> dict:
        found: dict = {}
        if self.start is not None:
            found["start"] = self.start
        if self.end is not None:
            found["end"] = self.end
        found["days"] = self.days
        if self.stated_days is not None:
            found["stated_days"] = self.stated_days
        if self.stated is not None:
            found["stated"] = self.stated
        return found


@dataclass(frozen=True)
class EditionData:
    """The n-th edition of an event held every so many years, and its year."""

    edition: int
    year: int
    every: int
    first_year: int | None = None
    stated_year: int | None = None

    def to_dict(self) -> dict:
        found: dict = {"edition": self.edition, "year": self.year}
        if self.first_year is not None:
            found["first_year"] = self.first_year
        found["every"] = self.every
        if self.stated_year is not None:
            found["stated_year"] = self.stated_year
        return found


@dataclass(frozen=True)
class PeriodData:
    """A period from one point to another, as written, and its length in years (exact)."""

    start: str
    end: str
    years: Fraction | int
    stated_years: int | None = None

    def to_dict(self) -> dict:
        found: dict = {"from": self.start, "to": self.end, "years": str(self.years)}
        if self.stated_years is not None:
            found["stated_years"] = self.stated_years
        return found


ChangeData = Union[PercentChangeData, PointsChangeData, MultipleData]  # noqa: UP007 - a runtime union of classes
ResultData = Union[ChangeData, WeekdayData, DurationData, EditionData, PeriodData]  # noqa: UP007


def data_dict(data: ResultData | None, diagnosis: str | None) -> dict:
    """The ``data`` of a finding in JSON: the figures, and the diagnosis when there is one."""
    found = data.to_dict() if data is not None else {}
    if diagnosis is not None:
        found["diagnosis"] = diagnosis
    return found
