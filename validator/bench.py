"""Benchmark: ``validate`` against the floor of reading the same YAML, and against a peer.

    python -m validator.bench                 # 1,000 sheets, then 10,000 for scaling, then growth
    python -m validator.bench --sheets 200 --runs 3 --no-scaling --json bench.json
    python -m validator.bench --growth        # only the growth check (validator.growth)

Everything is timed in the same session, on the same generated files, each
command in a fresh process, as the median of several runs, and printed as
ratios to its floor, so the figures compare across machines:

(a) the floor: parsing every file with PyYAML's libyaml loader and nothing else;
(b) a peer: check-jsonschema validating the files against ``validate --schema``
    (schema checks only, no arithmetic), when it is installed;
(c) ``validate --jobs 1``; (d) ``validate --jobs 2``;
(e) cold start of ``validate fixtures/article.yaml`` against importing the
    stack (``python -c "import yaml, pydantic, click"``);
(f) where one process spends its time: the same texts read, composed with
    positions, turned into data, validated by the schema, and checked whole,
    in CPU time against the floor's load without process start-up.

The ten-times-larger corpus, for scaling, is timed in pairs with the small one
run just before it: a big run takes minutes, over which a shared machine drifts.
Last, the growth check (:mod:`validator.growth`): article text doubling from 64 KB
to 8 MB and claims sharing a quantity from 1,000 to 16,000, each doubling at most
2.2 times the time.

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
# Sheets are written the way the README and fixtures/article.yaml write them:
# block style, each number with its unit, period and the words that state it,
# each claim with an id, its wording and its quote. Flow-style one-liners would
# make the YAML (the floor) unrealistically cheap against the claims checked.
NOUNS = ["visitors", "exhibitors", "companies", "sessions", "products", "deals", "applicants", "members"]


def _quantity(qid: str, value: str, noun: str | None, year: int, quote: str) -> list[str]:
    lines = [f"  {qid}:", f'    value: "{value}"']
    if noun:
        lines.append(f"    unit: {noun}")
    lines += [f'    period: "{year}"', f'    quote: "{quote}"']
    return lines


def _claim(cid: str, rule: str, fields: dict[str, str], wording: str, quote: str, ids: tuple = ()) -> list[str]:
    """A claim in block style; fields named in ``ids`` refer to quantities and are not quoted."""
    lines = [f"  - id: {cid}", f"    rule: {rule}"]
    lines += [f"    {k}: {v}" if k in ids or v.startswith("[") else f'    {k}: "{v}"' for k, v in fields.items()]
    lines += [f"    wording: {wording}", f'    quote: "{quote}"']
    return lines


def _family(rng: random.Random, i: int) -> tuple[list[str], list[str]]:
    """One claim (and its quantities) of family i % 12, with true arithmetic."""
    noun = rng.choice(NOUNS)
    kind = i % 12
    if kind == 0:
        before, pct = rng.randint(50, 5000), rng.randint(1, 90)
        after = round(before * (100 + pct) / 100)
        q = _quantity(f"{noun}_{i}_2024", f"{before:,}", noun, 2024, f"{before:,} {noun} last year")
        q += _quantity(f"{noun}_{i}_2025", f"{after:,}", noun, 2025, f"{after:,} {noun} this year")
        return q, _claim(f"growth_{i}", "percent-change", {"from": f"{noun}_{i}_2024", "to": f"{noun}_{i}_2025",
                         "change": f"{pct} percent"}, "up from last year", f"{after:,} {noun}, up {pct} percent",
                         ids=("from", "to"))  # fmt: skip
    if kind == 1:
        a, b = rng.randint(10, 90), rng.randint(10, 90)
        return [], _claim(f"share_move_{i}", "from-to", {"from": f"{a} percent", "to": f"{b} percent"},
                          "rose" if b > a else "fell", f"from {a} percent to {b} percent")  # fmt: skip
    if kind == 2:
        k, base = rng.randint(2, 5), rng.randint(100, 3000)
        return [], _claim(f"multiple_{i}", "multiple", {"from": f"{base:,}", "to": f"{base * k:,}", "factor": f"{k} times"},
                          "as many as", f"{base * k:,} {noun}, {k} times as many as the {base:,} before")  # fmt: skip
    if kind == 3:
        a, d = rng.randint(10, 60), rng.randint(1, 20)
        return [], _claim(f"points_{i}", "percentage-points", {"from": f"{a} percent", "to": f"{a + d} percent",
                          "change": f"{d} points"}, "up", f"up {d} points to {a + d} percent")  # fmt: skip
    if kind == 4:
        whole = rng.randint(20, 5000)
        pct = round(100 * rng.randint(0, whole) / whole)
        q = _quantity(f"{noun}_{i}", f"{whole:,}", noun, 2025, f"{whole:,} {noun} in all")
        return q, _claim(f"share_{i}", "share", {"whole": f"{noun}_{i}", "share": f"{pct} percent"}, "of",
                         f"{pct} percent of the {whole:,} {noun}", ids=("whole",))  # fmt: skip
    if kind == 5:
        n = rng.randint(5, 200)
        total = rng.randint(n, 5 * n)
        return [], _claim(f"average_{i}", "mean-granularity", {"mean": f"{total / n:.2f}", "n": f"{n}"}, "an average of",
                          f"an average rating of {total / n:.2f} from {n} respondents")  # fmt: skip
    if kind == 6:
        parts = [rng.randint(1, 500) for _ in range(3)]
        listed = "[" + ", ".join(f'"{p}"' for p in parts) + "]"
        return [], _claim(f"sum_{i}", "sum", {"parts": listed, "total": f"{sum(parts)}"}, "in all",
                          f"{', '.join(map(str, parts))}: {sum(parts)} {noun} in all")  # fmt: skip
    if kind == 7:
        a, b = rng.randint(1000, 99999), rng.randint(1000, 99999)
        hi, lo = max(a, b), min(a, b)
        return [], _claim(f"margin_{i}", "difference", {"larger": f"{hi:,}", "smaller": f"{lo:,}", "difference": f"{hi - lo:,}"},
                          "ahead by", f"{hi:,} to {lo:,}, a margin of {hi - lo:,}")  # fmt: skip
    if kind == 8:
        per_day, days = rng.randint(100, 5000), rng.randint(2, 9)
        return [], _claim(f"daily_{i}", "rate", {"total": f"{per_day * days:,}", "rate": f"{per_day:,} {noun} a day",
                          "amount": f"{days} days"}, "an average of", f"{per_day * days:,} {noun}, {per_day:,} a day over {days} days")  # fmt: skip
    if kind == 9:
        start, rate, years = rng.randint(100, 1000), rng.randint(1, 15), rng.randint(2, 8)
        end = round(start * (1 + rate / 100) ** years)
        return [], _claim(f"growth_rate_{i}", "compound-growth", {"from": f"{start}", "to": f"{end}", "rate": f"{rate} percent",
                          "periods": f"{years}"}, "a year", f"from {start} to {end} in {years} years, {rate} percent a year")  # fmt: skip
    if kind == 10:
        up, down = rng.randint(1, 30), rng.randint(1, 30)
        total = (1 + up / 100) * (1 - down / 100) * 100 - 100
        word = "up" if total >= 0 else "down"
        return [], _claim(f"steps_{i}", "cumulative-change", {"steps": f"[up {up}%, down {down}%]", "total": f"{word} {abs(total):.2f}%"},
                          "in all", f"up {up}% then down {down}%, {word} {abs(total):.2f}% in all")  # fmt: skip
    tonnes = rng.randint(2, 900)
    return [], _claim(f"tonnage_{i}", "restatement", {"value": f"{tonnes} tonnes", "as": f"{tonnes * 1000:,} kilograms"},
                      "or", f"{tonnes} tonnes, or {tonnes * 1000:,} kilograms")  # fmt: skip


def write_corpus(folder: Path, sheets: int, claims: int = 50, seed: int = 2025) -> list[Path]:
    """Deterministic fact sheets of ``claims`` claims each; about one in ten has a broken number."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(sheets):
        quantities: list[str] = []
        lines: list[str] = []
        for i in range(claims):
            q, c = _family(rng, i)
            quantities += q
            lines += c
        if rng.random() < 0.1:  # one broken number: a percent change that does not hold
            k = next(j for j, line in enumerate(lines) if "change: " in line and "percent" in line)
            lines[k] = lines[k].replace('change: "', 'change: "1', 1)
        text = "\n".join(
            [
                "article:",
                f"  title: Generated fact sheet {n} for the benchmark",
                "  source: benchmark (generated)",
                "  published: 2025-07-20",
                "quantities:",
                *quantities,
                "claims:",
                *lines,
                "",
            ]
        )
        path = folder / f"sheet-{n:05d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------------- timing
