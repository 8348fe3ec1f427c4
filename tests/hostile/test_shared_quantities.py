"""Many claims that share a quantity: judged in linear time (n log n at worst), with the verdicts
of claim-by-claim judging.

Each claim is judged in the context of the other claims of its component. Computed claim by
claim, that was a propagation over the whole component per claim: 1,000 identical claims took
29 s and 2,000 took 109 s (43 s and 191 s on the machine of the report); one claim and 999
YAML aliases of it, 18 s. Times are the benchmark's (python -m validator.bench); here the work
is counted (narrowings of a constraint, deterministic), and the contexts and the claims blamed
are compared with the claim-by-claim computation they replace.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tests.hostile.conftest import run_json, sheet, write
from validator import engine, loader, solver
from validator.config import Config
from validator.engine import Binder, Judge, bind_claims
from validator.models import FactSheet

CLAIM = "  - {rule: percent-change, from: before, to: after, change: 50 percent}\n"


def shared(n: int, after: str = "{value: '205.5', unit: visitors}", last: str = "") -> str:
    quantities = f"quantities:\n  before: {{value: '137', unit: visitors}}\n  after: {after}\nclaims:\n"
    return sheet(quantities + CLAIM * n + last)


@pytest.mark.parametrize("n", [1_000, 2_000])
def test_identical_claims_through_the_command(tmp_path, n):
    exit_code, document = run_json(write(tmp_path, "identical.yaml", shared(n)))
    assert exit_code == 0
    (report,) = document["files"]
    assert report["claims"] == n and document["summary"]["verdicts"]["consistent"] == n
    assert {f["message"] for f in report["findings"]} == {
        "137 visitors to 205.5 visitors is a rise of 50%, as '50 percent' says."
    }


def test_one_claim_and_999_aliases_of_it(tmp_path):
    text = sheet(
        "quantities:\n  before: {value: '137', unit: visitors}\n  after: {value: '205.5', unit: visitors}\n"
        "claims:\n  - &claim {rule: percent-change, from: before, to: after, change: 50 percent}\n"
        + "  - *claim\n"
        * 999
    )
    exit_code, document = run_json(write(tmp_path, "aliases.yaml", text))
    assert exit_code == 0 and document["summary"]["verdicts"]["consistent"] == 1_000


def test_one_claim_against_a_thousand_is_blamed_on_the_last_that_contradicts_it(tmp_path):
    # 'after' is implied: the thousand claims define it (205.5), the odd one says 10 percent.
    odd = "  - {id: the_odd_one, rule: percent-change, from: before, to: after, change: 10 percent}\n"
    exit_code, document = run_json(write(tmp_path, "odd.yaml", shared(1_000, "{unit: visitors}", odd)))
    assert exit_code == 1
    (report,) = document["files"]
    (inconsistent,) = [f for f in report["findings"] if f["verdict"] == "inconsistent"]
    assert (inconsistent["claim"], inconsistent["line"]) == ("the_odd_one", 1_009)
    assert inconsistent["message"] == (
        "137 visitors to about 205.5 visitors is a rise of 50%, not 10 percent. "
        "It contradicts claims[999] (line 1008): they cannot all be true."
    )
    # Each of the thousand is judged alone (its context, with the odd one in it, contradicts itself).
    assert document["summary"]["verdicts"]["unverifiable"] == 1_000


def narrowings(text: str, monkeypatch) -> int:
    count = 0
    narrow = solver._narrow_once

    def counted(*args, **kwargs):
        nonlocal count
        count += 1
        return narrow(*args, **kwargs)

    monkeypatch.setattr(solver, "_narrow_once", counted)
    report = _check(text)
    assert not report.input_errors
    return count


def _check(text: str):
    from validator.check import check_text

    return check_text(text, "shared.yaml", Config())


@pytest.mark.parametrize(
    "make",
    [
        lambda n: shared(n),  # stated figures
        lambda n: shared(n, "{unit: visitors}"),  # an implied figure every claim narrows
        lambda n: shared(n - 1, "{unit: visitors}", CLAIM.replace("50 percent", "10 percent")),  # one odd claim
    ],
    ids=["stated", "implied", "one-odd"],
)
def test_the_work_grows_linearly(monkeypatch, make):
    # Claims that repeat what others say of a shared figure cost one addition each: the
    # narrowings are linear here (n log n at worst, when each claim narrows the figure further).
    counts = {n: narrowings(make(n), monkeypatch) for n in (500, 1_000, 2_000)}
    for n in (1_000, 2_000):
        assert counts[n] <= 2.02 * counts[n // 2], counts  # claim by claim: 4 times
        assert counts[n] <= 10 * n, counts


# --------------------------------------------------------------- the same as claim by claim


def _reference_ranks(judge: Judge) -> dict[int, int]:
    """Judge._ranks as it was: levels recomputed from every pending claim."""
    determined = {v.index for v in judge.vars if v.stated}
    rank, pending, level = {}, set(range(len(judge.bound))), 0
    while pending:
        newly = [k for k in pending if len(set(judge.bound[k].vars) - determined) <= 1]
        if not newly:
            break
        for k in newly:
            rank[k] = level
            pending.discard(k)
            determined.update(judge.bound[k].vars)
        level += 1
    rank.update({k: level for k in pending})
    return rank


def _reference_others(judge: Judge, k: int) -> list[int]:
    return [j for j in judge.components[k] if j != k and j not in judge.relators and judge.rank[j] <= judge.rank[k]]


def _reference_context(judge: Judge, k: int, base, others: list[int]) -> dict:
    """A claim's context as it was computed, claim by claim: one propagation over the others."""
    numbers = judge.bound[k].vars
    in_play = set(numbers).union(*(judge.bound[j].vars for j in others))
    dom = {v: base[v] for v in in_play}
    constraints = [c for j in others for c in judge._context_constraint(j)]
    if others and solver.propagate(dom, constraints, judge.integer) is not None:
        return {v: base[v] for v in numbers}
    return {v: dom[v] for v in numbers}


