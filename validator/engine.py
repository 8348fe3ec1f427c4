"""The engine: claims to constraints, constraints to verdicts.

For each fact sheet:

1. :class:`Binder` turns quantities and each claim's fields into variables,
   and each claim, through its rule, into readings (lists of constraints).
2. Each claim is judged in its *context*: the values its numbers may take given
   their statements and every other claim linked to them (propagation to a
   fixed point). Claims on their own (most of them) need no propagation; the
   contexts of claims that share numbers are computed together, in n log n
   (:mod:`validator.contexts`).
3. A claim that fails under the strict reading of its numbers is tried again
   under the lenient reading (trailing zeros as rounding, truncated digits, a
   qualifier's longer reach, as the policy allows); if it holds there it is
   doubtful, a warning that names each lenient reading it needs.
4. A claim that holds alone but fails in context conflicts with other claims:
   the smallest set of them that causes it is named.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from pydantic import ValidationError

from validator import display, registry
from validator.contexts import Contexts, differing_numbers
from validator.contexts import culprits as find_culprits
from validator.exact import Q
from validator.findings import Result, Verdict
from validator.hints import did_you_mean, fields_at
from validator.interval import NON_NEGATIVE, Interval
from validator.models import Article, ClaimBase, InlineQuantity, Quantity
from validator.numbers import Kind, NumberFormatError, Written, parse, qualifier_from_text
from validator.policy import Policy, TrailingZeros
from validator.rule import Binding, Outcome, Problem, Reading, ReadingOutcome, Rule, Var
from validator.solver import Constraint, Domains, propagate
from validator.units import is_measure, parse_unit


@dataclass
class ExternalValue:
    """Another fact sheet's quantity, as a reference receives it."""

    written: Written
    noun: str | None
    integer: bool
    source: str


# (local quantity id, 'sheet.yaml#id') -> the quantity it refers to, or LookupError
External = Callable[[str, str], ExternalValue]


class QuantityError(ValueError):
    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


def written_of(q: Quantity) -> Written:
    """A quantity's value as read, its qualifier field merged in (QuantityError if unreadable)."""
    try:
        written = parse(q.value)
    except NumberFormatError as exc:
        raise QuantityError(str(exc), "value") from None
    if q.qualifier is None:
        return written
    try:
        qualifier = qualifier_from_text(q.qualifier)
    except NumberFormatError as exc:
        raise QuantityError(str(exc), "qualifier") from None
    if written.qualifier is not None and written.qualifier != qualifier:
        raise QuantityError(
            f"qualifier '{q.qualifier}' contradicts '{written.qualifier.value}' in the value", "qualifier"
        )
    return written.with_qualifier(qualifier)


def count_of(q: Quantity, written: Written | None, noun: str | None) -> bool | None:
    """Whether a quantity counts things: explicit, or a noun unit with a whole number."""
    if q.count is not None:
        return q.count
    if written is not None:
        if written.kind is not Kind.NUMBER or written.currency or written.value.denominator != 1:
            return False
    if noun is None or is_measure(noun) or re.search(r"\bper\b|/", noun):
        return None  # a measure, or a rate such as 'deaths per officer'
    return True


