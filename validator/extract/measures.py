"""What a figure counts and what it is measured in, read from its words (no pint).

The reader pairs figures only when they can be compared: amounts of one
currency ('60 cents' and 'three dollars'), or of one unit ('tonnes' and
'tonnes'), or counts of one thing ('cases' and 'new cases'). The checker
converts units exactly (:mod:`validator.measure`); here only names are read.
"""

from __future__ import annotations

import re

from validator.extract.mentions import Mention
from validator.numbers import Kind
from validator.units import CURRENCY_WORDS, parse_unit

_MINOR = {"US_cent": "USD", "GBP_penny": "GBP"}
_STOP = frozenset(
    """the a an of and or in on at for to from by with as is was are were be been its their his her our this that
    these those than more less number total amount figure figures level levels new year years month months week
    weeks last previous same period time per cent percent it they them he she we you which who what when where
    while so then there here""".split()
)
# Nouns for people: 'more than 1.2 million people' and '1,226,000 visitors' count the same crowd.
HUMAN = frozenset(
    """people person visitor attendee passenger traveler traveller fan spectator participant resident adult voter
    student worker employee member exhibitor customer user patient child pupil citizen tourist guest crowd
    enrollment enrolment attendance turnout population workforce staff headcount membership ridership""".split()
)


def currency_of(m: Mention) -> str | None:
    """The currency of an amount: its symbol ('$', 'NT$'), or a currency word after it ('60 cents', '900 won')."""
    if m.written is not None and m.written.currency:
        return m.written.currency
    noun = (m.noun or "").lower().split(" per ")[0].split(" a ")[0].strip()
    code = CURRENCY_WORDS.get(noun) or CURRENCY_WORDS.get(noun.split(" ")[-1] if noun else "")
    return _MINOR.get(code, code) if code else None


def measuring_unit(m: Mention) -> str | None:
    """The unit a figure measures in ('metric_ton', 'liter'), None for a count or a plain amount."""
    if not m.noun or currency_of(m):
        return None
    unit = parse_unit(m.noun.lower().split(" of ")[0])
    return unit.expression if unit is not None else None


def head(noun: str | None) -> str | None:
    """The head word of a noun phrase, singular: 'new confirmed cases' -> 'case'; 'cases per day' -> 'case'."""
    noun = re.split(r"\s(?:per|a|an|each|every)\s", noun or "")[0]
    of = re.match(r"\s*(?:the\s+)?(?:number|count|total|share|proportion|percentage|amount|tally)\s+of\s+(.+)", noun, re.I)
    noun = of.group(1) if of else noun  # 'the number of students' counts students
    noun = re.split(r"\s(?:at|in|of|for|from|on|by|with|to|among)\s", noun)[0]  # 'enrollment at the university'
    words = [w for w in re.findall(r"[a-z]+", noun.lower()) if w not in _STOP]
    nouns = [w for w in words if not re.search(r"(?:ed|en)$", w)]  # 'ballots returned', 'cases reported'
    if not words:
        return None
    return singular((nouns or words)[-1])


def singular(word: str) -> str:
    for end, repl in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if word.endswith(end) and len(word) > len(end) + 2:
            return word[: -len(end)] + repl
    return word


def measure(m: Mention) -> str | None:
    """What a figure counts: its noun's head, or, for an amount in a unit or a currency ('1,500 tonnes', '$186
    billion'), what the sentence says it is of ('coffee exports')."""
    counted = re.split(r"\s(?:per|a|an|each|every)\s", m.noun or "")[0]
    if currency_of(m) or counted and parse_unit(counted.lower()) is not None:
        return head(m.subject)  # '1,500 tonnes' of what: the subject; '132 cases per day' counts cases
    return head(m.noun) or head(m.subject)


def compatible(a: Mention, b: Mention) -> bool:
    """Two levels that can be compared: both percentages, or amounts of one currency and unit (or neither)."""
    if a.kind is Kind.PERCENT and b.kind is Kind.PERCENT:
        return True
    if a.kind is not Kind.NUMBER or b.kind is not Kind.NUMBER:
        return False
    ua, ub = measuring_unit(a), measuring_unit(b)
    return currency_of(a) == currency_of(b) and (ua == ub or ua is None or ub is None)


def same_measure(a: Mention, b: Mention) -> bool | None:
    """True when both name the same thing (people of any kind alike), False when they name different things,
    None when one names nothing."""
    ma, mb = measure(a), measure(b)
    if ma is None or mb is None:
        return None
    return ma == mb or (ma in HUMAN and mb in HUMAN)


def same_thing(a: str | None, b: str | None) -> bool:
    """Two heads that name the same thing: equal, or both people."""
    return a is not None and b is not None and (a == b or a in HUMAN and b in HUMAN)
