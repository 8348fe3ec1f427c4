"""Configuration: ``[tool.validator]`` in pyproject.toml, or a standalone file.

Found by looking upward from the working folder for ``.validator.toml``,
``validator.toml`` (their keys at the top level) or a ``pyproject.toml`` with a
``[tool.validator]`` table; ``--config FILE`` names one explicitly. Keys may be
written with dashes or underscores. The model is strict: an unknown key, rule
or value is an error that names it (exit 2).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import AliasGenerator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from validator.findings import Level
from validator.loader import LIMITS
from validator.policy import DEFAULT_POLICY, Policy

STANDALONE = (".validator.toml", "validator.toml")
TABLE = "validator"
# The largest max-file-bytes: a fact sheet of this size takes minutes and gigabytes to check.
MAX_FILE_BYTES_CAP = 100 * 1024 * 1024


def _dashed(name: str) -> str:
    return name.replace("_", "-")


class Settings(BaseModel):
    """Every setting, with its default."""

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        alias_generator=AliasGenerator(validation_alias=_dashed),
        defer_build=True,  # built only when a configuration file is read
    )

    paths: list[str] = Field(default_factory=lambda: ["fixtures"], description="What to check when no path is given.")
    exclude: list[str] = Field(
        default_factory=list,
        description="Glob patterns (relative to the configuration file) left out when searching folders; "
        "a file named on the command line is always checked.",
    )
    select: list[str] = Field(default_factory=list, description="Rules to run, by code, prefix or name (default: all).")
    ignore: list[str] = Field(default_factory=list, description="Rules not to run, by code, prefix or name.")
    levels: dict[str, Level] = Field(
        default_factory=dict,
        description="Level of a rule's inconsistent, doubtful and ambiguous findings, by code, prefix or name: "
        "error, warning, info or none.",
    )
    policy: Annotated[Policy, Field(default_factory=Policy)]
    max_file_bytes: int = Field(
        LIMITS.max_bytes, ge=1024, le=MAX_FILE_BYTES_CAP, description="Larger files are refused (at most 100 MiB)."
    )
    root: str | None = Field(
        None,
        description="A folder (relative to the configuration file) that article texts and referenced fact "
        "sheets may also be read from, besides the fact sheet's own folder and the configuration's.",
    )

    @field_validator("select", "ignore")
    @classmethod
    def _known_rules(cls, keys: list[str]) -> list[str]:
        _check_rule_keys(keys)
        return keys

    @field_validator("levels")
    @classmethod
    def _known_level_keys(cls, levels: dict[str, Level]) -> dict[str, Level]:
        _check_rule_keys(list(levels))
        return levels


def _check_rule_keys(keys: list[str]) -> None:
    """Every key names a rule; else one error that names each unknown key and the rule it may mean."""
    from validator import registry
    from validator.hints import did_you_mean

    unknown = [key for key in keys if not registry.matching(key)]
    if unknown:
        rules = registry.all_rules()
        known = [c.name for c in rules] + [c.code for c in rules] + list(registry.ENGINE_CODES.values())
        named = ", ".join(f"{key!r}{did_you_mean(key, known)}" for key in unknown)
        raise ValueError(
            f"unknown rule{'s' if len(unknown) > 1 else ''} {named} (a code like 'MU01', a prefix like 'MU', "
            "or a name like 'multiple')"
        )


class ConfigError(Exception):
    """Configuration that cannot be used: the file, and each thing wrong with it at its line
    (naming the key). ``message`` and ``line`` are the first of them."""

    def __init__(self, message: str, path: Path | None = None, line: int = 1, more: list[tuple[str, int]] = ()):
        from validator.findings import cut_echoes

        message = cut_echoes(message)
        more = [(cut_echoes(m), n) for m, n in more]
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.errors = [(message, line), *more]

    def lines(self) -> list[str]:
        """One line per error: 'pyproject.toml:4: levels.MU01: ...'."""
        from validator.loader import display_path

        if self.path is None:
            return [message for message, _ in self.errors]
        return [f"{display_path(self.path)}:{line}: {message}" for message, line in self.errors]

    def __str__(self) -> str:
        return "\n".join(self.lines())


class Config:
    """Settings, the file they came from, and the decisions they imply."""

    def __init__(self, settings: Settings | None = None, source: Path | None = None):
        # The fields' defaults need no validation: constructing them skips building the model's schema.
        self.settings = settings or Settings.model_construct(policy=DEFAULT_POLICY)
        self.source = source
        self.root = source.parent if source else Path.cwd()
        self._selected: dict[tuple[str, str], bool] = {}

    @property
    def policy(self) -> Policy:
        return self.settings.policy

    @property
    def configured_paths(self) -> list[str]:
        """What to check when no path is given: the ``paths`` setting, relative to the configuration file."""
        return [str(self.root / p) if self.source else p for p in self.settings.paths]

    @property
    def read_folders(self) -> tuple[Path, ...]:
        """Folders (resolved) that every fact sheet may read article texts and other sheets from,
        besides its own: the configuration file's, and the configured ``root``."""
        folders = [self.root] if self.source else []
        if self.settings.root:
            folders.append(self.root / self.settings.root)
        return tuple(Path(os.path.realpath(f)) for f in folders)

    def selected(self, code: str, name: str) -> bool:
        # Asked for every claim of every sheet: answered once a rule.
        key = (code, name)
        if key not in self._selected:
            self._selected[key] = self._select(code, name)
        return self._selected[key]

    def _select(self, code: str, name: str) -> bool:
        from validator.registry import key_matches

        s = self.settings
        if s.select and not any(key_matches(k, code, name) for k in s.select):
            return False
        return not any(key_matches(k, code, name) for k in s.ignore)

    def level(self, code: str, name: str, default: Level) -> Level:
        """The configured level for a rule: a key naming it (code or name) beats a code prefix,
        and among equals the one written last wins."""
        from validator.registry import key_matches

        best, chosen = 0, default
        for key, level in self.settings.levels.items():
            if key_matches(key, code, name):
                rank = 2 if key.upper() == code.upper() or key.lower() == name else 1
                if rank >= best:
                    best, chosen = rank, level
        return chosen

    def excluded(self, path: Path) -> bool:
        try:
            relative = path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return False
        for pattern in self.settings.exclude:
            pattern = pattern.rstrip("/")
            if Path(relative).match(pattern) or relative == pattern or relative.startswith(pattern + "/"):
                return True
        return False


