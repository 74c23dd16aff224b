"""What anyone who may read the meeting may watch: the projector and the state of the floor.

For a public meeting that is everyone, so the room's screen needs no account.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import path

from convener.live.interfaces.labels import screen_labels
from convener.live.queries import state as floor_state
from convener.live.views.responses import watched_meeting


def projector(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """The room's screen: the speaker, their capacity, a large timer and who comes next."""
    meeting = watched_meeting(request, slug, number)
    return render(
        request,
        "live/projector.html",
        {"meeting": meeting, "state": floor_state.live_state(meeting), "labels": screen_labels()},
    )


def state(request: HttpRequest, slug: str, number: int) -> JsonResponse:
    """The state of the floor now, for a screen that lost its event stream."""
    meeting = watched_meeting(request, slug, number)
    response = JsonResponse(floor_state.live_state(meeting))
    response["Cache-Control"] = "no-store"
    return response


PREFIX = "series/<slug:slug>/meetings/<int:number>/"
urlpatterns = [
    path(f"{PREFIX}projector/", projector, name="projector"),
    path(f"{PREFIX}state/", state, name="state"),
]
