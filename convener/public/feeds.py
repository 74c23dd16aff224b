"""Calendars, conference schedules and the record on the web, for applications to read.

Each feed is what the public (or the signed-in secretariat) may read, served
from the page cache like the pages (see `caching`): a subscriber's polling
costs one query for the content revision, then memory. The files are written
by `exchange.interfaces`, which the `convener export` command calls too.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from convener.exchange.interfaces import frab, popolo
from convener.exchange.interfaces.media_types import AKOMA_NTOSO, ICALENDAR
from convener.meetings.models import Meeting
from convener.meetings.queries.visibility import visible_meetings, visible_series
from convener.public.caching import cache_public_page
from convener.records.queries.appearances import visible_people
from convener.records.queries.interventions import reads_record_of


def _base_url(request: HttpRequest) -> str:
    """Scheme and host the reader asked for, to make the feed's links absolute."""
    return request.build_absolute_uri("/").rstrip("/")


@cache_public_page
def series_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    # The writers of calendars and of Akoma Ntoso, and their libraries, are
    # loaded by the first request for such a file (`media_types`).
    from convener.exchange.interfaces.ical import series_calendar

    series = get_object_or_404(visible_series(request.user), slug=slug)
    content = series_calendar(series, user=request.user, base_url=_base_url(request))
    return HttpResponse(content, content_type=ICALENDAR)


def _visible_meeting(request: HttpRequest, slug: str, number: int) -> Meeting:
    return get_object_or_404(
        visible_meetings(request.user).select_related("series"), series__slug=slug, number=number
    )


@cache_public_page
def meeting_calendar(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    from convener.exchange.interfaces.ical import meeting_calendar

    meeting = _visible_meeting(request, slug, number)
    content = meeting_calendar(meeting, user=request.user, base_url=_base_url(request))
    return HttpResponse(content, content_type=ICALENDAR)


@cache_public_page
def person_calendar(request: HttpRequest, key: str) -> HttpResponse:
    from convener.exchange.interfaces.ical import person_calendar

    person = get_object_or_404(visible_people(request.user), key=key)
    content = person_calendar(person, user=request.user, base_url=_base_url(request))
    return HttpResponse(content, content_type=ICALENDAR)


@cache_public_page
def series_schedule_xml(request: HttpRequest, slug: str) -> HttpResponse:
    series = get_object_or_404(visible_series(request.user), slug=slug)
    content = frab.schedule_xml(series, user=request.user, base_url=_base_url(request))
    return HttpResponse(content, content_type=frab.XML_CONTENT_TYPE)


@cache_public_page
def series_schedule_json(request: HttpRequest, slug: str) -> HttpResponse:
    series = get_object_or_404(visible_series(request.user), slug=slug)
    content = frab.schedule_json(series, user=request.user, base_url=_base_url(request))
    return HttpResponse(content, content_type=frab.JSON_CONTENT_TYPE)


@cache_public_page
def meeting_schedule_xml(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    return _meeting_schedule(request, slug, number, frab.schedule_xml, frab.XML_CONTENT_TYPE)


@cache_public_page
def meeting_schedule_json(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    return _meeting_schedule(request, slug, number, frab.schedule_json, frab.JSON_CONTENT_TYPE)


def _meeting_schedule(
    request: HttpRequest, slug: str, number: int, write: Callable[..., bytes], content_type: str
) -> HttpResponse:
    """One meeting's conference schedule, written by `write` (XML or JSON)."""
    meeting = _visible_meeting(request, slug, number)
    content = write(meeting.series, user=request.user, base_url=_base_url(request), meeting=meeting)
    return HttpResponse(content, content_type=content_type)


@cache_public_page
def meeting_record_akoma_ntoso(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """The meeting's record as an Akoma Ntoso debate; not found until it is released
    (to the reader: who prepares the series reads it before)."""
    from convener.exchange.interfaces.akoma_ntoso import meeting_debate

    meeting = _visible_meeting(request, slug, number)
    if not reads_record_of(request.user, meeting):
        raise Http404
    content = meeting_debate(meeting, user=request.user, base_url=_base_url(request))
    return HttpResponse(content, content_type=AKOMA_NTOSO)


@cache_public_page
def series_popolo(request: HttpRequest, slug: str) -> HttpResponse:
    series = get_object_or_404(visible_series(request.user), slug=slug)
    content = popolo.series_popolo(series, user=request.user)
    return HttpResponse(content, content_type=popolo.CONTENT_TYPE)
