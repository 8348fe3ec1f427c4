"""Numbers as journalists write them, read exactly and with their precision.

``parse("more than 6,000")`` gives a :class:`Written`: the value 6000, the
precision of its last written digit (1), the precision it has if its trailing
zeros are only rounding (1,000), the qualifier "more than", and the text as
written. :meth:`Written.interval` turns that into the set of true values the
wording allows, under the reading policies of :mod:`validator.policy`.

Only digits, number words and the few symbols of news copy are read here; a
word after the number is kept as its unit or noun, never interpreted.
"""

from __future__ import annotations

import numbers
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from validator.exact import Q
from validator.interval import Interval
from validator.policy import Policy, QualifierReach, Rounding, TrailingZeros

MAX_DIGITS = 30
MAX_EXPONENT = 30


class NumberFormatError(ValueError):
    """The text is not a number we can read; ``str()`` says why, plainly."""


class Kind(StrEnum):
    NUMBER = "number"
    PERCENT = "percent"
    POINTS = "points"  # percentage points; basis points are read as hundredths
    MULTIPLE = "multiple"  # four times, threefold, doubled, halved
    FRACTION = "fraction"  # one in three, a third, two in every 7,000


class Qualifier(StrEnum):
    EXACTLY = "exactly"
    ABOUT = "about"
    MORE_THAN = "more than"
    AT_LEAST = "at least"
    LESS_THAN = "less than"
    AT_MOST = "at most"
    NEARLY = "nearly"


QUALIFIER_WORDS: dict[str, Qualifier] = {
    "exactly": Qualifier.EXACTLY,
    "precisely": Qualifier.EXACTLY,
    "about": Qualifier.ABOUT,
    "around": Qualifier.ABOUT,
    "approximately": Qualifier.ABOUT,
    "approx.": Qualifier.ABOUT,
    "approx": Qualifier.ABOUT,
    "roughly": Qualifier.ABOUT,
    "some": Qualifier.ABOUT,
    "an estimated": Qualifier.ABOUT,
    "estimated": Qualifier.ABOUT,
    "circa": Qualifier.ABOUT,
    "~": Qualifier.ABOUT,
    "more than": Qualifier.MORE_THAN,
    "over": Qualifier.MORE_THAN,
    "just over": Qualifier.MORE_THAN,
    "above": Qualifier.MORE_THAN,
    "surpassed": Qualifier.MORE_THAN,
    "surpassing": Qualifier.MORE_THAN,
    "exceeded": Qualifier.MORE_THAN,
    "exceeding": Qualifier.MORE_THAN,
    "in excess of": Qualifier.MORE_THAN,
    "upwards of": Qualifier.MORE_THAN,
    "greater than": Qualifier.MORE_THAN,
    "at least": Qualifier.AT_LEAST,
    "no fewer than": Qualifier.AT_LEAST,
    "no less than": Qualifier.AT_LEAST,
    "not less than": Qualifier.AT_LEAST,
    "a minimum of": Qualifier.AT_LEAST,
    "less than": Qualifier.LESS_THAN,
    "fewer than": Qualifier.LESS_THAN,
    "under": Qualifier.LESS_THAN,
    "just under": Qualifier.LESS_THAN,
    "below": Qualifier.LESS_THAN,
    "up to": Qualifier.AT_MOST,
    "at most": Qualifier.AT_MOST,
    "no more than": Qualifier.AT_MOST,
    "not more than": Qualifier.AT_MOST,
    "a maximum of": Qualifier.AT_MOST,
    "nearly": Qualifier.NEARLY,
    "almost": Qualifier.NEARLY,
    "close to": Qualifier.NEARLY,
    "just shy of": Qualifier.NEARLY,
}


def qualifier_from_text(text: str) -> Qualifier:
    """Read a qualifier field ("over", "More than", "at least")."""
    key = " ".join(text.lower().split())
    if key in QUALIFIER_WORDS:
        return QUALIFIER_WORDS[key]
    known = ", ".join(sorted({q.value for q in Qualifier}))
    raise NumberFormatError(f"unknown qualifier {text!r} (known: {known}, and their synonyms)")


