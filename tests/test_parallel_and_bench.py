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
    argv = ["--sheets", "6", "--runs", "1", "--no-scaling", "--no-growth", "--json", str(out), "--keep", str(tmp_path)]
    assert bench_main(argv) == 0
    figures = json.loads(out.read_text())
    assert figures["corpus"]["sheets"] == 6 and figures["corpus"]["claims"] == 300
    assert set(figures["corpus"]["ratios"]) >= {"jobs_1_to_floor", "jobs_2_to_floor"}
    assert figures["cold_start"]["validate_article"]["exit_codes"] == [0]
    assert list(figures["stages"]) == ["floor", "compose", "data", "schema", "check"]
    floor = figures["stages"]["floor"]["seconds"]
    assert all(s["ratio_to_floor"] == s["seconds"] / floor for s in figures["stages"].values())
    out = capsys.readouterr().out
    assert "(a) floor, libyaml parse only" in out and "+ binding, arithmetic, findings" in out


def test_the_growth_check_times_each_doubling(tmp_path, monkeypatch, capsys):
    # Small sizes: what is checked is the harness (its ratios, verdicts and exit code), never a time.
    from validator import growth

    monkeypatch.setattr(growth, "ARTICLE_SIZES", [2_000, 4_000])
    monkeypatch.setattr(growth, "CLAIM_COUNTS", [30, 60])
    out = tmp_path / "growth.json"
    code = bench_main(["--growth", "--runs", "1", "--json", str(out), "--keep", str(tmp_path)])
    figures = json.loads(out.read_text())["growth"]
    articles, claims = figures["series"]
    assert [r["size"] for r in articles["rows"]] == [2_000, 4_000] and [r["size"] for r in claims["rows"]] == [30, 60]
    for series in (articles, claims):
        first, second = series["rows"]
        assert first["ratio"] is None and second["ratio"] == second["seconds"] / first["seconds"]
        assert series["linear"] == (second["ratio"] <= growth.LIMIT_RATIO)
        assert {first["exit_code"], second["exit_code"]} <= {0, 1}
    assert code == (0 if articles["linear"] and claims["linear"] else 1)
    shown = capsys.readouterr().out
    assert "claims sharing a quantity:" in shown and "60 claims" in shown and "worst doubling" in shown
    assert (tmp_path / "growth" / "shared-60.yaml").read_text().count("rule: ") == 60
    assert 4_000 <= (tmp_path / "growth" / "article-4000.txt").stat().st_size < 4_800


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
