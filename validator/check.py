"""Checking one fact sheet: text in, findings out, each placed on its line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from validator import loader
from validator.engine import Binder, External, Judge, Problem, _validation_problems, bind_claims
from validator.findings import DEFAULT_LEVEL, Finding, Level, Verdict, input_error
from validator.models import FactSheet
from validator.policy import DEFAULT_POLICY, Policy


@dataclass
class FileReport:
    """Everything found in one file, in the order of the file."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    claims: int = 0

    @property
    def input_errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_input_error]


def check_path(path: Path, policy: Policy = DEFAULT_POLICY, external: External | None = None) -> FileReport:
    name = loader.display_path(path)
    try:
        text = loader.read_text(path)
    except loader.LoadError as exc:
        return _failed(name, exc)
    return check_text(text, name, policy, external)


def check_text(text: str, name: str, policy: Policy = DEFAULT_POLICY, external: External | None = None) -> FileReport:
    """Check the fact sheet in ``text``; ``name`` is how reports call the file."""
    try:
        root = loader.compose(text)
        if root is None:
            raise loader.LoadError("empty file: a fact sheet needs 'article', 'quantities' and 'claims'", loader.Position(1, 1), "IN02")
        data = loader.to_data(root)
    except loader.LoadError as exc:
        return _failed(name, exc)
    if not isinstance(data, dict):
        return _failed(name, loader.LoadError("a fact sheet is a mapping with 'article', 'quantities' and 'claims'", loader.Position(1, 1), "IN02"))
    report = FileReport(name)
    try:
        sheet = FactSheet.model_validate(data)
    except ValidationError as exc:
        report.findings = [_problem(name, root, p) for p in _validation_problems(exc, ())]
        return report
    binder = Binder(sheet.quantities, policy, external)
    bound = bind_claims(sheet.claims, binder)
    report.claims = len(sheet.claims)
    if binder.problems:
        report.findings = [_problem(name, root, p) for p in binder.problems]
        return report
    judge = Judge(binder, bound)
    for k, b in enumerate(bound):
        result, borderline, culprits = judge.judge(k)
        claim_path = ("claims", b.index)
        position = loader.locate(root, claim_path + result.path)
        message = result.message
        if culprits:
            names = ", ".join(_claim_name(bound_claim_by_index(bound, j), j, root) for j in culprits)
            message += f" It cannot hold together with {names}: together they leave no possible value for a shared figure."
        report.findings.append(
            Finding(
                file=name,
                line=position.line,
                column=position.column,
                code=b.rule.code,
                rule=b.rule.name,
                verdict=result.verdict,
                level=DEFAULT_LEVEL[result.verdict],
                message=message,
                arithmetic=result.arithmetic,
                implied=result.implied,
                suggestion=result.suggestion,
                claim=b.claim.id or f"claims[{b.index}]",
                quote=b.claim.quote,
                borderline=borderline,
                data=result.data,
            )
        )
    return report


def bound_claim_by_index(bound, index):
    return next(b for b in bound if b.index == index)


def _claim_name(b, index: int, root) -> str:
    line = loader.locate(root, ("claims", index)).line
    return f"{b.claim.id or f'claims[{index}]'} (line {line})"


def _problem(name: str, root, problem: Problem) -> Finding:
    position = loader.locate(root, problem.path)
    return input_error(name, position.line, position.column, problem.message, problem.code)


def _failed(name: str, exc: loader.LoadError) -> FileReport:
    position = exc.position or loader.Position(1, 1)
    return FileReport(name, [input_error(name, position.line, position.column, exc.message, exc.code)])


__all__ = ["FileReport", "check_path", "check_text", "Verdict", "Level"]
