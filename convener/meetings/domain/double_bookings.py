"""The planning check for people booked at overlapping times in two meetings of a
series (rule in `review`)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from convener.directory.models import Person
from convener.meetings.domain.findings import Check, Finding, Severity, listed
from convener.meetings.domain.timetable import Slot
from convener.meetings.models import Meeting, Segment
from convener.prose.formats import long_date, time_range

Span = tuple[datetime.datetime, datetime.datetime]


@dataclass(frozen=True)
class _Booking:
    """A person's part in a meeting and the time it takes."""

    person: Person
    meeting: Meeting
    segment: Segment | None
    role: str
    start: datetime.datetime
    end: datetime.datetime

    def overlaps(self, other: _Booking) -> bool:
        return self.start < other.end and other.start < self.end

    def describe(self) -> str:
        times = time_range(self.start, self.end)
        if self.segment is None:
            return _("%(role)s, %(times)s") % {"role": self.role, "times": times}
        return _("%(role)s in “%(segment)s”, %(times)s") % {
            "role": self.role,
            "segment": self.segment.heading,
            "times": times,
        }


def _bookings(
    meetings: Iterable[Meeting], slots: Mapping[int, Slot], spans: Mapping[int, Span]
) -> Iterator[_Booking]:
    for meeting in meetings:
        span = spans.get(meeting.pk)
        if span is not None:
            for co_chair in meeting.co_chairs.all():
                if co_chair.person is not None:
                    yield _Booking(co_chair.person, meeting, None, _("co-chair"), *span)
            if meeting.moderator is not None:
                yield _Booking(meeting.moderator, meeting, None, _("moderator"), *span)
        for segment in meeting.segments.all():
            slot = slots.get(segment.pk)
            times = (slot.start, slot.end) if slot is not None else span
            if times is None:
                continue
            for part in segment.participations.all():
                if part.person is None:
                    continue  # a place not yet named books no one
                role = str(part.get_role_display()).lower()
                yield _Booking(part.person, meeting, segment, role, *times)


def double_bookings(
    meetings: Iterable[Meeting], *, slots: Mapping[int, Slot], spans: Mapping[int, Span]
) -> list[Finding]:
    """A finding in each meeting where a person has a part at a time they have another
    part in another meeting. `slots` gives each timed segment's slot by segment id,
    `spans` each timed meeting's start and end by meeting id."""
    by_person: dict[int, list[_Booking]] = defaultdict(list)
    for booking in _bookings(meetings, slots, spans):
        by_person[booking.person.pk].append(booking)
    clashes: dict[tuple[int, int, int], list[tuple[_Booking, _Booking]]] = defaultdict(list)
    for bookings in by_person.values():
        for here in bookings:
            for there in bookings:
                if here.meeting.pk != there.meeting.pk and here.overlaps(there):
                    clashes[(here.person.pk, here.meeting.pk, there.meeting.pk)].append(
                        (here, there)
                    )
    return [_double_booking(pairs) for pairs in clashes.values()]


def _double_booking(pairs: list[tuple[_Booking, _Booking]]) -> Finding:
    here, there = pairs[0]
    segments = {booking.segment for booking, _other in pairs}
    message = _(
        "%(person)s is booked at overlapping times: here as %(here)s, and in meeting "
        "%(number)s on %(date)s as %(there)s."
    ) % {
        "person": here.person.formal_name,
        "here": listed(dict.fromkeys(booking.describe() for booking, _other in pairs)),
        "number": there.meeting.number,
        "date": long_date(there.start),
        "there": listed(dict.fromkeys(other.describe() for _booking, other in pairs)),
    }
    segment = segments.pop() if len(segments) == 1 else None
    return Finding(here.meeting, segment, Check.DOUBLE_BOOKING, Severity.PROBLEM, message)
