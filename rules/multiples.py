"""Multiples family: "four times", "threefold", "doubled", "halved", "N times more".

The readings and the verdict are in :mod:`rules.factor_change`, which from-to
changes (CH02) share.
"""

from __future__ import annotations

from pydantic import Field

from rules.factor_change import FactorFigures, factor_binding, judge_factor
from validator.findings import Result, Verdict
from validator.models import ClaimBase, Ref
from validator.numbers import Kind
from validator.rule import Binder, Binding, Example, Outcome, Rule


class MultipleClaim(ClaimBase):
    from_: Ref | None = Field(None, alias="from", description="The figure compared against (the base).")
    to: Ref | None = Field(None, description="The figure that is a multiple of it.")
    factor: Ref = Field(description="'four times', 'threefold', 'doubled', 'halved', '2.5x'.")


class Multiple(Rule[MultipleClaim, FactorFigures]):
    """One figure stated as a multiple of another.

    What it does: checks "four times", "threefold", "doubled", "tripled",
    "quadrupled", "halved", "2.5x" against the two figures, with their
    rounding, or reports the figure the claim implies. "N times more / higher /
    larger than" has two readings (N times as many, or N+1 times as many): the
    finding says which fits and warns, and fails only when neither does (see
    the times-more policy). "N times less than" is read as 1/N, with a warning.

    Why it matters: multiples are easy to overstate by one ("four times higher"
    for a quadrupling) and a plain verb ("quadrupled") has no second reading.
    """

    code = "MU01"
    name = "multiple"
    family = "multiples"
    summary = "A stated multiple ('four times', 'doubled') matches the two figures."
    Claim = MultipleClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: multiple
    from: "3,000"
    to: "9,000"
    factor: tripled
""",
            "3 times",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: multiple
    from: eight units per acre
    to: "40"
    factor: quadruple
""",
            "5 times",
        ),
        Example(
            Verdict.AMBIGUOUS,
            """
claims:
  - rule: multiple
    to: "24,000"
    factor: four times
    wording: higher than the previous year
""",
            "24,000 / 5 = 4,800",
        ),
    )

    def readings(self, claim: MultipleClaim, bind: Binder) -> Binding[FactorFigures] | None:
        factor = bind.ref(claim.factor, "factor")
        frm = bind.ref(claim.from_, "from") or bind.implied("the earlier figure")
        to = bind.ref(claim.to, "to") or bind.implied("the later figure")
        bind.same_kind(frm, to)
        if factor is None:
            return None
        if factor.written is not None and factor.written.kind not in (Kind.MULTIPLE, Kind.NUMBER, Kind.FRACTION):
            bind.problem(f"'{factor.written.shown}' is not a multiple ('four times')", "factor")
            return None
        return factor_binding(bind, claim, frm, to, factor)

    def judge(self, claim: MultipleClaim, binding: Binding[FactorFigures], outcome: Outcome) -> Result:
        return judge_factor(claim, binding.figures, outcome)


RULES = (Multiple,)
