"""People, organisations and States."""

from __future__ import annotations

from ninja import Field, Schema

from convener.api.interfaces.schemas.fields import OrganisationKey, SeriesSlug
from convener.api.interfaces.schemas.references import (
    MeetingRef,
    OrganisationRef,
    PersonRef,
    StateGroupRef,
)
from convener.directory.models import (
    MembershipStatus,
    Organisation,
    OrganisationKind,
    Person,
    RegionalGroup,
    State,
)
from convener.prose.links import followable
from convener.records.queries.appearances import MeetingAppearances, Part


class PersonOut(Schema):
    key: str
    honorific: str
    given_name: str
    family_name: str
    name: str
    short_name: str
    position: str
    organisation: OrganisationRef | None

    @staticmethod
    def resolve_name(person: Person) -> str:
        return person.full_name


class PartOut(Schema):
    part: Part
    segment: str | None = Field(description="The segment's key, for a part in one.")


class AppearanceOut(Schema):
    meeting: MeetingRef
    parts: list[PartOut]

    @staticmethod
    def resolve_parts(group: MeetingAppearances) -> list[dict[str, object]]:
        return [
            {"part": item.part, "segment": item.segment.key if item.segment else None}
            for item in group.appearances
        ]


class PersonDetailOut(PersonOut):
    biography: str
    appearances: list[AppearanceOut] = Field(
        description="The meetings the person had a part in, in date order."
    )


class PeopleFilters(Schema):
    series: SeriesSlug | None = Field(
        None, description="People with a part in a meeting of this series."
    )
    organisation: OrganisationKey | None = Field(None, description="People of this organisation.")


class OrganisationOut(Schema):
    key: str
    name: str
    acronym: str
    kind: OrganisationKind
    state: str | None = Field(description="For a mission or a government: its State (ISO3).")
    website: str

    @staticmethod
    def resolve_state(organisation: Organisation) -> str | None:
        return organisation.state.iso3 if organisation.state else None

    @staticmethod
    def resolve_website(organisation: Organisation) -> str:
        # Clients make links of it: an address stored before schemes were checked is left out.
        return followable(organisation.website) or ""


class OrganisationDetailOut(OrganisationOut):
    co_organised: list[MeetingRef]
    people: list[PersonRef] = Field(description="Its people who took part in meetings.")

    @staticmethod
    def resolve_people(organisation: Organisation) -> list[Person]:
        return organisation.people_taking_part  # type: ignore[attr-defined]


class AreaRef(Schema):
    code: str
    name: str


class StateOut(Schema):
    iso3: str
    iso2: str
    m49: str
    name: str
    names: dict[str, str] = Field(description="The short name in each UN language.")
    formal_name: str
    status: MembershipStatus
    regional_group: RegionalGroup | None
    region: AreaRef | None
    sub_region: AreaRef | None

    @staticmethod
    def resolve_regional_group(state: State) -> str | None:
        return state.regional_group or None


class StateDetailOut(StateOut):
    intermediate_region: AreaRef | None
    regional_group_note: str
    groups: list[StateGroupRef] = Field(description="The groups of States it belongs to today.")


class StateFilters(Schema):
    regional_group: RegionalGroup | None = Field(None, description="States of this regional group.")
