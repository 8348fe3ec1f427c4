"""Hints for a first mistake: the name that was probably meant, and the fields a model has at a place.

Used by the messages for unknown fields of a fact sheet, unknown configuration
keys, unknown quantity ids and unknown rules, so they all say "did you mean"
the same way.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable
from difflib import get_close_matches

from pydantic import BaseModel


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """The hint " (did you mean 'value'?)" when one known name is close to ``word``, else ""."""
    close = get_close_matches(word, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def fields_at(model: type[BaseModel], path: tuple, dashed: bool = False) -> list[str]:
    """The field names (aliases where they have one) of the model found at ``path`` inside ``model``:
    ``fields_at(FactSheet, ("quantities", "x"))`` gives a quantity's fields. ``dashed`` names them
    as configuration files write them ('max-file-bytes')."""
    found: list[str] = []
    for member in _models(_at(model, path)):
        for name, info in member.model_fields.items():
            shown = info.alias or name
            found.append(shown.replace("_", "-") if dashed else shown)
    return found


def _at(annotation, path: tuple):
    for part in path:
        annotation = _child(annotation, part)
        if annotation is None:
            return None
    return annotation


def _child(annotation, part):
    """What is at ``part`` (a field name, a mapping's key or a list's index) of ``annotation``."""
    for member in _members(annotation):
        if isinstance(member, type) and issubclass(member, BaseModel):
            for name, info in member.model_fields.items():
                if part in (name, info.alias, name.replace("_", "-")):
                    return info.annotation
        origin = typing.get_origin(member)
        if origin is dict and isinstance(part, str):
            return typing.get_args(member)[1]
        if origin is list and isinstance(part, int):
            return typing.get_args(member)[0]
    return None


def _members(annotation) -> list:
    """The types an annotation may be: Annotated and unions unwrapped."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _members(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [m for arg in typing.get_args(annotation) for m in _members(arg)]
    return [annotation]


def _models(annotation) -> list[type[BaseModel]]:
    return [m for m in _members(annotation) if isinstance(m, type) and issubclass(m, BaseModel)]
