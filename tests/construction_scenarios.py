"""What the generated claims are about, and the words they use.

The things that change over time (staff, visitors, containers, revenue...), the periods, the verbs
and nouns of change, and the scenarios of each relation kind: the factors of multiples, the rates
of percentage-point claims, the wholes and parts of shares, the breakdowns of sums and the rivals
of differences. Every sentence here is written for these tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from tests.construction_figures import Draw, Figure, Writer, article


# ------------------------------------------------------------------ things that change over time
@dataclass(frozen=True)
class Measure:
    """Something that changes over time, with the words a sentence about it needs."""

    key: str
    subject: str  # "staff numbers at the hospital"
    short: str  # "staff numbers" ("a rise in staff numbers")
    plural: bool
    holder: str  # "the hospital"
    verb: str  # "employed" / "reported revenue of": the holder's verb before an amount
    verb_rel: str  # "employed" / "reported": the same verb without its object
    noun: str  # "staff": follows a count ("270 staff"); empty for money
    more_noun: str  # "staff" in "35 percent more staff"; empty when that does not fit
    form: str  # "count", "mass", "millions" or "money"
    lo: int = 0
    hi: int = 0
    unit: str = ""  # written after a bare figure where the subject does not say it: "1,500 tonnes"


# fmt: off
MEASURES = (
    Measure("staff", "staff numbers at the hospital", "staff numbers", True, "the hospital", "employed", "employed", "staff", "staff", "count", 120, 4_800),
    Measure("visitors", "visitor numbers at the museum", "visitor numbers", True, "the museum", "welcomed", "welcomed", "visitors", "visitors", "count", 2_000, 95_000),
    Measure("students", "enrolment at the university", "enrolment", False, "the university", "enrolled", "enrolled", "students", "students", "count", 800, 30_000),
    Measure("cases", "measles cases in the region", "measles cases", True, "the region", "recorded", "recorded", "cases", "cases", "count", 20, 900),
    Measure("coffee", "coffee exports", "coffee exports", True, "the country", "exported", "exported", "tonnes of coffee", "coffee", "mass", 1_500, 90_000, "tonnes"),
    Measure("containers", "container traffic at the port", "container traffic", False, "the port", "handled", "handled", "containers", "containers", "millions"),
    Measure("passengers", "passenger numbers at the airport", "passenger numbers", True, "the airport", "handled", "handled", "passengers", "passengers", "millions"),
    Measure("revenue", "the company's revenue", "revenue", False, "the company", "reported revenue of", "reported", "", "", "money"),
    Measure("income", "the charity's income", "income", False, "the charity", "raised", "raised", "", "", "money"),
)
# fmt: on

# fmt: off
PERIODS = (
    {"early": "in 2023", "late": "in 2024", "early_rel": "a year earlier", "early_year": "2023", "late_year": "2024"},
    {"early": "in 2023", "late": "last year", "early_rel": "the year before", "early_year": "2023", "late_year": "2024"},
    {"early": "in 2022", "late": "in 2024", "early_rel": "two years earlier", "early_year": "2022", "late_year": "2024"},
    {"early": "in 2019", "late": "in 2024", "early_rel": "five years earlier", "early_year": "2019", "late_year": "2024"},
)
# fmt: on

# (symbol, scale, suffix): "£3.2m", "$1.25bn", "€480 million", "$2.4 billion"
MONEY = (
    ("£", 10**6, "m"),
    ("$", 10**6, "m"),
    ("€", 10**6, " million"),
    ("$", 10**9, "bn"),
    ("£", 10**9, "bn"),
    ("$", 10**9, " billion"),
    ("€", 10**9, "bn"),
)

UP_VERBS = (("rose", "risen"), ("grew", "grown"), ("increased", "increased"), ("climbed", "climbed"))
DOWN_VERBS = (("fell", "fallen"), ("dropped", "dropped"), ("declined", "declined"), ("decreased", "decreased"))
UP_NOUNS = ("increase", "rise")
DOWN_NOUNS = ("decrease", "fall", "drop", "decline")

LEADS = (
    "The figures were published on Monday.",
    "Officials released the annual figures this week.",
    "The numbers come from the 2024 annual report.",
    "The data were compiled by the national statistics office.",
)
TAILS = (
    "Officials expect the trend to continue.",
    "A spokesperson declined to comment on the figures.",
    "The next report is due in the autumn.",
    "Both sets of figures were audited.",
)


def writer_for(form: str, d: Draw) -> Writer:
    if form == "count":
        return Writer(words=d.choice((False, True)))
    if form == "mass":
        return Writer(whole=False)
    if form == "millions":
        return Writer(scale=10**6, places=d.choice((1, 1, 2)), suffix=" million")
    symbol, scale, suffix = d.choice(MONEY)
    places = d.choice((0, 1, 2) if suffix == " million" else (1, 1, 2))
    return Writer(scale=scale, places=places, prefix=symbol, suffix=suffix, whole=False)


def draw_amount(w: Writer, lo: int, hi: int, d: Draw) -> Fraction:
    """An amount on the writer's grid: lo..hi for counts and tonnes; 1.0 to about 40 (in millions
    or billions) for scaled figures, and 120 to 950 for "€480 million"."""
    if w.scale == 1:
        return Fraction(d.integer(lo, hi))
    if w.places == 0:
        return d.integer(120, 950) * w.step
    return d.integer(10**w.places + 1, 40 * 10**w.places) * w.step


def with_noun(fig: Figure, noun: str) -> str:
    return f"{fig.text} {noun}".strip()


def change_words(direction: str, m_fewer: str, d: Draw) -> dict[str, str]:
    up = direction == "up"
    rose, risen = d.choice(UP_VERBS if up else DOWN_VERBS)
    noun = d.choice(UP_NOUNS if up else DOWN_NOUNS)
    return {
        "rose": rose,
        "risen": risen,
        "increase": noun,
        "an_increase": f"{article(noun)} {noun}",
        "up": "up" if up else "down",
        "higher": "higher" if up else "lower",
        "more": "more" if up else m_fewer,
        "gained": "added" if up else "lost",
        "by": d.choice(("", "by ")),
    }


def measure_words(m: Measure) -> dict[str, str]:
    mass = m.form in ("mass", "money")
    return {
        "s": m.subject,
        "short": m.short,
        "be": "were" if m.plural else "was",
        "it": "they" if m.plural else "it",
        "holder": m.holder,
        "verb": m.verb,
        "verb_rel": m.verb_rel,
        "verb_plain": m.verb_rel,
        "noun": m.noun,
        "more_noun": m.more_noun,
        "that": "that amount" if mass else "that number",
        "many": "much" if mass else "many",
        "fewer": "less" if mass else "fewer",
    }


@dataclass(frozen=True)
class Factor:
    value: Fraction  # later / earlier
    verb: str = ""
    times: tuple[str, ...] = ()
    fold: str = ""
    the: tuple[str, ...] = ()


# fmt: off
FACTORS = (
    Factor(Fraction(2), "doubled", ("twice",), "twofold", ("twice the", "double the")),
    Factor(Fraction(3), "tripled", ("three times",), "threefold", ("three times the", "triple the")),
    Factor(Fraction(4), "quadrupled", ("four times",), "fourfold", ("four times the",)),
    Factor(Fraction(5), "", ("five times",), "fivefold", ("five times the",)),
    Factor(Fraction(5, 2), "", ("2.5 times", "two and a half times"), "", ("2.5 times the",)),
    Factor(Fraction(3, 2), "", ("1.5 times", "one and a half times"), "", ("1.5 times the",)),
    Factor(Fraction(1, 2), "halved", ("half",), "", ("half the",)),
    Factor(Fraction(1, 3), "", (), "", ("a third of the",)),
    Factor(Fraction(1, 4), "", (), "", ("a quarter of the",)),
)
# fmt: on


@dataclass(frozen=True)
class Rate:
    key: str
    subject: str
    lo: int  # the earlier level, in percent
    hi: int
    places: tuple[int, ...]


BPS_RATES = ("policy-rate", "mortgage-rate")  # moves in basis points
# fmt: off
RATES = (
    Rate("pass-rate", "the pass rate at the school", 30, 85, (0, 1)),
    Rate("turnout", "turnout in the city's elections", 30, 75, (0, 1)),
    Rate("renewables", "the share of electricity from renewables", 10, 60, (0, 1)),
    Rate("jobless", "the jobless rate", 3, 15, (1,)),
    Rate("vacancy", "the office vacancy rate", 5, 30, (0, 1)),
    Rate("policy-rate", "the central bank's main interest rate", 1, 7, (2,)),
    Rate("mortgage-rate", "the average mortgage rate", 2, 7, (2,)),
)
# fmt: on


@dataclass(frozen=True)
class ShareScenario:
    key: str
    the_whole: str  # with {W}
    whole_n: str  # with {W}
    holder: str
    verb: str
    part_noun: str
    pred: str
    part_subj: str
    part_subj_at: str  # "foreign exhibitors at the fair"
    part_verb: str
    these: str
    form: str
    lo: int = 0
    hi: int = 0


# fmt: off
SHARE_SCENARIOS = (
    ShareScenario("exhibitors", "the {W} exhibitors", "{W} exhibitors", "the fair", "drew", "exhibitors", "came from abroad", "foreign exhibitors", "foreign exhibitors at the fair", "numbered", "these", "count", 200, 5_000),
    ShareScenario("hires", "the {W} new hires", "{W} new staff", "the firm", "took on", "new hires", "were women", "women", "women among the firm's new hires", "numbered", "these", "count", 20, 900),
    ShareScenario("students", "the {W} students enrolled", "{W} students", "the university", "enrolled", "students", "came from overseas", "overseas students", "overseas students at the university", "numbered", "these", "count", 1_000, 40_000),
    ShareScenario("patients", "the {W} patients treated", "{W} patients", "the clinic", "treated", "patients", "were over 65", "patients over 65", "patients over 65 at the clinic", "numbered", "these", "count", 100, 9_000),
    ShareScenario("revenue", "the company's {W} in revenue", "revenue of {W}", "the company", "reported", "", "came from exports", "exports", "the company's exports", "came to", "that", "money"),
    ShareScenario("waste", "the {W} tonnes of waste the council collected", "{W} tonnes of waste", "the council", "collected", "tonnes", "was recycled", "recycled waste", "waste recycled by the council", "came to", "this", "mass", 300, 60_000),
)
# fmt: on

FRACTIONS = (
    (Fraction(1, 2), "half"),
    (Fraction(1, 3), "a third"),
    (Fraction(1, 4), "a quarter"),
    (Fraction(1, 5), "a fifth"),
    (Fraction(1, 10), "a tenth"),
    (Fraction(2, 3), "two-thirds"),
    (Fraction(3, 4), "three-quarters"),
)
ONE_IN = ((3, "three"), (4, "four"), (5, "five"), (10, "ten"))


@dataclass(frozen=True)
class Breakdown:
    key: str
    holder: str
    holder_pos: str
    verb: str
    noun: str
    own: str  # after the total in "the airline's 4.1 million passengers": the noun, or "of spending"
    quals: tuple[str, ...]  # after a figure: "on domestic routes"
    verbs: tuple[str, ...]  # after a figure as subject: "flew on domestic routes"
    form: str
    lo: int = 0
    hi: int = 0


# fmt: off
BREAKDOWN_SCENARIOS = (
    Breakdown("airline", "the airline", "the airline's", "carried", "passengers", "passengers", ("on domestic routes", "on international routes"), ("flew on domestic routes", "flew on international routes"), "millions"),
    Breakdown("fair", "the fair", "the fair's", "drew", "exhibitors", "exhibitors", ("from the host country", "from abroad"), ("came from the host country", "came from abroad"), "count", 100, 3_000),
    Breakdown("college", "the college", "the college's", "enrolled", "students", "students", ("studying full-time", "studying part-time"), ("studied full-time", "studied part-time"), "count", 200, 9_000),
    Breakdown("council", "the council", "the council's", "spent", "", "of spending", ("on social care", "on schools", "on everything else"), ("went on social care", "went on schools", "went on everything else"), "money"),
    Breakdown("charity", "the charity", "the charity's", "raised", "", "of income", ("from donations", "from legacies", "from other sources"), ("came from donations", "came from legacies", "came from other sources"), "money"),
)
# fmt: on
POLL_VERBS = ("backed the plan", "opposed it", "were undecided")


@dataclass(frozen=True)
class Rivals:
    key: str
    x: str
    y: str
    xs: str
    ys: str
    who: str
    verb: str
    noun: str
    form: str
    lo: int = 0
    hi: int = 0


# fmt: off
RIVALS = (
    Rivals("election", "the mayor", "her challenger", "the mayor's", "her challenger's", "who", "won", "votes", "count", 3_000, 90_000),
    Rivals("seats", "the governing party", "the main opposition party", "the governing party's", "the main opposition party's", "which", "won", "seats", "count", 20, 200),
    Rivals("plants", "the northern plant", "the southern plant", "the northern plant's", "the southern plant's", "which", "produced", "tonnes of steel", "mass", 1_000, 90_000),
    Rivals("museums", "the city museum", "the science centre", "the city museum's", "the science centre's", "which", "welcomed", "visitors", "millions"),
    Rivals("rivals", "the company", "its nearest rival", "the company's", "its nearest rival's", "which", "reported revenue of", "", "money"),
)
# fmt: on
