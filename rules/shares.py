"""Shares family: a part of a whole, and the granularity of averages (GRIM)."""

from __future__ import annotations

from math import ceil, floor
from typing import NamedTuple

from pydantic import Field

from rules import common
from validator import display
from validator.exact import Q
from validator.findings import Result, Verdict
from validator.models import ClaimBase, Ref, WrittenText
from validator.numbers import Kind, NumberFormatError, parse
from validator.rule import Binder, Binding, Example, Outcome, Reading, Rule, Var
from validator.solver import Product

ZERO = Q(0)
ONE = Q(1)


class ShareClaim(ClaimBase):
    part: Ref | None = Field(None, description="The part (leave out if not stated).")
    whole: Ref | None = Field(None, description="The whole it is a part of (leave out if not stated).")
    share: Ref = Field(description="'35 percent', 'one in three', 'a third', 'two in every 7,000'.")


class MeanClaim(ClaimBase):
    mean: Ref = Field(description="The stated average, as written: '3.47'.")
    n: Ref = Field(description="How many answered (a count).")
    items: int = Field(1, ge=1, le=1000, description="Answers each one gave, averaged together.")
    granularity: WrittenText = Field("1", description="Each answer is a multiple of this: '1', '0.5'.")


class ShareFigures(NamedTuple):
    part: Var
    whole: Var
    share: Var


class MeanFigures(NamedTuple):
    mean: Var
    n: Var
    total: Var  # the implied total of the answers, in steps of the granularity
    granularity: Q
    items: int


def _scale(share: Var) -> Q:
    return Q(1, 100) if share.written is not None and share.written.kind is Kind.PERCENT else ONE


def _as_percent(share: Var, x: Q) -> str:
    return display.percent(x * 100 * _scale(share))


class Share(Rule[ShareClaim, ShareFigures]):
    """A part stated as a share of a whole.

    What it does: checks "35 percent of 1,200 exhibitors", "420 (35 percent)",
    "one in three", "12 of the 15" against part and whole with their rounding.
    When the whole is a count, the part must be a whole number too (GRIM): 67%
    of 28 people is impossible, because 18/28 = 64.3% and 19/28 = 67.9%. When
    part or whole is not stated it reports the value the claim implies. A share
    off by a power of ten is named as such (a fraction written as a percent).

    Why it matters: shares of small groups are constrained more than they look,
    and a misplaced factor of 100 is a classic correction.
    """

    code = "SH01"
    name = "share"
    family = "shares"
    summary = "A share ('35 percent of 1,200') matches its part and whole."
    Claim = ShareClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: share
    part: "12"
    whole: "15"
    share: 80%
