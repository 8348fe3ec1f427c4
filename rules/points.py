"""Points family: changes between two percentages, in percentage points.

The readings and the verdict are in :mod:`rules.points_change`, which from-to
changes (CH02) share.
"""

from __future__ import annotations

from pydantic import Field

from rules import common
from rules.common import ChangeFigures
from rules.points_change import judge_points, points_readings
from validator.findings import Result, Verdict
from validator.models import ClaimBase, Ref
from validator.numbers import Kind
from validator.rule import Binder, Binding, Example, Outcome, Rule


class PointsClaim(ClaimBase):
    from_: Ref | None = Field(None, alias="from", description="The earlier percentage.")
    to: Ref | None = Field(None, description="The later percentage.")
    change: Ref = Field(description="The change in points: '9 points', '750 basis points', 'three-tenths of a point'.")


class PercentagePoints(Rule[PointsClaim, ChangeFigures]):
    """A change between two percentages stated in percentage points.

    What it does: checks "rose 9 points from 26% to 35%", "750 basis points to
    25 percent from 17.5 percent", "three-tenths of a point lower" against the
    two percentages, with their rounding, and reports the relative change
    beside the point change. A change between two percentages stated as
    "percent" is checked by percent-change and from-to, which name the
    confusion when the stated percent is really the point difference.

    Why it matters: points and percent differ by a factor of the base; "9
    percent" for 26% to 35% understates a 34.6% rise by a quarter.
    """

    code = "PP01"
    name = "percentage-points"
    family = "points"
    summary = "A change in percentage points matches the two percentages."
    Claim = PointsClaim
    examples = (
        Example(
            Verdict.CONSISTENT,
            """
claims:
  - rule: percentage-points
    from: 26 percent
    to: 35 percent
    change: 9 points
    wording: rising
""",
            "+9 points (+34.6% relative)",
        ),
        Example(
            Verdict.INCONSISTENT,
            """
claims:
  - rule: percentage-points
    from: 57%
    to: 60%
    change: 5 points
    wording: higher
""",
            "+3 points",
        ),
    )

    def readings(self, claim: PointsClaim, bind: Binder) -> Binding[ChangeFigures] | None:
        change = bind.ref(claim.change, "change")
        frm = bind.ref(claim.from_, "from") or bind.implied("the earlier percentage", "percent")
        to = bind.ref(claim.to, "to") or bind.implied("the later percentage", "percent")
        if change is None:
            return None
        if change.written is not None and change.written.kind is not Kind.POINTS:
            bind.problem(
                f"'{change.written.shown}' is not in points; write '9 points' or use rule percent-change", "change"
            )
            return None
        sign = common.sign_of(bind, claim, change)
        return Binding(points_readings(frm, to, change, sign), ChangeFigures(frm, to, change, sign))

    def judge(self, claim: PointsClaim, binding: Binding[ChangeFigures], outcome: Outcome) -> Result:
        frm, to, change, sign = binding.figures
        return judge_points(frm, to, change, sign, outcome)


RULES = (PercentagePoints,)
