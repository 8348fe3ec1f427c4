"""Sums family: parts that add up to a total, and differences ('20 more than')."""

from __future__ import annotations

from typing import NamedTuple

from pydantic import Field

from rules import common
from validator import display
from validator.exact import Q
from validator.findings import Result, Verdict
from validator.models import ClaimBase, Ref
from validator.numbers import Kind
from validator.rule import Binder, Binding, Example, Outcome, Reading, Rule, Var
from validator.solver import Linear

ONE = Q(1)


class SumClaim(ClaimBase):
    parts: list[Ref] = Field(min_length=2, max_length=1000, description="The parts, each an id or a number.")
    total: Ref | None = Field(
        None, description="The total they make up; when every part is a percent, 100 percent by default."
    )


class DifferenceClaim(ClaimBase):
    larger: Ref | None = Field(None, description="The figure that is more.")
    smaller: Ref | None = Field(None, description="The figure that is less.")
    difference: Ref = Field(description="How much more: '20', 'a margin of 1,784'.")


class SumFigures(NamedTuple):
    parts: list[Var]
    total: Var


class DifferenceFigures(NamedTuple):
    larger: Var
    smaller: Var
    difference: Var


def _fmt(var: Var):
    return display.percent if common.is_share(var) else display.number


class Sum(Rule[SumClaim, SumFigures]):
    """Parts that must add up to a stated total.

    What it does: checks that parts add up to their total, each with its
    rounding (shares that each round to a whole percent may add up to 99% or
    101%). Without a total, parts written in percent must make 100 percent.
    With one part or the total not stated, it reports what the others imply.

    Why it matters: breakdowns that do not add up are among the commonest
    errors in tables and charts.
    """

    code = "SU01"
    name = "sum"
    family = "sums"
    summary = "Parts add up to their total, within rounding."
    Claim = SumClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: sum
    parts: [33 percent, 33 percent, 33 percent]
""",
            "99%",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: sum
    parts: ["420", "700"]
    total: "1,200"
""",
            "add up to 1,120",
        ),
    )

    def readings(self, claim: SumClaim, bind: Binder) -> Binding[SumFigures] | None:
        parts = [bind.ref(p, f"parts[{i}]") for i, p in enumerate(claim.parts)]
        if any(p is None for p in parts):
            return None
        total = bind.ref(claim.total, "total")
        if total is None:
            if all(p.written is not None and p.written.kind is Kind.PERCENT for p in parts):
                total = bind.ref("exactly 100 percent", "total")
            else:
                bind.problem("missing field 'total' (only parts in percent default to 100 percent)")
                return None
        total.make_whole()  # a total written as 100% is all of it: parts that make 95% fall short
        bind.same_kind(total, *parts)
        terms = tuple((ONE, p.index) for p in parts) + ((-ONE, total.index),)
        return Binding([Reading("as-written", "as written", [Linear(terms)])], SumFigures(parts, total))

    def judge(self, claim: SumClaim, binding: Binding[SumFigures], outcome: Outcome) -> Result:
        parts, total = binding.figures
        ctx = outcome.context
        reading = outcome.reading("as-written")
        fmt = _fmt(total)
        unknown = [v for v in [*parts, total] if v.index in outcome.unknown]
        if len(unknown) > 1:
            return Result(Verdict.UNVERIFIABLE, f"{len(unknown)} of the figures are not stated.")
        nominals = [common.nominal(p, ctx[p.index]) for p in parts]
        if unknown:
            target = unknown[0]
            if reading.feasible:
                iv = reading.domains[target.index]
                return Result(
                    Verdict.UNVERIFIABLE,
                    f"The claim implies {common.implication(target, None, iv)} for {target.called(target.name)}.",
                    [],
                    implied={target.name: common.implied_text(target, iv)},
                )
        parts_sum = sum(nominals, Q(0))
        total_nom = common.nominal(total, ctx[total.index])
        sum_iv = ctx[parts[0].index]
        for p in parts[1:]:
            sum_iv = sum_iv + ctx[p.index]
        lines = [
            " + ".join(fmt(x) for x in nominals) + f" = {fmt(parts_sum)}",
            f"with each part's rounding: {display.interval(sum_iv, fmt)}",
            f"the total allows {display.interval(ctx[total.index], fmt)}",
        ]
        # The total as written, or (when other claims imply it) as they imply it.
        total_text = common.amount(total, ctx[total.index])
        if reading.feasible:
            if ctx[total.index].contains(parts_sum):
                message = f"The parts add up to {fmt(parts_sum)}, which the total, {total_text}, allows."
            else:  # only the parts' rounding reaches the total
                message = (
                    f"With each part's rounding the parts add up to {display.interval(sum_iv, fmt)}, which reaches "
                    f"the total, {total_text} ({display.interval(ctx[total.index], fmt)})."
                )
            return Result(Verdict.CONSISTENT, message, lines)
        return Result(
            Verdict.INCONSISTENT,
            f"The parts add up to {fmt(parts_sum)} ({display.interval(sum_iv, fmt)} with rounding), not {total_text}.",
            lines,
            suggestion=f"Consistent alternative: a total of {fmt(parts_sum)}, or parts that add up to {fmt(total_nom)}.",
        )


