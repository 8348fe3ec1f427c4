"""Each claim's context, and the claims to blame when it fails, without quadratic work.

A claim is judged in its *context*: the values its numbers may take given the other claims of
its component (claims linked through shared numbers) that define figures at its rank or lower,
itself excluded (see :class:`validator.engine.Judge`). Computed claim by claim, each context is
a propagation over the whole component: quadratic when many claims share a quantity (1,000
identical claims took 29 s, 2,000 took 109 s).

:class:`Contexts` computes the contexts of a component's claims together. Ranks are added in
order to one :class:`~validator.solver.Propagation`; within a rank every claim needs the fixed
point of all the others (leave one out), which divide and conquer gives: for the claims of one
half, add the other half and recurse; undo, and the other way round. Each claim's constraints
are added O(log n) times in all. A context is the fixed point :func:`~validator.solver.propagate`
reaches on the same constraints (narrowing is monotone, so the order of adding does not
matter; like it, a constraint is not narrowed again for its own narrowing, so one constraint
alone is narrowed once). A context whose claims contradict each other is None: the claim is
then judged alone. Two things make the common shapes linear: a component is first split where
only numbers nobody narrows link it (a star of claims around one stated figure), and leave one
out stops early when a set of claims narrows none of the numbers claims share (claims that
repeat each other).

:func:`culprits` finds the claims a failing claim conflicts with, as the deletion filter does
(each other claim in order, dropped when the rest still make the claim fail), by adding the
others from the last one back until the claim fails: the one that makes it fail is kept, and
the search goes on after it: linear in the other claims for each claim kept.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence

from validator.interval import Interval
from validator.solver import Constraint, Domains, Propagation

Context = dict[int, Interval] | None  # a claim's numbers and their domains; None: judged alone


class Contexts:
    """The contexts of every claim, computed a component at a time when first asked for."""

    def __init__(
        self,
        claim_vars: Sequence[tuple[int, ...]],
        constraints_of: Callable[[int], list[Constraint]],
        integer: Sequence[bool],
        components: dict[int, list[int]],
        rank: dict[int, int],
        relators: set[int],
    ):
        self.claim_vars = claim_vars
        self._informing = constraints_of
        self._constraints_of: dict[int, list[Constraint]] = {}
        self.integer = integer
        self.components = components
        self.rank = rank
        self.relators = relators
        self._found: dict[tuple[int, int], Context] = {}
        self._ranks_of: dict[int, list[int]] = {}  # component (its first claim) -> sorted ranks of its informers

    def constraints_of(self, k: int) -> list[Constraint]:
        """Claim k's constraints as it informs the others (made once: a Choice is built for it)."""
        found = self._constraints_of.get(k)
        if found is None:
            found = self._constraints_of[k] = self._informing(k)
        return found

    # ------------------------------------------------------------------ who informs whom
    def informers(self, k: int) -> list[int]:
        """The claims of claim k's context, in the order of the component."""
        rank = self.rank[k]
        return [j for j in self.components[k] if j != k and j not in self.relators and self.rank[j] <= rank]

    def has_informers(self, k: int) -> bool:
        members = self.components[k]
        ranks = self._ranks_of.get(members[0])
        if ranks is None:
            ranks = self._ranks_of[members[0]] = sorted(self.rank[j] for j in members if j not in self.relators)
        count = bisect_right(ranks, self.rank[k])
        return count - (0 if k in self.relators else 1) > 0

    # ------------------------------------------------------------------------ contexts
    def context(self, k: int, base: Domains) -> Context:
        """Claim k's numbers in the context of all its informers, under the domains ``base``."""
        key = (id(base), k)
        if key not in self._found:
            self._component(self.components[k], base)
        return self._found[key]

    def context_of(self, k: int, informers: Sequence[int], base: Domains) -> Context:
        """Claim k's numbers in the context of the claims ``informers`` alone."""
        constraints = [c for j in informers for c in self.constraints_of(j)]
        in_play = set(self.claim_vars[k]).union(*(self.claim_vars[j] for j in informers))
        propagation = Propagation({v: base[v] for v in in_play}, self.integer)
        propagation.add(constraints)
        return self.project(propagation, k)

    def _component(self, members: list[int], base: Domains) -> None:
        for group in self._groups(members, base):
            self._group(group, base)

    def _groups(self, members: list[int], base: Domains) -> list[list[int]]:
        """The component split where only numbers nobody narrows link it.

        A number that the fixed point of all the component's informing claims leaves as it
        is, no fewer of them narrow either (narrowing is monotone): through it, no claim
        informs another. Claims linked only through such numbers (a stated figure that many
        claims share) have their contexts computed apart, so a star of claims around one
        stated figure is linear, not n log n. When that fixed point is a contradiction, or
        is not reached within its budget, the component stays whole.
        """
        if len(members) == 1:
            return [members]
        in_play = set().union(*(self.claim_vars[k] for k in members))
        whole = Propagation({v: base[v] for v in in_play}, self.integer)
        whole.add(self._constraints([k for k in members if k not in self.relators]))
        if whole.conflict is not None or whole.exhausted:
            return [members]
        narrowed = {v for v in in_play if whole.dom[v] != base[v]}
        parent = {k: k for k in members}

        def root(k: int) -> int:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        owner: dict[int, int] = {}
        for k in members:
            for v in self.claim_vars[k]:
                if v in narrowed:
                    if v in owner:
                        parent[root(k)] = root(owner[v])
                    else:
                        owner[v] = k
        groups: dict[int, list[int]] = {}
        for k in members:
            groups.setdefault(root(k), []).append(k)
        return list(groups.values())

    def _group(self, members: list[int], base: Domains) -> None:
        key = id(base)
        if len(members) == 1:
            (k,) = members
            self._found[(key, k)] = {v: base[v] for v in self.claim_vars[k]}
            return
        in_play = set().union(*(self.claim_vars[k] for k in members))
        propagation = Propagation({v: base[v] for v in in_play}, self.integer)
        holders: dict[int, int] = {}
        for k in members:
            for v in self.claim_vars[k]:
                holders[v] = holders.get(v, 0) + 1
        shared = {v for v, count in holders.items() if count > 1}
        by_rank: dict[int, list[int]] = {}
        for k in members:
            if k not in self.relators:
                by_rank.setdefault(self.rank[k], []).append(k)
        for rank in sorted(by_rank):
            self._leave_one_out(propagation, by_rank[rank], base, shared)
            propagation.add(self._constraints(by_rank[rank]))
        for k in members:
            if k in self.relators:
                self._found[(key, k)] = self.project(propagation, k)

    def _leave_one_out(self, propagation: Propagation, claims: list[int], base: Domains, shared: set[int]) -> None:
        """Each claim's context: what ``propagation`` holds, and every other claim of ``claims``.

        When all of ``claims`` together narrow none of the numbers claims share (only numbers
        of one claim each, such as each claim's own stated change), neither do all but one
        (narrowing is monotone), and a claim's own numbers are narrowed only by itself: each
        context is what ``propagation`` holds, with no recursion. Many claims that say the same
        thing of a shared figure cost one addition each, not log n.
        """
        if len(claims) > 1:
            mark = propagation.mark()
            propagation.add(self._constraints(claims))
            narrowed = (
                propagation.conflict is not None
                or propagation.exhausted
                or any(v in shared for v, _ in propagation.trail[mark[1] :])
            )
            propagation.undo(mark)
            if not narrowed:
                for k in claims:
                    self._found[(id(base), k)] = self.project(propagation, k)
                return
        if len(claims) == 1:
            self._found[(id(base), claims[0])] = self.project(propagation, claims[0])
            return
        half = len(claims) // 2
        left, right = claims[:half], claims[half:]
        mark = propagation.mark()
        propagation.add(self._constraints(right))
        self._leave_one_out(propagation, left, base, shared)
        propagation.undo(mark)
        propagation.add(self._constraints(left))
        self._leave_one_out(propagation, right, base, shared)
        propagation.undo(mark)

    def _constraints(self, claims: list[int]) -> list[Constraint]:
        return [c for j in claims for c in self.constraints_of(j)]

    def project(self, propagation: Propagation, k: int) -> Context:
        """Claim k's numbers as ``propagation`` holds them (None if it holds a contradiction)."""
        numbers = self.claim_vars[k]
        if propagation.conflict is not None:
            return None
        dom = propagation.dom
        return {v: dom[v] for v in numbers}


