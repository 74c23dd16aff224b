"""How a live screen's action answers: the new state for a script, a redirect for a plain form.

The screens' scripts post their forms with `fetch` and ask for JSON: they get
the state of the floor after the change at once (every other screen gets it
from the event stream), or the errors, keyed by field, with the status 400.
Without a script the same forms post as usual and come back to the page,
with the error as a message.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from convener.access.loading import meeting_for
from convener.live.queries import state as floor_state
from convener.meetings.models import Meeting
from convener.meetings.queries.visibility import visible_meetings


def wants_json(request: HttpRequest) -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


def watched_meeting(request: HttpRequest, slug: str, number: int) -> Meeting:
    """A meeting whose floor the user may watch: any meeting they may read
    (the public, a published one)."""
    return get_object_or_404(
        visible_meetings(request.user).select_related("series"),
        series__slug=slug,
        number=number,
    )


def errors_of(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return error.message_dict
    return {NON_FIELD_ERRORS: error.messages}


def refused(request: HttpRequest, error: ValidationError, *, back: str) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"errors": errors_of(error)}, status=400)
    for message in (m for messages_ in errors_of(error).values() for m in messages_):
        messages.error(request, message)
    return redirect(back)


def done(request: HttpRequest, meeting: Meeting, *, back: str) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"state": floor_state.live_state(meeting)})
    return redirect(back)


def floor_action(
    permission: str, *, back: str
) -> Callable[[Callable[..., None]], Callable[..., HttpResponse]]:
    """Make a view of one action on the floor: POST only, the meeting loaded
    with `permission`, the action's `ValidationError` answered as above. The
    decorated function receives the request and the meeting (and the address's
    other arguments) and calls one domain function. `back` names the page
    (a URL name under `live:`) a plain form returns to."""

    def decorate(action: Callable[..., None]) -> Callable[..., HttpResponse]:
        @login_required
        @require_POST
        @wraps(action)
        def view(request: HttpRequest, slug: str, number: int, **kwargs: Any) -> HttpResponse:
            meeting = meeting_for(request, slug, number, permission)
            page = reverse(f"live:{back}", kwargs={"slug": slug, "number": number})
            try:
                action(request, meeting, **kwargs)
            except ValidationError as error:
                return refused(request, error, back=page)
            return done(request, meeting, back=page)

        return view

    return decorate
