"""Change family: a number that rose or fell, by a percent or from one figure to another.

A from-to change (CH02) may be stated in points or as a multiple; those readings
and verdicts are shared with their own families through :mod:`rules.points_change`
and :mod:`rules.factor_change`.
"""

from __future__ import annotations

from typing import NamedTuple

from pydantic import Field

from rules import common
from rules.common import ChangeFigures, sign_of
from rules.factor_change import FactorFigures, factor_binding, judge_factor
from rules.points_change import judge_points, points_readings
from validator import display
from validator.exact import Q
from validator.findings import Result, Verdict
from validator.interval import NON_NEGATIVE
from validator.models import ClaimBase, Ref
from validator.numbers import Kind
from validator.result_data import PercentChangeData
from validator.rule import Binder, Binding, Example, Outcome, Reading, Rule, Var
from validator.solver import Linear, Product

ONE = Q(1)
HUNDRED = Q(100)


class PercentChangeClaim(ClaimBase):
    from_: Ref | None = Field(None, alias="from", description="The earlier figure (leave out if not stated).")
    to: Ref | None = Field(None, description="The later figure (leave out if not stated).")
    change: Ref = Field(description="The stated change in percent: '50 percent', 'up 67%', 'fell 13.8%'.")


class FromToClaim(ClaimBase):
    from_: Ref = Field(alias="from", description="The earlier figure.")
    to: Ref = Field(description="The later figure.")
    change: Ref | None = Field(
        None, description="The stated change, if any: '20 percent', '9 points', 'four times', '20'."
    )


# ---------------------------------------------------------------- shared parts


class FromToFigures(NamedTuple):
    """A from-to change, bound: the change's figures and the kind of its stated change (percent,
    points, multiple, amount; None when none is stated)."""

    change: ChangeFigures
    kind: Kind | None
    factor: FactorFigures | None  # for a change stated as a multiple


def percent_readings(frm: Var, to: Var, change: Var, sign: int | None) -> list[Reading]:
    """'Up Y%' read as written, and as the confusions this family diagnoses."""
    s = Q(sign or 1)
    if sign is not None and change.written is not None and change.written.value < 0:
        s = -s  # "fell -3%": the word gives the direction, the sign repeats it
    b = s / HUNDRED
    readings = [
        Reading("as-written", "as written", [Product(to.index, frm.index, change.index, ONE, b)]),
        Reading("opposite", "in the other direction", [Product(to.index, frm.index, change.index, ONE, -b)], False),
        Reading(
            "difference",
            "as the difference between the figures",
            [Linear(((ONE, to.index), (-ONE, frm.index), (-s, change.index)))],
            False,
        ),
        Reading(
            "ratio",
            "as the later figure in percent of the earlier",
            [Product(to.index, frm.index, change.index, Q(0), ONE / HUNDRED)],
            False,
        ),
        Reading(
            "later-base",
            "as a percent of the later figure",
            [Product(frm.index, to.index, change.index, ONE, -b)],
            False,
        ),
    ]
    return readings


def _direction_word(s: int) -> str:
    return "rise" if s > 0 else "fall"


