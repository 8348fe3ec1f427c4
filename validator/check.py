"""Checking one fact sheet: text in, findings out, each placed on its line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Protocol

import yaml
from pydantic import ValidationError

from validator import folders, loader
from validator.config import Config
from validator.engine import Binder, Bound, External, Judge, bind_claims, validation_problems
from validator.findings import DEFAULT_LEVEL, FAILING, Finding, Level, Verdict, cut_echoes, input_error
from validator.models import Article, ClaimBase, FactSheet, Quantity, QuantityEntry
from validator.registry import ENGINE_CODES, key_matches
from validator.rule import Problem


@dataclass
class FileReport:
    """Everything found in one file, in the order of the file."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    claims: int = 0
    article: Article | None = None  # for reports that show the article (html)
    path: Path | None = None  # where the file is
    text_path: Path | None = None  # the article's text, found where the sheet may read it (validator.folders)

    @property
    def input_errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_input_error]


def check_path(path: Path, config: Config | None = None, resolver=None) -> FileReport:
    """Check the fact sheet at ``path``; references to other sheets go through ``resolver``.

    A bug of ours must not stop the other files being checked: it becomes an
    IN99 finding for this file (exit 2) that asks to be reported.
    """
    name = loader.display_path(path)
    try:
        return _check_path(path, name, config or Config(), resolver)
    except RecursionError:
        return _failed(name, loader.LoadError("the fact sheet is nested too deeply to check", None, "IN06"))
    except Exception as exc:  # noqa: BLE001 - reported, never swallowed
        message = f"internal error while checking this file ({type(exc).__name__}: {exc}); please report it"
        return _failed(name, loader.LoadError(message, None, "IN99"))


def _check_path(path: Path, name: str, config: Config, resolver) -> FileReport:
    limits = loader.Limits(max_bytes=config.settings.max_file_bytes)
    try:
        text = loader.read_text(path, limits)
    except loader.LoadError as exc:
        return _failed(name, exc)
    if resolver is None:
        from validator.references import Resolver

        resolver = Resolver(limits, config.read_folders)
    article_text = folders.article_text_finder(path, config.read_folders, limits)
    report = check_text(text, name, config, resolver.external_for(path), article_text)
    report.path = path
    return report


def check_text(
    text: str,
    name: str,
    config: Config | None = None,
    external: External | None = None,
    article_text: Callable[[str], Path] | None = None,
) -> FileReport:
    """Check the fact sheet in ``text``; ``name`` is how reports call the file.

    ``external`` looks up other sheets' quantities (same_as) and ``article_text`` finds the
    article's text (``article.text``); without them, a sheet that needs them is an input error
    or has no text to show.
    """
    # The cycle collector paused while one sheet is checked: a sheet's objects form no cycles
    # (they are freed as soon as it is checked), and scanning a big sheet's live objects again
    # and again made it super-linear (16,000 claims took 2.4 times 8,000; paused, 2.0 times).
    with loader.gc_paused():
        return _check_text(text, name, config or Config(), external, article_text)


def _check_text(
    text: str, name: str, config: Config, external: External | None, article_text: Callable[[str], Path] | None
) -> FileReport:
    try:
        root = loader.compose(text)
        if root is None:
            raise loader.LoadError(
                "empty file: a fact sheet needs 'article', 'quantities' and 'claims'", loader.Position(1, 1), "IN02"
            )
        data = loader.to_data(root, loader.Limits(max_bytes=config.settings.max_file_bytes))
    except loader.LoadError as exc:
        return _failed(name, exc)
    if not isinstance(data, dict):
        message = "a fact sheet is a mapping with 'article', 'quantities' and 'claims'"
        return _failed(name, loader.LoadError(message, loader.Position(1, 1), "IN02"))
    return check_data(data, name, config, external, SheetPlaces(root), article_text)


class SheetPlaces:
    """Where the parts of a fact sheet are: lines and columns of its YAML."""

    labels = None  # findings call a sheet's quantities by their ids

    def __init__(self, root: yaml.Node):
        self.root = root

    def position(self, path: tuple) -> loader.Position:
        return loader.locate(self.root, path)

    def claim_name(self, index: int, claim: ClaimBase) -> str:
        return f"{claim.id or f'claims[{index}]'} (line {self.position(('claims', index)).line})"

    def span(self, index: int, claim: ClaimBase) -> tuple[int, int] | None:
        return claim.span


class Places(Protocol):
    """How findings are placed: a fact sheet's YAML lines, or an article's sentences."""

    labels: dict[str, str] | None  # how findings call quantities, when not by their ids

    def position(self, path: tuple) -> loader.Position: ...

    def claim_name(self, index: int, claim: ClaimBase) -> str: ...

    def span(self, index: int, claim: ClaimBase) -> tuple[int, int] | None: ...


