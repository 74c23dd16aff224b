"""The series and the meeting a row of the programme or the records belongs to."""

from __future__ import annotations

from typing import Any

from convener.meetings.models import Meeting, Series


def meeting_of(obj: Any) -> Meeting | None:
    """The meeting `obj` is, or belongs to (a segment, a participation, an intervention…)."""
    if isinstance(obj, Meeting):
        return obj
    if getattr(obj, "meeting_id", None) is not None:
        return obj.meeting
    if getattr(obj, "segment_id", None) is not None:
        return obj.segment.meeting
    return None


def series_of(obj: Any) -> Series | None:
    """The series `obj` is, or belongs to."""
    if isinstance(obj, Series):
        return obj
    if getattr(obj, "series_id", None) is not None:
        return obj.series
    meeting = meeting_of(obj)
    return meeting.series if meeting is not None else None
