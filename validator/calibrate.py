"""Measure the reading policies, to choose their defaults: ``python -m validator.calibrate``.

For each value of each policy (the others at their defaults) it reports the
precision and recall of errors (inconsistent findings) and the warnings
(doubtful and ambiguous findings) on three sets:

* GRIM cases written from the published definition (Brown and Heathers,
  2016): a mean of n whole-number answers, reported to two decimals, is
  possible exactly when some whole total t gives t / n rounded to it (up or
  down at the half); a share of n people, in whole percent, likewise with a
  whole part. Every mean from 1.00 to 1.99 and every whole percent, for the
  sample sizes below, are judged by the engine and by that definition;
* the sentences of ``../shared/corpus/realworld-dev.jsonl`` (with their
  context), through the article reader: an item is an error when its gold
  verdict is inconsistent, and flagged when any finding is inconsistent;
* the articles of ``../shared/corpus/articles-dev.jsonl``, scored by
  ``../shared/tools/score_articles.py`` (alarm precision and error recall).

The figures go in the README's table of defaults.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from fractions import Fraction
from pathlib import Path

from validator.check import check_text
from validator.config import Config, Settings
from validator.policy import DEFAULT_POLICY, Policy

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SAMPLE_SIZES = range(3, 100, 4)  # GRIM bites below 100 answers for two decimals
SHARE_SIZES = range(3, 60, 4)
SETTINGS = {
    "rounding": ["nearest", "nearest-or-truncated"],
    "trailing_zeros": ["exact", "rounded", "either"],
    "qualifier_reach": ["step", "either", "unbounded"],
    "times_more": ["ambiguous", "multiply", "add-one", "error"],
}
HEADER = "article:\n  title: GRIM cases\n  source: the published GRIM definition\n  published: 2016-01-01\nclaims:\n"


def grim_cases() -> list[tuple[str, bool]]:
    """(claim as YAML, possible by the definition) for every mean and share of the sample sizes."""
    cases = []
    for n in SAMPLE_SIZES:
        for hundredths in range(100, 200):
            mean = Fraction(hundredths, 100)
            possible = any(abs(Fraction(t, n) - mean) <= Fraction(1, 200) for t in range(0, 3 * n))
            cases.append(
                (f'  - {{rule: mean-granularity, mean: "{mean.numerator / mean.denominator:.2f}", n: "{n}"}}', possible)
            )
    for n in SHARE_SIZES:
        for pct in range(0, 101):
            possible = any(abs(Fraction(100 * k, n) - pct) <= Fraction(1, 2) for k in range(n + 1))
            whole = f'{{value: "{n}", unit: people}}'
            cases.append((f'  - {{rule: share, whole: {whole}, share: "{pct} percent"}}', possible))
    return cases


def score(flags: list[tuple[bool, str]]) -> dict:
    """Precision and recall of errors: (gold error?, worst verdict) for each item."""
    tp = sum(1 for gold, got in flags if gold and got == "inconsistent")
    fp = sum(1 for gold, got in flags if not gold and got == "inconsistent")
    errors = sum(1 for gold, _ in flags if gold)
    warned = [gold for gold, got in flags if got in ("doubtful", "ambiguous")]
    return {
        "precision": f"{tp}/{tp + fp}",
        "recall": f"{tp}/{errors}",
        "warnings_on_errors": sum(warned),
        "warnings_on_correct": len(warned) - sum(warned),
    }


ORDER = ["consistent", "unverifiable", "ambiguous", "doubtful", "inconsistent"]


def worst(verdicts: list[str]) -> str:
    return max(verdicts, key=ORDER.index) if verdicts else "none"


def grim(policy: Policy) -> dict:
    cases = grim_cases()
    report = check_text(HEADER + "\n".join(c for c, _ in cases) + "\n", "grim.yaml", Config(Settings(policy=policy)))
    verdicts = [f.verdict.value for f in report.findings]
    assert len(verdicts) == len(cases), report.findings[:3]
    return score([(not possible, got) for (_, possible), got in zip(cases, verdicts, strict=True)])


def realworld(policy: Policy) -> dict:
    from validator.extract.article import check_article

    config = Config(Settings(policy=policy))
    flags = []
    for line in (SHARED / "corpus" / "realworld-dev.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        text = " ".join([*item.get("context", []), item["quote"]])
        report = check_article(text, f"{item['id']}.txt", config)
        flags.append(
            (item["verdict"] == "inconsistent", worst([f.verdict.value for f in report.findings if f.verdict]))
        )
    return score(flags)


def articles(policy: Policy, validate: str) -> dict:
    """score_articles.py, run where a configuration sets the policy."""
    lines = [f'{key.replace("_", "-")} = "{getattr(policy, key).value}"' for key in SETTINGS]
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, ".validator.toml").write_text("[policy]\n" + "\n".join(lines) + "\n", encoding="utf-8")
        tool = SHARED / "tools" / "score_articles.py"
        corpus = SHARED / "corpus" / "articles-dev.jsonl"
        out = subprocess.run(
            [sys.executable, str(tool), validate, str(corpus)], capture_output=True, text=True, cwd=folder, check=True
        ).stdout
    found = dict(re.findall(r"^(alarm_precision|error_recall): (\S+)", out, re.MULTILINE))
    return {"precision": found.get("alarm_precision", "?"), "recall": found.get("error_recall", "?")}


def main() -> None:
    validate = str(Path(sys.executable).with_name("validate"))
    rows = []
    for key, values in SETTINGS.items():
        for value in values:
            policy = Policy.model_validate({**DEFAULT_POLICY.model_dump(), key: value})
            default = getattr(DEFAULT_POLICY, key).value == value
            row = {"policy": key, "value": value, "default": default}
            row["grim"], row["realworld"], row["articles"] = grim(policy), realworld(policy), articles(policy, validate)
            rows.append(row)
            print(json.dumps(row), flush=True)
    counts = Counter(r["policy"] for r in rows)
    print(f"{len(rows)} settings measured ({', '.join(f'{k}: {n}' for k, n in counts.items())})")


if __name__ == "__main__":
    main()
