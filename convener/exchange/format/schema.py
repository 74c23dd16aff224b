"""The series data format, as Pydantic models.

These models are the format's single definition: the importer validates with
them, `convener schema` prints the JSON Schema generated from them, and
`docs/data-format.md` explains each field.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import re
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal

from annotated_types import Ge, GroupedMetadata, Le, MaxLen, MultipleOf
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import (
    BaseValidator,
    MaxValueValidator,
    MinValueValidator,
    StepValueValidator,
)
from django.db import models
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from convener.commitments.models import Mark, MarkKind, StatusNote, TrackStatus, UnitSource
from convener.directory.interfaces.limits import Points, TextOf
from convener.directory.limits import REPORT
from convener.directory.models import (
    ConveningGroup,
    Gender,
    Organisation,
    OrganisationKind,
    Person,
)
from convener.meetings.domain.references import SDG_TARGET
from convener.meetings.models import (
    CoChairBalance,
    ConceptNoteSection,
    Meeting,
    MeetingFormat,
    MeetingStatus,
    OptionalFact,
    Participation,
    Postponement,
    PresidingRole,
    ProgrammeRole,
    ReferenceDocument,
    SectionKind,
    Segment,
    SegmentKind,
    Series,
    SeriesStatus,
)
from convener.prose.links import checked_link
from convener.prose.symbols import is_symbol
from convener.publishing.domain.house_style import emblem_type
from convener.publishing.models import HouseStyle, ReportText, Typeface
from convener.records.models import Capacity, Intervention, InterventionKind

TBC = "TBC"


def _tbc_to_none(value: Any) -> Any:
    """`TBC`, an empty value and a missing value all mean "to be confirmed"."""
    if value is None or (isinstance(value, str) and value.strip() in {"", TBC}):
        return None
    return value


def _choice(choices: Any) -> Any:
    """The values of a model's TextChoices as a Literal, so the schema lists them."""
    return Literal[tuple(choices.values)]


def _choice_of(model: Any, field: str) -> Any:
    """The values a model field offers (choices from the settings, such as the
    languages) as a Literal, so the schema lists them."""
    return Literal[tuple(value for value, _label in model._meta.get_field(field).choices)]


Key = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
ISO3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
SdgTarget = Annotated[str, Field(pattern=SDG_TARGET.pattern)]
MaybeDate = Annotated[datetime.date | None, BeforeValidator(_tbc_to_none)]
MaybeTime = Annotated[datetime.time | None, BeforeValidator(_tbc_to_none)]
# An address a public page links to: http, https or mailto only.
Link = Annotated[str, AfterValidator(checked_link)]
Minutes = Annotated[int, Field(ge=1, le=24 * 60)]


def _maybe(text: TextOf) -> Any:
    """A text of the model that may be "to be confirmed" (None)."""
    return Annotated[Annotated[str, text] | None, BeforeValidator(_tbc_to_none)]


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
    name: Annotated[str, TextOf(Organisation, "name")] = Field(min_length=1)
    acronym: Annotated[str, TextOf(Organisation, "acronym")] = ""
    kind: _choice(OrganisationKind)  # type: ignore[valid-type]
    # Whether the name takes "the" in running text; left out, the name's form decides.
    article: bool | None = None
    state: ISO3 | None = None
    website: Link = ""


class PersonEntry(Strict):
    key: Key
    honorific: Annotated[str, TextOf(Person, "honorific")] = ""
    given_name: Annotated[str, TextOf(Person, "given_name")] = Field(min_length=1)
    family_name: Annotated[str, TextOf(Person, "family_name")] = Field(min_length=1)
    position: Annotated[str, TextOf(Person, "position")] = ""
    organisation: Key | None = None
    short_name: Annotated[str, TextOf(Person, "short_name")] = ""
    gender: _choice(Gender) | None = None  # type: ignore[valid-type]
    biography: Annotated[str, TextOf(Person, "biography")] = ""


class ChairEntry(Strict):
    year: int = Field(ge=1945, le=2100)
    organisation: Key


class ConveningGroupEntry(Strict):
    key: Key
    name: Annotated[str, TextOf(ConveningGroup, "name")] = Field(min_length=1)
    acronym: Annotated[str, TextOf(ConveningGroup, "acronym")] = ""
    description: Annotated[str, TextOf(ConveningGroup, "description")] = ""
    members: list[Key] = []
    chairs: list[ChairEntry] = []


class PreparedEvent(Strict):
    event: Annotated[str, TextOf(Series, "prepared_event")] = Field(min_length=1)
    date: datetime.date | None = None