def _reference_culprits(judge: Judge, k: int, others: list[int]) -> list[int]:
    """The deletion filter as it was: each other claim in order, dropped when the claim still fails."""

    def fails(claims):
        return not judge._outcome_in(k, _reference_context(judge, k, judge.strict, claims)).primary_feasible

    suspects = list(others)
    for j in list(suspects):
        trial = [s for s in suspects if s != j]
        if fails(trial):
            suspects = trial
    return [judge.bound[j].index for j in suspects]


@st.composite
def dense_sheets(draw) -> str:
    """A few quantities (stated, implied, counts or measures) and many claims linking them."""
    n = draw(st.integers(2, 6))
    values = st.sampled_from([None, None, None, "100", "150", "4,800", "7,200", "98", "1,154", "about 50"])
    lines = ["quantities:\n"]
    for i in range(n):
        value, unit = draw(values), draw(st.sampled_from(["visitors", "tonnes", None]))
        fields = [f"value: '{value}'"] if value else []
        fields += [f"unit: {unit}"] if unit or not value else []
        lines.append(f"  q{i}: {{{', '.join(fields) or 'unit: visitors'}}}\n")
    lines.append("claims:\n")
    ids = [f"q{i}" for i in range(n)]
    percent = st.sampled_from(["50 percent", "40 percent", "-10 percent", "about 50 percent", "4 percent"])
    for _ in range(draw(st.integers(2, 24))):
        a, b, c = draw(st.permutations(ids))[:3] if n >= 3 else (*draw(st.permutations(ids)), ids[0])
        lines.append(
            draw(
                st.sampled_from(
                    [
                        f"  - {{rule: percent-change, from: {a}, to: {b}, change: {draw(percent)}}}\n",
                        f"  - {{rule: share, whole: {a}, part: {b}, share: {draw(percent).lstrip('-')}}}\n",
                        f"  - {{rule: multiple, from: {a}, to: {b}, factor: {draw(st.sampled_from(['four times', 'doubled', 'three times more']))}}}\n",
                        f"  - {{rule: sum, parts: [{a}, {b}], total: {c}}}\n",
                        f"  - {{rule: difference, larger: {a}, smaller: {b}, difference: '50'}}\n",
                        f"  - {{rule: from-to, from: {a}, to: {b}}}\n",
                    ]
                )
            )
        )
    return sheet("".join(lines))


def _converges(judge: Judge, k: int, base, others: list[int], monkeypatch) -> bool:
    """Whether propagation reaches its fixed point within its budget: a claim such as
    'q0 + q1 = q0' (q1 = 100) raises q0 by 100 a step for ever, and where it stops depends on
    the order of the steps (both stopping points are sound: narrowing removes no solution)."""
    with monkeypatch.context() as patched:
        patched.setattr(solver, "MAX_STEPS_PER_CONSTRAINT", 2 * solver.MAX_STEPS_PER_CONSTRAINT)
        longer = _reference_context(judge, k, base, others)
    return longer == _reference_context(judge, k, base, others)


@given(dense_sheets())
def test_contexts_and_culprits_are_those_of_claim_by_claim_judging(text):
    # The ranges path (validator.contexts), which components larger than engine.JOINT_CLAIMS take.
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(engine, "JOINT_CLAIMS", 0)
        assert_contexts_and_culprits_match_the_reference(text)


def assert_contexts_and_culprits_match_the_reference(text):
    data = loader.to_data(loader.compose(text))
    fact_sheet = FactSheet.model_validate(data)
    binder = Binder(fact_sheet.quantities, Config().policy, None, fact_sheet.article)
    bound = bind_claims(fact_sheet.claims, binder)
    if binder.problems:
        return
    judge = Judge(binder, bound)
    assert judge.rank == _reference_ranks(judge)
    with pytest.MonkeyPatch.context() as monkeypatch:
        converging = all(
            _converges(judge, k, base, _reference_others(judge, k), monkeypatch)
            for k in range(len(bound))
            for base in (judge.strict, judge.lenient)
        )
    assume(converging)
    for k in range(len(bound)):
        others = _reference_others(judge, k)
        assert list(judge._others(k)) == others and bool(judge._others(k)) == bool(others)
        for base in (judge.strict, judge.lenient):
            assert judge._context(k, base, judge._others(k)) == (_reference_context(judge, k, base, others), [])
        in_context = judge._outcome_in(k, _reference_context(judge, k, judge.strict, others))
        alone = judge._outcome_in(k, _reference_context(judge, k, judge.strict, []))
        dom = {v: judge.strict[v] for j in others for v in bound[j].vars}
        constraints = [c for j in others for c in judge._context_constraint(j)]
        contradicts_itself = bool(others) and solver.propagate(dom, constraints, judge.integer) is not None
        if others and alone.primary_feasible and not in_context.primary_feasible and not contradicts_itself:
            assert judge._culprits(k, judge._others(k)) == _reference_culprits(judge, k, others)
