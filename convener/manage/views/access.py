"""How a workspace view finds its object and checks the permission it needs.

Every view loads its object through one of the loaders below, then calls
`require`. A loader answers 404 for an object the user may not even read, so
that changing an id in an address reveals nothing; `require` answers 403 for
an object the user reads but may not change.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from convener.access.rules import refused_as_reported
from convener.meetings.domain.workflow import MeetingIsReported
from convener.meetings.models import Meeting, Series
from convener.meetings.queries.visibility import visible_meetings, visible_series


def require(request: HttpRequest, permission: str, obj: Model | None = None) -> None:
    """Refuse with 403 unless the user holds `permission` (on `obj`); the page
    says so when the meeting is reported and the role would allow it otherwise."""
    if not request.user.has_perm(permission, obj):
        if refused_as_reported(request.user, permission, obj):
            raise MeetingIsReported()
        raise PermissionDenied(permission)


def series_for(request: HttpRequest, slug: str, permission: str) -> Series:
    series = get_object_or_404(visible_series(request.user), slug=slug)
    require(request, permission, series)
    return series


def meeting_for(request: HttpRequest, slug: str, number: int, permission: str) -> Meeting:
    meeting = get_object_or_404(
        visible_meetings(request.user).select_related("series"),
        series__slug=slug,
        number=number,
    )
    require(request, permission, meeting)
    return meeting


def child_of(meeting: Meeting, queryset: Any, **lookup: Any) -> Any:
    """A row (segment, participation, intervention) that must belong to `meeting`.

    The meeting in the address has been checked; the row's own id must not
    reach into another meeting.
    """
    model = queryset.model
    if hasattr(model, "segment"):
        return get_object_or_404(queryset, segment__meeting=meeting, **lookup)
    return get_object_or_404(queryset, meeting=meeting, **lookup)
