"""The dates family (DT01-DT04) and the reading of dates, weekdays, counts and ordinals.

The properties judge generated claims against oracles that do not use the
code under test: Zeller's congruence for weekdays, ``timedelta`` for spans of
days, and plain integer formulas for editions and years.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tests.conftest import check
from validator import dates
from validator.check import check_text
from validator.dates import DateFormatError
from validator.engine import Binder, bind_claims
from validator.policy import Policy

NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def zeller(d: dt.date) -> int:
    """The weekday by Zeller's congruence, 0 = Monday: an oracle independent of ordinals."""
    y, m = (d.year, d.month) if d.month > 2 else (d.year - 1, d.month + 12)
    h = (d.day + 13 * (m + 1) // 5 + y % 100 + (y % 100) // 4 + (y // 100) // 4 + 5 * (y // 100)) % 7
    return (h + 5) % 7  # Zeller: 0 = Saturday


def one(body: str):
    (finding,) = check(body)
    return finding


def sheet_published(published: dt.date, body: str) -> str:
    head = f"article:\n  title: t\n  source: s\n  published: {published.isoformat()}\n"
    return head + textwrap.dedent(body).strip("\n") + "\n"


def problems(body: str, published: str = "2025-07-20") -> list[tuple[str, int, int, str]]:
    head = f"article:\n  title: t\n  source: s\n  published: {published}\n"
    report = check_text(head + textwrap.dedent(body).strip("\n") + "\n", "t.yaml")
    return [(f.code, f.line, f.column, f.message) for f in report.findings]


# ----------------------------------------------------------------- strategies

calendar_days = st.dates(min_value=dt.date(1000, 1, 8), max_value=dt.date(9999, 12, 24))
span_starts = st.dates(min_value=dt.date(1000, 1, 8), max_value=dt.date(9998, 11, 1))  # 400 days fit after
period_starts = st.dates(min_value=dt.date(1000, 1, 8), max_value=dt.date(9948, 1, 1))  # 51 years fit after


@st.composite
def written(draw, day: dt.date) -> str:
    """``day`` in one of the written forms, with or without its (true) weekday."""
    month = MONTHS[day.month - 1]
    if draw(st.booleans()) and day.month != 5:
        month = draw(st.sampled_from([month[:3], month[:3] + "."]))
    suffix = draw(st.sampled_from(["", dates.ordinal_digits(day.day)[-2:]]))
    form = draw(st.sampled_from(["mdy", "dmy", "iso"]))
    text = {
        "mdy": f"{month} {day.day}{suffix}, {day.year}",
        "dmy": f"{day.day}{suffix} {month} {day.year}",
        "iso": day.isoformat(),
    }[form]
    if draw(st.booleans()):
        name = NAMES[zeller(day)]
        text = f"{draw(st.sampled_from([name, name[:3]]))}{',' if form == 'mdy' else ''} {text}"
    return text


def days_text(n: int, style: int) -> str:
    words = dates.count_words(n) if n < 100 else f"{n:,}"
    forms = [f"{n}-day", f"{n} days" if n != 1 else "1 day", f"{words}-day", f"{words} days" if n != 1 else "a day"]
    return forms[style]


# ----------------------------------------------------------------- DT01 properties


@given(calendar_days, st.data())
def test_a_date_with_its_true_weekday_is_consistent(day, data):
    text = data.draw(written(day))
    f = one(f"claims:\n  - rule: weekday\n    date: '{text}'\n    weekday: {NAMES[zeller(day)]}\n")
    assert f.verdict.value == "consistent", f.message
    assert f"{day.isoformat()} is a {NAMES[zeller(day)]}" in f.arithmetic


@given(calendar_days, st.integers(1, 6), st.data())
def test_a_date_with_any_other_weekday_is_inconsistent(day, offset, data):
    true = zeller(day)
    wrong = (true + offset) % 7
    text = data.draw(written(day))
    f = one(f"claims:\n  - rule: weekday\n    date: '{text}'\n    weekday: {NAMES[wrong]}\n")
    assert f.verdict.value == "inconsistent"
    assert f.message.startswith(f"{day.isoformat()} is a {NAMES[true]}, not a {NAMES[wrong]}")
    # the nearest dates named are that weekday, within a week either side
    before = day - dt.timedelta(days=(true - wrong) % 7)
    after = day + dt.timedelta(days=(wrong - true) % 7)
    assert zeller(before) == zeller(after) == wrong
    assert f"the nearest {NAMES[wrong]}s: {before.isoformat()}" in f.arithmetic[-1]
    assert after.isoformat() in f.arithmetic[-1]


@given(calendar_days, st.integers(1, 6), st.data())
def test_a_date_written_with_a_wrong_weekday_is_inconsistent(day, offset, data):
    wrong = NAMES[(zeller(day) + offset) % 7]
    text = f"{wrong}, {MONTHS[day.month - 1]} {day.day}, {day.year}"
    f = one(f"claims:\n  - rule: weekday\n    date: '{text}'\n")
    assert f.verdict.value == "inconsistent"
    assert f.message == f"{day.isoformat()} is a {NAMES[zeller(day)]}, not a {wrong} ('{text}')."


@given(calendar_days, st.integers(0, 6))
def test_a_weekday_alone_is_the_latest_such_day_on_or_before_publication(published, weekday):
    report = check_text(
        sheet_published(published, f"claims:\n  - rule: weekday\n    weekday: {NAMES[weekday]}\n"), "t.yaml"
    )
    (f,) = report.findings
    oracle = next(published - dt.timedelta(days=k) for k in range(7)
                  if zeller(published - dt.timedelta(days=k)) == weekday)
    assert f.verdict.value == "unverifiable"
    assert f.implied == {"date": f"{oracle.isoformat()} ({NAMES[weekday]})"}


# ----------------------------------------------------------------- DT02 properties


@given(span_starts, st.integers(1, 400), st.integers(0, 3), st.data())
def test_durations_from_true_start_and_end_are_consistent(start, n, style, data):
    end = start + dt.timedelta(days=n - 1)
    s, e = data.draw(written(start)), data.draw(written(end))
    f = one(f"claims:\n  - rule: duration\n    start: '{s}'\n    end: '{e}'\n    days: '{days_text(n, style)}'\n")
    assert f.verdict.value == "consistent", f.message
    assert f"{dates.plural(n, 'day')} counting both ends" in f.message


@given(span_starts, st.integers(1, 400), st.integers(-30, 30).filter(bool))
def test_a_wrong_count_of_days_is_inconsistent_and_shows_the_count(start, n, delta):
    end = start + dt.timedelta(days=n - 1)
    stated = n + delta
    assume(stated >= 1)
    f = one(
        f"claims:\n  - rule: duration\n    start: '{start.isoformat()}'\n    end: '{end.isoformat()}'\n"
        f"    days: '{stated} days'\n"
    )
    assert f.verdict.value == "inconsistent"
    assert f"is {dates.plural(n, 'day')} counting both ends, not {stated:,}" in f.message
    assert f"counting both ends: {n - 1:,} + 1 = {dates.plural(n, 'day')}" in f.arithmetic[-1]


@given(span_starts, st.integers(1, 400), st.integers(0, 3))
def test_implied_starts_and_ends_round_trip(start, n, style):
    end = start + dt.timedelta(days=n - 1)
    days = days_text(n, style)
    f = one(f"claims:\n  - rule: duration\n    end: '{end.isoformat()}'\n    days: '{days}'\n")
    assert f.verdict.value == "unverifiable"
    assert f.implied == {"start": f"{start.isoformat()} ({NAMES[zeller(start)]})"}
    f = one(f"claims:\n  - rule: duration\n    start: '{start.isoformat()}'\n    days: '{days}'\n")
    assert f.implied == {"end": f"{end.isoformat()} ({NAMES[zeller(end)]})"}
    # and the implied start, stated, makes the claim consistent
    f = one(f"claims:\n  - rule: duration\n    start: '{start.isoformat()}'\n    end: '{end.isoformat()}'\n"
            f"    days: '{days}'\n")
    assert f.verdict.value == "consistent"


@given(span_starts, st.integers(1, 60), st.integers(0, 6))
def test_a_weekday_alone_for_the_start_fits_only_the_true_one(start, n, weekday):
    end = start + dt.timedelta(days=n - 1)
    f = one(f"claims:\n  - rule: duration\n    start: {NAMES[weekday]}\n    end: '{end.isoformat()}'\n"
            f"    days: '{n} days'\n")
    assert f.verdict.value == ("consistent" if weekday == zeller(start) else "inconsistent")


# ----------------------------------------------------------------- DT03 properties

firsts = st.integers(1900, 2100)
editions = st.integers(1, 60)
intervals = st.integers(1, 5)


def edition_claim(n, year, first, every) -> str:
    text = f"claims:\n  - rule: edition\n    edition: '{dates.ordinal_words(n)}'\n    year: '{year}'\n"
    if first is not None:
        text += f"    first_year: '{first}'\n"
    return text + f"    every: '{every} years'\n"


@given(firsts, editions, intervals)
def test_edition_years_from_the_formula_are_consistent(first, n, every):
    year = first + (n - 1) * every
    f = one(edition_claim(n, year, first, every))
    assert f.verdict.value == "consistent"
    assert f.arithmetic[0] == f"{first} + ({n} - 1) x {every} = {year}"


@given(firsts, editions, intervals, st.integers(-20, 20).filter(bool))
def test_perturbed_edition_years_are_inconsistent(first, n, every, delta):
    year = first + (n - 1) * every
    f = one(edition_claim(n, year + delta, first, every))
    assert f.verdict.value == "inconsistent"
    assert f.message.endswith(f"is in {year}, not {year + delta}.")
    assert f"{year} as the year" in f.suggestion


@given(firsts, editions, intervals)
def test_the_implied_first_year_round_trips(first, n, every):
    f = one(edition_claim(n, first + (n - 1) * every, None, every))
    assert f.verdict.value == "unverifiable"
    assert f.implied == {"first_year": str(first)}


# ----------------------------------------------------------------- DT04 properties


@given(st.integers(1000, 9000), st.integers(1, 200), st.booleans())
def test_periods_between_years_are_the_difference_of_the_years(start, years, words):
    length = f"{dates.count_words(years) if words else years} years" if years > 1 else "a year"
    claim = "claims:\n  - rule: period-length\n    from: '{}'\n    to: '{}'\n    length: '{}'\n"
    f = one(claim.format(start, start + years, length))
    assert f.verdict.value == "consistent"
    f = one(claim.format(start + 1, start + years, length))
    assert f.verdict.value == "inconsistent"
    f = one(f"claims:\n  - rule: period-length\n    to: '{start + years}'\n    length: '{length}'\n")
    assert f.implied == {"from": str(start)}


@given(period_starts, st.integers(1, 50))
def test_periods_between_dates_round_to_the_year(start, years):
    end = dates.add_years(start, years)
    claim = "claims:\n  - rule: period-length\n    from: '{}'\n    to: '{}'\n    length: '{} years'\n"
    def verdict(to: dt.date) -> str:
        return one(claim.format(start.isoformat(), to.isoformat(), years)).verdict.value

    assert verdict(end) == "consistent"
    # just under half a year either way is still that many years; a full year more is not
    assert verdict(end + dt.timedelta(days=180)) == "consistent"
    assert verdict(end - dt.timedelta(days=180)) == "consistent"
    assert verdict(dates.add_years(end, 1)) == "inconsistent"


# ----------------------------------------------------------------- the reader never raises anything else

PARSERS = [dates.parse_date, dates.parse_weekday, dates.parse_day, dates.parse_days, dates.parse_ordinal,
           dates.parse_every, dates.parse_year, dates.parse_point, dates.parse_years]


@pytest.mark.parametrize("parser", PARSERS, ids=lambda p: p.__name__)
@given(text=st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789-/., stndrhJulyMarchSunday", max_size=25),
))
def test_any_text_is_read_or_refused_with_a_message(parser, text):
    try:
        parser(text)
    except DateFormatError as exc:
        assert str(exc)


