"""Benchmark of ``validate archive``: one Dask worker against two, and against ``validate --jobs 2``.

    python -m validator.archive.bench                      # 10,000 fact sheets, 3 runs
    python -m validator.archive.bench --files 2000 --runs 1 --json archive-bench.json

The corpus is :mod:`validator.bench`'s (generated fact sheets, every rule family, about one in
ten with a broken number). Each command runs in a fresh process, from start-up (the local
cluster's included) to the last row written, and the three are run in turn within each run,
so that a shared machine's drift reaches them alike; the figures are medians over the runs.
Targets: two workers at least 1.7 times as fast as one; two workers at most 1.3 times the time
of ``validate --jobs 2`` on the same machine (the price of distribution stays small).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

from validator.bench import run, write_corpus

VALIDATE = [sys.executable, "-m", "validator"]


def commands(corpus: Path, out: Path) -> dict[str, list[str]]:
    archive = [*VALIDATE, "archive", str(corpus)]
    return {
        "jobs_2": [*VALIDATE, "--jobs", "2", "--format", "json", str(corpus)],
        "dask_1": [*archive, "--workers", "1", "-o", str(out / "one")],
        "dask_2": [*archive, "--workers", "2", "-o", str(out / "two")],
    }


def bench(files: int, claims: int, runs: int, folder: Path) -> dict:
    corpus = folder / f"corpus-{files}"
    write_corpus(corpus, files, claims)
    run(commands(corpus, folder)["jobs_2"])  # warms the file system cache and the bytecode; not counted
    samples: dict[str, list[tuple]] = {}
    for k in range(runs):
        for name, command in commands(corpus, folder / f"out-{k}").items():
            sample = run(command)
            if sample[3] not in (0, 1):  # 1: the corpus has broken numbers, as meant
                raise SystemExit(f"{' '.join(command)} exited {sample[3]}")
            samples.setdefault(name, []).append(sample)
    seconds = {name: statistics.median(s[0] for s in runs_) for name, runs_ in samples.items()}
    return {
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "files": files,
        "claims_per_file": claims,
        "runs": runs,
        "seconds": seconds,
        "all_seconds": {name: [s[0] for s in runs_] for name, runs_ in samples.items()},
        "files_per_second": {name: files / s for name, s in seconds.items()},
        "two_workers_speed_up": seconds["dask_1"] / seconds["dask_2"],
        "two_workers_to_jobs_2": seconds["dask_2"] / seconds["jobs_2"],
    }


def report(results: dict) -> str:
    s, fps = results["seconds"], results["files_per_second"]
    lines = [
        f"{results['files']:,} fact sheets of {results['claims_per_file']} claims, {results['cpus']} cores "
        f"(median of {results['runs']} runs, each command in a fresh process)",
        f"  validate --jobs 2                  {s['jobs_2']:8.2f} s   {fps['jobs_2']:7.1f} files/s",
        f"  validate archive, 1 worker         {s['dask_1']:8.2f} s   {fps['dask_1']:7.1f} files/s",
        f"  validate archive, 2 workers        {s['dask_2']:8.2f} s   {fps['dask_2']:7.1f} files/s",
        f"  2 workers / 1 worker: {results['two_workers_speed_up']:.2f}x as fast (target: at least 1.7x)",
        f"  2 workers against --jobs 2: {results['two_workers_to_jobs_2']:.2f}x its time (target: at most 1.3x)",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m validator.archive.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=50, help="claims a fact sheet (validator.bench's sheets have 50)")
    parser.add_argument("--runs", type=int, default=3, help="counted runs of each command; the median is reported")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        results = bench(args.files, args.claims, args.runs, Path(tmp))
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
