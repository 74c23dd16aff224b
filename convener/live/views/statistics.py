"""Speaking time per delegation and per group, for the chair and the secretariat."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from convener.access.loading import meeting_for
from convener.live.queries.statistics import speaking_time_statistics


@login_required
def statistics(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, "meeting.view_floor")
    return render(
        request,
        "live/statistics.html",
        {
            "meeting": meeting,
            "statistics": speaking_time_statistics(meeting),
            # The chair's console is closed once the meeting is reported.
            "can_chair": request.user.has_perm("meeting.chair", meeting),
        },
    )


urlpatterns = [
    path("series/<slug:slug>/meetings/<int:number>/statistics/", statistics, name="statistics"),
]