@given(calendar_days)
def test_weekdays_and_ordinals_agree_with_the_oracles(day):
    assert dates.weekday_of(day) == zeller(day) == day.weekday()
    assert dates.ordinal(day.year, day.month, day.day) == day.toordinal()


# ----------------------------------------------------------------- reading: what is accepted


@pytest.mark.parametrize(
    ("text", "weekday", "style"),
    [
        ("July 20, 2025", None, "mdy"),
        ("July 20 2025", None, "mdy"),
        ("Jul. 20th, 2025", None, "mdy"),
        ("Sept 1, 2025", None, "mdy"),  # replaced below by its own date
        ("20 July 2025", None, "dmy"),
        ("20th of July, 2025", None, "dmy"),
        ("2025-07-20", None, "iso"),
        ("Sunday, July 20, 2025", 6, "mdy"),
        ("Sun 20 July 2025", 6, "dmy"),
        ("on Sunday, 20 July 2025", 6, "dmy"),
        ("SUNDAY,\u00a0JULY 20, 2025", 6, "mdy"),
    ],
)
def test_date_forms(text, weekday, style):
    w = dates.parse_date(text)
    expected = dt.date(2025, 9, 1) if text.startswith("Sept") else dt.date(2025, 7, 20)
    assert (w.date, w.weekday, w.style) == (expected, weekday, style)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("July 32, 2025", "'July 32, 2025' does not exist: July has 31 days"),
        ("February 29, 2025", "'February 29, 2025' does not exist: 2025 is not a leap year, so February has 28 days"),
        ("2025-04-31", "'2025-04-31' does not exist: April has 30 days"),
        ("2025-13-01", "'2025-13-01': there is no month 13; ISO dates are year-month-day (2025-07-20)"),
        ("Jully 20, 2025", "'Jully 20, 2025': 'Jully' is neither a month nor a day of the week (did you mean 'July'?)"),
        ("20 Jully 2025", "'20 Jully 2025': 'Jully' is not a month (did you mean 'July'?)"),
        ("Funday, July 20, 2025",
         "'Funday, July 20, 2025': 'Funday' is neither a month nor a day of the week (did you mean 'Sunday'?)"),
        ("07/20/2025", "'07/20/2025': numeric dates are ambiguous (day first or month first?); write 'July 20, 2025', "
         "'20 July 2025' or '2025-07-20'"),
        ("July 20", "'July 20' has no year: write it in full, e.g. 'July 20, 2025', '20 July 2025' or '2025-07-20'"),
        ("July 20, 25", "'July 20, 25': write the year with four digits (2025)"),
        ("July 2th, 2025", "'July 2th, 2025': '2th' should be '2nd'"),
        ("July. 20, 2025", "'July. 20, 2025': a full month name takes no full stop"),
        ("Sunday", "'Sunday' is a day of the week, not a date: write the date as 'July 20, 2025', '20 July 2025' or "
         "'2025-07-20'"),
        ("0000-01-01", "'0000-01-01': year 0 is not in the calendar (years 1 to 9999)"),
        ("yesterday", "'yesterday' is not a date: write 'July 20, 2025', '20 July 2025' or '2025-07-20'"),
        ("", "empty text is not a date"),
    ],
)
def test_date_errors(text, message):
    with pytest.raises(DateFormatError) as exc:
        dates.parse_date(text)
    assert str(exc.value) == message


