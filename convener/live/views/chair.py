"""The chair's console: the list of speakers, the floor and the timer.

The chair and the secretariat (`meeting.chair`) use it. The page shows the
state of the floor and its script keeps it current from the event stream;
every button posts one action below.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from convener.access.loading import meeting_for
from convener.live.domain import floor as floor_actions
from convener.live.domain import order, requests, turns
from convener.live.interfaces.forms import (
    FloorRulesForm,
    LevelForm,
    QuotasForm,
    RaisedFlagForm,
    TimeLimitsForm,
)
from convener.live.interfaces.labels import screen_labels
from convener.live.models import Inscription, Level, SpeakingQuota
from convener.live.queries import state as floor_state
from convener.live.queries.order import levels_to_confirm
from convener.live.views.responses import done, errors_of, floor_action, refused, wants_json
from convener.meetings.models import Meeting, Participation, Segment

CHAIR = "meeting.chair"
CONFIRM_LEVELS = "meeting.confirm_levels"
EXTENSIONS = (30, 60, 120)  # the seconds the console's buttons add to a turn


@login_required
def chair(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    meeting = meeting_for(request, slug, number, CHAIR)
    floor = floor_state.floor_settings(meeting)
    quotas = dict(SpeakingQuota.objects.filter(meeting=meeting).values_list("group", "seconds"))
    return render(
        request,
        "live/chair.html",
        {
            "meeting": meeting,
            "floor": floor,
            "state": floor_state.live_state(meeting),
            "labels": screen_labels(),
            "segments": meeting.segments.all(),
            # Places not yet named have no one to give the floor to.
            "participations": Participation.objects.filter(
                segment__meeting=meeting, person__isnull=False
            )
            .select_related("person", "segment")
            .order_by("segment__order", "order", "pk"),
            "raised_flag_form": RaisedFlagForm(user=request.user),
            "limits_form": TimeLimitsForm(floor=floor),
            "rules_form": FloorRulesForm(floor=floor),
            "quotas_form": QuotasForm(quotas=quotas),
            "extensions": EXTENSIONS,
            # The console links only to the screens the user may open.
            "can_edit_records": request.user.has_perm("meeting.edit_records", meeting),
            "can_view_floor": request.user.has_perm("meeting.view_floor", meeting),
            # The secretariat confirms the levels the delegations propose.
            "levels": levels_to_confirm(meeting)
            if request.user.has_perm(CONFIRM_LEVELS, meeting)
            else None,
            "level_choices": Level.choices,
        },
    )


def _levels_fragment(
    request: HttpRequest, meeting: Meeting, error: ValidationError | None = None
) -> HttpResponse:
    return render(
        request,
        "live/levels.html",
        {
            "meeting": meeting,
            "levels": levels_to_confirm(meeting),
            "level_choices": Level.choices,
            "errors": [m for ms in errors_of(error).values() for m in ms] if error else [],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def levels(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """The levels to confirm, a part of the chair's console (htmx reads it
    afresh when the list changes); POST confirms or corrects one level. Without
    htmx, a plain form comes back to the console and the script gets the state."""
    meeting = meeting_for(request, slug, number, CONFIRM_LEVELS)
    console = reverse("live:chair", kwargs={"slug": slug, "number": number})
    htmx = bool(getattr(request, "htmx", False))
    if request.method == "GET":
        return _levels_fragment(request, meeting) if htmx else redirect(console)
    form = LevelForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors)
        inscription = _inscription(meeting, form.cleaned_data["inscription"])
        requests.confirm_level(
            inscription=inscription, level=form.cleaned_data["level"], by=request.user
        )
    except ValidationError as error:
        # htmx swaps only a successful answer: the part comes back with the error.
        return (
            _levels_fragment(request, meeting, error)
            if htmx
            else refused(request, error, back=console)
        )
    return _levels_fragment(request, meeting) if htmx else done(request, meeting, back=console)


def _inscription(meeting: Meeting, pk: int) -> Inscription:
    # By its meeting, not its segment: an inscription before the meeting has none.
    return get_object_or_404(Inscription, meeting=meeting, pk=pk)


def _number(request: HttpRequest, name: str) -> int:
    try:
        return int(request.POST.get(name, ""))
    except ValueError:
        raise ValidationError({name: [_("Give a whole number.")]}) from None


@floor_action(CHAIR, back="chair")
def give_floor(request: HttpRequest, meeting: Meeting) -> None:
    """The floor to the inscription posted, or to the first waiting."""
    chosen = request.POST.get("inscription")
    inscription = _inscription(meeting, _number(request, "inscription")) if chosen else None
    turns.give_floor(meeting=meeting, inscription=inscription, by=request.user)


@floor_action(CHAIR, back="chair")
def timer(request: HttpRequest, meeting: Meeting) -> None:
    # An extension's buttons post only their seconds.
    action = request.POST.get("action") or ("extend" if "seconds" in request.POST else "")
    match action:
        case "pause":
            turns.pause_timer(meeting=meeting, by=request.user)
        case "resume":
            turns.resume_timer(meeting=meeting, by=request.user)
        case "extend":
            turns.extend_timer(
                meeting=meeting, seconds=_number(request, "seconds"), by=request.user
            )
        case "end":
            turns.end_turn(meeting=meeting, by=request.user)
        case _:
            raise ValidationError({"action": [_("There is no such action on the timer.")]})


@floor_action(CHAIR, back="chair")
def move(request: HttpRequest, meeting: Meeting, pk: int) -> None:
    order.move(
        inscription=_inscription(meeting, pk), place=_number(request, "place"), by=request.user
    )


@floor_action(CHAIR, back="chair")
def skip(request: HttpRequest, meeting: Meeting, pk: int) -> None:
    order.skip(inscription=_inscription(meeting, pk), by=request.user)


@floor_action(CHAIR, back="chair")
def reorder(request: HttpRequest, meeting: Meeting) -> None:
    """The chair's order (the ids in `order`), or with `proposed` the order UN practice proposes."""
    if request.POST.get("proposed"):
        order.apply_proposed_order(meeting=meeting, by=request.user)
        return
    try:
        ids = [int(pk) for pk in request.POST.getlist("order")]
    except ValueError:
        raise ValidationError(
            {"order": [_("Give the list as the ids of its inscriptions.")]}
        ) from None
    order.reorder(meeting=meeting, order=ids, by=request.user)


