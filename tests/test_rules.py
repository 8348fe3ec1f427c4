"""Rule behaviour beyond the documented examples: each diagnosis, with exact wording."""

from tests.conftest import check
from validator.policy import Policy, TimesMore


def one(body, policy=None):
    (finding,) = check(body, policy)
    return finding


def test_direction_is_checked():
    f = one("""
claims:
  - rule: percent-change
    from: "120"
    to: "100"
    change: 16.7 percent
    wording: rose
""")
    assert f.verdict.value == "inconsistent"
    assert "120 to 100 is a fall of 16.7%, but the wording says a rise: the direction is wrong." == f.message


def test_a_count_cannot_fall_more_than_100_percent():
    f = one("""
quantities:
  before: {value: "100", unit: jobs}
  after: {value: "20", unit: jobs}
claims:
  - rule: percent-change
    from: before
    to: after
    change: 120 percent
    wording: fell
""")
    assert f.verdict.value == "inconsistent"
    assert "a fall of more than 100%, which would leave less than nothing" in f.message


def test_growth_from_zero_has_no_percent():
    f = one("""
claims:
  - rule: percent-change
    from: exactly 0
    to: "15"
    change: 50 percent
""")
    assert f.verdict.value == "inconsistent"
    assert "a change from zero has no finite percent" in f.message


def test_percent_computed_on_the_later_figure():
    f = one("""
claims:
  - rule: percent-change
    from: "300"
    to: "200"
    change: 50 percent
    wording: fell
""")
    assert f.diagnosis == "wrong-base"
    assert "computed against the later figure" in f.message


def test_a_joint_contradiction_names_the_other_claim():
    findings = check("""
quantities:
  last_year: {unit: companies}
  this_year: {value: "102", unit: companies}
  other_count: {value: "90", unit: companies}
claims:
  - id: up_50
    rule: percent-change
    from: last_year
    to: this_year
    change: 50 percent
  - id: up_20
    rule: percent-change
    from: last_year
    to: other_count
    change: 20 percent
""")
    assert [f.verdict.value for f in findings] == ["inconsistent", "inconsistent"]
    assert findings[0].message.endswith("It contradicts up_20 (line 15): they cannot all be true.")
    assert findings[1].message.endswith("It contradicts up_50 (line 10): they cannot all be true.")


def test_claims_sharing_a_quantity_inform_each_other():
    findings = check("""
quantities:
  previous: {unit: dollars}
  close: {value: "$160.87"}
claims:
  - rule: from-to
    from: previous
    to: close
    change: $6.92
    wording: fell
  - rule: percent-change
    from: previous
    to: close
    change: 4.1%
    wording: fell
""")
    assert [f.verdict.value for f in findings] == ["consistent", "consistent"]
    assert findings[1].message == "about 167.79 dollars to $160.87 is a fall of 4.12%, as '4.1%' says."


def test_share_with_the_whole_implied():
    f = one("""
quantities:
  international: {value: "420", unit: exhibitors}
claims:
  - rule: share
    part: international
    share: 35 percent
""")
    assert f.verdict.value == "unverifiable"
    assert f.implied == {"the whole": "1,184 to 1,217"}


def test_one_in_three():
    assert one("""
claims:
  - rule: share
    part: "400"
    whole: "1,200"
    share: one in three
""").verdict.value == "consistent"


def test_share_off_by_a_power_of_ten():
    f = one("""
claims:
  - rule: share
    part: "327"
    whole: "5,816,486"
    share: .00000056 percent
""")
    assert f.verdict.value == "inconsistent"
    assert "10,000 times too small" in f.message


def test_times_more_with_both_figures_says_which_reading_fits():
    f = one("""
claims:
  - rule: multiple
    from: "6,000"
    to: "24,000"
    factor: four times
    wording: higher
""")
    assert f.verdict.value == "ambiguous"
    assert "the figures fit 4 times as many" in f.message
    f = one("""
claims:
  - rule: multiple
    from: "6,000"
    to: "24,000"
    factor: four times
    wording: higher
""", Policy(times_more=TimesMore.MULTIPLY))
    assert f.verdict.value == "consistent"
    f = one("""
claims:
  - rule: multiple
    from: "6,000"
    to: "24,000"
    factor: four times
    wording: higher
""", Policy(times_more=TimesMore.ERROR))
    assert f.verdict.value == "inconsistent"


