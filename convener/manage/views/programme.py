"""The programme builder: a meeting's segments in order, and who takes part in each.

Every change is a form posted with its CSRF token to an address of its own,
which answers with a redirect back to the programme; with htmx it answers
with the programme alone, which replaces the one on the page. A form the
domain refuses comes back with its errors and everything typed in it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from convener.access.loading import child_of, meeting_for
from convener.access.queries.search import search_people
from convener.directory.models import Organisation, Person
from convener.manage.interfaces.programme import (
    NamingForm,
    PartForm,
    ParticipantForm,
    ParticipationForm,
    PlaceForm,
    SegmentForm,
    organisation_choices,
)
from convener.manage.interfaces.validation import show_domain_errors
from convener.meetings.domain.programme import (
    add_participant,
    add_place,
    add_segment,
    move_participant,
    move_segment,
    name_place,
    remove_participant,
    remove_segment,
    update_participant,
    update_segment,
)
from convener.meetings.domain.timetable import timetable
from convener.meetings.models import Meeting, Participation, Segment
from convener.meetings.wording import place_in_words
from convener.prose.formats import time_range

PERMISSION = "meeting.edit_programme"
STEPS = {"up": -1, "down": 1}
NEW_SEGMENT = "new-segment"

# A form the user sent back, to show again in place of the blank one:
# ("segment", pk), ("add", segment pk), ("place", segment pk), ("participant", pk),
# ("name", participation pk) or (NEW_SEGMENT, None).
Bound = Mapping[tuple[str, int | None], Form]


@dataclass
class ParticipantRow:
    participation: Participation
    form: ParticipationForm
    naming_form: NamingForm | None = None  # for a place whose person is not named yet
    found: list[Person] | None = None  # the people a search without JavaScript found

    @property
    def id(self) -> str:
        return participation_id(self.participation.pk)

    @property
    def name_id(self) -> str:
        return f"{self.id}-name"

    @property
    def found_id(self) -> str:
        return f"{self.id}-found"

    @property
    def label(self) -> str:
        return holder_label(self.participation)

    @property
    def new_person_query(self) -> str:
        """What the form of a new person starts from: the office as their
        position, the organisation as theirs."""
        place = self.participation
        known = {"position": place.office, "organisation": place.organisation_id or ""}
        return urlencode({name: value for name, value in known.items() if value})


def holder_label(participation: Participation) -> str:
    """Who holds the place, as the builder's buttons and messages name them,
    within their sentences ("Saved the part of the Special Rapporteur …")."""
    if participation.person is not None:
        return participation.person.full_name
    return place_in_words(participation, in_sentence=True)


@dataclass
class SegmentRow:
    segment: Segment
    form: SegmentForm
    add_form: ParticipantForm
    place_form: PlaceForm
    participants: list[ParticipantRow] = field(default_factory=list)
    found: list[Person] | None = None  # the people a search without JavaScript found
    time: str = ""  # when it takes place, from the meeting's start: "10:00–11:15"

    @property
    def ids(self) -> dict[str, str]:
        return segment_ids(self.segment.pk)


def place_ids(place: str) -> dict[str, str]:
    """The ids of the boxes a place of the page (a segment, a directory page) holds,
    which the forms of the programme and of the directory fill in."""
    return {
        "place": place,
        "found": f"{place}-found",  # the people a search found
        "new_person": f"{place}-new-person",  # the form of a new person
        "organisations": f"{place}-organisations",  # the person form's organisations found
        "new_organisation": f"{place}-new-organisation",  # the form of a new organisation
    }


def segment_ids(segment_pk: int) -> dict[str, str]:
    place = f"segment-{segment_pk}"
    return {
        **place_ids(place),
        "heading": f"{place}-heading",
        "people": f"{place}-people",
        "add_form": f"{place}-add",  # the prefix of the ids of the add-a-participant form
        "place_form": f"{place}-place",  # the prefix of the ids of the add-a-place form
        "search": f"{place}-add-q",  # its search field
    }


def participant_form(segment: Segment, *, user: Any, data: Any = None) -> ParticipantForm:
    ids = segment_ids(segment.pk)
    return ParticipantForm(
        data,
        auto_id=f"{ids['add_form']}-%s",
        found_id=ids["found"],
        user=user,
        series=segment.meeting.series,
    )


def place_form(
    segment: Segment, *, organisations: list[Organisation], data: Any = None
) -> PlaceForm:
    auto_id = f"{segment_ids(segment.pk)['place_form']}-%s"
    return PlaceForm(data, auto_id=auto_id, organisations=organisations)


def naming_form(participation: Participation, *, user: Any, data: Any = None) -> NamingForm:
    row_id = participation_id(participation.pk)
    return NamingForm(data, auto_id=f"{row_id}-naming-%s", found_id=f"{row_id}-found", user=user)


def programme_rows(
    meeting: Meeting, *, user: Any, bound: Bound, focus: str = ""
) -> list[SegmentRow]:
    """The segments in order, each with its forms: blank, or the one sent back."""
    participations = Participation.objects.select_related("person__organisation", "organisation")
    segments = list(
        meeting.segments.order_by("order", "pk").prefetch_related(
            Prefetch("participations", queryset=participations.order_by("order", "pk"))
        )
    )
    organisations = organisation_choices(user)
    slots = {slot.segment.pk: slot for slot in timetable(meeting, segments=segments)}
    rows = [
        _segment_row(segment, user=user, bound=bound, focus=focus, organisations=organisations)
        for segment in segments
    ]
    for row in rows:
        slot = slots.get(row.segment.pk)
        row.time = time_range(slot.start, slot.end) if slot else ""
    return rows


def _segment_row(
    segment: Segment,
    *,
    user: Any,
    bound: Bound,
    focus: str,
    organisations: list[Organisation],
) -> SegmentRow:
    ids = segment_ids(segment.pk)
    add_form = bound.get(("add", segment.pk)) or participant_form(segment, user=user)
    if focus == ids["search"]:
        add_form.fields["q"].widget.attrs["autofocus"] = True
    query = add_form["q"].value() if add_form.is_bound else ""
    return SegmentRow(
        segment=segment,
        form=bound.get(("segment", segment.pk))
        or SegmentForm.of(segment, auto_id=f"{ids['place']}-%s"),
        add_form=add_form,
        place_form=bound.get(("place", segment.pk))
        or place_form(segment, organisations=organisations),
        participants=[
            _participant_row(participation, user=user, bound=bound)
            for participation in segment.participations.all()
        ],
        found=search_people(user, query, series=segment.meeting.series) if query else None,
    )


def _participant_row(participation: Participation, *, user: Any, bound: Bound) -> ParticipantRow:
    row = ParticipantRow(
        participation,
        bound.get(("participant", participation.pk))
        or PartForm.of(participation, auto_id=f"{participation_id(participation.pk)}-%s"),
    )
    if participation.person is None:
        form = bound.get(("name", participation.pk)) or naming_form(participation, user=user)
        row.naming_form = form
        query = form["q"].value() if form.is_bound else ""
        row.found = search_people(user, query) if query else None
    return row


def participation_id(pk: int) -> str:
    return f"participation-{pk}"


def _programme(
    request: HttpRequest,
    meeting: Meeting,
    *,
    bound: Bound | None = None,
    announce: str = "",
    focus: str = "",
    status: int = 200,
) -> HttpResponse:
    context = {
        "meeting": meeting,
        "series": meeting.series,
        "rows": programme_rows(meeting, user=request.user, bound=bound or {}, focus=focus),
        "new_segment_form": (bound or {}).get((NEW_SEGMENT, None))
        or SegmentForm(auto_id=f"{NEW_SEGMENT}-%s"),
        "can_add_entry": request.user.has_perm("directory.add_entry"),
        "announce": announce,
        "focus": focus,
    }
    if request.htmx:
        # htmx swaps only a successful answer, so a form with errors is one too.
        response = render(request, "manage/programme_fragment.html", context)
        # The in-place forms of the directory target their own box; the
        # programme they lead back to replaces the whole programme.
        return reswap(retarget(response, "#programme"), "outerHTML")
    return render(request, "manage/programme.html", context, status=status)


def programme_done(
    request: HttpRequest, meeting: Meeting, message: str, *, anchor: str = "", focus: str = ""
) -> HttpResponse:
    """The answer to a change that was made: the programme, saying what changed.

    Without JavaScript the browser goes back to the programme at `anchor`;
    with htmx, `focus` is the id of the element to put the focus on (a moved
    button keeps it without help: htmx finds it again by its id).
    """
    if request.htmx:
        return _programme(request, meeting, announce=message, focus=focus)
    messages.success(request, message)
    url = reverse("manage:programme", args=[meeting.series.slug, meeting.number])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _refused(request: HttpRequest, meeting: Meeting, bound: Bound) -> HttpResponse:
    return _programme(request, meeting, bound=bound, status=400)


def _not_done(request: HttpRequest, meeting: Meeting, error: ValidationError) -> HttpResponse:
    """The answer to a button the domain refused, with nothing typed to give back."""
    message = " ".join(error.messages)
    if request.htmx:
        return _programme(request, meeting, announce=message)
    messages.error(request, message)
    return redirect("manage:programme", meeting.series.slug, meeting.number)


def _step(request: HttpRequest) -> int | None:
    return STEPS.get(request.POST.get("direction", ""))


def programme_change(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """A POST that changes the programme of the meeting in the address."""

    @login_required
    @require_POST
    @wraps(view)
    def change(request: HttpRequest, slug: str, number: int, **ids: int) -> HttpResponse:
        meeting = meeting_for(request, slug, number, PERMISSION)
        return view(request, meeting, **ids)

    return change


@login_required
def programme(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    return _programme(request, meeting_for(request, slug, number, PERMISSION))


# Segments


@programme_change
def segment_add(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = SegmentForm(request.POST, auto_id=f"{NEW_SEGMENT}-%s")
    if form.is_valid():
        try:
            segment = add_segment(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            message = _("Added “%(segment)s”.") % {"segment": segment.heading}
            ids = segment_ids(segment.pk)
            return programme_done(
                request, meeting, message, anchor=ids["place"], focus=ids["heading"]
            )
    return _refused(request, meeting, {(NEW_SEGMENT, None): form})


@programme_change
def segment_update(request: HttpRequest, meeting: Meeting, segment: int) -> HttpResponse:
    row = child_of(meeting, Segment.objects.all(), pk=segment)
    ids = segment_ids(row.pk)
    form = SegmentForm(request.POST, auto_id=f"{ids['place']}-%s")
    if form.is_valid():
        try:
            update_segment(segment=row, changes=form.cleaned_data, by=request.user)
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            message = _("Saved “%(segment)s”.") % {"segment": row.heading}
            return programme_done(
                request, meeting, message, anchor=ids["place"], focus=ids["heading"]
            )
    return _refused(request, meeting, {("segment", row.pk): form})


@programme_change
def segment_remove(request: HttpRequest, meeting: Meeting, segment: int) -> HttpResponse:
    row = child_of(meeting, Segment.objects.all(), pk=segment)
    try:
        remove_segment(segment=row, by=request.user)
    except ValidationError as error:
        return _not_done(request, meeting, error)
    message = _("Removed “%(segment)s” from the programme.") % {"segment": row.heading}
    return programme_done(request, meeting, message, focus="programme-heading")


@programme_change
def segment_move(request: HttpRequest, meeting: Meeting, segment: int) -> HttpResponse:
    row = child_of(meeting, Segment.objects.all(), pk=segment)
    step = _step(request)
    if step is None:
        return HttpResponseBadRequest()
    try:
        move_segment(segment=row, step=step, by=request.user)
    except ValidationError as error:
        return _not_done(request, meeting, error)
    message = _("Moved “%(segment)s” to place %(place)s.") % {
        "segment": row.heading,
        "place": row.order + 1,
    }
    return programme_done(request, meeting, message, anchor=segment_ids(row.pk)["place"])


# Participants


@programme_change
def participant_add(request: HttpRequest, meeting: Meeting, segment: int) -> HttpResponse:
    row = child_of(meeting, Segment.objects.all(), pk=segment)
    form = participant_form(row, user=request.user, data=request.POST)
    if not form.is_valid():
        return _refused(request, meeting, {("add", row.pk): form})
    person = form.cleaned_data["person"]
    if person is None:
        if not form.cleaned_data["q"]:
            form.add_error("q", _("Type part of a name, then pick the person from the list."))
            return _refused(request, meeting, {("add", row.pk): form})
        # Searching without JavaScript: the programme comes back with the people found.
        return _programme(request, meeting, bound={("add", row.pk): form})
    try:
        add_participant(
            segment=row,
            person=person,
            role=form.cleaned_data["role"],
            speaking_time=form.cleaned_data["speaking_time"],
            by=request.user,
        )
    except ValidationError as error:
        show_domain_errors(error, form)
        return _refused(request, meeting, {("add", row.pk): form})
    message = _("Added %(person)s to “%(segment)s”.") % {
        "person": person.full_name,
        "segment": row.heading,
    }
    ids = segment_ids(row.pk)
    return programme_done(request, meeting, message, anchor=ids["place"], focus=ids["search"])


@programme_change
def place_add(request: HttpRequest, meeting: Meeting, segment: int) -> HttpResponse:
    """A place whose holder is not named yet: an office, an organisation, or TBC."""
    row = child_of(meeting, Segment.objects.all(), pk=segment)
    form = place_form(row, organisations=organisation_choices(request.user), data=request.POST)
    if form.is_valid():
        try:
            added = add_place(segment=row, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            message = _("Added %(holder)s to “%(segment)s”.") % {
                "holder": holder_label(added),
                "segment": row.heading,
            }
            anchor = participation_id(added.pk)
            return programme_done(request, meeting, message, anchor=anchor, focus=f"{anchor}-name")
    return _refused(request, meeting, {("place", row.pk): form})


@programme_change
def participant_name(request: HttpRequest, meeting: Meeting, participation: int) -> HttpResponse:
    """Name the person who holds a place: the documents follow."""
    row = _participation(meeting, participation)
    form = naming_form(row, user=request.user, data=request.POST)
    if not form.is_valid():
        return _refused(request, meeting, {("name", row.pk): form})
    person = form.cleaned_data["person"]
    if person is None:
        if not form.cleaned_data["q"]:
            form.add_error("q", _("Type part of a name, then pick the person from the list."))
            return _refused(request, meeting, {("name", row.pk): form})
        # Searching without JavaScript: the programme comes back with the people found.
        return _programme(request, meeting, bound={("name", row.pk): form})
    before = holder_label(row)
    try:
        name_place(participation=row, person=person, by=request.user)
    except ValidationError as error:
        show_domain_errors(error, form)
        return _refused(request, meeting, {("name", row.pk): form})
    message = _("%(person)s now holds the place of %(before)s in “%(segment)s”.") % {
        "person": person.full_name,
        "before": before,
        "segment": row.segment.heading,
    }
    anchor = participation_id(row.pk)
    return programme_done(request, meeting, message, anchor=anchor, focus=f"{anchor}-name")


def _participation(meeting: Meeting, pk: int) -> Participation:
    return child_of(
        meeting, Participation.objects.select_related("person", "organisation", "segment"), pk=pk
    )


@programme_change
def participant_update(request: HttpRequest, meeting: Meeting, participation: int) -> HttpResponse:
    row = _participation(meeting, participation)
    form = PartForm(request.POST, auto_id=f"{participation_id(row.pk)}-%s")
    if form.is_valid():
        try:
            update_participant(participation=row, changes=form.cleaned_data, by=request.user)
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            message = _("Saved the part of %(person)s.") % {"person": holder_label(row)}
            anchor = participation_id(row.pk)
            return programme_done(request, meeting, message, anchor=anchor, focus=f"{anchor}-name")
    return _refused(request, meeting, {("participant", row.pk): form})


@programme_change
def participant_remove(request: HttpRequest, meeting: Meeting, participation: int) -> HttpResponse:
    row = _participation(meeting, participation)
    remove_participant(participation=row, by=request.user)
    message = _("Removed %(person)s from “%(segment)s”.") % {
        "person": holder_label(row),
        "segment": row.segment.heading,
    }
    ids = segment_ids(row.segment_id)
    return programme_done(request, meeting, message, anchor=ids["place"], focus=ids["people"])


@programme_change
def participant_move(request: HttpRequest, meeting: Meeting, participation: int) -> HttpResponse:
    row = _participation(meeting, participation)
    step = _step(request)
    if step is None:
        return HttpResponseBadRequest()
    try:
        move_participant(participation=row, step=step, by=request.user)
    except ValidationError as error:
        return _not_done(request, meeting, error)
    message = _("Moved %(person)s to place %(place)s in “%(segment)s”.") % {
        "person": holder_label(row),
        "place": row.order + 1,
        "segment": row.segment.heading,
    }
    return programme_done(request, meeting, message, anchor=participation_id(row.pk))


_PROGRAMME = "series/<slug:slug>/meetings/<int:number>/programme/"
_SEGMENT = _PROGRAMME + "segments/<int:segment>/"
_PARTICIPANT = _PROGRAMME + "participants/<int:participation>/"

urlpatterns = [
    path(_PROGRAMME, programme, name="programme"),
    path(_PROGRAMME + "segments/", segment_add, name="programme_segment_add"),
    path(_SEGMENT, segment_update, name="programme_segment"),
    path(_SEGMENT + "remove/", segment_remove, name="programme_segment_remove"),
    path(_SEGMENT + "move/", segment_move, name="programme_segment_move"),
    path(_SEGMENT + "participants/", participant_add, name="programme_participant_add"),
    path(_SEGMENT + "places/", place_add, name="programme_place_add"),
    path(_PARTICIPANT, participant_update, name="programme_participant"),
    path(_PARTICIPANT + "remove/", participant_remove, name="programme_participant_remove"),
    path(_PARTICIPANT + "move/", participant_move, name="programme_participant_move"),
    path(_PARTICIPANT + "name/", participant_name, name="programme_participant_name"),
]
