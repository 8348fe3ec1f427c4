"""The reference article's fact sheet: what the issue promises a new user will read."""

import json
import shutil

from tests.conftest import ROOT, repository_config, run_cli
from validator.check import check_path

ARTICLE = ROOT / "fixtures" / "article.yaml"


def findings():
    report = check_path(ARTICLE, repository_config())
    assert not report.input_errors
    return {f.claim: f for f in report.findings}


def test_every_claim_gets_its_verdict():
    verdicts = {name: f.verdict.value for name, f in findings().items()}
    assert verdicts == {
        "attendance_growth": "consistent",
        "sessions_multiple": "ambiguous",
        "launches_growth": "consistent",
        "international_exhibitors": "unverifiable",
        "international_share_rise": "consistent",
        "leading_exhibitors": "unverifiable",
        "countries_growth": "consistent",
        "signups_growth": "consistent",
        "closing_weekday": "unverifiable",
        "expo_duration": "unverifiable",
        "third_edition": "consistent",
        "fourth_edition": "consistent",
        "inaugural_year": "unverifiable",
    }


def test_signups_imply_68_last_year():
    f = findings()["signups_growth"]
    assert "what the claim implies for the earlier figure: 102 / (1 + 50%) = 68" in f.arithmetic
    assert f.message == (
        "68 companies and institutions to 102 companies and institutions is a rise of 50%, as '50 percent' says."
    )


def test_sessions_four_times_higher_has_two_readings():
    f = findings()["sessions_multiple"]
    assert f.message == (
        "'four times higher than the previous year' is ambiguous; the figures fit 4 times as many. "
        "Say '4 times as many'."
    )
    assert "4 times as many: 24,000 / 4 = 6,000" in f.arithmetic
    assert "4 times more = 5 times as many: 24,000 / 5 = 4,800" in f.arithmetic


def test_attendance_implies_about_200000_with_the_range():
    f = findings()["attendance_growth"]
    assert (
        "what the claim implies for the earlier figure: 210,000 / (1 + 5%) = 200,000 (199,054 to 210,525 with the rounding)"
        in f.arithmetic
    )
    assert "with the figures' rounding, the change lies between -4.54% and 10%" in f.arithmetic


def test_launches_imply_91():
    f = findings()["launches_growth"]
    assert "what the claim implies for the earlier figure: 152 / (1 + 67%) = 91.018 (91 with the rounding)" in f.arithmetic
    assert f.verdict.value == "consistent"


def test_international_exhibitors_414_to_426():
    f = findings()["international_exhibitors"]
    assert f.implied == {"international_exhibitors": "414 to 426"}
    assert "35% of 1,200 = 420" in f.arithmetic


def test_share_rise_in_points_and_percent():
    f = findings()["international_share_rise"]
    assert "+9 points (+34.6% relative)" in f.message


def test_countries_rise():
    f = findings()["countries_growth"]
    assert "+20 (+36.4%)" in f.message


def test_leading_firms_more_than_780():
    f = findings()["leading_exhibitors"]
    assert f.implied == {"leading_exhibitors": "781 to 791"}


def test_the_expo_closed_on_sunday_20_july():
    f = findings()["closing_weekday"]
    assert f.message == (
        "The claim implies Sunday 20 July 2025: 'Sunday' with no date is read as the day the article was "
        "published (a Sunday). Give the date to check it."
    )
    assert f.implied == {"date": "2025-07-20 (Sunday)"}


def test_the_five_day_expo_opened_on_wednesday_16_july():
    f = findings()["expo_duration"]
    assert f.message == (
        "The claim implies it began on Wednesday 16 July 2025: 5 days counting both ends, ending on "
        "Sunday 20 July 2025."
    )
    assert "Sunday 20 July minus 4 days = Wednesday 16 July" in f.arithmetic
    assert f.implied == {"end": "2025-07-20 (Sunday)", "start": "2025-07-16 (Wednesday)"}


def test_the_editions_date_the_inaugural_event_to_2023():
    found = findings()
    assert found["third_edition"].arithmetic == ["2023 + (3 - 1) x 1 = 2025"]
    assert found["fourth_edition"].arithmetic == ["2023 + (4 - 1) x 1 = 2026"]
    inaugural = found["inaugural_year"]
    assert inaugural.implied == {"first_year": "2023"}
    assert inaugural.arithmetic == ["2025 - (3 - 1) x 1 = 2023"]


def test_a_wrong_edition_in_the_article_fails(tmp_path):
    shutil.copytree(ROOT / "fixtures", tmp_path / "fixtures")
    sheet = tmp_path / "fixtures" / "article.yaml"
    # The copy's article text would be outside the folders it may read from: left out.
    text = sheet.read_text().replace("edition: fourth", "edition: fifth").replace("  text: ", "  # text: ")
    sheet.write_text(text)
    report = check_path(sheet)
    (failed,) = [f for f in report.findings if f.verdict.value == "inconsistent"]
    assert (failed.claim, failed.line) == ("fourth_edition", 180)
    assert failed.message == "The fifth edition of an event held every year since 2023 is in 2027, not 2026."
    assert failed.suggestion == (
        "Consistent alternatives: 2027 as the year; or 'the fourth edition' for 2026; or 2022 as the first year."
    )


def test_the_readme_command_exits_0_with_a_summary():
    result = run_cli("fixtures/article.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().endswith(
        "13 claims in 1 file: 0 inconsistent, 0 doubtful, 1 ambiguous, 5 unverifiable, 7 consistent"
    )


def test_json_carries_the_same_findings():
    result = run_cli("--format", "json", "fixtures/article.yaml")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    (entry,) = data["files"]
    assert entry["file"] == "fixtures/article.yaml"
    assert [f["verdict"] for f in entry["findings"]].count("unverifiable") == 5
    share = next(f for f in entry["findings"] if f["claim"] == "international_exhibitors")
    assert share["line"] == 118 and share["column"] == 5
    assert share["implied"] == {"international_exhibitors": "414 to 426"}
    assert data["summary"]["verdicts"] == {
        "consistent": 7, "inconsistent": 0, "doubtful": 0, "ambiguous": 1, "unverifiable": 5
    }  # fmt: skip
