"""Planning checks. Scaffolding: the real checks replace this module."""

from __future__ import annotations

from dataclasses import dataclass

from convener.meetings.models import Meeting, Segment


@dataclass(frozen=True)
class Finding:
    meeting: Meeting
    segment: Segment | None
    check: str
    severity: str
    message: str


def review_meeting(meeting: Meeting) -> list[Finding]:
    return []
