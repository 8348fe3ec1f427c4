"""Dates, weekdays, durations, editions and periods, as claims for DT01-DT04.

Each pattern below finds a :class:`DateFact` whose ``parts`` are named after
the fields of its rule (see :data:`DATE_RULES`), written as the rules read
them: 'Sunday', 'July 20, 2025', 'five-day', 'third', '2025', 'a decade'.

* weekday (DT01): "wrapped up on Sunday" (read against the publication date),
  "on Sunday, July 20, 2025" (checked against the calendar);
* duration (DT02): "the five-day expo" with the day it ended or began, said in
  the same sentence or the one next to it ("wrapped up ... on Sunday"), or
  "from Wednesday to Sunday";
* edition (DT03): "the third China International Supply Chain Expo" or "the
  fourth edition", with the year it is in: a year written with it ("the third
  edition in 2025"), "this year" / "next year", the day it was held on, or
  the year of another edition of the same event (taking it as annual);
  "over the three editions ... this year" says this year's is the third; the
  first year comes from "first held in 2019" or "the inaugural event in 2019";
* period-length (DT04): "in the five years since 2019", "a decade ago, in
  2015", "the five years from 2016 to 2021".

A fact becomes a claim only when it is complete and every field reads with the
rules' own parsers (:mod:`validator.dates`), so a draft never carries an input
error for a date. What is read against the publication date (a weekday
alone, "this year") is claimed only when that date is known (``published``
given); otherwise the fact is listed in the draft as found, not claimed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from validator import dates as d
from validator.extract.mentions import Mention
from validator.extract.sentences import Sentence

# pattern -> (rule name, {rule field: DateFact part})
DATE_RULES: dict[str, tuple[str, dict[str, str]]] = {
    "weekday": ("weekday", {"date": "date", "weekday": "weekday"}),  # "wrapped up on Sunday" (DT01)
    "duration": ("duration", {"start": "start", "end": "end", "days": "days"}),  # "the five-day expo" (DT02)
    "edition": (
        "edition",
        {"edition": "edition", "year": "year", "first_year": "first_year", "every": "every"},
    ),  # "the third ... in 2025" (DT03)
    "period-length": ("period-length", {"from": "from", "to": "to", "length": "length"}),  # DT04
}

# What each rule needs to be worth claiming: every group must have one of its fields.
_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "weekday": (("weekday",),),
    "duration": (("days",), ("start", "end")),
    "edition": (("edition",), ("year", "first_year")),
    "period-length": (("length",), ("from",)),  # a length alone, or a start alone, checks nothing
}
_PARSERS = {
    "date": d.parse_date, "weekday": d.parse_weekday, "start": d.parse_day, "end": d.parse_day,
    "days": d.parse_days, "edition": d.parse_ordinal, "year": d.parse_year, "first_year": d.parse_year,
    "every": d.parse_every, "from": d.parse_point, "to": d.parse_point, "length": d.parse_years,
}  # fmt: skip

YEAR = r"(?:1[89]|20)\d\d"
_ORD_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_ORD = (
    r"(?:inaugural|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    rf"(?:twenty|thirty|forty|fifty)[-\s](?:{'|'.join(_ORD_UNITS)})|\d{{1,3}}(?:st|nd|rd|th))"
)
# Recurring events: what an ordinal counts editions of.
_EVENT = (
    r"(?:edition|expo|exposition|exhibition|event|show|fair|festival|summit|conference|forum|games|olympics|"
    r"congress|convention|championships?|cup|tournament|marathon|awards|biennale|triennale|gala|carnival|parade)"
)
_EVENTS = (
    r"(?:editions|expos|expositions|exhibitions|events|shows|fairs|festivals|summits|conferences|forums|games|"
    r"congresses|conventions|championships|tournaments|marathons|galas|carnivals|parades)"
)
# Words of an event's name: capitalised (case-sensitive even inside a case-insensitive pattern), or a few others.
_NAME_WORD = (
    r"(?:(?-i:[A-Z][\w&'\u2019.-]*)|\((?-i:[A-Z])[\w&-]*\)|of|the|and|for|on|de|annual|international|national|"
    r"world|global)"
)
_EDITION = re.compile(
    rf"\b(?P<ord>{_ORD})\s+(?:{_NAME_WORD}\s+){{0,8}}?(?P<noun>{_EVENT})\b(?:\s*\((?P<abbr>[A-Z][\w&-]+)\))?", re.I
)
# Ordinals the number finder does not keep: 'second' (unless 'second edition'), past the twelfth.
_RARE_ORD = re.compile(r"second|teenth|tieth|\d(?:st|nd|rd|th)\b", re.I)
_EVENTS_WORD = re.compile(rf"\b{_EVENTS}\b", re.I)
_FIRST_YEAR_WORDS = re.compile(r"\b(?P<ord>first|inaugural)\s+year\b", re.I)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12}  # fmt: skip
_EDITION_COUNT = re.compile(
    rf"\b(?:over|across|in|during|throughout|through)\s+(?:the|its|their|all)\s+"
    rf"(?P<n>{'|'.join(_COUNT_WORDS)}|\d{{1,2}})\s+(?:{_NAME_WORD}\s+){{0,6}}?{_EVENTS}\b",
    re.I,
)
# The first year, said of the event itself: right after its name ("the third expo, first held in 2023,"), or
# "since its launch in 2019".
_FIRST_HELD_AFTER = re.compile(
    rf"^,?\s*(?:which\s+(?:was\s+)?)?(?:first\s+(?:held|staged|organi[sz]ed|hosted)|launched|inaugurated|founded|"
    rf"established|debuted)\s+in\s+(?P<y>{YEAR})\b",
    re.I,
)
_SINCE_LAUNCH = re.compile(
    rf"\bsince\s+(?:its|their)\s+(?:launch|founding|debut|inception|creation|first\s+edition)\s+in\s+(?P<y>{YEAR})\b",
    re.I,
)
_EVERY = re.compile(r"\b(biennial|biennially|triennial|triennially|every\s+(?:two|three|four|other)\s+years?)\b", re.I)
_RELATIVE_YEAR = {"this": 0, "next": 1, "last": -1}

# Words that tie a day to the end or the start of what is counted.
_END_WORDS = re.compile(
    r"\b(?:wrapped\s+up|wraps\s+up|wrapping\s+up|closed|closes|closing|ended|ends|ending|concluded|concludes|"
    r"finished|finishes|drew\s+to\s+a\s+close|came\s+to\s+(?:a\s+close|an\s+end)|until|till|through)\b",
    re.I,
)
_START_WORDS = re.compile(
    r"\b(?:opened|opens|opening|began|begins|beginning|started|starts|starting|kicked\s+off|kicks\s+off|"
    r"got\s+under\s*way|from)\b",
    re.I,
)
_LASTED = re.compile(
    r"\b(?:for|lasted|lasting|lasts|over|spanning|spanned|spans|ran|runs|running)\s+(?:the\s+)?$", re.I
)
_OFFSET = re.compile(r"\s*(?:after|before|later|earlier|ago|from|of|since|into|in\s+advance)\b", re.I)
_CLAUSE = re.compile(r"\b(?:after|before|while|since|when|because|days?|weeks?|but)\b|[;:]", re.I)
_HELD_WORDS = re.compile(r"\b(?:held|took\s+place|takes\s+place|staged|hosted)\b", re.I)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|next|upcoming|coming|scheduled|due|set\s+to|slated|planned|plans?\s+to|to\s+be)\b", re.I
)
_NOT_AN_EVENT = re.compile(
    r"^\s*(?:average|forecast|high|low|record|supply|notice|trial|streak|rule|policy|window|moving|rolling|"
    r"return|lag|lockdown\s+rule|waiting|week|work|working|school)\b",
    re.I,
)
_LENGTH = r"(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})[\s-]+(?:years?|decades?)|(?:a\s+)?decade|a\s+century)"
_PERIODS = [
    # "in the five years since 2019", "over the past decade, since 2015"
    re.compile(
        rf"\b(?:in|over|during|for)\s+the\s+(?:past\s+|last\s+)?(?P<len>{_LENGTH}),?\s+since\s+(?P<from>{YEAR})\b", re.I
    ),
    # "a decade ago, in 2015"
    re.compile(rf"\b(?P<len>{_LENGTH})\s+(?:ago|earlier),?\s+in\s+(?P<from>{YEAR})\b", re.I),
    # "in 2015, a decade ago"
    re.compile(
        rf"\bin\s+(?P<from>{YEAR}),?\s+(?:some\s+|about\s+|nearly\s+)?(?P<len>{_LENGTH})\s+(?:ago|earlier)\b", re.I
    ),
    # "the five years from 2016 to 2021", "a decade between 2010 and 2020"
    re.compile(
        rf"\b(?P<len>{_LENGTH})\s+(?:period\s+)?(?:from|between)\s+(?P<from>{YEAR})\s+(?:to|and|until|through)\s+(?P<to>{YEAR})\b",
        re.I,
    ),
    # "from 2016 to 2021, a five-year period"
    re.compile(
        rf"\b(?:from|between)\s+(?P<from>{YEAR})\s+(?:to|and|until|through)\s+(?P<to>{YEAR}),?\s+(?:a|an|the)\s+"
        rf"(?P<len>{_LENGTH})\s+(?:period|span|stretch|run)\b",
        re.I,
    ),
]
_RANGE = re.compile(rf"\b(?:from|between)\s+(?P<from>{YEAR})\s+(?:to|and|until|through)\s+(?P<to>{YEAR})\b", re.I)


@dataclass
class DateFact:
    """A date, weekday, duration, period or edition the article states."""

    pattern: str  # a key of DATE_RULES
    start: int
    end: int
    text: str
    parts: dict[str, str] = field(default_factory=dict)
    sentence: int = -1
    notes: list[str] = field(default_factory=list)
    confidence: float = 0.7
    why_not: str | None = None  # why it is not claimed, when it is not
    words: list[tuple[int, int]] = field(default_factory=list)  # spans of the numbers it accounts for


@dataclass
class _Day:
    """A day the article names: 'Sunday', 'July 20, 2025', 'Sunday, July 20, 2025'."""

    text: str | None  # as the date rules read it (None: it cannot be read without a year)
    start: int
    end: int
    weekday: Mention | None
    date: dt.date | None  # the day it is, when known
    role: str | None = None  # 'start', 'end' or None
    held: bool = False  # "held on", "took place on"
    note: str | None = None
    relative: bool = False  # a weekday alone, read against the publication date
    verb: int | None = None  # where the words that make it a start or an end begin ('wrapped up in Beijing on')


class Context:
    """The article's sentences, their numbers and the publication date (``known``: given, not today's)."""

    def __init__(self, text: str, sentences: list[Sentence], mentions: list[list[Mention]], published: dt.date,
                 known: bool):  # fmt: skip
        self.text, self.sentences, self.mentions = text, sentences, mentions
        self.published, self.known = published, known


def find(ctx: Context) -> list[DateFact]:
    """Every date fact of the article, in the order of the text."""
    days = {s.index: _days(ctx, s) for s in ctx.sentences}
    facts: list[DateFact] = []
    for s in ctx.sentences:
        facts += _weekdays(ctx, s, days[s.index])
        facts += _durations(ctx, s, days)
        facts += _periods(s, ctx.mentions[s.index], ctx.known)
    facts += _editions(ctx, days)
    return sorted(facts, key=lambda f: (f.start, f.pattern))


# ------------------------------------------------------------------ days
def _days(ctx: Context, s: Sentence) -> list[_Day]:
    """The days one sentence names, each with its date when it can be known."""
    ms = [m for m in ctx.mentions[s.index] if m.role in ("weekday", "date", "year")]
    out: list[_Day] = []
    i = 0
    while i < len(ms):
        m = ms[i]
        if m.role == "year" or _in_name(s, m):
            i += 1
            continue
        weekday = m if m.role == "weekday" else None
        date_m = m if m.role == "date" else None
        j = i + 1
        if weekday is not None and j < len(ms) and ms[j].role == "date" and _joined(s, m, ms[j]):
            date_m, j = ms[j], j + 1
        year_m = None
        if (
            date_m is not None
            and j < len(ms)
            and ms[j].role == "year"
            and re.fullmatch(r",?\s*", _between(s, date_m, ms[j]))
        ):
            if re.fullmatch(r"\d{4}", ms[j].text):
                year_m, j = ms[j], j + 1
        day = _Day(None, m.start, (year_m or date_m or m).end, weekday, None)
        if date_m is not None:
            day.text, day.date, day.note = _date_text(ctx, s, weekday, date_m, year_m)
        else:
            day.text, day.relative = weekday.text, True
            if ctx.known:
                day.date = d.on_or_before(ctx.published, d.parse_weekday(weekday.text))
        _role(s, ms, i, day)
        out.append(day)
        i = j
    return out


def _between(s: Sentence, a: Mention, b: Mention) -> str:
    return s.text[a.end - s.start : b.start - s.start]


def _joined(s: Sentence, a: Mention, b: Mention) -> bool:
    return re.fullmatch(r",?\s*(?:the\s+)?", _between(s, a, b)) is not None


def _in_name(s: Sentence, m: Mention) -> bool:
    """'Black Friday', 'Super Tuesday', 'the Sunday Times': a weekday inside a name."""
    if m.role != "weekday":
        return False
    before = s.text[: m.start - s.start]
    after = s.text[m.end - s.start :]
    prev = re.search(r"(\S+)\s+$", before)
    word = prev.group(1) if prev else ""
    if word[:1].isupper() and not word.endswith((",", ".")) and (prev.start(1) > 0 or word.lower() not in _OPENERS):
        return True
    nxt = re.match(r"\s+([A-Z][a-z]+)", after)
    return bool(nxt and nxt.group(1).lower() not in _MONTH_WORDS)


_OPENERS = {"on", "last", "by", "since", "until", "till", "from", "this", "next", "early", "late", "that", "through"}
_MONTH_WORDS = {m.lower() for m in d.MONTHS} | {m[:3].lower() for m in d.MONTHS} | {"sept"}


def _date_text(ctx: Context, s: Sentence, weekday: Mention | None, date_m: Mention, year_m: Mention | None):
    """The day as the rules read it ('Sunday, July 20, 2025'), its date, and how its year was found."""
    lead = f"{weekday.text}, " if weekday is not None else ""
    if year_m is not None:
        written = s.text[date_m.start - s.start : year_m.end - s.start]
        note = None
    elif ctx.known:
        year = _nearest_year(date_m.text, ctx.published)
        if year is None:
            return None, None, None
        month_first = date_m.text[:1].isalpha()
        written = f"{date_m.text}, {year}" if month_first else f"{date_m.text} {year}"
        note = f"'{date_m.text}' has no year: read as {year}, the nearest to the publication date"
    else:
        return None, None, None
    try:
        day = d.parse_date(lead + written).date
    except d.DateFormatError:
        try:  # the weekday does not fit the date: the weekday rule says so; the date alone still reads
            day = d.parse_date(written).date
        except d.DateFormatError:
            return None, None, None
    return lead + written, day, note


def _nearest_year(text: str, published: dt.date) -> int | None:
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            day = d.parse_date(f"{text}, {year}" if text[:1].isalpha() else f"{text} {year}").date
        except d.DateFormatError:
            continue
        gap = abs(day.toordinal() - published.toordinal())
        if best is None or gap < best[0]:
            best = (gap, year)
    return best[1] if best else None


def _role(s: Sentence, ms: list[Mention], i: int, day: _Day) -> None:
    """Whether the words before a day make it the end or the start of something ('wrapped up ... on Sunday')."""
    prev_day = next((ms[k] for k in range(i - 1, -1, -1) if ms[k].role in ("weekday", "date")), None)
    a = max(prev_day.end - s.start if prev_day else 0, day.start - s.start - 60)
    before = re.split(r"[;:]|,\s+(?:and|but|while|after|before|as)\b", s.text[a : day.start - s.start])[-1]
    ends = list(_END_WORDS.finditer(before))
    starts = list(_START_WORDS.finditer(before))
    last_end = ends[-1].end() if ends else -1
    last_start = starts[-1].end() if starts else -1
    if max(last_end, last_start) >= 0:
        tail = before[max(last_end, last_start) :]
        if len(tail) <= 40 and not re.search(r"[,.]", tail):
            word = ends[-1] if last_end > last_start else starts[-1]
            day.role = "end" if last_end > last_start else "start"
            day.verb = day.start - len(before) + word.start()
    if re.search(r"\bto\s+(?:the\s+)?$", before) and prev_day is not None:
        day.role = "end"
    # when something happened ('drew 8,000 runners on Sunday'), not a deadline or a bound ('since Monday')
    bound = re.search(r"\b(?:since|until|till|before|after|by|deadline|due)\s+(?:the\s+)?(?:on\s+)?$", before, re.I)
    day.held = bool(_HELD_WORDS.search(before)) or day.role is not None or bound is None


# ------------------------------------------------------------------ DT01
def _weekdays(ctx: Context, s: Sentence, days: list[_Day]) -> list[DateFact]:
    out = []
    for day in days:
        if day.weekday is None:
            continue
        w = day.weekday
        lead = re.search(r"\b(?:on|last|this\s+past)\s+$", s.text[: w.start - s.start], re.I)
        start = day.verb if day.verb is not None else s.start + lead.start() if lead else w.start
        fact = DateFact("weekday", start, day.end, ctx.text[start : day.end], {"weekday": w.text}, s.index)
        if day.relative:
            before = s.text[: w.start - s.start]
            clause = re.split(r"[,;:]", before)[-1]
            if _FUTURE.search(clause):
                fact.why_not = "a day to come: the weekday rule reads a weekday alone as a day already past"
            elif not ctx.known:
                fact.why_not = "a weekday alone is read against the publication date: give it (--published)"
            else:
                fact.confidence = 0.6
        elif day.text is None:
            fact.why_not = "the date has no year: give the publication date (--published) to read it"
        else:
            fact.parts["date"] = day.text[len(w.text) + 2 :]
            fact.confidence = 0.85
            if day.note:
                fact.notes.append(day.note)
                fact.confidence = 0.7
        out.append(fact)
    return out


# ------------------------------------------------------------------ DT02
def _durations(ctx: Context, s: Sentence, days: dict[int, list[_Day]]) -> list[DateFact]:
    out = []
    for m in ctx.mentions[s.index]:
        if m.role != "duration" or (m.noun or "").lower() not in ("day", "days", "week", "weeks"):
            continue
        after = ctx.text[m.noun_end : m.noun_end + 40] if m.noun_end else ""
        hyphen = ctx.text[m.end : m.end + 1] == "-"
        if hyphen and _NOT_AN_EVENT.match(after):
            continue  # "a seven-day average", "a 30-day notice": not how long something lasted
        if not hyphen and not (
            _LASTED.search(ctx.text[max(0, m.quote_start - 20) : m.quote_start]) and not _OFFSET.match(after)
        ):
            continue  # "two days after", "in five days": a gap between days, not how long something lasted
        written = f"{m.text}{'-' if hyphen else ' '}{m.noun}"
        try:
            d.parse_days(written)
        except d.DateFormatError:
            continue
        end = m.noun_end or m.end
        event = re.match(r"\s+[a-z]+(?<!\band)\b", ctx.text[end : end + 30]) if hyphen else None
        if event:  # "the five-day expo": the words it is said of
            end += event.end()
        # The days it ran: in its own sentence, else (for "the five-day expo") in the sentence next to it.
        near = [s.index]
        if hyphen and re.search(
            r"\b(?:the|this|that|its)\s+$", ctx.text[max(0, m.quote_start - 12) : m.quote_start], re.I
        ):
            near += [s.index - 1, s.index + 1]
        ends = starts = None
        for k in near:
            found = [x for x in days.get(k, []) if x.role in ("start", "end") and x.text is not None]
            if found:
                ends = [x for x in found if x.role == "end"]
                starts = [x for x in found if x.role == "start"]
                break
        fact = DateFact("duration", m.quote_start, end, ctx.text[m.quote_start : end], {"days": written}, s.index,
                        words=[(m.start, m.end)])  # fmt: skip
        if not ends and not starts:
            fact.why_not = "no day it began or ended is given next to it"
            out.append(fact)
            continue
        used = [x for x in (starts[:1] if starts else []) + (ends[:1] if ends else [])]
        if any(x.relative for x in used) and not ctx.known:
            fact.why_not = "its day is a weekday alone, read against the publication date: give it (--published)"
            out.append(fact)
            continue
        if (
            starts
            and ends
            and _CLAUSE.search(ctx.text[min(starts[0].end, ends[0].end) : max(starts[0].start, ends[0].start)])
        ):
            # "opened on Monday, two days after talks ended on Saturday": not one event; the day nearest it
            nearest = min(starts[:1] + ends[:1], key=lambda x: min(abs(x.start - m.end), abs(m.start - x.end)))
            starts, ends = ([nearest], []) if nearest.role == "start" else ([], [nearest])
            used = [nearest]
        if starts:
            fact.parts["start"] = starts[0].text
        if ends:
            fact.parts["end"] = ends[0].text
        here = [x for x in used if s.start <= x.start < s.end]
        if here:  # the same sentence: the claim's words run from the first day (or its verb) to the last
            a = min([fact.start] + [x.verb if x.verb is not None else x.start for x in here])
            b = max([fact.end] + [x.end for x in here])
            fact.start, fact.end, fact.text = a, b, ctx.text[a:b]
            fact.confidence = 0.75
        else:  # the sentence next to it: its own words, and where the day is said
            for x in used:
                a = x.verb if x.verb is not None else x.start
                fact.notes.append(f"its {x.role} is from the sentence {'before' if x.start < s.start else 'after'}: "
                                  f"'{ctx.text[a : x.end]}'")  # fmt: skip
            fact.confidence = 0.6
        fact.notes += [x.note for x in used if x.note]
        out.append(fact)
    return out


# ------------------------------------------------------------------ DT03
def _editions(ctx: Context, days: dict[int, list[_Day]]) -> list[DateFact]:
    facts: list[tuple[DateFact, str | None]] = []  # (fact, the event's name)
    first_years: list[tuple[str, str | None, Sentence]] = []  # (year, event, where) of a first edition
    for s in ctx.sentences:
        # cheap tests first, on the numbers already found: most sentences have no ordinal and count no editions
        ms = ctx.mentions[s.index]
        ordinals = any(m.role == "ordinal" for m in ms) or _RARE_ORD.search(s.text) is not None
        for e in _EDITION.finditer(s.text) if ordinals else ():
            edition = e.group("ord")
            n = _ordinal(edition)
            if n is None:
                continue
            name = _name(s.text, e, edition)
            fact = DateFact("edition", s.start + e.start(), s.start + e.end(), e.group(), {"edition": edition}, s.index)
            facts.append((fact, name))
            if n == 1:  # "the inaugural event in 2019": it dates the other editions
                y = _year_with(s.text, e) or _first_held(s.text, e)
                if y:
                    first_years.append((y, name, s))
                fact.why_not = "the first edition: its year, when given, is the first_year of the others"
                continue
            _edition_year(ctx, s, e, fact, days.get(s.index, []))
            first = _first_held(s.text, e)
            if first:
                fact.parts["first_year"] = first
            every = _EVERY.search(s.text)
            if every:
                fact.parts["every"] = every.group(1)
        for e in _FIRST_YEAR_WORDS.finditer(s.text) if ordinals else ():  # "in its first year, 2019"
            y = _year_with(s.text, e)
            if y:
                first_years.append((y, None, s))
        counts = any(m.is_amount and m.noun and _EVENTS_WORD.search(m.noun) for m in ms)
        for c in _EDITION_COUNT.finditer(s.text) if counts else ():  # "over the three editions ... this year"
            facts.append((_edition_count(ctx, s, c), None))
    for fact, name in facts:  # the first edition's year, where the article gives it
        if "first_year" in fact.parts or _ordinal(fact.parts["edition"]) == 1:
            continue
        given = [(y, where) for y, event, where in first_years if _same_event(name, event, [x for _, x in facts])]
        if given:
            y, where = given[0]
            fact.parts["first_year"] = y
            fact.notes.append(f"the first edition's year, {y}, is from: {where.text[:80]}")
            if fact.why_not and "year" not in fact.parts:
                fact.why_not = None  # the first year alone dates it
    _from_other_editions(facts)
    return [f for f, _ in facts]


def _edition_count(ctx: Context, s: Sentence, c: re.Match) -> DateFact:
    n = _COUNT_WORDS.get(c.group("n").lower()) or int(c.group("n"))
    edition = d.ordinal_words(max(n, 1))
    rest = s.text[c.end() :]
    now = re.search(r"\bthis\s+year\b", rest, re.I)
    last = re.search(rf"\bto\b[^.;]*?\bin\s+({YEAR})\b", rest)
    fact = DateFact("edition", s.start + c.start(), s.start + c.end(), c.group(), {"edition": edition}, s.index)
    fact.confidence = 0.55
    count = s.start + c.start("n")
    fact.words.append((count, count + len(c.group("n"))))
    if n < 2:
        fact.why_not = "fewer than two editions"
    elif now:
        if ctx.known:
            fact.parts["year"] = str(ctx.published.year)
            fact.end = s.start + c.end() + now.end()
            fact.notes.append(f"'{c.group('n')}' editions up to '{now.group()}': this year's is the {edition}")
        else:
            fact.why_not = "'this year' is read against the publication date: give it (--published)"
    elif last:
        fact.parts["year"] = last.group(1)
        fact.end = s.start + c.end() + last.end()
        fact.notes.append(f"'{c.group('n')}' editions up to {last.group(1)}: that year's is the {edition}")
    else:
        fact.why_not = "no year says which edition is the last of them"
    fact.text = ctx.text[fact.start : fact.end]
    return fact


def _ordinal(edition: str) -> int | None:
    try:
        return d.parse_ordinal(edition.replace(" ", "-")).n
    except d.DateFormatError:
        return None


def _name(text: str, e: re.Match, edition: str) -> str | None:
    """The capitalised words that name the event: 'China International Supply Chain Expo (CISCE)', 'of the CISCE'."""
    words = e.group()[len(edition) :]
    of = re.match(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w&'-]*\s*)+)", text[e.end() :])
    if of:
        words += " " + of.group(1)
    names = set(re.findall(r"\b[A-Z][\w&'-]*", words))
    return " ".join(sorted(names)) or None


def _year_with(text: str, e: re.Match) -> str | None:
    """A year written with the edition: 'the third edition in 2025', 'the inaugural event, held in 2019'."""
    after = text[e.end() : e.end() + 60]
    m = re.match(
        rf",?\s*(?:(?:which\s+(?:was|is|will\s+be)\s+)?(?:held|staged|hosted|took\s+place|taking\s+place)\s+)?"
        rf"(?:in\s+(?:[A-Z][\w-]*\s+){{1,3}})?in\s+(?P<y>{YEAR})\b(?!\s*[-/]\d)|\s+of\s+(?P<y2>{YEAR})\b",
        after,
    )
    if m:
        return m.group("y") or m.group("y2")
    before = text[max(0, e.start() - 12) : e.start()]
    m = re.search(rf"\b({YEAR})(?:'s|\u2019s)\s+(?:the\s+)?$", before)
    return m.group(1) if m else None


def _first_held(text: str, e: re.Match) -> str | None:
    m = _FIRST_HELD_AFTER.match(text[e.end() :]) or _SINCE_LAUNCH.search(text)
    return m.group("y") if m else None


def _edition_year(ctx: Context, s: Sentence, e: re.Match, fact: DateFact, days: list[_Day]) -> None:
    """The year of an edition: written with it, 'this year' / 'next year', or the day it was held on."""
    y = _year_with(s.text, e)
    if y:
        fact.parts["year"] = y
        fact.confidence = 0.8
        return
    before = s.text[: e.start()]
    after = re.split(r"[.;]", s.text[e.end() : e.end() + 80])[0]
    clause_after = re.split(r",\s+(?!(?:which|to\s+be|held|scheduled|set|slated|due)\b)", after)[0]
    rel = re.search(r"\b(this|next|last)\s+year(?:'s|\u2019s)?\s+(?:the\s+)?$", before, re.I) or re.search(
        r"\b(this|next|last)\s+year\b", clause_after, re.I
    )
    if rel is None:
        opener = re.match(r"\s*(This|Next|Last)\s+year\b", before)
        rel = opener
    if rel is not None:
        if not ctx.known:
            fact.why_not = f"'{rel.group(0).strip()}' is read against the publication date: give it (--published)"
            return
        fact.parts["year"] = str(ctx.published.year + _RELATIVE_YEAR[rel.group(1).lower()])
        fact.notes.append(f"'{rel.group(0).strip()}' read against the publication date, {ctx.published.isoformat()}")
        fact.confidence = 0.75
        return
    held = [x for x in days if x.held and x.text is not None and x.start >= s.start + e.end()]
    if held:
        day = held[0]
        if day.relative and not ctx.known:
            fact.why_not = f"it was held on '{day.text}', read against the publication date: give it (--published)"
            return
        if day.date is not None:
            fact.parts["year"] = str(day.date.year)
            how = f"'{day.text}' is {day.date.isoformat()}"
            if day.relative:
                how += f", the last {day.text} on or before the publication date"
            fact.notes.append(f"the year of the day it was held: {how}")
            fact.confidence = 0.7
            return
    fact.why_not = "no year is given for it"


def _from_other_editions(facts: list[tuple[DateFact, str | None]]) -> None:
    """An edition without a year takes it from another edition of the same event, as an annual event."""
    dated = [(f, name) for f, name in facts if "year" in f.parts and "every" not in f.parts]
    for fact, name in facts:
        if "year" in fact.parts or "first_year" in fact.parts or "every" in fact.parts:
            continue
        n = _ordinal(fact.parts["edition"])
        if n is None or n == 1:
            continue
        same = [(f, nm) for f, nm in dated if _same_event(name, nm, [x for _, x in facts])]
        firsts = {int(f.parts["year"]) - (_ordinal(f.parts["edition"]) or 0) for f, _ in same}
        if len(firsts) != 1:
            continue
        other = min(same, key=lambda x: abs(x[0].start - fact.start))[0]
        year = firsts.pop() + n
        fact.parts["year"] = str(year)
        fact.why_not = None
        fact.confidence = 0.45
        fact.notes.append(
            f"no year is given: the {other.parts['edition']} edition is in {other.parts['year']}, so the "
            f"{fact.parts['edition']} is in {year} if the event is held every year"
        )


def _same_event(a: str | None, b: str | None, names: list[str | None]) -> bool:
    if a and b:
        return bool(set(a.split()) & set(b.split()))
    return len({n for n in names if n}) <= 1  # one named event in the article: "the fourth edition" is of it


# ------------------------------------------------------------------ DT04
_LENGTH_QUICK = re.compile(r"years?\b|decade|century", re.I)


def _periods(s: Sentence, mentions: list[Mention], known: bool) -> list[DateFact]:
    out: list[DateFact] = []
    if not any(m.role == "year" for m in mentions):  # most sentences: no year, no period (a cheap test first)
        return out
    taken: list[tuple[int, int]] = []
    for pattern in _PERIODS if _LENGTH_QUICK.search(s.text) else ():
        for m in pattern.finditer(s.text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            length = " ".join(m.group("len").split())
            parts = {"from": m.group("from"), "length": length}
            if "to" in m.groupdict() and m.group("to"):
                parts["to"] = m.group("to")
            taken.append((m.start(), m.end()))
            fact = DateFact("period-length", s.start + m.start(), s.start + m.end(), m.group(), parts, s.index)
            if "to" not in parts and not known:
                fact.why_not = "the period runs to the publication date: give it (--published)"
            elif "to" not in parts:
                fact.notes.append("the period runs to the publication date")
            out.append(fact)
    for m in _RANGE.finditer(s.text):  # "from 2016 to 2021" with no length: found, nothing to check
        if not any(a <= m.start() and m.end() <= b for a, b in taken):
            out.append(DateFact("period-length", s.start + m.start(), s.start + m.end(), m.group(),
                                {"from": m.group("from"), "to": m.group("to")}, s.index,
                                why_not="no length is said for it"))  # fmt: skip
    return out


# ------------------------------------------------------------------ claims
def claims(facts: list[DateFact]) -> list[tuple[DateFact, str, dict[str, str]]]:
    """(fact, rule, fields) for each complete fact whose fields all read; the others get ``why_not``."""
    from validator import registry

    out = []
    for fact in facts:
        if fact.why_not:
            continue
        rule, mapping = DATE_RULES[fact.pattern]
        try:
            registry.get(rule)
        except registry.UnknownRule:
            fact.why_not = f"the rule '{rule}' is not available"
            continue
        fields = {name: fact.parts[part] for name, part in mapping.items() if part in fact.parts}
        missing = [group for group in _NEEDS[rule] if not any(f in fields for f in group)]
        if missing:
            fact.why_not = f"incomplete: give {' or '.join(missing[0])}"
            continue
        unread = []
        for name, value in fields.items():
            try:
                _PARSERS[name](value)
            except d.DateFormatError as exc:
                unread.append(str(exc))
        if unread:
            fact.why_not = unread[0]
            continue
        out.append((fact, rule, fields))
    return out
