"""Releasing a meeting's record: the public and the documents read it from then on.

What the rapporteur types, live or afterwards, stays in the workspace (the
record screen, the consoles, the drafts of whoever prepares the series) until
the rapporteur or the secretariat releases the meeting's record, once, for the
whole meeting. From then on the public pages, the API, the feeds and the
documents read its statements and summaries, corrections included. Reporting
the meeting releases the record too (`meetings.domain.workflow.report_meeting`),
and an import releases the record of a held or reported meeting unless the file
says otherwise (`record_released` in the data format).
"""

from __future__ import annotations

import logging

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.meetings.domain.workflow import lock_open_meeting, mark_record_released
from convener.meetings.models import Meeting, MeetingStatus

logger = logging.getLogger(__name__)

PERMISSION = "meeting.release_record"


@acts(PERMISSION, on="meeting")
def release_record(*, meeting: Meeting, by: AbstractBaseUser) -> Meeting:
    """Release the meeting's record, as its rapporteur or the secretariat of its series.

    Refused for a draft meeting (nothing took place) and for a reported one
    (its record was released when it was reported).
    """
    lock_open_meeting(meeting.pk)
    status = Meeting.objects.values_list("status", flat=True).get(pk=meeting.pk)
    if status == MeetingStatus.DRAFT:
        raise ValidationError(_("This meeting is a draft: publish it before releasing its record."))
    if not mark_record_released(meeting=meeting, by=by):
        raise ValidationError(_("The record of this meeting is released already."))
    transaction.on_commit(lambda: logger.info("%s released the record of %s", by, meeting.pk))
    return meeting
