"""The benchmark's growth check: is each stage linear (or n log n) in its input?

    python -m validator.bench --growth                 # only this check
    python -m validator.bench --growth --article ../shared/seed/cisce-2025.txt

Two series, each input twice the one before: article text from 64 KB to 8 MB (``validate
ARTICLE.txt``), and fact sheets of 1,000 to 16,000 claims that share a quantity. Each input is
checked by the command's own entry point in a fresh process, after a small input of the same
kind has warmed it up, and timed in CPU seconds of the check alone (start-up left out, so
small inputs are not flattered). A doubling of the input may at most double the time, with
10% for noise: a ratio over 2.2 is work that grows faster than the input. A series stops
once one input takes longer than the time limit (10 minutes; the sizes after it are reported
as not run), and a check still running after 30 minutes is stopped and reported as such.

The articles are written here, sentence by sentence, in the style of news copy (figures,
changes, shares, years), or are a given article repeated.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
from pathlib import Path

LIMIT_RATIO = 2.2
ARTICLE_SIZES = [64 * 1024 * 2**i for i in range(8)]  # 64 KB to 8 MB
CLAIM_COUNTS = [1_000 * 2**i for i in range(5)]  # 1,000 to 16,000
TIME_LIMIT = 600.0  # seconds for one input; larger inputs of the series are not run after it
GIVE_UP = 3 * TIME_LIMIT  # a check still running after this long is stopped and reported as such

# The child: warm up on a small input, then time the check of the real one (CPU seconds).
CHILD = """
import contextlib, io, sys, time
from validator.cli import main

def check(args):
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            main(args)
        except SystemExit as exit:
            return exit.code
    return 0