class Binder:
    """Variables of one fact sheet, shared by all its claims (the :class:`validator.rule.Binder`
    a rule is given)."""

    def __init__(
        self,
        quantities: dict[str, Quantity],
        policy: Policy,
        external: External | None = None,
        article: Article | None = None,
        labels: dict[str, str] | None = None,
    ):
        self.policy = policy
        self.article = article  # rules that need the publication date read it here
        self.vars: list[Var] = []
        self.problems: list[Problem] = []
        self.by_id: dict[str, Var] = {}
        self.external = external
        self._kind: list[int] = []  # union-find parents: variables of the same kind of thing
        self.start_claim(())
        for qid, quantity in quantities.items():
            var = self._from_quantity(quantity, qid, ("quantities", qid))
            var.declared, var.period = True, quantity.period
            var.label = labels.get(qid) if labels else None
            self.by_id[qid] = var

    # ------------------------------------------------------------ variables
    def _new(self, name, noun, written, path, count: bool | None, source=None) -> Var:
        var = Var(len(self.vars), name, noun, written, path, False, count, source)
        var.unit = parse_unit(noun, written.currency if written is not None else None)
        # A level written in points ('77 percentage points') is a percentage too.
        var.percent = (written is not None and written.kind in (Kind.PERCENT, Kind.POINTS)) or (
            noun is not None and noun.lower() in ("percent", "per cent", "%")
        )
        self.vars.append(var)
        self._kind.append(var.index)
        return var

    def _touch(self, var: Var | None) -> Var | None:
        if var is not None:
            self.touched.add(var.index)
        return var

    def start_claim(self, path: tuple) -> None:
        self.claim_path = path
        self.touched: set[int] = set()

    def problem(self, message: str, *fields: str | int, code: str = "IN02", under: tuple | None = None) -> None:
        self.problems.append(Problem((self.claim_path if under is None else under) + fields, message, code))

    def _from_quantity(self, q: Quantity, name: str, path: tuple) -> Var:
        if q.same_as is not None:
            return self._same_as(q, name, path)
        written = None
        if q.value is not None:
            try:
                written = written_of(q)
            except QuantityError as exc:
                self.problems.append(Problem(path + (exc.field,), str(exc), "IN04"))
        elif q.qualifier is not None:
            self.problems.append(Problem(path + ("qualifier",), "a qualifier needs a value to qualify", "IN02"))
        noun = q.unit or (written.unit if written else None)
        return self._new(name, noun, written, path, count_of(q, written, noun))

    def _same_as(self, q: Quantity, name: str, path: tuple) -> Var:
        if q.value is not None:
            self.problems.append(Problem(path + ("same_as",), "give either 'value' or 'same_as', not both", "IN02"))
        if self.external is None:
            self.problems.append(Problem(path + ("same_as",), "references to other fact sheets need a file", "IN03"))
            return self._new(name, q.unit, None, path, q.count)
        try:
            found = self.external(name, q.same_as)
        except LookupError as exc:
            self.problems.append(Problem(path + ("same_as",), str(exc.args[0]), "IN03"))
            return self._new(name, q.unit, None, path, q.count)
        count = q.count if q.count is not None else (True if found.integer else None)
        return self._new(name, q.unit or found.noun, found.written, path, count, found.source)

    def ref(self, value: str | InlineQuantity | None, role: str) -> Var | None:
        """The variable a claim field names: a quantity id, another sheet's quantity, or an inline number."""
        return self._touch(self._ref(value, role))

    def _ref(self, value: str | InlineQuantity | None, role: str) -> Var | None:
        if value is None:
            return None
        path = self.claim_path + (role,)
        if isinstance(value, InlineQuantity):
            return self._from_quantity(value, f"the {role}", path)
        if value in self.by_id:
            return self.by_id[value]
        if "#" in value:
            self.problems.append(
                Problem(path, f"'{value}': refer to another fact sheet through a quantity with 'same_as'", "IN03")
            )
            return None
        try:
            written = parse(value)
        except NumberFormatError as exc:
            if _looks_like_id(value):
                self.problems.append(Problem(path, _unknown_id(value, self.by_id), "IN03"))
            else:
                self.problems.append(Problem(path, str(exc), "IN04"))
            return None
        noun = written.unit if written.kind is Kind.NUMBER else None
        whole = written.kind is Kind.NUMBER and written.value.denominator == 1 and not written.currency
        return self._new(f"the {role}", noun, written, path, None if whole else False)

    def implied(self, name: str, noun: str | None = None) -> Var:
        """A number the claim implies but nobody states (last year's value, say)."""
        return self._touch(self._new(name, noun, None, self.claim_path, None))

    def same_kind(self, *vs: Var | None) -> None:
        """These count the same kind of thing: counts stay whole, nouns are shared."""
        present = [v for v in vs if v is not None]
        for other in present[1:]:
            a, b = self._root(present[0].index), self._root(other.index)
            if a != b:
                self._kind[b] = a

    def _root(self, i: int) -> int:
        while self._kind[i] != i:
            self._kind[i] = self._kind[self._kind[i]]
            i = self._kind[i]
        return i

    def finish(self) -> None:
        """Settle which variables are counts, give unnamed numbers their group's noun, and put
        measured numbers of a group in one unit (or record that their units cannot be compared)."""
        groups: dict[int, list[Var]] = {}
        for var in self.vars:
            groups.setdefault(self._root(var.index), []).append(var)
        self.conflicts: dict[int, str] = {}
        for members in groups.values():
            measured = [v for v in members if v.unit is not None]
            if measured:
                conflict = _common_unit(measured)
                if conflict:
                    for v in members:
                        self.conflicts[v.index] = conflict
            counted = any(v.count_explicit for v in members)
            noun = next((v.noun for v in members if v.noun and v.count_explicit is not False), None)
            percent = any(v.percent for v in members)
            for v in members:
                v.integer = v.count_explicit if v.count_explicit is not None else counted
                if v.written is None:
                    v.percent = v.percent or percent
                if v.noun is None and noun and (v.written is None or v.written.kind is Kind.NUMBER):
                    v.noun = noun

    # ------------------------------------------------------------- domains
    def default(self, var: Var) -> Interval:
        return NON_NEGATIVE if var.integer else Interval.everything()

    def domain(self, var: Var, lenient: bool) -> Interval:
        if var.written is None:
            return self.default(var)
        if var.whole:
            return Interval.point(var.written.value * var.scale)
        iv = var.written.interval(self.policy, lenient)
        if var.scale != 1:
            iv = iv.scale(var.scale)
        # Only counts are narrower than their wording (whole, not negative).
        return iv.intersect(NON_NEGATIVE).integers() if var.integer else iv


