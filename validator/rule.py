"""The whole contract between a rule and the engine: everything a rule sees.

A rule is a small class with a code, a name, its claim fields (a pydantic
model), its documentation and examples, and two methods:

* :meth:`Rule.readings` turns one claim into a :class:`Binding`: the readings of
  its wording as constraints between variables ("four times higher" has two
  readings), and the rule's own record of the claim's figures (a ``NamedTuple``
  or dataclass of its choosing). It asks the engine for variables through the
  :class:`Binder` it is given, and reports input that cannot be used through
  :meth:`Binder.problem`, returning None;
* :meth:`Rule.judge` receives the claim, that same binding and the engine's
  :class:`Outcome`, and returns one :class:`~validator.findings.Result`: a
  verdict, the arithmetic in words and numbers, the implied values and the
  nearest consistent alternative.

A rule keeps no state of its own: what ``judge`` needs from ``readings`` travels
in the binding, so one instance may judge any number of claims. The code and
the name are declared once, on the class; the registry and the claim's ``rule``
tag in the JSON Schema are built from them. The docstring is the rule's
documentation (What it does / Why it matters); the ``examples`` are run as
tests, so the documentation cannot drift.
"""

from __future__ import annotations

import inspect
import re
import typing
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Generic, Protocol, TypeVar

from validator.exact import Q
from validator.findings import Result, Verdict
from validator.interval import Interval
from validator.models import ClaimBase
from validator.numbers import Kind

if TYPE_CHECKING:
    from validator.models import Article, InlineQuantity
    from validator.numbers import Written
    from validator.policy import Policy
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


@dataclass
class Problem:
    """Input that cannot be used: where it is (a data path in the fact sheet) and what is wrong."""

    path: tuple
    message: str
    code: str = "IN02"


class Binder(Protocol):
    """What a rule may ask of the engine while it binds one claim (:meth:`Rule.readings`)."""

    policy: Policy  # how numbers are read; a rule whose wording has policy-dependent readings reads it here
    article: Article | None  # what was published (the publication date, for date rules)

    def ref(self, value: str | InlineQuantity | None, role: str) -> Var | None:
        """The variable a claim field names (a quantity id, another sheet's quantity, an inline
        number), or None when the field is left out or cannot be used (a problem is then reported)."""

    def implied(self, name: str, noun: str | None = None) -> Var:
        """A number the claim implies but nobody states (last year's value, say)."""

    def same_kind(self, *variables: Var | None) -> None:
        """These count the same kind of thing: counts stay whole, nouns and units are shared."""

    def problem(self, message: str, *fields: str | int, code: str = "IN02", under: tuple | None = None) -> None:
        """Report input that cannot be used, at the claim's ``fields`` (or under another data path,
        such as a quantity's); the claim is then not judged."""


F = TypeVar("F")
C = TypeVar("C", bound=ClaimBase)


@dataclass(frozen=True)
class Binding(Generic[F]):
    """One claim, bound: its readings, and what the rule needs again to judge it.

    ``figures`` is the rule's own record, typed as the rule likes (usually a
    ``NamedTuple`` of the claim's variables and what it read from the wording,
    such as the direction); the engine hands the binding back to :meth:`Rule.judge`
    untouched.
    """

    readings: list[Reading]
    figures: F


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


class Rule(ABC, Generic[C, F]):
    """Base class: subclasses set the class attributes and the two methods.

    ``code`` is two capital letters and two digits (``MU01``), ``name`` lower-case
    words joined by dashes (``multiple``); both are unique among all rules,
    built-in and plugins. ``Claim`` is the claim's fields, a subclass of
    :class:`~validator.models.ClaimBase` without a ``rule`` field of its own.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    summary: ClassVar[str]
    Claim: ClassVar[type[ClaimBase]]
    examples: ClassVar[tuple[Example, ...]] = ()

    @abstractmethod
    def readings(self, claim: C, bind: Binder) -> Binding[F] | None:
        """The claim bound: its readings as constraints and the rule's record of its figures; None
        when it cannot be bound (the reason reported through :meth:`Binder.problem`)."""

    @abstractmethod
    def judge(self, claim: C, binding: Binding[F], outcome: Outcome) -> Result:
        """The verdict on the claim, with its arithmetic, from its binding and what the engine found."""

    @classmethod
    def documentation(cls) -> str:
        from validator.docs import render_rule

        return render_rule(cls)


CODE = re.compile(r"[A-Z]{2}[0-9]{2}")
NAME = re.compile(r"[a-z]+(?:-[a-z]+)*")


def contract_problems(cls: type[Rule]) -> list[str]:
    """How a Rule class breaks the contract above, in words (nothing when it keeps it)."""
    from validator.findings import OTHER_CODES

    problems = []
    code, name = getattr(cls, "code", None), getattr(cls, "name", None)
    if not (isinstance(code, str) and CODE.fullmatch(code)) or code in OTHER_CODES:
        problems.append(f"code {code!r} is not two capital letters and two digits of its own ('MU01')")
    if not (isinstance(name, str) and NAME.fullmatch(name)):
        problems.append(f"name {name!r} is not lower-case words joined by dashes ('percent-change')")
    for attribute in ("family", "summary"):
        if not isinstance(getattr(cls, attribute, None), str) or not getattr(cls, attribute):
            problems.append(f"'{attribute}' is not set")
    claim = getattr(cls, "Claim", None)
    if not (isinstance(claim, type) and issubclass(claim, ClaimBase)):
        problems.append("'Claim' is not a subclass of validator.models.ClaimBase")
    else:
        tag = claim.model_fields["rule"].annotation
        if typing.get_origin(tag) is typing.Literal and set(typing.get_args(tag)) != {code, name}:
            problems.append(f"its Claim's 'rule' tag {typing.get_args(tag)} is not its name and code")
    if inspect.isabstract(cls):
        problems.append("'readings' and 'judge' are not both defined")
    doc = inspect.cleandoc(cls.__doc__ or "")
    if "What it does:" not in doc or "Why it matters:" not in doc:
        problems.append("its docstring has no 'What it does:' or no 'Why it matters:' paragraph")
    verdicts = {example.verdict for example in cls.examples}
    if Verdict.CONSISTENT not in verdicts or not verdicts - {Verdict.CONSISTENT}:
        problems.append("its examples do not include both a consistent and a failing claim")
    return problems