class VersionEntry(Strict):
    """A text in another language with its status; a bare text is "translated"."""

    text: Annotated[str, MaxLen(REPORT)] = Field(min_length=1)
    status: Literal["translated", "draft"] = "translated"


# A text in another language: the limits of its original apply on import.
Version = Annotated[str, MaxLen(REPORT), Field(min_length=1)] | VersionEntry
# The languages a text may be translated into (the series' own is refused on import).
Language = _choice_of(Series, "language")


class SectionTranslation(Strict):
    heading: Version | None = None
    body: Version | None = None


class TitleTranslation(Strict):
    title: Version | None = None


class SegmentTranslation(Strict):
    title: Version | None = None
    summary: Version | None = None


class SummaryTranslation(Strict):
    summary: Version | None = None


class ReportTranslation(Strict):
    acknowledgements: Version | None = None
    introduction: Version | None = None


class SectionEntry(Strict):
    kind: _choice(SectionKind)  # type: ignore[valid-type]
    heading: Annotated[str, TextOf(ConceptNoteSection, "heading")] = Field(min_length=1)
    body: Annotated[str, TextOf(ConceptNoteSection, "body")]
    translations: dict[Language, SectionTranslation] = {}  # type: ignore[valid-type]


class ReferenceEntry(Strict):
    symbol: Symbol
    title: Annotated[str, TextOf(ReferenceDocument, "title")] = ""
    sdg_targets: list[SdgTarget] = []


class ClassificationEntry(Strict):
    rule: Annotated[str, TextOf(Series, "classification_rule")] = ""
    co_chair_balance: _choice(CoChairBalance) = CoChairBalance.NONE.value  # type: ignore[valid-type]
    developed: list[ISO3] = []
    developing: list[ISO3] = []
    # What a State in neither list counts as: files written by hand list the
    # developed States only; a series that leaves States unclassified says so.
    unlisted: Literal["developing", "unclassified"] = "developing"


def _number(value: Decimal | int) -> int | float:
    return int(value) if value == int(value) else float(value)


@dataclass(frozen=True)
class RangeOf(GroupedMetadata):
    """The bounds and step `model.name` takes, read from its validators."""

    model: type[models.Model]
    name: str

    def __iter__(self) -> Iterator[object]:
        for validator in _model_field(self.model, self.name).validators:
            bound = _BOUNDS.get(type(validator))
            if bound is not None and isinstance(validator, BaseValidator):
                yield bound(_number(validator.limit_value))


_BOUNDS: dict[type, Any] = {
    MinValueValidator: Ge,
    MaxValueValidator: Le,
    StepValueValidator: MultipleOf,
}


def _model_field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return field


def _default(model: type[models.Model], name: str) -> Any:
    default = _model_field(model, name).default
    return _number(default) if isinstance(default, Decimal) else default


class ImprintEntry(Strict):
    """The page after the report's cover."""

    copyright_holder: Annotated[str, TextOf(Series, "copyright_holder")] = ""
    copyright_year: Annotated[int, RangeOf(Series, "copyright_year")] | None = None
    produced_by: Annotated[str, TextOf(Series, "produced_by")] = ""
    about: Annotated[str, TextOf(Series, "report_about")] = ""


class ReportEntry(Strict):
    meetings_called: Annotated[str, TextOf(Series, "meetings_called")] = ""
    acknowledgements: Annotated[str, TextOf(ReportText, "body")] = ""
    introduction: Annotated[str, TextOf(ReportText, "body")] = ""
    imprint: ImprintEntry | None = None
    translations: dict[Language, ReportTranslation] = {}  # type: ignore[valid-type]


_DATA_URI = re.compile(r"^data:(?P<type>[a-z+/]+);base64,(?P<data>[A-Za-z0-9+/=\s]*)$")


def read_emblem(uri: str) -> tuple[str, bytes]:
    """The media type and bytes of an emblem written as a data URI; ValueError
    where the bytes are not the image the URI says."""
    found = _DATA_URI.match(uri)
    if found is None:
        raise ValueError("write the emblem as a data URI: data:image/png;base64,…")
    try:
        data = base64.b64decode("".join(found["data"].split()), validate=True)
    except binascii.Error:
        raise ValueError("the emblem's base64 text is broken") from None
    try:
        kind = emblem_type(data)
    except DjangoValidationError as error:
        raise ValueError(" ".join(error.messages)) from None
    if kind != found["type"]:
        raise ValueError(f"the emblem is {kind}, not {found['type']}")
    return kind, data


def _checked_emblem(uri: str) -> str:
    if uri:  # empty: no emblem
        read_emblem(uri)
    return uri