def _elided(a: str, b: str) -> Q | None:
    """One unit is the other without its 'per ...' part, as news copy shortens a repeated rate ('$3 a gallon,
    up 60 cents'): the factor between what they count (cents to dollars), or None when it is not that."""
    from validator.measure import DimensionError, factor

    if (" / " in a) == (" / " in b):
        return None
    try:
        return factor(a.split(" / ")[0], b.split(" / ")[0])
    except DimensionError:
        return None


def _common_unit(measured: list[Var]) -> str | None:
    """Express a group's measured numbers in the first one's unit; a message if two cannot be compared."""
    from validator.measure import DimensionError, dimension, factor

    target = measured[0]
    for v in measured:
        try:
            v.scale = factor(v.unit.expression, target.unit.expression)
        except DimensionError:
            scale = _elided(v.unit.expression, target.unit.expression)
            if scale is not None:
                v.scale = scale  # '900 won per kilogram ... from 22 won': the second leaves 'per kilogram' out
                continue
            if v.unit.currencies and target.unit.currencies:
                return (
                    f"'{v.unit.label}' and '{target.unit.label}' are different currencies: they are compared "
                    "only through an exchange rate the fact sheet states (rule restatement, with 'rate')"
                )
            return (
                f"'{v.unit.label}' ({dimension(v.unit.expression)}) and '{target.unit.label}' "
                f"({dimension(target.unit.expression)}) measure different things, so this claim cannot link them"
            )
    return None


def _looks_like_id(text: str) -> bool:
    import re

    return re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", text) is not None


def _unknown_id(value: str, known: dict[str, Var]) -> str:
    hint = did_you_mean(value, [k for k in known if not k.startswith("@")])
    return f"unknown quantity '{value}'{hint}: define it under quantities, or write the number inline"


# ---------------------------------------------------------------- judging


@dataclass
class Bound:
    """A claim with its rule and readings."""

    index: int
    claim: ClaimBase
    rule: Rule
    binding: Binding
    vars: tuple[int, ...] = ()
    conflict: str | None = None  # units the claim links that cannot be compared

    @property
    def readings(self) -> list[Reading]:
        return self.binding.readings

    @property
    def primary(self) -> list[Reading]:
        return [r for r in self.binding.readings if r.primary]


@dataclass
class Choice(Constraint):
    """One of several readings holds: values from any of them survive (their hull)."""

    options: list[list[Constraint]]
    vars: tuple[int, ...] = field(default=())

    def __post_init__(self):
        self.vars = tuple(sorted({v for option in self.options for c in option for v in c.vars}))

    def narrow(self, dom: Domains, integer: Sequence[bool]):
        merged: dict[int, Interval] = {}
        for option in self.options:
            trial = {v: dom[v] for v in self.vars}  # the options narrow only these: copy no more
            if propagate(trial, option, integer) is None:
                for v in self.vars:
                    merged[v] = merged[v].hull(trial[v]) if v in merged else trial[v]
        if not merged:
            yield from ((v, Interval(Q(1), Q(0))) for v in self.vars)
            return
        yield from merged.items()


