"""The API's lists: what the user may read, filtered, in a stable order, with
what each item shows loaded in a fixed number of queries.

Visibility comes from the data apps' queries; this module only narrows their
results and orders them. Every order ends on a unique column, so pages never
overlap or skip a row.
"""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.expressions import Combinable

from convener.audit.actors import AnyUser
from convener.directory.models import Organisation, Person, State
from convener.directory.queries.states import states_for_page
from convener.meetings.models import CoChair, CoOrganiser, Meeting, Participation, Series
from convener.meetings.queries.meetings import chronological_order
from convener.meetings.queries.series import series_for_home
from convener.meetings.queries.visibility import visible_meetings
from convener.records.models import Intervention
from convener.records.queries.appearances import people_for_page, visible_organisations
from convener.records.queries.interventions import floor_turns


def series_list(user: AnyUser) -> QuerySet[Series]:
    """Newest event first; series without a date for it last."""
    return series_for_home(user).order_by(
        F("prepared_event_date").desc(nulls_last=True), "title", "slug"
    )


def meeting_list(
    user: AnyUser,
    *,
    series: str | None = None,
    state: str | None = None,
    organisation: str | None = None,
    person: str | None = None,
    status: str | None = None,
) -> QuerySet[Meeting]:
    """In date order, meetings whose date is to be confirmed last."""
    meetings = visible_meetings(user).select_related("series")
    if series:
        meetings = meetings.filter(series__slug=series)
    if status:
        meetings = meetings.filter(status=status)
    if state:
        meetings = meetings.filter(
            Exists(CoChair.objects.filter(meeting=OuterRef("pk"), state__iso3=state))
            | Exists(
                Intervention.objects.filter(segment__meeting=OuterRef("pk"), state__iso3=state)
            )
        )
    if organisation:
        meetings = meetings.filter(
            Exists(
                CoOrganiser.objects.filter(meeting=OuterRef("pk"), organisation__key=organisation)
            )
            | Exists(
                Intervention.objects.filter(
                    segment__meeting=OuterRef("pk"), organisation__key=organisation
                )
            )
            | _with_part_of(Person.objects.filter(organisation__key=organisation))
        )
    if person:
        meetings = meetings.filter(_with_part_of(Person.objects.filter(key=person)))
    return meetings.order_by(*chronological_order())


def _with_part_of(people: QuerySet[Person]) -> Q | Combinable:
    """Meetings in which one of `people` had a part: moderating, co-chairing,
    in the programme or on the floor (the parts of `people_taking_part`)."""
    return (
        Q(moderator__in=people)
        | Exists(CoChair.objects.filter(meeting=OuterRef("pk"), person__in=people))
        | Exists(Participation.objects.filter(segment__meeting=OuterRef("pk"), person__in=people))
        | Exists(Intervention.objects.filter(segment__meeting=OuterRef("pk"), speaker__in=people))
    )


def people_list(
    user: AnyUser, *, series: str | None = None, organisation: str | None = None
) -> QuerySet[Person]:
    """By family name, then given name."""
    people = people_for_page(user)
    if organisation:
        people = people.filter(organisation__key=organisation)
    if series:
        people = people.filter(_part_in(visible_meetings(user).filter(series__slug=series)))
    return people.order_by("family_name", "given_name", "key")


def _part_in(meetings: QuerySet[Meeting]) -> Q | Combinable:
    """People with a part in one of `meetings`, which the user may read."""
    return (
        Exists(meetings.filter(moderator=OuterRef("pk")))
        | Exists(CoChair.objects.filter(meeting__in=meetings, person=OuterRef("pk")))
        | Exists(Participation.objects.filter(segment__meeting__in=meetings, person=OuterRef("pk")))
        | Exists(Intervention.objects.filter(segment__meeting__in=meetings, speaker=OuterRef("pk")))
    )


def organisation_list(user: AnyUser) -> QuerySet[Organisation]:
    return visible_organisations(user).select_related("state").order_by("name", "key")


def state_list(*, regional_group: str | None = None) -> QuerySet[State]:
    """By English name: States are reference data, the same for everyone."""
    states = states_for_page()
    if regional_group:
        states = states.filter(regional_group=regional_group)
    return states.order_by("names__en", "iso3")


def intervention_list(
    user: AnyUser,
    *,
    series: str | None = None,
    meeting: int | None = None,
    state: str | None = None,
    organisation: str | None = None,
    person: str | None = None,
    capacity: str | None = None,
) -> QuerySet[Intervention]:
    """Meeting by meeting in date order, then in programme order."""
    turns = floor_turns(user)
    if series:
        turns = turns.filter(segment__meeting__series__slug=series)
    if meeting is not None:
        turns = turns.filter(segment__meeting__number=meeting)
    if state:
        turns = turns.filter(state__iso3=state)
    if organisation:
        turns = turns.filter(organisation__key=organisation)
    if person:
        turns = turns.filter(speaker__key=person)
    if capacity:
        turns = turns.filter(capacity=capacity)
    return turns.prefetch_related("text_versions").order_by(
        *chronological_order("segment__meeting"), "segment__order", "segment_id", "order", "pk"
    )
