"""Constraint propagation over exact intervals.

Variables are indices into a list of :class:`~validator.interval.Interval`
domains. A constraint narrows the domains of its variables from the others'
(interval projection); :func:`propagate` repeats that until nothing narrows,
or a domain becomes empty: a contradiction. Narrowing never removes a value
that could be part of a solution, so a contradiction found here is real.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from validator.exact import Q
from validator.interval import EMPTY, Interval

Domains = list[Interval] | dict[int, Interval]


class Constraint(ABC):
    vars: tuple[int, ...]

    @abstractmethod
    def narrow(self, dom: Domains, integer: Sequence[bool]) -> Iterable[tuple[int, Interval]]:
        """Projections of the other domains onto each variable (a superset of the true ones)."""


@dataclass(frozen=True, slots=True)
class Product(Constraint):
    """``y = x * (a + b * p)``; with ``p`` None, ``y = a * x``.

    Percent changes (a=1, b=1/100), multiples (a=0, b=1), shares of a whole
    (a=0, b=1/100) and fixed conversions (p None) are all this one form.
    """

    y: int
    x: int
    p: int | None
    a: Q
    b: Q = Q(0)

    @property
    def vars(self) -> tuple[int, ...]:  # type: ignore[override]
        return (self.y, self.x) if self.p is None else (self.y, self.x, self.p)

    def factor(self, dom: Domains) -> Interval:
        if self.p is None:
            return Interval.point(self.a)
        return dom[self.p].scale(self.b) + self.a

    def narrow(self, dom: Domains, integer: Sequence[bool]):
        f = self.factor(dom)
        x, y = dom[self.x], dom[self.y]
        if integer[self.x] and integer[self.y]:
            exact = _whole_pairs(x, y, f)
            if exact is not None:
                yield from ((self.x, exact[0]), (self.y, exact[1]))
        yield self.y, x * f
        if not f.contains_zero():
            yield self.x, y / f
        if self.p is not None and self.b != 0 and not x.contains_zero():
            yield self.p, ((y / x) - self.a).scale(1 / self.b)


GRIM_ENUMERATION_LIMIT = 2000


def _whole_pairs(x: Interval, y: Interval, f: Interval) -> tuple[Interval, Interval] | None:
    """GRIM, exactly: the whole x and y with y in x * f, when x holds few enough integers.

    Interval projection alone would accept 67% of 25-30 people as 17-20 of them;
    trying each whole x finds which pairs really exist. None when x is too wide
    to try each (granularity then no longer decides anything).
    """
    count = x.integer_count()
    if count is None or count > GRIM_ENUMERATION_LIMIT:
        return None
    xs = x.integers()
    if count == 0:
        return EMPTY, EMPTY
    found_x = found_y = EMPTY
    n = xs.lo
    while n <= xs.hi:
        ys = (f.scale(n)).intersect(y).integers()
        if not ys.is_empty():
            found_x = found_x.hull(Interval.point(n))
            found_y = found_y.hull(ys)
        n += 1
    return found_x, found_y


@dataclass(frozen=True, slots=True)
class Linear(Constraint):
    """``sum(coef * var) + constant == 0``."""

    terms: tuple[tuple[Q, int], ...]
    constant: Q = Q(0)

    @property
    def vars(self) -> tuple[int, ...]:  # type: ignore[override]
        return tuple(v for _, v in self.terms)

    def narrow(self, dom: Domains, integer: Sequence[bool]):
        for j, (cj, vj) in enumerate(self.terms):
            rest = Interval.point(self.constant)
            for i, (ci, vi) in enumerate(self.terms):
                if i != j:
                    rest = rest + dom[vi].scale(ci)
            yield vj, rest.scale(-1 / cj)


@dataclass(frozen=True, slots=True)
class Greater(Constraint):
    """``larger > smaller`` (or ``>=`` when ``strict`` is False)."""

    larger: int
    smaller: int
    strict: bool = True

    @property
    def vars(self) -> tuple[int, ...]:  # type: ignore[override]
        return (self.larger, self.smaller)

    def narrow(self, dom: Domains, integer: Sequence[bool]):
        small, large = dom[self.smaller], dom[self.larger]
        yield self.larger, Interval(small.lo, None, small.lo_open or self.strict, True)
        yield self.smaller, Interval(None, large.hi, True, large.hi_open or self.strict)


ROOT_DIGITS = 15  # nth roots are irrational: bounds are rounded outward at this many decimals


def nth_root(x: Q, n: int, up: bool) -> Q:
    """A rational bound on x**(1/n) for x >= 0: below it (up=False) or above it (up=True)."""
    if x == 0 or n == 1:
        return x
    scale = 10**ROOT_DIGITS
    # floor((x * scale**n) ** (1/n)) by Newton's method on integers, exact.
    target = x.numerator * scale**n // x.denominator
    root = 1 << ((target.bit_length() + n - 1) // n)
    while True:
        better = ((n - 1) * root + target // root ** (n - 1)) // n
        if better >= root:
            break
        root = better
    while root**n > target:
        root -= 1
    while (root + 1) ** n <= target:
        root += 1
    low = Q(root, scale)
    if not up:
        return low
    return low if low**n == x else Q(root + 1, scale)


def interval_power(base: Interval, n: int) -> Interval:
    """base**n for a base that is never negative (a growth factor)."""
    lo = None if base.lo is None else base.lo**n
    hi = None if base.hi is None else base.hi**n
    return Interval(lo, hi, base.lo_open, base.hi_open)


def interval_root(value: Interval, n: int) -> Interval:
    """value**(1/n) for a value that is never negative, rounded outward (never narrower than the truth)."""
    lo = None if value.lo is None else nth_root(max(value.lo, Q(0)), n, up=False)
    hi = None if value.hi is None else nth_root(max(value.hi, Q(0)), n, up=True)
    exact_lo = lo is not None and value.lo is not None and lo**n == value.lo
    exact_hi = hi is not None and value.hi is not None and hi**n == value.hi
    return Interval(lo, hi, value.lo_open and exact_lo, value.hi_open and exact_hi)


@dataclass(frozen=True, slots=True)
class Compound(Constraint):
    """``y = x * (1 + r / 100) ** n``: growth at r percent a period over n whole periods."""

    y: int
    x: int
    r: int
    n: int

    @property
    def vars(self) -> tuple[int, ...]:  # type: ignore[override]
        return (self.y, self.x, self.r)

    def narrow(self, dom: Domains, integer: Sequence[bool]):
        factor = (dom[self.r].scale(Q(1, 100)) + 1).intersect(Interval(Q(0), None))
        growth = interval_power(factor, self.n)
        x, y = dom[self.x], dom[self.y]
        yield self.y, x * growth
        if not growth.contains_zero():
            yield self.x, y / growth
        if not x.contains_zero():
            ratio = (y / x).intersect(Interval(Q(0), None))
            yield self.r, (interval_root(ratio, self.n) - 1).scale(Q(100))


@dataclass(frozen=True, slots=True)
class Conflict:
    """A domain became empty: the variable, and the constraint that emptied it."""

    var: int
    constraint: Constraint | None


MAX_STEPS_PER_CONSTRAINT = 60


def _narrow_once(
    dom, constraint: Constraint, integer: Sequence[bool], trail: list | None = None
) -> tuple[Conflict | None, list[int]]:
    changed = []
    for v, projection in constraint.narrow(dom, integer):
        current = dom[v]
        narrowed = current.intersect(projection)
        if integer[v]:
            narrowed = narrowed.integers()
        if narrowed.is_empty():
            if trail is not None:
                trail.append((v, current))
            dom[v] = narrowed
            return Conflict(v, constraint), changed
        if narrowed != current:
            if trail is not None:
                trail.append((v, current))
            dom[v] = narrowed
            changed.append(v)
    return None, changed


def propagate(dom: Domains, constraints: Sequence[Constraint], integer: Sequence[bool]) -> Conflict | None:
    """Narrow ``dom`` in place until nothing changes; a :class:`Conflict` if a domain empties.

    ``dom`` is anything indexed by variable: the full list, or a dict of the variables in play.
    """
    if len(constraints) == 1:  # most claims: one relation, narrowed once (its projections are exact)
        return _narrow_once(dom, constraints[0], integer)[0]
    watchers: dict[int, list[int]] = {}
    for index, c in enumerate(constraints):
        for v in c.vars:
            watchers.setdefault(v, []).append(index)
    queue = deque(range(len(constraints)))
    queued = set(queue)
    budget = MAX_STEPS_PER_CONSTRAINT * max(1, len(constraints))
    while queue and budget > 0:
        budget -= 1
        index = queue.popleft()
        queued.discard(index)
        conflict, changed = _narrow_once(dom, constraints[index], integer)
        if conflict is not None:
            return conflict
        for v in changed:
            for other in watchers[v]:
                if other != index and other not in queued:
                    queue.append(other)
                    queued.add(other)
    return None


class Propagation:
    """Propagation that grows and shrinks: :meth:`add` narrows the domains to a fixed point of
    every constraint added so far, and :meth:`undo` returns to a :meth:`mark`.

    Adding constraints to a fixed point wakes only the constraints whose variables narrow, so
    a claim's context can be built on top of what its neighbours share instead of from the
    start each time (see :mod:`validator.contexts`). The fixed point does not depend on the
    order in which constraints are added (narrowing is monotone), so it is the one
    :func:`propagate` reaches with the same constraints.
    """

    def __init__(self, dom: dict[int, Interval], integer: Sequence[bool]):
        self.dom = dom
        self.integer = integer
        self.constraints: list[Constraint] = []
        self.watchers: dict[int, list[int]] = {}
        self.trail: list[tuple[int, Interval]] = []  # (variable, its domain before a narrowing)
        self.conflict: Conflict | None = None
        self.exhausted = False  # the last add stopped at its budget, short of the fixed point

    def mark(self) -> tuple[int, int, Conflict | None]:
        return len(self.constraints), len(self.trail), self.conflict

    def undo(self, mark: tuple[int, int, Conflict | None]) -> None:
        constraints, trail, conflict = mark
        while len(self.trail) > trail:
            v, before = self.trail.pop()
            self.dom[v] = before
        for c in reversed(self.constraints[constraints:]):
            for v in reversed(c.vars):
                self.watchers[v].pop()
        del self.constraints[constraints:]
        self.conflict = conflict

    def add(self, constraints: Sequence[Constraint]) -> Conflict | None:
        """Add ``constraints`` and narrow to the fixed point of all; the conflict, if any (once
        there is one, it stays until undone)."""
        start = len(self.constraints)
        for c in constraints:
            for v in c.vars:
                self.watchers.setdefault(v, []).append(len(self.constraints))
            self.constraints.append(c)
        if self.conflict is not None:
            return self.conflict
        queue = deque(range(start, len(self.constraints)))
        queued = set(queue)
        budget = MAX_STEPS_PER_CONSTRAINT * max(1, len(constraints))
        dom, integer, trail, watchers = self.dom, self.integer, self.trail, self.watchers
        all_constraints = self.constraints
        while queue and budget > 0:
            budget -= 1
            index = queue.popleft()
            queued.discard(index)
            conflict, changed = _narrow_once(dom, all_constraints[index], integer, trail)
            if conflict is not None:
                self.conflict = conflict
                return conflict
            for v in changed:
                for other in watchers[v]:
                    if other != index and other not in queued:
                        queue.append(other)
                        queued.add(other)
        self.exhausted = bool(queue)
        return None
