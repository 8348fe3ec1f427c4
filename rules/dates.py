"""Dates family: weekdays, how long something lasted, which edition fell in which year, and periods.

Dates are read as written by :mod:`validator.dates` ("July 20, 2025", "20 July
2025", "2025-07-20", "Sunday", "five-day", "third", "a decade"), strictly: text
that is not clearly a date, weekday or count is an IN04 problem at its field,
with what to write instead. All arithmetic is on whole numbers (date ordinals
and years); nothing is rounded except a length of years measured between
months or days, which is read as rounded to the year.

A weekday written without a date ("wrapped up on Sunday") names the most
recent such day on or before the article's publication date; the rules report
the date they read it as, as implied, so an editor can confirm it.

These claims link no quantities: each is decided from its own fields, when it
is read. :meth:`readings` reads and decides (a field that cannot be read, or a
date pushed outside the calendar, is an input problem there) and keeps the
decision in the claim's binding; :meth:`judge` returns it.
"""

from __future__ import annotations

import datetime as dt
from abc import abstractmethod
from dataclasses import replace
from fractions import Fraction
from math import floor
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StringConstraints, WithJsonSchema

from validator import dates as d
from validator import display
from validator.dates import DateFormatError, OutOfCalendar
from validator.findings import Result, Verdict
from validator.models import ClaimBase
from validator.result_data import DurationData, EditionData, PeriodData, WeekdayData
from validator.rule import Binder, Binding, Example, Outcome, Reading, Rule

HALF = Fraction(1, 2)


def _written(value: Any) -> Any:
    """YAML and JSON numbers are accepted as written ('year: 2025', 'edition: 3')."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


Written = Annotated[
    str,
    BeforeValidator(_written),
    StringConstraints(min_length=1, max_length=200),
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1, "maxLength": 200}, {"type": "integer"}]}),
]


class WeekdayClaim(ClaimBase):
    date: Written | None = Field(
        None,
        description="The date, as written: 'July 20, 2025', '20 July 2025', '2025-07-20', 'Sunday, July 20, 2025'. "
        "Leave out when the article names only the weekday: it is read against the publication date.",
    )
    weekday: Written | None = Field(
        None, description="The weekday the article gives: 'Sunday' (may be left out if the date carries one)."
    )


class DurationClaim(ClaimBase):
    start: Written | None = Field(None, description="The first day: a date, or a weekday alone ('Wednesday').")
    end: Written | None = Field(None, description="The last day: a date, or a weekday alone ('Sunday').")
    days: Written = Field(
        description="How long, counting the first and last day: 'five-day', '5 days', 'five days', 'a week'."
    )


class EditionClaim(ClaimBase):
    edition: Written = Field(description="Which edition: 'third', '3rd', 3, 'inaugural', 'first'.")
    year: Written | None = Field(None, description="The year of that edition: '2025'.")
    first_year: Written | None = Field(None, description="The year of the first (inaugural) edition.")
    every: Written = Field(
        "year", description="How often editions are held: 'year' (the default), '2 years', 'biennial'."
    )


class PeriodClaim(ClaimBase):
    from_: Written | None = Field(
        None, alias="from", description="When the period began: a year ('2019'), a month or a date."
    )
    to: Written | None = Field(
        None, description="When it ended: a year, a month or a date (default: the article's publication date)."
    )
    length: Written | None = Field(None, description="How long it is said to be: 'decade', 'five years', '10 years'.")


# ---------------------------------------------------------------- reading


class _Unreadable(Exception):
    """A field could not be read; the problem is already reported."""


class Fields:
    """Reads a claim's fields, reporting every unreadable one (IN04) at its path before giving up."""

    def __init__(self, bind: Binder):
        self.bind = bind
        self.failed = False

    def read(self, name: str, parser, value):
        if value is None:
            return None
        try:
            return parser(value)
        except DateFormatError as exc:
            self.problem(name, str(exc), "IN04", stop=False)
            self.failed = True
            return None

    def check(self) -> None:
        if self.failed:
            raise _Unreadable

    def problem(self, name: str | None, message: str, code: str = "IN02", stop: bool = True) -> None:
        self.bind.problem(message, *((name,) if name else ()), code=code)
        if stop:
            raise _Unreadable

    def published(self, name: str, text: str | None = None, why: str | None = None) -> dt.date:
        """The publication date, which a weekday alone (``text``) is read against; an input problem if none."""
        article = self.bind.article
        if article is None or getattr(article, "published", None) is None:
            why = why or (
                f"'{text}' names no date: a weekday alone is read against the article's publication date, "
                "and there is none; give the date ('July 20, 2025')"
            )
            self.problem(name, why)
        return article.published