def check_data(
    data: dict,
    name: str,
    config: Config,
    external: External | None,
    places: Places,
    article_text: Callable[[str], Path] | None = None,
) -> FileReport:
    """Check a fact sheet given as plain data (from YAML, or built from an article's text);
    ``article_text`` finds the file its ``article.text`` names."""
    report = FileReport(name)
    try:
        sheet = FactSheet.model_validate(data)
        invalid: list[Problem] = []
    except ValidationError as exc:
        # Every problem of the sheet in one run: its claims are bound with what can be used.
        invalid = validation_problems(exc, (), data, FactSheet)
        sheet = _usable_parts(data)
    binder = Binder(sheet.quantities, config.policy, external, sheet.article, places.labels)
    bound = bind_claims(sheet.claims, binder, lambda rule: config.selected(rule.code, rule.name))
    unreadable: list[Problem] = []  # an article text outside the folders a sheet may read
    if not invalid and sheet.article.text and article_text is not None:
        try:
            report.text_path = article_text(sheet.article.text)
        except LookupError as exc:
            unreadable.append(Problem(("article", "text"), str(exc.args[0]), "IN05"))
    if invalid or binder.problems:
        # A claim problem where the schema already found one says nothing more; nor does an unknown
        # id when the quantities themselves could not be read.
        said = {p.path for p in invalid}
        ids_unread = bool(invalid) and not isinstance(data.get("quantities") or {}, dict)
        more = [p for p in binder.problems if p.path not in said and not (ids_unread and p.code == "IN03")]
        found = [_problem(name, places, p) for p in invalid + unreadable + more]
        report.findings = sorted(found, key=lambda f: (f.line, f.column))
        if not invalid:
            report.article, report.claims = sheet.article, len(sheet.claims)
        return report
    report.article = sheet.article
    report.findings = [_problem(name, places, p) for p in unreadable]
    report.claims = len(sheet.claims)
    judge = Judge(binder, bound)
    by_index = {b.index: b for b in bound}
    for k, b in enumerate(bound):
        result, culprits = judge.judge(k)
        position = places.position(("claims", b.index))
        message = cut_echoes(result.message)
        if culprits:
            names = ", ".join(places.claim_name(j, by_index[j].claim) for j in culprits)
            message += f" It contradicts {names}: they cannot all be true."
        level = DEFAULT_LEVEL[result.verdict]
        if result.verdict in FAILING:
            level = config.level(b.rule.code, b.rule.name, level)
        finding = Finding(
            file=name,
            line=position.line,
            column=position.column,
            code=b.rule.code,
            rule=b.rule.name,
            verdict=result.verdict,
            level=level,
            message=message,
            arithmetic=result.arithmetic,
            implied=result.implied,
            suggestion=result.suggestion and cut_echoes(result.suggestion),
            claim=b.claim.id or f"claims[{b.index}]",
            quote=b.claim.quote,
            span=places.span(b.index, b.claim),
            data=result.data,
            diagnosis=result.diagnosis,
        )
        report.findings.append(finding)
        report.findings.extend(_apply_suppressions(b, finding, places, name, config))
    return report


def _usable_parts(data: dict) -> FactSheet:
    """What of an invalid sheet can still be used to check its claims in the same run: its article
    if valid, each quantity (an invalid one as a quantity without a value, so the claims that name
    it are not told it is unknown), and its claims."""
    try:
        article = Article.model_validate(data.get("article"))
    except ValidationError:
        article = None
    raw = data.get("quantities")
    quantities = {}
    if isinstance(raw, dict):
        for qid, entry in raw.items():
            try:
                quantities[qid] = _quantity_entry().validate_python(entry)
            except ValidationError:
                quantities[qid] = Quantity()
    claims = data.get("claims")
    return FactSheet.model_construct(
        article=article, quantities=quantities, claims=claims if isinstance(claims, list) else []
    )


@cache
def _quantity_entry():
    from pydantic import TypeAdapter

    return TypeAdapter(QuantityEntry)


def _apply_suppressions(b: Bound, finding: Finding, places: Places, name: str, config: Config) -> list[Finding]:
    """Mark the finding suppressed where the claim says so; report suppressions that silence nothing."""
    unused = []
    for i, suppression in enumerate(b.claim.suppress):
        applies = key_matches(suppression.rule, b.rule.code, b.rule.name)
        if applies and finding.level is not Level.NONE and finding.verdict is not Verdict.CONSISTENT:
            finding.suppressed = suppression.reason
            continue
        code = ENGINE_CODES["unused-suppression"]
        if not config.selected(code, "unused-suppression"):
            continue
        position = places.position(("claims", b.index, "suppress", i))
        why = "the claim is consistent" if applies else f"the claim is checked by {b.rule.code} {b.rule.name}"
        unused.append(
            Finding(
                file=name,
                line=position.line,
                column=position.column,
                code=code,
                rule="unused-suppression",
                verdict=None,
                level=config.level(code, "unused-suppression", Level.WARNING),
                message=f"The suppression of '{suppression.rule}' silences nothing ({why}); remove it.",
                claim=finding.claim,
            )
        )
    return unused


def _problem(name: str, places: Places, problem: Problem) -> Finding:
    position = places.position(problem.path)
    return input_error(name, position.line, position.column, problem.message, problem.code)


def _failed(name: str, exc: loader.LoadError) -> FileReport:
    position = exc.position or loader.Position(1, 1)
    return FileReport(name, [input_error(name, position.line, position.column, exc.message, exc.code)])