def judge_percent(frm: Var, to: Var, change: Var, sign: int | None, outcome: Outcome) -> Result:
    ctx = outcome.context
    f_iv, t_iv, p_iv = ctx[frm.index], ctx[to.index], ctx[change.index]
    s = sign or 1
    if sign is not None and change.written is not None and change.written.value < 0:
        s = -s
    stated = change.written.shown if change.written else "the change"
    signed_p = change.written.value * s if change.written else None
    written_dir = _direction_word(1 if (signed_p or 0) >= 0 else -1)
    as_written = outcome.reading("as-written")
    unknown = sorted(outcome.unknown & {frm.index, to.index})

    if as_written.feasible and unknown:
        return _implied_by_percent(frm, to, change, s, outcome, unknown)
    if unknown:
        return _impossible_whole(frm, to, change, s, outcome, unknown)

    actual = common.relative_change(f_iv, t_iv)
    f_nom, t_nom = common.nominal(frm, f_iv), common.nominal(to, t_iv)
    lines = []
    actual_nom = None
    if f_nom and t_nom is not None:
        actual_nom = (t_nom / f_nom - 1) * 100
        lines.append(
            f"{common.figure(to, t_nom)} / {common.figure(frm, f_nom)} = {display.ratio(t_nom / f_nom)}: "
            f"a {_direction_word(1 if actual_nom >= 0 else -1)} of {display.percent(abs(actual_nom))}"
        )
    if actual is not None and not actual.is_point():
        lines.append(f"with the figures' rounding, the change lies {_range_words(actual)}")
    lines.append(common.allowed(change, p_iv.scale(Q(s)), lambda x: display.percent(x)))
    if t_nom is not None and signed_p is not None and signed_p != -100:
        implied = t_nom / (1 + signed_p / 100)
        line = (
            f"what the claim implies for the earlier figure: {common.figure(to, t_nom)} / "
            f"{_one_plus(signed_p)} = {common.figure(frm, implied)}"
        )
        factor = p_iv.scale(Q(s) / 100) + 1
        if not factor.contains_zero():
            earlier = t_iv / factor  # with the rounding of the later figure and of the percent
            if frm.integer:
                earlier = earlier.intersect(NON_NEGATIVE)
            shown = common.implied_text(frm, earlier)
            if shown != common.figure(frm, implied):
                line += f" ({shown} with the rounding)"
        lines.append(line)
    if common.is_share(frm) and common.is_share(to) and f_nom is not None and t_nom is not None:
        lines.append(
            f"in points: {display.percent(t_nom)} - {display.percent(f_nom)} = {display.number(t_nom - f_nom)} points"
        )

    if as_written.feasible and _points_explain_it_better(frm, to, p_iv, s, f_nom, t_nom, actual_nom):
        message, _ = _diagnose(frm, to, change, s, outcome, f_nom, t_nom, actual_nom, stated, force="difference")
        nearest = actual.lo if s > 0 else actual.hi  # the end of the possible changes nearest the claim
        return Result(
            Verdict.INCONSISTENT,
            message + " Only at the edges of the two figures' rounding could the relative change be as small "
            f"as {display.percent(abs(nearest))}.",
            lines,
            suggestion=_suggest("points-as-percent", frm, to, change, s, f_nom, t_nom, actual_nom),
            data=_chart(frm, to, f_nom, t_nom, signed_p, actual_nom),
            diagnosis="points-as-percent",
        )
    if as_written.feasible:
        stated_iv = p_iv.scale(Q(s))
        if actual_nom is not None and actual is not None and not stated_iv.contains(actual_nom):
            # It fits only within the figures' rounding: say so, with the ranges.
            way = _direction_word(1 if actual.lo is not None and actual.lo >= 0 else -1)
            message = common.within_rounding(
                [(frm, f_iv), (to, t_iv)], f"the {way}", actual if way == "rise" else -actual,
                display.percent, stated, display.interval(stated_iv if way == "rise" else -stated_iv, display.percent),
            )  # fmt: skip
        else:
            message = (
                f"{common.amount(frm, f_iv)} to {common.amount(to, t_iv)} is a {written_dir} of "
                f"{display.percent(abs(actual_nom)) if actual_nom is not None else stated}, as '{stated}' says."
            )
        return Result(Verdict.CONSISTENT, message, lines, data=_chart(frm, to, f_nom, t_nom, signed_p, actual_nom))

    message, diagnosis = _diagnose(frm, to, change, s, outcome, f_nom, t_nom, actual_nom, stated)
    suggestion = _suggest(diagnosis, frm, to, change, s, f_nom, t_nom, actual_nom)
    return Result(
        Verdict.INCONSISTENT,
        message,
        lines,
        suggestion=suggestion,
        data=_chart(frm, to, f_nom, t_nom, signed_p, actual_nom),
        diagnosis=diagnosis,
    )