class DateRule(Rule[ClaimBase, Result]):
    """A date rule decides its claim when reading it, and its binding keeps the decision; see the
    module docstring."""

    def readings(self, claim: ClaimBase, bind: Binder) -> Binding[Result] | None:
        fields = Fields(bind)
        try:
            decided = self.decide(claim, fields)
        except _Unreadable:
            return None
        except OutOfCalendar as exc:
            bind.problem(str(exc), code="IN04")
            return None
        return Binding([Reading("as-written", "as written", [])], decided)

    @abstractmethod
    def decide(self, claim: ClaimBase, fields: Fields) -> Result:
        """The verdict on the claim, from its fields as read."""

    def judge(self, claim: ClaimBase, binding: Binding[Result], outcome: Outcome) -> Result:
        return binding.figures


def _resolve(
    day: d.Day, role: str, fields: Fields, notes: list[str], implied: dict[str, str], path: str | None = None
) -> dt.date:
    """A weekday alone, as the most recent such day on or before the publication date."""
    published = fields.published(path or role, day.text)
    when = d.on_or_before(published, day.weekday)
    back = published.toordinal() - when.toordinal()
    name = d.WEEKDAYS[day.weekday]
    notes.append(
        f"'{day.text}' read as {d.long(when)}: the most recent {name} on or before the publication date, "
        f"{d.iso(published)} ({d.plural(back, 'day')} before)"
    )
    implied[role] = d.implied_day(when)
    return when


def _wrong_weekday(written: d.WrittenDate, stated: int, text: str) -> Result:
    """A date written with a weekday it does not fall on: the truth, the arithmetic and the nearest fits."""
    day = written.date
    true = d.weekday_of(day)
    wrong = d.WEEKDAYS[stated]
    before, after = d.nearest(day, stated)
    near = [x for x in (before, after) if x is not None]
    lines = [f"{d.iso(day)} is a {d.WEEKDAYS[true]}", d.weekday_working(day)]
    if near:
        lines.append(
            f"the nearest {wrong}s: "
            + " and ".join(
                f"{d.iso(x)} ({d.plural(abs(x.toordinal() - day.toordinal()), 'day')} "
                f"{'before' if x < day else 'after'})"
                for x in near
            )
        )
    if written.style == "iso" and written.weekday is None:
        alternatives = [f"'{d.WEEKDAYS[true]}' for {d.iso(day)}"]
        if near:
            alternatives.append(f"a {wrong}: " + " or ".join(d.iso(x) for x in near))
    else:
        alternatives = [f"'{d.written_like(day, written)}'"]
        if near:
            alternatives.append(f"a {wrong}: " + " or ".join(f"'{d.written_like(x, written)}'" for x in near))
    return Result(
        Verdict.INCONSISTENT,
        f"{d.iso(day)} is a {d.WEEKDAYS[true]}, not a {wrong} ('{text}').",
        lines,
        suggestion="Consistent alternatives: " + "; or ".join(alternatives) + ".",
        data=WeekdayData(d.iso(day), d.WEEKDAYS[true], stated=wrong),
    )


def _check_written_weekdays(*days: d.WrittenDate | None) -> Result | None:
    """The first date whose written weekday is wrong, as an inconsistent result."""
    for written in days:
        if written is not None and written.weekday is not None and written.weekday != d.weekday_of(written.date):
            return _wrong_weekday(written, written.weekday, written.text)
    return None


# ---------------------------------------------------------------- DT01


class Weekday(DateRule):
    """A weekday given with a date, or a weekday that names a day near publication.

    What it does: checks that a date falls on the weekday the article gives
    ("Sunday, July 20, 2025"), by exact arithmetic on the date's day number.
    When it does not, it says the true weekday and the nearest dates that do
    fall on the stated one. A weekday with no date ("wrapped up on Sunday") is
    read as the most recent such day on or before the publication date, which
    is reported as implied, so the reader of the report can confirm it.

    Why it matters: a wrong weekday is a small error readers spot at once, and
    it often betrays a wrong date or a story written for another day.
    """

    code = "DT01"
    name = "weekday"
    family = "dates"
    summary = "A date falls on the stated weekday; a weekday alone is dated from publication."
    Claim = WeekdayClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: weekday
    date: July 20, 2025
    weekday: Sunday
    quote: wrapped up on Sunday, July 20, 2025
