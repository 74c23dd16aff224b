"""A meeting's life besides its status: postponing it and deleting a draft.

Cancelling is a status (`workflow.cancel_meeting`); starting a meeting from
an earlier one is `copies`.

- Postponing moves the meeting to a new date (or to a date to be
  confirmed) and keeps the date it leaves as a `Postponement`, so the
  meeting's pages and documents say "postponed from 13 July 2016". A meeting
  that was held, reported or cancelled is not postponed; a date still to be
  confirmed is set in the meeting's facts, not postponed from.
- Only a draft is deleted: the public never read it. A meeting the public
  was told of is cancelled instead, so that its address keeps saying what
  became of it.

Each writes one entry in the audit log, in words a reader follows.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from convener.audit import log as audit
from convener.audit.actors import acts
from convener.audit.models import AuditAction
from convener.meetings.domain.fields import field_errors
from convener.meetings.domain.workflow import ensure_open_for_changes
from convener.meetings.models import Meeting, MeetingStatus, Postponement

# The statuses a meeting is postponed from: it has not taken place yet.
POSTPONABLE = frozenset({MeetingStatus.DRAFT, MeetingStatus.PUBLISHED})


@acts("meeting.postpone", on="meeting")
def postpone_meeting(
    *,
    meeting: Meeting,
    date: datetime.date | None,
    start_time: datetime.time | None = None,
    end_time: datetime.time | None = None,
    reason: str = "",
    by: AbstractUser,
) -> Postponement:
    """Move the meeting to `date` (None: to be confirmed) and these times,
    keeping the date and times it had as its latest postponement."""
    locked = Meeting.objects.select_for_update().select_related("series").get(pk=meeting.pk)
    ensure_open_for_changes(locked)
    earlier_date = _check_postponable(locked, date=date, start_time=start_time, end_time=end_time)
    earlier = Postponement(
        meeting=locked,
        date=earlier_date,
        start_time=locked.start_time,
        end_time=locked.end_time,
        reason=reason.strip(),
    )
    errors = field_errors(earlier, changed={"reason"})
    if errors:
        raise ValidationError(errors)
    with audit.recorded_as_one(
        action=AuditAction.CHANGED,
        target=_("Meeting %(number)s postponed") % {"number": locked.number},
        changes={
            "date": [locked.date, date],
            "start_time": [locked.start_time, start_time],
            "end_time": [locked.end_time, end_time],
            **({"reason": earlier.reason} if earlier.reason else {}),
        },
    ) as scope:
        scope["meeting"], scope["series"] = locked, locked.series
        earlier.save()
        locked.date, locked.start_time, locked.end_time = date, start_time, end_time
        locked.save(update_fields=["date", "start_time", "end_time", "updated_at"])
    meeting.date, meeting.start_time, meeting.end_time = date, start_time, end_time
    return earlier


@acts("meeting.delete", on="meeting")
def delete_draft_meeting(*, meeting: Meeting, by: AbstractUser) -> None:
    """Delete a draft meeting, its programme and concept note with it."""
    locked = Meeting.objects.select_for_update().select_related("series").get(pk=meeting.pk)
    if locked.status != MeetingStatus.DRAFT:
        raise ValidationError(
            {
                "status": _(
                    "Only a draft is deleted: the public has read this meeting, "
                    "so cancel it instead."
                )
            }
        )
    with audit.recorded_as_one(
        action=AuditAction.DELETED,
        target=_("Meeting %(number)s: %(title)s")
        % {"number": locked.number, "title": locked.title},
        changes={"title": [locked.title, None], "date": [locked.date, None]},
    ) as scope:
        # The entry keeps the meeting's id, which `delete` takes off the row.
        scope["meeting"] = Meeting(pk=locked.pk, series=locked.series, number=locked.number)
        scope["series"] = locked.series
        locked.delete()


def _check_postponable(
    meeting: Meeting,
    *,
    date: datetime.date | None,
    start_time: datetime.time | None,
    end_time: datetime.time | None,
) -> datetime.date:
    """The date the meeting is postponed from, once the postponement is allowed."""
    if meeting.status not in POSTPONABLE:
        raise ValidationError(
            {
                "date": _("A meeting that is %(status)s is not postponed.")
                % {"status": MeetingStatus(meeting.status).label.lower()}
            }
        )
    if meeting.date is None:
        raise ValidationError(
            {
                "date": _(
                    "The date is still to be confirmed: set it in the meeting's facts "
                    "rather than postpone from it."
                )
            }
        )
    if date is not None and date <= meeting.date:
        raise ValidationError({"date": _("Give a date later than the present one.")})
    if start_time and end_time and end_time <= start_time:
        raise ValidationError({"end_time": _("The meeting must end after it starts.")})
    return meeting.date