@dataclass(frozen=True, slots=True)
class Written:
    """One number as written, with everything its wording says about precision."""

    text: str
    value: Q
    step: Q  # one unit of the last written digit (0: exact)
    round_step: Q  # the same, if trailing zeros of a whole number are only rounding
    kind: Kind = Kind.NUMBER
    qualifier: Qualifier | None = None
    unit: str | None = None
    currency: str | None = None
    words: tuple[str, ...] = ()  # words around the number that are not part of it
    per: Q | None = None  # "n in d" and "halved": value is per/d and d carries the rounding
    from_words: bool = False
    decimal_places: int = 0

    @property
    def exact(self) -> bool:
        """Written as exact: 'exactly 102', or a number with no rounding at all."""
        return self.qualifier is Qualifier.EXACTLY or self.step == 0

    @property
    def significant(self) -> int:
        """Significant digits as written: 4,800 has 4, 0.04 has 1, 13.8 has 3."""
        units = abs(self.value) / self.step if self.step else Q(0)
        if units.denominator != 1 or units == 0:
            return 1
        return len(str(units.numerator))

    @property
    def two_figure_step(self) -> Q:
        """The step if trailing zeros are rounding: to the hundred or coarser, and to two
        significant figures at most.

        4,800 may be rounded to the hundred (4,750 to 4,850); 110 and 530 keep their
        single zero as a digit; 70 and 3,000 are not read as rounded to one figure,
        which would allow almost anything.
        """
        if self.round_step < self.step * 100:
            return self.step
        return min(self.round_step, self.step * 10 ** max(self.significant - 2, 0))

    @property
    def shown(self) -> str:
        """The text with its qualifier, when the qualifier was given apart ('over 65 percent')."""
        if self.qualifier is None or _take_qualifier(_normalise(self.text).lower())[0] is not None:
            return self.text
        return f"{self.qualifier.value} {self.text}"

    def with_qualifier(self, qualifier: Qualifier | None) -> Written:
        return Written(**{**_fields(self), "qualifier": qualifier})

    def interval(self, policy: Policy, lenient: bool = False) -> Interval:
        """The true values this wording allows.

        The strict reading takes trailing zeros at face value and rounding to
        the nearest; the lenient reading lets them be rounding and lets the
        last digit be truncated, when the policy allows it.
        """
        if self.qualifier is Qualifier.EXACTLY or self.step == 0:
            return Interval.point(self.value)
        step = self.step
        if policy.trailing_zeros is TrailingZeros.ROUNDED:
            step = self.round_step
        elif lenient and policy.trailing_zeros is TrailingZeros.EITHER:
            step = self.two_figure_step
        # Truncation matters only in figures written with three or more significant digits.
        truncated = (
            lenient and policy.rounding is Rounding.NEAREST_OR_TRUNCATED and self.significant >= 3 and step == self.step
        )
        if self.qualifier is not None:
            return self._qualified(policy, lenient)
        if self.per is not None:
            denominator = self.per / self.value
            if self.kind is Kind.FRACTION and denominator <= _SMALL_DENOMINATOR and denominator.denominator == 1:
                return _two_figures(self.value)  # 'a quarter', 'one in four': the proportion they name
            return _per_interval(self.per, denominator, step, truncated)
        half = step / 2
        if not truncated:
            return Interval(self.value - half, self.value + half)
        if self.value >= 0:
            return Interval(self.value - half, self.value + step, False, True)
        return Interval(self.value - step, self.value + half, True, False)

    def _qualified(self, policy: Policy, lenient: bool = False) -> Interval:
        unbounded = policy.qualifier_reach is QualifierReach.UNBOUNDED or (
            lenient and policy.qualifier_reach is QualifierReach.EITHER
        )
        if self.kind is Kind.MULTIPLE and self.from_words:
            return self._qualified_multiple(unbounded)
        v = self.value
        # One step of the last non-zero digit, but never more than a tenth of the number:
        # "more than 200,000" reaches 220,000, not 300,000.
        reach = max(min(self.round_step, abs(v) / 10), self.step)
        if self.per is not None:
            base = _per_interval(self.per, self.per / v, reach * 2, False)
            lo, hi = base.lo, base.hi
        else:
            lo, hi = v - reach, v + reach
        q = self.qualifier
        if q is Qualifier.ABOUT:
            near = max(min(self.round_step / 2, abs(v) / 10), self.step)
            if self.per is not None:
                return _per_interval(self.per, self.per / v, near * 2, False)
            return Interval(v - near, v + near)
        if q is Qualifier.MORE_THAN:
            return Interval(v, None if unbounded else hi, True, True)
        if q is Qualifier.AT_LEAST:
            return Interval(v, None if unbounded else hi, False, True)
        if q is Qualifier.LESS_THAN or q is Qualifier.NEARLY:
            return Interval(None if unbounded else lo, v, True, True)
        if q is Qualifier.AT_MOST:
            return Interval(None if unbounded else lo, v, True, False)
        raise AssertionError(q)

    def _qualified_multiple(self, unbounded: bool) -> Interval:
        """'more than doubled', 'nearly tripled', 'roughly halved': a factor named by a word
        widens only the way its qualifier says. Downwards and around, by a tenth of the factor,
        as other qualifiers reach ('nearly doubled' is 1.8 to 2 times); upwards, up to the next
        whole multiple, which would have its own word ('more than doubled' is 2 to 3 times).
        For 'halved' the divisor widens: 'more than halved' divides by 2 to 3."""
        factor = self.per / self.value if self.per is not None else self.value
        unit = self.step * 10
        q = self.qualifier
        if q is Qualifier.ABOUT:
            lo, hi, lo_open, hi_open = factor - factor / 10, factor + factor / 10, False, False
        elif q in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
            lo, hi, lo_open, hi_open = factor, None if unbounded else factor + unit, q is Qualifier.MORE_THAN, True
        else:  # nearly, less than, at most
            lo = None if unbounded else factor - factor / 10
            lo_open, hi_open = True, q is not Qualifier.AT_MOST
            hi = factor
        if self.per is None:
            return Interval(lo, hi, lo_open, hi_open)
        # The divisor's interval, turned into the factor's (1 / divisor): the ends swap.
        low = None if hi is None else self.per / hi
        high = None if lo is None or lo <= 0 else self.per / lo
        return Interval(low if low is not None else Q(0), high, hi_open if hi is not None else False, lo_open)


