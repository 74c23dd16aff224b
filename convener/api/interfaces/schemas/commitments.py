"""Commitments and recommendations confirmed in the records."""

from __future__ import annotations

import datetime
from typing import Literal

from ninja import Field, Schema

from convener.api.interfaces.schemas.fields import ISO3, MeetingNumber, OrganisationKey
from convener.api.interfaces.schemas.references import OrganisationRef, PersonRef, StateRef
from convener.commitments.models import Mark, MarkKind, TrackStatus, UnitSource
from convener.directory.models import RegionalGroup


class StatusNoteOut(Schema):
    status: TrackStatus
    note: str = Field(alias="text")
    at: datetime.datetime


class CommitmentOut(Schema):
    id: int
    kind: Literal["commitment", "recommendation"]
    series: str
    meeting: int
    intervention: int = Field(description="The statement it came from (`/api/interventions/{id}`).")
    source: UnitSource = Field(
        description="A point of the statement, or a sentence of its summary."
    )
    position: int = Field(description="Which point or sentence, counted from 0.")
    excerpt: str = Field(description="The words of the statement, as they were when marked.")
    state: StateRef | None = Field(description="The State that committed or recommended.")
    organisation: OrganisationRef | None
    person: PersonRef | None
    what: str
    due_date: datetime.date | None
    due_words: str = Field(description="The deadline as the speaker put it (“by 2018”).")
    status: TrackStatus | None = Field(
        description="A commitment's status; none for a recommendation."
    )
    notes: list[StatusNoteOut] = Field(description="Each change of the status, oldest first.")

    @staticmethod
    def resolve_series(mark: Mark) -> str:
        return mark.intervention.segment.meeting.series.slug

    @staticmethod
    def resolve_meeting(mark: Mark) -> int:
        return mark.intervention.segment.meeting.number

    @staticmethod
    def resolve_intervention(mark: Mark) -> int:
        return mark.intervention_id

    @staticmethod
    def resolve_state(mark: Mark) -> object:
        return mark.author_state

    @staticmethod
    def resolve_organisation(mark: Mark) -> object:
        return mark.author_organisation

    @staticmethod
    def resolve_person(mark: Mark) -> object:
        return mark.author_person

    @staticmethod
    def resolve_status(mark: Mark) -> str | None:
        return mark.status if mark.kind == MarkKind.COMMITMENT else None

    @staticmethod
    def resolve_notes(mark: Mark) -> list:
        return list(mark.notes.all())


class CommitmentFilters(Schema):
    status: TrackStatus | None = Field(None, description="Commitments of this status.")
    kind: Literal["commitment", "recommendation"] | None = Field(
        None, description="Only commitments or only recommendations."
    )
    state: ISO3 | None = Field(None, description="Made by this State.")
    organisation: OrganisationKey | None = Field(None, description="Made by this organisation.")
    meeting: MeetingNumber | None = Field(None, description="Made in the meeting of this number.")
    regional_group: RegionalGroup | None = Field(
        None, description="Made by a State of this regional group."
    )
