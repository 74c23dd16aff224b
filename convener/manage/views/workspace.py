"""The workspace's front page: the series and meetings the user works on."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from convener.access.queries.workspace import workspace_meetings, workspace_series
from convener.directory.models import Person
from convener.meetings.models import Meeting, Series
from convener.meetings.queries.visibility import visible_meetings
from convener.roles.models import Role
from convener.roles.queries import grants_of


@login_required
def home(request: HttpRequest) -> HttpResponse:
    grants = grants_of(request.user)
    workspace = [
        {
            "series": series,
            "roles": sorted(
                {str(g.get_role_display()) for g in grants if g.series_id == series.pk}
            ),
            "meetings": list(workspace_meetings(request.user, series).order_by("number")),
            "floor_meetings": _meetings_to_speak_in(request.user, series),
        }
        for series in workspace_series(request.user)
    ]
    speaker_of = Person.objects.filter(
        pk__in={g.person_id for g in grants if g.role == Role.SPEAKER}
    )
    return render(
        request,
        "manage/home.html",
        {
            "workspace": workspace,
            "speaker_of": speaker_of,
            "can_create_series": request.user.has_perm("series.create"),
            "can_add_to_directory": request.user.has_perm("directory.add_entry"),
        },
    )


def _meetings_to_speak_in(user: Any, series: Series) -> list[Meeting]:
    """The meetings a delegation may ask the floor in."""
    meetings = visible_meetings(user).filter(series=series).order_by("number")
    return [meeting for meeting in meetings if user.has_perm("meeting.request_floor", meeting)]


urlpatterns = [path("", home, name="home")]
