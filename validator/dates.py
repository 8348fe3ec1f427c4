"""Dates, weekdays, durations, editions and lengths of time, read as written.

The date rules (``rules/dates.py``) read their fields here. Reading is strict:
text that is not clearly one date, one weekday or one count raises
:class:`DateFormatError`, whose message says what is wrong and what to write
instead; the rules report it as an IN04 problem at the field. Nothing here
raises anything else, whatever the text.

All arithmetic is on whole numbers. A date is its proleptic Gregorian ordinal
(``date.toordinal()``: Monday 1 January of year 1 is day 1), so its weekday is
``(ordinal - 1) mod 7`` counted from Monday, and the days between two dates
are a difference of ordinals. Floats are never used.

What is read (case does not matter; a leading "on" is allowed before a day):

=============  ==============================================================
dates          'July 20, 2025', 'Jul. 20th, 2025', '20 July 2025', '2025-07-20',
               each optionally led by its weekday: 'Sunday, July 20, 2025',
               'Sun 20 July 2025'. The year is required; numeric dates such as
               '07/20/2025' are refused as ambiguous.
weekdays       'Sunday', 'Sun', 'Sun.'
days           'five-day', '5-day', '5 days', 'five days', 'a day', 'a week',
               'two-week', '3 weeks', 'a fortnight', 'week-long'
ordinals       'third', '3rd', 3, 'twenty-first', 'inaugural' (= first)
frequencies    'year' (every year), 'annual', '2 years', 'every two years',
               'biennial', 'every other year', 'triennial', 2
years          '2025' (four digits)
points         a year ('2019'), a month ('March 2019', '2019-03') or a date
lengths        'decade', 'a decade', 'two decades', 'five years', '10 years',
               '10-year', 'a year', 'a century'
=============  ==============================================================
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from fractions import Fraction

MAX_TEXT = 200

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_WEEKDAY_WORDS: dict[str, int] = {name.lower(): i for i, name in enumerate(WEEKDAYS)} | {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
_MONTH_WORDS: dict[str, int] = (
    {name.lower(): i + 1 for i, name in enumerate(MONTHS)}
    | {name[:3].lower(): i + 1 for i, name in enumerate(MONTHS)}
    | {"sept": 9}
)

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINAL_UNITS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_ORDINAL_TENS = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90,
}  # fmt: skip

DATE_FORMS = "'July 20, 2025', '20 July 2025' or '2025-07-20'"


class DateFormatError(ValueError):
    """The text is not a date, weekday or count we can read; ``str()`` says why, plainly."""


# ------------------------------------------------------------------ text


def _clean(text: object, what: str) -> str:
    """The text with its spaces and dashes made plain, or DateFormatError."""
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise DateFormatError(f"{text!r} is not {what}")
    s = str(text)
    for odd, plain in (
        ("\u00a0", " "),
        ("\u2009", " "),
        ("\u202f", " "),
        ("\u2010", "-"),
        ("\u2011", "-"),
        ("\u2013", "-"),
        ("\u2014", "-"),
        ("\u2019", "'"),
    ):
        s = s.replace(odd, plain)
    s = " ".join(s.split())
    if not s:
        raise DateFormatError(f"empty text is not {what}")
    if len(s) > MAX_TEXT:
        raise DateFormatError(f"the text is {len(s)} characters long; {what} is at most {MAX_TEXT}")
    return s


def _close(word: str, names) -> str:
    from difflib import get_close_matches  # only for a misspelt word

    found = get_close_matches(word.lower(), [n.lower() for n in names], n=1, cutoff=0.6)
    if not found:
        return ""
    for n in names:
        if n.lower() == found[0]:
            return f" (did you mean '{n}'?)"
    return ""  # pragma: no cover - found comes from names


def _suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def ordinal_digits(n: int) -> str:
    """'1st', '22nd', '113th'."""
    return f"{n}{_suffix(n)}"


def ordinal_words(n: int) -> str:
    """'third', 'twenty-first'; digits with a suffix from 100 on."""
    if 1 <= n < 20:
        return _ORDINAL_UNITS[n]
    if 20 <= n < 100:
        tens = next(word for word, value in _ORDINAL_TENS.items() if value == n - n % 10)
        if n % 10 == 0:
            return tens
        cardinal = next(word for word, value in _TENS.items() if value == n - n % 10)
        return f"{cardinal}-{_ORDINAL_UNITS[n % 10]}"
    return ordinal_digits(n)


def count_words(n: int) -> str:
    """'five', 'twenty-one'; digits from 100 on."""
    if 0 <= n < 20:
        return _UNITS[n]
    if 20 <= n < 100:
        tens = next(word for word, value in _TENS.items() if value == n - n % 10)
        return tens if n % 10 == 0 else f"{tens}-{_UNITS[n % 10]}"
    return f"{n:,}"


def _read_count(text: str, allow_article: bool = True) -> tuple[int, bool] | None:
    """A whole number in digits ('5', '1,000') or words ('five', 'twenty-one', 'a'): (value, in words)."""
    s = text.lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d{1,9}", s):
        if len(s) > 1 and s[0] == "0":
            return None
        return int(s.replace(",", "")), False
    if allow_article and s in ("a", "an"):
        return 1, True
    if s in _UNITS:
        return _UNITS.index(s), True
    if s in _TENS:
        return _TENS[s], True
    m = re.fullmatch(r"([a-z]+)[- ]([a-z]+)", s)
    if m and m.group(1) in _TENS and m.group(2) in _UNITS[1:10]:
        return _TENS[m.group(1)] + _UNITS.index(m.group(2)), True
    return None


# ------------------------------------------------------------------ weekdays


def parse_weekday(text: object) -> int:
    """The weekday a word names, 0 for Monday to 6 for Sunday."""
    s = _clean(text, "a day of the week")
    word = re.sub(r"^on\s+", "", s, flags=re.IGNORECASE)
    key = word.lower().removesuffix(".")
    if key in _WEEKDAY_WORDS:
        return _WEEKDAY_WORDS[key]
    if _looks_like_date(word):
        raise DateFormatError(f"'{s}' is a date, not a day of the week: write the weekday alone ('Sunday')")
    raise DateFormatError(f"'{s}' is not a day of the week{_close(word, WEEKDAYS)}: write Monday to Sunday")


def _looks_like_date(s: str) -> bool:
    return bool(re.search(r"\d", s))


# ------------------------------------------------------------------ dates


@dataclass(frozen=True)
class WrittenDate:
    """A date as written: the date, the weekday written with it (if any) and the style, to answer alike."""

    text: str
    date: dt.date
    weekday: int | None = None  # written with it: 'Sunday, July 20, 2025'
    style: str = "iso"  # 'mdy' (July 20, 2025), 'dmy' (20 July 2025) or 'iso' (2025-07-20)


@dataclass(frozen=True)
class Day:
    """A day as a claim names it: a date (perhaps with its weekday), or a weekday alone."""

    text: str
    date: WrittenDate | None
    weekday: int | None  # the written weekday: alone, or with the date

    @property
    def relative(self) -> bool:
        return self.date is None


_WEEKDAY_LEAD = re.compile(r"^(?P<wd>[a-z]+)\.?,?\s+(?P<rest>.+)$", re.IGNORECASE)
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")
_MDY = re.compile(
    r"^(?P<month>[a-z]+)(?P<dot>\.)?\s+(?P<day>\d{1,2})(?P<suf>st|nd|rd|th)?(?:,\s*|\s+)(?P<y>\d+)$", re.IGNORECASE
)
_DMY = re.compile(
    r"^(?P<day>\d{1,2})(?P<suf>st|nd|rd|th)?\s+(?:of\s+)?(?P<month>[a-z]+)(?P<dot>\.)?,?\s+(?P<y>\d+)$", re.IGNORECASE
)
_MD_NO_YEAR = re.compile(
    r"^(?:[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[a-z]+\.?)$", re.IGNORECASE
)
_NUMERIC = re.compile(r"^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$")


def parse_date(text: object) -> WrittenDate:
    """One calendar date, with the year (see the module docstring for the forms)."""
    s = _clean(text, "a date")
    body = re.sub(r"^on\s+", "", s, flags=re.IGNORECASE)
    weekday = None
    lead = _WEEKDAY_LEAD.match(body)
    if lead and lead.group("wd").lower() in _WEEKDAY_WORDS:
        weekday = _WEEKDAY_WORDS[lead.group("wd").lower()]
        body = lead.group("rest")
    elif lead and lead.group("wd").lower() not in _MONTH_WORDS and not re.match(r"^\d", body):
        word = lead.group("wd")
        hint = _close(word, WEEKDAYS) or _close(word, MONTHS)
        raise DateFormatError(f"'{s}': '{word}' is neither a month nor a day of the week{hint}")
    if body.lower() in _WEEKDAY_WORDS:
        raise DateFormatError(f"'{s}' is a day of the week, not a date: write the date as {DATE_FORMS}")
    if _NUMERIC.match(body):
        raise DateFormatError(f"'{s}': numeric dates are ambiguous (day first or month first?); write {DATE_FORMS}")
    if _MD_NO_YEAR.match(body):
        raise DateFormatError(f"'{s}' has no year: write it in full, e.g. {DATE_FORMS}")
    m = _ISO.match(body)
    if m:
        year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if not 1 <= month <= 12:
            raise DateFormatError(f"'{s}': there is no month {month}; ISO dates are year-month-day (2025-07-20)")
        return WrittenDate(s, _make(s, year, month, day), weekday, "iso")
    for pattern, style in ((_MDY, "mdy"), (_DMY, "dmy")):
        m = pattern.match(body)
        if m:
            month = _month(m.group("month"), s)
            if m.group("dot") and m.group("month").lower() in [name.lower() for name in MONTHS]:
                raise DateFormatError(f"'{s}': a full month name takes no full stop")
            day = int(m.group("day"))
            if m.group("suf") and m.group("suf").lower() != _suffix(day):
                raise DateFormatError(f"'{s}': '{m.group('day')}{m.group('suf')}' should be '{ordinal_digits(day)}'")
            return WrittenDate(s, _make(s, _year(m.group("y"), s), month, day), weekday, style)
    raise DateFormatError(f"'{s}' is not a date: write {DATE_FORMS}")


def _month(word: str, s: str) -> int:
    key = word.lower()
    if key in _MONTH_WORDS:
        return _MONTH_WORDS[key]
    raise DateFormatError(f"'{s}': '{word}' is not a month{_close(word, MONTHS)}")


def _year(digits: str, s: str) -> int:
    if len(digits) != 4:
        raise DateFormatError(f"'{s}': write the year with four digits (2025)")
    return int(digits)


def _make(s: str, year: int, month: int, day: int) -> dt.date:
    if year < 1:
        raise DateFormatError(f"'{s}': year {year} is not in the calendar (years 1 to 9999)")
    last = days_in_month(year, month)
    if not 1 <= day <= last:
        why = f"{MONTHS[month - 1]} has {last} days"
        if month == 2 and day == 29:
            why = f"{year} is not a leap year, so February has 28 days"
        raise DateFormatError(f"'{s}' does not exist: {why}")
    return dt.date(year, month, day)


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def parse_day(text: object) -> Day:
    """A date ('July 20, 2025', 'Sunday, July 20, 2025') or a weekday alone ('Sunday', 'on Sunday')."""
    s = _clean(text, "a date or a day of the week")
    word = re.sub(r"^on\s+", "", s, flags=re.IGNORECASE)
    if word.lower().removesuffix(".") in _WEEKDAY_WORDS:
        return Day(s, None, parse_weekday(word))
    written = parse_date(s)
    return Day(s, written, written.weekday)


# ------------------------------------------------------------------ years and points


def parse_year(text: object) -> int:
    """A year written in full: '2025' (or the YAML number 2025)."""
    s = _clean(text, "a year")
    if re.fullmatch(r"\d{4}", s) and int(s) >= 1:
        return int(s)
    if re.fullmatch(r"'\d{2}", s):
        raise DateFormatError(f"'{s}': write the year in full (20{s[1:]} or 19{s[1:]}?)")
    if re.fullmatch(r"\d+", s):
        raise DateFormatError(f"'{s}' is not a year: write the year with four digits (2025)")
    raise DateFormatError(f"'{s}' is not a year: write it with four digits (2025)")


@dataclass(frozen=True)
class Point:
    """A point in time as precise as it is written: a year, a month or a day."""

    text: str
    precision: str  # 'year', 'month' or 'day'
    year: int
    month: int = 1
    day: int = 1
    written: WrittenDate | None = None  # for a day

    @property
    def date(self) -> dt.date:
        return dt.date(self.year, self.month, self.day)

    def months(self) -> int:
        """Months since the start of year 0: a whole number to subtract."""
        return self.year * 12 + self.month - 1

    def shown(self) -> str:
        if self.precision == "year":
            return str(self.year)
        if self.precision == "month":
            return f"{MONTHS[self.month - 1]} {self.year}"
        return long(self.date)


PRECISIONS = ("year", "month", "day")

_MONTH_YEAR = re.compile(r"^(?P<month>[a-z]+)\.?,?\s+(?P<y>\d{3,})$", re.IGNORECASE)
_ISO_MONTH = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})$")


def parse_point(text: object) -> Point:
    """A year ('2019'), a month ('March 2019', '2019-03') or a date ('July 20, 2025')."""
    s = _clean(text, "a year, month or date")
    body = re.sub(r"^(?:in|on)\s+", "", s, flags=re.IGNORECASE)
    if re.fullmatch(r"\d+|'\d{2}", body):
        return Point(s, "year", parse_year(body))
    m = _ISO_MONTH.match(body)
    if m:
        month = int(m.group("m"))
        if not 1 <= month <= 12:
            raise DateFormatError(f"'{s}': there is no month {month}")
        return Point(s, "month", parse_year(m.group("y")), month)
    m = _MONTH_YEAR.match(body)
    if m and m.group("month").lower() not in _WEEKDAY_WORDS:
        return Point(s, "month", _year(m.group("y"), s), _month(m.group("month"), s))
    try:
        written = parse_date(body)
    except DateFormatError as exc:
        raise DateFormatError(f"{exc}; or a year (2019) or a month (March 2019)") from None
    d = written.date
    return Point(s, "day", d.year, d.month, d.day, written)


def day_point(d: dt.date, text: str) -> Point:
    return Point(text, "day", d.year, d.month, d.day, WrittenDate(text, d))


# ------------------------------------------------------------------ counts of days and years


@dataclass(frozen=True)
class Days:
    """A number of days as written: 'five-day' (5), 'a week' (7)."""

    text: str
    count: int
    words: bool  # the number was written in words
    adjective: bool  # 'five-day' rather than 'five days'
    unit: str  # 'day', 'week' or 'fortnight'

    def like(self, n: int) -> str:
        """``n`` days written the way this count was."""
        if self.unit == "week" and n % 7 == 0:
            number, unit = n // 7, "week"
        elif self.unit == "fortnight" and n == 14:
            return "two-week" if self.adjective else "a fortnight"
        else:
            number, unit = n, "day"
        text = count_words(number) if self.words or self.unit != "day" else f"{number:,}"
        if self.adjective:
            return f"{text}-{unit}"
        if number == 1:
            return f"{'a' if self.words else text} {unit}"
        return f"{text} {unit}s"


_DAYS = re.compile(r"^(?P<n>.+?)(?P<sep>-|\s+)(?P<unit>days?|weeks?)$")


def parse_days(text: object) -> Days:
    """How many days something lasted, counting its first and last day ('five-day', '5 days', 'a week')."""
    s = _clean(text, "a number of days")
    key = s.lower()
    if key in ("fortnight", "a fortnight", "one fortnight"):
        return Days(s, 14, True, False, "fortnight")
    if key in ("week-long", "weeklong", "a week-long"):
        return Days(s, 7, True, True, "week")
    m = _DAYS.match(key)
    read = _read_count(m.group("n")) if m else None
    if read is None:
        raise DateFormatError(f"'{s}' is not a number of days: write 'five-day', '5 days', 'five days' or 'a week'")
    n, words = read
    if n < 1:
        raise DateFormatError(f"'{s}': a duration counts at least one day")
    unit = m.group("unit").rstrip("s")
    adjective = m.group("sep") == "-"
    count = n * 7 if unit == "week" else n
    if count > 3_650_000:
        raise DateFormatError(f"'{s}' is longer than the calendar allows")
    return Days(s, count, words, adjective, unit)


@dataclass(frozen=True)
class Years:
    """A length of time in whole years as written: 'a decade' (10), 'five years' (5)."""

    text: str
    years: int
    words: bool
    unit: str  # 'year', 'decade' or 'century'

    def like(self, n: int) -> str:
        """``n`` years written the way this length was."""
        if self.unit == "decade" and n % 10 == 0 and n:
            k = n // 10
            return "a decade" if k == 1 else f"{count_words(k)} decades"
        words = self.words or self.unit != "year"
        number = count_words(n) if words else f"{n:,}"
        if n == 1:
            return "a year" if words else "1 year"
        return f"{number} years"


_YEARS = re.compile(r"^(?:(?P<n>.+?)(?:-|\s+))?(?P<unit>years?|decades?|century|centuries)$")


def parse_years(text: object) -> Years:
    """A length in years: 'decade', 'a decade', 'five years', '10 years', '10-year', 'a century'."""
    s = _clean(text, "a length of time")
    m = _YEARS.match(s.lower())
    if m is None:
        raise DateFormatError(f"'{s}' is not a length in years: write 'a decade', 'five years' or '10 years'")
    unit = {"year": "year", "years": "year", "decade": "decade", "decades": "decade"}.get(m.group("unit"), "century")
    if m.group("n") is None:
        if m.group("unit") in ("years", "decades", "centuries"):
            raise DateFormatError(f"'{s}': how many {m.group('unit')}? write 'five years', '10 years' or 'two decades'")
        n, words = 1, True
    else:
        read = _read_count(m.group("n"))
        if read is None:
            raise DateFormatError(f"'{s}': '{m.group('n')}' is not a number of {m.group('unit')}")
        n, words = read
    if n < 1:
        raise DateFormatError(f"'{s}': a length of time is at least one year")
    years = n * {"year": 1, "decade": 10, "century": 100}[unit]
    if years > 9999:
        raise DateFormatError(f"'{s}' is longer than the calendar allows")
    return Years(s, years, words, unit)


# ------------------------------------------------------------------ editions


@dataclass(frozen=True)
class Ordinal:
    """An edition's number as written: 'third' (3), '3rd', 3, 'inaugural' (1)."""

    text: str
    n: int
    style: str  # 'words', 'digits' ('3rd') or 'number' (3)

    def like(self, n: int) -> str:
        return ordinal_words(n) if self.style == "words" else ordinal_digits(n)


