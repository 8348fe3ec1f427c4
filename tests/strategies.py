"""Hypothesis strategies shared by the tests: figures written with the Unicode real copy carries.

Copy pasted from web pages and word processors puts invisible characters inside figures:
thousands separated by a no-break, thin or narrow no-break space (SI style), zero-width spaces
and joiners, direction marks, soft hyphens. A reader must read such a figure as the number it
is, or refuse it; never as another number (one figure split in two, a digit lost).

    from tests.strategies import figures
    @given(figures())
    def test_x(figure):
        ...  # figure.text as written, figure.value the number it is, figure.plain in ASCII

Both paths use them: fact sheets (validator.numbers.parse) and articles (validator.extract).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from hypothesis import strategies as st

# Between thousands: the comma, and the spaces of SI style (ISO 80000-1): space, no-break space,
# thin space, narrow no-break space.
THOUSANDS_SEPARATORS = (",", " ", "\u00a0", "\u2009", "\u202f")
# Unicode format characters (category Cf) that copy carries and no reader sees: zero-width
# space, non-joiner, joiner, word joiner, byte-order mark, soft hyphen, direction marks,
# embeddings, overrides and isolates.
FORMAT_CHARACTERS = (
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f",
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
)  # fmt: skip
# Combining marks that would sit on a digit: an accent, a dot, an enclosing circle.
COMBINING_MARKS = ("\u0301", "\u0307", "\u0323", "\u20dd", "\u0338")
SUFFIXES = ("", " percent", "%", " visitors", " million")


@dataclass(frozen=True)
class Figure:
    """A figure as written (``text``), the number it is (``value``, exact) and the same figure
    written plainly in ASCII (``plain``: '1,500 visitors')."""

    text: str
    value: Fraction
    plain: str
    suffix: str = ""


def _grouped(n: int, separator: str) -> str:
    digits = str(n)
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(groups)


@st.composite
def figures(draw, max_value: int = 10**12, suffixes: tuple[str, ...] = SUFFIXES) -> Figure:
    """A whole number in thousands groups (one separator for the whole figure), perhaps with
    decimals, with format characters inserted anywhere in it, and a suffix."""
    whole = draw(st.integers(0, max_value))
    separator = draw(st.sampled_from(THOUSANDS_SEPARATORS))
    decimals = draw(st.sampled_from(["", "", ".5", ".25", ".75"]))
    suffix = draw(st.sampled_from(suffixes))
    plain_number = _grouped(whole, ",") + decimals
    number = _grouped(whole, separator) + decimals
    # Insert format characters between any two characters of the number, and perhaps before it.
    chars = list(number)
    inserted = draw(st.lists(st.tuples(st.integers(0, len(chars)), st.sampled_from(FORMAT_CHARACTERS)), max_size=4))
    for place, mark in sorted(inserted, reverse=True):
        chars.insert(place, mark)
    value = Fraction(whole) + (Fraction(decimals) if decimals else 0)
    if suffix == " million":
        value *= 10**6
    return Figure("".join(chars) + suffix, value, plain_number + suffix, suffix)


@st.composite
def marked_figures(draw) -> str:
    """A figure with a combining mark on one of its digits ('12\u0301'): not a number anyone wrote."""
    text = str(draw(st.integers(0, 10**9)))
    place = draw(st.integers(1, len(text)))
    return text[:place] + draw(st.sampled_from(COMBINING_MARKS)) + text[place:]