""",
            "2025-07-20 is a Sunday",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: weekday
    date: Saturday, July 20, 2025
    quote: wrapped up on Saturday, July 20, 2025
""",
            "'Saturday, July 19, 2025' or 'Saturday, July 26, 2025'",
        ),
        Example(
            Verdict.UNVERIFIABLE,
            """
# the article was published on 2025-07-20
claims:
  - rule: weekday
    weekday: Sunday
    quote: wrapped up on Sunday
""",
            "The claim implies Sunday 20 July 2025",
        ),
    )

    def decide(self, claim: WeekdayClaim, fields: Fields) -> Result:
        written = fields.read("date", d.parse_date, claim.date)
        weekday = fields.read("weekday", d.parse_weekday, claim.weekday)
        fields.check()
        if written is None and weekday is None:
            fields.problem(None, "give 'weekday' (and 'date', unless the article names only the weekday)")
        if written is None:
            return self._relative(weekday, claim.weekday, fields)
        if weekday is None and written.weekday is None:
            fields.problem("weekday", f"'{written.text}' has no weekday to check: give 'weekday'")
        wrong = _check_written_weekdays(written)
        if wrong is not None:
            return wrong
        day = written.date
        true = d.weekday_of(day)
        if weekday is not None and weekday != true:
            return _wrong_weekday(written, weekday, claim.weekday)
        said = claim.weekday if weekday is not None else written.text
        return Result(
            Verdict.CONSISTENT,
            f"{d.iso(day)} is a {d.WEEKDAYS[true]}, as '{said}' says.",
            [f"{d.iso(day)} is a {d.WEEKDAYS[true]}", d.weekday_working(day)],
            data=WeekdayData(d.iso(day), d.WEEKDAYS[true]),
        )

    def _relative(self, weekday: int, text: str, fields: Fields) -> Result:
        notes: list[str] = []
        implied: dict[str, str] = {}
        when = _resolve(d.Day(text, None, weekday), "date", fields, notes, implied, path="weekday")
        published = fields.published("weekday", text)
        name = d.WEEKDAYS[weekday]
        if when == published:
            how = f"the day the article was published (a {name})"
        else:
            how = f"the most recent {name} on or before the publication date, {d.long(published)}"
        back = (d.weekday_of(published) - weekday) % 7
        return Result(
            Verdict.UNVERIFIABLE,
            f"The claim implies {d.long(when)}: '{text}' with no date is read as {how}. Give the date to check it.",
            [
                f"published {d.iso(published)}, a {d.WEEKDAYS[d.weekday_of(published)]}",
                f"days back to the last {name}: ({d.weekday_of(published)} - {weekday}) mod 7 = {back}, "
                "counting from Monday = 0",
                f"{d.iso(published)} minus {d.plural(back, 'day')} = {d.iso(when)}, a {name}",
            ],
            implied=implied,
            data=WeekdayData(d.iso(when), name, relative=True),
        )


# ---------------------------------------------------------------- DT02


class Duration(DateRule):
    """How many days something lasted, counting its first and last day.

    What it does: "a five-day expo from Wednesday 16 to Sunday 20 July" counts
    both ends: 20 - 16 + 1 = 5. With both days given it checks the count;
    with one of them a weekday alone it checks that weekday; with one left out
    it reports the day the claim implies ("the five-day expo wrapped up on
    Sunday [20 July 2025]" implies it opened on Wednesday 16 July). A weekday
    with no date is read as the most recent such day on or before the
    publication date. A count that is one short is named: it counts the days
    between, not the days of the event.

    Why it matters: spans of days are easy to get off by one, and a stated
    start or end that does not fit the length means one of them is wrong.
    """

    code = "DT02"
    name = "duration"
    family = "dates"
    summary = "A span of days ('five-day') fits its first and last day, counting both."
    Claim = DurationClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: duration
    start: Wednesday, July 16, 2025
    end: Sunday, July 20, 2025
    days: five-day
