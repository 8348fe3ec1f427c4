"""The validator never writes to its inputs; a report file (-o) is written atomically and never
replaces a file unless asked (--force)."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.hostile.conftest import sheet, write


def fingerprint(folder):
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns, p.stat().st_mode)
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def copied(tmp_path):
    """The reference fact sheets in tmp_path, without the article's text (outside tmp_path, it
    is outside the folders the copy may read from)."""
    shutil.copy(ROOT / "fixtures" / "cisce-2024.yaml", tmp_path / "cisce-2024.yaml")
    text = (ROOT / "fixtures" / "article.yaml").read_text(encoding="utf-8")
    article = tmp_path / "article.yaml"
    article.write_text("".join(line for line in text.splitlines(True) if not line.startswith("  text: ")), "utf-8")
    return article


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


# --------------------------------------------------------------------------- what -o may be

REFUSAL = (
    "; --output writes only to a regular file or a new path (leave -o out, or give '-o -', to write to standard output)"
)


def test_a_device_is_never_replaced_even_with_force(tmp_path):
    # As root, '-o /dev/null --force' renamed the report over /dev/null: the device became a file.
    # A device node of our own (the same device, 1:3) shows it without harm.
    if os.geteuid() != 0:
        reason = "making a device node needs root (mknod); run the suite as root to cover this case"
        print(f"\nSKIPPED: {reason}")
        pytest.skip(reason)
    article = copied(tmp_path)
    device = tmp_path / "fakenull"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    for force in ((), ("--force",)):
        result = run_cli("-o", str(device), *force, str(article))
        assert result.returncode == 2
        assert result.stderr.endswith(f"Error: {device} is a device{REFUSAL}\n")
        assert stat.S_ISCHR(device.lstat().st_mode) and device.lstat().st_rdev == os.makedev(1, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.yaml", "cisce-2024.yaml", "fakenull"]


def test_a_fifo_a_socket_or_a_link_to_a_device_is_refused_even_with_force(tmp_path):
    article = copied(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock"))
    link = tmp_path / "null-link"
    os.symlink("/dev/null", link)
    try:
        for target, kind in ((fifo, "a FIFO (named pipe)"), (tmp_path / "sock", "a socket"), (link, "a device")):
            for force in ((), ("--force",)):
                result = run_cli("-o", str(target), *force, str(article))
                assert result.returncode == 2, result
                assert result.stderr.endswith(f"Error: {target} is {kind}{REFUSAL}\n")
    finally:
        server.close()
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and stat.S_ISSOCK((tmp_path / "sock").lstat().st_mode)
    assert os.readlink(link) == "/dev/null" and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "article.yaml",
        "cisce-2024.yaml",
        "null-link",
        "pipe",
        "sock",
    ]


def test_a_directory_is_refused_even_with_force(tmp_path):
    article = copied(tmp_path)
    for force in ((), ("--force",)):
        result = run_cli("-o", str(tmp_path), *force, str(article))
        assert result.returncode == 2
        assert result.stderr.endswith(
            f"Error: Invalid value for '-o' / '--output': File '{tmp_path}' is a directory.\n"
        )


def test_a_dash_writes_to_standard_output(tmp_path):
    article = copied(tmp_path)
    result = run_cli("--format", "json", "-o", "-", str(article))
    assert result.returncode == 0 and result.stdout.startswith('{"tool": "validate"')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.yaml", "cisce-2024.yaml"]


# ------------------------------------------------------------------- a run that does not finish


def slow_sheet(tmp_path) -> Path:
    """A fact sheet of 25,000 quantities: a few seconds to check, time enough to act while it runs."""
    lines = [sheet("quantities:\n")]
    lines += [f'  q{i}:\n    value: "{i:,}"\n    unit: visitors\n' for i in range(25_000)]
    return write(tmp_path, "slow.yaml", "".join(lines))


def start_writing(tmp_path, output, *extra):
    """Start a check that writes ``output`` and return it once its temporary file exists."""
    process = subprocess.Popen(
        [sys.executable, "-m", "validator", "--format", "json", "-o", str(output), *extra, str(slow_sheet(tmp_path))],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(f".{output.name}.*.tmp")):
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.01)
    return process


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
def test_a_killed_run_leaves_no_temporary_file(tmp_path, signum):
    output = tmp_path / "term.json"
    process = start_writing(tmp_path, output)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert "Traceback" not in stderr
    if signum == signal.SIGINT:
        assert process.returncode == 1 and stderr == "\nAborted!\n"  # click's answer to Ctrl-C
    else:
        assert process.returncode == -signum  # it ends as the signal ends it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slow.yaml"]


def test_a_report_that_appears_meanwhile_is_not_replaced(tmp_path):
    # Two runs writing one new path: both found it free at the start; the later one used to
    # replace the earlier's report at the end. Now its last step fails, and says so.
    output = tmp_path / "report.json"
    process = start_writing(tmp_path, output)
    output.write_text("the other run's report", encoding="utf-8")
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 2 and stdout == ""
    assert stderr == (
        f"validate: error: {output} appeared while the report was being written (another run?); "
        "it was left as it is: use --force to replace it\n"
    )
    assert output.read_text(encoding="utf-8") == "the other run's report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "slow.yaml"]


def test_with_force_a_report_that_appears_meanwhile_is_replaced(tmp_path):
    output = tmp_path / "report.json"
    process = start_writing(tmp_path, output, "--force")
    output.write_text("the other run's report", encoding="utf-8")
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 0 and stderr == ""
    assert output.read_text(encoding="utf-8").startswith('{"tool": "validate"')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "slow.yaml"]


# ------------------------------------------------------------------------ an output that is full


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "args",
    [
        ["fixtures/article.yaml"],
        ["--format", "json", "fixtures/article.yaml"],
        ["--format", "github", "fixtures"],
        ["--list-rules"],
    ],
    ids=" ".join,
)
def test_standard_output_on_a_full_disk(args):
    # '> /dev/full' was an ENOSPC traceback and exit 1, the code of an inconsistent claim.
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "validator", *args],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert result.returncode == 2
    assert result.stderr == "validate: error: cannot write the output: No space left on device\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_a_draft_to_a_full_disk():
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "validator", "extract", "../shared/seed/cisce-2025.txt"],
            cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
        )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == "validate extract: error: cannot write the output: No space left on device\n"
