"""--jobs gives the same report in the same order; the benchmark runs (its figures are not asserted)."""

import json

from tests.conftest import run_cli
from validator.bench import main as bench_main
from validator.bench import scaling_run, write_corpus


def test_jobs_report_is_identical_and_in_order(tmp_path):
    write_corpus(tmp_path / "corpus", 40, claims=12, seed=7)
    one = run_cli("--format", "json", "--jobs", "1", str(tmp_path / "corpus"))
    two = run_cli("--format", "json", "--jobs", "2", str(tmp_path / "corpus"))
    assert one.returncode == two.returncode
    assert one.stdout == two.stdout
    files = [e["file"] for e in json.loads(one.stdout)["files"]]
    assert files == sorted(files) and len(files) == 40


def test_generated_corpus_has_true_arithmetic_and_about_one_broken_sheet_in_ten(tmp_path):
    paths = write_corpus(tmp_path / "c", 60, claims=24, seed=3)
    result = json.loads(run_cli("--format", "json", str(tmp_path / "c")).stdout)
    broken = {e["file"] for e in result["files"] if any(f["verdict"] == "inconsistent" for f in e["findings"])}
    assert result["summary"]["input_errors"] == 0
    assert result["summary"]["claims"] == 60 * 24
    assert 1 <= len(broken) <= 15
    codes = {f["code"] for e in result["files"] for f in e["findings"]}
    assert {"CH01", "CH02", "MU01", "PP01", "SH01", "SH02", "SU01", "SU02", "RT01", "RT02", "RT03", "UN01"} <= codes
    assert len(paths) == 60
    # Only the deliberately broken percent changes fail.
    failing = {f["code"] for e in result["files"] for f in e["findings"] if f["verdict"] == "inconsistent"}
    assert failing == {"CH01"}


def test_benchmark_runs_and_writes_its_figures(tmp_path, capsys):
    out = tmp_path / "bench.json"
    assert bench_main(["--sheets", "6", "--runs", "1", "--no-scaling", "--json", str(out), "--keep", str(tmp_path)]) == 0
    figures = json.loads(out.read_text())
    assert figures["corpus"]["sheets"] == 6 and figures["corpus"]["claims"] == 300
    assert set(figures["corpus"]["ratios"]) >= {"jobs_1_to_floor", "jobs_2_to_floor"}
    assert figures["cold_start"]["validate_article"]["exit_codes"] == [0]
    assert list(figures["stages"]) == ["floor", "compose", "data", "schema", "check"]
    floor = figures["stages"]["floor"]["seconds"]
    assert all(s["ratio_to_floor"] == s["seconds"] / floor for s in figures["stages"].values())
    out = capsys.readouterr().out
    assert "(a) floor, libyaml parse only" in out and "+ binding, arithmetic, findings" in out


def test_scaling_times_the_big_corpus_against_the_small_one_run_just_before_it(tmp_path):
    small = write_corpus(tmp_path / "small", 2, claims=12, seed=5)[0].parent
    big = write_corpus(tmp_path / "big", 4, claims=12, seed=5)[0].parent
    figures = scaling_run(small, big, 4, runs=1)
    assert figures["sheets"] == 4
    assert figures["ratio_to_small"] == figures["jobs_1"]["seconds"] / figures["small_seconds"]
    assert figures["jobs_1"]["exit_codes"] == [0]
    assert figures["jobs_1"]["cpu_seconds"] > 0 and figures["cpu_ratio_to_small"] > 0


def test_a_batch_run_tunes_the_collector_and_restores_it(tmp_path):
    import gc

    from validator.config import Config
    from validator.parallel import BATCH_GC_THRESHOLD
    from validator.run import check_all

    paths = write_corpus(tmp_path / "c", 2, claims=12, seed=5)
    before = gc.get_threshold()
    seen = []
    for report in check_all(paths, Config(), jobs=1):
        seen.append((gc.get_threshold(), gc.get_freeze_count() > 0, report.claims))
    assert seen == [(BATCH_GC_THRESHOLD, True, 12), (BATCH_GC_THRESHOLD, True, 12)]
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
