"""The extractor: patterns on sentences written for these tests, the reference article, the corpus."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from tests.conftest import ROOT, SHARED
from validator.api import load
from validator.check import check_text
from validator.extract import check_article, extract
from validator.extract import mentions as finder
from validator.extract import text as texts
from validator.extract.evaluate import evaluate
from validator.numbers import parse

DAY = dt.date(2025, 7, 20)
SEED = SHARED / "seed" / "cisce-2025.txt"


def claims_of(text: str) -> list[dict]:
    """Each claim as {rule, field: value as written (None when implied), wording, quote, span}."""
    d = extract(text, DAY)
    out = []
    for c in d.claims:
        row = {"rule": c.rule, "wording": c.wording, "quote": c.quote, "span": c.span}
        for k, v in c.fields.items():
            q = d.quantities.get(v) if isinstance(v, str) else None
            row[k] = (q.value or q.id) if q is not None else v  # an implied quantity shows its id
        out.append(row)
    return out


def only(text: str) -> dict:
    (c,) = claims_of(text)
    assert text[c["span"][0] : c["span"][1]] == c["quote"]
    return c


# ------------------------------------------------------------------ numbers
@pytest.mark.parametrize(
    "sentence, written, qualifier, noun",
    [
        ("The mill employs more than 6,000 skilled weavers.", "6,000", "more than", "skilled weavers"),
        ("Sales reached 1.2 million units in May.", "1.2 million", None, "units"),
        ("The fund raised $3.5bn from investors.", "$3.5bn", None, None),
        ("The club sold nearly 250 season tickets.", "250", "nearly", "season tickets"),
        ("Rates rose 750 basis points overnight.", "750 basis points", None, None),
        ("About one in five pupils said yes.", "one in five", "About", "pupils"),
        ("The town has at least 40 bakeries.", "40", "at least", "bakeries"),
        ("Attendance surpassed 12,500 on the final day.", "12,500", "surpassed", None),
    ],
)
def test_numbers_with_qualifier_and_noun(sentence, written, qualifier, noun):
    m = next(m for m in finder.find(sentence) if m.is_amount)
    assert (m.text, m.qualifier, m.noun) == (written, qualifier, noun)
    assert sentence[m.start : m.end] == written or sentence[m.start : m.end].endswith(written.split()[-1])
    assert parse(m.text).value == m.written.value


def test_names_times_dates_and_years_are_not_amounts():
    s = "On Monday, March 3, the Fortune 500 firm opened No. 10 at 9 a.m. in 2019 with 80 staff."
    found = finder.find(s)
    assert [m.text for m in found if m.is_amount] == ["80"]
    assert {m.role for m in found} >= {"weekday", "date", "year"}


def test_the_span_of_a_mention_is_exact():
    s = "Profits fell 13.8% to $13.9 million."
    spans = [(m.start, m.end) for m in finder.find(s)]
    assert spans == [(13, 18), (22, 35)]


# ------------------------------------------------------------------ claims
def test_percent_change_with_from_and_to():
    c = only("Revenue decreased 13.8% to $13.9 million from $16.2 million.")
    assert (c["rule"], c["from"], c["to"], c["change"]) == ("percent-change", "$16.2 million", "$13.9 million", "13.8%")
    assert c["span"] == (8, 59)


def test_percent_increase_after_the_figure_links_an_implied_earlier_figure():
    c = only("The orchard sold 102 crates this week, a 50 percent increase from the same week last year.")
    assert (c["to"], c["change"]) == ("102", "50 percent")
    assert isinstance(c["from"], str) and c["from"].endswith("2024")  # an implied quantity, named by its period
    assert "last year" in c["wording"]


def test_up_percent_year_on_year():
    c = only("A total of 48 new shops opened in the district, up 20 percent year-on-year.")
    assert (c["rule"], c["to"], c["change"], c["wording"]) == ("percent-change", "48", "20 percent", "up year-on-year")


def test_from_to_without_a_change():
    c = only("Membership grew from 120 in the first year to 150 in 2024.")
    assert (c["rule"], c["from"], c["to"], c["wording"]) == ("from-to", "120", "150", "grew")


def test_change_with_a_from_to_pair():
    c = only("Arrests were up 800% from 70 to 530 over a year.")
    assert (c["rule"], c["from"], c["to"], c["change"]) == ("percent-change", "70", "530", "800%")


def test_compared_to_pair():
    c = only("The shop had 4,800 visitors compared to 2,300 in the first quarter, an increase of 109%.")
    assert (c["from"], c["to"], c["change"]) == ("2,300", "4,800", "109%")


def test_basis_points_from_to():
    c = only("The bank raised its rate by 250 basis points to 12 percent from 9.5 percent.")
    assert (c["rule"], c["from"], c["to"], c["change"]) == ("percentage-points", "9.5 percent", "12 percent", "250 basis points")


def test_multiple_higher_than_previous_year():
    c = only("The fair hosted 3,000 meetings, three times higher than the previous year.")
    assert (c["rule"], c["to"], c["factor"]) == ("multiple", "3,000", "three times")
    assert c["from"].endswith("2024")


def test_doubling_to():
    c = only("Around 3 in 1000 trees were diseased, doubling to 6 in every 1000 a year later.")
    assert (c["rule"], c["from"], c["to"], c["factor"]) == ("multiple", "3 in 1000", "6 in every 1000", "doubling")


def test_share_of_a_whole():
    c = only("Some 35 percent of the 1,200 exhibitors came from abroad.")
    assert (c["rule"], c["whole"], c["share"]) == ("share", "1,200", "Some 35 percent")


def test_share_after_a_part():
    c = only("The count found 420 cyclists, or 35 percent, on electric bikes.")
    assert (c["rule"], c["part"], c["share"]) == ("share", "420", "35 percent")


def test_part_of_whole_with_percent():
    c = only("Out of the 15 clinics, 12 of them met the target, or 80%.")
    assert (c["rule"], c["part"], c["whole"], c["share"]) == ("share", "12", "15", "80%")


def test_margin_is_a_difference():
    c = only("The mayor won by 5,210 to 4,980, a margin of 230 votes.")
    assert (c["rule"], c["larger"], c["smaller"], c["difference"]) == ("difference", "5,210", "4,980", "230")


def test_amount_and_percent_fall_share_the_earlier_figure():
    rows = claims_of("Shares of the brewer fell $1.20, or 2.5%, to $46.80 on Monday.")
    assert {r["rule"] for r in rows} == {"from-to", "percent-change"}
    assert len({r["from"] for r in rows}) == 1 and all(r["to"] == "$46.80" for r in rows)


def test_other_figure_in_the_next_sentence():
    rows = claims_of("Enrolment fell again, a decrease of 0.5 percent. This autumn 3,980 pupils enrolled. Last year, 4,000 pupils enrolled.")
    (c,) = rows
    assert (c["from"], c["to"], c["change"]) == ("4,000", "3,980", "0.5 percent")


def test_restated_claim_takes_the_figures_of_the_sentence_before():
    rows = claims_of("The plan lets 10 homes per acre grow four-fold to 40 homes. Critics said it would quadruple density.")
    quad = next(r for r in rows if r["factor"] == "quadruple")
    assert (quad["from"], quad["to"]) == ("10", "40")


def test_share_of_the_named_whole_elsewhere_in_the_article():
    rows = claims_of("The show brought together 800 exhibitors.\nOver 60 percent of the exhibitors were small firms.")
    (c,) = rows
    assert (c["rule"], c["whole"], c["share"]) == ("share", "800", "Over 60 percent")


def test_a_number_nothing_relates_is_an_unlinked_quantity():
    d = extract("The festival sold 9,000 tickets.", DAY)
    assert d.claims == [] and [q.value for q in d.unlinked] == ["9,000"]


def test_every_claim_has_confidence_span_and_quote():
    d = extract(SEED.read_text(encoding="utf-8"), DAY)
    for c in d.claims:
        assert 0 < c.confidence <= 1
        assert d.article.original[c.span[0] : c.span[1]] == c.quote


# ------------------------------------------------------------------ formats
def test_markdown_keeps_offsets_and_html_is_read_as_text():
    md = "# Expo news\n\nThe fair drew **1,200** exhibitors, up 20 percent year-on-year.\n"
    c = only(md)
    assert c["to"] == "1,200" and md[c["span"][0] : c["span"][1]] == c["quote"]
    html = "<html><head><title>Expo</title></head><body><p>The fair drew 1,200 exhibitors, up 20 percent year-on-year.</p></body></html>"
    d = extract(html, DAY)
    assert d.title == "Expo" and [c.rule for c in d.claims] == ["percent-change"]
    assert texts.guess_format(html) == "html" and texts.guess_format(md) == "markdown"


# ------------------------------------------------------------------ the reference article
def _written(value) -> tuple:
    w = parse(value)
    return (w.value, w.kind.value)


def _fixture_claims():
    sheet = load(ROOT / "fixtures" / "article.yaml")
    out = set()
    for c in sheet.claims:
        if c["rule"] in ("weekday", "duration", "edition", "period-length"):
            continue  # compared in test_extraction_agrees_on_dates_and_editions
        nums = []
        for k, v in c.items():
            if k in ("rule", "id", "quote", "wording", "span", "confidence", "note"):
                continue
            q = sheet.quantities.get(v) if isinstance(v, str) else None
            value = q.value if q is not None else v
            if value is not None:
                nums.append(_written(value))
        out.add((c["rule"], frozenset(nums)))
    return out


def test_extraction_agrees_with_the_hand_written_fact_sheet():
    d = extract(SEED.read_text(encoding="utf-8"), DAY)
    got = set()
    for c in d.claims:
        nums = [_written(m.text) for m in c.source.stated()]
        got.add((c.rule, frozenset(nums)))
    assert got == _fixture_claims()


def test_the_draft_of_the_reference_article_loads_without_input_errors():
    yaml_text = extract(SEED.read_text(encoding="utf-8"), DAY).to_yaml()
    report = check_text(yaml_text, "draft.yaml")
    assert not report.input_errors, [f.message for f in report.input_errors]
    assert report.claims == 8
    assert yaml_text.startswith("# DRAFT")


def test_tricky_strings_are_quoted_safely():
    d = extract('Yes: "no" #1 said: 5 percent of the 200 members agreed.', DAY)
    report = check_text(d.to_yaml(), "draft.yaml")
    assert not report.input_errors, [f.message for f in report.input_errors]


def test_check_article_places_findings_in_the_article():
    text = SEED.read_text(encoding="utf-8")
    report = check_article(text, "cisce-2025.txt", published=DAY)
    assert not report.input_errors
    multiple = next(f for f in report.findings if f.code == "MU01")
    assert multiple.verdict.value == "ambiguous"
    assert (multiple.line, multiple.column) == (4, 23)
    assert multiple.quote.startswith("The event facilitated 24,000")


# ------------------------------------------------------------------ corpus and speed
def test_the_corpus_meets_the_targets():
    result = evaluate(SHARED / "corpus" / "realworld-dev.jsonl")
    overall = result["figures"]["overall"]
    assert overall["precision"] >= 0.9 and overall["recall"] >= 0.9, result["figures"]
    assert result["consistent_judged_inconsistent"] == []


def test_speed_of_a_1000_word_article():
    lines = SEED.read_text(encoding="utf-8").split("\n")
    article = "\n".join(lines + lines[1:] + lines[1:5])
    words = len(article.split())
    t0 = time.perf_counter()
    report = check_article(article, "long.txt", published=DAY)
    seconds = time.perf_counter() - t0
    print(f"\n{words} words extracted and checked in {seconds * 1000:.0f} ms ({len(report.findings)} findings)")
    assert not report.input_errors


# ------------------------------------------------------------------ the command
import json  # noqa: E402

from tests.conftest import run_cli  # noqa: E402

SEED_ARTICLE = ROOT.parent / "shared" / "seed" / "cisce-2025.txt"


def test_extract_command_writes_a_valid_draft(tmp_path):
    result = run_cli("extract", str(SEED_ARTICLE), "--published", "2025-07-20")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# DRAFT fact sheet")
    draft = tmp_path / "draft.yaml"
    assert run_cli("extract", str(SEED_ARTICLE), "--published", "2025-07-20", "-o", str(draft)).returncode == 0
    assert draft.read_text() == result.stdout
    again = run_cli("extract", str(SEED_ARTICLE), "-o", str(draft))
    assert again.returncode == 2 and "already exists; use --force" in again.stderr
    assert run_cli("extract", str(SEED_ARTICLE), "--published", "2025-07-20", "-o", str(draft), "--force").returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.yaml"]
    checked = run_cli("--format", "json", str(draft))
    assert checked.returncode == 0, checked.stdout
    assert not [f for e in json.loads(checked.stdout)["files"] for f in e["findings"] if f["code"].startswith("IN")]


def test_extract_never_overwrites_the_article(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Sales rose 10 percent to 110 from 100.\n")
    result = run_cli("extract", str(article), "-o", str(article), "--force")
    assert result.returncode == 2 and "is the article itself" in result.stderr
    assert article.read_text() == "Sales rose 10 percent to 110 from 100.\n"


def test_checking_an_article_reports_against_its_sentences(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("# Sales\n\nSales rose 20 percent to 110 from 100 last year.\n")
    result = run_cli("--format", "json", str(article), "--published", "2025-07-20")
    assert result.returncode == 1
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert (finding["line"], finding["verdict"]) == (3, "inconsistent")
    assert finding["quote"] == "Sales rose 20 percent to 110 from 100 last year."
    assert "a rise of 10%" in finding["message"]