class HouseStyleEntry(Strict):
    """How the series' PDF and Word files are set; what is left out keeps the UN default."""

    body_font: _choice(Typeface) = _default(HouseStyle, "body_font")  # type: ignore[valid-type]
    heading_font: _choice(Typeface) = _default(HouseStyle, "heading_font")  # type: ignore[valid-type]
    body_size: Annotated[float, RangeOf(HouseStyle, "body_size")] = _default(
        HouseStyle, "body_size"
    )
    chapter_size: Annotated[float, RangeOf(HouseStyle, "chapter_size")] = _default(
        HouseStyle, "chapter_size"
    )
    section_size: Annotated[float, RangeOf(HouseStyle, "section_size")] = _default(
        HouseStyle, "section_size"
    )
    subsection_size: Annotated[float, RangeOf(HouseStyle, "subsection_size")] = _default(
        HouseStyle, "subsection_size"
    )
    margin_top: Annotated[int, RangeOf(HouseStyle, "margin_top")] = _default(
        HouseStyle, "margin_top"
    )
    margin_bottom: Annotated[int, RangeOf(HouseStyle, "margin_bottom")] = _default(
        HouseStyle, "margin_bottom"
    )
    margin_left: Annotated[int, RangeOf(HouseStyle, "margin_left")] = _default(
        HouseStyle, "margin_left"
    )
    margin_right: Annotated[int, RangeOf(HouseStyle, "margin_right")] = _default(
        HouseStyle, "margin_right"
    )
    emblem_description: Annotated[str, TextOf(HouseStyle, "emblem_description")] = ""
    participation_annex: bool = Field(
        default=False, description="The report's annex of charts, 'Participation in figures'"
    )
    emblem: Annotated[
        str,
        AfterValidator(_checked_emblem),
        Field(description="A PNG, JPEG or SVG image as a data URI: data:image/png;base64,…"),
    ] = ""


class SeriesEntry(Strict):
    slug: Key
    title: Annotated[str, TextOf(Series, "title")] = Field(min_length=1)
    short_title: Annotated[str, TextOf(Series, "short_title")] = ""
    status: _choice(SeriesStatus) = SeriesStatus.DRAFT.value  # type: ignore[valid-type]
    purpose: Annotated[str, TextOf(Series, "purpose")] = ""
    prepares: PreparedEvent | None = None
    timezone: str = "UTC"
    venue: Annotated[str, TextOf(Series, "venue")] = ""
    default_language: _choice_of(Series, "default_language") = "en"  # type: ignore[valid-type]
    # The language the series' texts are written in; the others are translations.
    language: Language = "en"  # type: ignore[valid-type]
    concept_note: list[SectionEntry] = []
    references: list[ReferenceEntry] = []
    classification: ClassificationEntry | None = None
    rapporteur: Key | None = None
    funders: Annotated[str, TextOf(Series, "funders")] = ""
    report: ReportEntry | None = None
    house_style: HouseStyleEntry | None = None

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        if value not in zoneinfo.available_timezones():
            raise ValueError(f'"{value}" is not an IANA time zone (such as America/New_York)')
        return value


class CoChairEntry(Strict):
    state: ISO3
    person: Key | None = None
    named_formally: bool = False  # documents name the State by its formal name


class ParticipantEntry(Strict):
    """A place in a segment: a person, or, until the person is named, an
    office, an organisation, both, or neither (to be confirmed)."""

    person: Key | None = None
    organisation: Key | None = None
    office: Annotated[str, TextOf(Participation, "office")] = ""
    role: _choice(ProgrammeRole)  # type: ignore[valid-type]
    capacity: Annotated[str, TextOf(Participation, "capacity")] = ""
    speaking_time: Minutes | None = None


class SegmentEntry(Strict):
    key: Key
    kind: _choice(SegmentKind)  # type: ignore[valid-type]
    title: Annotated[str, TextOf(Segment, "title")] = ""
    duration: Minutes | None = None
    summary: Annotated[str, TextOf(Segment, "summary")] = ""
    participants: list[ParticipantEntry] = []
    translations: dict[Language, SegmentTranslation] = {}  # type: ignore[valid-type]


class StatusNoteEntry(Strict):
    """A change of a commitment's status: when, by whom (a name), and why."""

    status: _choice(TrackStatus)  # type: ignore[valid-type]
    at: datetime.datetime
    by: Annotated[str, TextOf(StatusNote, "by_name")] = ""
    note: Annotated[str, TextOf(StatusNote, "text")] = ""


