"""The rules: built-in families in ``rules/``, and plugins from other packages.

A plugin package adds a family through the ``validator.rules`` entry-point
group; the entry point names a module (or a list of Rule classes) whose
``RULES`` tuple holds its :class:`~validator.rule.Rule` classes. Built-in
families are imported only when a claim uses one of their rules, or when all
rules are listed, so start-up stays light.
"""

from __future__ import annotations

import importlib
from functools import cache

from validator.findings import OTHER_CODES
from validator.rule import Rule

ENTRY_POINT_GROUP = "validator.rules"

# rule name -> (code, module). Kept by hand so that looking up one rule imports one module.
BUILTIN: dict[str, tuple[str, str]] = {
    "percent-change": ("CH01", "rules.change"),
    "comparison": ("CO01", "rules.comparisons"),
    "from-to": ("CH02", "rules.change"),
    "weekday": ("DT01", "rules.dates"),
    "duration": ("DT02", "rules.dates"),
    "edition": ("DT03", "rules.dates"),
    "period-length": ("DT04", "rules.dates"),
    "multiple": ("MU01", "rules.multiples"),
    "percentage-points": ("PP01", "rules.points"),
    "share": ("SH01", "rules.shares"),
    "mean-granularity": ("SH02", "rules.shares"),
    "sum": ("SU01", "rules.sums"),
    "difference": ("SU02", "rules.sums"),
    "restatement": ("UN01", "rules.units"),
    "rate": ("RT01", "rules.rates"),
    "compound-growth": ("RT02", "rules.rates"),
    "cumulative-change": ("RT03", "rules.rates"),
}


# Findings the engine itself makes (not input errors), selectable and levelled like rules: name -> code.
ENGINE_CODES: dict[str, str] = {name: code for code, (name, _) in OTHER_CODES.items() if not code.startswith("IN")}


class UnknownRule(LookupError):
    pass


def key_matches(key: str, code: str, name: str) -> bool:
    """A configuration key matches a rule by code ('MU01'), code prefix ('MU') or name."""
    k = key.strip()
    return k.upper() == code.upper() or (k.isalpha() and code.upper().startswith(k.upper())) or k.lower() == name


def matching(key: str) -> list[tuple[str, str]]:
    """(code, name) of every rule a key selects; plugins are looked at only when needed."""
    known = [(code, name) for name, (code, _) in BUILTIN.items()] + [(c, n) for n, c in ENGINE_CODES.items()]
    found = [(c, n) for c, n in known if key_matches(key, c, n)]
    if not found:
        found = [(cls.code, cls.name) for cls in plugin_rules().values() if key_matches(key, cls.code, cls.name)]
    return found


@cache
def _module_rules(module: str) -> dict[str, type[Rule]]:
    mod = importlib.import_module(module)
    return {cls.name: cls for cls in mod.RULES}


@cache
def plugin_rules() -> dict[str, type[Rule]]:
    """Rules from installed plugin packages, by name."""
    from importlib.metadata import entry_points

    found: dict[str, type[Rule]] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        loaded = ep.load()
        classes = getattr(loaded, "RULES", loaded)
        for cls in classes if isinstance(classes, (list, tuple)) else (classes,):
            if not (isinstance(cls, type) and issubclass(cls, Rule)):
                raise TypeError(f"plugin entry point {ep.name!r} gave {cls!r}, not a Rule class")
            found[cls.name] = cls
    return found


@cache
def _by_code() -> dict[str, str]:
    return {code.upper(): name for name, (code, _) in BUILTIN.items()}


def get(key: str) -> type[Rule]:
    """The rule with this name or code (case-insensitive)."""
    wanted = key.strip()
    name = _by_code().get(wanted.upper(), wanted.lower())
    if name in BUILTIN:
        return _module_rules(BUILTIN[name][1])[name]
    plugins = plugin_rules()
    for cls in plugins.values():
        if cls.name == wanted.lower() or cls.code.upper() == wanted.upper():
            return cls
    from difflib import get_close_matches

    known = list(BUILTIN) + [c.name for c in plugins.values()]
    close = get_close_matches(wanted.lower(), known, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise UnknownRule(f"unknown rule '{key}'{hint}; `validate --list-rules` lists them")


def all_rules() -> list[type[Rule]]:
    """Every rule, built-in first, in code order."""
    builtin = [_module_rules(module)[name] for name, (_, module) in BUILTIN.items()]
    plugins = [cls for cls in plugin_rules().values() if cls.name not in BUILTIN]
    return sorted(builtin, key=lambda c: c.code) + sorted(plugins, key=lambda c: c.code)
