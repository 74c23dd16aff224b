"""Commitments and recommendations: the rapporteur decides each point of a
meeting's statements; the secretariat follows the commitments of the series."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convener.access.loading import child_of, meeting_for, series_for
from convener.audit.actors import require
from convener.commitments.domain.marking import clear_mark, mark_unit
from convener.commitments.domain.tracking import set_commitment_status
from convener.commitments.interfaces.tables import as_csv, as_xlsx, rows
from convener.commitments.models import Mark, MarkKind, UnitSource
from convener.commitments.queries.marking import statements_to_mark
from convener.commitments.queries.tracker import author_choices, tracked_marks
from convener.manage.interfaces.commitments import (
    MarkForm,
    StatusForm,
    TrackerFilterForm,
    author_value,
)
from convener.meetings.models import Series
from convener.records.models import Intervention

MARK = "meeting.mark_commitments"
VIEW = "series.view_commitments"


@login_required
def marking(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, MARK)
    statements = [
        (statement, [(unit, _mark_form(statement.intervention, unit)) for unit in statement.units])
        for statement in statements_to_mark(meeting)
    ]
    return render(
        request,
        "manage/commitments_marking.html",
        {"series": meeting.series, "meeting": meeting, "statements": statements},
    )


def _mark_form(intervention: Intervention, unit) -> MarkForm:
    mark, suggestion = unit.mark, unit.suggestion
    if mark is not None and mark.kind != MarkKind.NEITHER:
        initial = {
            "kind": mark.kind,
            "author": author_value(mark.author),
            "what": mark.what,
            "due_date": mark.due_date,
            "due_words": mark.due_words,
        }
    else:
        initial = {
            "kind": suggestion.kind or MarkKind.COMMITMENT,
            "author": author_value(
                intervention.state or intervention.organisation or intervention.speaker
            ),
            "what": unit.text,
            "due_date": suggestion.due_date,
            "due_words": suggestion.due_words,
        }
    return MarkForm(
        intervention=intervention,
        prefix=_prefix(intervention, unit.source, unit.position),
        initial=initial,
    )


def _prefix(intervention: Intervention, source: str, position: int) -> str:
    return f"i{intervention.pk}-{source}-{position}"


@login_required
@require_POST
def decide(
    request: HttpRequest, slug: str, number: int, pk: int, source: str, position: int
) -> HttpResponse:
    meeting = meeting_for(request, slug, number, MARK)
    intervention = child_of(meeting, Intervention.objects, pk=pk)
    if source not in UnitSource.values:
        raise Http404(_("No such part of a statement."))
    decision = request.POST.get("decision", "")
    back = (
        reverse("manage:commitments_marking", args=[slug, number])
        + f"#unit-{pk}-{source}-{position}"
    )
    try:
        if decision == "clear":
            clear_mark(intervention=intervention, source=source, position=position, by=request.user)
            messages.success(request, _("The decision is undone; the suggestion shows again."))
        elif decision == "neither":
            mark_unit(
                intervention=intervention,
                source=source,
                position=position,
                kind=MarkKind.NEITHER,
                by=request.user,
            )
            messages.success(request, _("Set aside: neither a commitment nor a recommendation."))
        else:
            form = MarkForm(
                request.POST,
                intervention=intervention,
                prefix=_prefix(intervention, source, position),
            )
            if not form.is_valid():
                for errors in form.errors.values():
                    for error in errors:
                        messages.error(request, error)
                return redirect(back)
            data = form.cleaned_data
            mark = mark_unit(
                intervention=intervention,
                source=source,
                position=position,
                kind=data["kind"],
                author=data["author_object"],
                what=data["what"],
                due_date=data["due_date"],
                due_words=data["due_words"],
                by=request.user,
            )
            messages.success(
                request, _("Confirmed: %(kind)s.") % {"kind": mark.get_kind_display().lower()}
            )
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    return redirect(back)


def _tracker_form(request: HttpRequest, series: Series) -> TrackerFilterForm:
    everything = tracked_marks(request.user, series)
    states, organisations = author_choices(everything)
    meetings = [(m.number, f"{m.number}. {m.title}") for m in series.meetings.order_by("number")]
    return TrackerFilterForm(
        request.GET or None, states=states, organisations=organisations, meetings=meetings
    )


def statement_url(request: HttpRequest, mark: Mark) -> str:
    meeting = mark.intervention.segment.meeting
    return request.build_absolute_uri(
        reverse("public:meeting", args=[meeting.series.slug, meeting.number]) + f"#{mark.anchor}"
    )


@login_required
def tracker(request: HttpRequest, slug: str) -> HttpResponse:
    series = series_for(request, slug, VIEW)
    form = _tracker_form(request, series)
    marks = list(tracked_marks(request.user, series, form.filters()))
    query = urlencode({k: v for k, v in request.GET.items() if v})
    may_track = request.user.has_perm("commitment.track", series)
    return render(
        request,
        "manage/commitments_tracker.html",
        {
            "series": series,
            "form": form,
            "marks": [
                (
                    mark,
                    StatusForm(prefix=f"m{mark.pk}", initial={"status": mark.status})
                    if may_track and mark.kind == MarkKind.COMMITMENT
                    else None,
                )
                for mark in marks
            ],
            "query": f"?{query}" if query else "",
        },
    )


@login_required
def tracker_download(request: HttpRequest, slug: str, extension: str) -> HttpResponse:
    series = series_for(request, slug, VIEW)
    marks = list(tracked_marks(request.user, series, _tracker_form(request, series).filters()))
    table = rows(marks, {mark.pk: statement_url(request, mark) for mark in marks})
    name = f"{series.slug}-commitments.{extension}"
    if extension == "csv":
        response = HttpResponse(as_csv(table), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            as_xlsx(table, _("Commitments")),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def change_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    series = series_for(request, slug, VIEW)
    mark = get_object_or_404(
        Mark.objects.select_related("intervention__segment__meeting"),
        pk=pk,
        intervention__segment__meeting__series=series,
    )
    require(request.user, "commitment.track", mark)
    form = StatusForm(request.POST, prefix=f"m{mark.pk}")
    if form.is_valid():
        try:
            set_commitment_status(
                mark=mark,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
        else:
            messages.success(request, _("The status is saved with its note."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(reverse("manage:commitments", args=[slug]) + f"#commitment-{mark.pk}")


urlpatterns = [
    path(
        "series/<slug:slug>/meetings/<int:number>/commitments/",
        marking,
        name="commitments_marking",
    ),
    path(
        "series/<slug:slug>/meetings/<int:number>/commitments/<int:pk>/<slug:source>/<int:position>/",
        decide,
        name="commitments_decide",
    ),
    path("series/<slug:slug>/commitments/", tracker, name="commitments"),
    path(
        "series/<slug:slug>/commitments.csv",
        tracker_download,
        {"extension": "csv"},
        name="commitments_csv",
    ),
    path(
        "series/<slug:slug>/commitments.xlsx",
        tracker_download,
        {"extension": "xlsx"},
        name="commitments_xlsx",
    ),
    path(
        "series/<slug:slug>/commitments/<int:pk>/status/", change_status, name="commitments_status"
    ),
]
