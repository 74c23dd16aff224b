"""How one resource names another: by its key, with a label to show."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Schema

from convener.api.interfaces.schemas.texts import TRANSLATIONS_FIELD, Translations, translations_of
from convener.directory.models import Organisation, Person, StateGroupKind
from convener.meetings.models import Meeting, MeetingStatus, SectionKind


class PersonRef(Schema):
    key: str
    honorific: str
    name: str

    @staticmethod
    def resolve_name(person: Person) -> str:
        return person.full_name


class OrganisationRef(Schema):
    key: str
    name: str
    acronym: str
    label: str

    @staticmethod
    def resolve_label(organisation: Organisation) -> str:
        return organisation.label


class StateRef(Schema):
    iso3: str
    name: str


class StateGroupRef(Schema):
    key: str
    name: str
    short_name: str
    kind: StateGroupKind


class MeetingRef(Schema):
    series: str
    number: int
    title: str
    status: MeetingStatus
    date: datetime.date | None

    @staticmethod
    def resolve_series(meeting: Meeting) -> str:
        return meeting.series.slug


class SectionOut(Schema):
    """A section of a concept note."""

    kind: SectionKind
    heading: str
    body: str
    translations: Translations = TRANSLATIONS_FIELD

    @staticmethod
    def resolve_translations(section: Any) -> Translations:
        return translations_of(section)
