"""The validator never writes to its inputs; a report file (-o) is written atomically and never
replaces a file unless asked (--force)."""

from __future__ import annotations

import hashlib
import os
import shutil

from tests.conftest import ROOT, run_cli
from tests.hostile.conftest import write


def fingerprint(folder):
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns, p.stat().st_mode)
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def copied(tmp_path):
    for name in ("article.yaml", "cisce-2024.yaml"):
        shutil.copy(ROOT / "fixtures" / name, tmp_path / name)
    return tmp_path / "article.yaml"


def test_inputs_are_never_written(tmp_path):
    article = copied(tmp_path)
    write(tmp_path, "bad.yaml", "quantities:\n  a: 1\n  a: 2\n")
    write(tmp_path, "binary.yaml", b"\x00\x01")
    before = fingerprint(tmp_path)
    for fmt in ("text", "json", "github", "sarif", "junit"):
        result = run_cli("--format", fmt, str(tmp_path))
        assert result.returncode == 2 and result.stderr == ""
    result = run_cli("--format", "json", "-o", str(tmp_path / "out" / "r.json"), str(article))
    assert fingerprint(tmp_path) == before


def test_a_report_file_is_written_whole_and_never_replaced_unasked(tmp_path):
    article = copied(tmp_path)
    report = tmp_path / "report.json"
    report.write_text("precious", encoding="utf-8")
    result = run_cli("--format", "json", "-o", str(report), str(article))
    assert result.returncode == 2
    assert f"Error: {report} already exists; use --force to replace it" in result.stderr
    assert report.read_text(encoding="utf-8") == "precious"
    result = run_cli("--format", "json", "-o", str(report), "--force", str(article))
    assert result.returncode == 0 and report.read_text(encoding="utf-8").startswith('{"tool": "validate"')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.yaml", "cisce-2024.yaml", "report.json"]


def test_the_output_cannot_be_an_input_even_with_force(tmp_path):
    article = copied(tmp_path)
    before = fingerprint(tmp_path)
    result = run_cli("-o", str(article), "--force", str(article))
    assert result.returncode == 2 and f"--output {article} is one of the inputs" in result.stderr
    link = tmp_path / "report.txt"
    os.symlink(article, link)
    result = run_cli("-o", str(link), "--force", str(article))
    assert result.returncode == 2 and "is one of the inputs" in result.stderr
    link.unlink()
    assert fingerprint(tmp_path) == before


def test_the_output_cannot_be_a_sheet_the_inputs_refer_to(tmp_path):
    # article.yaml takes last year's figures from cisce-2024.yaml (same_as): an input too.
    # 'validate article.yaml -o cisce-2024.yaml --force' replaced it with the report.
    article = copied(tmp_path)
    before = fingerprint(tmp_path)
    result = run_cli("-o", str(tmp_path / "cisce-2024.yaml"), "--force", str(article))
    assert result.returncode == 2
    assert "is a fact sheet the inputs refer to (same_as); it would be overwritten" in result.stderr
    assert fingerprint(tmp_path) == before  # and no temporary file is left behind


def test_an_output_folder_that_does_not_exist(tmp_path):
    article = copied(tmp_path)
    result = run_cli("-o", str(tmp_path / "no" / "such" / "r.txt"), str(article))
    assert result.returncode == 2 and "cannot write beside" in result.stderr
    assert "Traceback" not in result.stderr
