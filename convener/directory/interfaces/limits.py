"""The limits of the model fields, for the Pydantic schemas of the import and the API.

`Annotated[str, TextOf(Person, "given_name")]` takes what the model field
takes: its `max_length` (which the JSON Schema shows as maxLength) and its
validators (one line, or prose); a broken rule reads as the forms word it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from annotated_types import GroupedMetadata, MaxLen
from django.core.exceptions import ValidationError
from django.db import models
from pydantic import AfterValidator, Field

from convener.directory.limits import POINT, POINTS, prose


def _as_value_error(validators: list[Callable[[Any], None]]) -> Callable[[str], str]:
    """Run Django validators the way Pydantic expects: ValueError for a broken rule."""

    def check(value: str) -> str:
        for validator in validators:
            try:
                validator(value)
            except ValidationError as error:
                raise ValueError(" ".join(error.messages)) from None
        return value

    return check


@dataclass(frozen=True)
class TextOf(GroupedMetadata):
    """The length and the characters `model.name` takes."""

    model: type[models.Model]
    name: str

    def __iter__(self) -> Iterator[object]:
        field = self.model._meta.get_field(self.name)
        yield MaxLen(field.max_length or 0)  # type: ignore[union-attr]
        yield AfterValidator(_as_value_error(list(field.validators)))  # type: ignore[union-attr]


Point = Annotated[str, MaxLen(POINT), AfterValidator(_as_value_error([prose]))]
Points = Annotated[list[Point], Field(max_length=POINTS)]
