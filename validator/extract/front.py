"""The publication date an article states about itself.

Looked for, in order, at the top of the article only (its first lines, where
news copy and blogs put it; a date in the body is about the story, not the
article):

* front matter: a ``date:`` or ``published:`` line between ``---`` lines
  (Markdown blogs), or an HTML ``<meta>`` publication time, which the reader
  keeps as text;
* a labelled line: "Published: 20 July 2025", "Posted on July 20, 2025",
  "Updated 2025-07-20";
* a dateline: a line that is only a date, with or without its weekday
  ("Wednesday, December 14, 2011", "20 July 2025", "2025-07-20"), or a date
  opening the first sentence ("July 20, 2025 - ...").

A date with a weekday that does not fall on that weekday is not used.
"""

from __future__ import annotations

import datetime as dt
import re

from validator import dates
from validator.extract.text import ArticleText

_LINES = 6  # how far down the article a dateline may be
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DATE = (
    rf"(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?:(?P<md>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    rf"|(?P<dm>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))"
)
_FRONT_MATTER = re.compile(r"\A---\s*\n(?P<body>.*?\n)---\s*\n", re.S)
_FIELD = re.compile(r"^(?:date|published|pubdate|publish_date|published_at)\s*:\s*[\"']?(?P<value>[^\"'\n]+)", re.M | re.I)
_LABELLED = re.compile(
    rf"^\s*(?:published|posted|updated|first\s+published|date)(?:\s+on)?\s*:?\s*{_DATE}", re.I | re.M
)
_META = re.compile(r"(?:article:published_time|datePublished|pubdate)\D{0,20}(?P<iso>\d{4}-\d{2}-\d{2})", re.I)
_DATELINE = re.compile(rf"^\s*{_DATE}\s*$", re.M)
_OPENING = re.compile(rf"^\s*(?:[A-Z][A-Za-z .]+,\s+)?{_DATE}\s*(?:[-\u2013\u2014:]|\(|$)", re.M)


def publication_date(article: ArticleText) -> dt.date | None:
    """The date the article says it was published, or None."""
    text = article.original
    front = _FRONT_MATTER.match(text)
    if front:
        field = _FIELD.search(front.group("body"))
        if field:
            found = _date(field.group("value").strip())
            if found:
                return found
    meta = _META.search(text[:20_000])
    if meta:
        found = _iso(meta.group("iso"))
        if found:
            return found
    head = "\n".join(article.analysed.lstrip().splitlines()[:_LINES])
    for pattern in (_LABELLED, _DATELINE, _OPENING):
        m = pattern.search(head)
        if m:
            found = _from_match(m)
            if found:
                return found
    return None


def _from_match(m: re.Match) -> dt.date | None:
    text = m.group("md") or m.group("dm") or m.group("iso")
    day = _date(text)
    if day is None:
        return None
    weekday = m.group("weekday")
    if weekday and day.strftime("%A").lower() != weekday.lower():
        return None  # a dateline that contradicts itself is not a date to read others against
    return day


def _date(text: str) -> dt.date | None:
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", text):
        return _iso(text[:10])
    try:
        return dates.parse_date(re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)).date
    except (ValueError, dates.DateFormatError):
        return None


def _iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