def parse_ordinal(text: object) -> Ordinal:
    """Which edition: 'third', '3rd', 3, 'twenty-first', 'inaugural' or 'first'."""
    s = _clean(text, "an ordinal")
    key = s.lower()
    if key == "inaugural":
        return Ordinal(s, 1, "words")
    if key in _ORDINAL_UNITS[1:]:
        return Ordinal(s, _ORDINAL_UNITS.index(key), "words")
    if key in _ORDINAL_TENS:
        return Ordinal(s, _ORDINAL_TENS[key], "words")
    m = re.fullmatch(r"([a-z]+)[- ]([a-z]+)", key)
    if m and m.group(1) in _TENS and m.group(2) in _ORDINAL_UNITS[1:10]:
        return Ordinal(s, _TENS[m.group(1)] + _ORDINAL_UNITS.index(m.group(2)), "words")
    m = re.fullmatch(r"(\d{1,4})(st|nd|rd|th)?", key)
    if m and not (len(m.group(1)) > 1 and m.group(1)[0] == "0"):
        n = int(m.group(1))
        if n < 1:
            raise DateFormatError(f"'{s}': editions are counted from the first (1st)")
        if m.group(2) and m.group(2) != _suffix(n):
            raise DateFormatError(f"'{s}' should be '{ordinal_digits(n)}'")
        return Ordinal(s, n, "digits" if m.group(2) else "number")
    if key in ("zeroth", "0th"):
        raise DateFormatError(f"'{s}': editions are counted from the first (1st)")
    raise DateFormatError(f"'{s}' is not an ordinal: write 'third', '3rd' or 3 (or 'inaugural' for the first)")