def culprits(
    contexts: Contexts,
    k: int,
    informers: list[int],
    base: Domains,
    feasible: Callable[[dict[int, Interval]], bool],
) -> list[int]:
    """The claims among ``informers`` (a context that does not contradict itself, in which claim
    k fails) that the deletion filter keeps: each one in order is dropped when claim k still
    fails without it. ``feasible`` says whether claim k holds in a context."""
    in_play = set(contexts.claim_vars[k]).union(*(contexts.claim_vars[j] for j in informers))
    propagation = Propagation({v: base[v] for v in in_play}, contexts.integer)
    kept: list[int] = []
    rest = informers
    while rest:
        context = contexts.project(propagation, k)
        if kept and context is not None and not feasible(context):
            break  # the claims kept make it fail already: the filter drops all the rest
        mark = propagation.mark()
        failing_from = None
        for i in range(len(rest) - 1, -1, -1):  # kept and rest[i:]: does the claim fail?
            propagation.add(contexts.constraints_of(rest[i]))
            context = contexts.project(propagation, k)
            if context is not None and not feasible(context):
                failing_from = i
                break
        propagation.undo(mark)
        if failing_from is None:
            break
        kept.append(rest[failing_from])
        propagation.add(contexts.constraints_of(rest[failing_from]))
        rest = rest[failing_from + 1 :]
    return kept


def differing_numbers(
    contexts: Contexts, k: int, differs: Callable[[int], bool], index: dict[int, list[tuple[int, int, int | None]]]
) -> Iterator[int]:
    """Claim k's numbers, then the numbers of its informers for which ``differs`` holds (those the
    lenient reading widens), each once: whether any of them differs, and which, is all the
    judge asks, so the others are left out. ``index`` caches, per component, each differing
    number with the lowest rank that informs on it."""
    own = contexts.claim_vars[k]
    yield from own
    members = contexts.components[k]
    entries = index.get(members[0])
    if entries is None:
        entries = index[members[0]] = _differing_index(contexts, members, differs)
    rank = contexts.rank[k]
    for lowest, v, first, second in entries:
        if lowest > rank:
            break
        if v in own:
            continue
        if first != k or (second is not None and second <= rank):
            yield v


def _differing_index(contexts: Contexts, members: list[int], differs: Callable[[int], bool]) -> list:
    """Per differing number of the component: the lowest rank of a claim informing on it, that
    claim, and the second lowest rank (None when only one claim informs on it), by rank."""
    holders: dict[int, list[tuple[int, int]]] = {}
    for j in members:
        if j in contexts.relators:
            continue
        for v in contexts.claim_vars[j]:
            if differs(v):
                best = holders.setdefault(v, [])
                best.append((contexts.rank[j], j))
                if len(best) > 2:
                    best.sort()
                    best.pop()
    entries = []
    for v, best in holders.items():
        best.sort()
        second = best[1][0] if len(best) > 1 else None
        entries.append((best[0][0], v, best[0][1], second))
    entries.sort()
    return entries