class MarkEntry(Strict):
    """A point (or a sentence of the summary) confirmed as a recommendation or
    a commitment, or set aside (neither)."""

    source: _choice(UnitSource) = UnitSource.POINT.value  # type: ignore[valid-type]
    position: int = Field(ge=0, le=32767)
    kind: _choice(MarkKind)  # type: ignore[valid-type]
    excerpt: Annotated[str, TextOf(Mark, "excerpt")] = ""
    state: ISO3 | None = None
    organisation: Key | None = None
    person: Key | None = None
    what: Annotated[str, TextOf(Mark, "what")] = ""
    due_date: MaybeDate = None
    due_words: Annotated[str, TextOf(Mark, "due_words")] = ""
    status: _choice(TrackStatus) = TrackStatus.ANNOUNCED.value  # type: ignore[valid-type]
    notes: list[StatusNoteEntry] = []


class InterventionEntry(Strict):
    segment: Key
    speaker: Key | None = None
    state: ISO3 | None = None
    group: Key | None = None
    organisation: Key | None = None
    capacity: _choice(Capacity) | None = None  # type: ignore[valid-type]
    office: Annotated[str, TextOf(Intervention, "office")] = ""
    kind: _choice(InterventionKind) = InterventionKind.STATEMENT.value  # type: ignore[valid-type]
    summary: Annotated[str, TextOf(Intervention, "summary")] = ""
    points: Points = []
    references: list[Symbol] = []
    sdg_targets: list[SdgTarget] = []
    translations: dict[Language, SummaryTranslation] = {}  # type: ignore[valid-type]
    marks: list[MarkEntry] = []


_PART_OF_LINK = Meeting._meta.get_field("part_of_link")


def _web_page(address: str) -> str:
    """An http or https address, as the meeting's field takes it; empty for none."""
    address = checked_link(address)
    if address:
        try:
            _PART_OF_LINK.run_validators(address)
        except DjangoValidationError:
            raise ValueError(f'"{address}" is not a web address (http or https)') from None
    return address


class PartOfEntry(Strict):
    """The larger event a meeting is one session of."""

    event: Annotated[str, TextOf(Meeting, "part_of")] = Field(min_length=1)
    link: Annotated[str, MaxLen(_PART_OF_LINK.max_length or 0), AfterValidator(_web_page)] = ""


class PostponementEntry(Strict):
    """A date the meeting was postponed from, with its times and the reason."""

    date: datetime.date
    start: MaybeTime = None
    end: MaybeTime = None
    reason: Annotated[str, TextOf(Postponement, "reason")] = ""


class MeetingEntry(Strict):
    number: int = Field(ge=1, le=999)
    title: Annotated[str, TextOf(Meeting, "title")] = Field(min_length=1)
    status: _choice(MeetingStatus) = MeetingStatus.DRAFT.value  # type: ignore[valid-type]
    part_of: PartOfEntry | None = None
    date: MaybeDate = None
    start: MaybeTime = None
    end: MaybeTime = None
    ends_next_day: bool = False
    postponed_from: list[PostponementEntry] = []
    venue: _maybe(TextOf(Meeting, "venue")) = None  # type: ignore[valid-type]
    room: _maybe(TextOf(Meeting, "room")) = None  # type: ignore[valid-type]
    format: _choice(MeetingFormat) = MeetingFormat.PANELS.value  # type: ignore[valid-type]
    format_note: Annotated[str, TextOf(Meeting, "format_note")] = ""
    summary: Annotated[str, TextOf(Meeting, "summary")] = ""
    # Whether the public and the documents read the record; left out, the
    # record of a held or reported meeting is released (`record_released_by_default`).
    record_released: bool | None = None
    co_organisers: list[Key] = []
    co_chairs: list[CoChairEntry] = []
    moderator: Key | None = None
    moderator_role: _choice(PresidingRole) = PresidingRole.MODERATOR.value  # type: ignore[valid-type]
    # The facts the meeting has none of by design: never "TBC", never printed.
    not_applicable: list[_choice(OptionalFact)] = []  # type: ignore[valid-type]
    concept_note: list[SectionEntry] = []
    segments: list[SegmentEntry] = []
    interventions: list[InterventionEntry] = []
    translations: dict[Language, TitleTranslation] = {}  # type: ignore[valid-type]


def record_released_by_default(status: str) -> bool:
    """Whether a meeting's record counts as released when the file does not say:
    the record of a meeting that was held or reported was written from notes
    already reviewed; one of a draft or published meeting is not released yet."""
    return status in (MeetingStatus.HELD, MeetingStatus.REPORTED)


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