_EVERY_WORDS = {
    "year": 1, "a year": 1, "every year": 1, "each year": 1, "annual": 1, "annually": 1, "yearly": 1,
    "biennial": 2, "biennially": 2, "every other year": 2, "every second year": 2,
    "triennial": 3, "triennially": 3, "every third year": 3,
    "quadrennial": 4, "quadrennially": 4, "quinquennial": 5, "quinquennially": 5,
    "decennial": 10, "decennially": 10,
}  # fmt: skip
_EVERY_WRONG = {
    "biannual": "'biannual' means twice a year; editions are counted in whole years ('biennial': every two years)",
    "biannually": "'biannually' means twice a year; editions are counted in whole years "
    "('biennially': every two years)",
    "semiannual": "'semiannual' means twice a year; editions are counted in whole years",
    "semi-annual": "'semi-annual' means twice a year; editions are counted in whole years",
}


def parse_every(text: object) -> int:
    """How many years apart editions are: 'year' (1), 'annual', '2 years', 'every two years', 'biennial' (2)."""
    s = _clean(text, "a frequency")
    key = s.lower()
    if key in _EVERY_WORDS:
        return _EVERY_WORDS[key]
    if key in _EVERY_WRONG:
        raise DateFormatError(f"'{s}': {_EVERY_WRONG[key]}")
    m = re.fullmatch(r"(?:every\s+)?(?P<n>.+?)(?:\s+|-)years?", key) or re.fullmatch(r"(?P<n>\d+)", key)
    read = _read_count(m.group("n"), allow_article=False) if m else None
    if read is None:
        raise DateFormatError(
            f"'{s}' is not a frequency in years: write 'year', '2 years', 'every two years' or 'biennial'"
        )
    if read[0] < 1:
        raise DateFormatError(f"'{s}': editions are at least one year apart")
    return read[0]