warm, path, *options = sys.argv[1:]
check([*options, warm])
start = time.process_time()
code = check([*options, path])
print(time.process_time() - start, code)
"""

NOUNS = ["visitors", "passengers", "students", "vehicles", "exhibitors", "patients", "homes", "members"]
PLACES = ["the port", "the city", "the region", "the airport", "the fair", "the district", "the league"]


def _sentence(rng: random.Random) -> str:
    noun, place = rng.choice(NOUNS), rng.choice(PLACES)
    before = rng.randint(120, 90_000)
    pct = rng.randint(2, 60)
    after = round(before * (100 + pct) / 100)
    year = rng.randint(2015, 2024)
    kind = rng.randrange(6)
    if kind == 0:
        return f"The number of {noun} at {place} rose to {after:,} from {before:,}, an increase of {pct} percent."
    if kind == 1:
        return f"{place.capitalize()} counted {after:,} {noun} in {year + 1}, up {pct} percent on {year}."
    if kind == 2:
        part = rng.randint(1, before)
        return f"Of the {before:,} {noun}, {part:,}, or {round(100 * part / before)} percent, came from abroad."
    if kind == 3:
        return f"Officials said {place} expects about {after:,} {noun} next year, {rng.randint(2, 4)} times as many as in {year}."
    if kind == 4:
        return f"Spending reached ${rng.randint(2, 90)}.{rng.randint(0, 9)} million, while fees fell {pct} percent."
    return f"A spokesperson for {place} described the season as busy but orderly, with no major incidents reported."


def write_article(path: Path, size: int, seed: int = 2025, repeat: str | None = None) -> Path:
    """An article of ``size`` bytes: paragraphs of generated sentences, or ``repeat`` over and over."""
    rng = random.Random(seed)
    parts, length = ["Figures for the year\n\n"], 0
    while length < size:
        if repeat is not None:
            paragraph = repeat.strip() + "\n\n"
        else:
            paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5))) + "\n\n"
        parts.append(paragraph)
        length += len(paragraph.encode("utf-8"))
    path.write_text("".join(parts), encoding="utf-8")
    return path


def write_shared_claims(path: Path, claims: int, seed: int = 2025) -> Path:
    """A fact sheet of ``claims`` claims that all share one quantity (last year's visitors),
    in three kinds: percent changes to a figure of their own, shares of it, and claims that
    each imply the same later figure from it."""
    rng = random.Random(seed)
    lines = [
        "article:",
        "  title: Claims that share a quantity",
        "  source: benchmark (generated)",
        "  published: 2025-07-20",
        "quantities:",
        '  visitors_2024: {value: "12,480", unit: visitors, period: "2024"}',
        '  visitors_2025: {unit: visitors, period: "2025"}',
        "claims:",
    ]
    for i in range(claims):
        kind = i % 3
        pct = rng.randint(1, 60)
        if kind == 0:
            later = round(12_480 * (100 + pct) / 100)
            lines.append(
                f'  - {{id: c{i}, rule: percent-change, from: visitors_2024, to: "{later:,}", change: {pct} percent}}'
            )
        elif kind == 1:
            lines.append(
                f'  - {{id: c{i}, rule: share, whole: visitors_2024, part: "{round(12_480 * pct / 100):,}", '
                f"share: {pct} percent}}"
            )
        else:
            lines.append(
                f"  - {{id: c{i}, rule: percent-change, from: visitors_2024, to: visitors_2025, change: 8 percent}}"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def time_check(warm: Path, path: Path, options: list[str], runs: int) -> tuple[float | None, int | None]:
    """CPU seconds of checking ``path`` (median of ``runs`` fresh processes) and its exit code;
    (None, None) when it did not finish within GIVE_UP seconds."""
    samples, code = [], 0
    for _ in range(runs):
        try:
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(warm), str(path), *options],
                capture_output=True,
                text=True,
                timeout=GIVE_UP,
                cwd=Path(__file__).resolve().parent.parent,
            )
        except subprocess.TimeoutExpired:
            return None, None
        seconds, code = done.stdout.split()
        samples.append(float(seconds))
        if samples[-1] > 10:  # one run of a slow input says enough
            break
    return statistics.median(samples), int(code)


def series(name: str, sizes: list[int], make, warm: Path, options: list[str], runs: int, unit: str) -> dict:
    rows: list[dict] = []
    for size in sizes:
        if rows and (rows[-1]["seconds"] is None or rows[-1]["seconds"] > TIME_LIMIT):
            rows.append({"size": size, "seconds": None, "ratio": None, "exit_code": None, "run": False})
            continue
        seconds, code = time_check(warm, make(size), options, runs)
        previous = rows[-1]["seconds"] if rows else None
        ratio = seconds / previous if previous and seconds is not None else None
        rows.append({"size": size, "seconds": seconds, "ratio": ratio, "exit_code": code, "run": True})
        # As it goes, on standard error: a long series is worth following.
        print(f"growth: {name}, {size:,} {unit}: {seconds} s (ratio {ratio})", file=sys.stderr, flush=True)
    ratios = [r["ratio"] for r in rows if r["ratio"] is not None]
    complete = all(r["seconds"] is not None for r in rows)
    return {
        "name": name,
        "unit": unit,
        "rows": rows,
        "worst_ratio": max(ratios) if ratios else None,
        "linear": complete and all(r <= LIMIT_RATIO for r in ratios),
    }


def growth(folder: Path, runs: int = 3, article: str | None = None) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    warm_article = write_article(folder / "warm.txt", 2_000, repeat=article)
    warm_sheet = write_shared_claims(folder / "warm.yaml", 20)
    articles = series(
        "article text" + (" (a given article, repeated)" if article else ""),
        ARTICLE_SIZES,
        lambda size: write_article(folder / f"article-{size}.txt", size, repeat=article),
        warm_article,
        ["--format", "json", "--jobs", "1", "--published", "2025-07-20"],
        runs,
        "bytes",
    )
    claims = series(
        "claims sharing a quantity",
        CLAIM_COUNTS,
        lambda n: write_shared_claims(folder / f"shared-{n}.yaml", n),
        warm_sheet,
        ["--format", "json", "--jobs", "1"],
        runs,
        "claims",
    )
    return {"limit_ratio": LIMIT_RATIO, "time_limit": TIME_LIMIT, "give_up": GIVE_UP, "series": [articles, claims]}


def report(results: dict) -> str:
    lines = [f"growth: each input twice the one before; at most {results['limit_ratio']}x the time (CPU, check only)"]
    for s in results["series"]:
        lines.append(f"  {s['name']}:")
        for row in s["rows"]:
            size = f"{row['size'] / 1024:,.0f} KB" if s["unit"] == "bytes" else f"{row['size']:,} claims"
            if not row["run"]:
                lines.append(f"    {size:>14}   not run: the one before took over {results['time_limit']:.0f} s")
                continue
            if row["seconds"] is None:
                lines.append(f"    {size:>14}   stopped: not finished after {results['give_up']:.0f} s")
                continue
            ratio = (
                ""
                if row["ratio"] is None
                else f"   {row['ratio']:5.2f}x" + (" over" if row["ratio"] > results["limit_ratio"] else "")
            )
            lines.append(f"    {size:>14}   {row['seconds']:9.3f} s{ratio}   (exit {row['exit_code']})")
        verdict = "linear" if s["linear"] else "NOT linear"
        worst = f"{s['worst_ratio']:.2f}x" if s["worst_ratio"] is not None else "-"
        lines.append(f"    worst doubling {worst}: {verdict}")
    return "\n".join(lines)