# Bytecode caches as an installed package has them: without them every run recompiles every module.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(command: list[str], stdin: str | None = None, cwd: Path = ROOT) -> tuple[float, float, int, int]:
    """Wall time (s), CPU time (s), peak memory of the process (KiB) and exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        cwd=cwd,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        env=ENV,
    )
    if stdin is not None:
        proc.stdin.write(stdin)
    proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode


def median_run(command, runs: int, stdin: str | None = None, warm: bool = True) -> dict:
    if warm:
        run(command, stdin)  # warm: bytecode caches, pint's registry cache, the file system cache
    return _summary([run(command, stdin) for _ in range(runs)])


def _summary(samples: list[tuple[float, float, int, int]]) -> dict:
    """Median times, the highest peak and every exit code of several runs of one command."""
    return {
        "seconds": statistics.median(s[0] for s in samples),
        "cpu_seconds": statistics.median(s[1] for s in samples),
        "peak_kib": max(s[2] for s in samples),
        "exit_codes": sorted({s[3] for s in samples}),
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
    one = median_run(_check_command(corpus), runs)
    two = median_run(_check_command(corpus, jobs=2), runs)
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
        results["scaling"] = scaling_run(corpus, big, sheets * 10, max(1, runs // 2))
    # Last: a child's peak memory (ru_maxrss) starts from this process's size when it
    # forks, so this process stays small until every command has been measured.
    results["stages"] = stages(paths, runs)
    return results


def _check_command(corpus: Path, jobs: int = 1) -> list[str]:
    return [*_validate(), "--jobs", str(jobs), "--format", "json", str(corpus)]


def scaling_run(small: Path, big: Path, sheets: int, runs: int) -> dict:
    """The big corpus against the small one timed just before it, so that both meet the
    machine in the same state: over the minutes a big run takes, a shared machine drifts."""
    pairs = [(run(_check_command(small)), run(_check_command(big))) for _ in range(runs)]
    return {
        "sheets": sheets,
        "jobs_1": _summary([b for _, b in pairs]),
        "small_seconds": statistics.median(a[0] for a, _ in pairs),
        "ratio_to_small": statistics.median(b[0] / a[0] for a, b in pairs),
        "cpu_ratio_to_small": statistics.median(b[1] / a[1] for a, b in pairs),
    }


STAGES = {
    "floor": "libyaml load (the floor)",
    "compose": "compose, with positions",
    "data": "+ plain data",
    "schema": "+ schema (pydantic)",
    "check": "+ binding, arithmetic, findings",
}


def stages(paths: list[Path], runs: int) -> dict:
    """CPU seconds (median of ``runs``) of each stage of a check, in one process, on the same texts.

    Each stage includes the ones before it, so the differences say what each part
    of a check costs against the floor; imports and caches are warmed up first.
    """
    import yaml

    from validator import loader
    from validator.check import check_text
    from validator.config import Config
    from validator.models import FactSheet
    from validator.parallel import batch_gc

    texts = [p.read_text(encoding="utf-8") for p in paths]
    config = Config()
    check_text(texts[0], "warm-up", config)
    steps = {
        "floor": lambda text: yaml.load(text, Loader=yaml.CSafeLoader),
        "compose": loader.compose,
        "data": lambda text: loader.to_data(loader.compose(text)),
        "schema": lambda text: FactSheet.model_validate(loader.to_data(loader.compose(text))),
        "check": lambda text: check_text(text, "sheet", config),
    }
    samples: dict[str, list[float]] = {name: [] for name in steps}
    with batch_gc():  # as a run of validate has it
        for _ in range(runs):
            for name, step in steps.items():
                start = time.process_time()
                for text in texts:
                    step(text)
                samples[name].append(time.process_time() - start)
    seconds = {name: statistics.median(s) for name, s in samples.items()}
    return {name: {"seconds": s, "ratio_to_floor": s / seconds["floor"]} for name, s in seconds.items()}


def _peer(corpus: Path, paths: list[Path], runs: int, folder: Path) -> dict | None:
    try:
        import check_jsonschema  # noqa: F401 - only to know it is installed
    except ImportError:
        return None
    schema = folder / "fact-sheet.schema.json"
    schema.write_text(subprocess.run([*_validate(), "--schema"], capture_output=True, text=True, cwd=ROOT).stdout)
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, paths)]
    # Ten times slower than validate here: one run (after the warm runs of the others) says enough.
    return median_run(command, 1, warm=False)


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
    lines.append("  (f) one process, by stage (CPU time; each stage includes the ones before it):")
    for name, figures in results["stages"].items():
        lines.append(f"      {STAGES[name]:34s} {figures['seconds']:8.3f} s   {figures['ratio_to_floor']:5.2f}x floor")
    if "scaling" in results:
        sc = results["scaling"]
        lines.append(
            f"  scaling: {sc['sheets']:,} sheets {sc['jobs_1']['seconds']:.2f} s = {sc['ratio_to_small']:.2f}x the "
            f"{c['sheets']:,}-sheet run just before it ({sc['small_seconds']:.2f} s; CPU time "
            f"{sc['cpu_ratio_to_small']:.2f}x); peak {sc['jobs_1']['peak_kib'] / 1024:.1f} MB"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m validator.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sheets", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5, help="runs of each command; the median is reported")
    parser.add_argument("--no-scaling", action="store_true", help="skip the ten-times-larger corpus")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", type=Path, help="generate the corpora here and keep them")
    parser.add_argument("--growth", action="store_true", help="only the growth check (exit 1 if a stage is not linear)")
    parser.add_argument("--no-growth", action="store_true", help="skip the growth check")
    parser.add_argument(
        "--article", type=Path, help="for the growth check: repeat this article instead of generating one"
    )
    args = parser.parse_args(argv)
    from validator import growth

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        article = args.article.read_text(encoding="utf-8") if args.article else None
        if args.growth:
            results = {"growth": growth.growth(folder / "growth", min(args.runs, 3), article)}
            print(growth.report(results["growth"]))
        else:
            results = bench(args.sheets, args.runs, not args.no_scaling, folder)
            print(report(results))
            if not args.no_growth:
                results["growth"] = growth.growth(folder / "growth", min(args.runs, 3), article)
                print(growth.report(results["growth"]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    if args.growth:
        return 0 if all(s["linear"] for s in results["growth"]["series"]) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
