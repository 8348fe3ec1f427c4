"""Rates: a per-unit figure times its number of units gives the total (RT01).

Two shapes of news copy, each by one general pattern:

* a stated rate, amount and total: "sells it for $6 a gram ... an 18-kilogram
  piece would be worth about $3,000"; "an average of 2,000 visitors a day
  over the five-day expo, or 10,000 visitors in all". The rate is a figure
  with a per-unit noun ('$6 a gram', '2,000 visitors a day'); the amount is
  a figure in the rate's unit or one of the same dimension ('18-kilogram' for
  'a gram', 'five-day' for 'a day', '1.2 million residents' for 'per
  resident'); the total is the figure the rate counts or pays (dollars,
  visitors). Amount and total are in one sentence, the rate in it or within
  :data:`REACH` sentences; all three must be stated, or nothing is claimed.
* rates compared over time: "around 600,000 officers and about 156 gunfire
  deaths ... about 900,000 officers and only 47 gunfire deaths - a
  per-capita decrease of nearly 21 percent". The counts and populations of
  both periods are stated, the rates are not: each period gets a rate claim
  with an implied rate (deaths per officer), and the change links the two
  implied rates.

Units are matched here by a small table of dimensions, so drafting never
loads pint; the checker converts them exactly.
"""

from __future__ import annotations

import re

from validator.extract.found import Claim, Implied
from validator.extract.mentions import Mention, rate_units
from validator.extract.sentences import Sentence
from validator.numbers import Kind
from validator.units import PER_PERSON, UNIT_WORDS

REACH = 2
_DIMENSION = {
    "mass": {"metric_ton", "short_ton", "kilogram", "gram", "milligram", "pound", "ounce"},
    "length": {"meter", "kilometer", "centimeter", "millimeter", "mile", "foot", "inch"},
    "area": {"kilometer ** 2", "mile ** 2", "hectare", "acre"},
    "volume": {"liter", "oil_barrel", "gallon"},
    "time": {"second", "minute", "hour", "day", "week", "year"},
    "energy": {"kilowatt_hour", "megawatt_hour", "gigawatt_hour", "terawatt_hour"},
    "power": {"watt", "kilowatt", "megawatt", "gigawatt"},
}
_DIMENSION_OF = {name: dim for dim, names in _DIMENSION.items() for name in names}
_PEOPLE = PER_PERSON | {"population", "citizens", "adults", "persons", "individuals", "capita"}
_TOTAL_CUE = re.compile(
    r"\b(?:worth|cost|costs|costing|total|totals|totalled|totaled|in\s+all|altogether|came\s+to|"
    r"amount(?:s|ed|ing)?\s+to|or|=)\s*$",
    re.I,
)


def dimension(word: str | None) -> str | None:
    """'kilogram' -> 'mass', 'days' -> 'time'; None for a plain noun."""
    if not word:
        return None
    key = " ".join(word.lower().replace("-", " ").split())
    name = UNIT_WORDS.get(key) or UNIT_WORDS.get(key.split(" ")[0])
    return _DIMENSION_OF.get(name) if name else None


def _singular(word: str) -> str:
    word = word.lower()
    for end, repl in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if word.endswith(end) and len(word) > len(end) + 2:
            return word[: -len(end)] + repl
    return word


def _head(noun: str | None) -> str | None:
    words = re.findall(r"[a-z]+", (noun or "").lower())
    return _singular(words[-1]) if words else None


def _is_rate(m: Mention) -> bool:
    return m.kind is Kind.NUMBER and rate_units(m.noun) is not None


# ------------------------------------------------------------------ stated rates
def stated(sentences: list[Sentence], mentions: list[list[Mention]], claims: list[Claim]) -> list[Claim]:
    """Rate claims whose rate, amount and total are all stated."""
    out: list[Claim] = []
    taken: set[int] = set()
    for s in sentences:
        for r in mentions[s.index]:
            if not r.is_amount or not _is_rate(r):
                continue
            num, den = rate_units(r.noun)
            for t in sorted(_near(s.index, sentences), key=lambda k: abs(k - s.index)):
                found = _amount_and_total(r, num, den, sentences[t], mentions[t], taken)
                if found is None:
                    continue
                amount, total = found
                taken.update((id(amount), id(total)))
                here = [x for x in (r, amount, total) if x.sentence == t]
                a = min(x.quote_start for x in here)
                b = max(x.noun_end or x.end for x in here)
                claim = Claim("rate", {"total": total, "rate": r, "amount": amount}, a, b, t,
                              confidence=0.7 if t == s.index else 0.6)  # fmt: skip
                if t != s.index:
                    claim.notes.append(f"the rate is from the sentence: {sentences[s.index].text[:80]}")
                out.append(claim)
                break
    return out


