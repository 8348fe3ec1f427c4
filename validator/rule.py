"""What a rule is: a small class with a code, a name, its claim fields, its
documentation and examples, and two methods.

* :meth:`Rule.readings` turns a claim into constraints between variables, one
  list per reading of its wording ("four times higher" has two readings);
* :meth:`Rule.judge` turns the engine's :class:`Outcome` into one
  :class:`~validator.findings.Result`: a verdict, the arithmetic in words and
  numbers, the implied values and the nearest consistent alternative.

The docstring is the rule's documentation (What it does / Why it matters); the
``examples`` are run as tests, so the documentation cannot drift.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from validator.exact import Q
from validator.findings import Result, Verdict
from validator.interval import Interval
from validator.models import ClaimBase
from validator.numbers import Kind

if TYPE_CHECKING:
    from validator.engine import Binder
    from validator.numbers import Written
    from validator.solver import Constraint
    from validator.units import Unit


@dataclass(frozen=True)
class Example:
    """A documented example: a fact sheet fragment and the verdict it must get."""

    verdict: Verdict
    sheet: str  # YAML with 'claims' (and 'quantities' when needed); 'article' is added
    says: str = ""  # a phrase the finding's message or arithmetic must contain


@dataclass
class Var:
    """One number in the claims: a stated quantity, an inline number or an implied one."""

    index: int
    name: str  # how reports call it: the quantity id, or 'the change'
    noun: str | None  # the unit or noun, for sentences: '68 exhibitors'
    written: Written | None
    path: tuple  # where it is written (or first referred to)
    integer: bool = False
    count_explicit: bool | None = None
    source: str | None = None  # the other fact sheet, for a reference
    period: str | None = None
    declared: bool = False  # a quantity of the fact sheet (not inline, not implied)
    percent: bool = False  # a level in percent (35 percent of exhibitors)
    unit: Unit | None = None  # what it measures in, when it measures (tonnes, USD / gram)
    scale: Q = Q(1)  # its unit in the unit of the numbers it is compared with
    label: str | None = None  # how an article's findings call it ("'4.1 million'", "2016's attendance")
    whole: bool = False  # an explicit whole ('100%' or 'all' as a total or a share): exact

    def make_whole(self) -> None:
        """Read '100%' as all of it, exactly, where the claim gives it as the whole."""
        w = self.written
        if w is not None and w.kind is Kind.PERCENT and w.value == 100 and w.qualifier is None:
            self.whole = True

    @property
    def stated(self) -> bool:
        return self.written is not None

    @property
    def nominal(self) -> Q | None:
        return None if self.written is None else self.written.value * self.scale

    def says(self, value: str) -> str:
        if not self.noun or self.percent or (self.written is not None and self.written.currency):
            return value
        return f"{value} {self.noun}"

    def called(self, role: str) -> str:
        """How a sentence names it: 'signups_2025 (2025)', or the role for unnamed numbers."""
        if not self.declared:
            return role
        if self.label:
            return self.label
        return f"{self.name} ({self.period})" if self.period else self.name


@dataclass
class Reading:
    """One way to read a claim's wording, as constraints the numbers must meet."""

    key: str  # 'as-written', 'times-as-many', 'plus-one', 'points'...
    label: str  # plain words: "4 times as many (24,000 / 4)"
    constraints: list[Constraint]
    primary: bool = True  # False: a known confusion, used to diagnose, never to imply values
    info: dict = field(default_factory=dict)


@dataclass
class ReadingOutcome:
    reading: Reading
    feasible: bool
    domains: dict[int, Interval]  # each variable's values under this reading (context if infeasible)
    emptied: int | None = None  # the variable left with no value, when infeasible


class Outcome:
    """Everything the engine learned about one claim, for :meth:`Rule.judge`.

    Readings are tried when first asked for: a claim that holds as written never
    pays for the confusions that would explain it if it did not.
    """

    def __init__(
        self, readings: list[Reading], context: dict[int, Interval], unknown: set[int], evaluate, lenient=False
    ):
        self._readings = readings
        self._evaluate = evaluate  # Reading -> ReadingOutcome
        self._done: dict[str, ReadingOutcome] = {}
        self.context = context  # each variable's values from its statement and the other claims
        self.unknown = unknown  # variables nothing but this claim informs
        self.lenient = lenient

    def reading(self, key: str) -> ReadingOutcome | None:
        if key not in self._done:
            found = next((r for r in self._readings if r.key == key), None)
            if found is None:
                return None
            self._done[key] = self._evaluate(found)
        return self._done[key]

    @property
    def readings(self) -> list[ReadingOutcome]:
        return [self.reading(r.key) for r in self._readings]

    @property
    def feasible(self) -> list[ReadingOutcome]:
        return [r for r in self.readings if r.feasible]

    @property
    def primary_feasible(self) -> list[ReadingOutcome]:
        return [self.reading(r.key) for r in self._readings if r.primary and self.reading(r.key).feasible]


class Rule(ABC):
    """Base class: subclasses set the class attributes and the two methods."""

    code: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    summary: ClassVar[str]
    Claim: ClassVar[type[ClaimBase]]
    examples: ClassVar[tuple[Example, ...]] = ()

    @abstractmethod
    def readings(self, claim: ClaimBase, bind: Binder) -> list[Reading]:
        """The claim as constraints, one list per reading of its wording."""

    @abstractmethod
    def judge(self, claim: ClaimBase, bind: Binder, outcome: Outcome) -> Result:
        """The verdict on the claim, with its arithmetic, from what the engine found."""

    @classmethod
    def documentation(cls) -> str:
        from validator.docs import render_rule

        return render_rule(cls)
