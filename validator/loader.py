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

import gc
import os
import re
import stat
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml's parser, when PyYAML was built with it (the wheels are)
    from yaml.cyaml import CParser as _Parser

    _OFFSETS_IN_BYTES = True  # libyaml reports a reader problem's place as a UTF-8 byte offset
except ImportError:  # pragma: no cover - pure-Python fallback
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader as _Reader
    from yaml.scanner import Scanner as _Scanner

    class _Parser(_Reader, _Scanner, _PyParser):
        def __init__(self, stream):
            _Reader.__init__(self, stream)
            _Scanner.__init__(self)
            _PyParser.__init__(self)

    _OFFSETS_IN_BYTES = False


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 10 * 1024 * 1024  # the default of the max-file-bytes setting (validator.config)
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


def read_text(path: Path, limits: Limits = LIMITS) -> str:
    """The file's text, or a :class:`LoadError` that says plainly what is wrong with it."""
    return decode(read_bytes(path, limits))


def read_bytes(path: Path, limits: Limits = LIMITS) -> bytes:
    """The bytes of a regular file within the size limit, or a :class:`LoadError`.

    Devices, FIFOs, sockets and the kernel's files (/proc, /sys) are refused
    from their type, before they are opened: a FIFO would block, /dev/zero never
    ends, and /proc/self/... would put the process's details in a report. At most
    the limit's bytes are ever read.
    """
    try:
        check_regular(path, limits)
        # O_NONBLOCK: should the file have become a FIFO since the check, opening it does not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as handle:
            opened = os.fstat(fd)
            if not stat.S_ISREG(opened.st_mode):
                raise LoadError(_refusal(opened), code="IN05")
            size = opened.st_size
            # Read what stat says is there (a buffer of the limit's size costs more than the
            # read), then anything more up to the limit: a file can grow.
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(limits.max_bytes + 1 - len(data))
        if len(data) > limits.max_bytes:  # it grew
            raise LoadError(
                f"file is more than {limits.max_bytes:,} bytes, the limit (set max-file-bytes to raise it)",
                code="IN06",
            )
    except FileNotFoundError:
        raise LoadError("no such file", code="IN05") from None
    except PermissionError:
        raise LoadError("permission denied", code="IN05") from None
    except OSError as exc:
        raise LoadError(f"cannot read the file: {exc.strerror or exc}", code="IN05") from None
    return data


def check_regular(path: Path, limits: Limits = LIMITS) -> os.stat_result:
    """The status of a file the limits let be read: a regular file (links followed), not one of
    the kernel's, within the size limit; a :class:`LoadError` otherwise. Nothing is opened."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise LoadError("no such file", code="IN05") from None
    except PermissionError:
        raise LoadError("permission denied", code="IN05") from None
    except OSError as exc:
        raise LoadError(f"cannot read the file: {exc.strerror or exc}", code="IN05") from None
    if stat.S_ISDIR(status.st_mode):
        raise LoadError(f"{path} is a directory, not a file", code="IN05")
    if not stat.S_ISREG(status.st_mode) or _of_the_kernel(path, status):
        raise LoadError(_refusal(status), code="IN05")
    if status.st_size > limits.max_bytes:
        raise LoadError(
            f"file is {status.st_size:,} bytes; the limit is {limits.max_bytes:,} (set max-file-bytes to raise it)",
            code="IN06",
        )
    return status


def _refusal(status: os.stat_result) -> str:
    kind = file_kind(status.st_mode) or "a file of the kernel's (/proc or /sys)"
    return f"{kind}, not a regular file: only regular files are read"


def file_kind(mode: int) -> str | None:
    """What a file is ('a device', 'a FIFO (named pipe)'...), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _of_the_kernel(path: Path, status: os.stat_result) -> bool:
    if status.st_dev in _kernel_devices():
        return True
    return os.path.realpath(path).startswith(("/proc/", "/sys/"))


@cache
def _kernel_devices() -> frozenset[int]:
    """The devices of /proc and /sys: their files say they are regular, and are not."""
    found = set()
    for folder in ("/proc", "/sys"):
        try:
            found.add(os.stat(folder).st_dev)
        except OSError:
            pass
    return frozenset(found)


def decode(data: bytes) -> str:
    """UTF-8 text that YAML can read, or a :class:`LoadError` at the first byte or character it cannot."""
    if b"\x00" in data[:8192]:
        raise LoadError("binary file (it holds NUL bytes); a fact sheet is UTF-8 text", Position(1, 1), "IN05")
    try:
        text = data.decode("utf-8-sig")
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
    # YAML allows no control characters but tab and line breaks; say where the first one is
    # (libyaml would report only a byte offset). Most sheets are ASCII, checked in one C pass.
    if not data.translate(None, _ASCII_ALLOWED):  # nothing left: all of it allowed ASCII
        return text
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        char = bad.group()
        if char == "\x00":
            message = "binary file (it holds NUL bytes); a fact sheet is UTF-8 text"
        else:
            message = f"control character U+{ord(char):04X} is not allowed in YAML; remove it"
        raise LoadError(message, _position_in(text, bad.start()), "IN05")
    return text