""",
            "is 5 days counting both ends",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: duration
    start: Thursday, July 17, 2025
    end: Sunday, July 20, 2025
    days: five-day
""",
            "is 4 days counting both ends, not 5",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: duration
    start: Thursday
    end: July 20, 2025
    days: five-day
""",
            "Sunday 20 July minus 4 days = Wednesday 16 July",
        ),
        Example(
            Verdict.UNVERIFIABLE,
            """
# the article was published on 2025-07-20
claims:
  - rule: duration
    end: Sunday
    days: five-day
    quote: The five-day expo ... wrapped up in Beijing on Sunday
""",
            "Sunday 20 July minus 4 days = Wednesday 16 July",
        ),
    )

    def decide(self, claim: DurationClaim, fields: Fields) -> Result:
        start = fields.read("start", d.parse_day, claim.start)
        end = fields.read("end", d.parse_day, claim.end)
        days = fields.read("days", d.parse_days, claim.days)
        fields.check()
        if start is None and end is None:
            fields.problem(None, "give 'start' or 'end' (or both) with 'days'")
        wrong = _check_written_weekdays(start.date if start else None, end.date if end else None)
        if wrong is not None:
            return wrong
        notes: list[str] = []
        implied: dict[str, str] = {}
        s = start.date.date if start is not None and start.date is not None else None
        e = end.date.date if end is not None and end.date is not None else None
        if s is None and e is None:
            if end is not None:
                e = _resolve(end, "end", fields, notes, implied)
            else:
                s = _resolve(start, "start", fields, notes, implied)
        n = days.count
        counting = f"'{days.text}' counts the first and the last day: {n} - 1 = {d.plural(n - 1, 'day')} between them"
        if s is not None and e is not None:
            return self._both(s, e, days, notes, implied)
        if e is not None:
            first = d.shift(e, -(n - 1))
            a, b = d.pair(e, first)
            line = f"{a} minus {d.plural(n - 1, 'day')} = {b}"
            if start is not None:
                return self._weekday_end(start, "start", first, e, days, [*notes, line, counting], implied)
            implied["start"] = d.implied_day(first)
            return Result(
                Verdict.UNVERIFIABLE,
                f"The claim implies it began on {d.long(first)}: {d.plural(n, 'day')} counting both ends, "
                f"ending on {d.long(e)}.",
                [*notes, line, counting],
                implied=implied,
                data=DurationData(n, d.iso(first), d.iso(e)),
            )
        last = d.shift(s, n - 1)
        a, b = d.pair(s, last)
        line = f"{a} plus {d.plural(n - 1, 'day')} = {b}"
        if end is not None:
            return self._weekday_end(end, "end", last, s, days, [*notes, line, counting], implied)
        implied["end"] = d.implied_day(last)
        return Result(
            Verdict.UNVERIFIABLE,
            f"The claim implies it ended on {d.long(last)}: {d.plural(n, 'day')} counting both ends, from {d.long(s)}.",
            [*notes, line, counting],
            implied=implied,
            data=DurationData(n, d.iso(s), d.iso(last)),
        )

    def _both(self, s: dt.date, e: dt.date, days: d.Days, notes: list[str], implied: dict) -> Result:
        n = days.count
        count = d.inclusive_days(s, e)
        both = d.span_text(s, e)
        lines = [
            *notes,
            f"{d.iso(e)} - {d.iso(s)} = {d.plural(count - 1, 'day')}; counting both ends: "
            f"{count - 1:,} + 1 = {d.plural(count, 'day')}",
        ]
        data = DurationData(count, d.iso(s), d.iso(e), stated_days=n)
        if count == n:
            return Result(
                Verdict.CONSISTENT,
                f"{both} is {d.plural(count, 'day')} counting both ends, as '{days.text}' says.",
                lines,
                implied=implied,
                data=data,
            )
        if count < 1:
            message = f"The end, {d.long(e)}, is before the start, {d.long(s)}."
        else:
            message = f"{both} is {d.plural(count, 'day')} counting both ends, not {n:,} ('{days.text}')."
            if count - 1 == n:
                message += f" {n:,} is the days between them; the first and the last day both count."
        alternatives = [f"'{days.like(count)}'"] if count >= 1 else []
        try:
            alternatives.append(f"{d.long(d.shift(e, -(n - 1)))} as the start")
        except OutOfCalendar:
            pass
        try:
            alternatives.append(f"{d.long(d.shift(s, n - 1))} as the end")
        except OutOfCalendar:
            pass
        return Result(
            Verdict.INCONSISTENT,
            message,
            lines,
            implied=implied,
            suggestion="Consistent alternatives: " + "; or ".join(alternatives) + ".",
            data=data,
        )

    def _weekday_end(
        self, day: d.Day, role: str, expected: dt.date, other: dt.date, days: d.Days, lines: list[str], implied: dict
    ) -> Result:
        """One end given as a weekday alone: it must be the weekday the count implies."""
        n = days.count
        name, true = d.WEEKDAYS[day.weekday], d.WEEKDAYS[d.weekday_of(expected)]
        data = DurationData(n, start=d.iso(expected)) if role == "start" else DurationData(n, end=d.iso(expected))
        if d.weekday_of(expected) == day.weekday:
            implied[role] = d.implied_day(expected)
            verb = "begin" if role == "start" else "end"
            return Result(
                Verdict.CONSISTENT,
                f"Counting both ends, {d.plural(n, 'day')} {'ending' if role == 'start' else 'starting'} on "
                f"{d.long(other)} {verb} on {d.long(expected)}, as '{day.text}' says.",
                lines,
                implied=implied,
                data=data,
            )
        # The count that would fit the stated weekday, nearest the stated count.
        if role == "start":
            fits = d.inclusive_days(d.on_or_before(other, day.weekday), other)
        else:
            fits = d.inclusive_days(other, d.on_or_before(d.shift(other, 6), day.weekday))
        fits += 7 * max(0, (n - fits + 3) // 7)
        there = d.shift(other, -(fits - 1)) if role == "start" else d.shift(other, fits - 1)
        verb, edge = ("begin", "ending") if role == "start" else ("end", "starting")
        said = "" if day.text.lower() == name.lower() else f" ('{day.text}')"
        return Result(
            Verdict.INCONSISTENT,
            f"Counting both ends, {d.plural(n, 'day')} {edge} on {d.long(other)} {verb} on {d.long(expected)}, "
            f"not on a {name}{said}. {'From' if role == 'start' else 'To'} {d.long(there)} it is "
            f"{d.plural(fits, 'day')}.",
            lines,
            implied=implied,
            suggestion=f"Consistent alternatives: '{true}' as the {role}; or '{days.like(fits)}' with "
            f"{d.long(there)} as the {role}.",
            data=replace(data, stated=name),
        )


# ---------------------------------------------------------------- DT03


class Edition(DateRule):
    """Which edition of a recurring event fell in which year.

    What it does: the n-th edition of an event first held in a given year, and
    held every so many years, falls in first year + (n - 1) x years between
    editions: the third edition of an annual event first held in 2023 is in
    2023 + (3 - 1) x 1 = 2025. With the first year left out it reports the
    first year the claim implies; with the edition's year left out, that year.

    Why it matters: "the third edition" and "the first year" date figures
    that the article compares; a wrong count shifts every comparison.
    """

    code = "DT03"
    name = "edition"
    family = "dates"
    summary = "The n-th edition of a recurring event falls in first year + (n - 1) x its interval."
    Claim = EditionClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: edition
    edition: third
    year: "2025"
    first_year: "2023"
""",
            "2023 + (3 - 1) x 1 = 2025",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: edition
    edition: third
    year: "2025"
    first_year: "2023"
    every: biennial