def _factor_step(n: Q) -> Q:
    """A factor named by a word is stated to two significant figures: 'doubled' is 1.95 to 2.05
    times, 'twenty times' 19.5 to 20.5."""
    step = Q(1, 10)
    while n >= step * 100:
        step *= 10
    return step


def _fields(w: Written) -> dict:
    return {name: getattr(w, name) for name in Written.__slots__}


# 'a quarter', 'two-thirds', 'one in four': a proportion with a small denominator names that proportion, to two
# significant figures (as 'doubled' names a factor of 1.95 to 2.05), not any proportion whose denominator rounds to
# it ('one in four' is not 28.6%, though 3.5 rounds to 4). '2 in every 7,000' keeps the rounding of its 7,000.
_SMALL_DENOMINATOR = 10


def _two_figures(value: Q) -> Interval:
    """The values that round to ``value`` at two significant figures (1/3 -> 0.325 to 0.335)."""
    x = abs(value)
    if x == 0:
        return Interval.point(value)
    k = 0  # 10**k <= x < 10**(k + 1)
    while x >= Q(10) ** (k + 1):
        k += 1
    while x < Q(10) ** k:
        k -= 1
    unit = Q(10) ** (k - 1)
    scaled = x / unit
    nearest = (2 * scaled.numerator + scaled.denominator) // (2 * scaled.denominator) * unit
    nearest = nearest if value > 0 else -nearest
    return Interval(nearest - unit / 2, nearest + unit / 2)


def _per_interval(numerator: Q, denominator: Q, step: Q, truncated: bool) -> Interval:
    """``numerator / d`` where only the denominator d carries rounding."""
    half = step / 2
    lo_d = denominator - half
    hi_d = denominator + (step if truncated else half)
    if lo_d <= 0:
        return Interval(numerator / hi_d, None, truncated, True)
    return Interval(numerator / hi_d, numerator / lo_d, truncated, False)


# --------------------------------------------------------------------------- words
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
}  # fmt: skip
_MULTIPLE_WORDS = {
    "twice": 2, "double": 2, "doubled": 2, "doubles": 2, "doubling": 2,
    "triple": 3, "tripled": 3, "triples": 3, "tripling": 3, "treble": 3, "trebled": 3,
    "quadruple": 4, "quadrupled": 4, "quadruples": 4, "quadrupling": 4,
    "quintuple": 5, "quintupled": 5, "quintupling": 5,
    "sextuple": 6, "sextupled": 6,
}  # fmt: skip
_HALVING_WORDS = {"halve", "halved", "halves", "halving"}
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES) | {"dozen"}
_MAGNITUDES = {
    "thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "mln": 10**6, "m": 10**6,
    "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12, "trn": 10**12,
}  # fmt: skip
_CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "us $": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP", "€": "EUR", "eur": "EUR",
    "¥": "CNY", "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "nt$": "TWD", "twd": "TWD", "hk$": "HKD", "hkd": "HKD",
    "a$": "AUD", "au$": "AUD", "aud": "AUD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "s$": "SGD", "sgd": "SGD",
    "nz$": "NZD", "nzd": "NZD", "r$": "BRL", "₹": "INR", "rs.": "INR", "rs": "INR", "inr": "INR", "₩": "won", "krw": "won",
    "jpy": "JPY", "chf": "CHF",
}  # fmt: skip
# Letters that name a currency are read as one only before a figure ('USD 6.63 billion', 'Rs 500').
_CURRENCY_CODES = {k for k in _CURRENCY_SYMBOLS if k.isalpha() or k.rstrip(".").isalpha()}
_CURRENCY_FIRST = re.compile(
    "(?:" + "|".join(re.escape(k) for k in sorted(_CURRENCY_SYMBOLS, key=len, reverse=True)) + r")\s?[\d.]"
)

