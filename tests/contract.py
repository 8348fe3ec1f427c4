"""The rule contract (validator/rule.py), checked on a registered rule through the real engine.

Used in this process for the built-in rules, and in a subprocess for a plugin
installed from the README's example (tests/test_rule_contract.py).
"""

from __future__ import annotations

from tests.conftest import sheet
from validator import loader, registry
from validator.engine import Binder, Judge, bind_claims
from validator.findings import Result
from validator.models import FactSheet
from validator.policy import Policy
from validator.rule import Binding, Reading, contract_problems
from validator.schema import fact_sheet_schema


def problems_of(cls) -> list[str]:
    """Every way ``cls`` breaks the rule contract, in words; empty when it keeps it."""
    problems = list(contract_problems(cls))
    for key in (cls.code, cls.code.lower(), cls.name, cls.name.upper()):
        if registry.get(key) is not cls:
            problems.append(f"registry.get({key!r}) is not the rule")
    if (cls.code, cls.name) not in registry.matching(cls.code):
        problems.append("its code does not select it in the configuration")
    if not cls.documentation().startswith(f"{cls.code} {cls.name}\n"):
        problems.append("its documentation does not start with its code and name")
    tags = {
        tuple(model["properties"]["rule"].get("enum", ()))
        for model in fact_sheet_schema()["$defs"].values()
        if "rule" in model.get("properties", {})
    }
    if (cls.name, cls.code) not in tags:
        problems.append("the JSON Schema does not tag its claim with its name and code")
    for i, example in enumerate(cls.examples):
        problems += [f"example {i}: {p}" for p in _example_problems(cls, example)]
    return problems


def _example_problems(cls, example) -> list[str]:
    """Bind and judge the example's claims through the engine, and check what the rule gives and keeps."""
    data = loader.to_data(loader.compose(sheet(example.sheet)))
    parsed = FactSheet.model_validate(data)
    binder = Binder(parsed.quantities, Policy(), None, parsed.article)
    bound = bind_claims(parsed.claims, binder)
    if binder.problems:
        return [f"input problems: {[p.message for p in binder.problems]}"]
    problems = []
    judge = Judge(binder, bound)
    for k, b in enumerate(bound):
        if not isinstance(b.binding, Binding) or not all(isinstance(r, Reading) for r in b.binding.readings):
            problems.append(f"readings() gave {b.binding!r}, not a Binding of Readings")
        result, _ = judge.judge(k)
        if not isinstance(result, Result):
            problems.append(f"judge() gave {result!r}, not a Result")
        elif type(b.rule) is cls and result.verdict is not example.verdict:
            problems.append(f"the verdict is {result.verdict.value}, not {example.verdict.value}: {result.message}")
        if vars(b.rule):
            problems.append(f"the rule keeps state on itself: {sorted(vars(b.rule))}")
    if not any(type(b.rule) is cls for b in bound):
        problems.append("it has no claim of this rule")
    return problems


def problems_of_every_rule() -> dict[str, list[str]]:
    """Each registered rule's code, with its problems."""
    return {cls.code: problems_of(cls) for cls in registry.all_rules()}
