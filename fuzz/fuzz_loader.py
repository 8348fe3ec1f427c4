"""Coverage-guided fuzzing of everything the tool reads, with atheris (libFuzzer).

Each input is taken four ways:

* as a file's bytes: decode -> compose -> walk -> the pydantic model, as
  ``validate`` reads a fact sheet;
* as numbers: every text value the walk found (and the whole input, when it
  decodes and is short) through ``numbers.parse``, as the engine reads them;
* as a configuration, both a pyproject.toml and a .validator.toml
  (``validator.config.from_text``);
* as an article's own text (``validator.api.check_article``, its first 8 KB).

LoadError, NumberFormatError, pydantic's ValidationError and ConfigError are the
clean refusals; any other exception (RecursionError and MemoryError included),
and any IN99 finding of an article, is a crash, and libFuzzer saves the input
that caused it.

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

with atheris.instrument_imports(include=["validator", "rules", "loader_target"]):
    from loader_target import test_one_input

    import validator.check  # noqa: F401 - imported here to be instrumented: the article path checks drafts
    import validator.extract  # noqa: F401 - the article reader, imported by the API only when first used


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
