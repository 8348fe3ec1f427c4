"""Units family: one amount restated in other units, or in another currency at a stated rate."""

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
from validator.solver import Linear, Product

ONE = Q(1)


class RestatementClaim(ClaimBase):
    value: Ref = Field(description="The amount as first given: '1.2 million tonnes', '5 km', '1.2 billion yuan'.")
    as_: Ref = Field(alias="as", description="The same amount restated: '1.2 billion kilograms', 'about 3 miles'.")
    rate: Ref | None = Field(
        None,
        description="For another currency: the exchange rate the article states (a quantity with its date as "
        "period), e.g. '7.18 yuan per dollar'.",
    )


class RestatementFigures(NamedTuple):
    value: Var
    as_: Var
    rate: Var | None
    divide: bool  # through a rate: value = as x rate (True), or as = value x rate (False)


def _proportions_alike(value: Var, as_: Var) -> None:
    """'one in four, or 25 percent', 'almost one-fifth (18.2%)': a proportion restated as a percent is compared
    as a proportion (the percent divided by 100)."""
    kinds = (value.written.kind if value.written else None, as_.written.kind if as_.written else None)
    if kinds == (Kind.FRACTION, Kind.PERCENT):
        as_.scale = Q(1, 100)
    elif kinds == (Kind.PERCENT, Kind.FRACTION):
        value.scale = Q(1, 100)


def _unit_name(var: Var) -> str:
    if var.unit is None and var.written is not None and var.written.kind is Kind.PERCENT:
        return "percent"
    return var.unit.label if var.unit is not None else (var.noun or "")


class Restatement(Rule[RestatementClaim, RestatementFigures]):
    """The same amount given twice, in different units or magnitudes.

    What it does: converts one side into the other's units through pint, with
    the rounding of both sides: "1.2 million tonnes, or 1.2 billion kilograms"
    and "5 km, about 3 miles" are consistent; "120 million kilograms" for 1.2
    million tonnes is an error that shows the conversion. Two currencies are
    compared only through an exchange rate the fact sheet states, with its
    date; without one they are never mixed.

    Why it matters: conversions are where a factor of a thousand slips in
    (million/billion, tonnes/kilograms), and readers take the restated figure
    on trust.
    """

    code = "UN01"
    name = "restatement"
    family = "units"
    summary = "An amount restated in other units (or currency, at a stated rate) is the same amount."
    Claim = RestatementClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: restatement
    value: 1.2 million tonnes
    as: 1.2 billion kilograms
