"""Unit words: which nouns measure (tonnes, dollars, hours) rather than count things.

Plain data and a small parser, so that deciding whether a fact sheet needs
units at all never imports pint. Only words in this allowlist ever reach pint
(as the pint names they map to): pint reads '3.2m' as metres and 'k' as the
Boltzmann constant, so article text is never handed to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# word (lowercase) -> pint unit name. Plurals are listed: pint would guess them,
# and a guess is exactly what this table exists to prevent.
UNIT_WORDS: dict[str, str] = {}


def _add(name: str, *words: str) -> None:
    for word in words:
        UNIT_WORDS[word] = name


_add("metric_ton", "tonne", "tonnes", "ton", "tons", "metric ton", "metric tons", "t")
_add("short_ton", "short ton", "short tons")
_add("kilogram", "kilogram", "kilograms", "kilo", "kilos", "kg", "kgs")
_add("gram", "gram", "grams", "g")
_add("milligram", "milligram", "milligrams", "mg")
_add("pound", "pound", "pounds", "lb", "lbs")
_add("ounce", "ounce", "ounces", "oz")
_add("meter", "metre", "metres", "meter", "meters", "m")
_add("kilometer", "kilometre", "kilometres", "kilometer", "kilometers", "km")
_add("centimeter", "centimetre", "centimetres", "centimeter", "centimeters", "cm")
_add("millimeter", "millimetre", "millimetres", "millimeter", "millimeters", "mm")
_add("mile", "mile", "miles", "mi")
_add("foot", "foot", "feet", "ft")
_add("inch", "inch", "inches")
_add("hectare", "hectare", "hectares", "ha")
_add("acre", "acre", "acres")
_add("kilometer ** 2", "square kilometre", "square kilometres", "square kilometer", "square kilometers", "km2", "sq km")
_add("mile ** 2", "square mile", "square miles", "sq mi")
_add("liter", "litre", "litres", "liter", "liters", "l")
_add("oil_barrel", "barrel", "barrels", "bbl")
_add("gallon", "gallon", "gallons")
_add("second", "second", "seconds", "sec", "s")
_add("minute", "minute", "minutes", "min")
_add("hour", "hour", "hours", "hr", "h")
_add("day", "day", "days")
_add("week", "week", "weeks")
_add("year", "year", "years", "yr")
_add("kilowatt_hour", "kwh", "kilowatt-hour", "kilowatt-hours", "kilowatt hour", "kilowatt hours")
_add("megawatt_hour", "mwh", "megawatt-hour", "megawatt-hours")
_add("gigawatt_hour", "gwh", "gigawatt-hour", "gigawatt-hours")
_add("terawatt_hour", "twh", "terawatt-hour", "terawatt-hours")
_add("watt", "watt", "watts", "w")
_add("kilowatt", "kilowatt", "kilowatts", "kw")
_add("megawatt", "megawatt", "megawatts", "mw")
_add("gigawatt", "gigawatt", "gigawatts", "gw")
_add("kilometer / hour", "km/h", "kph", "kmh")
_add("mile / hour", "mph")

# Currencies: each is its own dimension (never converted without a stated rate).
# ISO code -> words. Minor units are defined as hundredths.
CURRENCY_WORDS: dict[str, str] = {}
for code, words in {
    "USD": ("usd", "dollar", "dollars", "us dollar", "us dollars", "$", "us$"),
    "US_cent": ("cent", "cents", "us cents"),
    "CNY": ("cny", "yuan", "rmb", "renminbi", "¥"),
    "EUR": ("eur", "euro", "euros", "€"),
    "GBP": ("gbp", "sterling", "pounds sterling", "pound sterling", "£"),
    "GBP_penny": ("p", "pence", "penny"),
    "JPY": ("jpy", "yen"),
    # North and South Korean won are told apart only when the article does; plain 'won' is either.
    "won": ("won", "krw", "kpw", "north korean won", "south korean won"),
    "INR": ("inr", "rupee", "rupees"),
    "HKD": ("hkd", "hk$", "hong kong dollar", "hong kong dollars"),
    "TWD": ("twd", "nt$", "new taiwan dollar", "new taiwan dollars"),
    "AUD": ("aud", "a$", "au$", "australian dollar", "australian dollars"),
    "CAD": ("cad", "c$", "ca$", "canadian dollar", "canadian dollars"),
    "SGD": ("sgd", "s$", "singapore dollar", "singapore dollars"),
    "NZD": ("nzd", "nz$", "new zealand dollar", "new zealand dollars"),
    "BRL": ("brl", "r$", "real", "reais", "brazilian real"),
    "CHF": ("chf", "swiss franc", "swiss francs", "franc", "francs"),
}.items():
    for word in words:
        CURRENCY_WORDS[word] = code

# Nouns that mean "per person": the denominator of a per-capita rate.
PER_PERSON = {"capita", "head", "person", "people", "resident", "residents", "inhabitant", "inhabitants"}
PERCENT_WORDS = {"percent", "per cent", "%", "points", "point", "pp", "percentage points", "basis points", "bp"}


@dataclass(frozen=True)
class Unit:
    """A unit read from words: a pint expression over allowlisted names, and how to say it."""

    expression: str  # e.g. "USD / gram", "metric_ton", "1 / person"
    label: str  # as the article wrote it: 'a gram', 'tonnes'

    @property
    def currencies(self) -> set[str]:
        return {c for c in CURRENCY_CODES if re.search(rf"\b{c}\b", self.expression)}


CURRENCY_CODES = frozenset(CURRENCY_WORDS.values())


def _one(words: str) -> str | None:
    """The pint name of one unit phrase, or None for a plain noun ('exhibitors')."""
    key = " ".join(words.lower().replace("-", " ").split())
    if key in CURRENCY_WORDS:
        return CURRENCY_WORDS[key]
    if key in UNIT_WORDS:
        return UNIT_WORDS[key]
    if key.startswith(("square ", "cubic ")) and key.split(" ", 1)[1] in UNIT_WORDS:
        power = 2 if key.startswith("square") else 3
        return f"{UNIT_WORDS[key.split(' ', 1)[1]]} ** {power}"
    # 'tonnes of rice', 'kilometres of road': the unit is the first word(s).
    head = key.split(" of ", 1)[0]
    if head != key:
        return _one(head)
    return None


@lru_cache(maxsize=4096)
def parse_unit(text: str | None, currency: str | None = None) -> Unit | None:
    """'tonnes' -> metric_ton; 'a gram' with '$' -> USD / gram; 'visitors a day' -> 1 / day.

    Count nouns ('visitors', 'exhibitors') carry no dimension: what they count
    is the same kind of thing on both sides of a claim, and that is checked by
    the noun, not by pint. None when nothing in the text measures.
    """
    text = (text or "").strip().lower().lstrip("-").strip()
    if text in PERCENT_WORDS:
        return None
    numerator, denominator = text, ""
    match = re.match(r"^(.*?)(?:^|\s+)(?:per|a|an|each|every|/)\s+(.+)$", text) or re.match(r"^(.*?)/(.+)$", text)
    if match:
        numerator, denominator = match.group(1).strip(), match.group(2).strip()
    top = _one(numerator) if numerator else None
    if top is None and numerator in PER_PERSON:
        top = "person"
    if top is None and currency is None and numerator and numerator.split(" ")[0] in UNIT_WORDS:
        top = UNIT_WORDS[numerator.split(" ")[0]]
    bottom = None
    if denominator:
        bottom = "person" if denominator in PER_PERSON else _one(denominator)
    parts = [p for p in (currency, top) if p]
    if not parts and bottom is None:
        return None
    expression = " * ".join(parts) or "1"
    if bottom:
        expression = (
            f"({expression}) / ({bottom})" if " " in expression or " " in bottom else f"{expression} / {bottom}"
        )
    return Unit(expression, text or (currency or ""))


def is_measure(noun: str) -> bool:
    """Whether a unit text measures an amount (money, mass, time...) instead of counting things.

    People are counted, even though 'per person' is a unit of its own.
    """
    key = noun.lower().strip()
    if key in PERCENT_WORDS:
        return True
    unit = parse_unit(key)
    return unit is not None and unit.expression != "person"