def test_weekdays():
    read = [dates.parse_weekday(t) for t in ("Sunday", "sun", "Sun.", "on Sunday", "THURS", "Wed")]
    assert read == [6, 6, 6, 6, 3, 2]
    with pytest.raises(DateFormatError, match=r"^'Funday' is not a day of the week \(did you mean 'Sunday'\?\): "
                       "write Monday to Sunday$"):
        dates.parse_weekday("Funday")
    with pytest.raises(DateFormatError, match="is a date, not a day of the week"):
        dates.parse_weekday("Sunday, July 20, 2025")
    assert dates.parse_day("Sunday").relative and dates.parse_day("Sunday").weekday == 6
    assert dates.parse_day("Sunday, July 20, 2025").date.date == dt.date(2025, 7, 20)


@pytest.mark.parametrize(
    ("text", "count", "like"),
    [
        ("five-day", 5, "six-day"),
        ("5-day", 5, "6-day"),
        ("5 days", 5, "6 days"),
        ("five days", 5, "six days"),
        ("twenty-one days", 21, "six days"),
        ("a day", 1, "six days"),
        ("a week", 7, "six days"),
        ("two-week", 14, "six-day"),
        ("3 weeks", 21, "six days"),
        ("a fortnight", 14, "six days"),
        ("week-long", 7, "six-day"),
        ("1,000 days", 1000, "6 days"),
    ],
)
def test_days(text, count, like):
    days = dates.parse_days(text)
    assert days.count == count
    assert days.like(6) == like


