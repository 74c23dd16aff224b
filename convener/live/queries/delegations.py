"""Whom a delegation account speaks for in a meeting, and whom it may question."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone

from convener.audit.actors import AnyUser
from convener.directory.models import (
    Organisation,
    Person,
    State,
    StateGroup,
    StateGroupMembership,
)
from convener.meetings.models import Meeting
from convener.roles.models import Grant, Role


@dataclass
class Delegation:
    """A State or an organisation the user speaks for; a State with the groups
    of States it belongs to on the day of the meeting."""

    key: str
    state: State | None = None
    organisation: Organisation | None = None
    groups: list[StateGroup] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.state or self.organisation)


def delegations_of(user: AnyUser, meeting: Meeting) -> list[Delegation]:
    """The delegations the user's roles in the meeting's series name."""
    if not user.is_authenticated:
        return []
    grants = Grant.objects.filter(
        user_id=user.pk, series_id=meeting.series_id, role=Role.DELEGATION
    ).select_related("state", "organisation")
    day = meeting.date or timezone.localdate()
    delegations = []
    for grant in grants:
        if grant.state is not None:
            delegations.append(
                Delegation(
                    key=f"state:{grant.state_id}",
                    state=grant.state,
                    groups=list(groups_of(grant.state, day=day)),
                )
            )
        elif grant.organisation is not None:
            delegations.append(
                Delegation(
                    key=f"organisation:{grant.organisation_id}", organisation=grant.organisation
                )
            )
    return delegations


def groups_of(state: State, *, day: datetime.date) -> QuerySet[StateGroup]:
    """The groups of States the State belongs to on the day."""
    return StateGroup.objects.filter(
        StateGroupMembership.in_force_on(day, prefix="memberships__"),
        memberships__state=state,
    ).distinct()


def speakers_of(meeting: Meeting) -> QuerySet[Person]:
    """The people the meeting's programme gives a part to, whom a delegation may question."""
    return Person.objects.filter(participations__segment__meeting=meeting).distinct()
