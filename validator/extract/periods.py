"""When each figure is from: years, editions and relative periods.

A figure's period is read from the words right after it ("43 homicides in
2016", "26 percent at the inaugural event", "75 in 2025", "this year"), or
from a phrase that opens its sentence ("In 1973, ...", "Last year, ...").
Relative periods ("last year", "year-on-year", "the previous edition") are
resolved against the publication year when it is known.

Dates, weekdays, durations and editions as claims of their own (DT01-DT04)
are found by :mod:`validator.extract.datefacts`.
"""

from __future__ import annotations

import re

from validator.extract.mentions import Mention

_ORDINAL_WORDS = {"first": 1, "inaugural": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                  "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}  # fmt: skip
_EDITION_NOUNS = r"(?:edition|event|expo|show|fair|festival|summit|conference|games|year|session|round|season)"
PREVIOUS = re.compile(
    r"\b(?:last\s+year(?:'s|\u2019s)?|the\s+previous\s+year|a\s+year\s+(?:earlier|ago|before)|year[-\s]on[-\s]year|"
    r"the\s+same\s+(?:period|quarter|month|time)\s+(?:a\s+year\s+ago|last\s+year)|the\s+year\s+before|"
    r"(?:the\s+)?previous\s+(?:edition|event|year)|last\s+(?:edition|elections?|season))\b",
    re.I,
)
CURRENT = re.compile(
    r"\b(?:this\s+(?:year|fall|autumn|spring|summer|winter|quarter|month|season|week)|now|currently|today)\b", re.I
)
FIRST = re.compile(rf"\b(?:the\s+)?(?:inaugural|first)\s+{_EDITION_NOUNS}\b|\bthe\s+inaugural\b", re.I)
_ORDINAL_EDITION = re.compile(
    rf"\b(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:{_EDITION_NOUNS}|(?:[A-Z][\w()]*\s+){{1,6}})",
    re.I,
)


def previous(period: str | None, year: int | None) -> str | None:
    if period and period.isdigit():
        return str(int(period) - 1)
    return str(year - 1) if year else "previous"


def read_period(words: str, year: int | None) -> str | None:
    """The period a phrase names: '2016', '2013-14', 'first edition', or a resolved 'last year'."""
    m = re.search(r"\b((?:1[89]|20)\d\d(?:[-/]\d\d(?:\d\d)?)?)\b", words)
    if PREVIOUS.search(words) and not m:
        return (
            previous(None, year)
            if re.search(r"year|same", PREVIOUS.search(words).group(), re.I)
            else "previous edition"
        )
    if m:
        return m.group(1)
    if FIRST.search(words):
        return "first edition"
    if CURRENT.search(words):
        return str(year) if year else None
    e = _ORDINAL_EDITION.search(words)
    if e and re.search(r"edition", e.group(), re.I):
        return f"{e.group('ord').lower()} edition"
    return None


def assign(sentence_text: str, offset: int, mentions: list[Mention], year: int | None) -> None:
    """Give each amount in one sentence the period its words state."""
    amounts = [m for m in mentions if m.is_amount or m.role == "duration"]
    opener = re.match(r"\s*(?:In|By|During|Since|Last|This|As of|Today|Currently|Now)\b[^,]{0,40},", sentence_text)
    sentence_period = read_period(opener.group(), year) if opener else None
    if sentence_period is None and amounts:  # "This autumn 3,980 pupils enrolled."
        lead = sentence_text[: amounts[0].quote_start - offset]
        if len(lead) < 40 and re.match(r"\s*(?:Last|This|In|Since|By|Today|Currently|Now)\b", lead):
            sentence_period = read_period(lead, year)
    for i, m in enumerate(amounts):
        nxt = amounts[i + 1].quote_start - offset if i + 1 < len(amounts) else len(sentence_text)
        after = sentence_text[(m.noun_end or m.end) - offset : nxt]
        after = re.split(r"[;\u2014]|,\s+(?:a|an|the|marking|up|down|which|while)\b", after)[0][:70]
        m.period = (
            read_period(after, year) or _clause_period(sentence_text[: m.quote_start - offset], year) or sentence_period
        )


_CLAUSE_BREAK = re.compile(r";|,\s+(?=(?:and|but|while|whereas)\b)|\b(?=(?:while|whereas)\b)", re.I)
_CLAUSE_OPENER = re.compile(
    r"\s*(?:and\s+|but\s+|while\s+|whereas\s+)?(?:in\s+(?:1[89]|20)\d\d|last\s+year|this\s+year|now|today|currently)\b",
    re.I,
)


def _clause_period(before: str, year: int | None) -> str | None:
    """'In 2010 the town had ...; last year it had 25,000': a clause that opens with its own period."""
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if not breaks:
        return None
    clause = before[breaks[-1].end() :]
    m = _CLAUSE_OPENER.match(clause)
    return read_period(m.group(), year) if m else None