def every_words(years: int) -> str:
    return "every year" if years == 1 else f"every {count_words(years)} years"


# ------------------------------------------------------------------ arithmetic and display


class OutOfCalendar(ValueError):
    """A date the arithmetic reached lies outside years 1 to 9999."""


def shift(d: dt.date, days: int) -> dt.date:
    """``d`` plus ``days`` days (negative: minus), on ordinals."""
    n = d.toordinal() + days
    if not 1 <= n <= dt.date.max.toordinal():
        raise OutOfCalendar(f"{days:+,} days from {d.isoformat()} is outside the calendar (years 1 to 9999)")
    return dt.date.fromordinal(n)


def add_years(d: dt.date, years: int) -> dt.date:
    """The same day ``years`` years later (earlier if negative); 29 February becomes the 28th."""
    year = d.year + years
    if not 1 <= year <= 9999:
        raise OutOfCalendar(f"{years:+,} years from {d.isoformat()} is outside the calendar (years 1 to 9999)")
    return dt.date(year, d.month, min(d.day, days_in_month(year, d.month)))


def weekday_of(d: dt.date) -> int:
    """0 for Monday to 6 for Sunday: (ordinal - 1) mod 7, day 1 being a Monday."""
    return (d.toordinal() - 1) % 7


def weekday_working(d: dt.date) -> str:
    """The weekday's arithmetic in words and numbers."""
    n = d.toordinal()
    k = (n - 1) % 7
    return (
        f"{d.isoformat()} is day {n:,} of the calendar (day 1: Monday 1 January of year 1): "
        f"({n:,} - 1) mod 7 = {k}, and Monday + {k} = {WEEKDAYS[k]}"
    )