# What libyaml's reader refuses: everything but tab, line breaks and printable characters.
_ASCII_ALLOWED = b"\t\n\r" + bytes(range(0x20, 0x7F))
_FORBIDDEN = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _position_in(text: str, index: int) -> Position:
    line_start = text.rfind("\n", 0, index) + 1
    return Position(text.count("\n", 0, index) + 1, index - line_start + 1)


def compose(text: str, limits: Limits = LIMITS) -> yaml.Node | None:
    """The single YAML document of ``text`` as nodes, or None when it is empty.

    libyaml parses (in C, with explicit stacks: no recursion); the nodes are
    composed here from its events, in a loop, so that no build of libyaml or
    PyYAML can be made to recurse without limit by a deeply nested document
    (PyYAML's C composer recurses in C, and with libyaml 0.2.5, which sets no
    nesting limit, 100,000 levels crash the process; its scanner also slows
    quadratically with flow nesting). The limits apply while composing, so a
    hostile document stops being read as soon as it passes one: nesting deeper
    than ``max_depth`` and documents that expand (through aliases) to more
    than ``max_nodes`` values are refused at the place they pass the limit.
    """
    try:
        parser = _Parser(text)
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, text) from None
    try:
        with gc_paused():
            return _Composer(parser, limits).document()
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, text) from None
    finally:
        parser.dispose()