_PERCENT = re.compile(r"%|percent\b|per\s+cent\b|pct\b")
_POINTS = re.compile(r"percentage\s+points?\b|percent(?:age)?\s+pts?\b|points?\b|pts?\b|pp\b|ppts?\b")
_BASIS = re.compile(r"basis\s+points?\b|bps?\b")
_MULTIPLE_SUFFIX = re.compile(r"(?:-?fold|x|times)\b")
_OF_A_POINT = re.compile(r"of a (?:percentage )?point\b")
_MAGNITUDE_WORD = re.compile(r"(thousand|million|billion|trillion|mn|mln|bn|trn|tn|k|m|b)\b")
_CONTINUES = re.compile(r"[\d.,]")
_DIGIT = re.compile(r"\d")
_DIGIT_MULTIPLE = re.compile(r"\d+(?:\.\d+)?(?:-?fold|x)")
_WORD_SPLIT = re.compile(r"[\s-]")
# Qualifiers, longest first, so 'just over' wins over 'over'.
_QUALIFIER = re.compile(
    "|".join(re.escape(q) + ("" if q == "~" else r"(?![\w])") for q in sorted(QUALIFIER_WORDS, key=len, reverse=True))
)
# The whole part: thousands in SI style ('1 500 000', any space between the groups, read as one
# space), or digits with commas ('1,500,000'; the grouping is checked below).
_DIGITS = re.compile(r"(?P<int>\d{1,3}(?: \d{3})+(?!\d)|\d[\d,]*)?(?:\.(?P<frac>\d+))?(?:e(?P<exp>[+-]?\d+))?")
# Vulgar fractions, exactly: '3 ½' is 3.5, '⅔' is two-thirds.
_VULGAR = {
    ch: (int(parts[1], 16) - 0x30, int(parts[3], 16) - 0x30 if len(parts) == 4 else 10)
    for ch in "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
    for parts in [unicodedata.decomposition(ch).split()]
}
_MIXED = re.compile(r"(?P<int>\d[\d,]*)? ?(?P<fraction>[" + "".join(_VULGAR) + "])")
# A sign written apart from its digits: '- 50 percent' is -50 percent.
_DETACHED_SIGN = re.compile(r"(?<![^ ])([-+]) (?=[\d.$£€¥" + "".join(_VULGAR) + "])")
_NUMERIC = re.compile(r"[-+]?(?:\d|\.\d)")


# 'a 0.7-point drop', 'a seven-point drop', 'a 30-percent rise': the unit joined to the figure by a hyphen, as in
# an adjective ('seven-point' is seven points; 'seven point' alone is a decimal point without its digits).
_HYPHENATED_UNIT = re.compile(r"(?<=[\w%])-(?:(?=(?:percent(?:age)?|per\s+cent|pts?|points)\b)|point\b)", re.I)


def _normalise(text: str) -> str:
    """One spelling of what may be written many ways: Unicode composed (NFC), format characters
    (zero-width spaces and joiners, direction marks) removed, dashes as '-', every run of spaces
    (no-break, thin, narrow no-break...) as one space."""
    text = unicodedata.normalize("NFC", text)
    if not text.isascii():
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = text.replace("\u2212", "-").replace("\u2013", "-").replace("\u2014", "-")
    text = text.replace("\u2019", "'").replace("\u00d7", "x")
    text = _HYPHENATED_UNIT.sub(lambda m: " points" if m.group().lower().endswith("point") else " ", text)
    return " ".join(text.split())


def _refuse_stray_marks(s: str, original: str) -> None:
    """A combining mark on anything but a letter ('12\u0301') makes the figure unreadable: read
    without it, the text would say a number it does not."""
    for i, ch in enumerate(s):
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Mc", "Me"):
            if i == 0 or not s[i - 1].isalpha():
                raise NumberFormatError(
                    f"{original!r} has a combining mark (U+{ord(ch):04X}) on a figure; write the number without it"
                )


