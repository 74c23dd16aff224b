"""Planning checks: what the secretariat should look at in a series' meetings.

The checks point things out and enforce nothing. Each finding names the
meeting, the segment where there is one, a stable code (`Check`), a severity
(a problem goes against a rule of the series or a pledge; a note is worth a
look) and, in words, why. The rules, each a problem unless it says note:

- **Co-chair balance** (`co-chair-balance`): under the series' rule
  "one developing and one developed country", a meeting's co-chairs include a
  State the series classifies as developing and one it classifies as
  developed. A co-chair State the series has not classified gets a note
  (`unclassified-co-chair`) instead, when the balance depends on it. A meeting without
  co-chairs yet is left to the TBC check.
- **Panels.** A segment is a panel when its kind is "panel" or when it has
  panellists (the 20 July 2016 "next steps" segment had three). Its speakers
  are its panellists, speakers and discussants; the moderator is not one.
- **All-male panel** (`all-male-panel`): a panel of two or more speakers whose
  genders are all recorded as male. An unrecorded gender is not male: where
  unrecorded genders could decide it, a note says so (`unrecorded-gender`). A
  panel whose speakers are all of another gender gets a note
  (`single-gender-panel`).
- **Regional balance** (`regional-balance`, a note): two or more speakers of
  a panel represent States (the State of their organisation: a permanent
  mission, a government) and those States are all of one UN regional group.
- **Moderator** (`no-moderator`): a panel with no moderator among its
  participants, in a meeting without a moderator throughout, unless the
  meeting is not moderated by design (`has_no_moderator`).
- **Speaking time** (`speaking-time`): the speaking times of a segment's
  participants add up to more than its time budget, or than its slot in the
  timetable when it has no budget.
- **Double booking** (`double-booking`): a person has parts in two meetings of
  the series at overlapping times. A part in a segment takes the segment's
  slot (the whole meeting when the segment is not timed); a co-chair or the
  meeting's moderator takes the whole meeting. Parts in one meeting never
  clash: a co-chair who opens the meeting is still chairing it.
- **To be confirmed** (`to-be-confirmed`): a meeting not yet held (draft or
  published) that takes place within two weeks still lacks its start, end,
  venue (its own or the series'), room, co-chairs or a co-chair's
  representative. A room or co-chairs the meeting has none of by design
  (not applicable, `Meeting.has_no_room`, `has_no_co_chairs`) are not open.
  "Today" is the date in the series' time zone.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from convener.meetings.domain.double_bookings import Span, double_bookings
from convener.meetings.domain.findings import Check, Finding, Severity, listed
from convener.meetings.domain.panel_checks import segment_findings
from convener.meetings.domain.timetable import Slot, meeting_end, meeting_start
from convener.meetings.domain.timetable import timetable as programme_slots
from convener.meetings.domain.workflow import local_today
from convener.meetings.models import (
    CoChair,
    CoChairBalance,
    DevelopmentStatus,
    Meeting,
    MeetingStatus,
    Participation,
    Segment,
    Series,
)
from convener.meetings.wording import place_in_words
from convener.prose.formats import long_date

__all__ = ["Check", "Finding", "Severity", "review_meeting", "review_series"]

# How close a meeting must be for what is still to be confirmed to be a problem.
TBC_HORIZON = datetime.timedelta(days=14)
NOT_YET_HELD = frozenset({MeetingStatus.DRAFT, MeetingStatus.PUBLISHED})


@dataclass(frozen=True)
class _Plan:
    """A series' meetings with everything the checks read, loaded in a few queries."""

    series: Series
    meetings: list[Meeting]
    classification: dict[int, str]  # State id → DevelopmentStatus
    today: datetime.date
    slots: dict[int, Slot]  # segment id → its slot in the timetable
    spans: dict[int, Span]  # meeting id → start, end


def review_series(
    series: Series,
    *,
    today: datetime.date | None = None,
    meetings: QuerySet[Meeting] | None = None,
) -> list[Finding]:
    """Every finding in the series, by meeting number, problems first.

    `meetings` narrows the review to some of the series' meetings (those a user
    may read): the others are neither checked nor named in a double booking.
    """
    plan = _load(series, today, meetings)
    findings = [finding for meeting in plan.meetings for finding in _meeting_checks(meeting, plan)]
    return _ordered([*findings, *_double_bookings(plan)])


def review_meeting(meeting: Meeting, *, today: datetime.date | None = None) -> list[Finding]:
    """The findings of one meeting, problems first; double bookings look at the whole series."""
    plan = _load(meeting.series, today)
    planned = next((each for each in plan.meetings if each.pk == meeting.pk), None)
    if planned is None:
        return []
    clashes = [finding for finding in _double_bookings(plan) if finding.meeting.pk == meeting.pk]
    return _ordered([*_meeting_checks(planned, plan), *clashes])


