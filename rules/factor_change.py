"""A change by a factor ("four times", "threefold", "doubled", "halved", "N times more"): its readings
and its verdict, shared by the multiples family (MU01) and from-to changes (CH02)."""

from __future__ import annotations

from typing import NamedTuple

from rules import common
from validator import display
from validator.exact import Q
from validator.findings import Result, Verdict
from validator.models import ClaimBase
from validator.numbers import Qualifier
from validator.policy import Policy, TimesMore
from validator.result_data import MultipleData
from validator.rule import Binder, Binding, Outcome, Reading, Var
from validator.solver import Product

ONE = Q(1)
ZERO = Q(0)

# "N times higher than" can mean N times as many or N+1 times as many.
UP_COMPARATIVES = frozenset(
    "higher more larger bigger greater faster taller longer heavier richer stronger costlier pricier".split()
)
# "N times less than" conventionally means 1/N; literally, less by N times the original.
DOWN_COMPARATIVES = frozenset("less fewer smaller lower cheaper shorter slower weaker lighter".split())


def comparative(claim, factor: Var) -> str | None:
    """'up' for 'times higher/more', 'down' for 'times less/fewer', else None."""
    found = set(common.words(claim.wording, *common.change_words(factor)))
    if found & UP_COMPARATIVES:
        return "up"
    if found & DOWN_COMPARATIVES:
        return "down"
    return None


class FactorFigures(NamedTuple):
    """A change by a factor, bound: its figures, and the policy its readings and verdict follow."""

    frm: Var
    to: Var
    factor: Var
    policy: Policy


def factor_binding(
    bind: Binder, claim: ClaimBase, frm: Var, to: Var, factor: Var, field: str = "factor"
) -> Binding[FactorFigures] | None:
    """The claim's readings of its factor (written in ``field``), with its figures; None for a
    factor that is no multiple: zero or less ('0 times' was a division by zero in from-to)."""
    if factor.written is not None and factor.written.value <= 0:
        bind.problem("a multiple must be more than zero", field, code="IN04")
        return None
    return Binding(_readings(bind.policy, claim, frm, to, factor), FactorFigures(frm, to, factor, bind.policy))


def _readings(policy: Policy, claim: ClaimBase, frm: Var, to: Var, factor: Var) -> list[Reading]:
    k = factor.index
    times = Reading("times-as-many", "k times as many", [Product(to.index, frm.index, k, ZERO, ONE)])
    plus_one = Reading("plus-one", "k + 1 times as many", [Product(to.index, frm.index, k, ONE, ONE)])
    how = comparative(claim, factor)
    if how == "down":
        return [
            Reading("fraction", "1/k of it", [Product(frm.index, to.index, k, ZERO, ONE)]),
            Reading("literal-less", "less by k times it", [Product(to.index, frm.index, k, ONE, -ONE)]),
        ]
    if how == "up":
        if policy.times_more is TimesMore.MULTIPLY:
            plus_one.primary = False
        elif policy.times_more is TimesMore.ADD_ONE:
            times.primary = False
        return [times, plus_one]
    plus_one.primary = False
    return [times, plus_one]


def _ratio_text(frm: Var, to: Var, f_nom, t_nom) -> str:
    return f"{common.figure(to, t_nom)} / {common.figure(frm, f_nom)} = {display.ratio(t_nom / f_nom)}"


