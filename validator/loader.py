"""Reading fact sheets: bytes to YAML nodes to plain data, with positions.

libyaml composes the node tree (in C); we walk it ourselves instead of using
a PyYAML constructor, which gives four things a constructor does not:

* every scalar stays text as written ("0.50" is not 0.5; "6,000" stays "6,000"),
* a key defined twice is an error, never a silent overwrite,
* no tag ever constructs an object (``!!python/object`` is refused),
* the node tree keeps line and column for any data path, looked up on demand.

Limits keep hostile files bounded in time and memory; see :data:`LIMITS`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml, when PyYAML was built with it (the wheels are)
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - pure-Python fallback
    from yaml import SafeLoader as _BaseLoader


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 10 * 1024 * 1024
    max_nodes: int = 1_000_000
    max_depth: int = 50


LIMITS = Limits()

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_NULL_TAG = "tag:yaml.org,2002:null"
_ALLOWED_TAGS = {
    _STR,
    _SEQ,
    _MAP,
    _NULL_TAG,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:timestamp",
    "!",
}
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


class LoadError(Exception):
    """A fact sheet that cannot be used as input (exit 2)."""

    def __init__(self, message: str, position: Position | None = None, code: str = "IN01"):
        super().__init__(message)
        self.message = message
        self.position = position
        self.code = code


class _Composer(_BaseLoader):
    """libyaml's composer with a constant-time resolver: we read scalars ourselves."""

    def resolve(self, kind, value, implicit):  # noqa: ARG002 - the signature is PyYAML's
        if kind is yaml.ScalarNode:
            return _STR
        if kind is yaml.SequenceNode:
            return _SEQ
        return _MAP


def read_text(path: Path, limits: Limits = LIMITS) -> str:
    """The file's text, or a :class:`LoadError` that says plainly what is wrong with it."""
    try:
        if path.is_dir():
            raise LoadError(f"{path} is a directory, not a file", code="IN05")
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise LoadError(
                f"file is {size:,} bytes; the limit is {limits.max_bytes:,} (set max-file-bytes to raise it)",
                code="IN06",
            )
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise LoadError("no such file", code="IN05") from None
    except PermissionError:
        raise LoadError("permission denied", code="IN05") from None
    except OSError as exc:
        raise LoadError(f"cannot read the file: {exc.strerror or exc}", code="IN05") from None
    return decode(data)


def decode(data: bytes) -> str:
    if b"\x00" in data:
        raise LoadError("binary file (it holds NUL bytes); a fact sheet is UTF-8 text", Position(1, 1), "IN05")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        # Columns count characters, as everywhere else; a byte-order mark is not one.
        line_start = before[before.rfind(b"\n") + 1 :].removeprefix(b"\xef\xbb\xbf")
        column = len(line_start.decode("utf-8", errors="replace")) + 1
        raise LoadError(
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded (save the file as UTF-8)",
            Position(line, column),
            "IN05",
        ) from None


def compose(text: str) -> yaml.Node | None:
    """The single YAML document of ``text`` as nodes, or None when it is empty."""
    try:
        loader = _Composer(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = Position(mark.line + 1, mark.column + 1) if mark else None
        problem = exc.problem or "invalid YAML"
        if exc.context and "single document" not in (exc.problem or ""):
            problem = f"{problem} ({exc.context})"
        raise LoadError(f"YAML syntax error: {problem}", position, "IN01") from None
    except yaml.YAMLError as exc:
        raise LoadError(f"YAML error: {exc}", None, "IN01") from None
    except RecursionError:
        raise LoadError("YAML nested too deeply to read", None, "IN06") from None


def _mark(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Walker:
    def __init__(self, limits: Limits):
        self.limits = limits
        self.budget = limits.max_nodes

    def data(self, node: yaml.Node, depth: int = 0) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise LoadError(
                f"the document expands to more than {self.limits.max_nodes:,} values (aliases?)", _mark(node), "IN06"
            )
        if depth > self.limits.max_depth:
            raise LoadError(f"nested more than {self.limits.max_depth} levels deep", _mark(node), "IN06")
        tag = node.tag
        if tag not in _ALLOWED_TAGS:
            raise LoadError(f"the tag {tag!r} is not allowed in a fact sheet", _mark(node), "IN01")
        if isinstance(node, yaml.ScalarNode):
            if tag == _NULL_TAG or (node.style is None and node.value in _NULLS):
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.data(item, depth + 1) for item in node.value]
        result: dict[str, Any] = {}
        seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise LoadError("a key must be a plain name, not a list or mapping", _mark(key_node), "IN01")
            key = key_node.value
            if key == "<<":
                raise LoadError("merge keys ('<<') are not supported; write the fields out", _mark(key_node), "IN01")
            if key in seen:
                first = _mark(seen[key])
                raise LoadError(
                    f"'{key}' is defined twice (first on line {first.line}); a second definition would "
                    "silently replace the first",
                    _mark(key_node),
                    "IN02",
                )
            seen[key] = key_node
            result[key] = self.data(value_node, depth + 1)
        return result


def to_data(root: yaml.Node, limits: Limits = LIMITS) -> Any:
    return _Walker(limits).data(root)


def locate(root: yaml.Node | None, path: tuple) -> Position:
    """Line and column of the value at ``path`` (or of the nearest part that exists)."""
    if root is None:
        return Position(1, 1)
    node = root
    position = _mark(root)
    for part in path:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    position = _mark(key_node)
                    node = value_node
                    break
            else:
                return position
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            position = _mark(node)
        else:
            return position
    return position


def display_path(path: Path) -> str:
    """The path as the user would write it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
