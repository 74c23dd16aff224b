from __future__ import annotations

import datetime

from ninja import Field, Schema

from convener.api.interfaces.schemas.references import MeetingRef, PersonRef, SectionOut
from convener.meetings.models import Series, SeriesStatus
from convener.publishing.domain.house_style import STYLE_FIELDS
from convener.publishing.models import HouseStyle, Typeface
from convener.publishing.print_style import house_style_of


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


class ImprintOut(Schema):
    """The page after the report's cover; empty values are not printed."""

    copyright_holder: str
    copyright_year: int | None
    produced_by: str
    about: str


class HouseStyleOut(Schema):
    """How the series' PDF and Word files are set (the UN default where the series set none):
    sizes in points, margins in millimetres."""

    body_font: Typeface
    heading_font: Typeface
    body_size: float
    chapter_size: float
    section_size: float
    subsection_size: float
    margin_top: int
    margin_bottom: int
    margin_left: int
    margin_right: int
    emblem_type: str | None  # the emblem's media type; the image is in the series export
    emblem_description: str
    participation_annex: bool  # the report's annex "Participation in figures"


class SeriesDetailOut(SeriesOut):
    purpose: str
    rapporteur: PersonRef | None
    funders: str
    classification_rule: str
    meetings_called: str
    imprint: ImprintOut
    house_style: HouseStyleOut
    concept_note: list[SectionOut]
    references: list[ReferenceDocumentOut]
    meetings: list[MeetingRef]

    @staticmethod
    def resolve_imprint(series: Series) -> dict[str, object]:
        return {
            "copyright_holder": series.copyright_holder,
            "copyright_year": series.copyright_year,
            "produced_by": series.produced_by,
            "about": series.report_about,
        }

    @staticmethod
    def resolve_house_style(series: Series) -> dict[str, object]:
        style = house_style_of(series) or HouseStyle()
        return {
            **{name: getattr(style, name) for name in STYLE_FIELDS},
            "emblem_type": style.emblem_type or None,
        }

    @staticmethod
    def resolve_references(series: Series) -> list[object]:
        return list(series.references.all())

    @staticmethod
    def resolve_meetings(series: Series) -> list[object]:
        return series.meeting_list  # type: ignore[attr-defined]