def test_days_written_alike():
    assert dates.parse_days("a week").like(14) == "two weeks"
    assert dates.parse_days("five-day").like(1) == "one-day"
    assert dates.parse_days("5 days").like(1) == "1 day"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fivve-day", "'fivve-day' is not a number of days: write 'five-day', '5 days', 'five days' or 'a week'"),
        ("zero-day", "'zero-day': a duration counts at least one day"),
        ("five", "'five' is not a number of days: write 'five-day', '5 days', 'five days' or 'a week'"),
        ("more than five days", "'more than five days' is not a number of days: write 'five-day', '5 days', "
         "'five days' or 'a week'"),
        ("999999999 days", "'999999999 days' is longer than the calendar allows"),
    ],
)
def test_days_errors(text, message):
    with pytest.raises(DateFormatError) as exc:
        dates.parse_days(text)
    assert str(exc.value) == message


@pytest.mark.parametrize(
    ("text", "n", "like"),
    [("third", 3, "second"), ("3rd", 3, "2nd"), ("3", 3, "2nd"), ("inaugural", 1, "second"), ("First", 1, "second"),
     ("twenty-first", 21, "second"), ("twentieth", 20, "second"), ("101st", 101, "2nd"), ("11th", 11, "2nd")],
)
def test_ordinals(text, n, like):
    o = dates.parse_ordinal(text)
    assert (o.n, o.like(2)) == (n, like)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("thrid", "'thrid' is not an ordinal: write 'third', '3rd' or 3 (or 'inaugural' for the first)"),
        ("0", "'0': editions are counted from the first (1st)"),
        ("0th", "'0th': editions are counted from the first (1st)"),
        ("2th", "'2th' should be '2nd'"),
        ("11st", "'11st' should be '11th'"),
        ("03", "'03' is not an ordinal: write 'third', '3rd' or 3 (or 'inaugural' for the first)"),
    ],
)
def test_ordinal_errors(text, message):
    with pytest.raises(DateFormatError) as exc:
        dates.parse_ordinal(text)
    assert str(exc.value) == message