""",
            "1.2 million tonnes = 1.2 billion kilograms",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: restatement
    value: 1.2 million tonnes
    as: 120 million kilograms
""",
            "not 120 million kilograms",
        ),
        Example(
            Verdict.CONSISTENT,
            """
quantities:
  rate: {value: 7.18 yuan per dollar, period: "2025-07-18"}
claims:
  - rule: restatement
    value: 1.2 billion yuan
    as: about $167 million
    rate: rate
""",
            "1.2 billion yuan / 7.18",
        ),
    )

    def readings(self, claim: RestatementClaim, bind: Binder) -> Binding[RestatementFigures] | None:
        value = bind.ref(claim.value, "value")
        as_ = bind.ref(claim.as_, "as")
        rate = bind.ref(claim.rate, "rate")
        if value is None or as_ is None:
            return None
        if rate is None:
            bind.same_kind(value, as_)
            _proportions_alike(value, as_)
            reading = Reading("as-written", "as written", [Linear(((ONE, value.index), (-ONE, as_.index)))])
            return Binding([reading], RestatementFigures(value, as_, None, False))
        return _through_rate(bind, value, as_, rate)

    def judge(self, claim: RestatementClaim, binding: Binding[RestatementFigures], outcome: Outcome) -> Result:
        value, as_, rate, divide = binding.figures
        ctx = outcome.context
        feasible = outcome.reading("as-written").feasible
        v_text, a_text = common.amount(value, ctx[value.index]), common.amount(as_, ctx[as_.index])
        if rate is None:
            # Both are in the unit of 'value' here; show 'value' in the unit of 'as'.
            in_as_units = value.nominal / as_.scale if as_.scale else None
            shown = display.words(in_as_units) if in_as_units is not None else "?"
            lines = [f"{value.written.shown} = {shown} {_unit_name(as_)}".rstrip()]
            lines.append(
                f"'{as_.written.shown}' allows {display.interval(ctx[as_.index].scale(1 / as_.scale))}"
                f"{' ' + _unit_name(as_) if _unit_name(as_) else ''}"
            )
            if feasible:
                a_iv, v_iv = ctx[as_.index], ctx[value.index]
                if a_iv.contains(value.nominal) or v_iv.contains(as_.nominal):
                    return Result(Verdict.CONSISTENT, f"{v_text} is {a_text}, within the rounding of both.", lines)
                # Neither figure as written is within the other's rounding: they meet only where both ranges do.
                unit = f" {_unit_name(as_)}" if _unit_name(as_) else ""
                both = v_iv.intersect(a_iv).scale(1 / as_.scale)
                return Result(
                    Verdict.CONSISTENT,
                    f"Read as {display.interval(v_iv.scale(1 / as_.scale), display.words)}{unit} and "
                    f"{display.interval(a_iv.scale(1 / as_.scale), display.words)}{unit}, {v_text} and {a_text} "
                    f"meet at {display.interval(both, display.words)}{unit}, at the edge of both roundings.",
                    lines,
                )
            ratio = as_.nominal / value.nominal if value.nominal else None
            off = ""
            if ratio:
                for power in range(1, 13):
                    for f, word in ((Q(10) ** power, "times too large"), (Q(1, 10**power), "times too small")):
                        if abs(ratio / f - 1) < Q(1, 20):
                            off = f" ({display.number(Q(10) ** power)} {word}: a magnitude slipped?)"
            return Result(
                Verdict.INCONSISTENT,
                f"{v_text} is {shown} {_unit_name(as_)}, not {as_.written.shown}{off}.",
                lines,
                suggestion=f"Consistent alternative: '{shown} {_unit_name(as_)}'.",
            )
        r = rate.written.value
        op = "/" if divide else "x"
        converted = value.written.value / r if op == "/" else value.written.value * r
        currency = next(iter(as_.unit.currencies), None) if as_.unit else None
        shown = display.money(converted, currency)
        lines = [
            f"{value.written.shown} {op} {display.number(r)} = {shown} ({rate.written.shown}"
            f"{', ' + rate.period if rate.period else ''})"
        ]
        if feasible:
            return Result(Verdict.CONSISTENT, f"{v_text} at {rate.written.shown} is {a_text}.", lines)
        return Result(
            Verdict.INCONSISTENT,
            f"{v_text} at {rate.written.shown} is about {shown}, not {as_.written.shown}.",
            lines,
            suggestion=f"Consistent alternative: about {shown}.",
        )


def _through_rate(bind: Binder, value: Var, as_: Var, rate: Var) -> Binding[RestatementFigures] | None:
    """An amount restated in another currency through the stated exchange rate, either way round."""
    from validator.measure import DimensionError, factor

    if rate.written is None or rate.unit is None:
        bind.problem("an exchange rate needs a value with its units ('7.18 yuan per dollar')", "rate")
        return None
    if rate.declared and not rate.period:
        bind.problem("an exchange rate needs the date it applies to (period)", "period", under=rate.path)
        return None
    units = [v.unit.expression if v.unit else "1" for v in (value, as_, rate)]
    try:  # value = as * rate (yuan = dollars * yuan per dollar)
        k = factor(f"({units[1]}) * ({units[2]})", units[0])
        reading = Reading("as-written", "as written", [Product(value.index, as_.index, rate.index, Q(0), k)])
        return Binding([reading], RestatementFigures(value, as_, rate, True))
    except DimensionError:
        pass
    try:  # as = value * rate (dollars = yuan * dollars per yuan)
        k = factor(f"({units[0]}) * ({units[2]})", units[1])
        reading = Reading("as-written", "as written", [Product(as_.index, value.index, rate.index, Q(0), k)])
        return Binding([reading], RestatementFigures(value, as_, rate, False))
    except DimensionError:
        bind.problem(
            f"the rate '{rate.written.shown}' does not convert '{_unit_name(value)}' into '{_unit_name(as_)}'", "rate"
        )
        return None


RULES = (Restatement,)
