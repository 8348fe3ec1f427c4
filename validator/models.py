"""The fact sheet format: the pydantic models are its single definition.

A fact sheet has three parts: ``article`` (what was published), ``quantities``
(every stated number, by a readable id) and ``claims`` (each names a rule and
the quantities it links). The fields each rule takes are the rule's own
``Claim`` model, a subclass of :class:`ClaimBase`; ``validate --schema`` joins
them into one JSON Schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)

ID_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"
REF_PATTERN = r"^[^#]+\.ya?ml#[A-Za-z_][A-Za-z0-9_]*$"


def _as_written(value: Any) -> Any:
    """Plain YAML or JSON numbers are accepted and kept in their shortest written form."""
    if isinstance(value, bool):
        return value  # rejected by the str type with a clear message
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    return value


WrittenText = Annotated[
    str,
    BeforeValidator(_as_written),
    StringConstraints(min_length=1, max_length=200),
    # Editors read 'value: 1200' as a number; the loader keeps it as written text.
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1, "maxLength": 200}, {"type": "number"}]}),
    Field(
        description="The number as written in the article: '6,000', '1.2 million', '35 percent', "
        "'0.50', 'four'. Its precision is read from how it is written.",
        examples=["1,200", "35 percent", "1.2 million", "four times"],
    ),
]
QuantityId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=100)]
Text = Annotated[str, StringConstraints(max_length=10_000)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True)


class Article(Strict):
    """What was published."""

    title: Text
    source: Text = Field(description="Publisher or outlet, e.g. 'CGTN'.")
    published: dt.date = Field(description="Publication date, YYYY-MM-DD.")
    url: Text | None = None
    text: Annotated[str, StringConstraints(max_length=1000)] | None = Field(
        None,
        description="Path to the article's own text, relative to this fact sheet (optional; an absolute "
        "path is refused, so a fact sheet cannot pull an unrelated file into a report).",
    )

    @field_validator("text")
    @classmethod
    def _relative(cls, path: str | None) -> str | None:
        if path is not None and (path.startswith(("/", "\\")) or (len(path) > 1 and path[1] == ":")):
            raise ValueError("give the article's text as a path relative to this fact sheet")
        return path


Span = Annotated[
    tuple[Annotated[int, Field(ge=0)], Annotated[int, Field(ge=0)]],
    Field(description="Character offsets [start, end) of the quote in the article's text."),
]


class Quantity(Strict):
    """One stated number, or one the claims imply (no ``value``)."""

    value: WrittenText | None = Field(
        None, description="As written. Leave out for a number the article implies but does not state."
    )
    qualifier: Text | None = Field(
        None,
        description="'more than', 'over', 'surpassed', 'nearly', 'about', 'at least', 'up to', "
        "'exactly' (or any synonym the README lists). May also lead the value: 'more than 6,000'.",
    )
    unit: Text | None = Field(None, description="Unit or noun: 'exhibitors', 'sessions', 'percent'.")
    count: bool | None = Field(
        None,
        description="Whether this is a count of things (whole numbers only). By default a quantity "
        "with a noun as its unit is a count.",
    )
    period: (
        Annotated[
            str, BeforeValidator(_as_written), WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}]})
        ]
        | None
    ) = Field(None, description="The period or edition it belongs to: '2025', 'third edition'.")
    quote: Text | None = Field(None, description="The words of the article that state it, verbatim.")
    span: Span | None = None
    note: Text | None = None
    same_as: Annotated[str, StringConstraints(pattern=REF_PATTERN, max_length=500)] | None = Field(
        None,
        description="The same quantity in another fact sheet, 'path/to/sheet.yaml#id' (relative to this "
        "file); its value is taken from there.",
        examples=["cisce-2024.yaml#attendance"],
    )


def _quantity_shorthand(value: Quantity | str) -> Quantity:
    return Quantity(value=value) if isinstance(value, str) else value


# 'exhibitors: "1,200"' is shorthand for 'exhibitors: {value: "1,200"}'.
QuantityEntry = Annotated[Quantity | WrittenText, AfterValidator(_quantity_shorthand)]


class InlineQuantity(Quantity):
    """A one-off number written inside a claim."""


Ref = Annotated[
    WrittenText | InlineQuantity,
    Field(description="A quantity id, or a number written inline ('50 percent')."),
]


class Suppression(Strict):
    """An inline suppression: the rule code it silences and why."""

    rule: Annotated[str, StringConstraints(min_length=1, max_length=100)] = Field(
        description="Rule code or name to suppress, e.g. 'MU01'."
    )
    reason: Annotated[str, StringConstraints(min_length=3, max_length=2000)] = Field(
        description="Why the finding does not apply; shown in the report."
    )


class ClaimBase(Strict):
    """Fields every claim has; each rule adds the quantities it links.

    ``rule`` is any text here: the registry finds the rule it names, and the JSON
    Schema tags each rule's model with its name and code (:mod:`validator.schema`).
    """

    # Each rule's model is built the first time a claim uses it, not when its family is imported.
    model_config = ConfigDict(defer_build=True)

    rule: str = Field(description="The rule that checks this claim, by name or code.")
    id: QuantityId | None = Field(None, description="A name for this claim in reports (optional).")
    quote: Text | None = Field(None, description="The words of the article that make the claim.")
    span: Span | None = None
    wording: Text | None = Field(
        None, description="The words that link the numbers: 'up', 'fell', 'times higher', 'rose from'."
    )
    confidence: Annotated[float, Field(ge=0, le=1)] | None = Field(
        None, description="How sure an automatic extraction was of this claim (0 to 1); drafts only."
    )
    note: Text | None = None
    suppress: list[Suppression] = Field(default_factory=list)


class FactSheet(Strict):
    """A fact sheet: the article, its numbers and the claims that link them."""

    article: Article
    quantities: dict[QuantityId, QuantityEntry] = Field(default_factory=dict)
    claims: list[dict[str, Any]] = Field(
        default_factory=list, description="Each claim names a rule; see that rule's fields."
    )

    @field_validator("quantities", "claims", mode="before")
    @classmethod
    def _empty(cls, value: Any, info) -> Any:
        """'claims:' with nothing under it is no claims, not an error."""
        if value is None:
            return {} if info.field_name == "quantities" else []
        return value
