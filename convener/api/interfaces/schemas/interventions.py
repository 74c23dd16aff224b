"""Turns on the floor."""

from __future__ import annotations

import datetime
from typing import Annotated

from ninja import Field, Schema

from convener.api.interfaces.schemas.fields import (
    ISO3,
    MeetingNumber,
    OrganisationKey,
    PersonKey,
    SegmentKey,
    SeriesSlug,
    StateGroupKey,
    omissible,
)
from convener.api.interfaces.schemas.references import (
    OrganisationRef,
    PersonRef,
    StateGroupRef,
    StateRef,
)
from convener.api.interfaces.schemas.texts import TRANSLATIONS_FIELD, Translations, translations_of
from convener.api.interfaces.versions import VERSION_HELP, intervention_version
from convener.directory.interfaces.limits import Points, TextOf
from convener.records.models import Capacity, Intervention, InterventionKind


class InterventionOut(Schema):
    id: int
    series: str
    meeting: int
    segment: str
    order: int
    kind: InterventionKind
    speaker: PersonRef | None
    state: StateRef | None
    group: StateGroupRef | None
    organisation: OrganisationRef | None
    capacity: Capacity | None
    office: str
    summary: str
    points: list[str]
    references: list[str] = Field(description="UN document symbols cited.")
    sdg_targets: list[str]
    translations: Translations = TRANSLATIONS_FIELD
    updated_at: datetime.datetime
    version: str = Field(description=VERSION_HELP)

    @staticmethod
    def resolve_translations(intervention: Intervention) -> Translations:
        return translations_of(intervention)

    @staticmethod
    def resolve_version(intervention: Intervention) -> str:
        return intervention_version(intervention)

    @staticmethod
    def resolve_series(intervention: Intervention) -> str:
        return intervention.segment.meeting.series.slug

    @staticmethod
    def resolve_meeting(intervention: Intervention) -> int:
        return intervention.segment.meeting.number

    @staticmethod
    def resolve_segment(intervention: Intervention) -> str:
        return intervention.segment.key

    @staticmethod
    def resolve_group(intervention: Intervention) -> object:
        return intervention.state_group

    @staticmethod
    def resolve_capacity(intervention: Intervention) -> str | None:
        return intervention.capacity or None


class InterventionFilters(Schema):
    series: SeriesSlug | None = Field(None, description="Interventions in meetings of this series.")
    meeting: MeetingNumber | None = Field(
        None, description="Interventions in the meeting of this number; needs `series`."
    )
    state: ISO3 | None = Field(None, description="Interventions of this State's delegation.")
    organisation: OrganisationKey | None = Field(
        None, description="Interventions for this organisation."
    )
    person: PersonKey | None = Field(None, description="Interventions by this speaker.")
    capacity: Capacity | None = Field(None, description="Interventions in this capacity.")


class InterventionIn(Schema):
    """A new turn on the floor. Name at least a speaker, a State, a group or an organisation."""

    model_config = {"extra": "forbid"}

    segment: SegmentKey = Field(description="The key of the segment of the meeting.")
    speaker: PersonKey | None = Field(None, description="The speaker's key.")
    state: ISO3 | None = Field(None, description="The State the speaker spoke for.")
    group: StateGroupKey | None = Field(
        None, description="The group of States spoken for (its key)."
    )
    organisation: OrganisationKey | None = Field(None, description="The organisation spoken for.")
    capacity: Capacity | None = None
    office: Annotated[str, TextOf(Intervention, "office")] = Field(
        "", description="The office held, when speaking as its holder."
    )
    kind: InterventionKind = InterventionKind.STATEMENT
    summary: Annotated[str, TextOf(Intervention, "summary")] = Field("", description="Markdown.")
    points: Points = Field(default_factory=list, description="Points and recommendations.")


class InterventionChangesIn(Schema):
    """What to change in a turn on the floor; what is left out stays as it is,
    null clears a speaker or delegation."""

    model_config = {"extra": "forbid"}

    segment: SegmentKey = omissible("Moves it to this segment of its meeting.")
    speaker: PersonKey | None = None
    state: ISO3 | None = None
    group: StateGroupKey | None = None
    organisation: OrganisationKey | None = None
    capacity: Capacity | None = Field(None, description="null: not recorded.")
    office: Annotated[str, TextOf(Intervention, "office")] = omissible()
    kind: InterventionKind = omissible()
    summary: Annotated[str, TextOf(Intervention, "summary")] = omissible()
    points: Points = omissible()
