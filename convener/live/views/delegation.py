"""The delegation's view, made for a phone: ask for the floor, withdraw, see one's place.

A delegation (`meeting.request_floor`) asks for its own State or
organisation only; the form offers nothing else and the domain checks it
again (`floor.speak_for`).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from convener.access.loading import meeting_for
from convener.live.domain.order import withdraw as withdraw_inscription
from convener.live.domain.requests import request_floor
from convener.live.interfaces.forms import FloorRequestForm
from convener.live.interfaces.labels import screen_labels
from convener.live.models import Inscription
from convener.live.queries import state as floor_state
from convener.live.queries.delegations import delegations_of, speakers_of
from convener.live.views.responses import errors_of, floor_action, wants_json
from convener.meetings.models import Meeting

DELEGATION = "meeting.request_floor"


@login_required
def delegation(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, DELEGATION)
    delegations = delegations_of(request.user, meeting)
    posted = request.method == "POST"
    form = FloorRequestForm(
        request.POST if posted else None, delegations=delegations, speakers=speakers_of(meeting)
    )
    if posted and _asked(request, meeting, form):
        if wants_json(request):
            return JsonResponse({"state": floor_state.live_state(meeting)})
        messages.success(request, _("You are on the list of speakers."))
        return redirect("live:delegation", slug=slug, number=number)
    if posted and wants_json(request):
        return JsonResponse(
            {"errors": {field: list(errors) for field, errors in form.errors.items()}},
            status=400,
        )
    return render(
        request,
        "live/delegation.html",
        {
            "meeting": meeting,
            "form": form,
            "delegations": delegations,
            "mine": [delegation.key for delegation in delegations],
            "state": floor_state.live_state(meeting),
            "labels": screen_labels(),
        },
        status=400 if form.errors else 200,
    )


def _asked(request: HttpRequest, meeting: Meeting, form: FloorRequestForm) -> bool:
    """Ask for the floor as the form says; False, with the errors in the form, if refused."""
    if not form.is_valid():
        return False
    try:
        request_floor(meeting=meeting, by=request.user, **form.request())
    except ValidationError as error:
        for field, field_messages in errors_of(error).items():
            for message in field_messages:
                form.add_error(field if field in form.fields else None, message)
        return False
    return True


@floor_action(DELEGATION, back="delegation")
def withdraw(request: HttpRequest, meeting: Meeting, pk: int) -> None:
    inscription = get_object_or_404(Inscription, meeting=meeting, pk=pk)
    withdraw_inscription(inscription=inscription, by=request.user)


PREFIX = "series/<slug:slug>/meetings/<int:number>/floor/"
urlpatterns = [
    path(PREFIX, delegation, name="delegation"),
    path(f"{PREFIX}<int:pk>/withdraw/", withdraw, name="withdraw"),
]