def judge_factor(claim: ClaimBase, figures: FactorFigures, outcome: Outcome) -> Result:
    """The verdict on a change by a factor, with its readings named where the wording has two."""
    frm, to, factor, policy = figures
    ctx = outcome.context
    f_iv, t_iv = ctx[frm.index], ctx[to.index]
    k = factor.written.value if factor.written else None
    stated = factor.written.shown if factor.written else "the multiple"
    words = f"'{stated}{' ' + claim.wording if claim.wording else ''}'"
    how = comparative(claim, factor)
    feasible = outcome.primary_feasible
    unknown = sorted(outcome.unknown & {frm.index, to.index})
    f_nom, t_nom = common.nominal(frm, f_iv), common.nominal(to, t_iv)

    def implied_under(key: str, factor: Q) -> str:
        r = outcome.reading(key)
        target = frm if unknown[0] == frm.index else to
        if not (r and r.feasible):
            return "impossible"
        known = t_nom if target is frm else f_nom
        nominal = None if known is None else (known / factor if target is frm else known * factor)
        return common.implication(target, nominal, r.domains[target.index])

    both = [outcome.reading("times-as-many"), outcome.reading("plus-one")]
    if how == "up" and all(r.reading.primary for r in both):
        n, n1 = display.number(k), display.number(k + 1)
        if unknown and len(unknown) == 1 and feasible:
            target = frm if unknown[0] == frm.index else to
            a, b = implied_under("times-as-many", k), implied_under("plus-one", k + 1)
            verdict = Verdict.INCONSISTENT if policy.times_more is TimesMore.ERROR else Verdict.AMBIGUOUS
            known = to if target is frm else frm
            op = "/" if target is frm else "x"
            known_text = common.figure(known, t_nom if target is frm else f_nom)
            return Result(
                verdict,
                f"{words} has two readings: {a} for {target.called('the other figure')} if it means {n} times "
                f"as many, {b} if it means {n1} times as many ({n} times more). Say '{n} times as many'.",
                [
                    f"{n} times as many: {known_text} {op} {n} = {_apply(known, t_nom if target is frm else f_nom, op, k)}",
                    f"{n} times more = {n1} times as many: {known_text} {op} {n1} = "
                    f"{_apply(known, t_nom if target is frm else f_nom, op, k + 1)}",
                ],
                implied={target.name: f"{a} ({n}x) or {b} ({n1}x)"},
            )
        if unknown:
            return Result(Verdict.UNVERIFIABLE, "Neither figure is stated.")
        lines = [_ratio_text(frm, to, f_nom, t_nom)] if f_nom else []
        lines += [
            f"{n} times as many: {common.figure(to, t_nom)} / {n} = {_apply(frm, t_nom, '/', k)}",
            f"{n} times more = {n1} times as many: {common.figure(to, t_nom)} / {n1} = {_apply(frm, t_nom, '/', k + 1)}",
        ]
        fits = [r.reading.key for r in feasible]
        if not fits:
            return Result(
                Verdict.INCONSISTENT,
                f"{common.amount(to, t_iv)} is {_times(t_nom, f_nom)} {common.amount(frm, f_iv)}: "
                f"neither {n} nor {n1} times, whichever way {words} is read.",
                lines,
                suggestion=(
                    f"Consistent alternative: '{display.number(round(t_nom / f_nom, 1))} times as many'."
                    if f_nom and t_nom is not None
                    else None
                ),
            )
        reading = f"{n} times as many" if fits == ["times-as-many"] else f"{n1} times as many ({n} times more)"
        if len(fits) == 2:
            reading = f"either {n} or {n1} times as many"
        verdict = Verdict.INCONSISTENT if policy.times_more is TimesMore.ERROR else Verdict.AMBIGUOUS
        return Result(
            verdict,
            f"{words} is ambiguous; the figures fit {reading}. Say '{n if fits[0] == 'times-as-many' else n1} times as many'.",
            lines,
        )

    if how == "down":
        if not feasible:
            lines = [_ratio_text(frm, to, f_nom, t_nom)] if f_nom else []
            return Result(
                Verdict.INCONSISTENT,
                f"{common.amount(to, t_iv)} is not 1/{display.number(k)} of {common.amount(frm, f_iv)}, whichever way {words} is read.",
                lines,
            )
        fits = (
            "the usual reading, 1/" + display.number(k) + " of it"
            if outcome.reading("fraction").feasible
            else "the literal reading"
        )
        return Result(
            Verdict.AMBIGUOUS,
            f"{words} is ambiguous (literally it would be less than nothing); the figures fit {fits}. "
            f"Say 'a {_fraction_word(k)} of'.",
            [_ratio_text(frm, to, f_nom, t_nom)] if f_nom and t_nom is not None else [],
        )

    times = outcome.reading("times-as-many")
    if times.feasible and unknown:
        if len(unknown) == 2:
            return Result(Verdict.UNVERIFIABLE, "Neither figure is stated.")
        target = frm if unknown[0] == frm.index else to
        iv = times.domains[target.index]
        known_nom = t_nom if target is frm else f_nom
        nominal = known_nom / k if target is frm else known_nom * k
        op = "/" if target is frm else "x"
        return Result(
            Verdict.UNVERIFIABLE,
            f"The claim implies {common.implication(target, nominal, iv)} for {target.called('the other figure')}.",
            [
                f"{common.figure(to if target is frm else frm, known_nom)} {op} {display.number(k)} = {common.figure(target, nominal)}"
            ],
            implied={target.name: common.implied_text(target, iv)},
        )
    lines = [_ratio_text(frm, to, f_nom, t_nom)] if f_nom and t_nom is not None else []
    if times.feasible:
        k_iv = outcome.context[factor.index]
        if f_nom and t_nom is not None and not k_iv.contains(t_nom / f_nom) and not f_iv.contains_zero():
            message = common.within_rounding(
                [(frm, f_iv), (to, t_iv)], "the multiple", t_iv / f_iv, display.ratio, stated,
                f"{display.interval(k_iv, display.ratio)} times",
            )  # fmt: skip
            return Result(Verdict.CONSISTENT, message, lines)
        return Result(
            Verdict.CONSISTENT,
            f"{common.amount(to, t_iv)} is {_times(t_nom, f_nom)} {common.amount(frm, f_iv)}, as {words} says.",
            lines,
        )
    # From zero (or from a figure known only on one side) there is no ratio to show.
    actual = t_nom / f_nom if f_nom and t_nom is not None else None
    extra = ""
    if outcome.reading("plus-one").feasible and f_nom is not None:
        extra = (
            f" ({words} has no 'plus one' reading: it means {display.number(k)} times, {common.figure(to, f_nom * k)})"
        )
    not_what = f"not {display.number(k)} times{extra}."
    if factor.written is not None and factor.written.from_words:
        means = display.interval(outcome.context[factor.index], display.ratio)
        not_what = f"not {words}: '{stated}' means {means} times{extra}."
    alternatives = _alternatives(policy, factor, actual)
    if f_nom is not None:
        alternatives.append(f"{common.suggested(to, f_nom * k)} as the later figure")
    return Result(
        Verdict.INCONSISTENT,
        f"{common.amount(to, t_iv)} is {_times(t_nom, f_nom)} {common.amount(frm, f_iv)}, {not_what}",
        lines,
        suggestion=f"Consistent alternatives: {'; or '.join(alternatives)}." if alternatives else None,
        data=MultipleData(f_nom, t_nom, k, actual),
    )


