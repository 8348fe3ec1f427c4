"""The shape of the package and of its tests: no import cycle, nothing built on the command, every
test asserting, and a test that needs ../shared saying so."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT, SharedFile, shared

PACKAGES = ("validator", "rules")


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def import_graph() -> dict[str, set[str]]:
    """Each module of the package and the modules of the package it imports: at the top, inside
    functions (imported late to start fast) and for type checking alike."""
    known = modules()

    def owner(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {m for alias in node.names if (m := owner(alias.name))}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    parts = parts[: len(parts) - node.level + 1]
                    base = ".".join([*parts, *([node.module] if node.module else [])])
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    target = full if full in known else owner(base)
                    if target:
                        imported.add(target)
        graph[name] = imported - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_module_imports_one_that_imports_it_back():
    graph = import_graph()
    assert len(graph) > 60 and "validator.engine" in graph["validator.check"]
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_nothing_is_built_on_the_command_line_module():
    importers = sorted(name for name, imported in import_graph().items() if "validator.cli" in imported)
    assert importers == ["validator.__main__"]


def test_rules_see_only_the_rule_contract_of_the_engine():
    graph = import_graph()
    for name in graph:
        if name.startswith("rules."):
            assert not graph[name] & {"validator.engine", "validator.check", "validator.registry"}, name


def test_every_test_asserts():
    # Directly, through pytest.raises or pytest.fail, or through a helper whose name says it asserts.
    silent = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.FunctionDef) and node.name.startswith("test_")):
                continue
            checks = any(
                isinstance(n, ast.Assert)
                or (isinstance(n, ast.Attribute) and n.attr in ("raises", "fail"))
                or (isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id.startswith("assert_"))
                for n in ast.walk(node)
            )
            if not checks:
                silent.append(f"{path.relative_to(ROOT)}::{node.name}")
    assert silent == []


def test_a_test_that_needs_shared_says_so_when_it_is_missing(tmp_path):
    missing = SharedFile(tmp_path / "corpus" / "gone.jsonl")
    with pytest.raises(pytest.fail.Exception) as failed:
        missing.read_text(encoding="utf-8")
    assert str(failed.value) == (
        f"this test needs {missing}, from ../shared beside the repository (the corpus, the seed article "
        "and the tools), and it is missing: check out or copy shared/ next to this repository"
    )
    assert shared("seed/cisce-2025.txt") == ROOT.parent / "shared" / "seed" / "cisce-2025.txt"
