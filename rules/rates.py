"""Rates family: per-unit figures, growth over several periods, and changes in steps."""

from __future__ import annotations

from typing import NamedTuple

from pydantic import Field

from rules import common
from validator import display
from validator.exact import Q
from validator.findings import Result, Verdict
from validator.models import ClaimBase, Ref
from validator.numbers import Kind, NumberFormatError, parse
from validator.rule import Binder, Binding, Example, Outcome, Reading, Rule, Var
from validator.solver import Compound, Product

ZERO, ONE, HUNDRED = Q(0), Q(1), Q(100)


class RateClaim(ClaimBase):
    total: Ref | None = Field(None, description="The total: '$108,000', '10,000 visitors' (leave out if not stated).")
    rate: Ref | None = Field(
        None, description="The amount per unit: '$6 a gram', '2,000 visitors a day', '$12,000 per capita'."
    )
    amount: Ref | None = Field(None, description="How many units: '18 kilograms', 'five days', '1.4 billion people'.")


class CompoundClaim(ClaimBase):
    from_: Ref | None = Field(None, alias="from", description="The figure at the start.")
    to: Ref | None = Field(None, description="The figure at the end.")
    rate: Ref | None = Field(None, description="The growth each period: '10 percent a year', 'about 10 percent'.")
    periods: str = Field(description="How many periods: 'five years', '5', 'four quarters'.")
    total: Ref | None = Field(None, description="The change over all the periods, if stated: '61 percent'.")


class StepsClaim(ClaimBase):
    from_: Ref | None = Field(None, alias="from", description="The figure before the first step (100 if left out).")
    to: Ref | None = Field(None, description="The figure after the last step.")
    steps: list[Ref] = Field(min_length=1, max_length=100, description="Each step in order: 'up 10%', 'down 10%'.")
    total: Ref | None = Field(
        None,
        description="The overall change claimed: 'down 1%'; 'unchanged' or 'back where it started' in wording means 0.",
    )


def _units_product(rate: Var, amount: Var, total: Var) -> Q | str:
    """How many total units one rate unit times one amount unit is; a message when they do not cancel."""
    units = [v.unit.expression if v.unit else "1" for v in (rate, amount, total)]
    if units == ["1", "1", "1"]:
        return ONE
    from validator.measure import DimensionError, dimension, factor

    try:
        return factor(f"({units[0]}) * ({units[1]})", units[2])
    except DimensionError:

        def said(v: Var) -> str:
            return f"'{v.written.shown}'" if v.written else (v.unit.label if v.unit else v.name)

        return (
            f"the units do not cancel: {said(rate)} times {said(amount)} is "
            f"{dimension(f'({units[0]}) * ({units[1]})')}, not {dimension(units[2])}"
        )


class RateFigures(NamedTuple):
    total: Var
    rate: Var
    amount: Var
    k: Q  # the units' factor: total = amount x rate x k


class CompoundFigures(NamedTuple):
    frm: Var
    to: Var
    rate: Var
    total: Var | None
    periods: int
    period_word: str
    indexed: bool  # only the rate and the total are stated: compared on an index from 100


class StepsFigures(NamedTuple):
    frm: Var
    to: Var
    steps: list[Var]
    total: Var | None
    signs: list[int]  # each step's direction
    total_sign: int  # the stated total's direction


class Rate(Rule[RateClaim, RateFigures]):
    """A per-unit figure times its number of units gives the total.

    What it does: checks "$6 a gram" for 18 kilograms against "$3,000" (it is
    $108,000), "an average of 2,000 visitors a day over the five-day expo"
    against the total, "per capita" figures against the total and the
    population, with units cancelling through pint and the rounding of all
    three; with one of them missing it reports the value the claim implies.
    Rates compared over time (a per-capita rate that fell) are this rule for
    each period plus percent-change between the implied rates.

    Why it matters: multiplying instead of dividing, or forgetting a unit
    conversion, is a classic error that a reader cannot see.
    """

    code = "RT01"
    name = "rate"
    family = "rates"
    summary = "A rate times its number of units gives the total ('$6 a gram' x 18 kg)."
    Claim = RateClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: rate
    total: "10,000"
    rate: 2,000 visitors a day
    amount: five days
