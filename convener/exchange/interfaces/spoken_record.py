"""The record of the floor as the open-standard exports read it: who spoke, for whom, as what.

Akoma Ntoso (`akoma_ntoso`) and Popolo (`popolo`) name the same speakers,
delegations and capacities, so both read them here: the meetings a reader
may read, each segment with the turns of its record the reader may read (a
released record, or any for who prepares the series), in a fixed number of
queries whatever the size of the series.

Every speaker and delegation is an `Agent` with a key that stays the same
across exports and meetings (the directory's key, a State's ISO 3166-1
alpha-3 code), so that the two formats, and two exports of one series, name
each of them alike.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, prefetch_related_objects

from convener.audit.actors import AnyUser
from convener.exchange.interfaces.programme import readable_meetings
from convener.meetings.models import Meeting, Series
from convener.records.models import Intervention
from convener.records.queries.interventions import (
    visible_interventions,
    withhold_unreleased_texts,
)


class AgentKind:
    PERSON = "person"
    STATE = "state"
    GROUP = "group"  # a group of States
    ORGANISATION = "organisation"


@dataclass(frozen=True)
class Agent:
    """A person, State, group of States or organisation that took the floor."""

    kind: str
    key: str
    name: str

    @property
    def identifier(self) -> str:
        """Unique among all agents and free of spaces: "state-JPN", "person-ninette-kelley"."""
        return f"{self.kind}-{self.key}"

    @property
    def is_person(self) -> bool:
        return self.kind == AgentKind.PERSON


def meetings_with_records(
    series: Series, *, user: AnyUser | None, meeting: Meeting | None = None
) -> list[Meeting]:
    """The series' meetings the user (the public when None) may read, in date
    order, each segment with the turns of its record the user may read in
    `segment.interventions`, and without the summaries of a record not
    released to the user; only `meeting` when it is given. Never save them."""
    readable = readable_meetings(user).filter(series=series)
    if meeting is not None:
        readable = readable.filter(pk=meeting.pk)
    reader = user or AnonymousUser()
    meetings = list(readable)
    prefetch_related_objects(
        meetings,
        Prefetch("segments__interventions", queryset=visible_interventions(reader)),
    )
    return [withhold_unreleased_texts(meeting, user=reader) for meeting in meetings]


def turns(meeting: Meeting) -> Iterator[Intervention]:
    """The turns of the meeting's record, in programme order."""
    for segment in meeting.segments.all():
        yield from segment.interventions.all()


def speaker(intervention: Intervention) -> Agent:
    """Who spoke: the person when the record names one, else the delegation."""
    if intervention.speaker is not None:
        person = intervention.speaker
        return Agent(AgentKind.PERSON, person.key, person.formal_name)
    delegation = delegation_of(intervention)
    assert delegation is not None  # the table's constraint: a speaker or a delegation
    return delegation


def delegation_of(intervention: Intervention) -> Agent | None:
    """Whom the speaker spoke for: the group of States, else the State, else the organisation."""
    if intervention.state_group is not None:
        group = intervention.state_group
        return Agent(AgentKind.GROUP, group.key, group.name)
    return represented(intervention)


def represented(intervention: Intervention) -> Agent | None:
    """The State or organisation the speaker represents (a State speaking for a
    group of States is still its own delegation); the group when that is all
    the record says."""
    if intervention.state is not None:
        state = intervention.state
        return Agent(AgentKind.STATE, state.iso3, state.name)
    if intervention.organisation is not None:
        organisation = intervention.organisation
        return Agent(AgentKind.ORGANISATION, organisation.key, organisation.name)
    if intervention.state_group is not None:
        return delegation_of(intervention)
    return None


def agents(intervention: Intervention) -> list[Agent]:
    """Every agent the turn names: the speaker, the State or organisation, the group."""
    named = []
    if intervention.speaker is not None:
        named.append(speaker(intervention))
    for agent in (represented(intervention), delegation_of(intervention)):
        if agent is not None and agent not in named:
            named.append(agent)
    return named


def attribution(intervention: Intervention) -> str:
    """The speaker as the record announces them: "Ms. Kelley (UNHCR)", "Japan"."""
    name = intervention.speaker_name or (
        intervention.speaker.formal_name if intervention.speaker else ""
    )
    delegation = intervention.state or intervention.organisation or intervention.state_group
    if not name:
        return str(delegation)
    if delegation is None:
        return name
    label = delegation.label if intervention.organisation is delegation else str(delegation)
    return f"{name} ({label})"


def record_date(meeting: Meeting) -> datetime.date:
    """The day the record speaks of: the meeting's date, else the day it was released."""
    if meeting.date is not None:
        return meeting.date
    if meeting.record_released_at is not None:
        return meeting.record_released_at.date()
    return meeting.updated_at.date()
