"""Statements found by a search."""

from __future__ import annotations

import datetime
from typing import Literal

from ninja import Field, Schema

from convener.api.interfaces.schemas.fields import (
    ISO3,
    MeetingNumber,
    PersonKey,
    SeriesSlug,
    StateGroupKey,
)
from convener.directory.models import OrganisationKind, RegionalGroup
from convener.meetings.domain.references import SDG_TARGET
from convener.meetings.models import SegmentKind
from convener.records.models import Capacity
from convener.search.queries.search import QUERY_LENGTH

DELEGATION = r"^(state:[A-Z]{3}|(group|organisation):[-a-zA-Z0-9_]{1,80})$"


class SearchQuery(Schema):
    q: str = Field(
        min_length=1,
        max_length=QUERY_LENGTH,
        description="What to look for, in any of the six languages.",
        examples=["complementary pathways"],
    )
    mode: Literal["words", "meaning", "combined"] = Field(
        "combined",
        description=(
            "`words`: every word, compared by stem; `meaning`: the nearest in meaning; "
            "`combined`: both rankings fused."
        ),
    )
    series: SeriesSlug | None = Field(None, description="Statements of this series.")
    meeting: MeetingNumber | None = Field(
        None, description="Statements of the meeting of this number; needs `series`."
    )
    date_from: datetime.date | None = Field(None, description="Meetings on or after this day.")
    date_to: datetime.date | None = Field(None, description="Meetings on or before this day.")
    speaker: PersonKey | None = Field(None, description="Statements by this person.")
    delegation: str | None = Field(
        None,
        pattern=DELEGATION,
        max_length=100,
        description="The State, group or organisation spoken for: `state:FRA`, `group:g77`, "
        "`organisation:iom`.",
    )
    state: ISO3 | None = Field(None, description="Statements for this State.")
    regional_group: RegionalGroup | None = Field(
        None, description="Statements for States of this regional group."
    )
    state_group: StateGroupKey | None = Field(
        None,
        description="Statements for this group of States, or for a State that was its "
        "member on the day of the meeting.",
    )
    organisation_kind: OrganisationKind | None = Field(
        None, description="Statements for organisations of this kind."
    )
    capacity: Capacity | None = Field(None, description="Statements made in this capacity.")
    segment_kind: SegmentKind | None = Field(
        None, description="Statements made in this kind of part of a meeting."
    )
    sdg_target: str | None = Field(
        None,
        pattern=SDG_TARGET.pattern,
        max_length=5,
        description="Statements citing this SDG target.",
    )
    theme: int | None = Field(
        None,
        ge=1,
        le=2**31 - 1,
        description="Statements placed in this theme (its id, from the theme pages).",
    )


class SearchHitOut(Schema):
    intervention: int = Field(description="The statement's id (`/api/interventions/{id}`).")
    series: str
    meeting: int
    segment: str
    speaker: str = Field(description="Who spoke, and for whom, in words.")
    score: float = Field(description="Higher is better; comparable within one search only.")
    snippet: str = Field(description="An excerpt, HTML-escaped, with the words found in `<mark>`.")
    language: str = Field(description="The language of the excerpt.")
    meeting_url: str = Field(description="The statement in its meeting's record.")
    report_url: str = Field(description="The part of the series' report it was made in.")


class SearchPageOut(Schema):
    count: int = Field(description="How many statements were found.")
    next: str | None = Field(description="The next page, if there is one.")
    previous: str | None = Field(description="The previous page, if there is one.")
    results: list[SearchHitOut]
