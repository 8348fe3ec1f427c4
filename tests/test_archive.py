"""``validate archive`` on a LocalCluster of two workers: the rows are validate's, nothing is lost.

Small fixtures keep this fast: a cluster starts in about two seconds and is shared by the tests
that do not kill its workers.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
from pathlib import Path

import cloudpickle
import pytest
from distributed import Client, LocalCluster, WorkerPlugin

from tests.conftest import ROOT, SHARED
from validator import config as configuration
from validator.archive import driver
from validator.archive.table import Output
from validator.cli import main
from validator.extract import check_article

# The plugins below are sent to the workers by value: the workers cannot import this module.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

ARTICLES = SHARED / "corpus" / "articles-dev.jsonl"
SEED = SHARED / "seed" / "cisce-2025.txt"
PUBLISHED = "2025-07-20"


def _cluster(**config) -> LocalCluster:
    import dask

    with dask.config.set(config):
        return LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")


@pytest.fixture(scope="module")
def cluster():
    with _cluster() as running:
        yield running


@pytest.fixture
def here(monkeypatch):
    """Run from the project's root, as validate's names (relative paths) and configuration assume."""
    monkeypatch.chdir(ROOT)
    return ROOT


def sheets_and_articles(tmp_path: Path) -> list[str]:
    """Every fixture (the broken ones named outright), an article, a corrupt file and a missing one."""
    corrupt = tmp_path / "corrupt.yaml"
    corrupt.write_bytes(b"article:\n  title: \xff\xfe broken\n")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    return [
        "fixtures/article.yaml",
        "fixtures/cisce-2024.yaml",
        *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "fixtures" / "broken").glob("*.yaml")),
        str(SEED),
        str(corrupt),
        str(binary),
        str(tmp_path / "missing.yaml"),
    ]


def validate_json(paths: list[str], capsys) -> tuple[dict, int]:
    with pytest.raises(SystemExit) as exit_:
        main(["--format", "json", "--published", PUBLISHED, "--jobs", "1", *paths])
    return json.loads(capsys.readouterr().out), exit_.value.code


def rows(out: Path) -> tuple[list[dict], list[dict]]:
    """The file rows and finding rows of an output, sorted, without what differs run to run."""
    output = Output(str(out))
    files = output.read("files").drop_columns(["seconds", "run"]).to_pylist()
    findings = output.read("findings").drop_columns(["run"]).to_pylist()
    for f in findings:
        f["implied"], f["data"] = json.loads(f["implied"]), json.loads(f["data"])
    return sorted(files, key=lambda r: r["key"]), sorted(findings, key=_finding_order)


def _finding_order(f: dict):
    return (f["file"], f["line"], f["column"], f["code"], f["message"])


def as_json(finding: dict) -> dict:
    """A finding row as validate --format json writes the finding."""
    return {k: v for k, v in finding.items() if k not in ("source", "source_line", "key")}


def archive(paths, out, scheduler, **options):
    config = options.pop("config", None) or configuration.load(None)
    return driver.archive(paths, str(out), config, scheduler=scheduler, **options)


def test_rows_equal_validate_json_on_the_same_files(cluster, here, tmp_path, capsys):
    paths = sheets_and_articles(tmp_path)
    expected, code = validate_json(paths, capsys)
    import datetime as dt

    outcome = archive(paths, tmp_path / "out", cluster.scheduler_address, published=dt.date(2025, 7, 20))
    files, findings = rows(tmp_path / "out")

    assert [as_json(f) for f in findings] == sorted(
        (f for entry in expected["files"] for f in entry["findings"]), key=_finding_order
    )
    assert sorted((r["file"], r["claims"], r["findings"]) for r in files) == sorted(
        (e["file"], e["claims"], len(e["findings"])) for e in expected["files"]
    )
    # Counts in equal counts out: one row a file, the unreadable ones with their input errors.
    assert outcome.files == outcome.checked == len(files) == len(paths) == 14
    by_key = {r["key"]: r for r in files}
    assert by_key[str(tmp_path / "missing.yaml")]["input_error"] == "no such file"
    assert by_key[str(tmp_path / "binary.yaml")]["input_error_code"] == "IN05"
    assert by_key[str(tmp_path / "corrupt.yaml")]["input_error"].startswith("not UTF-8 text: byte 0xff")
    assert by_key[str(tmp_path / "corrupt.yaml")]["hash"] is None
    article = by_key[str(ROOT / "fixtures" / "article.yaml")]
    assert (article["file"], article["claims"], article["ambiguous"], article["hash"] is None) == (
        "fixtures/article.yaml",
        13,
        1,
        False,
    )
    summary = expected["summary"]
    assert (outcome.summary.files, outcome.summary.claims) == (summary["files"], summary["claims"])
    assert {k.value: n for k, n in outcome.summary.verdicts.items()} == summary["verdicts"]
    assert outcome.summary.input_errors == summary["input_errors"] == 3
    assert outcome.summary.exit_code() == code == 2


def write_corpus(folder: Path, articles: list[dict]) -> tuple[Path, list[bytes]]:
    """A corpus of the given articles and of lines that are not articles, as archives have them."""
    lines = [json.dumps(a).encode() for a in articles[:3]]
    lines += [
        b"",  # blank: no article
        b"{not json",
        b'{"id": "no-text", "body": "the text is elsewhere"}',
        json.dumps({"id": "bad-date", "text": "Sales rose 10 percent.", "published": "last spring"}).encode(),
        b"[1, 2]",
        json.dumps({"text": "Exports rose 12 percent to 224 from 200."}).encode(),  # no id
        json.dumps({"id": "huge", "text": "x" * 8000}).encode(),  # past the limit of the test's configuration
        *(json.dumps(a).encode() for a in articles[3:]),
    ]
    corpus = folder / "corpus.jsonl"
    corpus.write_bytes(b"\n".join(lines) + b"\n")
    return corpus, lines


def test_a_corpus_in_blocks_gives_each_line_its_row(cluster, here, tmp_path):
    articles = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()[:5]]
    corpus, lines = write_corpus(tmp_path, articles)
    (tmp_path / "validator.toml").write_text("max-file-bytes = 7000\n")
    config = configuration.load(tmp_path / "validator.toml")
    gz = tmp_path / "again.jsonl.gz"
    gz.write_bytes(gzip.compress(corpus.read_bytes()))
    # Blocks of 700 bytes cut most lines in the middle: each line still has one row, with its number.
    outcome = archive([str(corpus), str(gz)], tmp_path / "out", cluster.scheduler_address, config=config,
                      block_bytes=700)  # fmt: skip
    files, findings = rows(tmp_path / "out")

    assert outcome.files == len(files) == 2 * 11
    plain = {r["source_line"]: r for r in files if r["source"] == os.path.relpath(corpus)}
    assert sorted(plain) == [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12]  # line 4 is blank
    errors = {n: (plain[n]["file"], plain[n]["input_error_code"], plain[n]["input_error"]) for n in (5, 6, 7, 8, 10)}
    name = plain[5]["source"]
    assert errors == {
        5: (f"{name}:5", "IN05", "not JSON: Expecting property name enclosed in double quotes at column 2"),
        6: (f"{name}:6", "IN05", "the line has no 'text' field (--text-field names another)"),
        7: ("bad-date", "IN04", "'published' is \"last spring\", not a date (YYYY-MM-DD); --published-field '' leaves it unread"),
        8: (f"{name}:8", "IN05", "a line of a corpus is a JSON object with a 'text' field"),
        10: (f"{name}:10", "IN06", "the line is more than 7,000 bytes, the limit (set max-file-bytes to raise it)"),
    }  # fmt: skip
    assert plain[9]["file"] == f"{name}:9" and plain[9]["claims"] == 1 and plain[9]["consistent"] == 1

    # Every article's findings are check_article's, the id as its name and its own publication date.
    import datetime as dt

    expected = []
    for a in articles:
        report = check_article(
            a["text"], a["id"], config, dt.date.fromisoformat(a["published"]) if a["published"] else None
        )
        expected += [f.to_dict() for f in report.findings]
    expected += [
        f.to_dict() for f in check_article("Exports rose 12 percent to 224 from 200.", f"{name}:9", config).findings
    ]
    mine = [as_json(f) for f in findings if f["source"] == name and f["code"][:2] != "IN"]
    assert mine == sorted(expected, key=_finding_order)

    # The compressed copy, read whole by one task, gives the same rows.
    def same(r):
        return {**r, "file": r["file"].replace(os.path.relpath(gz), name), "source": name, "key": None}

    again = sorted((same(r) for r in files if r["source"] != name), key=lambda r: r["source_line"])
    assert again == sorted((same(r) for r in files if r["source"] == name), key=lambda r: r["source_line"])


class KillOnce(WorkerPlugin):
    """Kills the worker as it starts its first check, once in the whole cluster (a marker file says so)."""

    def __init__(self, marker: str):
        self.marker = marker

    def transition(self, key, start, finish, **kwargs):
        name = key[0] if isinstance(key, tuple) else key
        if finish == "executing" and str(name).startswith("run_task") and not os.path.exists(self.marker):
            Path(self.marker).write_text(str(os.getpid()))
            os._exit(1)


class KillAlways(WorkerPlugin):
    """Kills every worker that starts a check: every file then needs the last resort."""

    def transition(self, key, start, finish, **kwargs):
        name = key[0] if isinstance(key, tuple) else key
        if finish == "executing" and str(name).startswith("run_task"):
            os._exit(1)


def test_a_killed_worker_loses_nothing(here, tmp_path, capsys):
    paths = sheets_and_articles(tmp_path)[:8]
    expected, _ = validate_json(paths, capsys)
    marker = tmp_path / "killed"
    import datetime as dt

    with _cluster() as dying, Client(dying) as client:
        client.register_plugin(KillOnce(str(marker)))
        outcome = archive(paths, tmp_path / "out", dying.scheduler_address, published=dt.date(2025, 7, 20),
                          files_per_task=4)  # fmt: skip
    assert marker.exists()  # a worker died in the middle of a check
    files, findings = rows(tmp_path / "out")
    assert (outcome.files, outcome.checked, outcome.lost, len(files)) == (8, 8, 0, 8)
    assert [as_json(f) for f in findings] == sorted(
        (f for entry in expected["files"] for f in entry["findings"]), key=_finding_order
    )


def test_files_no_worker_survives_are_rows_with_an_internal_error(here, tmp_path):
    articles = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()[:2]]
    corpus = tmp_path / "two.jsonl"
    corpus.write_text("\n".join(json.dumps(a) for a in articles) + "\n")
    paths = ["fixtures/article.yaml", "fixtures/cisce-2024.yaml", str(corpus)]
    with _cluster(**{"distributed.scheduler.allowed-failures": 0}) as dying, Client(dying) as client:
        client.register_plugin(KillAlways())
        outcome = archive(paths, tmp_path / "out", dying.scheduler_address, files_per_task=2)
    files, findings = rows(tmp_path / "out")
    assert (outcome.files, outcome.checked, outcome.lost) == (4, 0, 4)
    name = os.path.relpath(corpus)
    assert sorted((r["file"], r["input_error_code"]) for r in files) == sorted([
        ("fixtures/article.yaml", "IN99"), ("fixtures/cisce-2024.yaml", "IN99"), (f"{name}:1", "IN99"), (f"{name}:2", "IN99"),
    ])  # fmt: skip
    assert all("every worker that checked it failed (KilledWorker" in f["message"] for f in findings)
    assert outcome.summary.exit_code() == 2


def test_resume_checks_nothing_already_written(cluster, here, tmp_path):
    folder = tmp_path / "sheets"
    shutil.copytree(ROOT / "fixtures" / "broken", folder)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(ARTICLES.read_text(encoding="utf-8").splitlines()[:4]) + "\n")
    paths, out = [str(folder), str(corpus)], tmp_path / "out"
    first = archive(paths, out, cluster.scheduler_address, files_per_task=2, block_bytes=4000)
    parts = sorted(p.name for p in out.rglob("*.parquet"))

    again = archive(paths, out, cluster.scheduler_address, resume=True, files_per_task=2)
    assert (first.checked, again.checked, again.skipped) == (12, 0, 12)
    assert sorted(p.name for p in out.rglob("*.parquet")) == parts  # nothing written
    assert again.summary == first.summary

    # A run stopped halfway: one task's rows were never committed (its findings part is left
    # alone without its files part); meanwhile one sheet changed.
    stopped = sorted((out / "files").iterdir())[1]
    stopped_keys = Output(str(out)).read("files", ["key"], part=stopped.name).column("key").to_pylist()
    stopped.unlink()
    changed = folder / "signups-from-70.yaml"
    changed.write_text(changed.read_text() + "\n# edited\n")
    assert str(changed) not in stopped_keys
    resumed = archive(paths, out, cluster.scheduler_address, resume=True, files_per_task=2)
    assert (resumed.checked, resumed.skipped, resumed.compacted) == (len(stopped_keys) + 1, 11 - len(stopped_keys), 1)

    fresh = archive(paths, tmp_path / "fresh", cluster.scheduler_address)
    assert rows(out) == rows(tmp_path / "fresh")
    assert resumed.summary == fresh.summary


def run_cli(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    captured = capsys.readouterr()
    return exit_.value.code, captured.out, captured.err


def test_the_command_prints_validates_summary_and_refuses_to_overwrite(cluster, here, tmp_path, capsys):
    listing = tmp_path / "list.txt"
    listing.write_text("fixtures/cisce-*.yaml\n\nfixtures/broken/share-of-28.yaml\n")
    out = tmp_path / "out"
    args = ["archive", "fixtures/article.yaml", "--files-from", str(listing), "--published", PUBLISHED,
            "--scheduler", cluster.scheduler_address, "-o", str(out)]  # fmt: skip
    code, stdout, stderr = run_cli(args, capsys)
    expected_code, expected, _ = run_cli(
        [
            "--published",
            PUBLISHED,
            "fixtures/article.yaml",
            "fixtures/cisce-2024.yaml",
            "fixtures/broken/share-of-28.yaml",
        ],
        capsys,
    )
    assert (code, stdout) == (expected_code, expected.splitlines()[-1] + "\n") == (1, stdout)
    assert stderr.splitlines()[0].startswith("dashboard: http://")
    assert stderr.splitlines()[-1] == f"3 files in this run: 3 checked; rows in {out}"

    code, _, stderr = run_cli(args, capsys)
    assert (code, stderr) == (
        2,
        f"validate archive: error: --output {out} already holds the rows of a run: "
        "--resume to continue it, --force to replace it\n",
    )
    code, _, stderr = run_cli([*args, "--resume", "--force"], capsys)
    assert code == 2 and "give one of them" in stderr
    code, stdout, stderr = run_cli([*args, "--force"], capsys)
    assert code == 1 and stdout == expected.splitlines()[-1] + "\n"
    assert len(list((out / "files").iterdir())) == 3  # the earlier run's parts replaced, not added to


def test_a_folder_with_nothing_to_check_is_an_input_error_row(cluster, here, tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, stdout, _ = run_cli(
        ["archive", str(tmp_path / "empty"), "--scheduler", cluster.scheduler_address, "-o", str(tmp_path / "out")],
        capsys,
    )
    assert (
        code == 2
        and stdout
        == "0 claims in 1 file: 0 inconsistent, 0 doubtful, 0 ambiguous, 0 unverifiable, 0 consistent; 1 input error in 1 file\n"
    )
    files, _ = rows(tmp_path / "out")
    assert files[0]["input_error"] == (
        "nothing to check here: the folder holds no fact sheet (*.yaml, *.yml), article (*.txt, *.md, *.html) "
        "or corpus (*.jsonl)"
    )


def test_without_the_extra_the_command_says_how_to_install_it(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if dask were not installed
    code, _, stderr = run_cli(["archive", "fixtures/", "-o", "out"], capsys)
    assert (code, stderr) == (2, "validate archive: error: validate archive needs the dask extra: "
                              "pip install 'news-validator[dask]'\n")  # fmt: skip


def test_the_readme_command_runs_on_a_local_cluster(tmp_path):
    """The README's example as a user runs it: no --scheduler, so a local cluster sized to the machine."""
    import re
    import subprocess

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(c for c in re.findall(r"```sh\n(.*?)```", readme, re.S) if "validate archive" in c)
    archive_step = command.strip().split(" && ")[-1]
    assert archive_step.endswith(" -o out/")
    args = archive_step.split()[2:-1]  # after '.venv/bin/validate archive', without 'out/'
    done = subprocess.run(
        [sys.executable, "-m", "validator", "archive", *args, str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr  # the corpus has inconsistent claims
    assert re.match(r"dashboard: http://\S+/status\n", done.stderr)
    files, findings = rows(tmp_path / "out")
    assert len(files) == 2 + 40  # fixtures/ (without fixtures/broken, excluded) and the corpus's 40 articles
    assert done.stdout == f"{sum(r['claims'] for r in files)} claims in 42 files: " + done.stdout.split(": ", 1)[1]
    assert {f["file"] for f in findings} >= {"fixtures/article.yaml", "dev-a01"}
