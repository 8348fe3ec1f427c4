"""Numeric claims written in English, generated: the specification the article reader must meet.

For each relation kind (percent change, from-to, multiple, percentage points, share, sum,
difference) this module writes claims in many constructions: orders of the figures, verbs and
nominalisations, appositives, brackets, "or", "compared with / versus / than / against", "up /
down", and claims spread over two sentences. Figures come in varied written forms ("30 percent",
"30%", "30 per cent", "1,200", "1.2 million", "$3.2m", "£2.5bn", "nine") and are computed in exact
arithmetic (see :mod:`tests.construction_figures` for what makes an example true or false).

Each :class:`Example` carries its text, kind, construction, the span of the sentence(s) holding the
claim, the figures as written, and the verdict a careful fact-checker gives: "consistent" or
"inconsistent". False examples move one figure beyond every reading, or make a classic mistake:
a change in points given as a percent, a change computed on the wrong base, the later-over-earlier
ratio given as the change.

One source of templates, two ways to draw from it: :func:`examples` (hypothesis strategies, one
per kind: :func:`percent_change`, :func:`from_to`, ...) and :func:`sample` (a seeded generator for
the measured evaluation). ``generate`` is the only place an example is built.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field

from tests import construction_kinds as kinds
from tests.construction_figures import CONSISTENT as CONSISTENT  # re-exported: the verdicts of examples
from tests.construction_figures import INCONSISTENT as INCONSISTENT
from tests.construction_figures import VERDICTS, Draw, HypothesisDraw, RandomDraw, Relation
from tests.construction_kinds import GenerationError
from tests.construction_scenarios import BPS_RATES, LEADS, MEASURES, TAILS

KINDS = ("percent-change", "from-to", "multiple", "percentage-points", "share", "sum", "difference")


@dataclass(frozen=True)
class Example:
    text: str
    kind: str
    construction: str
    span: tuple[int, int]  # the sentence(s) holding the claim
    figures: dict[str, str]  # role -> the figure as written
    expected: str  # "consistent" or "inconsistent"
    why: str  # the arithmetic, for failure messages
    relations: tuple[Relation, ...] = field(default=(), repr=False, compare=False)  # what was checked

    @property
    def claim(self) -> str:
        return self.text[self.span[0] : self.span[1]]

    def describe(self) -> str:
        return (
            f"[{self.kind} / {self.construction}] expected {self.expected}\n  text:  {self.text!r}\n"
            f"  claim: {self.claim!r} at {self.span}\n  figures: {self.figures}\n  arithmetic: {self.why}"
        )


@dataclass(frozen=True)
class Construction:
    kind: str
    name: str
    sentences: tuple[str, ...]  # format strings, one per sentence of the claim
    scenarios: tuple[str, ...] = ()  # only these scenarios (keys); empty: every one of the kind
    needs: str = ""  # a factor form, a shape or a false mode this construction relies on
    consecutive: bool = False  # the sentence dates the change itself: the periods are a year apart

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.name}"


# ------------------------------------------------------------------ templates
def _c(kind: str, name: str, sentences, scenarios=(), needs="", consecutive=False) -> Construction:
    if isinstance(sentences, str):
        sentences = (sentences,)
    return Construction(kind, name, tuple(sentences), tuple(scenarios), needs, consecutive)


NOUN_MEASURES = tuple(m.key for m in MEASURES if m.more_noun)
PC = "percent-change"
# fmt: off
PERCENT_CHANGE = (
    _c(PC, "verb-percent-from-to", "{s} {rose} {by}{p} from {a} {early} to {b} {late}."),
    _c(PC, "from-to-then-noun-of", "{s} {rose} from {a} {early} to {b} {late}, {an_increase} of {p}."),
    _c(PC, "to-from-then-adjective", "{s} {rose} to {b} {late} from {a} {early}, {a_p} {increase}."),
    _c(PC, "appositive-up-from", "{holder} {verb} {B} {late}, {up} {p} from {a} {early}."),
    _c(PC, "brackets", "{s} stood at {b} {late} ({up} {p} from {a} {early_rel})."),
    _c(PC, "amount-or-percent-to", "{s} {rose} by {d}, or {p}, to {b} {late}.", needs="amount-and-later"),
    _c(PC, "than-relative-clause", "{holder} {verb} {B} {late}, {p} {more} than the {a} it {verb_rel} {early}."),
    _c(PC, "percent-then-compared-with", "{s} {rose} {by}{p} {late} to {b}, compared with {a} {early}.", consecutive=True),
    _c(PC, "versus", "{holder} {verb} {B} {late} versus {a} {early}, {a_p} {increase}."),
    _c(PC, "against", "{s} {be} {b} {late} against {a} {early_rel}, {an_increase} of {p}."),
    _c(PC, "two-sentences-that-was", ("{holder} {verb} {B} {late}.", "That was {p} {more} than {early}, when it {verb_rel} {a}.")),
    _c(PC, "two-sentences-by-then", ("{s} {be} {a} {early}.", "By {late_year} {it} had {risen} {by}{p}, to {b}.")),
    _c(PC, "nominal-subject", "{a_p} {increase} took {s} to {b} {late}, from {a} {early}."),
    _c(PC, "noun-in-measure", "{holder} reported {a_p} {increase} in {short}, from {a} {early} to {b} {late}."),
    _c(PC, "percent-more-noun-than", "{holder} {verb_plain} {p} {more} {more_noun} {late} than {early}: {B} against {a}.", NOUN_MEASURES),
)
# fmt: on

FT = "from-to"
# fmt: off
FROM_TO = (
    _c(FT, "verb-by-amount-from-to", "{s} {rose} by {d}, from {a} {early} to {b} {late}."),
    _c(FT, "from-to-then-noun-of", "{s} {rose} from {a} {early} to {b} {late}, {an_increase} of {d}."),
    _c(FT, "to-from-then-up", "{s} {rose} to {b} {late} from {a} {early}, {up} {d}."),
    _c(FT, "appositive-up-from", "{holder} {verb} {B} {late}, {up} {d} from {a} {early}."),
    _c(FT, "brackets-on", "{s} stood at {b} {late} ({up} {d} on {a} {early_rel})."),
    _c(FT, "than-relative-clause", "{holder} {verb} {B} {late}, {d} {more} than the {a} it {verb_rel} {early}."),
    _c(FT, "compared-with", "{s} {be} {b} {late} compared with {a} {early}, {an_increase} of {d}."),
    _c(FT, "versus", "{holder} {verb} {B} {late} versus {a} {early}, {d} {more}."),
    _c(FT, "amount-or-percent-from-to", "{s} {rose} by {d}, or {p}, from {a} {early} to {b} {late}.", needs="percent-too"),
    _c(FT, "two-sentences-the-figure", ("{holder} {verb} {A} {early}.", "{late} the figure was {b}, {an_increase} of {d}.")),
    _c(FT, "two-sentences-amount-first", ("{s} {rose} by {d} {late}.", "{it} went from {a} {early} to {b}."), consecutive=True),
    _c(FT, "nominal-subject", "{an_increase} of {d} took {s} to {b} {late}, from {a} {early}."),
    _c(FT, "added-taking-the-total", "{holder} {gained} {D} {late}, taking the total from {a} to {b}.", ("staff", "students")),
    _c(FT, "at-higher-than", "At {b}, {s} {late} {be} {d} {higher} than the {a} of {early_year}."),
)
# fmt: on

MU = "multiple"
# fmt: off
MULTIPLE = (
    _c(MU, "verb-to-from", "{s} {k_verb} to {b} {late} from {a} {early}.", needs="verb"),
    _c(MU, "verb-from-to", "{s} {k_verb} from {a} {early} to {b} {late}.", needs="verb"),
    _c(MU, "verb-between-years", "{s} {k_verb} between {early_year} and {late_year}, from {a} to {b}.", needs="verb"),
    _c(MU, "times-as-many-as", "{holder} {verb} {B} {late}, {k_times} as {many} as the {a} of {early_year}.", needs="times"),
    _c(MU, "fold-increase-noun", "{s} {rose} from {a} {early} to {b} {late}, {a_k_fold} {increase}.", needs="fold"),
    _c(MU, "rose-fold", "{s} {rose} {k_fold}, from {a} {early} to {b} {late}.", needs="fold"),
    _c(MU, "brackets-the", "{s} stood at {b} {late} ({k_the} {a} of {early_year}).", needs="the"),
    _c(MU, "at-was-the", "At {b}, {s} {late} {be} {k_the} {a} recorded {early}.", needs="the"),
    _c(MU, "two-sentences-that-number", ("{holder} {verb} {A} {early}.", "{late} it {verb_rel} {k_times} {that}, {b}."), needs="times"),
    _c(MU, "two-sentences-has-verb", ("{holder} {verb} {B} {late}.", "The figure has {k_verb} since {early_year}, when it was {a}."), needs="verb"),
    _c(MU, "compared-with-the-earlier-figure", "{s} {be} {b} {late} compared with {a} {early}, {k_the} earlier figure.", needs="the"),
    _c(MU, "versus-as-many", "{holder} {verb} {B} {late} versus {a} {early}: {k_times} as {many}.", needs="times"),
    _c(MU, "times-the-level", "{s} {late} {be} {k_times} the {early_year} level: {b} against {a}.", needs="times"),
)
# fmt: on

PP = "percentage-points"
# fmt: off
POINTS = (
    _c(PP, "verb-points-from-to", "{s} {rose} {by}{d} from {l1} {early} to {l2} {late}."),
    _c(PP, "to-from-then-noun-of", "{s} {rose} to {l2} {late} from {l1} {early}, {an_increase} of {d}."),
    _c(PP, "from-to-then-adjective", "{s} {rose} from {l1} {early} to {l2} {late}, {a_d_adj} {increase}."),
    _c(PP, "appositive-up-from", "{s} {be} {l2} {late}, {up} {d} from {l1} {early}."),
    _c(PP, "brackets-on", "{s} stood at {l2} {late} ({up} {d} on {l1} {early_rel})."),
    _c(PP, "compared-with", "{s} {be} {l2} {late}, compared with {l1} {early}, {an_increase} of {d}."),
    _c(PP, "versus", "{s} {be} {l2} {late} versus {l1} {early}, {d} {higher}."),
    _c(PP, "at-higher-than", "At {l2}, {s} {late} {be} {d} {higher} than the {l1} of {early_year}."),
    _c(PP, "two-sentences-then", ("{s} {be} {l1} {early}.", "{late} it {rose} {by}{d}, to {l2}."), consecutive=True),
    _c(PP, "two-sentences-that-was", ("{s} {rose} to {l2} {late}.", "That was {d} {higher} than {early}, when it stood at {l1}.")),
    _c(PP, "basis-points", "{s} {rose} {by}{d} to {l2} from {l1} {early_rel}.", BPS_RATES, needs="basis-points"),
    _c(PP, "relative-percent-of-a-rate", "{s} {rose} {by}{p} from {l1} {early} to {l2} {late}.", needs="relative"),
    _c(PP, "points-or-percent", "{s} {rose} {d}, or {p}, from {l1} {early} to {l2} {late}.", needs="percent-too"),
    _c(PP, "nominal-subject", "{a_d_adj} {increase} took {s} to {l2} {late}, from {l1} {early}."),
)
# fmt: on

SH = "share"
PEOPLE = ("exhibitors", "hires", "students", "patients")
# fmt: off
SHARE = (
    _c(SH, "of-the-or", "Of {the_whole}, {P}, or {p}, {pred}."),
    _c(SH, "in-all-of-the-or", "In all, {P} of {the_whole}, or {p}, {pred}."),
    _c(SH, "of-the-brackets", "Of {the_whole}, {P} ({p}) {pred}."),
    _c(SH, "percent-first-in-all", "At {holder}, {p} of {the_whole} {pred}, {P} in all.", PEOPLE),
    _c(SH, "made-up", "{part_subj} made up {p} of {the_whole}, or {P}."),
    _c(SH, "accounted-for", "{part_subj} accounted for {P} of {the_whole}, {p} of the total."),
    _c(SH, "out-of", "At {holder}, {P} out of {W} {part_noun}, or {p}, {pred}.", PEOPLE),
    _c(SH, "two-sentences-of-these", ("{holder} {verb} {W_n} {late}.", "Of {these}, {P} ({p}) {pred}.")),
    _c(SH, "two-sentences-that-was", ("{part_subj_at} {part_verb} {P_q} {late}.", "That was {p} of the {W} total.")),
    _c(SH, "fraction-words", "{frac} of {the_whole} {pred}, {P} in all.", needs="fraction"),
    _c(SH, "one-in-n", "One in {n} of {the_whole} {pred}: {P} in all.", PEOPLE, needs="one-in"),
    _c(SH, "share-of-that", "The share of {the_whole} that {pred} was {p}, or {P}."),
    _c(SH, "whole-last", "In all, {P_n} {pred}, {p} of the {W} total."),
    _c(SH, "percent-of-them", "{holder} {verb} {W_n} {late}, and {p} of them {pred}: {P} in all.", PEOPLE),
)
# fmt: on

SU = "sum"
BREAKDOWNS = ("airline", "fair", "college", "council", "charity")
# fmt: off
SUM = (
    _c(SU, "colon", "{holder} {verb} {T_n} {late}: {parts_q}.", BREAKDOWNS),
    _c(SU, "a-total-of-after", "{holder} {verb} {parts_qn} {late}, a total of {T}.", BREAKDOWNS),
    _c(SU, "in-all-after", "{holder} {verb} {parts_qn} {late}, {T} in all.", BREAKDOWNS),
    _c(SU, "of-the-remaining", "Of the {T_n} {holder} {verb} {late}, {parts_v_rest}.", BREAKDOWNS),
    _c(SU, "made-up-of", "{holder_pos} {T_own} {late} {was_were} made up of {parts_q}.", BREAKDOWNS),
    _c(SU, "brackets", "{holder} {verb} {T_n} {late} ({parts_q_commas}).", BREAKDOWNS),
    _c(SU, "of-which", "{holder} {verb} a total of {T_n} {late}, of which {parts_v}.", BREAKDOWNS),
    _c(SU, "two-sentences-of-these", ("{holder} {verb} {T_n} {late}.", "Of {these}, {parts_v_rest}."), BREAKDOWNS),
    _c(SU, "two-sentences-that-made", ("{holder} {verb} {parts_qn} {late}.", "That made {T} in total."), BREAKDOWNS),
    _c(SU, "together-made-up", "Together, {parts_qn} made up {holder_pos} total of {T} {late}.", BREAKDOWNS),
    _c(SU, "split-into", "{holder_pos} {T_own} {late} split into {parts_q}.", BREAKDOWNS),
    _c(SU, "poll-the-remaining", "Of the {n} people polled, {parts_v_rest}.", ("poll",)),
    _c(SU, "poll-two-sentences-the-rest", ("The survey asked {n} people about the plan.", "Of those asked, {parts_v_the_rest}."), ("poll",)),
)
# fmt: on

DF = "difference"
# fmt: off
DIFFERENCE = (
    _c(DF, "more-than-possessive", "{X} {verb} {L_n} {late}, {D} {more} than {Ys} {S}."),
    _c(DF, "fewer-than-possessive", "{Y} {verb} {S_n} {late}, {D} {fewer} than {Xs} {L}."),
    _c(DF, "led-by-to", "{X} led {Y} by {D_n} {late}, {L} to {S}."),
    _c(DF, "gap-between-brackets", "The gap between {X} ({L_n}) and {Y} ({S}) was {D} {late}."),
    _c(DF, "versus-difference", "{X} {verb} {L_n} {late} versus {S} for {Y}, a difference of {D}."),
    _c(DF, "compared-with-gap", "{X} {verb} {L_n} {late}, compared with {S} for {Y}, a gap of {D}."),
    _c(DF, "two-sentences-or", ("{X} {verb} {L_n} {late}.", "{Y} {verb} {S}, or {D} {fewer}.")),
    _c(DF, "two-sentences-that-was", ("{Y} {verb} {S_n} {late}.", "That was {D} {fewer} than {X}, {who} {verb} {L}.")),
    _c(DF, "exceeded-by", "{Xs} {L_n} exceeded {Ys} {S} by {D} {late}."),
    _c(DF, "more-noun-than-colon", "{X} {verb} {D} {more} {noun} than {Y} {late}: {L} against {S}.", ("election", "seats", "plants", "museums")),
    _c(DF, "at-higher-than", "At {L}, {Xs} total {late} was {D} {higher} than {Ys} {S}."),
    _c(DF, "and-a-difference-of", "{Y} {verb} {S_n} and {X} {L} {late}, a difference of {D}."),
    _c(DF, "to-a-margin-of", "{X} {verb} {L_n} to {Ys} {S} {late}, a margin of {D}.", ("election", "seats", "plants", "museums")),
    _c(DF, "short-of", "{Y}, with {S_n}, finished {D} short of {Xs} {L} {late}."),
)
# fmt: on

CONSTRUCTIONS: dict[str, tuple[Construction, ...]] = {
    PC: PERCENT_CHANGE,
    FT: FROM_TO,
    MU: MULTIPLE,
    PP: POINTS,
    SH: SHARE,
    SU: SUM,
    DF: DIFFERENCE,
}


GENERATORS = {
    PC: kinds.percent_change,
    FT: kinds.from_to,
    MU: kinds.multiple,
    PP: kinds.points,
    SH: kinds.share,
    SU: kinds.total,
    DF: kinds.difference,
}


# ------------------------------------------------------------------ building the example
FORMATTER = string.Formatter()
ROLES = {
    "a": "earlier",
    "A": "earlier",
    "l1": "earlier",
    "b": "later",
    "B": "later",
    "l2": "later",
    "d": "change",
    "D": "change",
    "d_adj": "change",
    "p": "percent",
    "k": "factor",
    "W": "whole",
    "P": "part",
    "frac": "share",
    "n": "share",
    "T": "total",
    "L": "larger",
    "S": "smaller",
}


def role(kind: str, name: str) -> str:
    if kind == DF and name == "D":
        return "difference"
    return ROLES.get(name, name)  # part1, part2, ...


def fields_of(template: str) -> list[str]:
    return [name for _, name, _, _ in FORMATTER.parse(template) if name]


def _tidy(sentence: str) -> str:
    out = " ".join(sentence.split())
    for a, b in ((" ,", ","), (" .", "."), (" :", ":"), (" )", ")"), ("( ", "(")):
        out = out.replace(a, b)
    return out[0].upper() + out[1:]


def generate(c: Construction, expected: str, d: Draw) -> Example:
    """One example of construction c with the expected verdict, every choice taken from d."""
    built = GENERATORS[c.kind](c, expected, d)
    values = dict(built.words)
    for name, fig in built.figures.items():
        values.setdefault(name, fig.text)
    claim = [_tidy(s.format(**values)) for s in c.sentences]
    lead = d.choice((None, None) + LEADS)
    tail = d.choice((None, None) + TAILS)
    sentences = ([lead] if lead else []) + claim + ([tail] if tail else [])
    text = " ".join(sentences)
    start = len(lead) + 1 if lead else 0
    end = start + len(" ".join(claim))
    written: dict[str, str] = {}
    for template in c.sentences:
        for name in fields_of(template):
            for fig_name in built.composites.get(name, (name,)):
                if fig_name in built.figures:
                    written[role(c.kind, fig_name.rstrip("#"))] = built.figures[fig_name].text
    for fig in written.values():
        if fig.lower() not in text[start:end].lower():
            raise GenerationError(f"{c.key}: {fig!r} not in {text[start:end]!r}")
    return Example(text, c.kind, c.name, (start, end), written, expected, built.why, built.relations)


# ------------------------------------------------------------------ drawing examples
def constructions(kind: str | None = None) -> tuple[Construction, ...]:
    if kind is None:
        return tuple(c for kind_cs in CONSTRUCTIONS.values() for c in kind_cs)
    return CONSTRUCTIONS[kind]


def construction(key: str) -> Construction:
    (found,) = [c for c in constructions() if c.key == key]
    return found


def examples(kind: str, expected: str | None = None, name: str | None = None):
    """A hypothesis strategy of examples of one kind (optionally one verdict, one construction)."""
    from hypothesis import strategies as st

    pool = [c for c in CONSTRUCTIONS[kind] if name is None or c.name == name]

    @st.composite
    def build(draw):
        c = draw(st.sampled_from(pool))
        verdict = expected or draw(st.sampled_from(VERDICTS))
        return generate(c, verdict, HypothesisDraw(draw))

    return build()


def percent_change(expected: str | None = None):
    return examples(PC, expected)


def from_to(expected: str | None = None):
    return examples(FT, expected)


def multiple(expected: str | None = None):
    return examples(MU, expected)


def percentage_points(expected: str | None = None):
    return examples(PP, expected)


def share(expected: str | None = None):
    return examples(SH, expected)


def total(expected: str | None = None):
    return examples(SU, expected)


def difference(expected: str | None = None):
    return examples(DF, expected)


STRATEGIES = {
    PC: percent_change,
    FT: from_to,
    MU: multiple,
    PP: percentage_points,
    SH: share,
    SU: total,
    DF: difference,
}


def sample(c: Construction, expected: str, n: int, seed: int = 0) -> list[Example]:
    """n examples of one construction and verdict, the same ones for the same seed."""
    rng = random.Random(f"{seed}/{c.key}/{expected}")
    return [generate(c, expected, RandomDraw(rng)) for _ in range(n)]
