"""Reading the record of the floor: who spoke, for whom, in what capacity."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from convener.meetings.models import Meeting, Segment
from convener.meetings.queries.visibility import AnyUser, visible_meeting_q
from convener.records.models import Intervention


def visible_interventions(user: AnyUser) -> QuerySet[Intervention]:
    """The interventions the user may read, each with the delegation it spoke for.

    Ordered by their own columns: the model's default ordering goes through the
    segment to the meeting and the series, joining both into every query.
    """
    return (
        Intervention.objects.filter(visible_meeting_q(user, path="segment__meeting"))
        .select_related("speaker", "state", "state_group", "organisation")
        .order_by("order", "pk")
    )


def record_by_segment(meeting: Meeting, *, user: AnyUser) -> list[Segment]:
    """The meeting's segments in which someone took the floor, each with its
    interventions in `segment.interventions`, loaded in one query.

    The meeting's segments must be loaded already (`meetings_for_page` does):
    the interventions land on those very segment objects.
    """
    prefetch_related_objects(
        [meeting], Prefetch("segments__interventions", queryset=visible_interventions(user))
    )
    return [segment for segment in meeting.segments.all() if segment.interventions.all()]


def floor_turns(user: AnyUser) -> QuerySet[Intervention]:
    """Interventions the user may read, with their segment, meeting and series,
    for pages that list them outside their meeting (a person's, a State's)."""
    return visible_interventions(user).select_related("segment__meeting__series")