""",
            "2023 + (3 - 1) x 2 = 2027",
        ),
        Example(
            Verdict.UNVERIFIABLE,
            """
claims:
  - rule: edition
    edition: third
    year: "2025"
""",
            "implies the first edition was in 2023",
        ),
    )

    def decide(self, claim: EditionClaim, fields: Fields) -> Result:
        edition = fields.read("edition", d.parse_ordinal, claim.edition)
        year = fields.read("year", d.parse_year, claim.year)
        first = fields.read("first_year", d.parse_year, claim.first_year)
        every = fields.read("every", d.parse_every, claim.every)
        fields.check()
        if year is None and first is None:
            fields.problem(None, "give 'year' (the edition's year) or 'first_year' (or both)")
        n = edition.n
        nth = f"{d.ordinal_words(n)} edition"
        how = d.every_words(every)
        if first is None:
            first = year - (n - 1) * every
            line = f"{year} - ({n} - 1) x {every} = {first}"
            if first < 1:
                return Result(
                    Verdict.INCONSISTENT,
                    f"A {nth} in {year}, {how}, would need a first edition in year {first}.",
                    [line],
                    data=EditionData(n, year, every),
                )
            after = (
                "it is the first edition"
                if n == 1
                else f"the {nth} of an event held {how} comes {d.plural((n - 1) * every, 'year')} after the first"
            )
            return Result(
                Verdict.UNVERIFIABLE,
                f"The claim implies the first edition was in {first}: {after}.",
                [line],
                implied={"first_year": str(first)},
                data=EditionData(n, year, every, first_year=first),
            )
        expected = first + (n - 1) * every
        line = f"{first} + ({n} - 1) x {every} = {expected}"
        data = EditionData(n, expected, every, first_year=first)
        if year is None:
            return Result(
                Verdict.UNVERIFIABLE,
                f"The claim implies the {nth} is in {expected}: {d.plural((n - 1) * every, 'year')} after the first, "
                f"in {first}.",
                [line],
                implied={"year": str(expected)},
                data=data,
            )
        if year == expected:
            return Result(
                Verdict.CONSISTENT,
                f"The {nth} of an event held {how} since {first} is in {expected}, as stated.",
                [line],
                data=data,
            )
        lines = [line]
        alternatives = [f"{expected} as the year"]
        offset = year - first
        if offset >= 0 and offset % every == 0:
            other = offset // every + 1
            lines.append(f"{year} is the {d.ordinal_words(other)} edition: ({year} - {first}) / {every} + 1 = {other}")
            alternatives.append(f"'the {edition.like(other)} edition' for {year}")
        elif offset < 0:
            lines.append(f"{year} is before the first edition, in {first}")
        else:
            lines.append(f"no edition falls in {year}: {year} - {first} = {offset} is not a multiple of {every}")
        alternatives.append(f"{year - (n - 1) * every} as the first year")
        return Result(
            Verdict.INCONSISTENT,
            f"The {nth} of an event held {how} since {first} is in {expected}, not {year}.",
            lines,
            suggestion="Consistent alternatives: " + "; or ".join(alternatives) + ".",
            data=replace(data, stated_year=year),
        )


# ---------------------------------------------------------------- DT04


def _back(to: d.Point, years: int, precision: str) -> d.Point:
    """The point ``years`` before ``to``, at a precision no finer than ``to``'s."""
    if to.year - years < 1:
        raise OutOfCalendar(f"{years:,} years before {to.shown()} is outside the calendar (years 1 to 9999)")
    if precision == "year" or to.precision == "year":
        return d.Point(str(to.year - years), "year", to.year - years)
    if precision == "month" or to.precision == "month":
        return d.Point("", "month", to.year - years, to.month)
    day = d.add_years(to.date, -years)
    return d.day_point(day, d.iso(day))