def _near(index: int, sentences: list[Sentence]) -> list[int]:
    return [s.index for s in sentences if abs(s.index - index) <= REACH]


def _amount_and_total(r: Mention, num: str, den: str, s: Sentence, ms: list[Mention], taken: set[int]):
    """In one sentence: the number of units (in the rate's unit) and the total (what the rate counts or pays)."""
    amounts = [m for m in ms if m is not r and id(m) not in taken and _counts_units(m, den)]
    totals = [m for m in ms if m is not r and id(m) not in taken and _totals(m, r, num)]
    pairs = [(a, t) for a in amounts for t in totals if a is not t and _linked(s, ms, a, t)]
    if len(pairs) > 1:  # several figures could be the total or the amount: the one said to be the total
        pairs = [(a, t) for a, t in pairs if _TOTAL_CUE.search(s.text[: t.quote_start - s.start])]
    return pairs[0] if len(pairs) == 1 else None


_NOUN_WORDS = r"(?:(?!(?:that|which|who|whose|where|when|in|of|from|by|with|while|and|but)\b)[a-z-]+(?:,\s*|\s+)){0,3}?"
# The amount, then the total said of the same thing: "an 18-kilogram fulgurite would be worth about $3,000",
# "a 10-ounce bar sold for $20,000", "over the five-day expo, or 10,000 visitors in all".
_AMOUNT_THEN_TOTAL = re.compile(
    rf"^\s*{_NOUN_WORDS}(?:(?:would|will|could|might)\s+be\s+|is\s+|was\s+|are\s+|were\s+|be\s+)?"
    r"(?:worth|cost|costs|costing|sold\s+for|sells\s+for|sell\s+for|selling\s+for|priced\s+at|fetch(?:es|ed)?|"
    r"totall?(?:ed|ing)|came\s+to|comes?\s+to|amount(?:s|ed|ing)?\s+to|(?:,\s*)?or)\s+(?:a\s+total\s+of\s+)?$",
    re.I,
)
# The total, then what it is for: "$480 million for its 1.2 million residents", "10,000 visitors over five days".
_TOTAL_THEN_AMOUNT = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,2}?(?:for|over|across|during)\s+(?:(?:its|the|their|his|her|a|an|all)\s+)?$", re.I
)


def _linked(s: Sentence, ms: list[Mention], a: Mention, t: Mention) -> bool:
    """Amount and total said of one thing, next to each other, with nothing counted between them."""
    x, y = sorted((a, t), key=lambda m: m.start)
    # "over seven days": 'over' is read as a qualifier ('over 42,000'), and here it links the two
    end = y.start if (y.qualifier or "").lower() in ("over", "for") else y.quote_start
    between = s.text[(x.noun_end or x.end) - s.start : end - s.start]
    if any(x.end <= m.start < y.start for m in ms if m.is_amount and m is not y):
        return False
    return (_AMOUNT_THEN_TOTAL if x is a else _TOTAL_THEN_AMOUNT).match(between) is not None


def _counts_units(m: Mention, den: str) -> bool:
    """'18-kilogram' for 'a gram', 'five-day' for 'a day', '1.2 million residents' for 'per resident'."""
    if m.role not in ("amount", "duration") or m.written is None or m.kind is not Kind.NUMBER or m.written.currency:
        return False
    if _is_rate(m) or not m.noun:
        return False
    unit = dimension(den)
    if unit is not None:
        return dimension(m.noun.split()[0]) == unit
    head = _head(m.noun)
    if den in PER_PERSON:
        return head in _PEOPLE or head == "people"
    return head == _singular(den)