def on_or_before(anchor: dt.date, weekday: int) -> dt.date:
    """The most recent ``weekday`` on or before ``anchor``."""
    return shift(anchor, -((weekday_of(anchor) - weekday) % 7))


def nearest(d: dt.date, weekday: int) -> tuple[dt.date | None, dt.date | None]:
    """The nearest days with that weekday before and after ``d`` (``d`` itself counts as neither)."""
    back = (weekday_of(d) - weekday) % 7 or 7
    ahead = (weekday - weekday_of(d)) % 7 or 7
    out = []
    for days in (-back, ahead):
        try:
            out.append(shift(d, days))
        except OutOfCalendar:
            out.append(None)
    return out[0], out[1]


def inclusive_days(start: dt.date, end: dt.date) -> int:
    """Days from ``start`` to ``end``, counting both: end - start + 1."""
    return end.toordinal() - start.toordinal() + 1


def ordinal(year: int, month: int, day: int) -> int:
    """The proleptic Gregorian day number, as ``date.toordinal()``, for any year from 1 (10000 included)."""
    y = year - 1
    before_month = sum(days_in_month(year, m) for m in range(1, month))
    return 365 * y + y // 4 - y // 100 + y // 400 + before_month + day


def _anniversary(a: dt.date, years: int) -> int:
    """The ordinal of ``a``'s anniversary ``years`` later (29 February falls on the 28th)."""
    year = a.year + years
    return ordinal(year, a.month, min(a.day, days_in_month(year, a.month)))


