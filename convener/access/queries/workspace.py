"""What a user's workspace lists: the series and meetings they hold a role in."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from convener.meetings.models import Meeting, Series
from convener.roles.models import Role
from convener.roles.queries import grants_of


def workspace_series(user: Any) -> QuerySet[Series]:
    """The series the user works on (every series for the site administrator)."""
    if user.is_active and user.is_superuser:
        return Series.objects.all()
    return Series.objects.filter(pk__in={g.series_id for g in grants_of(user)})


def workspace_meetings_q(user: Any) -> Q:
    """Meetings the user may open in the workspace: matches `meeting.open_workspace`."""
    if user.is_active and user.is_superuser:
        return Q()
    allowed = Q(pk__in=[])
    for grant in grants_of(user):
        if grant.role == Role.SECRETARIAT:
            allowed |= Q(series_id=grant.series_id)
        elif grant.role == Role.FOCAL_POINT:
            allowed |= Q(
                series_id=grant.series_id,
                co_organiser_links__organisation_id=grant.organisation_id,
            )
        elif grant.role in (Role.RAPPORTEUR, Role.CHAIR):
            allowed |= (
                Q(series_id=grant.series_id) if grant.meeting_id is None else Q(pk=grant.meeting_id)
            )
    return allowed


def workspace_meetings(user: Any, series: Series | None = None) -> QuerySet[Meeting]:
    meetings = Meeting.objects.filter(workspace_meetings_q(user)).distinct()
    return meetings.filter(series=series) if series is not None else meetings