def _points_explain_it_better(frm, to, p_iv, s, f_nom, t_nom, actual_nom) -> bool:
    """Between two percentages, the stated 'percent' is the point difference as written, and
    the relative change matches it only at the edges of the figures' rounding (57% to 60%,
    '3% higher': 3 points, while 60/57 is +5.3%)."""
    if not (common.is_share(frm) and common.is_share(to)) or actual_nom is None:
        return False
    relative_fits = p_iv.contains(actual_nom * s)
    points_fit = p_iv.contains((t_nom - f_nom) * s)
    return points_fit and not relative_fits


def _one_plus(p: Q) -> str:
    """'(1 + 50%)', '(1 - 21%)'."""
    return f"(1 {'-' if p < 0 else '+'} {display.percent(abs(p))})"


def _range_words(iv) -> str:
    return f"between {display.percent(iv.lo)} and {display.percent(iv.hi)}" if iv.is_bounded() else display.interval(iv)


def _chart(frm, to, f_nom, t_nom, stated_pct, actual_pct) -> PercentChangeData:
    return PercentChangeData(f_nom, t_nom, stated_pct, actual_pct)


def _diagnose(frm, to, change, s, outcome, f_nom, t_nom, actual_nom, stated, force=None) -> tuple[str, str]:
    f_iv, t_iv = outcome.context[frm.index], outcome.context[to.index]
    pair = f"{common.amount(frm, f_iv)} to {common.amount(to, t_iv)}"
    actual_words = (
        f"a {_direction_word(1 if actual_nom >= 0 else -1)} of {display.percent(abs(actual_nom))}"
        if actual_nom is not None
        else "an undefined change"
    )
    if f_iv.is_point() and f_iv.lo == 0:
        return (f"{pair}: a change from zero has no finite percent, so '{stated}' cannot be right.", "from-zero")
    signed = change.written.value * s if change.written else None
    if signed is not None and signed < -100 and not f_iv.contains(Q(-1)) and not t_iv.contains(Q(-1)):
        return (
            f"'{stated}' is a fall of more than 100%, which would leave less than nothing; {pair} is {actual_words}.",
            "fall-over-100",
        )
    if force is None and outcome.reading("opposite").feasible:
        return (
            f"{pair} is {actual_words}, but the wording says a {_direction_word(s)}: the direction is wrong.",
            "direction",
        )
    if (force == "difference" or outcome.reading("difference").feasible) and f_nom is not None and t_nom is not None:
        diff = t_nom - f_nom
        way = "rise" if diff >= 0 else "fall"
        if common.is_share(frm) and common.is_share(to):
            return (
                f"{pair} is a {way} of {display.number(abs(diff))} percentage points, or "
                f"{_relative(actual_nom)} relative: '{stated}' gives the point difference as a "
                "percent change.",
                "points-as-percent",
            )
        return (
            f"{pair} is a {way} of {display.number(abs(diff))}, or {_relative(actual_nom)}: "
            f"'{stated}' gives the absolute difference as a percent change.",
            "difference-as-percent",
        )
    if outcome.reading("ratio").feasible and f_nom:
        return (
            f"'{stated}' is the later figure as a percent of the earlier ({common.figure(to, t_nom)} / "
            f"{common.figure(frm, f_nom)} = {display.percent(t_nom / f_nom * 100)}), not the change: "
            f"{pair} is {actual_words}.",
            "ratio-as-change",
        )
    if outcome.reading("later-base").feasible and t_nom:
        return (
            f"'{stated}' was computed against the later figure ({display.number(abs(t_nom - f_nom))} / "
            f"{common.figure(to, t_nom)}); against the earlier one, {pair} is {actual_words}.",
            "wrong-base",
        )
    return (f"{pair} is {actual_words}, not {stated}.", "mismatch")


