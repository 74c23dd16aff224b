"""The rapporteur's account of a segment of the programme: its summary."""

from __future__ import annotations

import logging

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from convener.meetings.domain.fields import field_errors
from convener.meetings.domain.workflow import lock_open_meeting
from convener.meetings.models import Segment
from convener.prose.editing import lock_and_compare

logger = logging.getLogger(__name__)


def update_segment_summary(
    *, segment: Segment, summary: str, by: AbstractBaseUser, started_from: str | None = None
) -> Segment:
    """Replace the segment's summary (Markdown).

    `started_from` is the digest of the summary the editor started from:
    `EditConflictError` if someone saved another summary since.
    """
    with transaction.atomic():
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
