"""Benchmark: ``validate`` against the floor of reading the same YAML, and against a peer.

    python -m validator.bench                 # 1,000 sheets, then 10,000 for scaling
    python -m validator.bench --sheets 200 --runs 3 --no-scaling --json bench.json

Everything is timed in the same session, on the same generated files, each
command in a fresh process, as the median of several runs, and printed as
ratios to its floor, so the figures compare across machines:

(a) the floor: parsing every file with PyYAML's libyaml loader and nothing else;
(b) a peer: check-jsonschema validating the files against ``validate --schema``
    (schema checks only, no arithmetic), when it is installed;
(c) ``validate --jobs 1``; (d) ``validate --jobs 2``;
(e) cold start of ``validate fixtures/article.yaml`` against importing the
    stack (``python -c "import yaml, pydantic, click"``).

Peak memory is each process's own maximum resident size (``os.wait4``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = (
    "import sys, yaml\n"
    "for name in sys.stdin.read().split():\n"
    "    with open(name, 'rb') as f:\n"
    "        yaml.load(f, Loader=yaml.CSafeLoader)\n"
)


# --------------------------------------------------------------------- corpus
def _claims(rng: random.Random, n: int, broken: bool) -> tuple[list[str], list[str]]:
    """Quantities and claims with true arithmetic, one of each family in turn."""
    quantities: list[str] = []
    claims: list[str] = []
    families = [
        _percent,
        _from_to,
        _multiple,
        _points,
        _share,
        _mean,
        _sum,
        _difference,
        _rate,
        _growth,
        _steps,
        _units,
    ]
    i = 0
    while len(claims) < n:
        family = families[i % len(families)]
        q, c = family(rng, i)
        quantities += q
        claims += c
        i += 1
    if broken:  # one broken number: a percent change that does not hold
        claims[0] = claims[0].replace('change: "', 'change: "1', 1)
    return quantities, claims


def _percent(rng, i):
    before = rng.randint(50, 5000)
    pct = rng.randint(1, 90)
    after = round(before * (100 + pct) / 100)
    return (
        [
            f'  before_{i}: {{value: "{before:,}", unit: visitors}}',
            f'  after_{i}: {{value: "{after:,}", unit: visitors}}',
        ],
        [f'  - {{rule: percent-change, from: before_{i}, to: after_{i}, change: "{pct} percent", wording: up}}'],
    )


def _from_to(rng, i):
    a, b = rng.randint(10, 90), rng.randint(10, 90)
    return [], [f'  - {{rule: from-to, from: "{a}", to: "{b}", wording: {"rose" if b > a else "fell"}}}']


def _multiple(rng, i):
    k = rng.randint(2, 5)
    base = rng.randint(100, 3000)
    return [], [f'  - {{rule: multiple, from: "{base:,}", to: "{base * k:,}", factor: "{k} times"}}']


def _points(rng, i):
    a, d = rng.randint(10, 60), rng.randint(1, 20)
    return [], [
        f"  - {{rule: percentage-points, from: {a} percent, to: {a + d} percent, change: {d} points, wording: up}}"
    ]


def _share(rng, i):
    whole = rng.randint(20, 5000)
    part = rng.randint(0, whole)
    pct = round(100 * part / whole)
    return (
        [f'  whole_{i}: {{value: "{whole:,}", unit: exhibitors}}'],
        [f"  - {{rule: share, whole: whole_{i}, share: {pct} percent}}"],
    )


def _mean(rng, i):
    n = rng.randint(5, 200)
    total = rng.randint(n, 5 * n)
    return [], [f'  - {{rule: mean-granularity, mean: "{total / n:.2f}", n: "{n}"}}']


def _sum(rng, i):
    parts = [rng.randint(1, 500) for _ in range(3)]
    joined = ", ".join(f'"{p}"' for p in parts)
    return [], [f'  - {{rule: sum, parts: [{joined}], total: "{sum(parts)}"}}']


def _difference(rng, i):
    a, b = rng.randint(1000, 99999), rng.randint(1000, 99999)
    hi, lo = max(a, b), min(a, b)
    return [], [f'  - {{rule: difference, larger: "{hi}", smaller: "{lo}", difference: "{hi - lo}"}}']


def _rate(rng, i):
    per_day, days = rng.randint(100, 5000), rng.randint(2, 9)
    return [], [
        f'  - {{rule: rate, total: "{per_day * days}", rate: "{per_day} visitors a day", amount: "{days} days"}}'
    ]


def _growth(rng, i):
    start, rate, years = rng.randint(100, 1000), rng.randint(1, 15), rng.randint(2, 8)
    end = round(start * (1 + rate / 100) ** years)
    return [], [
        f'  - {{rule: compound-growth, from: "{start}", to: "{end}", rate: "{rate} percent", periods: "{years}"}}'
    ]


def _steps(rng, i):
    up, down = rng.randint(1, 30), rng.randint(1, 30)
    total = (1 + up / 100) * (1 - down / 100) * 100 - 100
    word = "up" if total >= 0 else "down"
    return [], [f'  - {{rule: cumulative-change, steps: [up {up}%, down {down}%], total: "{word} {abs(total):.2f}%"}}']


def _units(rng, i):
    tonnes = rng.randint(2, 900)
    return [], [f'  - {{rule: restatement, value: "{tonnes} tonnes", as: "{tonnes * 1000:,} kilograms"}}']


def write_corpus(folder: Path, sheets: int, claims: int = 50, seed: int = 2025) -> list[Path]:
    """Deterministic fact sheets; about one in ten has a broken number."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(sheets):
        quantities, lines = _claims(rng, claims, broken=rng.random() < 0.1)
        text = (
            f"article: {{title: Generated sheet {n}, source: benchmark, published: 2025-07-20}}\n"
            + ("quantities:\n" + "\n".join(quantities) + "\n" if quantities else "")
            + "claims:\n"
            + "\n".join(lines)
            + "\n"
        )
        path = folder / f"sheet-{n:05d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------------- timing
