"""Picking people and organisations from the directory, and adding missing ones in place.

The two searches answer with a fragment of results while a name is typed.
The two creation forms work on a page of their own and, with htmx, inside
the page that needs the entry: a new person can join the programme segment
being edited, a new organisation becomes the choice of the person form it
was created from. A name that is probably in the directory already brings
a warning listing the candidates, each of which can be picked instead; a
new entry then needs the user's explicit confirmation.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django_htmx.http import HttpResponseClientRedirect, reswap, retarget

from convener.access.loading import meeting_for
from convener.access.queries.reach import organisations_within_reach
from convener.access.queries.search import search_organisations, search_people
from convener.audit.actors import require
from convener.directory.domain.entries import (
    LikelyDuplicateError,
    create_organisation,
    create_person,
)
from convener.directory.models import Organisation, Person
from convener.manage.interfaces.directory import OrganisationForm, PersonForm
from convener.manage.interfaces.meetings import CoChairRow
from convener.manage.interfaces.programme import ParticipationForm, search_as_you_type
from convener.manage.interfaces.validation import show_domain_errors
from convener.manage.views.programme import PERMISSION as EDIT_PROGRAMME
from convener.manage.views.programme import place_ids, programme_done, segment_ids
from convener.meetings.domain.programme import add_participant
from convener.meetings.models import Segment, Series
from convener.meetings.queries.visibility import visible_series

SEARCH = "directory.search"
# Where the forms of the directory's own pages put their boxes (see `place_ids`).
DIRECTORY = "directory"
ADD_ENTRY = "directory.add_entry"
# Names of form fields and ids of the page's elements that the requests
# carry: letters, digits, hyphens and underscores only.
_NAME = re.compile(r"^[A-Za-z][\w-]{0,59}$")
# What a new person's form passes on to the organisation form, to get back to.
_PERSON_FIELDS = (
    "honorific",
    "given_name",
    "family_name",
    "position",
    "gender",
    "short_name",
    "segment",
    "role",
    "speaking_time",
    "place",
    "next",
)


def _safe_name(value: str | None, default: str) -> str:
    return value if value and _NAME.match(value) else default


def _safe_next(request: HttpRequest, value: str | None) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return ""


# Searching


def series_in_hand(request: HttpRequest, slug: str | None) -> Series | None:
    """The series a picker works for (`series` in the request), if the user
    works on it; any other slug is ignored, so that the order of the results
    says nothing of a series the user may not open."""
    if not slug:
        return None
    series = visible_series(request.user).filter(slug=slug).first()
    if series is None or not request.user.has_perm("series.open_workspace", series):
        return None
    return series


@login_required
@require_GET
def people_search(request: HttpRequest) -> HttpResponse:
    """People matching `q`, as buttons named `field` (default "person") that pick one.

    For a series (`series`), its own people come first, and an empty `q`
    lists them alone."""
    require(request.user, SEARCH)
    query = request.GET.get("q", "")
    series = series_in_hand(request, request.GET.get("series"))
    return render(
        request,
        "manage/directory_people_results.html",
        {
            "people": search_people(request.user, query, series=series),
            "q": query.strip(),
            "series": series,
            "field": _safe_name(request.GET.get("field"), "person"),
        },
    )


@login_required
@require_GET
def organisations_search(request: HttpRequest) -> HttpResponse:
    """Organisations matching `q`, as choices named `field` (default "organisation")."""
    require(request.user, SEARCH)
    query = request.GET.get("q", "")
    field = _safe_name(request.GET.get("field"), "organisation")
    series = series_in_hand(request, request.GET.get("series"))
    # The form's current choice comes along under the field's own name.
    chosen = _chosen_organisation(request, request.GET.get(field))
    return render(
        request,
        "manage/directory_organisation_results.html",
        {
            "organisations": _with_chosen(
                search_organisations(request.user, query, series=series), chosen
            ),
            "chosen": chosen,
            "q": query.strip(),
            "field": field,
            "id_prefix": _safe_name(request.htmx.target, "organisations"),
        },
    )


@login_required
@require_GET
def co_chair_representatives(request: HttpRequest) -> HttpResponse:
    """The select box of a co-chair row's representative (row `row`), its
    choices ordered by the State chosen in that row: its representatives
    first, then the people of the series (`series`)."""
    require(request.user, SEARCH)
    row = CoChairRow(
        request.GET,
        prefix=_safe_name(request.GET.get("row"), "co_chairs-0"),
        user=request.user,
        series=series_in_hand(request, request.GET.get("series")),
    )
    return HttpResponse(str(row["person"]))


def _chosen_organisation(request: HttpRequest, pk: Any) -> Organisation | None:
    try:
        reach = organisations_within_reach(request.user)
        return reach.filter(pk=int(pk)).first() if pk else None
    except (TypeError, ValueError):
        return None


def _with_chosen(found: list[Organisation], chosen: Organisation | None) -> list[Organisation]:
    """The chosen organisation stays on the list, first, whatever the search finds."""
    if chosen is None:
        return found
    return [chosen, *(organisation for organisation in found if organisation.pk != chosen.pk)]


# A new person


def _segment(request: HttpRequest, data: QueryDict) -> Segment | None:
    """The programme segment the new person is for, if the user may change its programme."""
    pk = data.get("segment")
    if not pk:
        return None
    if not pk.isdigit():
        raise Http404
    segment = get_object_or_404(Segment.objects.select_related("meeting__series"), pk=pk)
    meeting = meeting_for(
        request, segment.meeting.series.slug, segment.meeting.number, EDIT_PROGRAMME
    )
    segment.meeting = meeting
    return segment


def _names_from(query: str) -> dict[str, str]:
    """What was typed in a search that found no one, as a first guess at the names."""
    words = query.split()
    if not words:
        return {}
    return {"given_name": " ".join(words[:-1]), "family_name": words[-1]}


@login_required
def person_create(request: HttpRequest) -> HttpResponse:
    require(request.user, ADD_ENTRY)
    data = request.POST if request.method == "POST" else request.GET
    segment = _segment(request, data)
    place = segment_ids(segment.pk)["place"] if segment else DIRECTORY
    if request.method != "POST" or "find" in request.POST:
        # A new form, or the search for an organisation without JavaScript:
        # filled in with what the request brings, and nothing judged yet.
        initial = _unjudged(data, searching=request.method == "POST")
        form, placement = _person_forms(request, place, initial=initial)
        return _person_form(request, form, placement, segment=segment, place=place)
    form, placement = _person_forms(request, place, data=request.POST)
    candidates: list[Any] = []
    if form.is_valid() and (segment is None or placement.is_valid()):
        try:
            with transaction.atomic():
                person = form.cleaned_data["pick"] or create_person(**form.entry(), by=request.user)
                if segment is not None:
                    add_participant(
                        segment=segment, person=person, **placement.cleaned_data, by=request.user
                    )
        except LikelyDuplicateError as warning:
            candidates = warning.candidates
        except ValidationError as error:
            show_domain_errors(error, form, placement)
        else:
            return _person_ready(request, person, segment)
    return _person_form(
        request, form, placement, segment=segment, place=place, candidates=candidates, status=400
    )


def _unjudged(data: QueryDict, *, searching: bool) -> dict[str, Any]:
    """The values a person form starts from.

    Opened from a programme's search that found no one, the text typed there
    (`q`) is a first guess at the name; in the person form, `q` is the search
    for the organisation.
    """
    if searching:
        return data.dict()
    return {**_names_from(data.get("q", "")), **data.dict(), "q": ""}


def _person_forms(
    request: HttpRequest,
    place: str,
    *,
    data: QueryDict | None = None,
    initial: dict[str, Any] | None = None,
) -> tuple[PersonForm, ParticipationForm]:
    """The person's form and, for a programme segment, the form of their part in it."""
    return (
        PersonForm(data, initial=initial, auto_id=f"{place}-person-%s", user=request.user),
        ParticipationForm(data, initial=initial, auto_id=f"{place}-placement-%s"),
    )


