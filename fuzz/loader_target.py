"""The fuzz target's body, importable without atheris (the regression tests run it).

See fuzz_loader.py for how it is fuzzed.
"""

from __future__ import annotations

from pydantic import ValidationError

from validator import loader, numbers
from validator.models import FactSheet
from validator.policy import Policy

# Small enough limits that the fuzzer spends its time on structure, not on size.
LIMITS = loader.Limits(max_bytes=64 * 1024, max_nodes=10_000, max_depth=50)


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


def test_one_input(data: bytes) -> None:
    if len(data) > LIMITS.max_bytes:
        return
    try:
        text = loader.decode(data)
    except loader.LoadError:
        return
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
