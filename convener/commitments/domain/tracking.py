"""Following a commitment after the meeting: its status, with dated notes."""

from __future__ import annotations

import logging

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.commitments.domain.marking import name_of
from convener.commitments.models import Mark, MarkKind, StatusNote, TrackStatus

logger = logging.getLogger(__name__)


@acts("commitment.track", on="mark")
def set_commitment_status(
    *, mark: Mark, status: str, by: AbstractBaseUser, note: str = ""
) -> StatusNote:
    """The commitment is now `status` (announced, under way, delivered,
    dropped), with a note saying what happened; the note is dated and names
    who wrote it. Allowed after the meeting is reported: that is when
    commitments are followed."""
    mark = Mark.objects.select_for_update().get(pk=mark.pk)
    if mark.kind != MarkKind.COMMITMENT:
        raise ValidationError(_("Only a commitment has a status."))
    if status not in TrackStatus.values:
        raise ValidationError({"status": [_("Choose announced, under way, delivered or dropped.")]})
    entry = StatusNote(
        mark=mark, status=status, text=note.strip(), by_id=by.pk, by_name=name_of(by)
    )
    entry.full_clean(exclude=["mark", "by"])
    entry.save()
    mark.status = status
    mark.save(update_fields=["status", "updated_at"])
    transaction.on_commit(lambda: logger.info("%s set commitment %s to %s", by, mark.pk, status))
    return entry