def _relative(actual_nom: Q | None) -> str:
    """The relative change in words; from zero there is none."""
    return display.percent(abs(actual_nom)) if actual_nom is not None else "no finite percent (it starts from zero)"


def _suggest(diagnosis, frm, to, change, s, f_nom, t_nom, actual_nom) -> str | None:
    if actual_nom is None:
        return None
    word = "increase" if actual_nom >= 0 else "decrease"
    parts = [f"'a {common.rounded_like(abs(actual_nom), change)} percent {word}'"]
    if diagnosis == "points-as-percent":
        parts.insert(0, f"'{display.number(abs(t_nom - f_nom))} percentage points'")
    elif diagnosis == "difference-as-percent":
        parts.insert(0, f"'an {word} of {display.number(abs(t_nom - f_nom))}'")
    elif diagnosis == "ratio-as-change" and f_nom:
        parts.append(f"'{display.ratio(t_nom / f_nom)} times as many'")
    elif diagnosis == "mismatch" and change.written is not None:
        factor = 1 + change.written.value * s / 100
        if frm.stated:
            parts.append(f"{common.suggested(to, f_nom * factor)} as the later figure")
        if to.stated and factor != 0:
            parts.append(f"{common.suggested(frm, t_nom / factor)} as the earlier figure")
    elif diagnosis == "from-zero":
        return "Consistent alternative: give the change as an amount ('up from zero to ...')."
    return "Consistent alternatives: " + "; or ".join(parts) + "."


def _impossible_whole(frm, to, change, s, outcome, unknown) -> Result:
    """The claim implies a figure that is not a whole number, for a count."""
    target = frm if frm.index in unknown else to
    known = to if target is frm else frm
    k_iv = outcome.context[known.index]
    p_iv = outcome.context[change.index].scale(Q(s))
    factor = p_iv.scale(Q(1, 100)) + 1
    real = k_iv / factor if target is frm else k_iv * factor
    return Result(
        Verdict.INCONSISTENT,
        f"No whole number of {target.noun or 'things'} fits: {common.amount(known, k_iv)} with "
        f"'{change.written.shown}' implies {display.interval(real)} for {target.called('the other figure')}.",
        [common.allowed(change, p_iv, display.percent)],
        diagnosis="not-whole",
    )


def _implied_by_percent(frm, to, change, s, outcome, unknown) -> Result:
    as_written = outcome.reading("as-written")
    p = change.written.value * s if change.written else None
    if len(unknown) == 2 or p is None:
        factor = 1 + p / 100 if p is not None else None
        if factor is None:
            return Result(Verdict.UNVERIFIABLE, "Neither figure is stated.")
        return Result(
            Verdict.UNVERIFIABLE,
            f"Neither figure is stated; '{change.written.shown}' means the later figure is "
            f"{display.ratio(factor)} times the earlier.",
            [f"1 + {display.percent(p)} = {display.ratio(factor)}"],
        )
    factor = 1 + p / 100
    known = to if frm.index in unknown else frm
    target = frm if known is to else to
    known_nom = common.nominal(known, outcome.context[known.index])
    iv = as_written.domains[target.index]
    if known is to:
        nominal = known_nom / factor if factor else None
        line = f"{common.figure(to, known_nom)} / {_one_plus(p)} = {common.figure(frm, nominal)}"
        role = "the earlier figure"
    else:
        nominal = known_nom * factor
        line = f"{common.figure(frm, known_nom)} x {_one_plus(p)} = {common.figure(to, nominal)}"
        role = "the later figure"
    lines = [line, f"with the rounding of the stated figures: {common.implied_text(target, iv)}"]
    points = outcome.reading("difference")
    if common.is_share(known) and points is not None and points.feasible:
        pts_iv = points.domains[target.index]
        if pts_iv != iv:
            return Result(
                Verdict.AMBIGUOUS,
                f"'{change.written.shown}' of a percentage has two readings: as a relative change, "
                f"{target.called(role)} was {common.implied_text(target, iv)}; as points, it was "
                f"{common.implied_text(target, pts_iv)}. Say 'percentage points', or give both figures.",
                lines,
                implied={
                    target.name: f"{common.implied_text(target, iv)} (relative) or "
                    f"{common.implied_text(target, pts_iv)} (points)"
                },
            )
    return Result(
        Verdict.UNVERIFIABLE,
        f"The claim implies {common.implication(target, nominal, iv)} for {target.called(role)}.",
        lines,
        implied={target.name: common.implied_text(target, iv)},
    )


