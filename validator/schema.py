"""The JSON Schema of a fact sheet, generated from the pydantic models (``validate --schema``)."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, create_model

from validator import registry
from validator.models import FactSheet

SCHEMA_ID = "https://example.org/validator/fact-sheet.schema.json"


def tagged_claim(rule) -> type:
    """A rule's Claim model with its ``rule`` field tagged by the rule's name and code."""
    return create_model(
        rule.Claim.__name__,
        __base__=rule.Claim,
        __doc__=rule.Claim.__doc__ or rule.summary,
        rule=(Literal[rule.name, rule.code], Field(description=f"{rule.name} ({rule.code}): {rule.summary}")),
    )


def fact_sheet_schema() -> dict:
    """FactSheet with ``claims`` as the union of every rule's Claim model, told apart by ``rule``."""
    claims = tuple(tagged_claim(cls) for cls in registry.all_rules())
    claim = Annotated[Union[claims], Field(discriminator="rule")]  # noqa: UP007 - a runtime tuple of models
    model = create_model(
        "FactSheet",
        __base__=FactSheet,
        __doc__=FactSheet.__doc__,
        claims=(list[claim], Field(default_factory=list, description="Each claim names a rule; see its fields.")),
    )
    schema = model.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