def parse(text: str | int | float | Q) -> Written:
    """Read one written number (see the module docstring)."""
    if isinstance(text, str):
        return _parse_text(text)
    if isinstance(text, bool):
        raise NumberFormatError(f"{text!r} is not a number")
    if isinstance(text, int):
        text = str(text)
    elif isinstance(text, float):
        if text != text or text in (float("inf"), float("-inf")):
            raise NumberFormatError(f"{text!r} is not a finite number")
        text = repr(text)
    elif isinstance(text, numbers.Rational):
        return Written(text=str(text), value=Q(text), step=Q(0), round_step=Q(0))
    return _parse_text(text)


@lru_cache(maxsize=8192)
def _parse_text(text: str) -> Written:
    """parse() for text; cached, since fact sheets repeat their wordings ('50 percent', 'up')."""
    original = text.strip()
    if not original:
        raise NumberFormatError("empty number")
    if len(original) > 200:
        raise NumberFormatError(f"number text is {len(original)} characters long (200 at most)")
    s = _normalise(original).lower()
    if not s.isascii():
        _refuse_stray_marks(s, original)
    s = _DETACHED_SIGN.sub(r"\1", s)
    if s == "all":  # the whole, as a share: 100 percent, exactly
        return Written(text=original, value=Q(100), step=Q(0), round_step=Q(0), kind=Kind.PERCENT, from_words=True)
    qualifier, s, before = _take_qualifier(s)
    written = _parse_core(s, original)
    if before:
        written = Written(**{**_fields(written), "words": tuple(before) + written.words})
    if qualifier is not None:
        if written.kind is Kind.FRACTION and written.per is None and qualifier is not Qualifier.EXACTLY:
            raise NumberFormatError(f"{original!r}: a qualifier on none at all ('0 in 3') is not a number we can read")
        written = written.with_qualifier(qualifier)
    return written


def _take_qualifier(s: str) -> tuple[Qualifier | None, str, list[str]]:
    """Split leading words off: a qualifier, and any words before the number."""
    before: list[str] = []
    qualifier = None
    while s:
        if m := _QUALIFIER.match(s):
            if qualifier is not None:
                raise NumberFormatError(f"two qualifiers: {qualifier.value!r} and {m.group(0)!r}")
            qualifier = QUALIFIER_WORDS[m.group(0)]
            s = s[m.end() :].lstrip()
            continue
        if _starts_number(s):
            break
        word, _, rest = s.partition(" ")
        if not rest:
            break
        before.append(word)
        s = rest
    return qualifier, s, before


def _starts_number(s: str) -> bool:
    if s.startswith("minus ") or s.lstrip("+-.") in ("nan", "inf", "infinity"):
        return True
    if (
        _NUMERIC.match(s)
        or s.startswith(("$", "£", "€", "¥", "us$", "rmb", "-$", "-£"))
        or _CURRENCY_FIRST.match(s)
        or s[:1] in _VULGAR
    ):
        return True
    first, *rest = _WORD_SPLIT.split(s, maxsplit=2)
    if first in ("a", "an"):
        return bool(rest) and (rest[0] in _SCALES or rest[0] == "dozen" or rest[0] in _FRACTION_WORDS)
    return (
        first in NUMBER_WORDS
        or first == "half"
        or first in _MULTIPLE_WORDS
        or first in _HALVING_WORDS
        or _DIGIT_MULTIPLE.fullmatch(first) is not None
    )


def _parse_core(s: str, original: str) -> Written:
    if s.lstrip("+-.") in ("nan", "inf", "infinity"):
        raise NumberFormatError(f"{original!r} is not a finite number")
    sign = 1
    if s.startswith("minus "):
        sign, s = -1, s[6:]
    elif s.startswith(("+", "-")) and len(s) > 1 and not s[1].isspace():
        sign, s = (-1 if s[0] == "-" else 1), s[1:]
    currency = None
    for symbol in sorted(_CURRENCY_SYMBOLS, key=len, reverse=True):
        if s.startswith(symbol):
            rest = s[len(symbol) :].lstrip()
            if symbol in _CURRENCY_CODES and not (rest[:1].isdigit() or rest.startswith(".")):
                continue  # 'yuan' alone, 'rs' of a word: not a currency before a figure
            if symbol in _CURRENCY_CODES and s[len(symbol) : len(symbol) + 1].isalnum():
                continue
            currency, s = _CURRENCY_SYMBOLS[symbol], rest
            break
    if s.startswith(("+", "-")) and sign == 1 and currency:
        sign, s = (-1 if s[0] == "-" else 1), s[1:]
    if not s:
        raise NumberFormatError(f"{original!r} has no number")
    if mixed := _MIXED.match(s):
        return _vulgar_fraction(mixed, s, original, sign, currency)
    if not (s[:1].isdigit() or s.startswith(".")):
        return _parse_word_forms(s, original, sign, currency)
    value, step, round_step, rest, places = _read_digits(s)
    if value.denominator == 1 and (ratio := _RATIO_AFTER.match(rest)):
        return _ratio(original, sign * value, rest[ratio.start("link") :].split(" "), currency, ratio.group("noun"))
    value, step, round_step, rest = _read_magnitude(value, step, round_step, rest)
    return _finish(original, sign * value, step, round_step, rest, currency, False, places)