# ---------------------------------------------------------------------- rules


class PercentChange(Rule[PercentChangeClaim, ChangeFigures]):
    """A figure that rose or fell by a stated percent.

    What it does: checks "up 67 percent", "a 50 percent increase", "fell 13.8%",
    "year-on-year" against the two figures, with the rounding of all three; when
    one figure is not stated it reports the value the claim implies (102 after
    a 50% rise implies 68 before). It names the usual confusions: the wrong
    direction, percentage points given as percent, the ratio given as the
    increase (300% for a tripling), a percent of the later figure, a fall of
    more than 100%, and growth from zero.

    Why it matters: a percent change is the most common number in news copy and
    the most often wrong; readers cannot check it without both figures.
    """

    code = "CH01"
    name = "percent-change"
    family = "change"
    summary = "A stated percent change matches the figures before and after."
    Claim = PercentChangeClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: percent-change
    from: "68"
    to: "102"
    change: 50 percent
    wording: increase
""",
            "rise of 50%",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: percent-change
    from: "70"
    to: "102"
    change: 50 percent
    wording: increase
""",
            "a rise of 45.7%",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: percent-change
    from: "3,000"
    to: "9,000"
    change: 300 percent
    wording: increase
""",
            "later figure as a percent of the earlier",
        ),
        Example(
            Verdict.UNVERIFIABLE,
            """
quantities:
  signups: {value: "102", unit: companies}
claims:
  - rule: percent-change
    to: signups
    change: 50 percent
    wording: increase