def discover(start: Path | None = None) -> Path | None:
    """The nearest configuration file at or above ``start``."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in STANDALONE:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and re.search(r"^\[tool\.validator[.\]]", _read(pyproject), re.M):
            return pyproject
    return None


def _read(path: Path) -> str:
    """A configuration file's text, read with the limits of every file the tool reads."""
    from validator import loader

    try:
        return loader.read_text(path)
    except loader.LoadError as exc:
        message = "no such configuration file" if exc.message == "no such file" else f"cannot read it: {exc.message}"
        raise ConfigError(message, path) from None


def load(path: Path | None = None, start: Path | None = None) -> Config:
    """The configuration at ``path``, or the one discovered from ``start``, or the defaults."""
    source = path or discover(start)
    if source is None:
        return Config()
    return from_text(_read(source), source)


def from_text(text: str, source: Path) -> Config:
    """The configuration in ``text``, read as the file ``source`` (a pyproject.toml keeps its
    settings under [tool.validator]); a :class:`ConfigError` names what is wrong."""
    import tomllib

    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", source, getattr(exc, "lineno", 1) or 1) from None
    except RecursionError:  # tomllib recurses once a level of nested arrays and tables
        raise ConfigError("invalid TOML: values nested too deeply to read", source) from None
    if source.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get(TABLE, {}) if isinstance(tool, dict) else {}
        table = f" in [tool.{TABLE}]"
    else:
        table = ""
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        from validator.hints import did_you_mean, fields_at

        prefix = ("tool", TABLE) if source.name == "pyproject.toml" else ()
        found = []
        for error in exc.errors(include_url=False):
            loc = error["loc"]
            key = ".".join(str(p) for p in loc) or "(top)"
            if error["type"] == "extra_forbidden":
                hint = did_you_mean(str(loc[-1]), fields_at(Settings, loc[:-1], dashed=True))
                message = f"unknown key '{key}'{table}{hint}"
            else:
                message = f"{key}: {error['msg'].removeprefix('Value error, ')}"
            found.append((message, line_of(text, prefix + tuple(p for p in loc if isinstance(p, str)))))
        found.sort(key=lambda error: error[1])
        raise ConfigError(found[0][0], source, found[0][1], found[1:]) from None
    return Config(settings, source)


_HEADER = re.compile(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"\s*((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\s*=")


def _dotted(key: str) -> tuple[str, ...]:
    """'tool.validator' -> ('tool', 'validator'), quotes removed and dashes made underscores."""
    parts = re.findall(r"\"[^\"]*\"|'[^']*'|[^.\s]+", key)
    return tuple(p.strip("\"'").replace("-", "_") for p in parts)


def line_of(text: str, path: tuple[str, ...]) -> int:
    """The line of a TOML file where the key at ``path`` is written: under its table's header, as a
    dotted key, or inside an inline table on its parent's line (the line that writes most of the
    path wins; 1 when none does)."""
    wanted = tuple(p.replace("-", "_") for p in path)
    best, depth = 1, 0
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            table = _dotted(header.group(1))
            if len(table) > depth and wanted[: len(table)] == table:
                best, depth = number, len(table)
            continue
        key = _KEY.match(line)
        if key is None:
            continue
        full = table + _dotted(key.group(1))
        if not full or wanted[: len(full)] != full:
            continue
        reached = len(full)
        rest = line[key.end() :]
        for part in wanted[len(full) :]:  # an inline table: { MU01 = "loud" }
            inline = re.search(rf"(?:^|[{{,\s])[\"']?{re.escape(part)}[\"']?\s*=", rest.replace("-", "_"))
            if inline is None:
                break
            reached += 1
            rest = rest[inline.end() :]
        if reached > depth:
            best, depth = number, reached
    return best
