"""The turns of a meeting's record and its release, as the rapporteur edits them.

A meeting not run on the live floor is recorded afterwards from notes: each
turn is added at the end of its segment, corrected (who spoke, for whom, in
what capacity, in which segment), put in order or removed. Every change is a
form posted to an address of its own, which answers with a redirect back to
the record at the turn it changed; a form the domain refuses comes back with
its errors and everything typed in it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from convener.access.loading import child_of, meeting_for
from convener.manage.interfaces.records import TurnForm
from convener.manage.interfaces.validation import show_domain_errors
from convener.manage.views.records import PERMISSION, record_page
from convener.meetings.models import Meeting
from convener.records.domain.interventions import (
    move_intervention,
    record_intervention,
    remove_intervention,
    update_intervention,
)
from convener.records.domain.release import release_record
from convener.records.models import Intervention
from convener.records.queries.interventions import visible_interventions

STEPS = {"up": -1, "down": 1}


def _back(meeting: Meeting, anchor: str = "") -> HttpResponse:
    url = reverse("manage:records", args=[meeting.series.slug, meeting.number])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _turn(request: HttpRequest, meeting: Meeting, pk: int) -> Intervention:
    turns = visible_interventions(request.user).select_related("segment__meeting")
    return child_of(meeting, turns, pk=pk)  # type: ignore[no-any-return]


def record_change(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A POST that changes the record of the meeting in the address."""

    @login_required
    @require_POST
    @wraps(view)
    def change(request: HttpRequest, slug: str, number: int, **ids: int) -> HttpResponse:
        return view(request, meeting_for(request, slug, number, PERMISSION), **ids)

    return change


@record_change
def turn_add(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = TurnForm(request.POST, meeting=meeting, user=request.user, auto_id="add-%s")
    if form.is_valid():
        try:
            turn = record_intervention(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            messages.success(request, _("Added the turn of %(speaker)s.") % _named(turn))
            return _back(meeting, f"intervention-{turn.pk}")
    return record_page(request, meeting, add_form=form, status=400)


@login_required
def turn_facts(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    """Correct who spoke, for whom, in what capacity, in which segment."""
    meeting = meeting_for(request, slug, number, PERMISSION)
    turn = _turn(request, meeting, pk)
    status = 200
    if request.method == "POST":
        form = TurnForm(request.POST, meeting=meeting, user=request.user)
        if form.is_valid():
            try:
                update_intervention(intervention=turn, changes=form.changes(turn), by=request.user)
            except ValidationError as error:
                show_domain_errors(error, form)
            else:
                messages.success(request, _("Corrected the turn of %(speaker)s.") % _named(turn))
                return _back(meeting, f"intervention-{turn.pk}")
        status = 400
    else:
        form = TurnForm.of(turn, meeting=meeting, user=request.user)
    context = {"meeting": meeting, "series": meeting.series, "turn": turn, "form": form}
    return render(request, "manage/record_turn.html", context, status=status)


@record_change
def turn_remove(request: HttpRequest, meeting: Meeting, pk: int) -> HttpResponse:
    turn = _turn(request, meeting, pk)
    named = _named(turn)
    anchor = f"segment-{turn.segment.key}"
    remove_intervention(intervention=turn, by=request.user)
    messages.success(request, _("Removed the turn of %(speaker)s.") % named)
    return _back(meeting, anchor)


@record_change
def turn_move(request: HttpRequest, meeting: Meeting, pk: int) -> HttpResponse:
    turn = _turn(request, meeting, pk)
    step = STEPS.get(request.POST.get("direction", ""))
    if step is None:
        messages.error(request, _("Move a turn up or down."))
    elif move_intervention(intervention=turn, step=step, by=request.user):
        messages.success(request, _("Moved the turn of %(speaker)s.") % _named(turn))
    else:
        messages.info(request, _("The turn of %(speaker)s stays where it is.") % _named(turn))
    return _back(meeting, f"intervention-{turn.pk}")


@login_required
@require_POST
def release(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, "meeting.release_record")
    try:
        release_record(meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Released the record: the public pages and the documents now read it."),
        )
    return _back(meeting, "release")


def _named(turn: Intervention) -> dict[str, str]:
    return {"speaker": turn.speaker_label}


_RECORD = "series/<slug:slug>/meetings/<int:number>/records"
urlpatterns = [
    path(f"{_RECORD}/turns/", turn_add, name="records_turn_add"),
    path(f"{_RECORD}/release/", release, name="records_release"),
    path(f"{_RECORD}/turns/<int:pk>/", turn_facts, name="records_turn"),
    path(f"{_RECORD}/turns/<int:pk>/remove/", turn_remove, name="records_turn_remove"),
    path(f"{_RECORD}/turns/<int:pk>/move/", turn_move, name="records_turn_move"),
]
