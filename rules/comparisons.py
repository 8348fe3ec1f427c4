"""Comparisons family: one figure said to be above or below another, with no difference stated."""

from __future__ import annotations

from typing import NamedTuple

from pydantic import Field

from rules import common
from validator import display
from validator.findings import Result, Verdict
from validator.models import ClaimBase, Ref
from validator.rule import Binder, Binding, Example, Outcome, Reading, Rule, Var
from validator.solver import Greater


class ComparisonClaim(ClaimBase):
    larger: Ref = Field(description="The figure said to be more: 'more than 17.5 million'.")
    smaller: Ref = Field(description="The figure said to be less: 'the previous record of 17.3 million'.")


class ComparisonFigures(NamedTuple):
    larger: Var
    smaller: Var


def _fmt(var: Var):
    return display.percent if common.is_share(var) else display.number


class Comparison(Rule[ComparisonClaim, ComparisonFigures]):
    """One figure said to be more than another ('beat', 'surpassing', 'fell short of').

    What it does: checks that the figure the wording puts above the other can
    be above it, with the rounding and qualifiers of both: "more than 17.5
    million passengers, surpassing the previous record of 17.3 million" holds;
    auto thefts of 261 "already above" last year's 318 cannot be.

    Why it matters: records, rankings and "already above last year" are
    claims readers act on, and they are checked less often than percentages.
    When the article states by how much, the difference rule (SU02) checks
    the amount too.
    """

    code = "CO01"
    name = "comparison"
    family = "comparisons"
    summary = "A figure said to be above another ('beat', 'surpassing') is above it."
    Claim = ComparisonClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: comparison
    larger: more than 17.5 million
    smaller: 17.3 million
    wording: surpassing
""",
            "more than",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: comparison
    larger: "261"
    smaller: "318"
    wording: already above
""",
            "not more than",
        ),
    )

    def readings(self, claim: ComparisonClaim, bind: Binder) -> Binding[ComparisonFigures] | None:
        larger = bind.ref(claim.larger, "larger")
        smaller = bind.ref(claim.smaller, "smaller")
        if larger is None or smaller is None:
            return None
        bind.same_kind(larger, smaller)
        reading = Reading("as-written", "as written", [Greater(larger.index, smaller.index)])
        return Binding([reading], ComparisonFigures(larger, smaller))

    def judge(self, claim: ComparisonClaim, binding: Binding[ComparisonFigures], outcome: Outcome) -> Result:
        larger, smaller = binding.figures
        ctx = outcome.context
        fmt = _fmt(larger)
        a, b = common.amount(larger, ctx[larger.index]), common.amount(smaller, ctx[smaller.index])
        lines = [common.allowed(v, ctx[v.index], fmt) for v in (larger, smaller) if v.written is not None]
        said = f" as '{claim.wording}' says" if claim.wording else ""
        if not outcome.reading("as-written").feasible:
            return Result(
                Verdict.INCONSISTENT,
                f"{a} is not more than {b}, though the wording puts it above{' (' + repr(claim.wording) + ')' if claim.wording else ''}.",
                lines,
                suggestion=f"Consistent alternative: say it is below {b}.",
            )
        if common.above(ctx[larger.index], ctx[smaller.index]):
            return Result(
                Verdict.CONSISTENT, f"{a} is more than {b},{said}." if said else f"{a} is more than {b}.", lines
            )
        return Result(
            Verdict.CONSISTENT,
            f"{a} can be more than {b} within the rounding of both{',' + said if said else ''}: their ranges overlap.",
            lines,
        )


RULES = (Comparison,)