def span_years(start: Point, end: Point, precision: str) -> Fraction:
    """Years from ``start`` to ``end`` at a precision: a difference of years, of months / 12, or the
    whole years to the last anniversary plus the days since over the days to the next one."""
    if precision == "year":
        return Fraction(end.year - start.year)
    if precision == "month":
        return Fraction(end.months() - start.months(), 12)
    a, b = start.date, end.date
    if b < a:
        return -span_years(end, start, "day")
    whole = b.year - a.year - (1 if (b.month, b.day) < (a.month, a.day) else 0)
    last, following = _anniversary(a, whole), _anniversary(a, whole + 1)
    return whole + Fraction(b.toordinal() - last, following - last)


def years_and_rest(start: Point, end: Point, precision: str) -> str:
    """'6 years', '6 years and 4 months', '9 years and 362 days' (plain words for a span)."""
    if precision == "year":
        return plural(end.year - start.year, "year")
    if precision == "month":
        months = end.months() - start.months()
        years, rest = divmod(abs(months), 12)
        text = plural(years, "year") + (f" and {plural(rest, 'month')}" if rest else "")
        return text if months >= 0 else f"minus {text}"
    a, b = start.date, end.date
    if b < a:
        return "minus " + years_and_rest(end, start, "day")
    whole = b.year - a.year - (1 if (b.month, b.day) < (a.month, a.day) else 0)
    rest = b.toordinal() - _anniversary(a, whole)
    return plural(whole, "year") + (f" and {plural(rest, 'day')}" if rest else "")


