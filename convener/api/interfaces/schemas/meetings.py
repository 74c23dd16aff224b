from __future__ import annotations

import datetime
from typing import Annotated

from ninja import Field, Schema

from convener.api.interfaces.schemas.fields import (
    ISO3,
    LocalTime,
    OrganisationKey,
    PersonKey,
    SeriesSlug,
    TimeOfDay,
    omissible,
)
from convener.api.interfaces.schemas.references import (
    OrganisationRef,
    PersonRef,
    SectionOut,
    StateRef,
)
from convener.api.interfaces.schemas.texts import TRANSLATIONS_FIELD, Translations, translations_of
from convener.api.interfaces.versions import VERSION_HELP, meeting_version
from convener.directory.interfaces.limits import TextOf
from convener.meetings.models import (
    Meeting,
    MeetingFormat,
    MeetingStatus,
    Participation,
    ProgrammeRole,
    Segment,
    SegmentKind,
)
from convener.meetings.wording import place_in_words


class MeetingOut(Schema):
    series: str
    number: int
    title: str
    status: MeetingStatus
    date: datetime.date | None
    start: TimeOfDay | None
    end: TimeOfDay | None
    ends_next_day: bool
    venue: str
    room: str
    format: MeetingFormat
    updated_at: datetime.datetime

    @staticmethod
    def resolve_series(meeting: Meeting) -> str:
        return meeting.series.slug

    @staticmethod
    def resolve_start(meeting: Meeting) -> datetime.time | None:
        return meeting.start_time

    @staticmethod
    def resolve_end(meeting: Meeting) -> datetime.time | None:
        return meeting.end_time


class CoChairOut(Schema):
    state: StateRef
    person: PersonRef | None
    named_formally: bool = Field(
        description="Documents name the State by its formal name (“Kingdom of the Netherlands”)."
    )


class ParticipantOut(Schema):
    person: PersonRef | None = Field(description="None until the person is named.")
    organisation: OrganisationRef | None = Field(
        description="The person's organisation or, for a place not yet named, "
        "the organisation it is held for."
    )
    office: str = Field(description="For a place not yet named: the office that holds it.")
    holder: str = Field(
        description="The place as documents word it: a name, an office, "
        '"A representative of …" or "TBC".'
    )
    role: ProgrammeRole
    capacity: str = Field(
        description="A title the person holds at this meeting only, such as "
        '"Chair of the Global Migration Group"; empty for none.'
    )
    speaking_time: int | None

    @staticmethod
    def resolve_organisation(participation: Participation) -> object:
        if participation.person is not None:
            return participation.person.organisation
        return participation.organisation

    @staticmethod
    def resolve_holder(participation: Participation) -> str:
        return place_in_words(participation)


class SegmentOut(Schema):
    key: str
    kind: SegmentKind
    title: str
    heading: str
    duration: int | None = Field(description="The time budget, in minutes.")
    summary: str
    participants: list[ParticipantOut]
    translations: Translations = TRANSLATIONS_FIELD

    @staticmethod
    def resolve_translations(segment: Segment) -> Translations:
        return translations_of(segment)

    @staticmethod
    def resolve_participants(segment: Segment) -> list[object]:
        return list(segment.participations.all())


class MeetingDetailOut(MeetingOut):
    format_note: str
    summary: str
    moderator: PersonRef | None
    co_organisers: list[OrganisationRef]
    co_chairs: list[CoChairOut]
    concept_note: list[SectionOut]
    segments: list[SegmentOut]
    translations: Translations = TRANSLATIONS_FIELD
    version: str = Field(description=VERSION_HELP)

    @staticmethod
    def resolve_translations(meeting: Meeting) -> Translations:
        return translations_of(meeting)

    @staticmethod
    def resolve_version(meeting: Meeting) -> str:
        return meeting_version(meeting)

    @staticmethod
    def resolve_co_organisers(meeting: Meeting) -> list[object]:
        return [link.organisation for link in meeting.co_organiser_links.all()]

    @staticmethod
    def resolve_co_chairs(meeting: Meeting) -> list[object]:
        return list(meeting.co_chairs.all())

    @staticmethod
    def resolve_concept_note(meeting: Meeting) -> list[object]:
        return list(meeting.sections.all())

    @staticmethod
    def resolve_segments(meeting: Meeting) -> list[object]:
        return list(meeting.segments.all())


class MeetingFilters(Schema):
    series: SeriesSlug | None = Field(None, description="Meetings of this series (its slug).")
    state: ISO3 | None = Field(
        None, description="Meetings this State co-chaired or took the floor in."
    )
    organisation: OrganisationKey | None = Field(
        None,
        description="Meetings this organisation co-organised, took the floor in, "
        "or in which one of its people had a part.",
    )
    person: PersonKey | None = Field(
        None,
        description="Meetings in which this person had a part: moderator, co-chair, "
        "in the programme or on the floor.",
    )
    status: MeetingStatus | None = Field(None, description="Meetings in this status.")


class MeetingChangesIn(Schema):
    """The facts of a meeting to change; what is left out stays as it is."""

    model_config = {"extra": "forbid"}

    title: Annotated[str, TextOf(Meeting, "title")] = omissible()
    status: MeetingStatus = omissible()
    date: datetime.date | None = Field(None, description="null: to be confirmed.")
    start: LocalTime | None = Field(
        None, description="Local time of the series, no UTC offset; null: to be confirmed."
    )
    end: LocalTime | None = Field(
        None, description="Local time of the series, no UTC offset; null: to be confirmed."
    )
    ends_next_day: bool = omissible(
        "true: the meeting runs past midnight; its end is the next day."
    )
    venue: Annotated[str, TextOf(Meeting, "venue")] = omissible('"": to be confirmed.')
    room: Annotated[str, TextOf(Meeting, "room")] = omissible('"": to be confirmed.')
    format_note: Annotated[str, TextOf(Meeting, "format_note")] = omissible()
    summary: Annotated[str, TextOf(Meeting, "summary")] = omissible(
        "Markdown: the executive summary."
    )
