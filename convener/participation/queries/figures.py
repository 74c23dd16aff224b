"""Participation in figures: the turns on the floor, counted by who took them.

Every figure reads the interventions the user may read (`visible_interventions`:
released records for the public, every record for who prepares the series), so
a public dashboard never counts a turn of an unreleased record. A scope (a
series, a meeting, a State, an organisation) is a filter on them; the turns are
loaded once, with what the counts need, and counted in Python.

A figure is a title, a sentence that says what it shows, and rows (a label and
a number): what the charts draw and the tables beside them list.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Min, Q, QuerySet
from django.utils.translation import gettext as _

from convener.audit.actors import AnyUser
from convener.directory.models import (
    Organisation,
    State,
)
from convener.meetings.models import (
    CoChair,
    DevelopmentStatus,
    Meeting,
    Participation,
    ProgrammeRole,
    Series,
    StateClassification,
)
from convener.meetings.queries.visibility import visible_meeting_q
from convener.participation.queries.rows import Dashboard, Figure, Row
from convener.participation.queries.speakers import (
    SpeakerKind,
    capacity_labels,
    counted,
    counted_rows,
    gender_labels,
    group_labels,
    speaker_kind,
    who_spoke,
    who_spoke_for,
)
from convener.participation.queries.speaking_time import seconds_spoken
from convener.participation.queries.timed import speaking_time_figures
from convener.records.models import Intervention
from convener.records.queries.interventions import visible_interventions

# -- The turns of a scope ---------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    """What a dashboard may count: the turns, and the meetings (a condition on
    the meeting at a path) whose co-chairs and programme it reads."""

    turns: QuerySet[Intervention]
    meetings: Callable[[str], Q]


def _as_user(user: AnyUser, *, released_only: bool) -> _Reading:
    """What the user may read; with `released_only`, of the records only those
    released (the public dashboards, whoever looks at them)."""
    turns = visible_interventions(user)
    if released_only:
        turns = turns.filter(segment__meeting__record_released_at__isnull=False)
    return _Reading(turns, lambda path: visible_meeting_q(user, path=path))


def _turns(reading: _Reading, scope: Q) -> list[Intervention]:
    return list(
        reading.turns.filter(scope)
        .select_related(
            "speaker",
            "state",
            "state_group",
            "organisation__state",
            "segment__meeting__series",
        )
        .order_by("segment__meeting__date", "segment__meeting_id", "segment__order", "order", "pk")
    )


def _by_regional_group(turns: list[Intervention]) -> Figure:
    states = [turn for turn in turns if turn.state is not None]
    return Figure(
        "regional-groups",
        _("Turns of States by regional group"),
        _("How many times States took the floor, by the regional group each belongs to."),
        _("Regional group"),
        _("Turns"),
        counted_rows(
            counted(states, lambda turn: turn.state.regional_group if turn.state else ""),
            group_labels(),
        ),
    )


def _by_kind(turns: list[Intervention]) -> Figure:
    return Figure(
        "kinds-of-speaker",
        _("Turns by kind of speaker"),
        _("How many times each kind of speaker took the floor: States, entities, civil society."),
        _("Kind of speaker"),
        _("Turns"),
        counted_rows(counted(turns, speaker_kind), SpeakerKind.labels()),
    )


def _by_gender(turns: list[Intervention]) -> Figure:
    return Figure(
        "gender",
        _("Turns by recorded gender of the speaker"),
        _(
            "How many turns were taken by women, men and others, as the secretariat "
            "recorded them; turns whose speaker has no gender recorded are counted apart."
        ),
        _("Gender"),
        _("Turns"),
        counted_rows(
            counted(turns, lambda turn: turn.speaker.gender if turn.speaker else ""),
            gender_labels(),
        ),
    )


def _by_capacity(turns: list[Intervention]) -> Figure:
    return Figure(
        "capacities",
        _("Turns by capacity"),
        _("In what capacity the speakers took the floor."),
        _("Capacity"),
        _("Turns"),
        counted_rows(counted(turns, lambda turn: turn.capacity), capacity_labels()),
    )


def _meeting_label(meeting: Meeting) -> str:
    return _("Meeting %(number)s") % {"number": meeting.number}


def _first_times(turns: list[Intervention], earlier: set[str]) -> Figure:
    """Per meeting, how many delegations took the floor for the first time in
    the series (the turns are in the order of the meetings)."""
    seen = set(earlier)
    firsts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for turn in turns:
        meeting = turn.segment.meeting
        labels.setdefault(str(meeting.pk), _meeting_label(meeting))
        speaker = who_spoke(turn)
        if speaker not in seen:
            seen.add(speaker)
            firsts[str(meeting.pk)] += 1
    return Figure(
        "first-time",
        _("Delegations taking the floor for the first time"),
        _(
            "At each meeting, how many States, groups and organisations took the floor "
            "for the first time in the series."
        ),
        _("Meeting"),
        _("Delegations"),
        tuple(Row(label, firsts[key]) for key, label in labels.items()),
    )


def _first_times_anywhere(reading: _Reading, turns: list[Intervention]) -> Figure:
    """Per meeting, how many delegations took the floor there for the first
    time in any series the reader may read (their first turn on that date)."""
    first: dict[str, datetime.date] = {}
    columns = ("state_id", "state_group_id", "organisation_id", "speaker_id")
    dated = (
        reading.turns.filter(segment__meeting__date__isnull=False)
        .order_by()
        .values_list(*columns)
        .annotate(first=Min("segment__meeting__date"))
    )
    for state, group, organisation, person, date in dated:
        who = who_spoke_for(state, group, organisation, person)
        first[who] = min(date, first.get(who, date))
    firsts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    counted_here: set[tuple[int, str]] = set()
    for turn in turns:
        meeting = turn.segment.meeting
        labels.setdefault(str(meeting.pk), _meeting_label(meeting))
        who = who_spoke(turn)
        if (meeting.pk, who) not in counted_here and first.get(who) == meeting.date:
            counted_here.add((meeting.pk, who))
            firsts[str(meeting.pk)] += 1
    return Figure(
        "first-time-anywhere",
        _("Delegations taking the floor for the first time in any series"),
        _(
            "At each meeting, how many States, groups and organisations took the floor "
            "for the first time in any series on record."
        ),
        _("Meeting"),
        _("Delegations"),
        tuple(Row(label, firsts[key]) for key, label in labels.items()),
    )


def _per_meeting(turns: list[Intervention]) -> Figure:
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for turn in turns:
        meeting = turn.segment.meeting
        labels.setdefault(str(meeting.pk), _meeting_label(meeting))
        counts[str(meeting.pk)] += 1
    return Figure(
        "per-meeting",
        _("Turns at each meeting"),
        _("How many times the floor was taken at each meeting of the series."),
        _("Meeting"),
        _("Turns"),
        tuple(Row(label, counts[key]) for key, label in labels.items()),
    )


def _per_series(turns: list[Intervention]) -> Figure:
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for turn in turns:
        series = turn.segment.meeting.series
        labels.setdefault(str(series.pk), series.title)
        counts[str(series.pk)] += 1
    return Figure(
        "over-time",
        _("Turns in each series"),
        _("How many times the floor was taken in each series, oldest first."),
        _("Series"),
        _("Turns"),
        tuple(Row(label, counts[key]) for key, label in labels.items()),
    )


def _panel_gender(reading: _Reading, scope: Q) -> Figure:
    panellists = (
        Participation.objects.filter(reading.meetings("segment__meeting"))
        .filter(scope, role=ProgrammeRole.PANELLIST, person__isnull=False)
        .select_related("person")
    )
    return Figure(
        "panel-gender",
        _("Panellists by recorded gender"),
        _("The panellists of the programme, by the gender the secretariat recorded."),
        _("Gender"),
        _("Panellists"),
        counted_rows(
            Counter(p.person.gender if p.person else "" for p in panellists), gender_labels()
        ),
    )


def _co_chairs(reading: _Reading, series: Series) -> tuple[Figure, Figure]:
    co_chairs = list(
        CoChair.objects.filter(reading.meetings("meeting"), meeting__series=series)
        .select_related("state")
        .order_by("meeting__number", "order")
    )
    status = dict(
        StateClassification.objects.filter(series=series).values_list("state_id", "status")
    )
    statuses = {
        **{s.value: str(s.label) for s in DevelopmentStatus},
        "": _("Not classified"),
    }
    by_group = Figure(
        "co-chairs",
        _("Co-chairs by regional group"),
        _("The States that co-chaired the series' meetings, by regional group."),
        _("Regional group"),
        _("Co-chairs"),
        counted_rows(Counter(c.state.regional_group for c in co_chairs), group_labels()),
    )
    by_status = Figure(
        "co-chair-balance",
        _("Co-chairs by the series' classification"),
        _("The co-chairs as the series classifies their States: developed or developing."),
        _("Classification"),
        _("Co-chairs"),
        counted_rows(Counter(status.get(c.state_id, "") for c in co_chairs), statuses),
    )
    return by_group, by_status


def _dashboard(turns: list[Intervention], figures: Iterable[Figure]) -> Dashboard:
    seconds = seconds_spoken([turn.pk for turn in turns])
    shown = list(figures)
    if seconds:
        shown.extend(speaking_time_figures(turns, seconds))
    return Dashboard(tuple(shown), turns=len(turns), timed_turns=len(seconds))


# -- The dashboards ---------------------------------------------------------------


def series_figures(series: Series, *, user: AnyUser, released_only: bool = False) -> Dashboard:
    return _series_dashboard(series, _as_user(user, released_only=released_only))


def report_figures(series: Series, meetings: Sequence[Meeting]) -> Dashboard:
    """The series' figures as its report gives them: the meetings the report
    covers, their released records only (documents are public, whoever builds them)."""
    ids = sorted(meeting.pk for meeting in meetings)
    reading = _Reading(
        Intervention.objects.filter(
            segment__meeting__in=ids, segment__meeting__record_released_at__isnull=False
        ),
        lambda path: Q(**{f"{path}__in": ids}),
    )
    return _series_dashboard(series, reading)


def _series_dashboard(series: Series, reading: _Reading) -> Dashboard:
    turns = _turns(reading, Q(segment__meeting__series=series))
    co_chairs, balance = _co_chairs(reading, series)
    return _dashboard(
        turns,
        [
            _per_meeting(turns),
            _by_regional_group(turns),
            _by_kind(turns),
            _by_gender(turns),
            _by_capacity(turns),
            _first_times(turns, set()),
            _first_times_anywhere(reading, turns),
            co_chairs,
            balance,
            _panel_gender(reading, Q(segment__meeting__series=series)),
        ],
    )


def meeting_figures(meeting: Meeting, *, user: AnyUser, released_only: bool = False) -> Dashboard:
    reading = _as_user(user, released_only=released_only)
    turns = _turns(reading, Q(segment__meeting=meeting))
    earlier: set[str] = set()
    if meeting.date is not None:
        before = Q(segment__meeting__series_id=meeting.series_id)
        before &= Q(segment__meeting__date__lt=meeting.date)
        earlier = {who_spoke(turn) for turn in _turns(reading, before)}
    return _dashboard(
        turns,
        [
            _by_regional_group(turns),
            _by_kind(turns),
            _by_gender(turns),
            _by_capacity(turns),
            _first_times(turns, earlier),
            _first_times_anywhere(reading, turns),
            _panel_gender(reading, Q(segment__meeting=meeting)),
        ],
    )


def state_figures(state: State, *, user: AnyUser, released_only: bool = False) -> Dashboard:
    turns = _turns(_as_user(user, released_only=released_only), Q(state=state))
    return _dashboard(turns, [_per_series(turns), _by_gender(turns), _by_capacity(turns)])


def organisation_figures(
    organisation: Organisation, *, user: AnyUser, released_only: bool = False
) -> Dashboard:
    turns = _turns(_as_user(user, released_only=released_only), Q(organisation=organisation))
    return _dashboard(turns, [_per_series(turns), _by_gender(turns), _by_capacity(turns)])