def test_frequencies_and_years():
    texts = ("year", "annual", "2 years", "every two years", "biennial", "every other year", "triennial", "2", "3-year")
    assert [dates.parse_every(t) for t in texts] == [1, 1, 2, 2, 2, 2, 3, 2, 3]
    with pytest.raises(DateFormatError, match="'biannual' means twice a year"):
        dates.parse_every("biannual")
    with pytest.raises(DateFormatError, match="^'monthly' is not a frequency in years"):
        dates.parse_every("monthly")
    with pytest.raises(DateFormatError, match="editions are at least one year apart"):
        dates.parse_every("0 years")
    assert dates.parse_year("2025") == 2025
    with pytest.raises(DateFormatError, match=r"^''25': write the year in full \(2025 or 1925\?\)$"):
        dates.parse_year("'25")
    with pytest.raises(DateFormatError, match="write the year with four digits"):
        dates.parse_year("25")


def test_lengths_and_points():
    assert [dates.parse_years(t).years for t in ("decade", "a decade", "two decades", "five years", "10 years",
                                                 "10-year", "a year", "a century")] == [10, 10, 20, 5, 10, 10, 1, 100]
    assert dates.parse_years("decade").like(9) == "nine years"
    assert dates.parse_years("decade").like(20) == "two decades"
    assert dates.parse_years("10 years").like(9) == "9 years"
    with pytest.raises(DateFormatError, match="^'fortnight' is not a length in years"):
        dates.parse_years("fortnight")
    with pytest.raises(DateFormatError, match="how many years"):
        dates.parse_years("years")
    with pytest.raises(DateFormatError, match=r"^'decades': how many decades\? write 'five years', '10 years'"):
        dates.parse_years("decades")
    p = dates.parse_point("2019")
    assert (p.precision, p.year) == ("year", 2019)
    p = dates.parse_point("March 2019")
    assert (p.precision, p.year, p.month) == ("month", 2019, 3)
    assert dates.parse_point("2019-03").precision == "month"
    assert dates.parse_point("20 July 2025").date == dt.date(2025, 7, 20)
    with pytest.raises(DateFormatError, match=r"'Marhc' is not a month \(did you mean 'March'\?\)"):
        dates.parse_point("Marhc 2019")


