"""The tracker of a series: its confirmed commitments and recommendations,
filtered, as the user may read them (the released records; every record for
who prepares the series)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from convener.audit.actors import AnyUser
from convener.commitments.models import Mark, MarkKind, StatusNote
from convener.meetings.models import Meeting, Series
from convener.meetings.queries.visibility import visible_meeting_q
from convener.records.queries.interventions import released_record_q

_MEETING = "intervention__segment__meeting"


@dataclass(frozen=True)
class TrackerFilters:
    """Each empty filter lets everything through."""

    status: str = ""
    kind: str = ""
    state: str = ""  # ISO 3166-1 alpha-3 of the State that committed or recommended
    organisation: str = ""  # key of the organisation
    meeting: int | None = None  # number in the series
    regional_group: str = ""  # of the State that committed or recommended


def tracked_marks(
    user: AnyUser, series: Series, filters: TrackerFilters = TrackerFilters()
) -> QuerySet[Mark]:
    """The confirmed marks of the series the user may read, oldest meeting first."""
    marks = Mark.objects.filter(
        visible_meeting_q(user, path=_MEETING),
        released_record_q(user, path=_MEETING),
        **{f"{_MEETING}__series": series},
        kind__in=[MarkKind.COMMITMENT, MarkKind.RECOMMENDATION],
    )
    if filters.status:
        marks = marks.filter(kind=MarkKind.COMMITMENT, status=filters.status)
    if filters.kind:
        marks = marks.filter(kind=filters.kind)
    if filters.state:
        marks = marks.filter(author_state__iso3__iexact=filters.state)
    if filters.organisation:
        marks = marks.filter(author_organisation__key=filters.organisation)
    if filters.meeting is not None:
        marks = marks.filter(**{f"{_MEETING}__number": filters.meeting})
    if filters.regional_group:
        marks = marks.filter(author_state__regional_group=filters.regional_group)
    return _in_order_with_their_people(marks)


def marks_of_meetings(meetings: list[Meeting]) -> list[Mark]:
    """The confirmed marks of these meetings, for a document that already
    chose which meetings (and records) it shows."""
    marks = Mark.objects.filter(
        **{f"{_MEETING}__in": meetings},
        kind__in=[MarkKind.COMMITMENT, MarkKind.RECOMMENDATION],
    )
    return list(_in_order_with_their_people(marks))


def _in_order_with_their_people(marks: QuerySet[Mark]) -> QuerySet[Mark]:
    """The marks in the order of the record, each with its author, its
    statement's speaker and delegation, and its status notes, read at once."""
    return (
        marks.select_related(
            "author_state",
            "author_organisation",
            "author_person",
            "intervention__segment__meeting__series",
            "intervention__speaker",
            "intervention__state",
            "intervention__state_group",
            "intervention__organisation",
        )
        .prefetch_related(Prefetch("notes", queryset=StatusNote.objects.order_by("at", "pk")))
        .order_by(
            f"{_MEETING}__number",
            "intervention__segment__order",
            "intervention__order",
            "source",
            "position",
        )
    )


def author_choices(marks: QuerySet[Mark]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The States and organisations that appear as authors among `marks`, for the filters."""
    states = {}
    organisations = {}
    for mark in marks.select_related(None).select_related("author_state", "author_organisation"):
        if mark.author_state:
            states[mark.author_state.iso3] = str(mark.author_state)
        if mark.author_organisation:
            organisations[mark.author_organisation.key] = str(mark.author_organisation)
    return (
        sorted(states.items(), key=lambda item: item[1]),
        sorted(organisations.items(), key=lambda item: item[1]),
    )