""",
            "implies 68 companies",
        ),
    )

    def readings(self, claim: PercentChangeClaim, bind: Binder) -> Binding[ChangeFigures] | None:
        change = bind.ref(claim.change, "change")
        frm = bind.ref(claim.from_, "from") or bind.implied("the earlier figure")
        to = bind.ref(claim.to, "to") or bind.implied("the later figure")
        bind.same_kind(frm, to)
        if change is None:
            return None
        if change.written is not None and change.written.kind is not Kind.PERCENT:
            instead = "percentage-points" if change.written.kind is Kind.POINTS else "from-to"
            bind.problem(f"'{change.written.shown}' is not a percent; use rule {instead} for this change", "change")
            return None
        sign = sign_of(bind, claim, change)
        return Binding(percent_readings(frm, to, change, sign), ChangeFigures(frm, to, change, sign))

    def judge(self, claim: PercentChangeClaim, binding: Binding[ChangeFigures], outcome: Outcome) -> Result:
        frm, to, change, sign = binding.figures
        return judge_percent(frm, to, change, sign, outcome)


class FromTo(Rule[FromToClaim, FromToFigures]):
    """A figure that went from one value to another, with or without a stated change.

    What it does: checks that the wording's direction ("grew", "fell") matches
    the two figures and, when a change is stated, that it matches them: a
    percent, percentage points, a multiple ("four times") or an amount ("20
    more"). It always reports the absolute and relative change, and diagnoses a
    change that equals the absolute difference but not the relative one (55 to
    75, "a 20 percent increase").

    Why it matters: "from A to B" invites the reader to compare; a stated
    change that does not follow from A and B misleads even when both are right.
    """

    code = "CH02"
    name = "from-to"
    family = "change"
    summary = "A change 'from A to B' goes the stated way, by the stated amount."
    Claim = FromToClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: from-to
    from: "55"
    to: "75"
    wording: grew from
""",
            "+36.4%",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: from-to
    from: "55"
    to: "75"
    change: 20 percent
    wording: increase
""",
            "gives the absolute difference as a percent change",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: from-to
    from: less than 40 percent
    to: nearly 20 percent
    wording: increased
""",
            "direction",
        ),
    )

    def readings(self, claim: FromToClaim, bind: Binder) -> Binding[FromToFigures] | None:
        frm = bind.ref(claim.from_, "from")
        to = bind.ref(claim.to, "to")
        change = bind.ref(claim.change, "change")
        bind.same_kind(frm, to)
        if frm is None or to is None:
            return None
        sign = sign_of(bind, claim, change)
        kind = change.written.kind if change is not None and change.written is not None else None
        figures = ChangeFigures(frm, to, change, sign)
        if change is None:
            readings = _direction_readings(frm, to, sign)
        elif kind is Kind.PERCENT:
            readings = percent_readings(frm, to, change, sign)
        elif kind is Kind.POINTS:
            readings = points_readings(frm, to, change, sign)
        elif kind is Kind.MULTIPLE:
            by_factor = factor_binding(bind, claim, frm, to, change, "change")
            if by_factor is None:
                return None
            return Binding(by_factor.readings, FromToFigures(figures, kind, by_factor.figures))
        else:
            bind.same_kind(frm, to, change)
            readings = _amount_readings(frm, to, change, sign)
        return Binding(readings, FromToFigures(figures, kind, None))

    def judge(self, claim: FromToClaim, binding: Binding[FromToFigures], outcome: Outcome) -> Result:
        (frm, to, change, sign), kind, by_factor = binding.figures
        if change is None:
            return _judge_direction(frm, to, sign, outcome)
        if kind is Kind.PERCENT:
            return judge_percent(frm, to, change, sign, outcome)
        if kind is Kind.POINTS:
            return judge_points(frm, to, change, sign, outcome)
        if by_factor is not None:
            return judge_factor(claim, by_factor, outcome)
        return _judge_amount(frm, to, change, sign, outcome)


def _direction_readings(frm: Var, to: Var, sign: int | None) -> list[Reading]:
    # No stated change: nothing links the figures; the direction is checked in judge.
    return [Reading("as-written", "as written", [])]


def _judge_direction(frm: Var, to: Var, sign: int | None, outcome: Outcome) -> Result:
    f_iv, t_iv = outcome.context[frm.index], outcome.context[to.index]
    f_nom, t_nom = common.nominal(frm, f_iv), common.nominal(to, t_iv)
    pair = f"{common.amount(frm, f_iv)} to {common.amount(to, t_iv)}"
    if f_nom is None or t_nom is None:
        return Result(Verdict.UNVERIFIABLE, f"{pair}: one of the figures is not known.")
    diff = t_nom - f_nom
    shares = common.is_share(frm) and common.is_share(to)
    lines = [
        f"{common.figure(to, t_nom)} - {common.figure(frm, f_nom)} = {display.number(diff)}"
        + (" percentage points" if shares else "")
    ]
    rel = None
    if f_nom != 0:
        rel = (t_nom / f_nom - 1) * 100
        lines.append(
            f"{common.figure(to, t_nom)} / {common.figure(frm, f_nom)} = {display.ratio(t_nom / f_nom)}: {display.percent(rel, signed=True)}"
        )
    unit = " points" if shares else ""
    summary = f"{'+' if diff > 0 else ''}{display.number(diff)}{unit}" + (
        f" ({display.percent(rel, signed=True)}{' relative' if shares else ''})" if rel is not None else ""
    )
    data = _chart(frm, to, f_nom, t_nom, None, rel)
    # Decide the direction on what the figures allow, not on their nominal values.
    rises, falls = common.above(t_iv, f_iv), common.above(f_iv, t_iv)
    if (sign == 1 and falls) or (sign == -1 and rises):
        return Result(
            Verdict.INCONSISTENT,
            f"{pair} is a {'fall' if falls else 'rise'}, but the wording says it {'rose' if sign == 1 else 'fell'}: "
            f"the direction is wrong ({summary}).",
            lines,
            suggestion=f"Check the figures, or say it {'fell' if falls else 'rose'}.",
            data=data,
            diagnosis="direction",
        )
    return Result(Verdict.CONSISTENT, f"{pair}: {summary}.", lines, data=data)


