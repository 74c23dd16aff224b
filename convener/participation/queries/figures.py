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

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from convener.audit.actors import AnyUser
from convener.directory.models import (
    Gender,
    Organisation,
    OrganisationKind,
    RegionalGroup,
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
from convener.participation.queries.speaking_time import seconds_spoken
from convener.records.models import Capacity, Intervention
from convener.records.queries.interventions import visible_interventions

# A dashboard draws at most this many bars in a chart; its table lists every row.
MOST_BARS = 40


@dataclass(frozen=True)
class Row:
    label: str
    value: float


@dataclass(frozen=True)
class Figure:
    """One chart and its table: `key` names it in addresses (its CSV)."""

    key: str
    title: str
    description: str
    label_heading: str
    value_heading: str
    rows: tuple[Row, ...]

    @property
    def total(self) -> float:
        return sum(row.value for row in self.rows)


@dataclass(frozen=True)
class Dashboard:
    """The figures of one scope, and what the floor's timer recorded of it."""

    figures: tuple[Figure, ...]
    turns: int
    timed_turns: int

    def figure(self, key: str) -> Figure | None:
        return next((figure for figure in self.figures if figure.key == key), None)


# -- Who a turn was: the kind of speaker, the regional group, the gender --------


class SpeakerKind:
    """The kinds of speaker the figures count, in the order they list them."""

    @staticmethod
    def labels() -> dict[str, str]:
        return {
            "member_state": _("Member State"),
            "observer_state": _("Observer State"),
            "group_of_states": _("Group of States"),
            "un_entity": _("UN entity"),
            "international_organisation": _("Other international organisation"),
            "civil_society": _("Civil society"),
            "academia": _("Academia"),
            "private_sector": _("Private sector"),
            "other": _("Other or individual"),
        }


_ORGANISATION_KINDS = {
    OrganisationKind.UN_ENTITY: "un_entity",
    OrganisationKind.INTERNATIONAL_ORGANISATION: "international_organisation",
    OrganisationKind.NGO: "civil_society",
    OrganisationKind.ACADEMIA: "academia",
    OrganisationKind.PRIVATE_SECTOR: "private_sector",
}


def speaker_kind(turn: Intervention) -> str:
    """Who spoke, as the figures count them: a State (a member or an observer),
    a group of States speaking as one, or an organisation by its kind; a
    permanent mission or a government counts as its State."""
    state = turn.state
    if state is None and turn.organisation is not None:
        state = turn.organisation.state
    if state is not None:
        return "member_state" if state.is_member else "observer_state"
    if turn.state_group is not None:
        return "group_of_states"
    if turn.organisation is not None:
        return _ORGANISATION_KINDS.get(turn.organisation.kind, "other")
    return "other"


def _group_labels() -> dict[str, str]:
    return {
        **{group.value: str(group.label) for group in RegionalGroup},
        "": _("No regional group"),
    }


def _gender_labels() -> dict[str, str]:
    return {**{gender.value: str(gender.label) for gender in Gender}, "": _("Not recorded")}


def _capacity_labels() -> dict[str, str]:
    return {**{c.value: str(c.label) for c in Capacity}, "": _("Not recorded")}


def _rows(counts: Counter[str], labels: dict[str, str]) -> tuple[Row, ...]:
    """The counted keys in the order of `labels` (those with none left out),
    then any key `labels` does not know, by name."""
    known = [Row(labels[key], counts[key]) for key in labels if counts[key]]
    unknown = sorted(key for key in counts if key not in labels and counts[key])
    return (*known, *(Row(key, counts[key]) for key in unknown))


def _counted(turns: Iterable[Intervention], key: Callable[[Intervention], str]) -> Counter[str]:
    return Counter(key(turn) for turn in turns)


# -- The turns of a scope ---------------------------------------------------------


def _turns(user: AnyUser, scope: Q) -> list[Intervention]:
    return list(
        visible_interventions(user)
        .filter(scope)
        .select_related("organisation__state", "segment__meeting__series", "state__region")
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
        _rows(_counted(states, lambda turn: turn.state.regional_group), _group_labels()),
    )


def _by_kind(turns: list[Intervention]) -> Figure:
    return Figure(
        "kinds-of-speaker",
        _("Turns by kind of speaker"),
        _("How many times each kind of speaker took the floor: States, entities, civil society."),
        _("Kind of speaker"),
        _("Turns"),
        _rows(_counted(turns, speaker_kind), SpeakerKind.labels()),
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
        _rows(
            _counted(turns, lambda turn: turn.speaker.gender if turn.speaker else ""),
            _gender_labels(),
        ),
    )


def _by_capacity(turns: list[Intervention]) -> Figure:
    return Figure(
        "capacities",
        _("Turns by capacity"),
        _("In what capacity the speakers took the floor."),
        _("Capacity"),
        _("Turns"),
        _rows(_counted(turns, lambda turn: turn.capacity), _capacity_labels()),
    )


def _speaking_time(turns: list[Intervention], seconds: dict[int, float]) -> Figure:
    minutes: Counter[str] = Counter()
    for turn in turns:
        if turn.pk in seconds:
            minutes[speaker_kind(turn)] += seconds[turn.pk] / 60
    return Figure(
        "speaking-time",
        _("Speaking time by kind of speaker"),
        _("Minutes spoken, as the floor's timer recorded them, by kind of speaker."),
        _("Kind of speaker"),
        _("Minutes"),
        tuple(Row(row.label, round(row.value, 1)) for row in _rows(minutes, SpeakerKind.labels())),
    )


def who_spoke(turn: Intervention) -> str:
    """The one who took the floor, for counting first-timers: the delegation
    (State, group, organisation), else the person."""
    if turn.state_id:
        return f"state:{turn.state_id}"
    if turn.state_group_id:
        return f"group:{turn.state_group_id}"
    if turn.organisation_id:
        return f"organisation:{turn.organisation_id}"
    return f"person:{turn.speaker_id}"


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


def _panel_gender(user: AnyUser, scope: Q) -> Figure:
    panellists = (
        Participation.objects.filter(visible_meeting_q(user, path="segment__meeting"))
        .filter(scope, role=ProgrammeRole.PANELLIST, person__isnull=False)
        .select_related("person")
    )
    return Figure(
        "panel-gender",
        _("Panellists by recorded gender"),
        _("The panellists of the programme, by the gender the secretariat recorded."),
        _("Gender"),
        _("Panellists"),
        _rows(Counter(p.person.gender for p in panellists), _gender_labels()),
    )


def _co_chairs(user: AnyUser, series: Series) -> tuple[Figure, Figure]:
    co_chairs = list(
        CoChair.objects.filter(visible_meeting_q(user, path="meeting"), meeting__series=series)
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
        _rows(Counter(c.state.regional_group for c in co_chairs), _group_labels()),
    )
    by_status = Figure(
        "co-chair-balance",
        _("Co-chairs by the series' classification"),
        _("The co-chairs as the series classifies their States: developed or developing."),
        _("Classification"),
        _("Co-chairs"),
        _rows(Counter(status.get(c.state_id, "") for c in co_chairs), statuses),
    )
    return by_group, by_status


def _dashboard(turns: list[Intervention], figures: Iterable[Figure]) -> Dashboard:
    seconds = seconds_spoken([turn.pk for turn in turns])
    shown = list(figures)
    if seconds:
        shown.append(_speaking_time(turns, seconds))
    return Dashboard(tuple(shown), turns=len(turns), timed_turns=len(seconds))


# -- The dashboards ---------------------------------------------------------------


def series_figures(series: Series, *, user: AnyUser) -> Dashboard:
    turns = _turns(user, Q(segment__meeting__series=series))
    co_chairs, balance = _co_chairs(user, series)
    return _dashboard(
        turns,
        [
            _per_meeting(turns),
            _by_regional_group(turns),
            _by_kind(turns),
            _by_gender(turns),
            _by_capacity(turns),
            _first_times(turns, set()),
            co_chairs,
            balance,
            _panel_gender(user, Q(segment__meeting__series=series)),
        ],
    )


def meeting_figures(meeting: Meeting, *, user: AnyUser) -> Dashboard:
    turns = _turns(user, Q(segment__meeting=meeting))
    earlier: set[str] = set()
    if meeting.date is not None:
        before = Q(segment__meeting__series_id=meeting.series_id)
        before &= Q(segment__meeting__date__lt=meeting.date)
        earlier = {who_spoke(turn) for turn in _turns(user, before)}
    return _dashboard(
        turns,
        [
            _by_regional_group(turns),
            _by_kind(turns),
            _by_gender(turns),
            _by_capacity(turns),
            _first_times(turns, earlier),
            _panel_gender(user, Q(segment__meeting=meeting)),
        ],
    )


def state_figures(state: State, *, user: AnyUser) -> Dashboard:
    turns = _turns(user, Q(state=state))
    return _dashboard(turns, [_per_series(turns), _by_gender(turns), _by_capacity(turns)])


def organisation_figures(organisation: Organisation, *, user: AnyUser) -> Dashboard:
    turns = _turns(user, Q(organisation=organisation))
    return _dashboard(turns, [_per_series(turns), _by_gender(turns), _by_capacity(turns)])
