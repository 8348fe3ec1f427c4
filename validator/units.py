"""Unit words: which nouns measure (tonnes, dollars, percent) rather than count.

This table is plain data so that deciding whether a fact sheet needs units at
all never imports pint.
"""

from __future__ import annotations

MEASURE_WORDS = frozenset(
    """
    percent per cent % points point pp basis bp bps
    dollar dollars usd us$ $ yuan cny rmb renminbi euro euros eur pound pounds gbp sterling £ € ¥
    yen jpy won krw rupee rupees inr pence p cents cent franc francs
    tonne tonnes ton tons t kilogram kilograms kg gram grams g pound lb lbs ounce ounces oz
    metre metres meter meters m kilometre kilometres kilometer kilometers km mile miles mi
    litre litres liter liters l barrel barrels gallon gallons
    hectare hectares ha acre acres square
    hour hours minute minutes second seconds day days week weeks month months year years
    kwh mwh gwh twh watt watts kw mw gw
    degree degrees celsius fahrenheit
    """.split()
)


def is_measure(noun: str) -> bool:
    """Whether a unit text measures an amount (money, mass, time...) instead of counting things."""
    words = noun.lower().replace("-", " ").split()
    if not words:
        return False
    return words[0] in MEASURE_WORDS or noun.lower() in MEASURE_WORDS
