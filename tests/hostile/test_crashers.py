"""Every input a fuzzer crashed the validator with, run again: each must end cleanly.

``crashers/`` holds the raw inputs of fuzz/fuzz_loader.py (atheris) as found;
the hypothesis crashers are written out as their smallest fact sheets here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import sheet
from validator import loader
from validator.check import check_text

CRASHERS = Path(__file__).parent / "crashers"
SEEDS = Path(__file__).parents[2] / "fuzz" / "corpus"


def fuzz_target():
    import importlib.util

    spec = importlib.util.spec_from_file_location("loader_target", Path(__file__).parents[2] / "fuzz" / "loader_target.py")
    target = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(target)
    return target


@pytest.mark.parametrize("path", sorted(CRASHERS.iterdir()), ids=lambda p: p.name)
def test_atheris_crashers_run_cleanly_through_the_fuzz_target(path):
    target = fuzz_target()
    data = path.read_bytes()
    target.test_one_input(data)  # the target's own checks: nothing but a clean refusal may stop it
    try:  # and the input itself ends cleanly: read, or refused with an input error's code
        loader.compose(loader.decode(data), target.LIMITS)
        ending = "read"
    except loader.LoadError as exc:
        ending = exc.code
    assert ending == "read" or (ending.startswith("IN") and ending != "IN99"), ending


def test_the_fuzz_seeds_run_cleanly_as_sheets_configurations_and_articles():
    target = fuzz_target()
    names = sorted(p.name for p in SEEDS.iterdir())
    assert {"article-1.txt", "config-1.toml", "article.yaml"} <= set(names)
    for name in names:
        target.test_one_input((SEEDS / name).read_bytes())


def test_the_fuzz_target_reads_configurations_and_articles(monkeypatch):
    # Its configuration and article paths run: a configuration nested too deeply (a RecursionError
    # traceback before) is a clean refusal, and an article is checked into findings.
    target = fuzz_target()
    target.read_as_configuration("[tool.validator]\npaths = " + "[" * 500 + "\n")
    seen, check = [], target.check_article
    monkeypatch.setattr(target, "check_article", lambda text, name: seen.append(text) or check(text, name))
    target.test_one_input((SEEDS / "article-1.txt").read_bytes())
    assert seen and seen[0].startswith("Visitors rose to 1,350")


@pytest.mark.parametrize("path", sorted(CRASHERS.iterdir()), ids=lambda p: p.name)
def test_atheris_crashers_as_values_of_a_fact_sheet(path):
    text = path.read_bytes().decode("utf-8", errors="replace")
    report = check_text(sheet(f"quantities:\n  a: {{value: {text!r}}}\nclaims:\n  - {{rule: share, part: '1', whole: '3', share: a}}\n"), "c.yaml")
    assert not [f for f in report.findings if f.code == "IN99"]


HYPOTHESIS_CRASHERS = {
    "percent change from zero": "claims:\n  - {rule: percent-change, from: '0', to: 150 percent, change: 150 percent}\n",
    "from-to from zero": "claims:\n  - {rule: from-to, from: '0', to: '-5', change: 0.5 times}\n",
    "from-to zero to nearly zero": "claims:\n  - {rule: from-to, from: '0', to: nearly 0, change: 0.5 times}\n",
    "from-to from more than zero": "claims:\n  - {rule: from-to, from: more than 0, to: -94 days, change: 48 times}\n",
    "share of nothing": "claims:\n  - {rule: share, part: '0', whole: '0', share: '0'}\n",
    "mean of no answers": "claims:\n  - {rule: SH02, mean: '-0', n: '-0'}\n",
    "difference with an implied larger": (
        "quantities:\n  d: {value: -222 visitors}\nclaims:\n  - {rule: SU02, wording: as many as, smaller: -222 visitors, difference: d}\n"
    ),
    "an unknown key with a bracket": "'a[rticle': {title: x}\nclaims: []\n",
}


@pytest.mark.parametrize("body", list(HYPOTHESIS_CRASHERS.values()), ids=list(HYPOTHESIS_CRASHERS))
def test_hypothesis_crashers(body):
    report = check_text(sheet(body), "c.yaml")
    assert report.findings and not [f for f in report.findings if f.code == "IN99"]