def bind_claims(
    raw_claims: list[dict[str, Any]], binder: Binder, selected: Callable[[type[Rule]], bool] = lambda rule: True
) -> list[Bound]:
    """Validate each claim against its rule's fields and bind it; deselected rules are not judged."""
    bound: list[Bound] = []
    for index, raw in enumerate(raw_claims):
        path = ("claims", index)
        binder.start_claim(path)
        rule_key = raw.get("rule") if isinstance(raw, dict) else None
        if not isinstance(rule_key, str) or not rule_key.strip():
            binder.problems.append(Problem(path, "a claim needs 'rule': the rule that checks it", "IN02"))
            continue
        try:
            rule_cls = registry.get(rule_key)
        except registry.UnknownRule as exc:
            binder.problems.append(Problem(path + ("rule",), str(exc), "IN02"))
            continue
        try:
            claim = rule_cls.Claim.model_validate({**raw, "rule": rule_cls.name})
        except ValidationError as exc:
            binder.problems.extend(validation_problems(exc, path, raw, rule_cls.Claim))
            continue
        for j, suppression in enumerate(claim.suppress):
            if not registry.matching(suppression.rule):
                binder.problems.append(
                    Problem(path + ("suppress", j, "rule"), f"unknown rule '{suppression.rule}' to suppress", "IN02")
                )
        if not selected(rule_cls):
            continue
        rule = rule_cls()
        before = len(binder.problems)
        binding = rule.readings(claim, binder)
        if binding is None or len(binder.problems) > before:
            continue
        vars_ = tuple(sorted(binder.touched | {v for r in binding.readings for c in r.constraints for v in c.vars}))
        bound.append(Bound(index, claim, rule, binding, vars_))
    binder.finish()
    for b in bound:
        b.conflict = next((binder.conflicts[v] for v in b.vars if v in binder.conflicts), None)
    return bound


def validation_problems(exc: ValidationError, prefix: tuple, data: Any = None, model=None) -> list[Problem]:
    """pydantic's errors as plain messages at their data paths (union plumbing left out), each
    saying how to fix it where it can: the field probably meant, the form a date takes.

    ``data`` is what was validated: a part of an error's location that is a key
    or index of the data is the user's (a key may be written 'a[b' or 'str'),
    and only the other parts can be pydantic's names for union members.
    ``model`` is the model it was validated against, whose fields an unknown one is compared with.
    """
    by_path: dict[tuple, list[dict]] = {}
    for error in exc.errors(include_url=False):
        loc = _data_path(error["loc"], data)
        by_path.setdefault(loc, []).append(error)
    problems = []
    for loc, errors in by_path.items():
        # A field that takes text or a mapping reports a type error for the member it did not
        # match; keep the error about what was written.
        specific = [e for e in errors if not e["type"].endswith("_type")] or errors[:1]
        if specific[0]["type"].endswith("_type") and any(
            len(other) > len(loc) and other[: len(loc)] == loc for other in by_path
        ):
            continue  # the member that matched the shape says more, at the deeper path
        for error in specific:
            field_name = ".".join(str(p) for p in loc) or "claim"
            message = error["msg"]
            if error["type"] == "extra_forbidden" and loc:
                known = fields_at(model, loc[:-1]) if model is not None else []
                message = f"unknown field '{loc[-1]}'{did_you_mean(str(loc[-1]), known)}"
            elif error["type"].startswith("date_") and isinstance(error.get("input"), str):
                message = f"{field_name}: {_date_form(error['input'])}"
            elif error["type"] == "missing":
                message = f"missing field '{field_name}'"
            elif error["type"].endswith(("too_long", "too_short")) and isinstance(error.get("input"), str):
                longer = error["type"].endswith("too_long")
                limit = error.get("ctx", {}).get("max_length" if longer else "min_length")
                bound = "at most" if longer else "at least"
                message = f"{field_name}: {len(error['input']):,} characters long ({bound} {limit:,})"
            else:
                message = f"{field_name}: {message}"
            problems.append(Problem(prefix + loc, message, "IN02"))
    return problems


def _date_form(written: str) -> str:
    """Why a date field's text is not a date: the form it takes, and the text in that form when
    it is a date written another way ('10 March 2025': write 2025-03-10)."""
    from validator.dates import parse_date

    try:
        meant = parse_date(written).date.isoformat()
    except ValueError:
        return f"'{written}' is not a date in the form YYYY-MM-DD (such as 2025-07-20)"
    return f"'{written}' is not in the form YYYY-MM-DD; write {meant}"


def _data_path(loc: tuple, data: Any) -> tuple:
    path = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif _is_union_tag(part):
            continue
        else:
            node = None  # a missing field: the part names it
        path.append(part)
    return tuple(path)