def _read_digits(s: str) -> tuple[Q, Q, Q, str, int]:
    m = _DIGITS.match(s)
    text = m.group(0)
    rest = s[m.end() :]
    if _CONTINUES.match(rest) or not text or text == ".":
        bad = text + rest.split(" ")[0]
        raise NumberFormatError(_malformed(bad))
    int_part = (m.group("int") or "0").replace(" ", "")
    if "," in int_part:
        groups = int_part.split(",")
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            raise NumberFormatError(_malformed(text))
        int_part = "".join(groups)
    frac = m.group("frac") or ""
    if len(int_part.lstrip("0")) + len(frac) > MAX_DIGITS:
        raise NumberFormatError(f"{text!r} has more than {MAX_DIGITS} digits")
    exp = int(m.group("exp") or 0) if m.group("exp") is None or len(m.group("exp")) < 6 else None
    if exp is None or abs(exp) > MAX_EXPONENT:
        raise NumberFormatError(f"{text!r}: exponent too large ({MAX_EXPONENT} at most)")
    digits = int(int_part + frac)
    scale = Q(10) ** (exp - len(frac))
    value = digits * scale
    step = scale
    if frac:
        round_step = step
    else:
        stripped = int_part.rstrip("0")
        zeros = len(int_part) - len(stripped) if stripped else 0
        round_step = step * 10**zeros
    return value, step, round_step, rest.lstrip(), len(frac)


def _vulgar_fraction(m: re.Match, s: str, original: str, sign: int, currency: str | None) -> Written:
    """'3 ½ million' (3.5 million, to the half million), '2⅓'; a fraction alone ('⅔') is read as
    its words are ('two-thirds')."""
    numerator, denominator = _VULGAR[m.group("fraction")]
    rest = s[m.end() :]
    if _CONTINUES.match(rest):
        raise NumberFormatError(_malformed(s.split(" ")[0]))
    rest = rest.lstrip()
    if m.group("int") is None:
        if _MAGNITUDE_WORD.match(rest):
            raise NumberFormatError(
                f"{original!r}: write a fraction of a million or a billion as a decimal (0.5 million)"
            )
        value = Q(numerator, denominator)
        return _finish(
            original, sign * value, Q(1), Q(1), rest, currency, True, 0, Kind.FRACTION, per=sign * Q(numerator)
        )
    whole, _, _, after, places = _read_digits(m.group("int"))
    if after or places:
        raise NumberFormatError(_malformed(m.group(0)))
    step = Q(1, denominator)
    value, step, round_step, rest = _read_magnitude(whole + Q(numerator, denominator), step, step, rest)
    return _finish(original, sign * value, step, round_step, rest, currency, False, 0)


def _malformed(text: str) -> str:
    if ".." in text or text.count(".") > 1:
        return f"{text!r} is not a number: more than one decimal point"
    if "," in text:
        return f"{text!r} is not a number: thousands separators must group three digits (1,234,567)"
    return f"{text!r} is not a number"


def _read_magnitude(value, step, round_step, rest: str):
    m = _MAGNITUDE_WORD.match(rest)
    if m:
        mult = _MAGNITUDES[m.group(1)]
        return value * mult, step * mult, round_step * mult, rest[m.end() :].lstrip()
    return value, step, round_step, rest


