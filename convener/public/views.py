"""The public pages: each view fetches through a query that knows the user, then renders.

Anonymous readers get the page from the page cache (see `caching`), which
costs one query for the content revision; on a miss the view runs. The series
and meeting pages are shared by signed-in readers of the same drafts too: their
views read the user only through the visibility queries.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from convener.directory.queries.states import groups_of, states_for_page
from convener.meetings.domain.timetable import timetable
from convener.meetings.models import Meeting, Segment, Series
from convener.meetings.queries.meetings import meetings_for_page
from convener.meetings.queries.series import series_for_home, series_for_page
from convener.public.caching import cache_public_page
from convener.publishing.composition.wording import segment_time
from convener.records.queries.appearances import (
    appearances_of,
    co_chairing_by,
    floor_turns_of,
    meetings_co_organised_by,
    people_for_page,
    people_of,
    visible_organisations,
)
from convener.records.queries.interventions import reads_record_of, record_by_segment
from convener.texts.models import Translatable
from convener.texts.queries import show_in_language
from convener.themes.queries.keywords import stored_meeting_keywords


@cache_public_page
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "public/home.html", {"series_list": series_for_home(request.user)})


@cache_public_page(also_signed_in=True)
def series(request: HttpRequest, slug: str) -> HttpResponse:
    series = get_object_or_404(series_for_page(request.user), slug=slug)
    _in_reading_language(series, [*series.concept_note, *series.meeting_list])
    return render(request, "public/series.html", {"series": series})


def _in_reading_language(series: Series, objects: Iterable[Translatable]) -> None:
    """Show the page's texts in the reader's language where translated (one query)."""
    show_in_language(objects, language=get_language(), original_language=series.language)


@cache_public_page(also_signed_in=True)
def meeting(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    meeting = get_object_or_404(meetings_for_page(request.user), series__slug=slug, number=number)
    context = {
        "meeting": meeting,
        "programme": _programme_times(meeting),
        "record": record_by_segment(meeting, user=request.user),
        # The summaries of the segments are the record's too: read once released.
        "reads_record": reads_record_of(request.user, meeting),
    }
    interventions = [i for segment in context["record"] for i in segment.interventions.all()]
    # Read from every statement of the meeting: shown once its record is released
    # (then every statement is on the page), as computed in the workspace.
    context["keywords"] = (
        stored_meeting_keywords(meeting, interventions) if meeting.record_is_released else []
    )
    _in_reading_language(
        meeting.series,
        [meeting, *meeting.sections.all(), *meeting.segments.all(), *interventions],
    )
    return render(request, "public/meeting.html", context)


def _programme_times(meeting: Meeting) -> list[tuple[Segment, str]]:
    """Each segment of the programme with when it takes place, "10:00–11:15",
    or its length, or "" (the times as the documents give them)."""
    slots = {slot.segment.pk: slot for slot in timetable(meeting)}
    return [
        (segment, segment_time(segment, slots.get(segment.pk)))
        for segment in meeting.segments.all()
    ]


def _titles_in_reading_language(meetings: Iterable[Meeting]) -> None:
    """Show meetings of any series in the reader's language where translated:
    one query for each language the series are written in."""
    by_original: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        by_original.setdefault(meeting.series.language, []).append(meeting)
    for original, written_in_it in by_original.items():
        show_in_language(written_in_it, language=get_language(), original_language=original)


@cache_public_page
def person(request: HttpRequest, key: str) -> HttpResponse:
    person = get_object_or_404(people_for_page(request.user), key=key)
    meetings = appearances_of(person, user=request.user)
    _titles_in_reading_language(group.meeting for group in meetings)
    return render(request, "public/person.html", {"person": person, "meetings": meetings})


@cache_public_page
def organisation(request: HttpRequest, key: str) -> HttpResponse:
    organisation = get_object_or_404(visible_organisations(request.user), key=key)
    meetings = list(meetings_co_organised_by(organisation, user=request.user))
    _titles_in_reading_language(meetings)
    context = {
        "organisation": organisation,
        "meetings": meetings,
        "people": people_of(organisation, user=request.user),
    }
    return render(request, "public/organisation.html", context)


@cache_public_page
def state(request: HttpRequest, iso3: str) -> HttpResponse:
    state = get_object_or_404(states_for_page(), iso3=iso3)
    co_chairing = list(co_chairing_by(state, user=request.user))
    floor_turns = list(floor_turns_of(state, user=request.user))
    _titles_in_reading_language(
        [*(co_chair.meeting for co_chair in co_chairing), *(t.segment.meeting for t in floor_turns)]
    )
    context = {
        "state": state,
        "co_chairing": co_chairing,
        "floor_turns": floor_turns,
        "groups": groups_of(state),
    }
    return render(request, "public/state.html", context)
