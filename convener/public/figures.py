"""Participation in figures on the public site: a dashboard per series,
meeting, State and organisation, and each figure's rows as CSV.

They count the records the reader may read (released ones, for the public)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from convener.directory.queries.states import states_for_page
from convener.meetings.queries.meetings import meetings_for_page
from convener.meetings.queries.series import series_for_page
from convener.participation.interfaces.charts import as_csv
from convener.participation.interfaces.dashboard import drawn
from convener.participation.queries.figures import (
    meeting_figures,
    organisation_figures,
    series_figures,
    state_figures,
)
from convener.participation.queries.rows import Dashboard
from convener.public.caching import cache_public_page
from convener.records.queries.appearances import visible_organisations


def _series(request: HttpRequest, slug: str) -> tuple[Any, Dashboard]:
    series = get_object_or_404(series_for_page(request.user), slug=slug)
    return series, series_figures(series, user=request.user, released_only=True)


def _meeting(request: HttpRequest, slug: str, number: int) -> tuple[Any, Dashboard]:
    meeting = get_object_or_404(meetings_for_page(request.user), series__slug=slug, number=number)
    return meeting, meeting_figures(meeting, user=request.user, released_only=True)


def _state(request: HttpRequest, iso3: str) -> tuple[Any, Dashboard]:
    state = get_object_or_404(states_for_page(), iso3=iso3)
    return state, state_figures(state, user=request.user, released_only=True)


def _organisation(request: HttpRequest, key: str) -> tuple[Any, Dashboard]:
    organisation = get_object_or_404(visible_organisations(request.user), key=key)
    return organisation, organisation_figures(organisation, user=request.user, released_only=True)


Loader = Callable[..., tuple[Any, Dashboard]]
_SCOPES: dict[str, Loader] = {
    "series": _series,
    "meeting": _meeting,
    "state": _state,
    "organisation": _organisation,
}


def _page(scope: str) -> Callable[..., HttpResponse]:
    @cache_public_page
    def page(request: HttpRequest, **address: Any) -> HttpResponse:
        subject, dashboard = _SCOPES[scope](request, **address)
        context = {
            "scope": scope,
            "subject": subject,
            "dashboard": dashboard,
            "charts": drawn(dashboard),
            "csv_base": "",
        }
        return render(request, "public/figures.html", context)

    page.__name__ = f"{scope}_figures"
    return page


def _csv(scope: str) -> Callable[..., HttpResponse]:
    # Not cached: the page cache keeps no headers, and the rows cost little.
    def download(request: HttpRequest, figure: str, **address: Any) -> HttpResponse:
        _subject, dashboard = _SCOPES[scope](request, **address)
        found = dashboard.figure(figure)
        if found is None:
            raise Http404(_("No such figure."))
        response = HttpResponse(as_csv(found), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{figure}.csv"'
        return response

    download.__name__ = f"{scope}_figure_csv"
    return download


series_page, series_csv = _page("series"), _csv("series")
meeting_page, meeting_csv = _page("meeting"), _csv("meeting")
state_page, state_csv = _page("state"), _csv("state")
organisation_page, organisation_csv = _page("organisation"), _csv("organisation")
