"""Reading States: their classifications and what they did in the meetings the user may read.

Every State has a public page: the list of States is reference data, not news.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from convener.audit.actors import AnyUser
from convener.directory.models import State, StateGroup, StateGroupMembership
from convener.meetings.models import CoChair
from convener.meetings.queries.meetings import chronological_order
from convener.meetings.queries.visibility import visible_meeting_q
from convener.records.models import Intervention
from convener.records.queries.interventions import floor_turns


def states_for_page() -> QuerySet[State]:
    return State.objects.select_related("region", "sub_region")


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


def groups_of(state: State) -> QuerySet[StateGroup]:
    """The groups of States the State belongs to today."""
    today = timezone.localdate()
    return StateGroup.objects.filter(
        StateGroupMembership.in_force_on(today, prefix="memberships__"),
        memberships__state=state,
    ).distinct()
