"""Files no fact sheet should reach, and files that never end: every file the tool reads (fact
sheets, referenced sheets, article texts, configurations) is a regular file within the size
limit, and a sheet reads other files only inside the folders it may read from.

The command runs in a temporary folder (no configuration is found there), so the only folders
a sheet may read from are its own and those a configuration written by the test names.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import ARTICLE, run_cli
from tests.hostile.conftest import write

OUTSIDE = (
    "is outside the folders this fact sheet may read files from (its own folder and the configuration file's; "
    "'root' in the configuration adds another)"
)
NOT_REGULAR = "not a regular file: only regular files are read"
CLAIM = "claims:\n  - {rule: percent-change, from: a, to: b, change: 50 percent}\n"


def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    return folder


def run_in(folder: Path, *args: str):
    """`validate --format json ARGS` with the working folder ``folder``: exit code, document, stderr."""
    result = run_cli("--format", "json", *args, cwd=folder)
    assert "Traceback" not in result.stderr
    return result.returncode, (json.loads(result.stdout) if result.stdout else None), result.stderr


def findings_of(document: dict, name: str) -> list[dict]:
    (report,) = [f for f in document["files"] if f["file"].endswith(name)]
    return report["findings"]


def input_errors(document: dict, name: str) -> list[tuple[int, int, str, str]]:
    return [
        (f["line"], f["column"], f["code"], f["message"]) for f in findings_of(document, name) if f["verdict"] is None
    ]


def with_text(text: str, body: str = "") -> str:
    return ARTICLE + f"  text: {json.dumps(text)}\n" + body


# ------------------------------------------------------------------------------ article.text


@pytest.mark.parametrize("text", ["../../../../../../../../etc/passwd", "../../../../../../../../proc/self/status"])
def test_an_article_text_outside_the_sheets_folder_is_an_input_error(tmp_path, text):
    folder = project(tmp_path)
    write(folder, "a.yaml", with_text(text, "quantities:\n  a: '100'\n  b: '150'\n" + CLAIM))
    for fmt in ("json", "html"):
        result = run_cli("--format", fmt, "a.yaml", cwd=folder)
        assert result.returncode == 2 and result.stderr == ""
        assert "root:x:0" not in result.stdout and "VmRSS" not in result.stdout and "Uid:" not in result.stdout
    code, document, _ = run_in(folder, "a.yaml")
    assert input_errors(document, "a.yaml") == [(5, 3, "IN05", f"the article's text '{text}' {OUTSIDE}")]
    (claim,) = [f for f in findings_of(document, "a.yaml") if f["verdict"]]
    assert claim["verdict"] == "consistent"  # the claims are still checked


def test_an_article_text_that_links_outside_is_an_input_error(tmp_path):
    folder = project(tmp_path)
    (tmp_path / "secret.txt").write_text("the salary of the chief executive", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", folder / "article.txt")
    write(folder, "a.yaml", with_text("article.txt"))
    result = run_cli("--format", "html", "a.yaml", cwd=folder)
    assert result.returncode == 2 and "salary" not in result.stdout
    code, document, _ = run_in(folder, "a.yaml")
    assert input_errors(document, "a.yaml") == [(5, 3, "IN05", f"the article's text 'article.txt' {OUTSIDE}")]


def test_a_symlinked_sheet_reads_nothing_beside_its_target(tmp_path):
    # project/evil.yaml links to a sheet elsewhere: what it names is resolved beside the target,
    # outside the folder the sheet was checked in.
    folder = project(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    write(elsewhere, "secret.txt", "private words")
    write(elsewhere, "other.yaml", ARTICLE + "quantities:\n  salary_of_ceo: '100'\n")
    write(elsewhere, "sheet.yaml", with_text("secret.txt", "quantities:\n  a: {same_as: other.yaml#salary_of_ceo}\n"))
    os.symlink(elsewhere / "sheet.yaml", folder / "evil.yaml")
    code, document, _ = run_in(folder, "evil.yaml")
    assert code == 2
    assert input_errors(document, "evil.yaml") == [
        (5, 3, "IN05", f"the article's text 'secret.txt' {OUTSIDE}"),
        (7, 7, "IN03", f"the fact sheet 'other.yaml' {OUTSIDE}"),
    ]


def test_the_root_option_widens_the_folders(tmp_path):
    folder = project(tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    write(shared, "article.txt", "Visitors rose from 100 to 150, up 50 percent.")
    write(shared, "last.yaml", ARTICLE + "quantities:\n  visitors: '100'\n")
    write(
        folder,
        "a.yaml",
        with_text(
            "../shared/article.txt", "quantities:\n  a: {same_as: ../shared/last.yaml#visitors}\n  b: '150'\n" + CLAIM
        ),
    )
    code, document, _ = run_in(folder, "a.yaml")
    assert code == 2 and [e[2] for e in input_errors(document, "a.yaml")] == ["IN05", "IN03"]
    write(folder, ".validator.toml", 'root = ".."\n')
    code, document, _ = run_in(folder, "a.yaml")
    assert code == 0 and input_errors(document, "a.yaml") == []
    result = run_cli("--format", "html", "a.yaml", cwd=folder)
    assert "Visitors rose from 100 to 150" in result.stdout


def test_the_kernels_files_are_never_read_even_inside_the_root(tmp_path):
    folder = project(tmp_path)
    write(folder, ".validator.toml", 'root = "/"\n')
    write(folder, "a.yaml", with_text("../../../../../../../../proc/self/status"))
    code, document, _ = run_in(folder, "a.yaml")
    assert input_errors(document, "a.yaml") == [
        (
            5,
            3,
            "IN05",
            f"the article's text '../../../../../../../../proc/self/status': a file of the kernel's (/proc or /sys), {NOT_REGULAR}",
        )
    ]


def test_an_article_text_that_is_a_fifo_or_a_device(tmp_path):
    folder = project(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    write(folder, "a.yaml", with_text("pipe.txt"))
    write(folder, "b.yaml", with_text("zero.txt"))
    code, document, _ = run_in(folder, "a.yaml", "b.yaml")  # would hang on the FIFO, or fill memory
    assert code == 2
    assert input_errors(document, "a.yaml") == [
        (5, 3, "IN05", f"the article's text 'pipe.txt': a FIFO (named pipe), {NOT_REGULAR}")
    ]
    assert input_errors(document, "b.yaml") == [(5, 3, "IN05", f"the article's text 'zero.txt' {OUTSIDE}")]  # /dev
    write(folder, ".validator.toml", 'root = "/"\n')
    code, document, _ = run_in(folder, "b.yaml")
    assert input_errors(document, "b.yaml") == [
        (5, 3, "IN05", f"the article's text 'zero.txt': a device, {NOT_REGULAR}")
    ]


def test_a_missing_article_text_is_not_an_error(tmp_path):
    folder = project(tmp_path)
    write(folder, "a.yaml", with_text("not-yet-written.txt", "quantities:\n  a: '100'\n  b: '150'\n" + CLAIM))
    code, document, _ = run_in(folder, "a.yaml")
    assert code == 0 and input_errors(document, "a.yaml") == []


# ------------------------------------------------------------------------------------ same_as


def test_same_as_outside_the_folder_is_refused_without_a_hint(tmp_path):
    # A wrong id used to answer "did you mean 'salary_of_ceo'?", naming the ids of a file
    # outside the project.
    folder = project(tmp_path)
    write(tmp_path, "private.yaml", ARTICLE + "quantities:\n  salary_of_ceo: '900,000'\n")
    write(
        folder,
        "a.yaml",
        ARTICLE + "quantities:\n  a: {same_as: ../private.yaml#salary}\n  b: {same_as: /etc/x.yaml#y}\n",
    )
    code, document, _ = run_in(folder, "a.yaml")
    assert code == 2
    assert input_errors(document, "a.yaml") == [
        (6, 7, "IN03", f"the fact sheet '../private.yaml' {OUTSIDE}"),
        (7, 7, "IN03", f"the fact sheet '/etc/x.yaml' {OUTSIDE}"),
    ]
    assert "salary_of_ceo" not in json.dumps(document)


def test_same_as_a_device_or_a_fifo_with_an_output_file(tmp_path):
    # The check that -o does not overwrite a referenced sheet read /dev/zero whole: 3.8 GB and a
    # MemoryError traceback; a FIFO hung it.
    folder = project(tmp_path)
    os.symlink("/dev/zero", folder / "zero.yaml")
    os.mkfifo(folder / "pipe.yaml")
    write(folder, "a.yaml", ARTICLE + "quantities:\n  a: {same_as: zero.yaml#x}\n  b: {same_as: pipe.yaml#y}\n")
    code, document, stderr = run_in(folder, "-o", "report.json", "a.yaml")
    assert code == 2 and stderr == "" and document is None
    document = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert input_errors(document, "a.yaml") == [
        (6, 7, "IN03", f"the fact sheet 'zero.yaml' {OUTSIDE}"),  # it resolves to /dev/zero
        (7, 7, "IN03", f"'pipe.yaml': a FIFO (named pipe), {NOT_REGULAR}"),
    ]
    write(folder, ".validator.toml", 'root = "/"\n')
    code, document, stderr = run_in(folder, "-o", "report2.json", "a.yaml")
    document = json.loads((folder / "report2.json").read_text(encoding="utf-8"))
    assert input_errors(document, "a.yaml")[0] == (6, 7, "IN03", f"'zero.yaml': a device, {NOT_REGULAR}")


# ----------------------------------------------------------------------- sheets named directly


def test_a_sheet_that_is_a_device_a_fifo_or_a_kernel_file(tmp_path):
    folder = project(tmp_path)
    os.symlink("/dev/zero", folder / "zero.yaml")
    os.mkfifo(folder / "pipe.yaml")
    os.symlink("/proc/self/status", folder / "status.yaml")
    code, document, _ = run_in(folder, "zero.yaml", "pipe.yaml", "status.yaml")
    assert code == 2
    assert input_errors(document, "zero.yaml") == [(1, 1, "IN05", f"a device, {NOT_REGULAR}")]
    assert input_errors(document, "pipe.yaml") == [(1, 1, "IN05", f"a FIFO (named pipe), {NOT_REGULAR}")]
    assert input_errors(document, "status.yaml") == [
        (1, 1, "IN05", f"a file of the kernel's (/proc or /sys), {NOT_REGULAR}")
    ]


def test_an_article_named_directly_that_is_a_device(tmp_path):
    folder = project(tmp_path)
    os.symlink("/dev/zero", folder / "zero.txt")
    code, document, _ = run_in(folder, "zero.txt")
    assert code == 2 and input_errors(document, "zero.txt") == [(1, 1, "IN05", f"a device, {NOT_REGULAR}")]
    result = run_cli("extract", "zero.txt", cwd=folder)
    assert result.returncode == 2 and result.stderr == f"validate extract: error: zero.txt: a device, {NOT_REGULAR}\n"


# ------------------------------------------------------------------------------ configurations


def test_a_configuration_that_is_a_device_or_a_fifo(tmp_path):
    folder = project(tmp_path)
    os.mkfifo(folder / "pipe.toml")
    write(folder, "a.yaml", ARTICLE)
    for config, kind in (("/dev/zero", "a device"), ("pipe.toml", "a FIFO (named pipe)")):
        code, document, stderr = run_in(folder, "--config", config, "a.yaml")
        shown = os.path.relpath(config, folder) if config.startswith("/") else config
        assert (code, document) == (2, None)
        assert stderr == f"validate: error: {shown}:1: cannot read it: {kind}, {NOT_REGULAR}\n"


def test_a_pyproject_fifo_found_by_discovery_does_not_hang(tmp_path):
    folder = project(tmp_path)
    os.mkfifo(folder / "pyproject.toml")
    write(folder, "a.yaml", ARTICLE)
    code, document, stderr = run_in(folder, "a.yaml")
    assert code == 0 and stderr == ""  # a FIFO is not a file: not a configuration either


def test_a_configuration_nested_too_deeply(tmp_path):
    folder = project(tmp_path)
    write(folder, "pyproject.toml", "[tool.validator]\npaths = " + "[" * 500 + "\n")
    code, document, stderr = run_in(folder, "--config", "pyproject.toml")
    assert (code, document) == (2, None)
    assert stderr == "validate: error: pyproject.toml:1: invalid TOML: values nested too deeply to read\n"


def test_max_file_bytes_is_capped(tmp_path):
    # 4611686018427387904 with a sheet linked to /dev/zero was an IN99 internal error.
    folder = project(tmp_path)
    write(folder, ".validator.toml", "max-file-bytes = 4611686018427387904\n")
    os.symlink("/dev/zero", folder / "zero.yaml")
    code, document, stderr = run_in(folder, "zero.yaml")
    assert (code, document) == (2, None)
    assert (
        stderr
        == "validate: error: .validator.toml:1: max-file-bytes: Input should be less than or equal to 104857600\n"
    )
    write(folder, ".validator.toml", "max-file-bytes = 104857600\n")
    code, document, stderr = run_in(folder, "zero.yaml")
    assert code == 2 and input_errors(document, "zero.yaml") == [(1, 1, "IN05", f"a device, {NOT_REGULAR}")]