def _alternatives(policy: Policy, factor: Var, actual: Q | None) -> list[str]:
    """Wordings that fit the figures: the stated word with the qualifier that reaches the actual
    multiple ('more than doubled'), then the multiple itself ('about 2.5 times', 'a fall of 38%')."""
    if actual is None or actual <= 0:
        return []
    found = []
    w = factor.written
    if w is not None and w.from_words and w.qualifier is None:
        for qualifier in (Qualifier.MORE_THAN, Qualifier.NEARLY, Qualifier.ABOUT):
            if w.with_qualifier(qualifier).interval(policy).contains(actual):
                found.append(f"'{qualifier.value} {w.text}'")
                break
    if actual >= 1:
        found.append(f"'about {display.fixed(actual, 1 if actual < 10 else 0)} times'")
    else:
        found.append(f"'a fall of {display.fixed((1 - actual) * 100, 0)} percent'")
    return found


def _times(t_nom: Q | None, f_nom: Q | None) -> str:
    """'4 times' (as in '24,000 is 4 times 6,000'), or why there is no multiple: the base is zero."""
    if f_nom and t_nom is not None:
        return f"{display.ratio(t_nom / f_nom)} times"
    if f_nom == 0:
        return "no multiple of" if t_nom else "any multiple of"
    return "an unknown multiple of"


def _apply(var: Var, value: Q | None, op: str, k: Q) -> str:
    if value is None:
        return "?"
    return common.figure(var, value / k if op == "/" else value * k)


def _fraction_word(k: Q) -> str:
    names = {2: "half", 3: "third", 4: "quarter", 5: "fifth", 10: "tenth", 100: "hundredth"}
    return names.get(int(k), f"1/{display.number(k)}") if k.denominator == 1 else f"1/{display.number(k)}"
