"""The series data format, as Pydantic models.

These models are the format's single definition: the importer validates with
them, `convener schema` prints the JSON Schema generated from them, and
`docs/data-format.md` explains each field.
"""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from convener.directory.models import Gender, OrganisationKind
from convener.meetings.models import (
    CoChairBalance,
    MeetingFormat,
    MeetingStatus,
    Role,
    SectionKind,
    SegmentKind,
    SeriesStatus,
)
from convener.prose.links import checked_link
from convener.prose.symbols import is_symbol
from convener.records.models import Capacity, InterventionKind

TBC = "TBC"


def _tbc_to_none(value: Any) -> Any:
    """`TBC`, an empty value and a missing value all mean "to be confirmed"."""
    if value is None or (isinstance(value, str) and value.strip() in {"", TBC}):
        return None
    return value


def _choice(choices: Any) -> Any:
    """The values of a model's TextChoices as a Literal, so the schema lists them."""
    return Literal[tuple(choices.values)]


Key = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
ISO3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
SdgTarget = Annotated[str, Field(pattern=r"^(?:[1-9]|1[0-7])\.(?:[1-9][0-9]?|[a-c])$")]
MaybeDate = Annotated[datetime.date | None, BeforeValidator(_tbc_to_none)]
MaybeTime = Annotated[datetime.time | None, BeforeValidator(_tbc_to_none)]
MaybeText = Annotated[str | None, BeforeValidator(_tbc_to_none)]
# An address a public page links to: http, https or mailto only.
Link = Annotated[str, AfterValidator(checked_link)]
Minutes = Annotated[int, Field(ge=1, le=24 * 60)]


class Strict(BaseModel):
    # A misspelt field is an error, not silently dropped data.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _valid_symbol(symbol: str) -> str:
    if not is_symbol(symbol):
        raise ValueError(f'"{symbol}" is not a UN document symbol (such as A/70/59)')
    return symbol


Symbol = Annotated[str, BeforeValidator(lambda value: _valid_symbol(str(value).strip()))]


class OrganisationEntry(Strict):
    key: Key
    name: str = Field(min_length=1, max_length=300)
    acronym: str = Field(default="", max_length=40)
    kind: _choice(OrganisationKind)  # type: ignore[valid-type]
    state: ISO3 | None = None
    website: Link = ""


class PersonEntry(Strict):
    key: Key
    honorific: str = Field(default="", max_length=30)
    given_name: str = Field(min_length=1, max_length=100)
    family_name: str = Field(min_length=1, max_length=100)
    position: str = Field(default="", max_length=300)
    organisation: Key | None = None
    short_name: str = Field(default="", max_length=100)
    gender: _choice(Gender) | None = None  # type: ignore[valid-type]
    biography: str = ""


class ChairEntry(Strict):
    year: int = Field(ge=1945, le=2100)
    organisation: Key


class ConveningGroupEntry(Strict):
    key: Key
    name: str = Field(min_length=1, max_length=200)
    acronym: str = Field(default="", max_length=40)
    description: str = ""
    members: list[Key] = []
    chairs: list[ChairEntry] = []


class PreparedEvent(Strict):
    event: str = Field(min_length=1, max_length=400)
    date: datetime.date | None = None


class SectionEntry(Strict):
    kind: _choice(SectionKind)  # type: ignore[valid-type]
    heading: str = Field(min_length=1, max_length=300)
    body: str


class ReferenceEntry(Strict):
    symbol: Symbol
    title: str = Field(default="", max_length=400)
    sdg_targets: list[SdgTarget] = []


class ClassificationEntry(Strict):
    rule: str = Field(default="", max_length=300)
    co_chair_balance: _choice(CoChairBalance) = CoChairBalance.NONE.value  # type: ignore[valid-type]
    developed: list[ISO3] = []
    developing: list[ISO3] = []
    # What a State in neither list counts as: files written by hand list the
    # developed States only; a series that leaves States unclassified says so.
    unlisted: Literal["developing", "unclassified"] = "developing"


class ReportEntry(Strict):
    acknowledgements: str = ""
    introduction: str = ""


class SeriesEntry(Strict):
    slug: Key
    title: str = Field(min_length=1, max_length=400)
    short_title: str = Field(default="", max_length=150)
    status: _choice(SeriesStatus) = SeriesStatus.DRAFT.value  # type: ignore[valid-type]
    purpose: str = ""
    prepares: PreparedEvent | None = None
    timezone: str = "UTC"
    venue: str = Field(default="", max_length=300)
    concept_note: list[SectionEntry] = []
    references: list[ReferenceEntry] = []
    classification: ClassificationEntry | None = None
    rapporteur: Key | None = None
    funders: str = ""
    report: ReportEntry | None = None

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        if value not in zoneinfo.available_timezones():
            raise ValueError(f'"{value}" is not an IANA time zone (such as America/New_York)')
        return value


class CoChairEntry(Strict):
    state: ISO3
    person: Key | None = None


class ParticipantEntry(Strict):
    person: Key
    role: _choice(Role)  # type: ignore[valid-type]
    speaking_time: Minutes | None = None


class SegmentEntry(Strict):
    key: Key
    kind: _choice(SegmentKind)  # type: ignore[valid-type]
    title: str = Field(default="", max_length=400)
    duration: Minutes | None = None
    summary: str = ""
    participants: list[ParticipantEntry] = []


class InterventionEntry(Strict):
    segment: Key
    speaker: Key | None = None
    state: ISO3 | None = None
    group: Key | None = None
    organisation: Key | None = None
    capacity: _choice(Capacity) | None = None  # type: ignore[valid-type]
    office: str = Field(default="", max_length=300)
    kind: _choice(InterventionKind) = InterventionKind.STATEMENT.value  # type: ignore[valid-type]
    summary: str = ""
    points: list[str] = []
    references: list[Symbol] = []
    sdg_targets: list[SdgTarget] = []


class MeetingEntry(Strict):
    number: int = Field(ge=1, le=999)
    title: str = Field(min_length=1, max_length=400)
    status: _choice(MeetingStatus) = MeetingStatus.DRAFT.value  # type: ignore[valid-type]
    date: MaybeDate = None
    start: MaybeTime = None
    end: MaybeTime = None
    venue: MaybeText = None
    room: MaybeText = None
    format: _choice(MeetingFormat) = MeetingFormat.PANELS.value  # type: ignore[valid-type]
    format_note: str = ""
    summary: str = ""
    co_organisers: list[Key] = []
    co_chairs: list[CoChairEntry] = []
    moderator: Key | None = None
    concept_note: list[SectionEntry] = []
    segments: list[SegmentEntry] = []
    interventions: list[InterventionEntry] = []


class SeriesDocument(Strict):
    format: Literal["convener-series"]
    version: Literal[1]
    organisations: list[OrganisationEntry] = []
    people: list[PersonEntry] = []
    convening_group: ConveningGroupEntry | None = None
    series: SeriesEntry
    meetings: list[MeetingEntry] = []


def json_schema() -> dict[str, Any]:
    schema = SeriesDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Convener series"
    return schema
