"""What a speaker reads of their own part in the programmes."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from convener.audit.actors import AnyUser
from convener.directory.models import Person
from convener.meetings.models import Participation
from convener.meetings.queries.visibility import visible_meeting_q
from convener.roles.models import Role
from convener.roles.queries import grants_of


def participations_of(person: Person, *, user: AnyUser) -> QuerySet[Participation]:
    """The person's parts in the programmes `user` may read, meeting by meeting.

    A speaker reads their own parts also in a meeting still in draft, in the
    series that invited them: they are asked to confirm before it is published.
    """
    invited_by = {
        g.series_id for g in grants_of(user) if g.role == Role.SPEAKER and g.person_id == person.pk
    }
    visible = visible_meeting_q(user, path="segment__meeting")
    # An empty Q reads every meeting; OR-ed with another it would keep only the other.
    readable = visible | Q(segment__meeting__series_id__in=invited_by) if visible else visible
    return (
        Participation.objects.filter(readable, person=person)
        .select_related("segment__meeting__series")
        .order_by("segment__meeting__date", "segment__meeting__number", "segment__order", "pk")
    )
