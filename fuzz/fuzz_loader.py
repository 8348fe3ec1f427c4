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
sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["validator", "loader_target"]):
    from loader_target import test_one_input


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