def _finer(a: str, b: str) -> str:
    return a if d.PRECISIONS.index(a) <= d.PRECISIONS.index(b) else b


def _span_lines(frm: d.Point, to: d.Point, precision: str, span: Fraction) -> list[str]:
    if precision == "year":
        return [f"{to.year} - {frm.year} = {d.plural(to.year - frm.year, 'year')}"]
    if precision == "month":
        months = to.months() - frm.months()
        return [
            f"{frm.shown()} to {to.shown()} is {d.plural(months, 'month')} = "
            f"{d.years_and_rest(frm, to, precision)} ({display.number(span, significant=4)} years)"
        ]
    return [
        f"{d.iso(frm.date)} to {d.iso(to.date)} is {d.years_and_rest(frm, to, precision)} "
        f"({display.number(span, significant=4)} years)"
    ]


class PeriodLength(DateRule):
    """A period said to last so many years: "over the past decade", "since 2019", "in the five years to 2024".

    What it does: measures the period from ``from`` to ``to`` (by default the
    article's publication date) and compares it with the stated length.
    Between years it is the difference of the years (2025 - 2015 = 10, a
    decade); between months or dates it is measured exactly and read as
    rounded to the year (a length in years is a whole number of years). With
    ``from`` left out it reports when the period began; with the length left
    out, how long it is.

    Why it matters: "a decade" that is nine years, or "five years" counted
    over six calendar years, misstates every rate computed over the period.
    """

    code = "DT04"
    name = "period-length"
    family = "dates"
    summary = "A period ('over the past decade', 'since 2019') is as long as stated."
    Claim = PeriodClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