# ----------------------------------------------------------------- the rules' messages


def test_weekday_messages():
    f = one("claims:\n  - rule: weekday\n    date: '2025-07-20'\n    weekday: Saturday\n")
    assert f.message == "2025-07-20 is a Sunday, not a Saturday ('Saturday')."
    assert f.arithmetic == [
        "2025-07-20 is a Sunday",
        "2025-07-20 is day 739,452 of the calendar (day 1: Monday 1 January of year 1): "
        "(739,452 - 1) mod 7 = 6, and Monday + 6 = Sunday",
        "the nearest Saturdays: 2025-07-19 (1 day before) and 2025-07-26 (6 days after)",
    ]
    assert f.suggestion == "Consistent alternatives: 'Sunday' for 2025-07-20; or a Saturday: 2025-07-19 or 2025-07-26."
    f = one("claims:\n  - rule: weekday\n    date: 20 July 2025\n    weekday: Saturday\n")
    assert f.suggestion == (
        "Consistent alternatives: 'Sunday 20 July 2025'; or a Saturday: 'Saturday 19 July 2025' or "
        "'Saturday 26 July 2025'."
    )
    f = one("claims:\n  - rule: weekday\n    date: Sunday, July 20, 2025\n")
    assert (f.verdict.value, f.message) == ("consistent", "2025-07-20 is a Sunday, as 'Sunday, July 20, 2025' says.")


def test_a_weekday_alone_before_publication():
    report = check_text(
        sheet_published(dt.date(2025, 7, 22), "claims:\n  - rule: weekday\n    weekday: on Sunday\n"), "t.yaml"
    )
    (f,) = report.findings
    assert f.message == (
        "The claim implies Sunday 20 July 2025: 'on Sunday' with no date is read as the most recent Sunday on or "
        "before the publication date, Tuesday 22 July 2025. Give the date to check it."
    )
    assert f.arithmetic == [
        "published 2025-07-22, a Tuesday",
        "days back to the last Sunday: (1 - 6) mod 7 = 2, counting from Monday = 0",
        "2025-07-22 minus 2 days = 2025-07-20, a Sunday",
    ]
    assert f.implied == {"date": "2025-07-20 (Sunday)"}


def test_a_weekday_alone_needs_the_publication_date():
    binder = Binder({}, Policy(), article=None)
    bound = bind_claims([{"rule": "weekday", "weekday": "Sunday"}, {"rule": "duration", "end": "Sunday",
                                                                    "days": "five-day"}], binder)
    assert bound == []
    assert [(p.path, p.code) for p in binder.problems] == [(("claims", 0, "weekday"), "IN02"),
                                                           (("claims", 1, "end"), "IN02")]
    assert binder.problems[0].message == (
        "'Sunday' names no date: a weekday alone is read against the article's publication date, and there is "
        "none; give the date ('July 20, 2025')"
    )


def test_duration_messages():
    f = one("claims:\n  - rule: duration\n    start: July 16, 2025\n    end: July 20, 2025\n    days: 4 days\n")
    assert f.message == (
        "Wednesday 16 July to Sunday 20 July 2025 is 5 days counting both ends, not 4 ('4 days'). "
        "4 is the days between them; the first and the last day both count."
    )
    assert f.arithmetic == ["2025-07-20 - 2025-07-16 = 4 days; counting both ends: 4 + 1 = 5 days"]
    assert f.suggestion == (
        "Consistent alternatives: '5 days'; or Thursday 17 July 2025 as the start; or Saturday 19 July 2025 as the end."
    )
    f = one("claims:\n  - rule: duration\n    start: July 20, 2025\n    end: July 16, 2025\n    days: five-day\n")
    assert f.message == "The end, Wednesday 16 July 2025, is before the start, Sunday 20 July 2025."
    f = one("claims:\n  - rule: duration\n    start: Wednesday\n    end: '2025-07-20'\n    days: five-day\n")
    assert (f.verdict.value, f.implied) == ("consistent", {"start": "2025-07-16 (Wednesday)"})
    f = one("claims:\n  - rule: duration\n    start: July 16, 2025\n    end: Saturday\n    days: five-day\n")
    assert f.message == (
        "Counting both ends, 5 days starting on Wednesday 16 July 2025 end on Sunday 20 July 2025, not on a "
        "Saturday. To Saturday 19 July 2025 it is 4 days."
    )
    assert f.arithmetic[0] == "Wednesday 16 July plus 4 days = Sunday 20 July"
    assert f.suggestion == (
        "Consistent alternatives: 'Sunday' as the end; or 'four-day' with Saturday 19 July 2025 as the end."
    )
    f = one("claims:\n  - rule: duration\n    start: Wednesday\n    end: Sunday\n    days: a week\n")
    assert f.verdict.value == "inconsistent"
    assert "Counting both ends, 7 days ending on Sunday 20 July 2025 begin on Monday 14 July 2025" in f.message
    f = one("claims:\n  - rule: duration\n    start: Saturday, July 16, 2025\n    end: July 20, 2025\n"
            "    days: five-day\n")
    assert f.message == "2025-07-16 is a Wednesday, not a Saturday ('Saturday, July 16, 2025')."


