"""Exact unit conversions through pint, imported only when a fact sheet measures something.

Every unit reaching pint comes from the allowlist in :mod:`validator.units`.
The registry uses Fraction magnitudes, so conversions are exact (1 mile is
exactly 1.609344 km); currencies are base dimensions of their own, so yuan and
dollars convert only through a rate the fact sheet states.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

from validator.exact import Q


class DimensionError(ValueError):
    """Two units measure different things; the message names both."""


_DEFINITIONS = [
    "US_dollar = [currency_USD] = USD",
    "US_cent = US_dollar / 100",
    "Chinese_yuan = [currency_CNY] = CNY",
    "euro = [currency_EUR] = EUR",
    "pound_sterling = [currency_GBP] = GBP",
    "GBP_penny = pound_sterling / 100",
    "Japanese_yen = [currency_JPY] = JPY",
    "Korean_won = [currency_won] = won",
    "Indian_rupee = [currency_INR] = INR",
    "Hong_Kong_dollar = [currency_HKD] = HKD",
    "New_Taiwan_dollar = [currency_TWD] = TWD",
    "Australian_dollar = [currency_AUD] = AUD",
    "Canadian_dollar = [currency_CAD] = CAD",
    "Singapore_dollar = [currency_SGD] = SGD",
    "New_Zealand_dollar = [currency_NZD] = NZD",
    "Brazilian_real = [currency_BRL] = BRL",
    "Swiss_franc = [currency_CHF] = CHF",
    "person = [person]",
]


@cache
def registry():
    """pint's default registry with exact magnitudes and our currencies (built once, ~0.3 s, cached)."""
    import pint

    try:
        ureg = pint.UnitRegistry(non_int_type=Fraction, cache_folder=":auto:")
    except Exception:  # noqa: BLE001 - an unusable cache folder must not stop the check
        ureg = pint.UnitRegistry(non_int_type=Fraction)
    for definition in _DEFINITIONS:
        ureg.define(definition)
    return ureg


@cache
def factor(source: str, target: str) -> Q:
    """How many ``target`` one ``source`` is (1 for the same unit); DimensionError if they differ in kind."""
    if source == target:
        return Q(1)  # the same unit: no need to load pint's registry (about 50 ms)
    import pint

    ureg = registry()
    src, dst = ureg.parse_units(source), ureg.parse_units(target)
    try:
        return Q(ureg.Quantity(Fraction(1), src).m_as(dst))
    except pint.DimensionalityError:
        raise DimensionError(f"{describe(source)} and {describe(target)} measure different things") from None


@cache
def dimension(expression: str) -> str:
    """A readable dimension ('mass', 'currency_USD / mass', 'dimensionless')."""
    ureg = registry()
    dims = ureg.parse_units(expression).dimensionality
    if not dims:
        return "dimensionless"
    top = [name.strip("[]") + (f"^{int(p)}" if p != 1 else "") for name, p in dims.items() if p > 0]
    bottom = [name.strip("[]") + (f"^{int(-p)}" if p != -1 else "") for name, p in dims.items() if p < 0]
    return " * ".join(top or ["1"]) + (" / " + " * ".join(bottom) if bottom else "")


def describe(expression: str) -> str:
    """Unit names as people say them, never through pint's formatter (broken for Fractions on 3.11)."""
    return expression.replace("_", " ").replace("metric ton", "tonne").replace(" ** 2", "²").replace(" ** 3", "³")
