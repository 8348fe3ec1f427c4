"""The fuzz target's body, importable without atheris (the regression tests run it).

See fuzz_loader.py for how it is fuzzed. Each input is read the ways the tool reads a file:
as a fact sheet (and every text in it as a number), as a configuration (pyproject.toml and
.validator.toml), and as an article's own text, through the public functions the command
uses (validator.config.from_text, validator.api.check_article).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from validator import config, loader, numbers
from validator.api import check_article
from validator.models import FactSheet
from validator.policy import Policy

# Small enough limits that the fuzzer spends its time on structure, not on size.
LIMITS = loader.Limits(max_bytes=64 * 1024, max_nodes=10_000, max_depth=50)
# Articles are read in a few seconds at most at this size, whatever the reader's speed.
ARTICLE_CHARACTERS = 8 * 1024


def texts(data, found: list[str]) -> None:
    """The text values (keys too) of the walked data, for the number parser."""
    if isinstance(data, str):
        found.append(data)
    elif isinstance(data, list):
        for item in data:
            texts(item, found)
    elif isinstance(data, dict):
        for key, value in data.items():
            found.append(key)
            texts(value, found)


def parse_numbers(candidates: list[str]) -> None:
    for text in candidates:
        try:
            written = numbers.parse(text)
        except numbers.NumberFormatError:
            continue
        # What the engine does next with a number: its interval under each reading.
        policy = Policy()
        written.interval(policy)
        written.interval(policy, lenient=True)
        written.significant  # noqa: B018 - computed properties the engine uses
        written.two_figure_step  # noqa: B018
        written.shown  # noqa: B018


def read_as_sheet(text: str) -> None:
    candidates = [text] if len(text) <= 250 else []
    try:
        root = loader.compose(text, LIMITS)
        if root is not None:
            value = loader.to_data(root, LIMITS)
            texts(value, candidates)
            if isinstance(value, dict):
                try:
                    FactSheet.model_validate(value)
                except ValidationError:
                    pass
    except loader.LoadError as exc:
        assert exc.code.startswith("IN") and exc.code != "IN99", exc.code
    parse_numbers(candidates)


def read_as_configuration(text: str) -> None:
    """ConfigError is the clean refusal; the settings read must be usable."""
    for name in ("pyproject.toml", ".validator.toml"):
        try:
            settings = config.from_text(text, Path(name))
        except config.ConfigError as exc:
            assert exc.message and exc.path == Path(name), exc
            continue
        settings.read_folders  # noqa: B018 - what a run asks of it first
        settings.selected("CH01", "percent-change")


def read_as_article(text: str) -> None:
    """A report, with no finding that is a bug of ours (IN99)."""
    report = check_article(text[:ARTICLE_CHARACTERS], "fuzz.txt")
    for finding in report.findings:
        assert finding.code != "IN99", finding.message


def test_one_input(data: bytes) -> None:
    if len(data) > LIMITS.max_bytes:
        return
    try:
        text = loader.decode(data)
    except loader.LoadError:
        return
    read_as_sheet(text)
    read_as_configuration(text)
    read_as_article(text)