""",
            "80%",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
quantities:
  respondents: {value: "28", unit: people}
claims:
  - rule: share
    whole: respondents
    share: 67 percent
""",
            "18/28 = 64.3%",
        ),
        Example(
            Verdict.UNVERIFIABLE,
            """
quantities:
  exhibitors: {value: "1,200", unit: exhibitors}
claims:
  - rule: share
    whole: exhibitors
    share: 35 percent
""",
            "414 to 426",
        ),
    )

    def readings(self, claim: ShareClaim, bind: Binder) -> Binding[ShareFigures] | None:
        share = bind.ref(claim.share, "share")
        whole = bind.ref(claim.whole, "whole") or bind.implied("the whole")
        part = bind.ref(claim.part, "part") or bind.implied("the part")
        bind.same_kind(part, whole)
        if share is None:
            return None
        if share.written is not None and share.written.kind not in (Kind.PERCENT, Kind.FRACTION, Kind.NUMBER):
            bind.problem(f"'{share.written.shown}' is not a share ('35 percent')", "share")
            return None
        share.make_whole()  # '100 percent of' or 'all of' the whole is the whole, exactly
        product = Product(part.index, whole.index, share.index, ZERO, _scale(share))
        return Binding([Reading("as-written", "as written", [product])], ShareFigures(part, whole, share))

    def judge(self, claim: ShareClaim, binding: Binding[ShareFigures], outcome: Outcome) -> Result:
        part, whole, share = binding.figures
        ctx = outcome.context
        p_iv, w_iv, s_iv = ctx[part.index], ctx[whole.index], ctx[share.index]
        stated = share.written.shown if share.written else "the share"
        reading = outcome.reading("as-written")
        unknown = sorted(outcome.unknown & {part.index, whole.index})
        scale = _scale(share)
        s_nom = share.written.value if share.written else common.nominal(share, s_iv)
        fraction = s_nom * scale
        allowed = f"'{stated}' allows {display.interval(s_iv.scale(scale * 100), display.percent)}"
        if len(unknown) == 2:
            return Result(Verdict.UNVERIFIABLE, "Neither the part nor the whole is stated.", [allowed])
        if unknown:
            target = part if unknown[0] == part.index else whole
            if reading.feasible:
                iv = reading.domains[target.index]
                if target is part:
                    w_nom = common.nominal(whole, w_iv)
                    nominal = w_nom * fraction
                    line = f"{_as_percent(share, s_nom)} of {common.figure(whole, w_nom)} = {display.number(nominal)}"
                    if share.written is not None and share.written.qualifier is not None:
                        line = (
                            f"{share.written.shown} of {common.figure(whole, w_nom)}: {common.implied_text(target, iv)}"
                        )
                else:
                    p_nom = common.nominal(part, p_iv)
                    nominal = p_nom / fraction if fraction else None
                    line = f"{common.figure(part, p_nom)} / {_as_percent(share, s_nom)} = {display.number(nominal) if nominal is not None else '?'}"
                return Result(
                    Verdict.UNVERIFIABLE,
                    f"The claim implies {common.implication(target, nominal, iv)} for "
                    f"{target.called('the part' if target is part else 'the whole')}.",
                    [line, allowed],
                    implied={target.name: common.implied_text(target, iv)},
                )
            return self._impossible(part, whole, share, outcome, allowed)
        p_nom, w_nom = common.nominal(part, p_iv), common.nominal(whole, w_iv)
        known = w_nom and p_nom is not None
        ratio = display.percent(p_nom / w_nom * 100) if known else "?"
        lines = [f"{common.figure(part, p_nom)} / {common.figure(whole, w_nom)} = {ratio}", allowed]
        if reading.feasible:
            if w_nom == 0:  # every share of nothing is nothing
                return Result(
                    Verdict.CONSISTENT,
                    f"{common.amount(part, p_iv)} of {common.amount(whole, w_iv)}: any share of zero is zero, "
                    f"so '{stated}' fits, but says nothing.",
                    lines,
                )
            share_iv = s_iv.scale(scale * 100)
            if known and not share_iv.contains(p_nom / w_nom * 100) and not w_iv.contains_zero():
                message = common.within_rounding(
                    [(part, p_iv), (whole, w_iv)], "the share", (p_iv / w_iv).scale(Q(100)), display.percent,
                    stated, display.interval(share_iv, display.percent),
                )  # fmt: skip
                return Result(Verdict.CONSISTENT, message, lines)
            return Result(
                Verdict.CONSISTENT,
                f"{common.amount(part, p_iv)} of {common.amount(whole, w_iv)} is "
                f"{ratio if known else 'a share that is not known exactly'}, as '{stated}' says.",
                lines,
            )
        actual = p_nom / w_nom if known else None
        note = ""
        if actual and fraction:
            factor = actual / fraction
            for power in range(1, 9):
                for f, word in ((Q(10) ** power, "larger"), (Q(1, 10**power), "smaller")):
                    if abs(factor / f - 1) < Q(1, 10):
                        note = (
                            f" The stated share is {display.number(Q(10) ** power)} times too "
                            f"{'small' if word == 'larger' else 'large'}: a fraction written as a percent, or the reverse?"
                        )
        over = " A part cannot be more than its whole." if actual is not None and actual > 1 else ""
        return Result(
            Verdict.INCONSISTENT,
            f"{common.amount(part, p_iv)} of {common.amount(whole, w_iv)} is "
            f"{display.percent(actual * 100) if actual is not None else 'undefined'}, not {stated}.{note}{over}",
            lines,
            suggestion=f"Consistent alternative: '{common.rounded_like(actual * 100, share)} percent'."
            if actual is not None
            else None,
        )

    def _impossible(self, part: Var, whole: Var, share: Var, outcome: Outcome, allowed: str) -> Result:
        w_iv = outcome.context[whole.index]
        scale = _scale(share)
        s_nom = share.written.value * scale if share.written else None
        lines = [allowed]
        if whole.integer and w_iv.is_point() and s_nom is not None:
            n = w_iv.lo
            exact = n * s_nom
            lo, hi = floor(exact), ceil(exact)
            if lo == hi:
                lo, hi = lo - 1, hi + 1
            lines.insert(
                0,
                f"{display.number(lo)}/{display.number(n)} = {display.percent(Q(lo, 1) / n * 100)}, "
                f"{display.number(hi)}/{display.number(n)} = {display.percent(Q(hi, 1) / n * 100)}",
            )
            return Result(
                Verdict.INCONSISTENT,
                f"{share.written.shown} of {whole.says(display.number(n))} is impossible in whole numbers: "
                f"{lo}/{display.number(n)} = {display.percent(Q(lo) / n * 100)} and "
                f"{hi}/{display.number(n)} = {display.percent(Q(hi) / n * 100)}.",
                lines,
                suggestion=f"Consistent alternatives: '{common.rounded_like(Q(lo) / n * 100, share)} percent' "
                f"({lo}) or '{common.rounded_like(Q(hi) / n * 100, share)} percent' ({hi}).",
            )
        return Result(
            Verdict.INCONSISTENT, f"No part of {common.amount(whole, w_iv)} can be {share.written.shown} of it.", lines
        )