def _finish(original, value, step, round_step, rest, currency, from_words, places, kind=None, per=None) -> Written:
    kind = kind or Kind.NUMBER
    if per is not None and per == 0:
        # "0 in 3", "zero thirds": none at all, whatever the denominator. The interval of a
        # ratio is per / d with d = per / value, which zero would leave undefined (0 / 0).
        per, step, round_step = None, Q(0), Q(0)
    words: list[str] = []
    if kind is Kind.NUMBER:
        if m := _PERCENT.match(rest):
            kind, rest = Kind.PERCENT, rest[m.end() :].lstrip()
        elif m := _BASIS.match(rest):
            kind, rest = Kind.POINTS, rest[m.end() :].lstrip()
            value, step, round_step = value / 100, step / 100, round_step / 100
        elif m := _POINTS.match(rest):
            kind, rest = Kind.POINTS, rest[m.end() :].lstrip()
        elif m := _MULTIPLE_SUFFIX.match(rest):
            kind, rest = Kind.MULTIPLE, rest[m.end() :].lstrip()
            if from_words and per is None and value:  # 'three times': a factor named by a word
                step = round_step = _factor_step(abs(value))
        elif m := _OF_A_POINT.match(rest):
            kind, rest = Kind.POINTS, rest[m.end() :].lstrip()
    unit = rest.strip(" ,.;:") or None
    if unit and _NUMERIC.search(unit) and _DIGIT.search(unit):
        raise NumberFormatError(f"{original!r} holds more than one number; write one number a field")
    return Written(
        text=original,
        value=value,
        step=step,
        round_step=round_step,
        kind=kind,
        unit=unit,
        currency=currency,
        words=tuple(words),
        per=per,
        from_words=from_words,
        decimal_places=places,
    )


def _parse_word_forms(s: str, original: str, sign: int, currency: str | None) -> Written:
    tokens = re.split(r"[\s-]+", s)
    head = tokens[0]
    # "fourfold", "4x", "3-fold" were split on the hyphen; glue the digit forms back.
    if head in _MULTIPLE_WORDS:
        n = Q(_MULTIPLE_WORDS[head])
        step = _factor_step(n)
        return _finish(original, sign * n, step, step, " ".join(tokens[1:]), currency, True, 0, Kind.MULTIPLE)
    if head in _HALVING_WORDS:  # the divisor, 2, carries the precision
        return _finish(
            original, Q(1, 2) * sign, Q(1, 10), Q(1, 10), " ".join(tokens[1:]), currency, True, 0,
            Kind.MULTIPLE, per=Q(sign),
        )  # fmt: skip
    m = re.fullmatch(r"(\w+?)-?fold", s.split(" ")[0])
    if m and m.group(1) in _UNITS | _TENS:
        n = Q((_UNITS | _TENS)[m.group(1)])
        step = _factor_step(n)
        return _finish(
            original, sign * n, step, step, s.split(" ", 1)[1] if " " in s else "", currency, True, 0, Kind.MULTIPLE
        )
    if head == "half":  # "half" is "one half": the fraction branch reads it
        value, used, step, round_step = Q(1), 0, Q(1), Q(1)
    else:
        value, used, step, round_step = _read_number_words(tokens)
        if used == 0:
            raise NumberFormatError(f"{original!r} is not a number we can read")
    rest_tokens = tokens[used:]
    # "one in three", "2 in every 7,000", "three out of four"
    if value is not None and (ratio := _RATIO_AFTER.match(" ".join(rest_tokens))):
        rest = " ".join(rest_tokens)
        return _ratio(original, sign * value, rest[ratio.start("link") :].split(" "), currency, ratio.group("noun"))
    # "a third", "two-thirds", "three-tenths", "one and a half"
    if rest_tokens and rest_tokens[0] in _FRACTION_WORDS and (value is not None):
        d = Q(_FRACTION_WORDS[rest_tokens[0]])
        rest = " ".join(rest_tokens[1:])
        kind = Kind.POINTS if re.match(r"of a (?:percentage )?point\b", rest) else Kind.FRACTION
        if kind is Kind.POINTS:
            rest = re.sub(r"^of a (?:percentage )?point\b", "", rest)
        return _finish(original, sign * value / d, Q(1), Q(1), rest, currency, True, 0, kind, per=sign * value)
    if value is None:
        raise NumberFormatError(f"{original!r} is not a number we can read")
    if rest_tokens == ["point"] and value == 1:  # 'one point': a point, as 'five points' are points
        return _finish(original, sign * value, step, round_step, "points", currency, True, 0)
    if rest_tokens[:1] == ["point"]:
        digits = rest_tokens[1:2]
        if not digits or digits[0] not in _UNITS or _UNITS[digits[0]] > 9:
            raise NumberFormatError(f"{original!r} is not a number: 'point' must be followed by a digit word")
        places = 0
        frac_tokens = rest_tokens[1:]
        while frac_tokens and frac_tokens[0] in _UNITS and _UNITS[frac_tokens[0]] <= 9:
            places += 1
            value += Q(_UNITS[frac_tokens[0]], 10**places)
            frac_tokens = frac_tokens[1:]
        step = Q(1, 10**places)
        return _finish(original, sign * value, step, step, " ".join(frac_tokens), currency, True, places)
    rest = " ".join(rest_tokens)
    if m := re.match(r"(?:and a half)\b", rest):
        value, rest, step, round_step = value + Q(1, 2), rest[m.end() :].lstrip(), Q(1, 2), Q(1, 2)
    return _finish(original, sign * value, step, round_step, rest, currency, True, 0)


