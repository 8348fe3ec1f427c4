"""The claims one sentence makes by itself, of every kind.

Roles first (:mod:`validator.extract.roles`), then the claims the roles make:
changes, directions and multiples (:mod:`validator.extract.relations`),
differences and comparisons (:mod:`validator.extract.differences`), shares and
sums (:mod:`validator.extract.parts`). Each kind takes the figures it uses,
so a figure plays one role in one claim unless the words give it two.
"""

from __future__ import annotations

from validator.extract import differences, parts
from validator.extract.found import Claim
from validator.extract.mentions import Mention
from validator.extract.relations import Reading, combined
from validator.extract.roles import Shape, mark


def recognise(text: str, offset: int, mentions: list[Mention], sentence: int, year: int | None) -> list[Claim]:
    """The claims one sentence makes by itself."""
    sh = Shape(text, offset, mentions)
    if not sh.amounts:
        return []
    lefts, rights = mark(sh)
    roles = [combined(lefts[i], rights[i]) for i in range(len(sh.amounts))]
    reading = Reading(sh, roles, sentence, year)
    return (
        reading.changes()
        + reading.directions()
        + reading.multiples()
        + differences.differences(reading)
        + differences.comparisons(reading)
        + parts.shares(reading)
        + parts.sums(reading)
    )
