"""The pages of a request Convener refuses before any view reads it."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.views import defaults

from convener.meetings.domain.workflow import MeetingIsReported


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """A request over the limits of `settings.py` gets a page that says which
    limit, and that nothing was saved; any other bad request Django's own page."""
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent):
        context = {
            "too_big": isinstance(exception, RequestDataTooBig),
            "limit": filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE),
        }
        status = 413 if context["too_big"] else 400
        return render(request, "request_refused.html", context, status=status)
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: PermissionDenied) -> HttpResponse:
    """A refusal says why when the reason is the meeting, not the role: a
    reported meeting is final until the secretariat reopens it."""
    reason = str(exception) if isinstance(exception, MeetingIsReported) else ""
    return render(request, "403.html", {"reason": reason}, status=403)
