"""A change in percentage points between two percentages: its readings and its verdict, shared by
the points family (PP01) and from-to changes (CH02)."""

from __future__ import annotations

from rules import common
from validator import display
from validator.exact import Q
from validator.findings import Result, Verdict
from validator.result_data import PointsChangeData
from validator.rule import Outcome, Reading, Var
from validator.solver import Linear, Product

ONE = Q(1)


def _signed(change: Var, sign: int | None) -> Q:
    s = Q(sign or 1)
    if sign is not None and change.written is not None and change.written.value < 0:
        s = -s
    return s


def points_readings(frm: Var, to: Var, change: Var, sign: int | None) -> list[Reading]:
    s = _signed(change, sign)
    return [
        Reading("as-written", "as written", [Linear(((ONE, to.index), (-ONE, frm.index), (-s, change.index)))]),
        Reading(
            "opposite",
            "in the other direction",
            [Linear(((ONE, to.index), (-ONE, frm.index), (s, change.index)))],
            False,
        ),
        Reading("relative", "as a relative change", [Product(to.index, frm.index, change.index, ONE, s / 100)], False),
    ]


def judge_points(frm: Var, to: Var, change: Var, sign: int | None, outcome: Outcome) -> Result:
    ctx = outcome.context
    f_iv, t_iv, c_iv = ctx[frm.index], ctx[to.index], ctx[change.index]
    s = _signed(change, sign)
    stated = change.written.shown if change.written else "the change"
    as_written = outcome.reading("as-written")
    unknown = sorted(outcome.unknown & {frm.index, to.index})
    if as_written.feasible and len(unknown) == 1:
        target = frm if unknown[0] == frm.index else to
        iv = as_written.domains[target.index]
        return Result(
            Verdict.UNVERIFIABLE,
            f"The claim implies {common.implication(target, None, iv)} for "
            f"{target.called('the earlier figure' if target is frm else 'the later figure')}.",
            [common.allowed(change, c_iv.scale(s))],
            implied={target.name: common.implied_text(target, iv)},
        )
    if unknown:
        return Result(Verdict.UNVERIFIABLE, "Neither percentage is stated.", [])
    f_nom, t_nom = common.nominal(frm, f_iv), common.nominal(to, t_iv)
    diff = t_nom - f_nom
    pair = f"{common.amount(frm, f_iv)} to {common.amount(to, t_iv)}"
    lines = [f"{display.percent(t_nom)} - {display.percent(f_nom)} = {display.number(diff)} points"]
    rel = None
    if f_nom:
        rel = (t_nom / f_nom - 1) * 100
        lines.append(
            f"relative change: {display.percent(t_nom)} / {display.percent(f_nom)} - 1 = {display.percent(rel, signed=True)}"
        )
    lines.append(common.allowed(change, c_iv.scale(s), lambda x: display.number(x) + " points"))
    summary = f"{'+' if diff > 0 else ''}{display.number(diff)} points" + (
        f" ({display.percent(rel, signed=True)} relative)" if rel is not None else ""
    )
    data = PointsChangeData(f_nom, t_nom, diff, rel)
    if as_written.feasible:
        stated_iv = c_iv.scale(s)
        if not stated_iv.contains(diff):  # it fits only within the percentages' rounding
            message = common.within_rounding(
                [(frm, f_iv), (to, t_iv)], "the change", t_iv - f_iv, display.number,
                stated, display.interval(stated_iv) + " points", " points",
            )  # fmt: skip
            return Result(Verdict.CONSISTENT, message, lines, data=data)
        return Result(Verdict.CONSISTENT, f"{pair} is {summary}, as '{stated}' says.", lines, data=data)
    if outcome.reading("opposite").feasible:
        message = f"{pair} is {summary}: the direction is wrong."
        diagnosis = "direction"
    elif outcome.reading("relative").feasible:
        message = f"{pair} is {summary}; '{stated}' is the relative change given as points."
        diagnosis = "percent-as-points"
    else:
        message = f"{pair} is {summary}, not {stated}."
        diagnosis = "mismatch"
    return Result(
        Verdict.INCONSISTENT,
        message,
        lines,
        suggestion=f"Consistent alternative: '{common.rounded_like(abs(diff), change)} percentage points'.",
        data=data,
        diagnosis=diagnosis,
    )