""",
            "2,000 x 5 = 10,000",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: rate
    total: about $3,000
    rate: $6 a gram
    amount: 18 kilograms
""",
            "$108,000",
        ),
    )

    def readings(self, claim: RateClaim, bind: Binder) -> Binding[RateFigures] | None:
        total = bind.ref(claim.total, "total") or bind.implied("the total")
        rate = bind.ref(claim.rate, "rate") or bind.implied("the rate")
        amount = bind.ref(claim.amount, "amount") or bind.implied("the amount")
        k = _units_product(rate, amount, total)
        if isinstance(k, str):
            bind.problem(k)
            return None
        product = Product(total.index, amount.index, rate.index, ZERO, k)
        return Binding([Reading("as-written", "as written", [product])], RateFigures(total, rate, amount, k))

    def judge(self, claim: RateClaim, binding: Binding[RateFigures], outcome: Outcome) -> Result:
        total, rate, amount, k = binding.figures
        ctx = outcome.context
        reading = outcome.reading("as-written")
        unknown = [v for v in (total, rate, amount) if v.index in outcome.unknown]
        if len(unknown) > 1:
            return Result(Verdict.UNVERIFIABLE, "Two of the three figures are not stated.")
        r, a, t = (common.nominal(v, ctx[v.index]) for v in (rate, amount, total))
        conversion = "" if k == 1 else f" x {display.number(k)}"
        if unknown:
            target = unknown[0]
            iv = reading.domains[target.index] if reading.feasible else ctx[target.index]
            if target is total:
                line = f"{display.number(r)} x {display.number(a)}{conversion} = {display.number(r * a * k)}"
            elif target is rate:
                line = f"{display.number(t)} / ({display.number(a)}{conversion}) = {display.number(t / (a * k)) if a else '?'}"
            else:
                line = f"{display.number(t)} / ({display.number(r)}{conversion}) = {display.number(t / (r * k)) if r else '?'}"
            if not reading.feasible:
                return Result(Verdict.INCONSISTENT, f"No whole number fits {target.called(target.name)}.", [line])
            return Result(
                Verdict.UNVERIFIABLE,
                f"The claim implies {common.implication(target, None, iv)} for {target.called(target.name)}.",
                [line],
                implied={target.name: common.implied_text(target, iv)},
            )
        product = r * a * k
        currency = next(iter(total.unit.currencies), None) if total.unit else None
        lines = [f"{display.number(r)} x {display.number(a)}{conversion} = {display.money(product, currency)}"]
        lines.append(
            f"'{total.written.shown if total.written else total.name}' allows {display.interval(ctx[total.index])}"
        )
        if reading.feasible:
            return Result(
                Verdict.CONSISTENT,
                f"{common.amount(rate, ctx[rate.index])} for {common.amount(amount, ctx[amount.index])} is "
                f"{display.money(product, currency)}, as the total says.",
                lines,
            )
        inverted = t and r and a and abs((a / r) / t - 1) < Q(1, 10)
        hint = " (dividing instead of multiplying gives the stated total)" if inverted else ""
        return Result(
            Verdict.INCONSISTENT,
            f"{common.amount(rate, ctx[rate.index])} for {common.amount(amount, ctx[amount.index])} is "
            f"{display.money(product, currency)}, not {total.written.shown if total.written else display.number(t)}{hint}.",
            lines,
            suggestion=f"Consistent alternative: a total of {display.money(product, currency)}.",
        )


def _period_word(text: str) -> str:
    """'five years' -> 'year'; 'four quarters' -> 'quarter'; '5' -> 'period'."""
    try:
        unit = parse(text).unit or ""
    except NumberFormatError:
        return "period"
    word = unit.split(" ")[0] if unit else "period"
    return word[:-1] if word.endswith("s") else word


def _periods(text: str) -> int:
    """'five years', '5', 'four quarters' -> a whole number of periods."""
    written = parse(text)
    if written.kind is Kind.FRACTION and written.per is not None:
        written = parse(str(written.per))  # 'four quarters' counts quarters, it is not 4/4
    if written.value.denominator != 1 or written.value < 1 or written.value > 1000:
        raise NumberFormatError(f"'{text}': the number of periods must be a whole number from 1 to 1,000")
    return int(written.value)


class CompoundGrowth(Rule[CompoundClaim, CompoundFigures]):
    """Growth at a stated rate each period over several periods (compound annual growth).

    What it does: checks "grew from 100 to 161 over five years, about 10
    percent a year" (1.1^5 = 1.61: consistent) and "from 100 to 200 over five
    years, about 10 percent a year" (that is 14.9% a year: inconsistent), with
    the rounding of every figure; annualised rates are the same check ("3% in
    the quarter, an annualised 12.6%": rate 3 percent, 4 periods, total 12.6
    percent). Where the wording could mean a simple average ("an average of
    10 percent a year"), it says which reading fits; a figure that only fits
    the simple average is flagged.

    Why it matters: compounding makes totals grow faster than rate times
    periods; mixing the two readings misstates either the rate or the total.
    """

    code = "RT02"
    name = "compound-growth"
    family = "rates"
    summary = "Growth of r% a period over n periods matches the start and end figures (compounded)."
    Claim = CompoundClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: compound-growth
    from: "100"
    to: "161"
    rate: about 10 percent
    periods: five years
