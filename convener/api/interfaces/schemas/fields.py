"""The shapes of the values the API takes: keys and codes.

Texts take what their model field takes (`convener.directory.interfaces.limits`)."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema

_KEY = r"^[-a-zA-Z0-9_]+$"
_KEY_DOC = "letters, digits, hyphens and underscores"


def _key(what: str, example: str) -> Any:
    return Field(
        pattern=_KEY, max_length=80, description=f"{what}: {_KEY_DOC}.", examples=[example]
    )


SeriesSlug = Annotated[str, _key("A series' slug", "gmg-2016")]
PersonKey = Annotated[str, _key("A person's key", "lakshmi-puri")]
OrganisationKey = Annotated[str, _key("An organisation's key", "unhcr")]
SegmentKey = Annotated[str, _key("The key of a segment of the meeting", "opening")]
StateGroupKey = Annotated[str, _key("A group of States' key", "g77")]
ISO3 = Annotated[
    str,
    Field(
        pattern=r"^[A-Z]{3}$", description="A State's ISO 3166-1 alpha-3 code.", examples=["DEU"]
    ),
]
MeetingNumber = Annotated[int, Field(ge=0, le=32767, examples=[1])]
RowId = Annotated[int, Field(ge=1, le=2**63 - 1)]


# Times of day are local times of the series, without a UTC offset, which
# JSON Schema's `format: time` (RFC 3339) requires: the schema says what the
# API takes and returns with a pattern instead.
_TIME_IN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
_TIME_OUT = r"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$"


def _local(value: Any) -> Any:
    if not isinstance(value, str) or not re.fullmatch(_TIME_IN, value):
        raise ValueError("give the local time of the series as HH:MM, without a UTC offset")
    return value


LocalTime = Annotated[
    datetime.time,
    BeforeValidator(_local),
    WithJsonSchema({"type": "string", "pattern": _TIME_IN, "examples": ["15:00"]}),
]
"""A time of day the API takes: HH:MM or HH:MM:SS."""

TimeOfDay = Annotated[
    datetime.time,
    PlainSerializer(lambda time: time.strftime("%H:%M:%S"), return_type=str),
    WithJsonSchema({"type": "string", "pattern": _TIME_OUT, "examples": ["10:00:00"]}),
]
"""A time of day the API returns: HH:MM:SS."""


def _without_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def omissible(description: str | None = None) -> Any:
    """A field a change may leave out but not set to null. Its default, None,
    never reaches the domain (changes are read with `exclude_unset`) and stays
    out of the schema, which says the field is not nullable."""
    return Field(None, description=description, json_schema_extra=_without_default)