def test_edition_messages():
    f = one("claims:\n  - rule: edition\n    edition: fourth\n    year: '2026'\n    first_year: '2023'\n")
    assert (f.verdict.value, f.arithmetic) == ("consistent", ["2023 + (4 - 1) x 1 = 2026"])
    f = one("claims:\n  - rule: edition\n    edition: 3rd\n    year: '2026'\n    first_year: '2023'\n")
    assert f.message == "The third edition of an event held every year since 2023 is in 2025, not 2026."
    assert f.arithmetic == ["2023 + (3 - 1) x 1 = 2025", "2026 is the fourth edition: (2026 - 2023) / 1 + 1 = 4"]
    assert f.suggestion == (
        "Consistent alternatives: 2025 as the year; or 'the 4th edition' for 2026; or 2024 as the first year."
    )
    f = one("claims:\n  - rule: edition\n    edition: 3\n    year: '2026'\n    first_year: '2023'\n"
            "    every: biennial\n")
    assert f.arithmetic[1] == "no edition falls in 2026: 2026 - 2023 = 3 is not a multiple of 2"
    f = one("claims:\n  - rule: edition\n    edition: inaugural\n    year: '2022'\n    first_year: '2023'\n")
    assert f.arithmetic == ["2023 + (1 - 1) x 1 = 2023", "2022 is before the first edition, in 2023"]
    f = one("claims:\n  - rule: edition\n    edition: fourth\n    first_year: '2023'\n")
    assert (f.verdict.value, f.implied) == ("unverifiable", {"year": "2026"})
    assert f.message == "The claim implies the fourth edition is in 2026: 3 years after the first, in 2023."
    f = one("claims:\n  - rule: edition\n    edition: inaugural\n    year: '2023'\n")
    assert f.message == "The claim implies the first edition was in 2023: it is the first edition."


def test_period_messages():
    f = one("claims:\n  - rule: period-length\n    length: decade\n")
    assert f.message == "The claim implies the period began in 2015: 'decade' is 10 years to Sunday 20 July 2025."
    assert f.arithmetic == [
        "'to' left out: the publication date, Sunday 20 July 2025",
        "2025 - 10 = 2015",
        "to the day: Monday 20 July 2015",
    ]
    assert f.implied == {"from": "2015"}
    f = one("claims:\n  - rule: period-length\n    to: 20 July 2025\n    length: five years\n")
    assert f.message == (
        "The claim implies the period began on Monday 20 July 2020: 'five years' is 5 years to Sunday 20 July 2025."
    )
    assert f.arithmetic == ["Sunday 20 July 2025 minus 5 years = Monday 20 July 2020"]
    f = one("claims:\n  - rule: period-length\n    to: March 2025\n    length: five years\n")
    assert (f.message, f.implied) == (
        "The claim implies the period began in March 2020: 'five years' is 5 years to March 2025.",
        {"from": "March 2020"},
    )


