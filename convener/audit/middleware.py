"""Attribute every change made during a request to the request's user."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from convener.audit.log import acting_as


class AuditActorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The API authenticates by token inside the view and leaves the user on
        # `request.auth`; the session's user is the fallback.
        user = SimpleLazyObject(lambda: getattr(request, "auth", None) or request.user)
        via = "api" if request.path.startswith("/api/") else "web"
        with acting_as(user, via=via):
            return self.get_response(request)
