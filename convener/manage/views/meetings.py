"""A meeting in the workspace: creating it, its page, its facts and its status."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convener.access.loading import meeting_for, series_for
from convener.access.rules import LOCKED_WHEN_REPORTED
from convener.manage.interfaces.meetings import MeetingForm, MeetingPlan
from convener.manage.interfaces.validation import show_domain_errors
from convener.manage.views.life import life_steps
from convener.meetings.domain.meetings import create_meeting
from convener.meetings.domain.review import review_meeting
from convener.meetings.domain.workflow import is_reported, local_today, transitions_from
from convener.meetings.models import Meeting
from convener.meetings.queries.meetings import earlier_dates
from convener.publishing.domain.publication import change_meeting_status


@login_required
def meeting_create(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.manage")
    form = MeetingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = create_meeting(series=series, fields=form.meeting_fields(), by=request.user)
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            messages.success(
                request,
                _(
                    "Meeting %(number)s is created, as a draft. Add its co-organisers, "
                    "co-chairs and concept note, then build its programme."
                )
                % {"number": meeting.number},
            )
            # The next steps are on the edit page: one page load fewer.
            return redirect("manage:meeting_edit", slug=series.slug, number=meeting.number)
    return render(request, "manage/meeting_form.html", {"series": series, "form": form})


def _date_has_come(meeting: Meeting) -> bool:
    return meeting.date is not None and meeting.date <= local_today(meeting.series)


@login_required
def meeting_page(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, "meeting.open_workspace")
    # A reported meeting is final even for the site administrator, whom
    # Django grants every permission: its page offers no change but reopening.
    reported = is_reported(meeting)

    def can(permission: str, obj: Meeting) -> bool:
        return request.user.has_perm(permission, obj) and not (
            reported and permission in LOCKED_WHEN_REPORTED
        )

    context = {
        "meeting": meeting,
        "series": meeting.series,
        "co_organisers": meeting.co_organiser_links.select_related("organisation"),
        "co_chairs": meeting.co_chairs.select_related("state", "person"),
        "sections": meeting.sections.order_by("order", "pk"),
        "can_manage": can("meeting.manage", meeting),
        "can_edit_programme": can("meeting.edit_programme", meeting),
        "can_edit_records": can("meeting.edit_records", meeting),
        "can_mark_commitments": can("meeting.mark_commitments", meeting),
        "can_chair": can("meeting.chair", meeting),
        "can_view_floor": can("meeting.view_floor", meeting),
        "can_change_status": can("meeting.change_status", meeting),
        "can_view_confirmations": request.user.has_perm("series.view_confirmations", meeting),
        "is_reported": reported,
        "transitions": transitions_from(meeting),
        "life_steps": [] if reported else life_steps(request.user, meeting),
        "earlier_dates": earlier_dates(meeting),
        "date_has_come": _date_has_come(meeting),
        "findings": review_meeting(meeting)
        if request.user.has_perm("meeting.view_planning_checks", meeting)
        else None,
    }
    return render(request, "manage/meeting.html", context)


@login_required
def meeting_edit(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, "meeting.manage")
    plan = MeetingPlan(meeting, request.POST or None, user=request.user)
    if request.method == "POST" and plan.is_valid() and plan.save(by=request.user):
        messages.success(request, _("The meeting is saved."))
        if request.POST.get("then") == "programme":
            return redirect("manage:programme", slug=slug, number=number)
        return redirect("manage:meeting", slug=slug, number=number)
    context = {
        "meeting": meeting,
        "series": meeting.series,
        "plan": plan,
        "sections": meeting.sections.order_by("order", "pk"),
    }
    # Refused because someone else saved first: both versions are on the page.
    status = 409 if plan.conflict else 200
    return render(request, "manage/meeting_edit.html", context, status=status)


@login_required
@require_POST
def meeting_status(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, "meeting.change_status")
    try:
        change_meeting_status(
            meeting=meeting,
            transition=request.POST.get("transition", ""),
            by=request.user,
            force=request.POST.get("force") == "on",
            reason=request.POST.get("reason", ""),
        )
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    else:
        messages.success(
            request,
            _("The meeting is now “%(status)s”.") % {"status": meeting.get_status_display()},
        )
    return redirect("manage:meeting", slug=slug, number=number)


urlpatterns = [
    path("series/<slug:slug>/meetings/new/", meeting_create, name="meeting_create"),
    path("series/<slug:slug>/meetings/<int:number>/", meeting_page, name="meeting"),
    path("series/<slug:slug>/meetings/<int:number>/edit/", meeting_edit, name="meeting_edit"),
    path("series/<slug:slug>/meetings/<int:number>/status/", meeting_status, name="meeting_status"),
]