_UNION_MEMBERS = {"str", "int", "float", "bool", "Quantity", "InlineQuantity", "constrained-str"}


def _is_union_tag(part) -> bool:
    return isinstance(part, str) and (part in _UNION_MEMBERS or "[" in part or "(" in part)


def _informing_constraints(bound: list[Bound], k: int) -> list[Constraint]:
    """Claim k's constraints as it informs the others: its primary readings, any of which may hold."""
    primary = bound[k].primary
    if len(primary) == 1:
        return primary[0].constraints
    return [Choice([r.constraints for r in primary])]


# Up to this many claims linked through shared numbers, a claim's readings are propagated with its
# context's claims (exact for claims that share unstated figures, and quadratic in the component);
# beyond it, with the ranges its context leaves (n log n). Articles' components have at most a few
# dozen claims; the quadratic sheets of the benchmark's growth check have thousands.
JOINT_CLAIMS = 64


class Judge:
    """Verdicts for the bound claims of one sheet."""

    def __init__(self, binder: Binder, bound: list[Bound]):
        self.binder = binder
        self.bound = bound
        self.vars = binder.vars
        self.integer = [v.integer for v in self.vars]
        self.strict = [binder.domain(v, False) for v in self.vars]
        self._lenient: list[Interval] | None = None
        self.components = self._components()
        self.rank, self.relators = self._ranks()
        # Given the claims, not the judge: a judge the contexts referred to would be a reference
        # cycle, and a sheet's objects would wait for the cycle collector instead of being freed.
        self.contexts = Contexts(
            [b.vars for b in bound],
            partial(_informing_constraints, bound),
            self.integer,
            self.components,
            self.rank,
            self.relators,
        )
        self._differing: dict = {}  # per component: the numbers the lenient reading widens

    @property
    def lenient(self) -> list[Interval]:
        """Domains under the lenient reading, computed only when a claim fails strictly."""
        if self._lenient is None:
            self._lenient = [self.binder.domain(v, True) for v in self.vars]
        return self._lenient

    def _components(self) -> dict[int, list[int]]:
        """Claims linked through shared variables, by claim position."""
        parent = list(range(len(self.bound)))

        def root(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        owner: dict[int, int] = {}
        for k, b in enumerate(self.bound):
            for v in b.vars:
                if v in owner:
                    parent[root(k)] = root(owner[v])
                else:
                    owner[v] = k
        groups: dict[int, list[int]] = {}
        for k in range(len(self.bound)):
            groups.setdefault(root(k), []).append(k)
        return {k: groups[root(k)] for k in range(len(self.bound))}

    def _ranks(self) -> tuple[dict[int, int], set[int]]:
        """Which claims define which implied figures, in what order.

        A claim that leaves at most one of its figures undetermined defines it
        (102 after a 50% rise defines last year's 68); determined figures then
        let further claims define theirs. A claim is judged against the claims
        of its rank or lower: a definition is never blamed for a later claim
        that contradicts what it defines. Claims that only relate undetermined
        figures (relators) are judged against the rest and inform none.

        Each figure, once determined, is counted off the claims that have it: linear in the
        claims' figures, however many levels the definitions take.
        """
        determined = {v.index for v in self.vars if v.stated}
        undetermined = [len(set(b.vars) - determined) for b in self.bound]
        having: dict[int, list[int]] = {}
        for k, b in enumerate(self.bound):
            for v in b.vars:
                having.setdefault(v, []).append(k)
        rank: dict[int, int] = {}
        newly = [k for k in range(len(self.bound)) if undetermined[k] <= 1]
        level = 0
        while newly:
            for k in newly:
                rank[k] = level
            after = []
            for k in newly:
                for v in self.bound[k].vars:
                    if v in determined:
                        continue
                    determined.add(v)
                    for j in having[v]:
                        undetermined[j] -= 1
                        if undetermined[j] == 1 and j not in rank:  # it just became definable
                            after.append(j)
            newly = after
            level += 1
        pending = {k for k in range(len(self.bound)) if k not in rank}
        for k in pending:
            rank[k] = level
        return rank, pending

    def _others(self, k: int) -> Informers:
        """The claims that make up claim k's context."""
        return Informers(self.contexts, k)

    def _context_constraint(self, k: int) -> list[Constraint]:
        return _informing_constraints(self.bound, k)

    def _joint(self, k: int) -> bool:
        """Whether claim k's readings are propagated together with its context's claims: in a
        component of at most JOINT_CLAIMS claims (every article's, nearly every sheet's)."""
        return len(self.components[k]) <= JOINT_CLAIMS

    def _context(self, k: int, base: Domains, others: Iterable[int]) -> tuple[dict[int, Interval], list[Constraint]]:
        """The domains of claim k's numbers in the context of ``others`` (its own domains in
        ``base`` when the others contradict each other: the claim is then judged alone), and the
        constraints its readings are propagated with besides their own.

        Two claims that share unstated figures ('up 60 cents, or 33 percent') can each hold in the
        other's ranges and not together; propagated jointly, they show it. In a larger component
        the context is its ranges alone (:mod:`validator.contexts`, n log n for the component)."""
        if self._joint(k):
            informers = list(others)
            in_play = set(self.bound[k].vars).union(*(self.bound[j].vars for j in informers))
            dom = {v: base[v] for v in in_play}
            if not informers:
                return dom, []
            constraints = [c for j in informers for c in self._context_constraint(j)]
            if propagate(dom, constraints, self.integer) is not None:
                return {v: base[v] for v in in_play}, []  # the others contradict each other
            return dom, constraints
        if isinstance(others, Informers) and others.k == k:
            found = self.contexts.context(k, base)
        else:
            found = self.contexts.context_of(k, list(others), base)
        return (found if found is not None else {v: base[v] for v in self.bound[k].vars}), []

    def outcome(self, k: int, base: Domains, others: Iterable[int], lenient: bool = False) -> Outcome:
        return self._outcome_in(k, *self._context(k, base, others), lenient)

    def _outcome_in(
        self, k: int, dom: dict[int, Interval], together: list[Constraint] = (), lenient: bool = False
    ) -> Outcome:
        b = self.bound[k]
        context = {v: dom[v] for v in b.vars}
        unknown = {v for v in b.vars if not self.vars[v].stated and dom[v] == self.binder.default(self.vars[v])}

        def evaluate(reading: Reading) -> ReadingOutcome:
            trial = dict(dom)
            conflict = propagate(trial, [*reading.constraints, *together], self.integer)
            if conflict is not None:
                return ReadingOutcome(reading, False, dict(context))
            return ReadingOutcome(reading, True, {v: trial[v] for v in b.vars})

        return Outcome(b.readings, context, unknown, evaluate, lenient)

    def judge(self, k: int) -> tuple[Result, list[int]]:
        """The claim's result and the claims it conflicts with.

        A claim that fails as written but holds when some figures are read
        leniently is doubtful: the result says which readings it needs.
        """
        b = self.bound[k]
        if b.conflict:
            return Result(Verdict.INCONSISTENT, b.conflict[0].upper() + b.conflict[1:] + "."), []
        others = self._others(k)
        outcome = self.outcome(k, self.strict, others)
        result = b.rule.judge(b.claim, b.binding, outcome)
        if result.verdict is not Verdict.INCONSISTENT:
            return result, []
        if any(self.lenient[v] != self.strict[v] for v in self._relevant(k, others)):
            lenient_outcome = self.outcome(k, self.lenient, others, lenient=True)
            lenient_result = b.rule.judge(b.claim, b.binding, lenient_outcome)
            if lenient_result.verdict is not Verdict.INCONSISTENT:
                needed = self._needed(k, others)
                return self._doubtful(needed, result, lenient_result), []
        culprits = self._culprits(k, others) if others else []
        return result, culprits

    def _relevant(self, k: int, others: Iterable[int]) -> Iterable[int]:
        """Claim k's numbers, and those of its context that the lenient reading widens: the only
        ones that can change its lenient verdict or the readings it needs."""
        if isinstance(others, Informers) and others.k == k:
            return differing_numbers(self.contexts, k, lambda v: self.lenient[v] != self.strict[v], self._differing)
        return {v for j in [k, *others] for v in self.bound[j].vars}

    def _needed(self, k: int, others: Iterable[int]) -> list[int]:
        """The figures the claim needs read leniently: each one that, read as written while the
        others stay lenient, makes it fail again."""
        b = self.bound[k]
        base = list(self.lenient)
        needed = []
        for v in sorted(set(self._relevant(k, others))):
            if base[v] == self.strict[v]:
                continue
            trial = list(base)
            trial[v] = self.strict[v]
            if (
                b.rule.judge(b.claim, b.binding, self.outcome(k, trial, others, lenient=True)).verdict
                is Verdict.INCONSISTENT
            ):
                needed.append(v)
            else:
                base = trial
        return needed

    def _doubtful(self, needed: list[int], strict: Result, lenient: Result) -> Result:
        """The claim fits only under lenient readings: name each, with the range it opens, then
        say what the figures give as written."""
        readings = [text for v in needed if (text := self._lenient_reading(v))]
        if all(" truncated" in text for text in readings):
            first = f"Fits only if {_and(readings)}: it fits if truncated, not if rounded."
        else:
            first = f"Fits only if {_and(readings)}."
        return Result(
            Verdict.DOUBTFUL,
            f"{first} As written, {_continued(strict.message)}",
            strict.arithmetic,
            implied=lenient.implied,
            suggestion=strict.suggestion,
            data=strict.data,
            diagnosis=strict.diagnosis,
        )

    def _lenient_reading(self, v: int) -> str | None:
        """'\'210,000\' is rounded to the nearest 10,000 (205,000 to 215,000)', or None when the
        figure reads the same both ways."""
        var = self.vars[v]
        if self.lenient[v] == self.strict[v] or var.written is None:
            return None
        w = var.written
        fmt = display.percent if var.percent else display.number
        if w.qualifier is not None:  # the policy lets its reach go past one step
            strict = self.strict[v]
            if strict.hi is not None and self.lenient[v].hi is None:
                return f"'{w.shown}' reaches beyond {fmt(strict.hi)}"
            return f"'{w.shown}' reaches below {fmt(strict.lo)}"
        if w.two_figure_step != w.step and self.binder.policy.trailing_zeros is TrailingZeros.EITHER:
            step = display.number(w.two_figure_step * var.scale)
            return f"'{w.shown}' is rounded to the nearest {step} ({display.interval(self.lenient[v], fmt)})"
        cut = (
            Interval(w.value, w.value + w.step, False, True)
            if w.value >= 0
            else Interval(w.value - w.step, w.value, True, False)
        )
        if var.scale != 1:
            cut = cut.scale(var.scale)
        return f"'{w.shown}' was truncated ({display.interval(cut, fmt)})"

    def _culprits(self, k: int, others: Iterable[int]) -> list[int]:
        """The fewest other claims that, with this one, leave some number no possible value
        (those the deletion filter keeps, found in n log n: :func:`validator.contexts.culprits`)."""
        if not self.outcome(k, self.strict, []).primary_feasible:
            return []  # the claim fails on its own statements
        informers = list(others)
        if self._joint(k):  # the deletion filter, each trial propagated jointly
            suspects = list(informers)
            for j in informers:
                trial = [s for s in suspects if s != j]
                if not self.outcome(k, self.strict, trial).primary_feasible:
                    suspects = trial
            return [self.bound[j].index for j in suspects]
        in_context = (
            self.contexts.context(k, self.strict)
            if isinstance(others, Informers) and others.k == k
            else self.contexts.context_of(k, informers, self.strict)
        )
        if in_context is None:
            return []  # its context contradicts itself: the claim was judged alone
        if self._outcome_in(k, in_context).primary_feasible:
            return [self.bound[j].index for j in informers]  # no claim makes it fail: the filter keeps them all

        def feasible(context: dict[int, Interval]) -> bool:
            return bool(self._outcome_in(k, context).primary_feasible)

        return [self.bound[j].index for j in find_culprits(self.contexts, k, informers, self.strict, feasible)]


class Informers:
    """The claims of claim k's context (:meth:`Judge._others`), listed only when asked for:
    most claims hold, and need no list."""

    def __init__(self, contexts: Contexts, k: int):
        self.contexts = contexts
        self.k = k
        self._claims: list[int] | None = None

    def __bool__(self) -> bool:
        return self.contexts.has_informers(self.k)

    def __iter__(self) -> Iterator[int]:
        if self._claims is None:
            self._claims = self.contexts.informers(self.k)
        return iter(self._claims)


def _and(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _continued(sentence: str) -> str:
    """A sentence continued after a comma: 'The parts add up' becomes 'the parts add up'; a
    quoted figure or an acronym keeps its case."""
    if len(sentence) > 1 and sentence[0].isupper() and sentence[1].islower():
        return sentence[0].lower() + sentence[1:]
    return sentence
