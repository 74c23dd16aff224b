"""Reading organisations and what they did in the meetings the user may read.

As with people, an organisation is public through something public: a meeting
it co-organised, someone of it taking part, or its delegation on the floor.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from convener.audit.actors import AnyUser
from convener.directory.models import Organisation, Person
from convener.directory.queries.people import people_taking_part
from convener.meetings.models import CoOrganiser, Meeting
from convener.meetings.queries.meetings import chronological_order
from convener.meetings.queries.visibility import (
    reads_every_draft,
    visible_meeting_q,
    visible_meetings,
)
from convener.records.models import Intervention


def visible_organisations(user: AnyUser) -> QuerySet[Organisation]:
    if reads_every_draft(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(
        Exists(
            CoOrganiser.objects.filter(
                visible_meeting_q(user, path="meeting"), organisation=OuterRef("pk")
            )
        )
        | Exists(people_taking_part(user).filter(organisation=OuterRef("pk")))
        | Exists(
            Intervention.objects.filter(
                visible_meeting_q(user, path="segment__meeting"), organisation=OuterRef("pk")
            )
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
