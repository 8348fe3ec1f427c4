"""GRIM cases written from the published definition (validator.calibrate.grim_cases): every mean
from 1.00 to 1.99 and every whole percent, for a range of sample sizes, judged by the engine and by
the definition (possible exactly when some whole total rounds to the stated figure)."""

from __future__ import annotations

from collections import Counter

from validator.calibrate import HEADER, grim_cases
from validator.check import check_text
from validator.config import Config, Settings
from validator.policy import Policy


def verdicts(policy: Policy) -> list[tuple[bool, str]]:
    cases = grim_cases()
    report = check_text(HEADER + "\n".join(c for c, _ in cases) + "\n", "grim.yaml", Config(Settings(policy=policy)))
    assert not report.input_errors
    return [(possible, f.verdict.value) for (_, possible), f in zip(cases, report.findings, strict=True)]


def test_round_to_nearest_agrees_with_the_definition_on_every_case():
    got = Counter(verdicts(Policy(rounding="nearest")))
    assert got == {(True, "consistent"): 1275, (True, "unverifiable"): 480, (False, "inconsistent"): 2260}


def test_by_default_a_figure_that_fits_only_if_truncated_warns_and_never_passes():
    got = Counter(verdicts(Policy()))
    # The impossible cases: an error, or (three significant digits that fit when cut off) a warning.
    assert got == {
        (True, "consistent"): 1275,
        (True, "unverifiable"): 480,
        (False, "inconsistent"): 1857,
        (False, "doubtful"): 403,
    }
