"""When a meeting and each part of its programme take place, in the series' time zone.

Convener records a meeting's date, start and end, and for each segment of its
programme a time budget in minutes, any of which may still be to be confirmed.
The rule that turns these into times, shared by the calendars and the
conference schedule:

1. A meeting is timed when it has a date and a start time; it ends at its end
   time (on the next day when it ends after midnight; when that is after the
   start), else where its timed programme ends, else its end is unknown.
2. Segments follow one another without gaps, in programme order, from the
   meeting's start.
3. A segment lasts its time budget. Segments without one share evenly the
   time the meeting's end leaves after the budgeted segments (in whole
   minutes, the first ones taking a minute more when the time does not
   divide evenly). When the meeting's end is unknown or no time is left, the
   first segment without a budget and every segment after it have no time.

Times are computed on the UTC time line and shown on the local clock, so a
programme that runs over a daylight-saving change still adds up.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from convener.meetings.models import Meeting, Segment, Series


@dataclass(frozen=True)
class Slot:
    """A segment with the time it takes place; `position` counts from 1 in programme order."""

    segment: Segment
    position: int
    start: datetime.datetime
    end: datetime.datetime


def series_zone(series: Series) -> ZoneInfo:
    """The time zone the series' meeting times are local to."""
    return ZoneInfo(series.timezone)


def meeting_start(meeting: Meeting) -> datetime.datetime | None:
    """The meeting's start as an aware datetime in the series' time zone, if known."""
    if meeting.date is None or meeting.start_time is None:
        return None
    return datetime.datetime.combine(
        meeting.date, meeting.start_time, tzinfo=series_zone(meeting.series)
    )


def meeting_end(meeting: Meeting, slots: Sequence[Slot] = ()) -> datetime.datetime | None:
    """The meeting's end: its end time when after the start, else the end of
    its programme when every segment is timed (pass the slots), else unknown."""
    start = meeting_start(meeting)
    if start is None:
        return None
    if meeting.end_time is not None:
        day = start.date() + datetime.timedelta(days=1 if meeting.ends_next_day else 0)
        end = datetime.datetime.combine(day, meeting.end_time, tzinfo=start.tzinfo)
        if end > start:
            return end
    segments = list(meeting.segments.all())
    if slots and len(slots) == len(segments):
        return slots[-1].end
    return None


def timetable(meeting: Meeting, *, segments: Sequence[Segment] | None = None) -> list[Slot]:
    """The timed segments of the meeting's programme, in programme order (rule in
    the module); `segments`, the programme a page has read already, in that order."""
    start = meeting_start(meeting)
    if start is None:
        return []
    segments = list(meeting.segments.all() if segments is None else segments)
    minutes = _minutes(meeting, segments)
    slots = []
    cursor = start.astimezone(datetime.UTC)
    for position, (segment, length) in enumerate(zip(segments, minutes, strict=True), start=1):
        if length is None:
            break
        end = cursor + datetime.timedelta(minutes=length)
        zone = start.tzinfo
        slots.append(Slot(segment, position, cursor.astimezone(zone), end.astimezone(zone)))
        cursor = end
    return slots


def _minutes(meeting: Meeting, segments: Sequence[Segment]) -> list[int | None]:
    """Each segment's length: its budget, or its share of the time left (rule 3)."""
    unbudgeted = [segment for segment in segments if segment.duration is None]
    shares: list[int] = []
    if unbudgeted:
        left = _time_left(meeting, segments)
        if left > 0:
            each, extra = divmod(left, len(unbudgeted))
            shares = [each + 1 if index < extra else each for index in range(len(unbudgeted))]
    lengths: list[int | None] = []
    for segment in segments:
        if segment.duration is not None:
            lengths.append(segment.duration)
        else:
            lengths.append(shares.pop(0) if shares else None)
    return lengths


def _time_left(meeting: Meeting, segments: Sequence[Segment]) -> int:
    """Minutes between the meeting's start and end not budgeted to a segment (0 if unknown)."""
    start, end = meeting_start(meeting), meeting_end(meeting)
    if start is None or end is None:
        return 0
    span = int((end.astimezone(datetime.UTC) - start.astimezone(datetime.UTC)).total_seconds())
    span //= 60
    return span - sum(segment.duration or 0 for segment in segments)