def _person_ready(request: HttpRequest, person: Person, segment: Segment | None) -> HttpResponse:
    if segment is not None:
        message = _("Added %(person)s to “%(segment)s”.") % {
            "person": person.full_name,
            "segment": segment.heading,
        }
        ids = segment_ids(segment.pk)
        return programme_done(
            request, segment.meeting, message, anchor=ids["place"], focus=ids["search"]
        )
    messages.success(request, _("%(person)s is in the directory.") % {"person": person.full_name})
    return _go(request, _safe_next(request, request.POST.get("next")) or reverse("manage:home"))


def _person_form(
    request: HttpRequest,
    form: PersonForm,
    placement: ParticipationForm,
    *,
    segment: Segment | None,
    place: str,
    candidates: list[Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    ids = place_ids(place)
    # What is in the organisation's search field is searched again, so that a
    # form that comes back still lists what was found.
    search = form["q"].value() or ""
    series = segment.meeting.series if segment else None
    form.fields["q"].widget.attrs.update(
        search_as_you_type(
            "manage:organisations_search",
            ids["organisations"],
            keep=form["organisation"].html_name,
            series=series,
        )
    )
    chosen = _chosen_organisation(request, form["organisation"].value())
    context = {
        "form": form,
        "placement": placement if segment else None,
        "segment": segment,
        "place": place,
        "ids": ids,
        "organisations": _with_chosen(
            search_organisations(request.user, search, series=series) if search else [], chosen
        ),
        "chosen": chosen,
        "search": search,
        "candidates": candidates or [],
        "next": _safe_next(request, request.POST.get("next") or request.GET.get("next")),
        "back": _back(segment),
    }
    return _form_response(
        request,
        context,
        fragment="manage/directory_person_form.html",
        page="manage/directory_person.html",
        status=status,
    )


def _back(segment: Segment | None) -> str:
    if segment is None:
        return reverse("manage:home")
    meeting = segment.meeting
    programme = reverse("manage:programme", args=[meeting.series.slug, meeting.number])
    return f"{programme}#segment-{segment.pk}"


def _form_response(
    request: HttpRequest, context: dict[str, Any], *, fragment: str, page: str, status: int
) -> HttpResponse:
    # htmx swaps only a successful answer, so a form with errors is one too.
    if request.htmx:
        return render(request, fragment, context)
    return render(request, page, context, status=status)


def _go(request: HttpRequest, url: str) -> HttpResponse:
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


# A new organisation


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    require(request.user, ADD_ENTRY)
    place = _safe_name(request.POST.get("place") or request.GET.get("place"), DIRECTORY)
    auto_id = f"{place}-organisation-%s"
    if request.method != "POST":
        form = OrganisationForm(
            initial={"name": request.GET.get("name", "")}, auto_id=auto_id, user=request.user
        )
        next_url = _safe_next(request, request.GET.get("next"))
        return _organisation_form(request, form, place=place, next_url=next_url)
    if "start" in request.POST:
        # Sent by a person's form: what was typed there waits in `next`.
        form = OrganisationForm(
            initial={"name": request.POST.get("q", "")}, auto_id=auto_id, user=request.user
        )
        return _organisation_form(request, form, place=place, next_url=_back_to_person(request))
    form = OrganisationForm(request.POST, auto_id=auto_id, user=request.user)
    next_url = _safe_next(request, request.POST.get("next"))
    candidates: list[Any] = []
    if form.is_valid():
        try:
            organisation = form.cleaned_data["pick"] or create_organisation(
                **form.entry(), by=request.user
            )
        except LikelyDuplicateError as warning:
            candidates = warning.candidates
        except ValidationError as error:
            show_domain_errors(error, form)
        else:
            return _organisation_ready(request, organisation, place=place, next_url=next_url)
    return _organisation_form(
        request, form, place=place, next_url=next_url, candidates=candidates, status=400
    )


def _back_to_person(request: HttpRequest) -> str:
    """The address of the person form, filled in as the user left it."""
    typed = {name: request.POST[name] for name in _PERSON_FIELDS if request.POST.get(name)}
    return f"{reverse('manage:person_create')}?{urlencode(typed)}"


def _organisation_ready(
    request: HttpRequest, organisation: Organisation, *, place: str, next_url: str
) -> HttpResponse:
    if request.htmx:
        # Back in the person's form: the organisation is its choice, and the
        # organisation form closes.
        response = render(
            request,
            "manage/directory_organisation_created.html",
            {
                "organisations": [organisation],
                "chosen": organisation,
                "field": "organisation",
                "id_prefix": place_ids(place)["organisations"],
                "ids": place_ids(place),
            },
        )
        return reswap(retarget(response, f"#{place_ids(place)['organisations']}"), "innerHTML")
    messages.success(
        request, _("%(organisation)s is in the directory.") % {"organisation": organisation.name}
    )
    if next_url:
        separator = "&" if "?" in next_url else "?"
        return redirect(f"{next_url}{separator}{urlencode({'organisation': organisation.pk})}")
    return redirect("manage:home")


def _organisation_form(
    request: HttpRequest,
    form: OrganisationForm,
    *,
    place: str,
    next_url: str,
    candidates: list[Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "form": form,
        "place": place,
        "ids": place_ids(place),
        "next": next_url,
        "candidates": candidates or [],
        "back": next_url or reverse("manage:home"),
    }
    response = _form_response(
        request,
        context,
        fragment="manage/directory_organisation_form.html",
        page="manage/directory_organisation.html",
        status=status,
    )
    if request.htmx:
        # Opened from a person's form, the organisation form goes in the box beside it.
        return reswap(retarget(response, f"#{place_ids(place)['new_organisation']}"), "innerHTML")
    return response


urlpatterns = [
    path("directory/people/", people_search, name="people_search"),
    path("directory/organisations/", organisations_search, name="organisations_search"),
    path(
        "directory/co-chairs/representatives/",
        co_chair_representatives,
        name="co_chair_representatives",
    ),
    path("directory/people/new/", person_create, name="person_create"),
    path("directory/organisations/new/", organisation_create, name="organisation_create"),
]