def test_times_more_fails_only_when_no_reading_fits():
    f = one("""
claims:
  - rule: multiple
    from: "6,000"
    to: "40,000"
    factor: four times
    wording: more than
""")
    assert f.verdict.value == "inconsistent"
    assert "neither 4 nor 5 times" in f.message


def test_times_less_is_ambiguous_with_the_usual_reading():
    f = one("""
claims:
  - rule: multiple
    from: "10,000"
    to: about 1,000
    factor: ten times
    wording: less than planned
""")
    assert f.verdict.value == "ambiguous"
    assert "the usual reading, 1/10 of it" in f.message


def test_halved():
    assert one("""
claims:
  - rule: multiple
    from: "100"
    to: "50"
    factor: halved
""").verdict.value == "consistent"


def test_points_with_basis_points_and_words():
    assert one("""
claims:
  - rule: percentage-points
    from: 17.5 percent
    to: 25 percent
    change: 750 basis points
    wording: raised
""").verdict.value == "consistent"
    assert one("""
claims:
  - rule: percentage-points
    from: 8.1 percent
    to: 7.8 percent
    change: three-tenths of a point
    wording: lower
""").verdict.value == "consistent"


def test_percent_of_a_share_with_no_base_is_ambiguous():
    f = one("""
claims:
  - rule: percent-change
    to: 77 percent
    change: 4 per cent
    wording: fallen
""")
    assert f.verdict.value == "ambiguous"
    assert "as a relative change, the earlier figure was 79.3% to 81.2%; as points, it was 80% to 82%" in f.message


def test_shares_sum_to_100_percent_by_default():
    assert one("""
claims:
  - rule: sum
    parts: [62 percent, 27 percent, 12 percent]
""").verdict.value == "consistent"
    f = one("""
claims:
  - rule: sum
    parts: [62 percent, 27 percent, 15 percent]
""")
    assert f.verdict.value == "inconsistent"
    assert "The parts add up to 104%" in f.message


def test_sum_implies_a_missing_part():
    f = one("""
quantities:
  domestic: {unit: exhibitors}
claims:
  - rule: sum
    parts: ["420", domestic]
    total: "1,200"
""")
    assert f.verdict.value == "unverifiable"
    assert f.implied == {"domestic": "780"}


def test_mean_with_several_items():
    # 10 people answering 3 questions each: totals are whole numbers of 30 answers.
    assert one("""
claims:
  - rule: mean-granularity
    mean: "2.43"
    n: "10"
    items: 3
""").verdict.value == "consistent"
    assert one("""
claims:
  - rule: mean-granularity
    mean: "2.45"
    n: "10"
    items: 3
""").verdict.value == "inconsistent"


def test_doubtful_names_the_lenient_readings():
    f = one("""
quantities:
  now: {value: "4,800", unit: associates}
  before: {value: "2,300", unit: associates}
claims:
  - rule: percent-change
    from: before
    to: now
    change: 107%
""")
    assert f.verdict.value == "doubtful" and f.level.value == "warning"
    assert f.message == (
        # Only the figures it needs: 4,800 / 2,350 is a rise of 104.3%, so '4,800' may stay as written.
        "Fits only if '2,300' is rounded to the nearest 100 (2,250 to 2,350). As written, 2,300 associates to "
        "4,800 associates is a rise of 108.7%, not 107%."
    )


def test_a_multiple_of_zero_is_refused_whichever_rule_states_it():
    # from-to took '0 times' to a division by zero (found by the fuzz tests); multiple refused it.
    from tests.conftest import sheet
    from validator.check import check_text

    body = """
claims:
  - {rule: from-to, wording: times higher, from: '0', to: '0', change: '0 times'}
  - {rule: multiple, from: '2', to: '0', factor: '0 times'}
"""
    report = check_text(sheet(body), "zero.yaml")
    assert [(f.line, f.code, f.message) for f in report.findings] == [
        (6, "IN04", "a multiple must be more than zero"),
        (7, "IN04", "a multiple must be more than zero"),
    ]
