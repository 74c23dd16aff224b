"""Reading people, and every part a person played in the meetings the user may read.

A person's page is public only through their part in a public meeting: someone
who so far appears only in a draft programme has no public page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from enum import StrEnum

from django.db.models import Exists, OuterRef, QuerySet

from convener.audit.actors import AnyUser
from convener.directory.models import Person
from convener.meetings.models import CoChair, Meeting, Participation, Segment
from convener.meetings.queries.visibility import (
    reads_every_draft,
    visible_meeting_q,
    visible_meetings,
)
from convener.records.models import Intervention
from convener.records.queries.interventions import floor_turns


def people_taking_part(user: AnyUser) -> QuerySet[Person]:
    """People with a part the user may read: in a programme, as co-chair,
    as moderator of a meeting, or on the floor."""
    in_meeting = visible_meeting_q(user, path="meeting")
    in_segment = visible_meeting_q(user, path="segment__meeting")
    return Person.objects.filter(
        Exists(Participation.objects.filter(in_segment, person=OuterRef("pk")))
        | Exists(CoChair.objects.filter(in_meeting, person=OuterRef("pk")))
        | Exists(Meeting.objects.filter(visible_meeting_q(user), moderator=OuterRef("pk")))
        | Exists(Intervention.objects.filter(in_segment, speaker=OuterRef("pk")))
    )


def visible_people(user: AnyUser) -> QuerySet[Person]:
    """The site administrator sees the whole directory; anyone else, people taking part
    in what they may read."""
    return Person.objects.all() if reads_every_draft(user) else people_taking_part(user)


def people_for_page(user: AnyUser) -> QuerySet[Person]:
    return visible_people(user).select_related("organisation")


class Part(StrEnum):
    MODERATOR = "moderator"  # moderated the whole meeting
    CO_CHAIR = "co_chair"  # represented a co-chairing State
    PROGRAMME = "programme"  # had a role in a segment of the programme
    FLOOR = "floor"  # took the floor


@dataclass(frozen=True)
class Appearance:
    """One part a person played in a meeting; `record` is the row that says so."""

    part: Part
    meeting: Meeting
    segment: Segment | None = None
    record: CoChair | Participation | Intervention | None = None


@dataclass
class MeetingAppearances:
    meeting: Meeting
    appearances: list[Appearance] = field(default_factory=list)


def appearances_of(person: Person, *, user: AnyUser) -> list[MeetingAppearances]:
    """Every part the person played in meetings the user may read, grouped by
    meeting in date order (meetings still without a date last), in programme
    order within each meeting."""
    appearances = [
        *_moderating(person, user),
        *_co_chairing(person, user),
        *_in_programmes(person, user),
        *_on_the_floor(person, user),
    ]
    by_meeting: dict[int, MeetingAppearances] = {}
    for appearance in sorted(appearances, key=_programme_position):
        meeting = appearance.meeting
        by_meeting.setdefault(meeting.pk, MeetingAppearances(meeting)).appearances.append(
            appearance
        )
    return sorted(by_meeting.values(), key=lambda group: _date_position(group.meeting))


def _moderating(person: Person, user: AnyUser) -> list[Appearance]:
    meetings = visible_meetings(user).filter(moderator=person).select_related("series")
    return [Appearance(Part.MODERATOR, meeting) for meeting in meetings]


def _co_chairing(person: Person, user: AnyUser) -> list[Appearance]:
    co_chairs = CoChair.objects.filter(
        visible_meeting_q(user, path="meeting"), person=person
    ).select_related("meeting__series", "state")
    return [Appearance(Part.CO_CHAIR, co_chair.meeting, record=co_chair) for co_chair in co_chairs]


def _in_programmes(person: Person, user: AnyUser) -> list[Appearance]:
    participations = Participation.objects.filter(
        visible_meeting_q(user, path="segment__meeting"), person=person
    ).select_related("segment__meeting__series")
    return [
        Appearance(Part.PROGRAMME, item.segment.meeting, item.segment, item)
        for item in participations
    ]


def _on_the_floor(person: Person, user: AnyUser) -> list[Appearance]:
    turns = floor_turns(user).filter(speaker=person)
    return [Appearance(Part.FLOOR, turn.segment.meeting, turn.segment, turn) for turn in turns]


_PART_ORDER = list(Part)


def _programme_position(appearance: Appearance) -> tuple[int, int, int, int]:
    """Meeting-wide parts first, then segment by segment, the programme before the floor."""
    segment = appearance.segment
    record_order = getattr(appearance.record, "order", 0)
    if segment is None:
        return (-1, _PART_ORDER.index(appearance.part), record_order, 0)
    return (segment.order, segment.pk, _PART_ORDER.index(appearance.part), record_order)


def _date_position(meeting: Meeting) -> tuple[bool, datetime.date, int, int]:
    return (
        meeting.date is None,
        meeting.date or datetime.date.min,
        meeting.series_id,
        meeting.number,
    )
