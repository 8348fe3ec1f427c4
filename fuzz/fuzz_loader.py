"""Coverage-guided fuzzing of the loader and the number parser, with atheris (libFuzzer).

Each input is taken two ways:

* as a file's bytes: decode -> compose -> walk -> the pydantic model, as
  ``validate`` reads a fact sheet;
* as numbers: every text value the walk found (and the whole input, when it
  decodes and is short) through ``numbers.parse``, as the engine reads them.

LoadError, NumberFormatError and pydantic's ValidationError are the clean
refusals; any other exception (RecursionError and MemoryError included) is a
crash, and libFuzzer saves the input that caused it.

    .venv/bin/pip install atheris
    mkdir -p fuzz/work && .venv/bin/python fuzz/fuzz_loader.py -atheris_runs=100000 fuzz/work fuzz/corpus

``fuzz/corpus`` holds the seeds (the fixtures, and a few number texts, all
committed); libFuzzer adds the inputs it finds interesting to the first folder
named, ``fuzz/work`` (not committed). Crashes are written to
``crash-<hash>`` in the working folder; every one becomes a regression test in
``tests/hostile/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports(include=["validator"]):
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


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
