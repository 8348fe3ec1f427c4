"""What a figure is measured in, read from its words without loading pint.

The reader pairs figures only when they can be compared: amounts of one
currency ('60 cents' and 'three dollars'), or of one measuring unit
('tonnes' and 'tonnes'), or plain counts. The checker converts units exactly
(:mod:`validator.measure`); here only their names are compared.
"""

from __future__ import annotations

from validator.extract.mentions import Mention
from validator.units import CURRENCY_WORDS, parse_unit

_MINOR = {"US_cent": "USD", "GBP_penny": "GBP"}


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