class MeanGranularity(Rule[MeanClaim, MeanFigures]):
    """An average of whole-number answers that the number of answers allows (GRIM).

    What it does: an average of n answers on a whole-number scale is a total
    (a whole number) divided by n, so only some averages are possible: with 15
    respondents, 3.47 is possible (52/15 = 3.467) and 3.48 is not (52/15 =
    3.467, 53/15 = 3.533). Set ``items`` when each respondent answered several
    questions averaged together, and ``granularity`` for half-point scales.

    Why it matters: the GRIM test finds impossible averages in published
    surveys and studies without access to the raw data.
    """

    code = "SH02"
    name = "mean-granularity"
    family = "shares"
    summary = "An average of whole-number answers is possible for the number of answers (GRIM)."
    Claim = MeanClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: mean-granularity
    mean: "3.47"
    n: "15"
""",
            "52 / 15",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: mean-granularity
    mean: "3.48"
    n: "15"
""",
            "53 / 15 = 3.533",
        ),
    )

    def readings(self, claim: MeanClaim, bind: Binder) -> Binding[MeanFigures] | None:
        mean = bind.ref(claim.mean, "mean")
        n = bind.ref(claim.n, "n")
        try:
            granularity = parse(claim.granularity).value
        except NumberFormatError as exc:
            bind.problem(str(exc), "granularity", code="IN04")
            return None
        if granularity <= 0:
            bind.problem("granularity must be more than zero", "granularity", code="IN04")
            return None
        if mean is None or n is None:
            return None
        n.count_explicit = True
        total = bind.implied("the total of the answers")
        total.count_explicit = True
        # total (in steps of the granularity) = n * items * mean / granularity
        product = Product(total.index, n.index, mean.index, ZERO, claim.items / granularity)
        figures = MeanFigures(mean, n, total, granularity, claim.items)
        return Binding([Reading("as-written", "as written", [product])], figures)

    def judge(self, claim: MeanClaim, binding: Binding[MeanFigures], outcome: Outcome) -> Result:
        mean, n, total, granularity, items = binding.figures
        reading = outcome.reading("as-written")
        m_iv, n_iv = outcome.context[mean.index], outcome.context[n.index]
        stated = mean.written.shown if mean.written else "the mean"
        if not n_iv.is_point():
            return Result(Verdict.UNVERIFIABLE, "The number of answers is not known exactly.", [])
        count = n_iv.lo * items
        if count <= 0:
            return Result(
                Verdict.INCONSISTENT,
                f"An average of {stated} needs at least one answer; the number of answers is {display.number(n_iv.lo)}.",
                [],
            )
        per = count / granularity
        exact = mean.written.value * per if mean.written else None
        allowed = f"'{stated}' allows {display.interval(m_iv)}"
        if reading.feasible:
            totals = reading.domains[total.index]
            t = totals.lo
            return Result(
                Verdict.CONSISTENT,
                f"An average of {stated} from {display.number(count)} answers is possible: a total of "
                f"{display.number(t * granularity)} gives {display.number(t / per, significant=5)}.",
                [
                    f"{display.number(t * granularity)} / {display.number(count)} = {display.number(t / per, significant=5)}",
                    allowed,
                ],
            )
        lo, hi = floor(exact), ceil(exact)
        below, above = Q(lo) / per, Q(hi) / per
        return Result(
            Verdict.INCONSISTENT,
            f"No whole total of {display.number(count)} answers averages {stated}: "
            f"{display.number(lo * granularity)} / {display.number(count)} = {display.number(below, significant=5)} and "
            f"{display.number(hi * granularity)} / {display.number(count)} = {display.number(above, significant=5)}.",
            [allowed],
            suggestion=f"Consistent alternatives: {common.rounded_like(below, mean)} or {common.rounded_like(above, mean)}.",
        )


RULES = (Share, MeanGranularity)
