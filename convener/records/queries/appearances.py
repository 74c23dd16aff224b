"""Who in the directory appears in the meetings the user may read, and where.

A person's or an organisation's page is public only through a part in a public
meeting: someone who so far appears only in a draft programme has no public
page. A person appears in a meeting's programme, as its moderator, as a
co-chair's representative, or on the floor; an organisation as a co-organiser,
through its people, or as a delegation on the floor; a State as a co-chair
and on the floor. Every State has a public page all the same: the list of
States is reference data, not news (`directory.queries.states`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from convener.audit.actors import AnyUser
from convener.directory.models import Organisation, Person, State
from convener.meetings.models import (
    CoChair,
    CoOrganiser,
    Meeting,
    Participation,
    Segment,
    Series,
)
from convener.meetings.queries.meetings import chronological_order
from convener.meetings.queries.visibility import (
    reads_every_draft,
    visible_meeting_q,
    visible_meetings,
)
from convener.records.models import Intervention
from convener.records.queries.interventions import floor_turns

# People and organisations the user may read


def people_taking_part(user: AnyUser) -> QuerySet[Person]:
    """People with a part the user may read: in a programme, as co-chair,
    as moderator of a meeting, or on the floor."""
    in_meeting = visible_meeting_q(user, path="meeting")
    in_segment = visible_meeting_q(user, path="segment__meeting")
    return Person.objects.filter(
        _among(Participation.objects.filter(in_segment), "person")
        | _among(CoChair.objects.filter(in_meeting), "person")
        | _among(Meeting.objects.filter(visible_meeting_q(user)), "moderator")
        | _among(Intervention.objects.filter(in_segment), "speaker")
    )


def _among(rows: QuerySet[Any], field: str) -> Q:
    """The entries that `field` of one of `rows` names.

    One subquery that the database runs once and looks each entry up in (a
    hashed subplan on PostgreSQL), where an EXISTS tied to each entry is run
    again for every entry: PostgreSQL's planner turns no OR of them into
    joins, so the cost grew with the size of the directory."""
    return Q(pk__in=rows.filter(**{f"{field}__isnull": False}).values(f"{field}_id"))


def visible_people(user: AnyUser) -> QuerySet[Person]:
    """The site administrator sees the whole directory; anyone else, people taking part
    in what they may read."""
    return Person.objects.all() if reads_every_draft(user) else people_taking_part(user)


def people_for_page(user: AnyUser) -> QuerySet[Person]:
    return visible_people(user).select_related("organisation")


def visible_organisations(user: AnyUser) -> QuerySet[Organisation]:
    if reads_every_draft(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(
        _among(CoOrganiser.objects.filter(visible_meeting_q(user, path="meeting")), "organisation")
        | _among(people_taking_part(user), "organisation")
        | _among(
            Intervention.objects.filter(visible_meeting_q(user, path="segment__meeting")),
            "organisation",
        )
    )


def meetings_co_organised_by(organisation: Organisation, *, user: AnyUser) -> QuerySet[Meeting]:
    return (
        visible_meetings(user)
        .filter(co_organiser_links__organisation=organisation)
        .select_related("series")
        .order_by(*chronological_order())
    )


def people_of(organisation: Organisation, *, user: AnyUser) -> QuerySet[Person]:
    """The organisation's people who took part in meetings the user may read."""
    return (
        people_taking_part(user)
        .filter(organisation=organisation)
        .order_by("family_name", "given_name")
    )


# A person's parts, meeting by meeting


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


# A State's parts


def co_chairing_by(state: State, *, user: AnyUser) -> QuerySet[CoChair]:
    """The meetings the user may read that the State co-chaired, with its representative."""
    return (
        CoChair.objects.filter(visible_meeting_q(user, path="meeting"), state=state)
        .select_related("meeting__series", "person")
        .order_by(*chronological_order("meeting"))
    )


def floor_turns_of(state: State, *, user: AnyUser) -> QuerySet[Intervention]:
    """The times the State took the floor in meetings the user may read."""
    return (
        floor_turns(user)
        .filter(state=state)
        .order_by(*chronological_order("segment__meeting"), "segment__order", "order", "pk")
    )


# The series in hand: whoever picks an entry for a series is offered that
# series' own people and organisations first (`access.queries.search`).


def people_of_series(series: Series) -> QuerySet[Person]:
    """The people who appear in a meeting of `series` (programme, co-chair,
    moderator, the floor) or are its rapporteur."""
    return Person.objects.filter(
        _among(Participation.objects.filter(segment__meeting__series=series), "person")
        | _among(CoChair.objects.filter(meeting__series=series), "person")
        | _among(Meeting.objects.filter(series=series), "moderator")
        | _among(Intervention.objects.filter(segment__meeting__series=series), "speaker")
        | _among(Series.objects.filter(pk=series.pk), "rapporteur")
    )


def organisations_of_series(series: Series) -> QuerySet[Organisation]:
    """The organisations that co-organise a meeting of `series`, take its
    floor, or whose people appear in it."""
    return Organisation.objects.filter(
        _among(CoOrganiser.objects.filter(meeting__series=series), "organisation")
        | _among(Intervention.objects.filter(segment__meeting__series=series), "organisation")
        | _among(people_of_series(series), "organisation")
    )


def representatives_of(state: State) -> QuerySet[Person]:
    """The people who represent `state`: of an organisation of that State (its
    mission, its government), or who co-chaired or took the floor for it."""
    return Person.objects.filter(
        Q(organisation__state=state)
        | Exists(CoChair.objects.filter(state=state, person=OuterRef("pk")))
        | Exists(Intervention.objects.filter(state=state, speaker=OuterRef("pk")))
    )
