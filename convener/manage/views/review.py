"""The planning checks of a series, and the classification of States they balance co-chairs by."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from convener.access.loading import series_for
from convener.directory.models import State
from convener.manage.interfaces.classification import ClassificationForm
from convener.meetings.domain.classification import set_classification
from convener.meetings.domain.review import review_series
from convener.meetings.queries.visibility import visible_meetings


@login_required
def series_review(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.view_planning_checks")
    # Only the meetings the user plans are checked (a focal point, those its
    # organisation co-organises), so that a finding never tells of a meeting
    # the user may not open.
    readable = (
        visible_meetings(request.user)
        .filter(series=series)
        .select_related("series")
        .order_by("number")
    )
    meetings = readable.filter(
        pk__in=[
            meeting.pk
            for meeting in readable
            if request.user.has_perm("meeting.view_planning_checks", meeting)
        ]
    )
    findings = review_series(series, meetings=meetings)
    by_meeting = [
        (meeting, [finding for finding in findings if finding.meeting.pk == meeting.pk])
        for meeting in meetings
    ]
    return render(
        request,
        "manage/review.html",
        {
            "series": series,
            "by_meeting": by_meeting,
            "problems": sum(finding.is_problem for finding in findings),
            "notes": sum(not finding.is_problem for finding in findings),
            "can_classify": request.user.has_perm("series.manage", series),
        },
    )


@login_required
def classification(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, "series.manage")
    states = State.objects.order_by("names__en")
    form = ClassificationForm(request.POST or None, series=series, states=states)
    if request.method == "POST" and form.is_valid():
        try:
            set_classification(
                series=series,
                co_chair_balance=form.cleaned_data["co_chair_balance"],
                rule=form.cleaned_data["classification_rule"],
                statuses=form.statuses(),
                by=request.user,
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            messages.success(request, _("The co-chair rule and the classification are saved."))
            return redirect("manage:classification", slug=series.slug)
    return render(
        request,
        "manage/classification.html",
        {"series": series, "form": form, "rows": form.rows()},
    )


urlpatterns = [
    path("series/<slug:slug>/review/", series_review, name="series_review"),
    path("series/<slug:slug>/classification/", classification, name="classification"),
]
