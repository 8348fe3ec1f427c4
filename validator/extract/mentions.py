"""Every number in a sentence: where it is, how it is written, and what it counts.

A *mention* is one written number with its span, its text as written
("$13.9 million", "35 percent", "three-tenths of a point", "four times"),
the reading :func:`validator.numbers.parse` gives it, the qualifier before
it ("more than", "surpassed", "nearly") and the noun after it ("exhibitors").
Numbers that are not amounts are kept apart by their ``role``: years, dates,
weekdays, ordinals ("the third edition"); numbers inside names ("Fortune
500", "No. 10") and clock times are skipped.

Finding the numbers is done here with regular expressions built from the
vocabulary of :mod:`validator.numbers`; reading them is left to its
``parse``, so the draft's values read exactly as the checker will read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from validator import numbers
from validator.numbers import Kind, NumberFormatError, Written

# ------------------------------------------------------------------ vocabulary
_CARDINALS = sorted(numbers.NUMBER_WORDS - {"dozen"}, key=len, reverse=True)
_WORD = r"(?:" + "|".join(_CARDINALS) + r"|dozen)"
_WORDS = (
    rf"(?:(?:an?[\s-]+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?{_WORD}(?:(?:[\s-]+|\s+and\s+){_WORD})*"
    rf"(?:\s+and\s+a\s+half)?)"  # 'two and a half times'
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_CURRENCY = (
    r"(?:US\s?\$|NT\$|HK\$|AU?\$|CA?\$|S\$|NZ\$|R\$|\$|£|€|¥|₹|₩|RMB\s?"
    r"|(?:USD|EUR|GBP|CNY|JPY|TWD|HKD|INR|AUD|CAD|SGD|NZD|CHF|KRW)\s?|Rs\.?\s?)"
)
_MAGNITUDE = r"(?:\s?(?:thousand|million|billion|trillion|bn|mn|mln|tn)\b|(?:m|k|b)\b)"
_SUFFIX = (
    r"(?:\s?%|[\s-](?:percent|per\s+cent|pct)\b|[\s-](?:percentage|percent)[\s-]+points?\b|\s(?:basis\s+points?|bps?)\b"
    r"|[\s-](?:points?|pts?|ppts?|pp)\b|\s?-?fold\b|\s?x\b(?!\w)|\s+times\b)"
)
_FRACTIONS = "|".join(sorted(numbers._FRACTION_WORDS, key=len, reverse=True))
_MULTIPLES = "|".join(sorted(set(numbers._MULTIPLE_WORDS) | numbers._HALVING_WORDS, key=len, reverse=True))
_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|inaugural"
MONTHS = ("january february march april may june july august september october november december "
          "jan feb mar apr jun jul aug sep sept oct nov dec").split()  # fmt: skip
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    # clock times and dates first, so their digits are not read as amounts
    ("time", re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", re.I)),
    ("date", re.compile(rf"\b{_MONTH}\s+(?P<n>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,\d)", re.I)),
    ("date", re.compile(rf"\b(?P<n>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?=\W|$)", re.I)),
    ("year", re.compile(r"(?<![\d,.$£€¥])(?P<n>(?:1[89]|20)\d\d)(?:[-/](?:\d\d|(?:1[89]|20)\d\d))?(?!\d|,\d|%|\.\d)")),
    ("year", re.compile(r"(?<![\w'\u2019])['\u2019](?P<n>\d\d)\b(?![,.]\d|%|\s*(?:percent|per\s+cent)\b)")),  # '19, ’07
    ("weekday", re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", re.I)),
    # ratios: "one in three", "2 in every 7000", "five women in every 1000", "three out of four"
    (
        "ratio",
        re.compile(
            rf"\b(?P<a>{_DIGITS}|{_WORDS})(?P<noun>(?:\s+[a-z]+){{0,2}}?)\s+(?P<rel>in(?:\s+every)?|out\s+of)\s+"
            rf"(?P<b>{_DIGITS}|{_WORDS})\b(?!,\d|\.\d)",
            re.I,
        ),
    ),
    # fractions: "a third", "two-thirds", "three-tenths of a point", "half"
    (
        "fraction",
        re.compile(
            rf"\b(?:(?:an?|{_WORDS})[\s-]+(?:{_FRACTIONS})|half)\b(?:\s+of\s+a\s+(?:percentage\s+)?point\b)?", re.I
        ),
    ),
    # multiples: "twice", "doubled", "halved", "threefold", "four-fold", "3-fold"
    ("multiple", re.compile(rf"\b(?:(?:{_MULTIPLES})|(?:{_WORD}|\d+(?:\.\d+)?)-?fold)\b", re.I)),
    ("ordinal", re.compile(rf"\b(?:{_ORDINALS}|\d+(?:st|nd|rd|th))\b", re.I)),
    # amounts: "$13.9 million", "35 percent", "750 basis points", "four times", "3.5bn"
    (
        "number",
        re.compile(
            rf"(?<![\w.])(?P<neg>[-\u2212])?(?:{_CURRENCY}\s?)?(?:{_DIGITS}(?![\w.]\d)|\b{_WORDS}\b)(?:{_MAGNITUDE})?(?:{_SUFFIX})?",
            re.I,
        ),
    ),
]

_QUALIFIERS = sorted(numbers.QUALIFIER_WORDS, key=len, reverse=True)
_QUALIFIER_RE = re.compile(r"(?:^|(?<=\W))(" + "|".join(re.escape(q) for q in _QUALIFIERS) + r")\s+$", re.I)

# Words that end the noun after a number: prepositions, verbs, conjunctions of clauses.
NOUN_STOP = (
    frozenset(
        """from in at to of for on with between than compared versus vs against during over since by as
    were was are is be been being have has had will would could may might can should do does did
    which who that where when while or but so because if after before until including like
    this these those its it their they he she we said says say last next ago earlier later late early
    up down rose fell grew increased decreased dropped jumped not amount amounts amounted equal equals equalled
    represent represents represented make makes made account accounts accounted total totals totalled totaled
    came come comes reach reaches reached hit hits stood stands marks marked brought brings works worked gives gave
    leaves left went goes remain remains remained stay stays stayed seems appears means meant
    short shy ahead behind above below beyond higher lower greater smaller larger bigger fewer
    set held put paid spent seen given taken sold built lost kept done known shown grown drawn bought caught
    get gets got getting finish finishes finished take takes took go goes see saw say receive received give gives
    spend spends pay pays live lives lived work works use uses used need needs want wants voted vote backed opposed
    about around nearly almost some only just approximately roughly more less""".split()
    )
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
)
DURATION_UNITS = frozenset(
    "day days week weeks month months year years decade decades hour hours minute minutes".split()
)
_GLUED_UNITS = {
    "p": "pence",
    "g": "grams",
    "kg": "kilograms",
    "km": "kilometres",
    "mm": "millimetres",
    "cm": "centimetres",
}


@dataclass
class Mention:
    """One number as written in the text."""

    start: int  # span of the number (without its qualifier)
    end: int
    text: str  # as written, for the fact sheet: "$13.9 million", "35 percent"
    role: str  # 'amount', 'year', 'date', 'weekday', 'ordinal'
    sentence: int = -1
    written: Written | None = None
    qualifier: str | None = None  # as written: "more than", "surpassed"
    qualifier_start: int | None = None
    noun: str | None = None
    noun_end: int | None = None
    subject: str | None = None  # what a number without a noun is about: "total attendance", "the proportion of X"
    period: str | None = None
    index: int = -1  # position in the article's list of mentions
    notes: list[str] = field(default_factory=list)

    @property
    def kind(self) -> Kind | None:
        return self.written.kind if self.written else None

    @property
    def quote_start(self) -> int:
        return self.qualifier_start if self.qualifier_start is not None else self.start

    @property
    def is_amount(self) -> bool:
        return self.role == "amount" and self.written is not None

    @property
    def is_level(self) -> bool:
        """A count, amount or percentage level (not a change-like multiple or a fraction)."""
        return self.is_amount and self.kind in (Kind.NUMBER, Kind.PERCENT, Kind.FRACTION) and not self.is_share_word

    @property
    def is_share_word(self) -> bool:
        return (
            self.kind is Kind.FRACTION
            and self.written is not None
            and self.written.per is not None
            and "in" not in self.text.lower().split()
            and "out" not in self.text.lower().split()
        )

    def same_number(self, other: Mention) -> bool:
        return self.written is not None and other.written is not None and self.written.value == other.written.value


def find(text: str, offset: int = 0, sentence: int = -1) -> list[Mention]:
    """The numbers of one sentence (``text`` starts at ``offset`` in the article)."""
    candidates: list[tuple[int, int, str, re.Match]] = []
    for role, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), role, m))
    # Earliest first, then the longest; the first pattern wins a tie (dates before amounts).
    order = {role: i for i, (role, _) in enumerate(_PATTERNS)}
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0]), order[c[2]]))
    out: list[Mention] = []
    taken_until = 0
    for start, end, role, m in candidates:
        if start < taken_until:
            continue
        mention = _mention(text, start, end, role, m)
        if mention is None:
            continue
        taken_until = end
        if mention.role == "skip":
            continue
        mention.sentence = sentence
        _shift(mention, offset)
        out.append(mention)
    _inherit_nouns(out, text, offset)
    for m in out:
        if m.is_amount and m.noun is None:
            of = re.match(r"\s+of\s+((?:[A-Z][\w.]*'s\s+)?(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s)\b", text[m.end - offset : m.end - offset + 60])
            if m.kind is Kind.PERCENT and of:
                m.subject = of.group(1)  # '60% of Israel's eligible voters': a share of voters
            else:
                m.subject = _subject(text[max(0, m.quote_start - offset - 120) : m.quote_start - offset])
    return out


_SUBJECT = re.compile(
    r"\b(?:number|proportion|share|percentage|rate|amount|total)\s+of\s+((?:[a-z-]+\s+){0,3}?[a-z-]+s)\b", re.I
)


def _subject(before: str) -> str | None:
    """'The number of participating countries grew from 55': countries; 'Total attendance ... surpassed': attendance."""
    m = list(_SUBJECT.finditer(before))
    if m:
        return m[-1].group(1)
    s = re.match(
        r"\s*(?:The\s+|Its\s+|Their\s+)?((?:[A-Za-z-]+\s+){0,2}?[a-z-]+)\s+(?:\u2014|-\s|(?:was|were|is|are|has|have|had|rose|fell|grew|surpassed|reached|totaled|totalled|hit|stood)\b)",
        before,
    )
    if s:
        return s.group(1)
    # 'the national unemployment rate for September fell to': the words before the verb that leads to the figure
    v = _VERB_BEFORE.search(before)
    return v.group(1) if v else None


_VERB_BEFORE = re.compile(
    r"\b((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+(?:(?:for|in|at|of)\s+[A-Z][\w.]*(?:\s+\d{4})?\s+)?"
    r"(?:was|were|is|are|stood|stands|rose|fell|grew|climbed|dropped|declined|increased|decreased|reached|hit|totall?ed|"
    r"came|jumped|slipped|slid|numbered|number)\s+(?:to\s+|at\s+|by\s+|in\s+at\s+)?(?:about\s+|around\s+|nearly\s+|some\s+)?$"
)


def _shift(m: Mention, offset: int) -> None:
    m.start += offset
    m.end += offset
    if m.qualifier_start is not None:
        m.qualifier_start += offset
    if m.noun_end is not None:
        m.noun_end += offset


def _mention(text: str, start: int, end: int, role: str, m: re.Match) -> Mention | None:
    raw = text[start:end].strip()
    if role == "time":
        return Mention(start, end, raw, "skip")
    if role in ("date", "weekday", "ordinal"):
        if role == "ordinal" and _ordinal_is_noise(text, start, end):
            return None
        return Mention(start, end, raw, role)
    if role == "year":
        if _year_is_amount(text, start, end):
            return None  # read as an amount by the number pattern
        return Mention(start, end, raw, "year")
    if _in_name(text, start, raw, end):
        return Mention(start, end, raw, "skip")
    if role in ("number", "fraction") and _noise_word(text, start, end, raw):
        return None
    written_text = raw
    noun_from_ratio = None
    if role == "ratio":
        if not _real_ratio(m):
            return None
        noun_from_ratio = m.group("noun").strip() or None
        written_text = f"{m.group('a')} {' '.join(m.group('rel').split())} {m.group('b')}"
    try:
        written = numbers.parse(written_text)
    except NumberFormatError:
        return None
    if written.unit:  # a word the number pattern swept up: keep it out of the value
        return None
    mention = Mention(start, end, written_text, "amount", written=written)
    _qualify(mention, text)
    glued = re.match(r"[A-Za-z]+", text[end:])
    if glued:  # "24p", "100g" are amounts with a unit; "3D", "4G" are names
        if glued.group().lower() not in _GLUED_UNITS:
            return Mention(start, end, raw, "skip")
        mention.noun, mention.noun_end = _GLUED_UNITS[glued.group().lower()], end + glued.end()
    elif noun_from_ratio:
        mention.noun, mention.noun_end = noun_from_ratio, end
    elif written.kind is Kind.NUMBER and not written.currency:
        mention.noun, mention.noun_end = _noun_after(text, end)
    elif written.kind is Kind.PERCENT and re.match(r"\s+[a-z]+(?:\s+[a-z]+)?\s+(?:rate|share|ratio)\b", text[end : end + 40]):
        mention.noun, mention.noun_end = _noun_after(text, end)  # '8.1 percent unemployment rate'
    if role == "ratio" and mention.noun is None:
        mention.noun, mention.noun_end = _noun_after(text, end)
    if written.kind is Kind.NUMBER and written.currency is None and mention.noun is None:
        _currency_word_after(mention, text)
    if written.kind is Kind.NUMBER and written.currency is not None and mention.noun is None:
        _per_unit_after(mention, text)
    if written.kind is Kind.NUMBER and not written.currency and re.search(r"\b(?:top|bottom)\s+$", text[max(0, start - 8) : start], re.I):
        return Mention(start, end, raw, "rank")  # "the top 10 spots": a rank, not an amount
    if written.kind is Kind.NUMBER and not written.currency and _is_age(text, start, end):
        return Mention(start, end, raw, "age")  # "people age 16 and older", "a 36-year-old event"
    if mention.noun and mention.noun.lower() in DURATION_UNITS and written.kind is Kind.NUMBER:
        mention.role = "duration"  # "five-day", "the past five years": a length of time
        if (mention.qualifier or "").lower() == "over":  # "over seven days": when, not more than
            mention.qualifier = mention.qualifier_start = None
    return mention


_AGE_BEFORE = re.compile(r"\b(?:ages?|aged)\s+(?:of\s+)?(?:\d+\s*(?:to|-|and)\s*)?$", re.I)
_AGE_AFTER = re.compile(
    r"(?:-|\s)years?[-\s]old\b|\s+and\s+(?:older|over|up|above|younger|under)\b|\s+years?\s+of\s+age\b"
    r"|\s*(?:-|to)\s*\d+\s+years?\s+old\b|\s+or\s+(?:older|younger)\b",
    re.I,
)


_AGE_OF_PEOPLE = re.compile(
    r"\b(?:people|patients|residents|adults|voters|workers|those|them|they|anyone|children|women|men|persons|students|drivers|"
    r"pupils|employees|members|users|customers)(?:\s+[a-z]+){0,3}?\s+(?:(?:who\s+|that\s+)?(?:were|are|was|is|aged)\s+)?"
    r"(?:over|under|above|below|older\s+than|younger\s+than)\s+$",
    re.I,
)


def _is_age(text: str, start: int, end: int) -> bool:
    """'age 16 and older', 'a 36-year-old event', 'patients over 65': an age, not an amount."""
    before = text[max(0, start - 60) : start]
    return bool(_AGE_BEFORE.search(before[-20:]) or _AGE_OF_PEOPLE.search(before) or _AGE_AFTER.match(text[end : end + 30]))


def _real_ratio(m: re.Match) -> bool:
    """'one in three' and '2 in every 7000', not '75 in 2025' or '55 in 10 years'."""
    try:
        a, b = numbers.parse(m.group("a")).value, numbers.parse(m.group("b")).value
    except NumberFormatError:
        return False
    year = re.fullmatch(r"(?:1[89]|20)\d\d", m.group("b")) is not None
    return 0 < a < b and not year and (m.group("rel").lower() != "in" or not m.group("noun").strip())


def _ordinal_is_noise(text: str, start: int, end: int) -> bool:
    word = text[start:end].lower()
    before = text[max(0, start - 6) : start].lower()
    after = text[end : end + 6].lower()
    if word in ("second",) and not re.match(
        r"\s+(?:edition|year|quarter|half|time|round|term)", text[end : end + 12].lower()
    ):
        return True
    return before.endswith(("at ", "a ")) and word == "first" or after.startswith("-hand")


_YEAR_BEFORE = re.compile(
    rf"(?:\b(?:in|of|since|from|to|until|through|by|during|before|after|between|and|or|for|year|fiscal|FY|"
    rf"season|class)|{_MONTH}|\b\d{{1,2}}(?:st|nd|rd|th)?|[,'\u2019(])\s*$",
    re.I,
)


def _year_is_amount(text: str, start: int, end: int) -> bool:
    """'2000 women' is an amount; 'in 2019', '2013-14', '1 June 2010 tops' and 'August 31, 2015' are years."""
    if _YEAR_BEFORE.search(text[max(0, start - 12) : start]):
        return False
    after = text[end : end + 30]
    m = re.match(r"\s+([a-z]+)", after)
    return bool(m and m.group(1).endswith("s") and m.group(1) not in ("was", "is", "has", "levels", "figures", "as"))


def _in_name(text: str, start: int, raw: str, end: int | None = None) -> bool:
    """'Fortune 500', 'No. 10', 'COVID-19', 'Boeing 737': digits that name, not count.

    A table row ('Phil Goode 7286 (18.91%)', 'Braves 23,269 31,077 34%') counts: digits with a thousands
    separator or a decimal point, or followed by another figure on the same line, are amounts."""
    before = text[max(0, start - 80) : start]
    if re.search(r"\b(?:No|Nos|no)\.\s*$", before) or re.search(r"[A-Za-z]-$", before):
        return True
    m = re.search(r"(\S+)\s$", before)
    if not m or not raw[:1].isdigit():
        return False
    word = m.group(1)
    if not word[:1].isupper() or word.lower().rstrip(".") in MONTHS or word.lower() in WEEKDAYS:
        return False
    if re.match(r"\d{1,3}(?:,\d{3})+|\d+\.\d", raw) or (
        end is not None and re.match(r"[ \t]*(?:\(\s*)?[-\u2212]?[$£€]?\d[\d,.]*\s*%?", text[end : end + 40])
        and re.match(r"[ \t]*\S", text[end : end + 2])
    ):
        return False
    at_start = start - len(before) == 0
    sentence_start = re.search(r"(?:^|[.!?]\s+)\S+\s$", before) is not None and (at_start or not before.startswith(word))
    sentence_start = sentence_start and (at_start or re.search(r"[.!?]\s+\S+\s$", before) is not None)
    return not sentence_start and word.lower() not in numbers.QUALIFIER_WORDS and word.isalpha()


def _noise_word(text: str, start: int, end: int, raw: str) -> bool:
    """Number words that are not amounts: 'one of the', 'no one', 'a one-off'."""
    low = raw.lower()
    if low[:1].isdigit() or low[:1] in "$£€¥-." or low.startswith(("us$", "rmb")):
        return False
    before = text[max(0, start - 40) : start].lower()
    after = text[end : end + 40].lower()
    if low in ("one", "a", "an"):
        if low == "one" and re.match(r"\s+(?:out\s+)?of\s+(?:the\s+)?[\d,.]+\b", after):
            return False  # 'one of the 20 new hires': a count of a whole
        if low == "one" and re.search(r"\b(?:of|by|to|was|were|is|at)\s+$", before) and re.match(r"\s*(?:[.,;:)]|$)", after):
            return False  # 'a difference of one.', 'won by one'
        if after.startswith((" of ", "-off", " another", " day", " by one", " or more", " or two", " or both", " or the other")) or re.search(
            r"\b(?:no|any|every|each|the|this|that|which|someone|anyone)\s$", before
        ):
            return True
        if re.match(r"\s*(?:,\s*or\s+|\(\s*|\s+[-\u2013\u2014]+\s*)(?:about\s+)?[\d.]", after):
            return False  # 'one, or 13 percent': a count restated as a percent
        return not re.match(r"\s+[a-z]", after)  # a bare pronoun
    if low in ("a half", "half") and before.rstrip().endswith(" and"):
        return True  # "a month and a half"
    return low in ("tens", "hundreds", "thousands", "millions")


_MOVED = re.compile(
    r"\b(?:edged|went|gone|going|goes|moved|moving|shot|ticked|crept|creeping|stepped|climbed|jumped|rose|rising|"
    r"risen|grew|growing|surged|soared|came|come|coming|marked|revised|inched|inching)\s*$",
    re.I,
)


def _qualify(m: Mention, text: str) -> None:
    qm = _QUALIFIER_RE.search(text[max(0, m.start - 25) : m.start])
    if qm:
        phrase = qm.group(1)
        if phrase.lower() in ("up to",) and (
            re.search(r"\b(?:up|rose|rise|fell|increase|down)\b[^.]*$", text[max(0, m.start - 60) : m.start - len(phrase)].lower()[-30:])
            or _MOVED.search(text[max(0, m.start - 40) : qm.start(1) + max(0, m.start - 25)])
        ):
            return  # "rose by up to", "edged up to $27.67 billion": a direction and a 'to', not 'at most'
        m.qualifier = " ".join(phrase.split())
        m.qualifier_start = m.start - (len(text[max(0, m.start - 25) : m.start]) - qm.start(1))


def _noun_after(text: str, end: int) -> tuple[str | None, int | None]:
    """The noun phrase after a number: '1,200 exhibitors from China' -> 'exhibitors'."""
    rest = text[end:]
    hyphen = re.match(r"-([a-z]+)\b", rest)
    if hyphen:  # "five-day", "18-kilogram": the unit is glued on
        return hyphen.group(1), end + hyphen.end()
    tokens = list(re.finditer(r"[A-Za-z][A-Za-z'\u2019-]*|,|[^\sA-Za-z]", rest[:120]))
    words: list[re.Match] = []
    for i, tok in enumerate(tokens):
        w = tok.group()
        low = w.lower()
        gap = rest[(tokens[i - 1].end() if i else 0) : tok.start()]
        if "\n" in gap or (i == 0 and not gap and w[0].isalpha()):
            break
        if w == ",":
            # a list of nouns: "products, technologies and services"
            if (
                words
                and i + 1 < len(tokens)
                and re.fullmatch(r"[a-z]+", tokens[i + 1].group())
                and _list_follows(tokens, i + 1)
            ):
                continue
            break
        if not w[0].isalpha():
            break
        if low in ("a", "an", "one") and re.match(
            r"\s+(?:year|month|week|day|decade|quarter|century)s?\s+(?:earlier|ago|before|later|on|previously)\b",
            rest[tok.end() : tok.end() + 40],
            re.I,
        ):
            break  # '1,500 tonnes a year earlier': a time, not 'tonnes a year'
        if low == "and" or low == "per":
            if (
                words
                and i + 1 < len(tokens)
                and tokens[i + 1].group()[0].isalpha()
                and tokens[i + 1].group().lower() not in NOUN_STOP
            ):
                continue
            break
        if low in NOUN_STOP:
            break
        if low.endswith("ed") and (
            i + 1 >= len(tokens) or not tokens[i + 1].group()[0].isalpha() or tokens[i + 1].group().lower() in NOUN_STOP
        ):
            break
        if (
            low.endswith("ing")
            and words
            and (
                i + 1 >= len(tokens)
                or not tokens[i + 1].group()[0].isalpha()
                or tokens[i + 1].group().lower() in NOUN_STOP
            )
        ):
            break
        if words and w[0].isupper() and not words[-1].group()[0].isupper():
            break  # a name after the noun: "defaults S&P has tracked"
        words.append(tok)
        if len(words) >= 6:
            break
    if not words:
        return None, None
    a, b = words[0].start(), words[-1].end()
    noun = " ".join(rest[a:b].split())
    return noun, end + b


def _list_follows(tokens: list[re.Match], i: int) -> bool:
    """A comma continues a noun only if an 'and' closes the list soon after."""
    for tok in tokens[i : i + 6]:
        w = tok.group().lower()
        if w == "and":
            return True
        if not w.isalpha() or w in NOUN_STOP:
            return False
    return False


def _currency_word_after(m: Mention, text: str) -> None:
    cm = re.match(
        r"\s+((?:[A-Z][a-z]+\s+){0,2}(?:won|yen|yuan|euros?|dollars?|pounds?|pence|rupees?))\b((?:\s+per\s+[a-z]+)?)",
        text[m.end :],
    )
    if cm:
        m.noun = (cm.group(1) + cm.group(2)).strip()


_PER_UNIT = re.compile(r"\s+((?:a|an|per|each)\s+[a-z]+)\b(?!\s+(?:ago|earlier|later|before|after|of)\b)(?![-'\u2019])")


def _per_unit_after(m: Mention, text: str) -> None:
    """'$6 a gram', '$400 per resident', '$15 an hour': the unit a price or cost is for."""
    pm = _PER_UNIT.match(text, m.end)
    if pm and pm.group(1).split()[-1] not in NOUN_STOP | {"lot", "few", "bit", "number", "total", "piece", "record"}:
        m.noun, m.noun_end = pm.group(1), pm.end()


def rate_units(noun: str | None) -> tuple[str, str] | None:
    """A per-unit noun as (what is counted or paid, per what): 'visitors a day' -> ('visitors', 'day');
    'a gram' -> ('', 'gram'); 'units per acre' -> ('units', 'acre'). None for a plain noun."""
    if not noun:
        return None
    m = re.fullmatch(r"(?:(?P<num>.*?)\s+)?(?:a|an|per|each|every)\s+(?P<den>[a-z]+)", noun.strip(), re.I)
    if m is None or m.group("den").lower() in NOUN_STOP:
        return None
    return (m.group("num") or "").strip(), m.group("den").lower()


def _inherit_nouns(mentions: list[Mention], text: str, offset: int) -> None:
    """'36 homicides in 2015 and 35 in 2014': the second number counts homicides too."""
    prev = None
    for m in mentions:
        if not m.is_amount:
            continue
        if (
            prev is not None
            and m.noun is None
            and prev.noun
            and m.kind is Kind.NUMBER
            and prev.kind is Kind.NUMBER
            and rate_units(prev.noun) is None  # '$400 per resident, or $480 million': a total, not a rate
        ):
            between = text[prev.end - offset : m.start - offset]
            if re.fullmatch(
                r"[^.;:]{0,40}?(?:,|\band\b|\bto\b|\bor\b|\bversus\b|\bvs\.?)\s*(?:about |around |nearly |some )?",
                between,
            ):
                if not re.search(r"\bfrom\b|\bcompared\b", between):
                    m.noun = prev.noun
        prev = m