def _amount_readings(frm: Var, to: Var, change: Var, sign: int | None) -> list[Reading]:
    s = Q(sign or 1)
    return [
        Reading("as-written", "as written", [Linear(((ONE, to.index), (-ONE, frm.index), (-s, change.index)))]),
        Reading(
            "opposite",
            "in the other direction",
            [Linear(((ONE, to.index), (-ONE, frm.index), (s, change.index)))],
            False,
        ),
    ]


def _judge_amount(frm: Var, to: Var, change: Var, sign: int | None, outcome: Outcome) -> Result:
    ctx = outcome.context
    f_iv, t_iv, c_iv = ctx[frm.index], ctx[to.index], ctx[change.index]
    f_nom, t_nom = common.nominal(frm, f_iv), common.nominal(to, t_iv)
    s = sign or 1
    stated = change.written.shown if change.written else "the change"
    as_written = outcome.reading("as-written")
    unknown = sorted(outcome.unknown & {frm.index, to.index})
    if unknown:
        if len(unknown) == 2 or not as_written.feasible:
            return Result(
                Verdict.UNVERIFIABLE if as_written.feasible else Verdict.INCONSISTENT,
                "Neither figure is stated." if as_written.feasible else f"No figure fits a change of {stated}.",
            )
        target = frm if unknown[0] == frm.index else to
        known, known_nom = (to, t_nom) if target is frm else (frm, f_nom)
        change_nom = change.nominal * s if change.written else None
        nominal = None if change_nom is None else (known_nom - change_nom if target is frm else known_nom + change_nom)
        iv = as_written.domains[target.index]
        return Result(
            Verdict.UNVERIFIABLE,
            f"The claim implies {common.implication(target, nominal, iv)} for "
            f"{target.called('the earlier figure' if target is frm else 'the later figure')}.",
            [
                f"{common.figure(known, known_nom)} {'-' if target is frm else '+'} {stated} = {common.figure(target, nominal)}"
            ]
            if nominal is not None
            else [],
            implied={target.name: common.implied_text(target, iv)},
        )
    pair = f"{common.amount(frm, f_iv)} to {common.amount(to, t_iv)}"
    lines = [f"{common.figure(to, t_nom)} - {common.figure(frm, f_nom)} = {display.number(t_nom - f_nom)}"]
    lines.append(common.allowed(change, c_iv.scale(Q(s))))
    if as_written.feasible:
        if not c_iv.scale(Q(s)).contains(t_nom - f_nom):
            message = common.within_rounding(
                [(frm, f_iv), (to, t_iv)], "the change", t_iv - f_iv, display.number, stated,
                display.interval(c_iv.scale(Q(s))),
            )  # fmt: skip
            return Result(Verdict.CONSISTENT, message, lines)
        return Result(
            Verdict.CONSISTENT, f"{pair} is a change of {display.number(t_nom - f_nom)}, as '{stated}' says.", lines
        )
    if outcome.reading("opposite").feasible:
        message = f"{pair} goes the other way: the direction is wrong."
    else:
        message = f"{pair} is a change of {display.number(t_nom - f_nom)}, not {stated}."
    return Result(
        Verdict.INCONSISTENT,
        message,
        lines,
        suggestion=f"Consistent alternative: a change of {display.number(t_nom - f_nom)}.",
    )


RULES = (PercentChange, FromTo)
