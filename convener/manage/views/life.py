"""A meeting's life in the workspace: postponing, cancelling, deleting a draft,
and starting a meeting or a series from an earlier one.

Each step is a page with its form, reached from the button of the meeting's
or the series' page, and says what it will do before it does it.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from convener.access.loading import meeting_for, series_for
from convener.audit.actors import require
from convener.manage.interfaces.life import (
    CancelForm,
    MeetingFromTemplateForm,
    PostponeForm,
    SeriesFromTemplateForm,
)
from convener.manage.interfaces.validation import show_domain_errors
from convener.meetings.domain.copies import meeting_from_template, series_from_template
from convener.meetings.domain.life import (
    POSTPONABLE,
    delete_draft_meeting,
    postpone_meeting,
)
from convener.meetings.models import Meeting, MeetingStatus
from convener.meetings.queries.meetings import earlier_dates
from convener.publishing.domain.publication import cancel_meeting

PAGE = "manage/meeting_life.html"


def life_steps(user: Any, meeting: Meeting) -> list[tuple[str, str, bool]]:
    """The steps of the meeting's life the user may take now, as (label, route
    name, whether it destroys something) for the buttons of its page."""
    steps = []
    if (
        user.has_perm("meeting.postpone", meeting)
        and meeting.date
        and meeting.status in POSTPONABLE
    ):
        steps.append((_("Postpone"), "manage:meeting_postpone", False))
    if user.has_perm("meeting.cancel", meeting) and meeting.status == MeetingStatus.PUBLISHED:
        steps.append((_("Cancel the meeting"), "manage:meeting_cancel", True))
    if user.has_perm("meeting.delete", meeting) and meeting.status == MeetingStatus.DRAFT:
        steps.append((_("Delete the draft"), "manage:meeting_delete", True))
    if user.has_perm("series.create"):
        steps.append((_("New meeting from this one"), "manage:meeting_copy", False))
    return steps


@login_required
def meeting_postpone(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, "meeting.postpone")
    form = PostponeForm(_posted(request), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            postpone_meeting(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            messages.success(request, _("The meeting is postponed."))
            return redirect("manage:meeting", slug=slug, number=number)
    context = {"step": "postpone", "form": form, "earlier_dates": earlier_dates(meeting)}
    return _page(request, meeting, context)


@login_required
def meeting_cancel(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, "meeting.cancel")
    form = CancelForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            cancel_meeting(meeting=meeting, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            messages.success(request, _("The meeting is cancelled."))
            return redirect("manage:meeting", slug=slug, number=number)
    return _page(request, meeting, {"step": "cancel", "form": form})


@login_required
def meeting_delete(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, "meeting.delete")
    if request.method == "POST":
        try:
            delete_draft_meeting(meeting=meeting, by=request.user)
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
            return redirect("manage:meeting", slug=slug, number=number)
        messages.success(request, _("Meeting %(number)s is deleted.") % {"number": meeting.number})
        return redirect("manage:series", slug=slug)
    return _page(request, meeting, {"step": "delete"})


@login_required
def meeting_copy(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    template = meeting_for(request, slug, number, "meeting.open_workspace")
    require(request.user, "series.create")
    form = MeetingFromTemplateForm(_posted(request), user=request.user, template=template)
    if request.method == "POST" and form.is_valid():
        series = form.cleaned_data["series"]
        require(request.user, "series.manage", series)
        try:
            meeting = meeting_from_template(
                template=template, series=series, title=form.cleaned_data["title"], by=request.user
            )
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            messages.success(
                request,
                _(
                    "Meeting %(number)s is created from the template, as a draft: "
                    "confirm its date, room, co-chairs and speakers."
                )
                % {"number": meeting.number},
            )
            return redirect("manage:meeting", slug=series.slug, number=meeting.number)
    return _page(request, template, {"step": "copy", "form": form})


@login_required
def series_copy(request: HttpRequest, slug: str) -> HttpResponse:
    template = series_for(request, slug, "series.open_workspace")
    require(request.user, "series.create")
    form = SeriesFromTemplateForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            series = series_from_template(
                template=template,
                slug=form.cleaned_data["slug"],
                title=form.cleaned_data["title"],
                by=request.user,
            )
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            messages.success(
                request,
                _(
                    "The series is created from the template, as a draft, with "
                    "%(count)s meetings whose dates are to be confirmed."
                )
                % {"count": series.meetings.count()},
            )
            return redirect("manage:series", slug=series.slug)
    context = {"series": template, "form": form}
    return render(request, "manage/series_copy.html", context)


def _posted(request: HttpRequest) -> QueryDict | None:
    """The form's data on a POST, even an empty one (a form whose fields may
    all be left empty, such as a cancellation without a reason)."""
    return request.POST if request.method == "POST" else None


def _page(request: HttpRequest, meeting: Meeting, context: dict[str, object]) -> HttpResponse:
    return render(request, PAGE, {"meeting": meeting, "series": meeting.series, **context})


urlpatterns = [
    path(
        "series/<slug:slug>/meetings/<int:number>/postpone/",
        meeting_postpone,
        name="meeting_postpone",
    ),
    path(
        "series/<slug:slug>/meetings/<int:number>/cancel/",
        meeting_cancel,
        name="meeting_cancel",
    ),
    path(
        "series/<slug:slug>/meetings/<int:number>/delete/",
        meeting_delete,
        name="meeting_delete",
    ),
    path(
        "series/<slug:slug>/meetings/<int:number>/copy/",
        meeting_copy,
        name="meeting_copy",
    ),
    path("series/<slug:slug>/copy/", series_copy, name="series_copy"),
]