def plural(n: int, unit: str) -> str:
    return f"{n:,} {unit}{'' if n == 1 else 's'}"


def iso(d: dt.date) -> str:
    return d.isoformat()


def long(d: dt.date, year: bool = True) -> str:
    """'Sunday 20 July 2025' (or without the year)."""
    text = f"{WEEKDAYS[weekday_of(d)]} {d.day} {MONTHS[d.month - 1]}"
    return f"{text} {d.year}" if year else text


def pair(a: dt.date, b: dt.date) -> tuple[str, str]:
    """Two dates for one sentence: without the year when they share it."""
    same = a.year == b.year
    return long(a, not same), long(b, not same)


def span_text(a: dt.date, b: dt.date) -> str:
    """'Wednesday 16 July to Sunday 20 July 2025' (each year shown when they differ)."""
    return f"{long(a, a.year != b.year)} to {long(b)}"


def written_like(d: dt.date, like: WrittenDate | None, weekday: bool = True) -> str:
    """``d`` in the style of a written date: 'Saturday, July 19, 2025', 'Saturday 19 July 2025', '2025-07-19'."""
    name = WEEKDAYS[weekday_of(d)]
    style = like.style if like else "dmy"
    if style == "mdy":
        text = f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
        return f"{name}, {text}" if weekday else text
    if style == "dmy":
        text = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
        return f"{name} {text}" if weekday else text
    return d.isoformat()


def implied_day(d: dt.date) -> str:
    """How an implied date is reported: '2025-07-16 (Wednesday)'."""
    return f"{d.isoformat()} ({WEEKDAYS[weekday_of(d)]})"