def _load(
    series: Series, today: datetime.date | None, within: QuerySet[Meeting] | None = None
) -> _Plan:
    participations = Participation.objects.select_related(
        "person__organisation__state", "organisation"
    )
    chosen = series.meetings.all() if within is None else series.meetings.filter(pk__in=within)
    meetings = list(
        chosen.select_related("series", "moderator").prefetch_related(
            Prefetch(
                "segments",
                queryset=Segment.objects.prefetch_related(
                    Prefetch("participations", queryset=participations)
                ),
            ),
            Prefetch("co_chairs", queryset=CoChair.objects.select_related("state", "person")),
        )
    )
    slots: dict[int, Slot] = {}
    spans: dict[int, Span] = {}
    for meeting in meetings:
        timed = programme_slots(meeting)
        slots.update((slot.segment.pk, slot) for slot in timed)
        start, end = meeting_start(meeting), meeting_end(meeting, timed)
        if start is not None and end is not None:
            spans[meeting.pk] = (start, end)
    return _Plan(
        series=series,
        meetings=meetings,
        classification=dict(series.classifications.values_list("state_id", "status")),
        today=today or local_today(series),
        slots=slots,
        spans=spans,
    )


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    checks = list(Check)
    return sorted(
        findings,
        key=lambda finding: (
            finding.meeting.number,
            not finding.is_problem,
            finding.segment.order if finding.segment else -1,
            finding.segment.pk if finding.segment else -1,
            checks.index(Check(finding.check)),
        ),
    )


def _meeting_checks(meeting: Meeting, plan: _Plan) -> list[Finding]:
    findings = [*_to_be_confirmed(meeting, plan), *_co_chair_balance(meeting, plan)]
    for segment in meeting.segments.all():
        findings.extend(segment_findings(segment, slot_minutes=_slot_minutes(segment, plan)))
    return findings


def _slot_minutes(segment: Segment, plan: _Plan) -> int | None:
    """The segment's time budget, else the length of its slot in the timetable."""
    if segment.duration is not None:
        return segment.duration
    slot = plan.slots.get(segment.pk)
    if slot is None:
        return None
    return int((slot.end - slot.start).total_seconds()) // 60


def _double_bookings(plan: _Plan) -> list[Finding]:
    return double_bookings(plan.meetings, slots=plan.slots, spans=plan.spans)


# The meeting


def _to_be_confirmed(meeting: Meeting, plan: _Plan) -> Iterator[Finding]:
    if meeting.status not in NOT_YET_HELD or meeting.date is None:
        return
    if not plan.today <= meeting.date <= plan.today + TBC_HORIZON:
        return
    co_chairs = list(meeting.co_chairs.all())
    missing = [
        label
        for label, is_missing in (
            (_("start time"), meeting.start_time is None),
            (_("end time"), meeting.end_time is None),
            (_("venue"), not (meeting.venue or plan.series.venue)),
            (_("room"), not meeting.room and not meeting.has_no_room),
            (_("co-chairs"), not co_chairs and not meeting.has_no_co_chairs),
        )
        if is_missing
    ]
    missing += [
        _("who represents %(state)s") % {"state": co_chair.state.name}
        for co_chair in co_chairs
        if co_chair.person is None
    ]
    missing += [
        _("who holds the place of %(holder)s in “%(segment)s”")
        % {"holder": place_in_words(place, in_sentence=True), "segment": segment.heading}
        for segment in meeting.segments.all()
        for place in segment.participations.all()
        if place.person is None
    ]
    if missing:
        message = _("The meeting is on %(date)s; still to be confirmed: %(items)s.") % {
            "date": long_date(meeting.date),
            "items": listed(missing),
        }
        yield Finding(meeting, None, Check.TO_BE_CONFIRMED, Severity.PROBLEM, message)


def _co_chair_balance(meeting: Meeting, plan: _Plan) -> Iterator[Finding]:
    if plan.series.co_chair_balance != CoChairBalance.DEVELOPING_AND_DEVELOPED:
        return
    co_chairs = list(meeting.co_chairs.all())
    statuses = {plan.classification.get(co_chair.state_id) for co_chair in co_chairs}
    if not co_chairs or {DevelopmentStatus.DEVELOPED, DevelopmentStatus.DEVELOPING} <= statuses:
        return
    unclassified = [c.state.name for c in co_chairs if c.state_id not in plan.classification]
    if unclassified:
        message = _(
            "The series has not classified %(states)s as developing or developed, "
            "so the co-chair balance cannot be checked."
        ) % {"states": listed(unclassified)}
        yield Finding(meeting, None, Check.UNCLASSIFIED_CO_CHAIR, Severity.NOTE, message)
        return
    described = listed(
        f"{co_chair.state.name} ({DevelopmentStatus(plan.classification[co_chair.state_id]).label})"
        for co_chair in co_chairs
    )
    if DevelopmentStatus.DEVELOPED in statuses:
        why = _("The co-chairs include no developing country: %(co_chairs)s.")
    else:
        why = _("The co-chairs include no developed country: %(co_chairs)s.")
    message = " ".join(
        [
            why % {"co_chairs": described},
            _("The series asks for one developing and one developed country per meeting."),
        ]
    )
    yield Finding(meeting, None, Check.CO_CHAIR_BALANCE, Severity.PROBLEM, message)
