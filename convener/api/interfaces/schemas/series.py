from __future__ import annotations

import datetime

from ninja import Field, Schema

from convener.api.interfaces.schemas.references import MeetingRef, PersonRef, SectionOut
from convener.meetings.models import Series, SeriesStatus


class ConveningGroupRef(Schema):
    key: str
    name: str
    acronym: str


class ReferenceDocumentOut(Schema):
    symbol: str
    title: str
    sdg_targets: list[str]


class SeriesOut(Schema):
    slug: str
    title: str
    short_title: str
    status: SeriesStatus
    convening_group: ConveningGroupRef | None
    prepared_event: str
    prepared_event_date: datetime.date | None
    timezone: str
    venue: str
    default_language: str = Field(
        description="The language code of the series' pages for a visitor who asks for none "
        "of the six: ar, zh-hans, en, fr, ru or es."
    )
    updated_at: datetime.datetime


class SeriesDetailOut(SeriesOut):
    purpose: str
    rapporteur: PersonRef | None
    funders: str
    classification_rule: str
    concept_note: list[SectionOut]
    references: list[ReferenceDocumentOut]
    meetings: list[MeetingRef]

    @staticmethod
    def resolve_references(series: Series) -> list[object]:
        return list(series.references.all())

    @staticmethod
    def resolve_meetings(series: Series) -> list[object]:
        return series.meeting_list  # type: ignore[attr-defined]
