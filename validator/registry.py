"""The rules: built-in families in ``rules/``, and plugins from other packages.

Every rule's code and name are declared once, on its class; this registry is
built from the classes. A plugin package adds a family through the
``validator.rules`` entry-point group; the entry point names a module (or a
list of Rule classes) whose ``RULES`` tuple holds its
:class:`~validator.rule.Rule` classes. The built-in families are imported the
first time a rule is looked up (their claim models are built only when first
used, so this stays cheap); plugins are loaded only when a key is not a
built-in rule, or when all rules are listed.
"""

from __future__ import annotations

import importlib
from functools import cache

from validator.findings import OTHER_CODES
from validator.rule import Rule, contract_problems

ENTRY_POINT_GROUP = "validator.rules"

# The built-in rule families, one module each (see rules/).
BUILTIN_FAMILIES = (
    "rules.change",
    "rules.comparisons",
    "rules.dates",
    "rules.multiples",
    "rules.points",
    "rules.rates",
    "rules.shares",
    "rules.sums",
    "rules.units",
)

# Findings the engine itself makes about a sheet (not input errors), selectable and levelled like
# rules: name -> code. (DT00, the article reader's notice, is explained but not configured.)
ENGINE_CODES: dict[str, str] = {name: code for code, (name, _) in OTHER_CODES.items() if code.startswith("NQ")}


class UnknownRule(LookupError):
    pass


def key_matches(key: str, code: str, name: str) -> bool:
    """A configuration key matches a rule by code ('MU01'), code prefix ('MU') or name."""
    k = key.strip()
    return k.upper() == code.upper() or (k.isalpha() and code.upper().startswith(k.upper())) or k.lower() == name


def family_rules(module: str) -> list[type[Rule]]:
    """The Rule classes a family module (or plugin module) lists in its ``RULES``."""
    return list(importlib.import_module(module).RULES)


@cache
def builtin_rules() -> dict[str, type[Rule]]:
    """The built-in rules by name, in code order."""
    found = [cls for module in BUILTIN_FAMILIES for cls in family_rules(module)]
    return {cls.name: cls for cls in sorted(found, key=lambda c: c.code)}


@cache
def _builtin_by_code() -> dict[str, type[Rule]]:
    return {cls.code.upper(): cls for cls in builtin_rules().values()}


@cache
def plugin_rules() -> dict[str, type[Rule]]:
    """Rules from installed plugin packages, by name (each checked against the rule contract)."""
    from importlib.metadata import entry_points

    taken = {cls.name for cls in builtin_rules().values()} | set(_builtin_by_code())
    found: dict[str, type[Rule]] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        loaded = ep.load()
        classes = getattr(loaded, "RULES", loaded)
        for cls in classes if isinstance(classes, (list, tuple)) else (classes,):
            if not (isinstance(cls, type) and issubclass(cls, Rule)):
                raise TypeError(f"plugin entry point {ep.name!r} gave {cls!r}, not a Rule class")
            problems = contract_problems(cls)
            if cls.name in taken or cls.code.upper() in taken:
                problems.append(f"its code {cls.code!r} or name {cls.name!r} is another rule's")
            if problems:
                raise TypeError(f"plugin entry point {ep.name!r}: rule {cls.__name__}: " + "; ".join(problems))
            taken |= {cls.name, cls.code.upper()}
            found[cls.name] = cls
    return found


def matching(key: str) -> list[tuple[str, str]]:
    """(code, name) of every rule a key selects; plugins are looked at only when needed."""
    known = [(cls.code, cls.name) for cls in builtin_rules().values()] + [(c, n) for n, c in ENGINE_CODES.items()]
    found = [(c, n) for c, n in known if key_matches(key, c, n)]
    if not found:
        found = [(cls.code, cls.name) for cls in plugin_rules().values() if key_matches(key, cls.code, cls.name)]
    return found


def get(key: str) -> type[Rule]:
    """The rule with this name or code (case-insensitive)."""
    wanted = key.strip()
    builtin = _builtin_by_code().get(wanted.upper()) or builtin_rules().get(wanted.lower())
    if builtin is not None:
        return builtin
    plugins = plugin_rules()
    for cls in plugins.values():
        if cls.name == wanted.lower() or cls.code.upper() == wanted.upper():
            return cls
    from validator.hints import did_you_mean

    hint = did_you_mean(wanted.lower(), list(builtin_rules()) + [c.name for c in plugins.values()])
    raise UnknownRule(f"unknown rule '{key}'{hint}; `validate --list-rules` lists them")


def all_rules() -> list[type[Rule]]:
    """Every rule, built-in first, in code order."""
    return list(builtin_rules().values()) + sorted(plugin_rules().values(), key=lambda c: c.code)