""",
            "1.1^5",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: compound-growth
    from: "100"
    to: "200"
    rate: about 10 percent
    periods: five years
""",
            "14.87% a period",
        ),
    )

    def readings(self, claim: CompoundClaim, bind: Binder) -> Binding[CompoundFigures] | None:
        try:
            n = _periods(claim.periods)
        except NumberFormatError as exc:
            bind.problem(str(exc), "periods", code="IN04")
            return None
        total = bind.ref(claim.total, "total")
        indexed = claim.from_ is None and claim.to is None and total is not None
        if indexed:
            frm = bind.ref("exactly 100", "from")  # only rate and total: compare them on an index
        else:
            frm = bind.ref(claim.from_, "from") or bind.implied("the starting figure")
        to = bind.ref(claim.to, "to") or bind.implied("the final figure")
        rate = bind.ref(claim.rate, "rate") or bind.implied("the rate a period", "percent")
        bind.same_kind(frm, to)
        figures = CompoundFigures(frm, to, rate, total, n, _period_word(claim.periods), indexed)
        average = "average" in (claim.wording or "").lower() or any("average" in w for w in common.change_words(rate))
        compound = [Compound(to.index, frm.index, rate.index, n)]
        simple = [Product(to.index, frm.index, rate.index, ONE, Q(n) / HUNDRED)]
        if total is not None:
            compound.append(Product(to.index, frm.index, total.index, ONE, ONE / HUNDRED))
            simple.append(Product(to.index, frm.index, total.index, ONE, ONE / HUNDRED))
        readings = [
            Reading("compound", "compounded each period", compound),
            Reading("simple", "a simple average (rate x periods)", simple, primary=average),
        ]
        return Binding(readings, figures)

    def judge(self, claim: CompoundClaim, binding: Binding[CompoundFigures], outcome: Outcome) -> Result:
        frm, to, rate, total, n, period_word, indexed = binding.figures
        ctx = outcome.context
        compound, simple = outcome.reading("compound"), outcome.reading("simple")
        r = common.nominal(rate, ctx[rate.index])
        lines = []
        if r is not None:
            growth = (1 + r / 100) ** n
            lines.append(
                f"{display.ratio(1 + r / 100)}^{n} = {display.ratio(growth)}: compounded, "
                f"{display.percent(r)} a period for {n} periods is {display.percent((growth - 1) * 100, signed=True)}"
            )
            lines.append(f"a simple average: {display.percent(r)} x {n} = {display.percent(r * n, signed=True)}")
        unknown = [] if indexed else sorted(outcome.unknown & {frm.index, to.index, rate.index})
        if unknown and compound.feasible:
            target = next(v for v in (frm, to, rate) if v.index == unknown[0])
            iv = compound.domains[target.index]
            return Result(
                Verdict.UNVERIFIABLE,
                f"The claim implies {common.implication(target, None, iv)} for {target.called(target.name)}"
                " (compounded each period).",
                lines,
                implied={target.name: common.implied_text(target, iv)},
            )
        f_nom, t_nom = common.nominal(frm, ctx[frm.index]), common.nominal(to, ctx[to.index])
        actual = None
        if f_nom and t_nom is not None and t_nom / f_nom > 0:
            ratio = t_nom / f_nom
            actual = (float(ratio) ** (1 / n) - 1) * 100  # shown only, never decides
            lines.insert(
                0,
                f"{common.figure(to, t_nom)} / {common.figure(frm, f_nom)} = {display.ratio(ratio)}: "
                f"{actual:.2f}% a period compounded over {n}, or {display.percent((ratio - 1) * 100 / n)} "
                "a period as a simple average",
            )
        if compound.feasible:
            note = "" if simple.feasible or not simple.reading.primary else " (a simple average would not fit)"
            return Result(
                Verdict.CONSISTENT,
                f"The figures fit {rate.written.shown if rate.written else 'the rate'} a period, compounded{note}.",
                lines,
            )
        if simple.feasible:
            verdict = Verdict.AMBIGUOUS if simple.reading.primary else Verdict.INCONSISTENT
            return Result(
                verdict,
                f"The figures fit {rate.written.shown if rate.written else 'the rate'} only as a simple average "
                f"(rate x periods), not compounded: compounded, the rate is {actual:.2f}% a period."
                if actual is not None
                else "The figures fit only as a simple average, not compounded.",
                lines,
                suggestion=f"Say 'an average of {rate.written.shown} a {period_word}' or give the compound rate."
                if rate.written
                else None,
            )
        return Result(
            Verdict.INCONSISTENT,
            f"The figures mean {actual:.2f}% a period compounded over {n} periods, not {rate.written.shown}."
            if actual is not None and rate.written
            else "The figures do not fit the rate.",
            lines,
            suggestion=f"Consistent alternative: about {actual:.1f} percent a {period_word}."
            if actual is not None
            else None,
        )


