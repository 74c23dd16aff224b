"""What the calendars and the conference schedule read of meetings and their programmes."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from convener.audit.actors import AnyUser
from convener.meetings.models import Meeting, Segment
from convener.meetings.queries.meetings import chronological_order, meetings_for_page
from convener.meetings.wording import place_in_words
from convener.publishing.composition.wording import speaking_limit


def readable_meetings(user: AnyUser | None) -> QuerySet[Meeting]:
    """The meetings the user (the public when None) may read, with their
    co-organisers, co-chairs and programme, in date and time order."""
    return meetings_for_page(user or AnonymousUser()).order_by(*chronological_order(), "start_time")


def participants_by_role(segment: Segment) -> dict[str, list[str]]:
    """Who holds the places of the segment (a name, an office, "TBC"…), by role
    in order of first mention, each with their speaking limit:
    "Ms. A (at most 7 minutes)"."""
    by_role: dict[str, list[str]] = {}
    for participation in segment.participations.all():
        role = str(participation.get_role_display())
        name = place_in_words(participation)
        if participation.speaking_time:
            name = f"{name} ({speaking_limit(participation.speaking_time)})"
        by_role.setdefault(role, []).append(name)
    return by_role


def roles_text(segment: Segment) -> str:
    """One line a role: "Panellist: Ms. A (at most 7 minutes), Mr. B"."""
    return "\n".join(
        f"{role}: {', '.join(names)}" for role, names in participants_by_role(segment).items()
    )
