"""What a check produces: verdicts, levels and findings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from validator.result_data import ResultData


class Verdict(StrEnum):
    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    DOUBTFUL = "doubtful"  # fits only under a lenient reading of a figure, which the message names
    AMBIGUOUS = "ambiguous"
    UNVERIFIABLE = "unverifiable"


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NONE = "none"


DEFAULT_LEVEL = {
    Verdict.INCONSISTENT: Level.ERROR,
    Verdict.DOUBTFUL: Level.WARNING,
    Verdict.AMBIGUOUS: Level.WARNING,
    Verdict.UNVERIFIABLE: Level.INFO,
    Verdict.CONSISTENT: Level.NONE,
}

# How bad each verdict is, to pick the worst of several.
SEVERITY = {
    Verdict.CONSISTENT: 0,
    Verdict.UNVERIFIABLE: 1,
    Verdict.AMBIGUOUS: 2,
    Verdict.DOUBTFUL: 3,
    Verdict.INCONSISTENT: 4,
}


@dataclass
class Result:
    """A rule's judgement of one claim, before the engine places it."""

    verdict: Verdict
    message: str
    arithmetic: list[str] = field(default_factory=list)
    implied: dict[str, str] = field(default_factory=dict)
    suggestion: str | None = None
    data: ResultData | None = None  # the figures behind the verdict, for charts and machines
    diagnosis: str | None = None  # the confusion found ('direction', 'points-as-percent'...)


@dataclass
class Finding:
    """One judged claim (or one input problem), placed in its file."""

    file: str
    line: int
    column: int
    code: str
    rule: str
    verdict: Verdict | None  # None for input errors
    level: Level
    message: str
    arithmetic: list[str] = field(default_factory=list)
    implied: dict[str, str] = field(default_factory=dict)
    suggestion: str | None = None
    claim: str | None = None  # the claim's id, or claims[N]
    quote: str | None = None
    suppressed: str | None = None  # the reason, when an inline suppression applies
    data: ResultData | None = None  # the figures behind the verdict (validator.result_data)
    span: tuple[int, int] | None = None  # the claim's place in the article's text, when known
    diagnosis: str | None = None

    @property
    def is_input_error(self) -> bool:
        return self.code.startswith("IN")

    def to_dict(self) -> dict:
        from validator.result_data import data_dict

        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "rule": self.rule,
            "verdict": self.verdict.value if self.verdict else None,
            "level": self.level.value,
            "message": self.message,
            "arithmetic": list(self.arithmetic),
            "implied": dict(self.implied),
            "suggestion": self.suggestion,
            "claim": self.claim,
            "quote": self.quote,
            "suppressed": self.suppressed,
            "data": data_dict(self.data, self.diagnosis),
            "span": list(self.span) if self.span else None,
        }


# The verdicts a rule's level setting applies to: those that fail a claim, or warn about it.
FAILING = (Verdict.INCONSISTENT, Verdict.DOUBTFUL, Verdict.AMBIGUOUS)

# Codes that are not rules: input that cannot be checked (exit 2), and the engine's own findings.
OTHER_CODES: dict[str, tuple[str, str]] = {
    "IN01": ("yaml-syntax", "The file is not YAML that can be read."),
    "IN02": (
        "invalid-fact-sheet",
        "The YAML is not a valid fact sheet: a field is missing, unknown or of the wrong kind.",
    ),
    "IN03": ("unknown-reference", "A claim or quantity refers to something that does not exist."),
    "IN04": ("unreadable-number", "A value cannot be read as a number, date or weekday."),
    "IN05": (
        "unreadable-file",
        "The file cannot be read: missing, not permitted, binary, not UTF-8, not a regular file, or outside "
        "the folders a fact sheet may read from.",
    ),
    "IN06": ("input-too-large", "The file is larger, or nested deeper, than the limits allow."),
    "IN07": ("invalid-configuration", "The configuration is invalid."),
    "IN99": ("internal-error", "The validator failed on this file; please report it."),
    "NQ01": ("unused-suppression", "An inline suppression silences nothing; remove it."),
    "DT00": (
        "publication-date",
        "An article gave no publication date, so its relative periods ('last year') are not checked.",
    ),
}


def input_error(file: str, line: int, column: int, message: str, code: str = "IN01") -> Finding:
    name = OTHER_CODES.get(code, ("input-error", ""))[0]
    return Finding(file, line, column, code, name, None, Level.ERROR, cut_echoes(message))


# A message repeats at most this much of what the input says: a number's text is at most 200
# characters, so numbers are always repeated whole.
ECHO_LIMIT = 200
_LONG_ECHO = re.compile(
    rf"'(?P<single>[^'\n]{{{ECHO_LIMIT + 1},}})'"
    rf"|\"(?P<double>[^\"\n]{{{ECHO_LIMIT + 1},}})\""
    rf"|(?P<run>[^\s'\":;,]{{{ECHO_LIMIT + 1},}})"
)


def cut_echoes(message: str) -> str:
    """``message`` with each long stretch it repeats from the input cut to its start and its
    length: a 200,000-character key is not echoed whole (quoted stretches, and long runs
    without spaces such as a key in a field's path)."""
    if len(message) <= ECHO_LIMIT:
        return message

    def cut(m: re.Match) -> str:
        for group, mark in (("single", "'"), ("double", '"'), ("run", "")):
            text = m.group(group)
            if text is not None:
                return f"{mark}{text[:ECHO_LIMIT]}\u2026{mark} ({len(text):,} characters)"
        raise AssertionError(m)

    return _LONG_ECHO.sub(cut, message)
