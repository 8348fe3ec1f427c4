"""The figures of each relation kind, true or made false, for :mod:`tests.constructions`.

Each generator draws a scenario and figures, computes the claim's result in exact arithmetic, and
searches (deterministically, from the drawn figures) for figures that hold strictly (a true
example) or for one figure moved beyond every reading (a false example); see
:mod:`tests.construction_figures` for both tests. It returns the template's fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from tests.construction_figures import (
    CONSISTENT,
    INCONSISTENT,
    NUMBER_WORDS,
    PERCENT_STYLES,
    Draw,
    Figure,
    Relation,
    article,
    clearly_false,
    count,
    exact,
    holds_strictly,
    nudges,
    number,
    percent,
    round_half_up,
)
from tests.construction_scenarios import (
    BPS_RATES,
    BREAKDOWN_SCENARIOS,
    FACTORS,
    FRACTIONS,
    MEASURES,
    ONE_IN,
    PERIODS,
    POLL_VERBS,
    RATES,
    RIVALS,
    SHARE_SCENARIOS,
    Measure,
    change_words,
    draw_amount,
    measure_words,
    with_noun,
    writer_for,
)

if TYPE_CHECKING:
    from tests.constructions import Construction


class GenerationError(RuntimeError):
    """No figures fit the construction (a bug of this module, never of the reader)."""


# ------------------------------------------------------------------ what a generator returns
@dataclass
class Built:
    words: dict[str, str]  # template fields that are words
    figures: dict[str, Figure]  # template fields that are figures
    composites: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a field made of figures -> their names
    relations: tuple[Relation, ...] = ()
    why: str = ""


def _pick_measure(c: Construction, d: Draw, measures=MEASURES) -> Measure:
    allowed = [m for m in measures if not c.scenarios or m.key in c.scenarios]
    return d.choice(allowed)


def _period(c: Construction, d: Draw) -> dict[str, str]:
    """The earlier and later periods; one year apart when the sentence dates the change itself
    ("rose by 70 last year"), so that the change and the earlier figure cannot be read as spanning
    different periods."""
    return d.choice([p for p in PERIODS if not c.consecutive or int(p["late_year"]) - int(p["early_year"]) == 1])


def _show(x: Fraction) -> str:
    """An exact value for the arithmetic notes (never a decision)."""
    if x.denominator == 1:
        return f"{x.numerator:,}"
    return f"{float(x):,.4g}"


def _outward(start: int, values: tuple[Fraction, ...]):
    """values from index start onwards, then the ones before it (nearest first)."""
    return list(values[start:]) + list(reversed(values[:start]))


UP_FACTORS = (Fraction(8, 5), Fraction(2), Fraction(5, 2), Fraction(3), Fraction(4), Fraction(6), Fraction(10))
DOWN_FACTORS = (Fraction(3, 5), Fraction(1, 2), Fraction(2, 5), Fraction(1, 3), Fraction(1, 4), Fraction(1, 6))


def _moved(true: Fraction, d: Draw, push: int, ok) -> list[Fraction]:
    """Candidate false values for a figure: true times a factor clearly away from 1, in the drawn
    direction first (further each time), then in the other."""
    up = d.choice((True, False))
    first, second = (UP_FACTORS, DOWN_FACTORS) if up else (DOWN_FACTORS, UP_FACTORS)
    out = [true * f for f in _outward(push % len(first), first) + list(second)]
    return [v for v in out if ok(v)]


# ------------------------------------------------------------------ percent change
def percent_change(c: Construction, expected: str, d: Draw) -> Built:
    m = _pick_measure(c, d)
    w = writer_for(m.form, d)
    direction = d.choice(("up", "down"))
    up = direction == "up"
    style = d.choice(PERCENT_STYLES)
    decimals = d.choice((0, 0, 0, 1))
    mode = "true" if expected == CONSISTENT else d.choice(("moved", "moved", "base", "ratio"))
    lo_target, hi_target = ((35, 80) if up else (20, 45)) if mode == "base" else ((4, 80) if up else (4, 45))
    target = Fraction(d.integer(lo_target, hi_target))
    push = d.integer(0, 3)
    a0 = draw_amount(w, m.lo, m.hi, d)
    shape = "amount-and-later" if c.needs == "amount-and-later" else "earlier-and-later"
    sign = 1 if up else -1

    def change(a, b):  # the percent change, counted in the stated direction
        return sign * (b - a) * 100 / a

    def from_amount(dv, b):
        return dv * 100 / (b - sign * dv)

    for a in nudges(a0, w.step, w.step):
        b = w.round(a * (1 + sign * target / 100))
        if b <= 0 or b == a:
            continue
        A, B, D = w.figure(a), w.figure(b), w.figure(abs(b - a))
        exact_pct = change(a, b)
        for places in (decimals, decimals + 1):
            P = percent(round_half_up(exact_pct, Fraction(1, 10**places)), places, style)
            if P.value <= 0:
                continue
            rel = (
                Relation((A, B), P, change, "percent")
                if shape == "earlier-and-later"
                else Relation((D, B), P, from_amount, "percent")
            )
            if not holds_strictly(rel):
                continue
            stated = P
            why = f"{B.text} / {A.text} = {_show(b / a)}: {'a rise' if up else 'a fall'} of {_show(exact_pct)}%"
            if mode != "true":
                stated = _false_percent(rel, mode, a, b, places, style, d, push, up)
                if stated is None:
                    continue
                why += f"; stated {stated.text} ({mode})"
            words = measure_words(m) | change_words(direction, measure_words(m)["fewer"], d) | _period(c, d)
            figs = {"a": A, "b": B, "B": B, "A": A, "d": D, "p": stated}
            words |= {"a_p": f"{article(stated.text)} {stated.text}"}
            built = Built(words, figs, {"a_p": ("p",)}, (Relation(rel.operands, stated, rel.compute, "percent"),), why)
            _nouns(built, m)
            return built
    raise GenerationError(c.key)


def _false_percent(rel: Relation, mode: str, a, b, places, style, d: Draw, push: int, up: bool) -> Figure | None:
    """The stated percent of a false example: moved, computed on the wrong base, or the ratio.
    A fall is never stated as 100 percent or more (that would be a different, cruder error)."""
    exact_pct = rel.exact_result()

    def possible(v):
        return v > 0 and (up or v < 100)

    step = Fraction(1, 10**places)
    candidates: list[Fraction] = []
    if mode == "base":  # the change divided by the later figure instead of the earlier
        candidates.append(abs(b - a) * 100 / b)
    elif mode == "ratio":  # the later figure as a percent of the earlier, given as the change
        candidates.append(b * 100 / a)
    if not candidates or mode == "moved":
        candidates = _moved(exact_pct, d, push, possible)
    else:  # a confusion that is too close to the truth here is replaced by a moved figure
        candidates += _moved(exact_pct, d, push, possible)
    for v in candidates:
        shown = round_half_up(v, step)
        if not possible(shown):
            continue
        fig = percent(shown, places, style)
        if clearly_false(Relation(rel.operands, fig, rel.compute, rel.margin)):
            return fig
    return None


def _nouns(built: Built, m: Measure) -> None:
    """Fields that put the measure's noun after a figure ({A}, {B}, {D}), and its unit after the
    bare figures ({a}, {b}, {d}) when it has one ("1,500 tonnes")."""
    for key, noun in (("A", m.noun), ("B", m.noun), ("D", m.noun), ("a", m.unit), ("b", m.unit), ("d", m.unit)):
        if key in built.figures and noun:
            fig = built.figures.pop(key)
            built.words[key] = with_noun(fig, noun)
            built.figures[key + "#"] = fig
            built.composites[key] = (key + "#",)


# ------------------------------------------------------------------ from-to (a change as an amount)
def from_to(c: Construction, expected: str, d: Draw) -> Built:
    m = _pick_measure(c, d)
    w = writer_for(m.form, d)
    direction = d.choice(("up", "down"))
    up = direction == "up"
    sign = 1 if up else -1
    style = d.choice(PERCENT_STYLES)
    target = Fraction(d.integer(5, 70))
    push = d.integer(0, 3)
    a0 = draw_amount(w, m.lo, m.hi, d)

    def amount(a, b):
        return sign * (b - a)

    def change(a, b):
        return sign * (b - a) * 100 / a

    for a in nudges(a0, w.step, w.step):
        b = w.round(a * (1 + sign * target / 100))
        if b <= 0 or b == a:
            continue
        A, B, D = w.figure(a), w.figure(b), w.figure(abs(b - a))
        rels = [Relation((A, B), D, amount, "amount")]
        P = None
        if c.needs == "percent-too":
            P = percent(round_half_up(change(a, b), Fraction(1)), 0, style)
            rels.append(Relation((A, B), P, change, "percent"))
            if not holds_strictly(rels[1]) or P.value <= 0:
                continue
        assert holds_strictly(rels[0])
        stated = D
        why = f"{B.text} - {A.text} = {D.text}" if up else f"{A.text} - {B.text} = {D.text}"
        if expected == INCONSISTENT:
            stated = None
            for v in _moved(abs(b - a), d, push, lambda v, a=a: v > 0 and (up or v < a)):
                fig = w.figure(w.round(v)) if w.round(v) > 0 else None
                if fig and clearly_false(Relation((A, B), fig, amount, "amount")):
                    stated = fig
                    break
            if stated is None:
                continue
            why += f"; stated {stated.text}"
        words = measure_words(m) | change_words(direction, measure_words(m)["fewer"], d) | _period(c, d)
        figs = {"a": A, "b": B, "A": A, "B": B, "d": stated, "D": stated}
        if P is not None:
            figs["p"] = P
        rels[0] = Relation((A, B), stated, amount, "amount")
        built = Built(words, figs, {}, tuple(rels), why)
        _nouns(built, m)
        return built
    raise GenerationError(c.key)


# ------------------------------------------------------------------ multiple
def multiple(c: Construction, expected: str, d: Draw) -> Built:
    m = _pick_measure(c, d)
    w = writer_for(m.form, d)
    factor = d.choice([f for f in FACTORS if getattr(f, c.needs)])
    form = getattr(factor, c.needs)
    word = form if isinstance(form, str) else d.choice(form)
    up = factor.value > 1
    k = factor.value if up else 1 / factor.value  # larger over smaller, as the words say it
    off = (Fraction(2, 5), Fraction(1, 2), Fraction(3, 5), Fraction(4, 5), Fraction(1), Fraction(3, 2))
    push = d.integer(0, len(off) - 1)
    higher = d.choice((True, False))
    a0 = draw_amount(w, m.lo, m.hi, d)

    def ratio(a, b):  # larger over smaller
        return b / a if up else a / b

    for a in nudges(a0, w.step, w.step):
        b = a * factor.value
        if b != w.round(b) or b <= 0:
            continue
        A, B = w.figure(a), w.figure(b)
        stated_k = exact(word, k)
        rel = Relation((A, B), stated_k, ratio, "factor")
        assert holds_strictly(rel)
        why = f"{B.text} / {A.text} = {_show(b / a)}; '{word}' is {_show(factor.value)}"
        if expected == INCONSISTENT:
            moved = None
            for delta in _outward(push, off):
                k_false = k + delta if higher or k - delta < Fraction(5, 4) else k - delta
                b_false = w.round(a * k_false if up else a / k_false)
                if b_false <= 0:
                    continue
                candidate = Relation((A, w.figure(b_false)), stated_k, ratio, "factor")
                if clearly_false(candidate):
                    moved, rel = w.figure(b_false), candidate
                    break
            if moved is None:
                continue
            B = moved
            why = f"{B.text} / {A.text} = {_show(B.value / a)}; '{word}' is {_show(factor.value)}"
        direction = "up" if up else "down"
        words = measure_words(m) | change_words(direction, measure_words(m)["fewer"], d) | _period(c, d)
        factor_fields = ("k_verb", "k_times", "k_fold", "k_the")
        words |= dict.fromkeys(factor_fields, word) | {"a_k_fold": f"{article(word)} {word}"}
        comps = {key: ("k",) for key in (*factor_fields, "a_k_fold")}
        built = Built(words, {"a": A, "b": B, "A": A, "B": B, "k": stated_k}, comps, (rel,), why)
        _nouns(built, m)
        return built
    raise GenerationError(c.key)


# ------------------------------------------------------------------ percentage points
def _points_text(value: Fraction, places: int, d: Draw, bps: bool) -> tuple[Figure, Figure]:
    """The change in points as a noun ('3 percentage points', 'three points', '25 basis points')
    and as an adjective ('3-point', '3 percentage point')."""
    if bps:
        noun, adj = number(value * 100, 0, suffix=" basis points"), number(value * 100, 0, suffix="-basis-point")
        return tuple(Figure(f.text, value, f.half / 100, f.wide / 100) for f in (noun, adj))
    noun = d.choice((" percentage points", " points"))
    spelled = value.denominator == 1 and 1 <= value <= 10 and d.choice((False, True))
    if value == 1:
        noun = noun[:-1]
    if spelled:
        word = NUMBER_WORDS[int(value)]
        return (
            Figure(word + noun, value, Fraction(0), Fraction(1, 2)),
            Figure(word + "-point", value, Fraction(0), Fraction(1, 2)),
        )
    fig = number(value, places, suffix=noun)
    adj = number(value, places, suffix=d.choice(("-point", " percentage point")))
    return fig, adj


def points(c: Construction, expected: str, d: Draw) -> Built:
    bps = c.needs == "basis-points"
    allowed = [r for r in RATES if (r.key in BPS_RATES) == bps]
    rate = d.choice(allowed)
    places = d.choice(rate.places)
    step = Fraction(1, 4) if bps else Fraction(1, 10**places)
    style = d.choice(PERCENT_STYLES)
    direction = d.choice(("up", "down"))
    up = direction == "up"
    sign = 1 if up else -1
    relative = c.needs in ("relative", "percent-too")
    if bps:
        size = d.integer(1, 6) * step
    elif places == 0:
        size = Fraction(d.integer(4 if relative else 2, 15))
    else:
        size = d.integer(5, 80) * step
    mode = (
        "true"
        if expected == CONSISTENT
        else ("moved" if c.needs != "relative" else d.choice(("moved", "points-as-percent")))
    )
    push = d.integer(0, 3)
    l0 = (
        d.integer(rate.lo * 4, rate.hi * 4) * Fraction(1, 4)
        if bps
        else round_half_up(Fraction(d.integer(rate.lo * 10, rate.hi * 10), 10), step)
    )
    if mode == "points-as-percent":  # the confusion is clear only when the level is well below 100
        l0, size = round_half_up(Fraction(d.integer(100, 350), 10), step), max(size, Fraction(5))

    def point_change(l1, l2):
        return sign * (l2 - l1)

    def change(l1, l2):
        return sign * (l2 - l1) * 100 / l1

    for l1 in nudges(l0, step, step):
        l2 = l1 + sign * size
        if not (1 <= l2 <= 99) or not (1 <= l1 <= 99):
            continue
        L1, L2 = percent(l1, 2 if bps else places, style), percent(l2, 2 if bps else places, style)
        Dn, Dadj = _points_text(size, places, d, bps)
        rels = [Relation((L1, L2), Dn, point_change, "percent")]
        P = None
        if relative:
            exact_pct = change(l1, l2)
            P = percent(round_half_up(exact_pct, Fraction(1)), 0, style)
            if P.value <= 0 or not holds_strictly(Relation((L1, L2), P, change, "percent")):
                continue
            rels.append(Relation((L1, L2), P, change, "percent"))
        assert all(holds_strictly(r) for r in rels)
        why = f"{L2.text} - {L1.text} = {_show(l2 - l1)} points"
        if P is not None:
            why += f"; {L2.text} / {L1.text} = {_show(l2 / l1)}: {_show(change(l1, l2))}%"
        this_mode = mode
        if mode == "points-as-percent":  # the points given as a percent change
            false = percent(size, places, style)
            if clearly_false(Relation((L1, L2), false, change, "percent")):
                rels[1], P = Relation((L1, L2), false, change, "percent"), false
                why += f"; stated {false.text} (points as percent)"
            else:  # too close to the relative change at this level: a moved figure instead
                this_mode = "moved"
        if this_mode == "moved" and c.needs == "relative":
            false = None
            for v in _moved(change(l1, l2), d, push, lambda v: 0 < v and (up or v < 100)):
                fig = percent(round_half_up(v, Fraction(1)), 0, style)
                if (
                    0 < fig.value
                    and (up or fig.value < 100)
                    and clearly_false(Relation((L1, L2), fig, change, "percent"))
                ):
                    false = fig
                    break
            if false is None:
                continue
            rels[1] = Relation((L1, L2), false, change, "percent")
            P = false
            why += f"; stated {false.text}"
        elif this_mode == "moved":
            found = None

            def possible(v, l1=l1):  # a rise that stays below 100 percent, a fall that stays above 0
                return 0 < v and (l1 + v < 100 if up else v < l1)

            # small changes (basis points) move by whole points: nothing less is 3 points away
            candidates = _moved(size, d, push, possible) + [v for v in (size + k for k in range(4, 12)) if possible(v)]
            for v in candidates:
                shown = round_half_up(v, Fraction(1, 100) if bps else step)
                if shown <= 0:
                    continue
                n, adj = _points_text(shown, 2 if bps else places, d, bps)
                if clearly_false(Relation((L1, L2), n, point_change, "percent")):
                    found = (n, adj)
                    break
            if found is None:
                continue
            Dn, Dadj = found
            rels[0] = Relation((L1, L2), Dn, point_change, "percent")
            why += f"; stated {Dn.text}"
        words = {"s": rate.subject, "be": "was", "it": "it"} | change_words(direction, "less", d) | _period(c, d)
        figs = {"l1": L1, "l2": L2, "d": Dn, "d_adj": Dadj}
        if P is not None:
            figs["p"] = P
        words["a_d_adj"] = f"{article(Dadj.text)} {Dadj.text}"
        checked = tuple(rels if relative else rels[:1])
        return Built(words, figs, {"a_d_adj": ("d_adj",)}, checked, why)
    raise GenerationError(c.key)


# ------------------------------------------------------------------ share
def share(c: Construction, expected: str, d: Draw) -> Built:
    sc = d.choice([s for s in SHARE_SCENARIOS if not c.scenarios or s.key in c.scenarios])
    w = writer_for(sc.form, d)
    style = d.choice(PERCENT_STYLES)
    decimals = d.choice((0, 0, 0, 1))
    push = d.integer(0, 3)
    worded = None
    if c.needs == "fraction":
        worded = d.choice(FRACTIONS)
    elif c.needs == "one-in":
        n, word = d.choice(ONE_IN)
        worded = (Fraction(1, n), f"one in {word}")
    target = worded[0] * 100 if worded else Fraction(d.integer(5, 90))
    w0 = draw_amount(w, sc.lo, sc.hi, d)

    def share_of(p, whole):
        return p * 100 / whole

    for whole in nudges(w0, w.step, 4 * w.step):
        part = w.round(whole * target / 100)
        if part <= 0 or part >= whole:
            continue
        W, P = w.figure(whole), w.figure(part)
        places = decimals
        if worded:
            stated = exact(worded[1], worded[0] * 100)
        else:
            exact_pct = share_of(part, whole)
            stated = None
            for places in (decimals, decimals + 1):
                fig = percent(round_half_up(exact_pct, Fraction(1, 10**places)), places, style)
                if holds_strictly(Relation((P, W), fig, share_of, "percent")):
                    stated = fig
                    break
            if stated is None:
                continue
        rel = Relation((P, W), stated, share_of, "percent")
        if not holds_strictly(rel):
            continue
        why = f"{P.text} / {W.text} = {_show(part / whole * 100)}%"
        if expected == INCONSISTENT:
            false_rel = None
            if worded:  # the words stay; the part is moved
                for v in _moved(part, d, push, lambda v, whole=whole: 0 < v < whole):
                    moved = w.figure(w.round(v))
                    cand = Relation((moved, W), stated, share_of, "percent")
                    if 0 < moved.value < whole and clearly_false(cand):
                        false_rel, P = cand, moved
                        break
            else:
                for v in _moved(share_of(part, whole), d, push, lambda v: 0 < v < 100):
                    fig = percent(round_half_up(v, Fraction(1, 10**places)), places, style)
                    cand = Relation((P, W), fig, share_of, "percent")
                    if 0 < fig.value < 100 and clearly_false(cand):
                        false_rel, stated = cand, fig
                        break
            if false_rel is None:
                continue
            rel = false_rel
            why = f"{P.text} / {W.text} = {_show(P.value / whole * 100)}%; stated {stated.text}"
        words = {
            "holder": sc.holder,
            "verb": sc.verb,
            "part_noun": sc.part_noun,
            "pred": sc.pred,
            "part_subj": sc.part_subj,
            "part_subj_at": sc.part_subj_at,
            "P_q": f"{P.text} tonnes" if sc.form == "mass" else P.text,
            "part_verb": sc.part_verb,
            "these": sc.these,
            "the_whole": sc.the_whole.format(W=W.text),
            "W_n": sc.whole_n.format(W=W.text),
            "P_n": f"{P.text} {sc.part_noun}".strip() if sc.form != "money" else P.text,
        } | _period(c, d)
        figs = {"W": W, "P": P}
        comps = {"the_whole": ("W",), "W_n": ("W",), "P_n": ("P",), "P_q": ("P",)}
        if c.needs == "fraction":
            figs["frac"] = stated
        elif c.needs == "one-in":  # the template writes "One in {n}"
            figs["n"] = Figure(stated.text.removeprefix("one in "), stated.value, stated.half, stated.wide)
        else:
            figs["p"] = stated
        return Built(words, figs, comps, (rel,), why)
    raise GenerationError(c.key)


# ------------------------------------------------------------------ sum
def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def total(c: Construction, expected: str, d: Draw) -> Built:
    if c.scenarios == ("poll",):
        return _poll(c, expected, d)
    sc = d.choice([b for b in BREAKDOWN_SCENARIOS if b.key in c.scenarios])
    w = writer_for(sc.form, d)
    n = len(sc.quals)
    push = d.integer(0, 3)
    moved_index = d.integer(0, n)  # n: the total; else that part
    parts0 = [draw_amount(w, sc.lo, sc.hi, d) for _ in range(n)]

    def sum_of(*parts):
        return sum(parts, Fraction(0))

    for shift in range(60):
        parts = [p + shift * w.step for p in parts0]
        t = sum(parts, Fraction(0))
        figs = [w.figure(p) for p in parts]
        T = w.figure(t)
        rel = Relation(tuple(figs), T, sum_of, "amount")
        if not holds_strictly(rel):
            continue
        why = " + ".join(f.text for f in figs) + f" = {T.text}"
        if expected == INCONSISTENT:
            found = None
            target = t if moved_index == n else parts[moved_index]
            largest = max(parts)

            def plausible(v, largest=largest, t=t):  # a total above every part, a part below the total
                return v > largest if moved_index == n else 0 < v < t

            for v in _moved(target, d, push, plausible):
                fig = w.figure(w.round(v))
                if not plausible(fig.value):
                    continue
                if moved_index == n:
                    cand = Relation(tuple(figs), fig, sum_of, "amount")
                else:
                    ops = list(figs)
                    ops[moved_index] = fig
                    cand = Relation(tuple(ops), T, sum_of, "amount")
                if clearly_false(cand):
                    found = cand
                    break
            if found is None:
                continue
            rel = found
            figs, T = list(found.operands), found.stated
            why = " + ".join(f.text for f in figs) + f"; stated total {T.text}"
        texts = [f.text for f in figs]
        quals = [f"{t} {q}" for t, q in zip(texts, sc.quals, strict=True)]
        first_noun = [f"{texts[0]} {sc.noun} {sc.quals[0]}".replace("  ", " ")] + quals[1:]
        rest = [f"{t} {v}" for t, v in zip(texts, sc.verbs, strict=True)]
        rest[-1] = f"the remaining {rest[-1]}"
        words = {
            "holder": sc.holder,
            "holder_pos": sc.holder_pos,
            "verb": sc.verb,
            "T_n": with_noun(T, sc.noun),
            "T_own": f"{T.text} {sc.own}",
            "was_were": "was" if sc.form == "money" else "were",
            "these": "this" if sc.form == "money" else "these",
            "parts_q": _join(quals),
            "parts_qn": _join(first_noun),
            "parts_q_commas": ", ".join(quals),
            "parts_v": _join([f"{t} {v}" for t, v in zip(texts, sc.verbs, strict=True)]),
            "parts_v_rest": _join(rest),
        } | _period(c, d)
        names = tuple(f"part{i + 1}" for i in range(n))
        fig_map = dict(zip(names, figs, strict=True)) | {"T": T}
        comps = {key: names for key in ("parts_q", "parts_qn", "parts_q_commas", "parts_v", "parts_v_rest")}
        comps |= {"T_n": ("T",), "T_own": ("T",)}
        return Built(words, fig_map, comps, (rel,), why)
    raise GenerationError(c.key)


def _poll(c: Construction, expected: str, d: Draw) -> Built:
    style = d.choice(PERCENT_STYLES)
    a = d.integer(30, 60)
    b = d.integer(10, 100 - a - 5)
    parts = [a, b, 100 - a - b]
    push = d.integer(0, 3)
    people = count(d.integer(8, 30) * 100)
    hundred = exact("100 percent (implied)", 100)

    def sum_of(*xs):
        return sum(xs, Fraction(0))

    figs = [percent(Fraction(x), 0, style) for x in parts]
    rel = Relation(tuple(figs), hundred, sum_of, "amount")
    assert holds_strictly(rel)
    why = " + ".join(f.text for f in figs) + " = 100"
    if expected == INCONSISTENT:
        for v in _moved(Fraction(parts[2]), d, push, lambda v: 0 < v < 100):
            fig = percent(round_half_up(v, Fraction(1)), 0, style)
            cand = Relation((figs[0], figs[1], fig), hundred, sum_of, "amount")
            if fig.value > 0 and clearly_false(cand):
                figs[2], rel = fig, cand
                break
        else:
            raise GenerationError(c.key)
        why = " + ".join(f.text for f in figs) + f" = {_show(rel.exact_result())}, not 100"
    t = [f.text for f in figs]
    words = {
        "n": people.text,
        "parts_v_rest": f"{t[0]} {POLL_VERBS[0]}, {t[1]} {POLL_VERBS[1]} and the remaining {t[2]} {POLL_VERBS[2]}",
        "parts_v_the_rest": f"{t[0]} backed it, {t[1]} were against it and the rest, {t[2]}, had no view",
    }
    names = ("part1", "part2", "part3")
    fig_map = dict(zip(names, figs, strict=True))
    return Built(words, fig_map, {"parts_v_rest": names, "parts_v_the_rest": names}, (rel,), why)


# ------------------------------------------------------------------ difference
def difference(c: Construction, expected: str, d: Draw) -> Built:
    sc = d.choice([r for r in RIVALS if not c.scenarios or r.key in c.scenarios])
    w = writer_for(sc.form, d)
    push = d.integer(0, 3)
    smaller0 = draw_amount(w, sc.lo, sc.hi, d)
    gap_pct = Fraction(d.integer(3, 60))

    def larger_minus_smaller(larger, smaller):
        return larger - smaller

    for smaller in nudges(smaller0, w.step, w.step):
        larger = w.round(smaller * (1 + gap_pct / 100))
        if larger <= smaller:
            continue
        L, S, D = w.figure(larger), w.figure(smaller), w.figure(larger - smaller)
        rel = Relation((L, S), D, larger_minus_smaller, "amount")
        assert holds_strictly(rel)
        why = f"{L.text} - {S.text} = {D.text}"
        if expected == INCONSISTENT:
            found = None
            for v in _moved(larger - smaller, d, push, lambda v: v > 0):
                fig = w.figure(w.round(v))
                cand = Relation((L, S), fig, larger_minus_smaller, "amount")
                if fig.value > 0 and clearly_false(cand):
                    found = cand
                    break
            if found is None:
                continue
            rel, D = found, found.stated
            why += f"; stated {D.text}"
        mass = sc.form in ("mass", "money")
        words = {
            "X": sc.x,
            "Y": sc.y,
            "Xs": sc.xs,
            "Ys": sc.ys,
            "who": sc.who,
            "verb": sc.verb,
            "noun": sc.noun,
            "more": "more",
            "fewer": "less" if mass else "fewer",
            "higher": "higher",
            "L_n": with_noun(L, sc.noun),
            "S_n": with_noun(S, sc.noun),
            "D_n": with_noun(D, sc.noun),
            "late": _period(c, d)["late"],
        }
        comps = {"L_n": ("L",), "S_n": ("S",), "D_n": ("D",)}
        return Built(words, {"L": L, "S": S, "D": D}, comps, (rel,), why)
    raise GenerationError(c.key)