@floor_action(CHAIR, back="chair")
def list_of_speakers(request: HttpRequest, meeting: Meeting) -> None:
    """Close the list (`closed=1`) or open it again (`closed=0`)."""
    if request.POST.get("closed") == "1":
        floor_actions.close_list(meeting=meeting, by=request.user)
    else:
        floor_actions.open_list(meeting=meeting, by=request.user)


@floor_action(CHAIR, back="chair")
def segment(request: HttpRequest, meeting: Meeting) -> None:
    chosen = request.POST.get("segment")
    under_way = (
        get_object_or_404(Segment, meeting=meeting, pk=_number(request, "segment"))
        if chosen
        else None
    )
    floor_actions.start_segment(meeting=meeting, segment=under_way, by=request.user)


@floor_action(CHAIR, back="chair")
def limits(request: HttpRequest, meeting: Meeting) -> None:
    form = TimeLimitsForm(request.POST, floor=floor_state.floor_settings(meeting))
    if not form.is_valid():
        raise ValidationError(form.errors)
    floor_actions.set_time_limits(meeting=meeting, limits=form.limits(), by=request.user)


@floor_action(CHAIR, back="chair")
def rules(request: HttpRequest, meeting: Meeting) -> None:
    form = FloorRulesForm(request.POST, floor=floor_state.floor_settings(meeting))
    if not form.is_valid():
        raise ValidationError(form.errors)
    floor_actions.set_floor_rules(meeting=meeting, by=request.user, **form.rules())


@floor_action(CHAIR, back="chair")
def quotas(request: HttpRequest, meeting: Meeting) -> None:
    form = QuotasForm(request.POST, quotas={})
    if not form.is_valid():
        raise ValidationError(form.errors)
    floor_actions.set_quotas(meeting=meeting, quotas=form.quotas(), by=request.user)


@floor_action(CHAIR, back="chair")
def raised_flag(request: HttpRequest, meeting: Meeting) -> None:
    form = RaisedFlagForm(request.POST, user=request.user)
    if not form.is_valid():
        raise ValidationError(form.errors)
    inscription = requests.add_for_raised_flag(meeting=meeting, by=request.user, **form.request())
    _warn_if_closed(request, inscription)


@floor_action(CHAIR, back="chair")
def programme_speaker(request: HttpRequest, meeting: Meeting) -> None:
    """Put a speaker of the programme on the list; with `now`, give them the floor at once."""
    participation = get_object_or_404(
        Participation, segment__meeting=meeting, pk=_number(request, "participation")
    )
    with transaction.atomic():
        inscription = requests.add_programme_speaker(participation=participation, by=request.user)
        if request.POST.get("now"):
            turns.give_floor(meeting=meeting, inscription=inscription, by=request.user)
    _warn_if_closed(request, inscription)


def _warn_if_closed(request: HttpRequest, inscription: Inscription) -> None:
    """A warning, not a refusal: the chair may add to a closed list. The
    console's script shows it on the inscription itself (from the state)."""
    if inscription.added_to_closed_list and not wants_json(request):
        messages.warning(request, _("The list is closed: added by the chair."))


PREFIX = "series/<slug:slug>/meetings/<int:number>/chair/"
urlpatterns = [
    path(PREFIX, chair, name="chair"),
    path(f"{PREFIX}floor/", give_floor, name="give_floor"),
    path(f"{PREFIX}timer/", timer, name="timer"),
    path(f"{PREFIX}inscriptions/<int:pk>/move/", move, name="move"),
    path(f"{PREFIX}inscriptions/<int:pk>/skip/", skip, name="skip"),
    path(f"{PREFIX}order/", reorder, name="reorder"),
    path(f"{PREFIX}list/", list_of_speakers, name="list"),
    path(f"{PREFIX}segment/", segment, name="segment"),
    path(f"{PREFIX}limits/", limits, name="limits"),
    path(f"{PREFIX}rules/", rules, name="rules"),
    path(f"{PREFIX}levels/", levels, name="levels"),
    path(f"{PREFIX}quotas/", quotas, name="quotas"),
    path(f"{PREFIX}raised-flag/", raised_flag, name="raised_flag"),
    path(f"{PREFIX}programme/", programme_speaker, name="programme_speaker"),
]