class CumulativeChange(Rule[StepsClaim, StepsFigures]):
    """Several changes in a row, and what they add up to.

    What it does: multiplies the steps ("up 10% then down 10%") and checks the
    overall change or the final figure claimed: up 10% then down 10% is 0.99
    times the start, a fall of 1%, not "back where it started".

    Why it matters: percent changes compound; adding them is a common error.
    """

    code = "RT03"
    name = "cumulative-change"
    family = "rates"
    summary = "Changes in a row multiply: up 10% then down 10% is down 1%."
    Claim = StepsClaim
    examples = (
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: cumulative-change
    steps: [up 10%, down 10%]
    wording: back where it started
""",
            "1.1 x 0.9 = 0.99",
        ),
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: cumulative-change
    steps: [up 10%, down 10%]
    total: down 1%
""",
            "-1%",
        ),
    )

    def readings(self, claim: StepsClaim, bind: Binder) -> Binding[StepsFigures] | None:
        frm = bind.ref(claim.from_, "from") or bind.ref("exactly 100", "from")
        to = bind.ref(claim.to, "to") or bind.implied("the final figure")
        steps = [bind.ref(s, f"steps[{i}]") for i, s in enumerate(claim.steps)]
        total = bind.ref(claim.total, "total")
        if total is None and any(
            w in (claim.wording or "").lower() for w in ("unchanged", "where it started", "back to")
        ):
            total = bind.ref("exactly 0 percent", "total")
        if any(s is None for s in steps):
            return None
        for i, step in enumerate(steps):
            if step.written is not None and step.written.kind is not Kind.PERCENT:
                bind.problem(f"'{step.written.shown}' is not a percent change", f"steps[{i}]")
                return None
        bind.same_kind(frm, to)
        constraints = []
        current = frm
        signs = []
        for i, step in enumerate(steps):
            sign = common.direction(*common.change_words(step)) or 1
            signs.append(sign)
            nxt = to if i == len(steps) - 1 else bind.implied(f"the figure after step {i + 1}")
            constraints.append(Product(nxt.index, current.index, step.index, ONE, Q(sign) / HUNDRED))
            current = nxt
        total_sign = 1
        if total is not None:
            total_sign = common.direction(*common.change_words(total)) or 1
            constraints.append(Product(to.index, frm.index, total.index, ONE, Q(total_sign) / HUNDRED))
        figures = StepsFigures(frm, to, steps, total, signs, total_sign)
        return Binding([Reading("as-written", "as written", constraints)], figures)

    def judge(self, claim: StepsClaim, binding: Binding[StepsFigures], outcome: Outcome) -> Result:
        frm, to, steps, total, signs, total_sign = binding.figures
        factors = [1 + sign * s.written.value / 100 for sign, s in zip(signs, steps, strict=True)]
        product = Q(1)
        for f in factors:
            product *= f
        change = (product - 1) * 100
        lines = [
            " x ".join(display.ratio(f) for f in factors)
            + f" = {display.ratio(product)}: {display.percent(change, signed=True)} overall"
        ]
        claimed = (
            "back where it started"
            if total is not None and total.written and total.written.value == 0
            else (total.written.shown if total is not None and total.written else None)
        )
        exact_total = total is not None and total.written is not None and total.written.exact
        nominal_fits = not exact_total or change == total.written.value * total_sign
        if outcome.reading("as-written").feasible and nominal_fits:
            return Result(
                Verdict.CONSISTENT,
                f"The steps make {display.percent(change, signed=True)} overall"
                + (f", as '{claimed}' says." if claimed else "."),
                lines,
            )
        if outcome.reading("as-written").feasible:
            lines.append("only steps at the very edges of their rounding could give exactly the claimed total")
        return Result(
            Verdict.INCONSISTENT,
            f"The steps make {display.percent(change, signed=True)} overall (x{display.ratio(product)}), not {claimed or 'the stated figure'}.",
            lines,
            suggestion=f"Consistent alternative: '{'up' if change >= 0 else 'down'} {display.percent(abs(change))} overall'.",
        )


RULES = (Rate, CompoundGrowth, CumulativeChange)
