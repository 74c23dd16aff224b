"""The record of a meeting as the rapporteur edits it in the workspace."""

from __future__ import annotations

from django.db.models import Prefetch

from convener.audit.actors import AnyUser
from convener.meetings.models import Meeting, Segment
from convener.records.queries.interventions import visible_interventions


def segments_with_record(meeting: Meeting, *, user: AnyUser) -> list[Segment]:
    """Every segment of the meeting in programme order, each with its
    interventions (speaker and delegation loaded) in `segment.interventions`,
    in two queries."""
    interventions = Prefetch("interventions", queryset=visible_interventions(user))
    segments = Segment.objects.filter(meeting=meeting).order_by("order", "pk")
    return list(segments.prefetch_related(interventions))