# the article was published on 2025-07-20
claims:
  - rule: period-length
    from: "2015"
    length: decade
    quote: over the past decade
""",
            "2025 - 2015 = 10 years",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: period-length
    from: "2020"
    to: "2024"
    length: five years
    quote: in the five years to 2024, since 2020
""",
            "2024 - 2020 = 4 years",
        ),
        Example(
            Verdict.UNVERIFIABLE,
            """
# the article was published on 2025-07-20
claims:
  - rule: period-length
    from: "2019"
    quote: since 2019
""",
            "implies a length of 6 years",
        ),
    )

    def decide(self, claim: PeriodClaim, fields: Fields) -> Result:
        frm = fields.read("from", d.parse_point, claim.from_)
        to = fields.read("to", d.parse_point, claim.to)
        length = fields.read("length", d.parse_years, claim.length)
        fields.check()
        if frm is None and length is None:
            fields.problem(None, "give 'from' or 'length' (or both)")
        wrong = _check_written_weekdays(frm.written if frm else None, to.written if to else None)
        if wrong is not None:
            return wrong
        notes = []
        defaulted = to is None
        if to is None:
            published = fields.published(
                "to",
                why="'to' is left out, so the period ends on the article's publication date, and there is "
                "none; give 'to'",
            )
            to = d.day_point(published, d.iso(published))
            notes.append(f"'to' left out: the publication date, {d.long(published)}")
        if frm is None:
            return self._implied_start(to, length, defaulted, notes)
        precision = _finer(frm.precision, to.precision)
        span = d.span_years(frm, to, precision)
        lines = [*notes, *_span_lines(frm, to, precision, span)]
        words = d.years_and_rest(frm, to, precision)
        data = PeriodData(frm.shown(), to.shown(), span)
        if span < 0:
            return Result(
                Verdict.INCONSISTENT,
                f"The period begins ({frm.shown()}) after it ends ({to.shown()}).",
                lines,
                data=data,
            )
        if length is None:
            return Result(
                Verdict.UNVERIFIABLE,
                f"The claim implies a length of {words}: from {frm.shown()} to {to.shown()}.",
                lines,
                implied={"length": words},
                data=data,
            )
        n = length.years
        stated = f"'{length.text}'" + (f" ({d.plural(n, 'year')})" if length.unit != "year" else "")
        if precision != "year":
            lines.append(f"{stated} allows {display.number(n - HALF)} to {display.number(n + HALF)} years")
        if abs(span - n) <= HALF:
            exact = "" if span == n else ", rounded to the year"
            return Result(
                Verdict.CONSISTENT,
                f"{frm.shown()} to {to.shown()} is {words}{exact}, as {stated} says.",
                lines,
                data=replace(data, stated_years=n),
            )
        alternatives = []
        nearest = floor(span + HALF)
        if nearest >= 1:
            alternatives.append(f"'{length.like(nearest)}'")
        try:
            alternatives.append(f"from {_back(to, n, precision).shown()} for {stated}")
        except OutOfCalendar:
            pass
        return Result(
            Verdict.INCONSISTENT,
            f"{frm.shown()} to {to.shown()} is {words}, not {stated}.",
            lines,
            suggestion=("Consistent alternatives: " + "; or ".join(alternatives) + ".") if alternatives else None,
            data=replace(data, stated_years=n),
        )

    def _implied_start(self, to: d.Point, length: d.Years, defaulted: bool, notes: list[str]) -> Result:
        n = length.years
        start = _back(to, n, "year" if defaulted else to.precision)
        if to.precision == "year" or defaulted:
            line = f"{to.year} - {n} = {start.year}"
        else:
            line = f"{to.shown()} minus {d.plural(n, 'year')} = {start.shown()}"
        lines = [*notes, line]
        if defaulted and to.precision == "day":
            lines.append(f"to the day: {d.long(d.add_years(to.date, -n))}")
        return Result(
            Verdict.UNVERIFIABLE,
            f"The claim implies the period began {'on' if start.precision == 'day' else 'in'} {start.shown()}: "
            f"'{length.text}' is {d.plural(n, 'year')} "
            f"to {to.shown()}.",
            lines,
            implied={"from": start.shown()},
            data=PeriodData(start.shown(), to.shown(), n),
        )


RULES = (Weekday, Duration, Edition, PeriodLength)
