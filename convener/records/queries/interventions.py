"""Reading the record of the floor: who spoke, for whom, in what capacity."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects

from convener.audit.actors import AnyUser
from convener.meetings.models import Meeting, Segment
from convener.meetings.queries.visibility import (
    draft_series_read_by,
    reads_drafts_of,
    reads_every_draft,
    visible_meeting_q,
)
from convener.records.models import Intervention


def released_record_q(user: AnyUser, *, path: str = "") -> Q:
    """Rows whose meeting, reached through `path`, has a record the user may read:
    a released one, or any if the user reads the series' drafts (who prepares the
    series reviews its record before it is released)."""
    if reads_every_draft(user):
        return Q()
    meeting = f"{path}__" if path else ""
    released = Q(**{f"{meeting}record_released_at__isnull": False})
    series_ids = draft_series_read_by(user)
    if not series_ids:
        return released
    return released | Q(**{f"{meeting}series_id__in": sorted(series_ids)})


def reads_record_of(user: AnyUser, meeting: Meeting) -> bool:
    """Whether the user reads the meeting's statements and summaries (`released_record_q`)."""
    return meeting.record_is_released or reads_drafts_of(user, meeting.series)


def withhold_unreleased_texts(meeting: Meeting, *, user: AnyUser) -> Meeting:
    """The meeting as the user may read it: without its executive summary and its
    segments' summaries while its record is not released to the user. Changes the
    loaded objects only (the segments loaded with it); never save them."""
    if not reads_record_of(user, meeting):
        meeting.summary = ""
        for segment in meeting.segments.all():
            segment.summary = ""
    return meeting


def visible_interventions(user: AnyUser) -> QuerySet[Intervention]:
    """The interventions the user may read, each with the delegation it spoke for:
    those of a released record, and for who prepares the series, every one.

    Ordered by their own columns: the model's default ordering goes through the
    segment to the meeting and the series, joining both into every query.
    """
    return (
        Intervention.objects.filter(visible_meeting_q(user, path="segment__meeting"))
        .filter(released_record_q(user, path="segment__meeting"))
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