def _read_number_words(tokens: list[str]) -> tuple[Q | None, int, Q, Q]:
    """Cardinal words at the start of ``tokens``: (value, tokens used, step, round step)."""
    total = 0
    current = 0
    used = 0
    seen = False
    for i, tok in enumerate(tokens):
        if tok in ("a", "an") and i == 0:
            nxt = tokens[1] if len(tokens) > 1 else ""
            if nxt in _SCALES or nxt == "dozen" or nxt in _FRACTION_WORDS:
                current, used, seen = 1, 1, True
                continue
            break
        if tok == "and" and seen and i + 1 < len(tokens) and (tokens[i + 1] in _UNITS or tokens[i + 1] in _TENS):
            used += 1
            continue
        if tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok in _SCALES:
            scale = _SCALES[tok]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            break
        used += 1
        seen = True
    if not seen:
        return None, 0, Q(1), Q(1)
    value = total + current
    place = 1
    while value and value % (place * 10) == 0:
        place *= 10
    # "three million" is "3 million": its precision is the scale word's.
    last = tokens[used - 1]
    step = _SCALES[last] if last in _SCALES and _SCALES[last] >= 1000 else 1
    return Q(value), used, Q(step), Q(place)


# "in 7,000", "out of four", "women in every 1,000": a ratio, perhaps with its noun first.
_RATIO_AFTER = re.compile(r"(?:(?P<noun>[a-z]+(?: [a-z]+){0,2}) )?(?P<link>(?:in|out of) (?:every )?[\da-z])")


def _ratio(original: str, numerator: Q, rest_tokens: list[str], currency, noun: str | None = None) -> Written:
    rest_tokens = rest_tokens[1:]
    if rest_tokens[:1] == ["of"]:  # "out of"
        rest_tokens = rest_tokens[1:]
    if rest_tokens[:1] == ["every"]:
        rest_tokens = rest_tokens[1:]
    rest = " ".join(rest_tokens)
    if rest[:1].isdigit():
        d, step, round_step, rest, _ = _read_digits(rest)
        d, step, round_step, rest = _read_magnitude(d, step, round_step, rest)
    else:
        tokens = rest.split(" ")
        d, used, step, round_step = _read_number_words(tokens)
        if d is None or used == 0:
            raise NumberFormatError(f"{original!r}: expected a number after 'in'")
        rest = " ".join(tokens[used:])
    if d == 0:
        raise NumberFormatError(f"{original!r}: a ratio cannot be 'in zero'")
    if noun and not rest.strip():
        rest = noun
    return _finish(original, numerator / d, step, round_step, rest, currency, True, 0, Kind.FRACTION, per=numerator)


# ---------------------------------------------------------------------- writing
_WORD_FOR = {v: k for k, v in _UNITS.items()} | {v: k for k, v in _TENS.items()}


def number_words(n: int) -> str:
    """0 to 99 in words: 'four', 'twenty-five'."""
    if not 0 <= n <= 99:
        raise ValueError("number words are written here for 0 to 99 only")
    if n in _WORD_FOR:
        return _WORD_FOR[n]
    return f"{_WORD_FOR[n - n % 10]}-{_WORD_FOR[n % 10]}"


def write(value: Q, places: int = 0, magnitude: str | None = None, suffix: str = "", words: bool = False) -> str:
    """``value`` in news style: '6,000', '0.50', '1.2 million', '35 percent', 'four'."""
    from validator.display import fixed

    scaled = value / _MAGNITUDES[magnitude] if magnitude else value
    if words:
        if scaled.denominator != 1 or places:
            raise ValueError("only whole numbers are written in words")
        text = ("minus " if scaled < 0 else "") + number_words(abs(int(scaled)))
    else:
        text = fixed(scaled, places)
    if magnitude:
        text += " " + magnitude
    return text + suffix