@contextmanager
def gc_paused():
    """The cycle collector paused: nodes and values form no cycles, and collecting while a
    million of them are made costs more time than making them (7 s instead of 1.5 s for 10 MB)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _syntax_error(exc: yaml.YAMLError, text: str) -> LoadError:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        position = Position(mark.line + 1, mark.column + 1) if mark else None
        problem = exc.problem or "invalid YAML"
        if "maximum nesting depth" in problem:  # libyaml's own limit (1,000 levels), where it has one
            return LoadError(f"nested more than {LIMITS.max_depth} levels deep", position, "IN06")
        if exc.context:
            problem = f"{problem} ({exc.context})"
        return LoadError(f"YAML syntax error: {problem}", position, "IN01")
    if isinstance(exc, yaml.reader.ReaderError):
        index = exc.position
        if _OFFSETS_IN_BYTES:
            index = len(text.encode("utf-8")[:index].decode("utf-8", errors="ignore"))
        return LoadError(f"YAML error: {exc.reason}", _position_in(text, index), "IN01")
    return LoadError(f"YAML error: {exc}", None, "IN01")


class _Composer:
    """Nodes from parser events, without recursion, within :class:`Limits`.

    Every scalar is composed as text (its tag kept when one is written, for the
    walker to refuse); the walker reads the values.
    """

    def __init__(self, parser, limits: Limits):
        self.parser = parser
        self.limits = limits

    def _event(self):
        return self.parser.get_event()

    def document(self) -> yaml.Node | None:
        event = self._event()  # the stream's start
        event = self._event()
        if isinstance(event, yaml.StreamEndEvent):
            return None
        root = self._nodes()
        event = self._event()  # past the document's end
        if not isinstance(event, yaml.StreamEndEvent):
            raise LoadError(
                "YAML syntax error: a second document starts here; a fact sheet is one YAML document",
                _position(event.start_mark),
                "IN01",
            )
        return root

    def _nodes(self) -> yaml.Node:
        limits = self.limits
        max_depth, max_nodes = limits.max_depth, limits.max_nodes
        get_event = self.parser.get_event
        # Looked up once: this loop runs once an event, the hottest loop of reading a sheet.
        Scalar, SeqStart, MapStart = yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent
        SeqEnd, MapEnd, Alias, DocEnd = (
            yaml.SequenceEndEvent,
            yaml.MappingEndEvent,
            yaml.AliasEvent,
            yaml.DocumentEndEvent,
        )
        ScalarNode, SequenceNode, MappingNode = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
        anchors: dict[str, tuple[yaml.Node, int]] = {}  # anchor -> (node, values it expands to)
        opened: list[tuple[yaml.Node, str | None, int]] = []  # open collections: node, anchor, count at start
        keys: list[yaml.Node | None] = []  # per open mapping: the key waiting for its value
        count = 0  # values the document expands to so far (aliases counted in full)
        root = None
        while True:
            event = get_event()
            kind = type(event)
            if kind is Scalar:
                count += 1
                mark = event.start_mark
                tag = event.tag
                # Plain scalars have the style '' (as PyYAML's C composer gives them), whatever the parser.
                node = ScalarNode(
                    _STR if tag is None or tag == "!" else tag, event.value, mark, mark, event.style or ""
                )
                if event.anchor is not None:
                    anchors[event.anchor] = (node, 1)
            elif kind is SeqEnd or kind is MapEnd:
                node, anchor, begun = opened.pop()
                keys.pop()
                if anchor is not None:
                    anchors[anchor] = (node, count - begun)
                continue
            elif kind is DocEnd:
                return root
            elif kind is Alias:
                if event.anchor not in anchors:
                    opening = any(anchor == event.anchor for _, anchor, _ in opened)
                    problem = "refers to a collection that contains it" if opening else "is not defined before"
                    raise LoadError(
                        f"YAML syntax error: the alias '*{event.anchor}' {problem}", _position(event.start_mark), "IN01"
                    )
                node, size = anchors[event.anchor]
                count += size
            elif kind is SeqStart or kind is MapStart:
                count += 1
                mark = event.start_mark
                tag = event.tag
                if kind is SeqStart:
                    node = SequenceNode(_SEQ if tag is None or tag == "!" else tag, [], mark, mark, event.flow_style)
                else:
                    node = MappingNode(_MAP if tag is None or tag == "!" else tag, [], mark, mark, event.flow_style)
            else:  # pragma: no cover - the parser sends nothing else inside a document
                raise LoadError(f"YAML syntax error: unexpected {kind.__name__}", _position(event.start_mark))
            if count > max_nodes:
                raise LoadError(
                    f"the document has more than {max_nodes:,} values (an alias counts every value it repeats)",
                    _position(event.start_mark),
                    "IN06",
                )
            if len(opened) > max_depth and kind is not Alias:
                raise LoadError(f"nested more than {max_depth} levels deep", _position(event.start_mark), "IN06")
            # Attach the node to its parent (a collection is attached when it opens).
            if opened:
                parent = opened[-1][0]
                if type(parent) is SequenceNode:
                    parent.value.append(node)
                elif keys[-1] is None:
                    keys[-1] = node
                else:
                    parent.value.append((keys[-1], node))
                    keys[-1] = None
            else:
                root = node
            if kind is SeqStart or kind is MapStart:
                opened.append((node, event.anchor, count - 1))
                keys.append(None)


def _position(mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


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
                f"the document has more than {self.limits.max_nodes:,} values (an alias counts every value it repeats)",
                _mark(node),
                "IN06",
            )
        if depth > self.limits.max_depth:
            raise LoadError(f"nested more than {self.limits.max_depth} levels deep", _mark(node), "IN06")
        tag = node.tag
        if tag not in _ALLOWED_TAGS:
            raise LoadError(f"the tag {tag!r} is not allowed in a fact sheet", _mark(node), "IN01")
        if isinstance(node, yaml.ScalarNode):
            # A plain (unquoted) empty value, ~ or null is YAML's null: "no value".
            if tag == _NULL_TAG or (not node.style and node.value in _NULLS):
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            if node.flow_style:
                _no_split_numbers(node.value)
            return [self.data(item, depth + 1) for item in node.value]
        if node.flow_style:
            _no_split_numbers([n for pair in node.value for n in pair])
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


# '1,200' inside braces or brackets: libyaml reads the comma as a separator, '1' and '200'.
_ENDS_IN_DIGIT = re.compile(r".*[0-9]")
_THOUSANDS = re.compile(r"[0-9]{3}(?![0-9])")


def _no_split_numbers(nodes: list[yaml.Node]) -> None:
    """Refuse a number that a flow collection's comma split in two ({value: 1,200}): a plain scalar
    ending in a digit, a comma right after it, and three digits right after the comma."""
    for before, after in zip(nodes, nodes[1:], strict=False):
        if not (isinstance(before, yaml.ScalarNode) and isinstance(after, yaml.ScalarNode)):
            continue
        if before.style or after.style or not _ENDS_IN_DIGIT.match(before.value):
            continue
        comma = before.start_mark.column + len(before.value)
        if after.start_mark.line != before.start_mark.line or after.start_mark.column != comma + 1:
            continue
        if not _THOUSANDS.match(after.value):
            continue
        written = f"{before.value},{after.value}"
        raise LoadError(
            f"the comma in '{written}' splits it: inside {{ }} or [ ] a comma separates entries, so it is "
            f"read as '{before.value}' and '{after.value}'; quote the number: \"{written}\"",
            Position(before.start_mark.line + 1, comma + 1),
            "IN01",
        )


def to_data(root: yaml.Node, limits: Limits = LIMITS) -> Any:
    with gc_paused():
        return _Walker(limits).data(root)


def locate(root: yaml.Node | None, path: tuple) -> Position:
    """Line and column of the value at ``path`` (or of the nearest part that exists)."""
    if root is None:
        return Position(1, 1)
    node = root
    position = _mark(root)
    for part in _indexed(path):
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


_INDEXED = re.compile(r"(.+)\[([0-9]+)\]")


def _indexed(path: tuple) -> list:
    """A path with 'parts[1]' (how a claim's list fields are named in messages) as 'parts', 1."""
    out = []
    for part in path:
        m = _INDEXED.fullmatch(part) if isinstance(part, str) else None
        out += [m.group(1), int(m.group(2))] if m else [part]
    return out


def display_path(path: Path) -> str:
    """The path as the user would write it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
