"""How stated numbers are read: the interpretation policies.

Rules never decide these; they receive intervals already read under a
:class:`Policy`, so changing a policy in configuration changes every rule alike.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import AliasGenerator, BaseModel, ConfigDict, Field


class Rounding(StrEnum):
    NEAREST = "nearest"
    NEAREST_OR_TRUNCATED = "nearest-or-truncated"


class TrailingZeros(StrEnum):
    EXACT = "exact"
    ROUNDED = "rounded"
    EITHER = "either"


class QualifierReach(StrEnum):
    STEP = "step"
    EITHER = "either"
    UNBOUNDED = "unbounded"


class TimesMore(StrEnum):
    AMBIGUOUS = "ambiguous"
    MULTIPLY = "multiply"
    ADD_ONE = "add-one"
    ERROR = "error"


class Policy(BaseModel):
    """Reading policies; every field has the default described in the README."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        # Configuration files write 'trailing-zeros'; Python writes trailing_zeros.
        alias_generator=AliasGenerator(validation_alias=lambda name: name.replace("_", "-")),
        defer_build=True,  # built only when a configuration sets a policy
    )

    rounding: Rounding = Field(
        Rounding.NEAREST_OR_TRUNCATED,
        description=(
            "'nearest': a stated number is its true value rounded to the nearest unit of its last "
            "digit, up or down at the half (GRIM). 'nearest-or-truncated': when that fails, a claim that "
            "holds if figures of three or more significant digits had their last digit cut off instead "
            "(1,154% for 1,154.5%) is doubtful, a warning that says so."
        ),
    )
    trailing_zeros: TrailingZeros = Field(
        TrailingZeros.EITHER,
        description=(
            "How '4,800' is read. 'exact': 4,800 exactly. 'rounded': rounded to the last non-zero "
            "digit (4,750 to 4,850; 210,000 is 205,000 to 215,000). 'either': exact first; a claim that "
            "only holds when the zeros are rounding to two significant figures is doubtful, a warning "
            "that names them (70 and 3,000 are never read as rounded to one figure)."
        ),
    )
    qualifier_reach: QualifierReach = Field(
        QualifierReach.STEP,
        description=(
            "How far 'more than', 'nearly', 'at least', 'up to' reach. 'step': one unit of the number's "
            "last non-zero digit, at most a tenth of the number ('more than 6,000' is 6,000 to 6,600, "
            "'over 65 percent' 65% to 66%, both ends excluded). 'either': the step first; a claim that "
            "holds only beyond it is doubtful. 'unbounded': no limit."
        ),
    )
    times_more: TimesMore = Field(
        TimesMore.AMBIGUOUS,
        description=(
            "How 'N times more/higher/larger than' is read. 'ambiguous': both N and N+1 times, a warning "
            "that says which fits, an error only when neither does. 'multiply': N times. 'add-one': N+1 "
            "times. 'error': the wording itself is an error."
        ),
    )


# The defaults of the fields above, without validating them (which would build the model's schema).
DEFAULT_POLICY = Policy.model_construct()
