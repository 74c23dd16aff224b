"""Reading States and their classifications.

Every State has a public page: the list of States is reference data, not news.
What a State did in the meetings is read in `records.queries.appearances`.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from convener.directory.models import State, StateGroup, StateGroupMembership


def states_for_page() -> QuerySet[State]:
    return State.objects.select_related("region", "sub_region")


def groups_of(state: State) -> QuerySet[StateGroup]:
    """The groups of States the State belongs to today."""
    today = timezone.localdate()
    return StateGroup.objects.filter(
        StateGroupMembership.in_force_on(today, prefix="memberships__"),
        memberships__state=state,
    ).distinct()
