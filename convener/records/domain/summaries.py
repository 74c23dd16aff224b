"""The rapporteur's account of the meeting: its executive summary, and the
summary of each segment of the programme."""

from __future__ import annotations

import logging

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from convener.audit.actors import acts
from convener.meetings.domain.fields import field_errors
from convener.meetings.domain.workflow import lock_open_meeting
from convener.meetings.models import Meeting, Segment
from convener.prose.editing import lock_and_compare

logger = logging.getLogger(__name__)

# Who writes the record: the rapporteur and the secretariat.
PERMISSION = "meeting.edit_records"


@acts(PERMISSION, on="meeting")
def update_meeting_summary(
    *, meeting: Meeting, summary: str, by: AbstractBaseUser, started_from: str | None = None
) -> Meeting:
    """Replace the meeting's executive summary (Markdown), as its rapporteur
    or the secretariat; the other facts of the meeting are the secretariat's
    (`meetings.domain.meetings.update_meeting`).

    `started_from` is the digest of the summary the editor started from:
    `EditConflictError` if someone saved another summary since.
    """
    lock_open_meeting(meeting.pk)
    lock_and_compare(meeting, {"summary": started_from} if started_from is not None else None)
    meeting.summary = summary
    errors = field_errors(meeting, changed={"summary"})
    if errors:
        raise ValidationError(errors)
    meeting.save(update_fields=["summary", "updated_at"])
    transaction.on_commit(lambda: logger.info("%s changed summary of meeting %s", by, meeting.pk))
    return meeting


@acts(PERMISSION, on="segment")
def update_segment_summary(
    *, segment: Segment, summary: str, by: AbstractBaseUser, started_from: str | None = None
) -> Segment:
    """Replace the segment's summary (Markdown).

    `started_from` is the digest of the summary the editor started from:
    `EditConflictError` if someone saved another summary since.
    """
    lock_open_meeting(segment.meeting_id)
    lock_and_compare(segment, {"summary": started_from} if started_from is not None else None)
    segment.summary = summary
    errors = field_errors(segment, changed={"summary"})
    if errors:
        raise ValidationError(errors)
    segment.save(update_fields=["summary"])
    transaction.on_commit(
        lambda: logger.info("%s changed the summary of segment %s", by, segment.pk)
    )
    return segment