def run(command: list[str], stdin: str | None = None, cwd: Path = ROOT) -> tuple[float, int, int]:
    """Wall time (s), peak memory of the process (KiB) and exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True
    )
    if stdin is not None:
        proc.stdin.write(stdin)
    proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, proc.returncode


def median_run(command, runs: int, stdin: str | None = None) -> dict:
    samples = [run(command, stdin) for _ in range(runs)]
    return {
        "seconds": statistics.median(s[0] for s in samples),
        "peak_kib": max(s[1] for s in samples),
        "exit_codes": sorted({s[2] for s in samples}),
    }


def _validate() -> list[str]:
    return [sys.executable, "-m", "validator"]


def bench(sheets: int, runs: int, scaling: bool, folder: Path) -> dict:
    results: dict = {"python": sys.version.split()[0], "cpus": os.cpu_count(), "runs": runs}
    corpus = folder / f"corpus-{sheets}"
    paths = write_corpus(corpus, sheets)
    claims = sheets * 50
    names = "\n".join(str(p) for p in paths)
    floor = median_run([sys.executable, "-c", FLOOR], runs, stdin=names)
    one = median_run([*_validate(), "--jobs", "1", "--format", "json", str(corpus)], runs)
    two = median_run([*_validate(), "--jobs", "2", "--format", "json", str(corpus)], runs)
    results["corpus"] = {"sheets": sheets, "claims": claims, "floor": floor, "jobs_1": one, "jobs_2": two}
    results["corpus"]["ratios"] = {
        "jobs_1_to_floor": one["seconds"] / floor["seconds"],
        "jobs_2_to_floor": two["seconds"] / floor["seconds"],
    }
    results["corpus"]["claims_per_second"] = {"jobs_1": claims / one["seconds"], "jobs_2": claims / two["seconds"]}
    peer = _peer(corpus, paths, runs, folder)
    if peer is not None:
        results["corpus"]["check_jsonschema"] = peer
        results["corpus"]["ratios"]["jobs_1_to_check_jsonschema"] = one["seconds"] / peer["seconds"]
    stack = median_run([sys.executable, "-c", "import yaml, pydantic, click"], max(runs, 5))
    cold = median_run([*_validate(), "fixtures/article.yaml"], max(runs, 5))
    results["cold_start"] = {
        "stack_import": stack,
        "validate_article": cold,
        "ratio": cold["seconds"] / stack["seconds"],
    }
    if scaling:
        big = folder / f"corpus-{sheets * 10}"
        write_corpus(big, sheets * 10)
        ten = median_run([*_validate(), "--jobs", "1", "--format", "json", str(big)], max(1, runs // 2))
        results["scaling"] = {"sheets": sheets * 10, "jobs_1": ten, "ratio_to_small": ten["seconds"] / one["seconds"]}
    return results


def _peer(corpus: Path, paths: list[Path], runs: int, folder: Path) -> dict | None:
    try:
        import check_jsonschema  # noqa: F401 - only to know it is installed
    except ImportError:
        return None
    schema = folder / "fact-sheet.schema.json"
    schema.write_text(subprocess.run([*_validate(), "--schema"], capture_output=True, text=True, cwd=ROOT).stdout)
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, paths)]
    return median_run(command, runs)


def report(results: dict) -> str:
    c = results["corpus"]
    lines = [
        f"corpus: {c['sheets']:,} sheets, {c['claims']:,} claims (median of {results['runs']} runs, each in a fresh process)",
        f"  (a) floor, libyaml parse only   {c['floor']['seconds']:8.2f} s   peak {c['floor']['peak_kib'] / 1024:6.1f} MB",
        f"  (c) validate --jobs 1           {c['jobs_1']['seconds']:8.2f} s   peak {c['jobs_1']['peak_kib'] / 1024:6.1f} MB"
        f"   {c['ratios']['jobs_1_to_floor']:.2f}x floor   {c['claims_per_second']['jobs_1']:,.0f} claims/s",
        f"  (d) validate --jobs 2           {c['jobs_2']['seconds']:8.2f} s   peak {c['jobs_2']['peak_kib'] / 1024:6.1f} MB"
        f"   {c['ratios']['jobs_2_to_floor']:.2f}x floor   {c['claims_per_second']['jobs_2']:,.0f} claims/s",
    ]
    if "check_jsonschema" in c:
        p = c["check_jsonschema"]
        lines.append(
            f"  (b) check-jsonschema (peer)     {p['seconds']:8.2f} s   peak {p['peak_kib'] / 1024:6.1f} MB"
            f"   validate is {c['ratios']['jobs_1_to_check_jsonschema']:.2f}x its time"
        )
    else:
        lines.append("  (b) check-jsonschema not installed (pip install check-jsonschema) - peer not measured")
    s = results["cold_start"]
    lines.append(
        f"  (e) cold start: validate fixtures/article.yaml {s['validate_article']['seconds']:.3f} s, "
        f"import yaml+pydantic+click {s['stack_import']['seconds']:.3f} s: {s['ratio']:.2f}x"
    )
    if "scaling" in results:
        sc = results["scaling"]
        lines.append(
            f"  scaling: {sc['sheets']:,} sheets {sc['jobs_1']['seconds']:.2f} s = {sc['ratio_to_small']:.2f}x the "
            f"{c['sheets']:,}-sheet time; peak {sc['jobs_1']['peak_kib'] / 1024:.1f} MB"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m validator.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sheets", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5, help="runs of each command; the median is reported")
    parser.add_argument("--no-scaling", action="store_true", help="skip the ten-times-larger corpus")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", type=Path, help="generate the corpora here and keep them")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        results = bench(args.sheets, args.runs, not args.no_scaling, folder)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
