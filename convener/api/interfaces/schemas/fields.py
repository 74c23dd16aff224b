"""The shapes of the values the API takes: keys and codes.

Texts take what their model field takes (`convener.directory.interfaces.limits`)."""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, Field

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


def _local(time: datetime.time) -> datetime.time:
    if time.tzinfo is not None:
        raise ValueError("give the local time of the series, without a UTC offset")
    return time


LocalTime = Annotated[datetime.time, AfterValidator(_local)]


def _without_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def omissible(description: str | None = None) -> Any:
    """A field a change may leave out but not set to null. Its default, None,
    never reaches the domain (changes are read with `exclude_unset`) and stays
    out of the schema, which says the field is not nullable."""
    return Field(None, description=description, json_schema_extra=_without_default)
