"""The revision of each calendar event, counted from what was last published.

An event's SEQUENCE starts at 0 and grows by one each time its start, end or
status differs from what a calendar last wrote; its LAST-MODIFIED is then at
least the moment of that change. Counting here, where the calendar is
written, catches every way the times can change (the meeting's facts, the
programme's time budgets, an import, the admin) in one place.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from convener.exchange.models import CalendarEntry


@dataclass(frozen=True)
class Revision:
    sequence: int
    rescheduled_at: datetime.datetime | None


def revisions(schedules: Mapping[str, str]) -> dict[str, Revision]:
    """For each event key, its revision now that its times and status read as given."""
    known = {entry.key: entry for entry in CalendarEntry.objects.filter(key__in=list(schedules))}
    if _record_changes(schedules, known):
        known = {
            entry.key: entry for entry in CalendarEntry.objects.filter(key__in=list(schedules))
        }
    return {key: Revision(entry.sequence, entry.rescheduled_at) for key, entry in known.items()}


def _record_changes(schedules: Mapping[str, str], known: Mapping[str, CalendarEntry]) -> bool:
    """Store new events and count the rescheduled ones; whether anything was written."""
    new = [
        CalendarEntry(key=key, schedule=schedule)
        for key, schedule in schedules.items()
        if key not in known
    ]
    CalendarEntry.objects.bulk_create(new, ignore_conflicts=True)
    changed = [entry for key, entry in known.items() if entry.schedule != schedules[key]]
    now = timezone.now()
    for entry in changed:
        # Conditional, so that two requests seeing the same change count it once.
        CalendarEntry.objects.filter(pk=entry.pk, schedule=entry.schedule).update(
            schedule=schedules[entry.key], sequence=F("sequence") + 1, rescheduled_at=now
        )
    return bool(new or changed)
