"""How a view finds the object of its address and checks the permission it needs.

A view of the workspace or of the live floor loads its object through one of
the loaders below. A loader answers 404 for an object the user may not even
read, so that changing an id in an address reveals nothing, then checks the
permission with `require` (`convener.audit.actors`), which answers 403 for an
object the user reads but may not act on.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from convener.audit.actors import require
from convener.meetings.models import Meeting, Series
from convener.meetings.queries.visibility import visible_meetings, visible_series


def series_for(request: HttpRequest, slug: str, permission: str) -> Series:
    series = get_object_or_404(visible_series(request.user), slug=slug)
    require(request.user, permission, series)
    return series


def meeting_for(request: HttpRequest, slug: str, number: int, permission: str) -> Meeting:
    meeting = get_object_or_404(
        visible_meetings(request.user).select_related("series"),
        series__slug=slug,
        number=number,
    )
    require(request.user, permission, meeting)
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
