"""One way in: the command, the Python API and --jobs check the same paths the same way
(validator/run.py), for every kind of input."""

import datetime as dt
import json

import pytest

from tests.conftest import ROOT, run_cli
from validator import api

# Articles written for these tests, one in each format the reader takes.
TEXT = """Staff numbers grew from 200 to 270, an increase of 30 percent.

Revenue rose 12 percent to $5.6 million from $5 million last year.
"""
MARKDOWN = """# Quarterly results

Staff numbers grew from **200 to 270**, an increase of 30 percent.

- Revenue rose 12 percent to $5.6 million from $5 million last year.
"""
HTML = """<!doctype html><html><head><title>Results</title></head><body>
<h1>Quarterly results</h1>
<p>Staff numbers grew from 200 to 270, an increase of 30 percent.</p>
<p>Revenue rose 12 percent to $5.6 million from $5 million last year.</p>
</body></html>
"""
INPUTS = {
    "yaml": ["fixtures/article.yaml", "fixtures/broken/signups-from-70.yaml"],
    "text": ["{tmp}/story.txt"],
    "markdown": ["{tmp}/story.md"],
    "html": ["{tmp}/story.html"],
    "mixed": ["{tmp}/story.md", "fixtures/", "{tmp}/notes.pdf", "{tmp}/missing.yaml", "{tmp}/empty-folder"],
}


@pytest.fixture
def articles(tmp_path):
    (tmp_path / "story.txt").write_text(TEXT)
    (tmp_path / "story.md").write_text(MARKDOWN)
    (tmp_path / "story.html").write_text(HTML)
    (tmp_path / "notes.pdf").write_text("article:\n  title: not a fact sheet\n")
    (tmp_path / "empty-folder").mkdir()
    return tmp_path


@pytest.mark.parametrize("kind", list(INPUTS))
@pytest.mark.parametrize("published", [None, "2025-07-20"])
def test_the_api_and_the_command_give_identical_findings(articles, kind, published):
    paths = [p.format(tmp=articles) for p in INPUTS[kind]]
    options = ["--published", published] if published else []
    result = run_cli("--format", "json", *options, *paths)
    command = [(entry["file"], entry["claims"], entry["findings"]) for entry in json.loads(result.stdout)["files"]]
    date = dt.date.fromisoformat(published) if published else None
    run = api.validate(paths, published=date)
    assert [(r.file, r.claims, [f.to_dict() for f in r.findings]) for r in run.reports] == command
    assert run.exit_code == result.returncode
    assert command and all(findings for _, _, findings in command)
    codes = {f["code"] for _, _, findings in command for f in findings}
    assert "IN02" not in codes  # no article is mistaken for a fact sheet


def test_an_article_is_checked_by_every_way_in(articles):
    path = str(articles / "story.txt")
    by_command = json.loads(run_cli("--format", "json", path).stdout)["files"][0]["findings"]
    by_jobs = json.loads(run_cli("--format", "json", "--jobs", "2", path).stdout)["files"][0]["findings"]
    by_api = [f.to_dict() for f in api.validate([path]).findings]
    by_stream = [f.to_dict() for r in api.iter_reports([path]) for f in r.findings]
    by_text = api.check_text(TEXT, by_command[0]["file"]).findings
    assert by_command == by_jobs == by_api == by_stream == [f.to_dict() for f in by_text]
    change = next(f for f in by_api if f["code"] == "CH01")
    assert (change["line"], change["verdict"], change["message"]) == (
        1, "inconsistent", "200 to 270 is a rise of 35%, not 30 percent."
    )  # fmt: skip


def test_check_text_reads_a_sheet_unless_its_name_says_article():
    sheet = (ROOT / "fixtures" / "broken" / "signups-from-70.yaml").read_text()
    report = api.check_text(sheet)
    assert report.file == "<text>"
    assert [f.verdict.value for f in report.findings if f.code == "CH01" and f.verdict.value != "consistent"] == [
        "inconsistent"
    ]
    assert api.check_text(TEXT, "story.md").findings[0].file == "story.md"


def test_an_unsupported_file_type_is_named_as_such(articles):
    result = run_cli(str(articles / "notes.pdf"))
    assert result.returncode == 2
    assert (
        "1:1      ✗ input error  IN05 unreadable-file\n"
        "           unsupported file type ('.pdf'): validate checks fact sheets (.yaml, .yml, .json) and\n"
        "           articles' text (.txt, .md, .markdown, .html, .htm)\n"
    ) in result.stdout