def test_period_messages_inconsistent_and_by_month_and_day():
    f = one("claims:\n  - rule: period-length\n    from: '2016'\n    length: decade\n")
    assert f.message == "2016 to Sunday 20 July 2025 is 9 years, not 'decade' (10 years)."
    assert f.suggestion == "Consistent alternatives: 'nine years'; or from 2015 for 'decade' (10 years)."
    f = one("claims:\n  - rule: period-length\n    from: March 2019\n    to: July 2025\n    length: six years\n")
    assert f.verdict.value == "consistent"
    assert f.message == "March 2019 to July 2025 is 6 years and 4 months, rounded to the year, as 'six years' says."
    assert f.arithmetic == [
        "March 2019 to July 2025 is 76 months = 6 years and 4 months (6.333 years)",
        "'six years' allows 5.5 to 6.5 years",
    ]
    f = one("claims:\n  - rule: period-length\n    from: 1 January 2019\n    to: 20 July 2025\n    length: six years\n")
    assert f.verdict.value == "inconsistent"
    assert f.message == "Tuesday 1 January 2019 to Sunday 20 July 2025 is 6 years and 200 days, not 'six years'."
    assert f.suggestion == "Consistent alternatives: 'seven years'; or from Saturday 20 July 2019 for 'six years'."
    f = one("claims:\n  - rule: period-length\n    from: '2026'\n    length: a year\n")
    assert f.message == "The period begins (2026) after it ends (Sunday 20 July 2025)."
    f = one("claims:\n  - rule: period-length\n    from: 20 July 2015\n    to: July 19, 2025\n")
    assert f.implied == {"length": "9 years and 364 days"}


# ----------------------------------------------------------------- input problems at the field


def test_unreadable_fields_are_input_errors_at_the_field():
    # every unreadable field is reported, on its own line (the article takes lines 1-4)
    body = """
claims:
  - rule: weekday
    date: July 32, 2025
    weekday: Funday
  - rule: duration
    end: Sunday
    days: fivve-day
  - rule: edition
    edition: thrid
    year: "2025"
  - rule: period-length
    from: Marhc 2019
    length: fortnight
  - rule: edition
    edition: third
"""
    assert problems(body) == [
        ("IN04", 7, 5, "'July 32, 2025' does not exist: July has 31 days"),
        ("IN04", 8, 5, "'Funday' is not a day of the week (did you mean 'Sunday'?): write Monday to Sunday"),
        ("IN04", 11, 5, "'fivve-day' is not a number of days: write 'five-day', '5 days', 'five days' or 'a week'"),
        ("IN04", 13, 5, "'thrid' is not an ordinal: write 'third', '3rd' or 3 (or 'inaugural' for the first)"),
        ("IN04", 16, 5, "'Marhc 2019': 'Marhc' is not a month (did you mean 'March'?)"),
        ("IN04", 17, 5, "'fortnight' is not a length in years: write 'a decade', 'five years' or '10 years'"),
        ("IN02", 18, 5, "give 'year' (the edition's year) or 'first_year' (or both)"),
    ]


def test_missing_and_out_of_calendar():
    assert problems("claims:\n  - rule: weekday\n    date: July 20, 2025\n") == [
        ("IN02", 6, 5, "'July 20, 2025' has no weekday to check: give 'weekday'")
    ]
    assert problems("claims:\n  - rule: duration\n    days: five-day\n") == [
        ("IN02", 6, 5, "give 'start' or 'end' (or both) with 'days'")
    ]
    assert problems("claims:\n  - rule: duration\n    end: '0001-01-02'\n    days: 10 days\n") == [
        ("IN04", 6, 5, "-9 days from 0001-01-02 is outside the calendar (years 1 to 9999)")
    ]
    assert problems("claims:\n  - rule: period-length\n    to: '2024'\n") == [
        ("IN02", 6, 5, "give 'from' or 'length' (or both)")
    ]
    assert problems("claims:\n  - rule: weekday\n    date: July 20, 2025\n    weekday: Sunday\n    colour: red\n") == [
        ("IN02", 9, 5, "unknown field 'colour'")
    ]


def test_a_period_to_publication_needs_the_publication_date():
    binder = Binder({}, Policy(), article=None)
    assert bind_claims([{"rule": "period-length", "from": "2019", "length": "six years"}], binder) == []
    ((path, code, message),) = [(p.path, p.code, p.message) for p in binder.problems]
    assert (path, code) == (("claims", 0, "to"), "IN02")
    assert message == (
        "'to' is left out, so the period ends on the article's publication date, and there is none; give 'to'"
    )