def _totals(m: Mention, r: Mention, num: str) -> bool:
    """What the rate counts or pays: the same currency ('$6 a gram': dollars), or the same noun ('visitors')."""
    if m.role != "amount" or not m.is_amount or m.kind is not Kind.NUMBER or _is_rate(m):
        return False
    if r.written.currency:
        return m.written.currency == r.written.currency
    return bool(num and m.noun and _head(num) == _head(m.noun))


# ------------------------------------------------------------------ rates compared over time
def per_capita(claim: Claim, sentences: list[Sentence], mentions: list[list[Mention]], used: set[int]) -> list[Claim]:
    """'600,000 officers and 156 deaths ... 900,000 officers and 47 deaths - a per-capita decrease of 21 percent':
    a rate claim for each period, with its rate implied, and the change between the implied rates."""
    change = claim.fields.get("change")
    here = claim.sentence
    pool = [
        m
        for s in sentences
        if here - REACH <= s.index <= here
        for m in mentions[s.index]
        if m.is_amount and m.kind is Kind.NUMBER and m is not change and _noun(m) and not _is_rate(m)
    ]
    groups: list[list[Mention]] = []
    for m in pool:
        group = next((g for g in groups if _same(g[0], m)), None)
        if group is None:
            groups.append([m])
        else:
            group.append(m)
    pairs = [g for g in groups if len(g) == 2]
    if len(pairs) != 2:
        return []
    people = _population(pairs, sentences[here].text)
    if people is None:
        return []
    counts = pairs[1 - pairs.index(people)]
    if any(id(m) in used for m in counts + people):
        return []
    (c0, c1), (p0, p1) = sorted(counts, key=lambda m: m.start), sorted(people, key=lambda m: m.start)
    noun = f"{_noun(counts[0])} per {_head(_noun(people[0]))}"
    rates = [Implied(noun, c.period or p.period, c, "rate") for c, p in ((c0, p0), (c1, p1))]
    out = []
    for c, p, rate in ((c0, p0, rates[0]), (c1, p1, rates[1])):
        a, b = min(c.quote_start, p.quote_start), max(c.noun_end or c.end, p.noun_end or p.end)
        out.append(Claim("rate", {"total": c, "rate": rate, "amount": p}, a, b, c.sentence, confidence=0.6,
                         notes=[f"the rate is not stated: {noun}, implied by the two figures"]))  # fmt: skip
    claim.fields["from"], claim.fields["to"] = rates
    claim.notes = [n for n in claim.notes if "per-capita" not in n]
    claim.notes.append(f"a change of a rate: {noun}, implied by the counts of each period")
    claim.confidence = min(claim.confidence, 0.6)
    used.update(id(m) for m in counts + people)
    return out


def _noun(m: Mention) -> str | None:
    """What a count counts: its noun, or its subject ('officers numbered around 600,000')."""
    return m.noun or m.subject


def _same(a: Mention, b: Mention) -> bool:
    wa = set(re.findall(r"[a-z]+", _noun(a).lower()))
    wb = set(re.findall(r"[a-z]+", _noun(b).lower()))
    return _head(_noun(a)) == _head(_noun(b)) or bool({_singular(w) for w in wa} & {_singular(w) for w in wb} - {"the"})


def _population(pairs: list[list[Mention]], sentence: str) -> list[Mention] | None:
    """Which pair counts the people (or units) the rate is per: named after 'per', people, or the larger."""
    per = re.search(r"\bper[-\s]+([a-z]+)", sentence, re.I)
    for g in pairs:
        head = _head(_noun(g[0]))
        if per and per.group(1).lower() not in ("capita", "head", "person") and head == _singular(per.group(1)):
            return g
    people = [g for g in pairs if _head(_noun(g[0])) in _PEOPLE]
    if len(people) == 1:
        return people[0]
    a, b = (sorted(g, key=lambda m: m.start) for g in pairs)
    if all(x.written.value > y.written.value for x, y in zip(a, b, strict=True)):
        return pairs[0]
    if all(x.written.value < y.written.value for x, y in zip(a, b, strict=True)):
        return pairs[1]
    return None