class Difference(Rule[DifferenceClaim, DifferenceFigures]):
    """One figure stated as more than another by a given amount.

    What it does: checks "20 more than", "ahead by 2,909,135 to 2,907,351, a
    margin of 1,784" against the two figures with their rounding, or reports
    the figure the claim implies.

    Why it matters: a margin is often the number readers remember; it must
    follow from the figures it is quoted with.
    """

    code = "SU02"
    name = "difference"
    family = "sums"
    summary = "A stated difference ('20 more than') matches the two figures."
    Claim = DifferenceClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: difference
    larger: "2,909,135"
    smaller: "2,907,351"
    difference: "1,784"
""",
            "1,784",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: difference
    larger: "75"
    smaller: "55"
    difference: "25"
""",
            "differ by 20",
        ),
    )

    def readings(self, claim: DifferenceClaim, bind: Binder) -> Binding[DifferenceFigures] | None:
        diff = bind.ref(claim.difference, "difference")
        larger = bind.ref(claim.larger, "larger") or bind.implied("the larger figure")
        smaller = bind.ref(claim.smaller, "smaller") or bind.implied("the smaller figure")
        bind.same_kind(larger, smaller, diff)
        if diff is None:
            return None
        linear = Linear(((ONE, larger.index), (-ONE, smaller.index), (-ONE, diff.index)))
        return Binding([Reading("as-written", "as written", [linear])], DifferenceFigures(larger, smaller, diff))

    def judge(self, claim: DifferenceClaim, binding: Binding[DifferenceFigures], outcome: Outcome) -> Result:
        larger, smaller, diff = binding.figures
        ctx = outcome.context
        reading = outcome.reading("as-written")
        fmt = _fmt(larger)
        unknown = sorted(outcome.unknown & {larger.index, smaller.index})
        if len(unknown) == 2:
            return Result(Verdict.UNVERIFIABLE, "Neither figure is stated.")
        if unknown and reading.feasible:
            target = larger if unknown[0] == larger.index else smaller
            iv = reading.domains[target.index]
            return Result(
                Verdict.UNVERIFIABLE,
                f"The claim implies {common.implication(target, None, iv)} for {target.called(target.name)}.",
                [],
                implied={target.name: common.implied_text(target, iv)},
            )
        l_nom, s_nom = common.nominal(larger, ctx[larger.index]), common.nominal(smaller, ctx[smaller.index])
        if l_nom is None or s_nom is None:  # an implied figure that other claims bound on one side only
            target = larger if l_nom is None else smaller
            if reading.feasible:
                iv = reading.domains[target.index]
                return Result(
                    Verdict.UNVERIFIABLE,
                    f"The claim implies {common.implication(target, None, iv)} for {target.called(target.name)}.",
                    [common.allowed(diff, ctx[diff.index], fmt)],
                    implied={target.name: common.implied_text(target, iv)},
                )
            return Result(
                Verdict.INCONSISTENT,
                f"No value of {target.called(target.name)} fits a difference of {diff.written.shown if diff.written else 'the difference'}.",
                [common.allowed(diff, ctx[diff.index], fmt)],
            )
        d = l_nom - s_nom
        lines = [f"{fmt(l_nom)} - {fmt(s_nom)} = {fmt(d)}", common.allowed(diff, ctx[diff.index], fmt)]
        if reading.feasible:
            d_iv = ctx[diff.index]
            if not d_iv.contains(d):  # it fits only within the figures' rounding
                message = common.within_rounding(
                    [(larger, ctx[larger.index]), (smaller, ctx[smaller.index])], "the difference",
                    ctx[larger.index] - ctx[smaller.index], fmt, diff.written.shown, display.interval(d_iv, fmt),
                )  # fmt: skip
                return Result(Verdict.CONSISTENT, message, lines)
            return Result(Verdict.CONSISTENT, f"The figures differ by {fmt(d)}, as '{diff.written.shown}' says.", lines)
        return Result(
            Verdict.INCONSISTENT,
            f"The figures differ by {fmt(d)}, not {diff.written.shown}.",
            lines,
            suggestion=f"Consistent alternative: a difference of {fmt(d)}.",
        )


RULES = (Sum, Difference)
