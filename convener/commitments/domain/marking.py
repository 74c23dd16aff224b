"""Marking a statement's points: a recommendation, a commitment, or neither.

The rapporteur (or the secretariat) decides each point; the suggestions of
`commitments.cues` are only shown to them. A mark is part of the record, so
final once the meeting is reported, like the statement itself."""

from __future__ import annotations

import datetime
import logging

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.commitments.models import Mark, MarkKind, StatusNote, TrackStatus
from convener.commitments.queries.marking import unit_text
from convener.directory.models import Organisation, Person, State
from convener.meetings.domain.workflow import lock_open_meeting
from convener.records.models import Intervention

logger = logging.getLogger(__name__)

PERMISSION = "meeting.mark_commitments"
Author = State | Organisation | Person


def default_author(intervention: Intervention) -> Author | None:
    """Who commits when the rapporteur names no one: the State or the
    organisation the speaker spoke for, else the speaker."""
    return intervention.state or intervention.organisation or intervention.speaker


@acts(PERMISSION, on="intervention")
def mark_unit(
    *,
    intervention: Intervention,
    source: str,
    position: int,
    kind: str,
    by: AbstractBaseUser,
    author: Author | None = None,
    what: str = "",
    due_date: datetime.date | None = None,
    due_words: str = "",
) -> Mark:
    """Decide one point (or sentence) of the statement: a recommendation or a
    commitment by `author` (by default the delegation, else the speaker) to
    `what` (by default the point's words) by `due_date` or `due_words`; or
    neither, which sets a suggestion aside. Marking again changes the mark."""
    lock_open_meeting(intervention.segment.meeting_id)
    text = unit_text(intervention, source, position)
    if text is None:
        raise ValidationError(_("The statement has no such point any more; reload the page."))
    if kind not in MarkKind.values:
        raise ValidationError({"kind": [_("Choose a recommendation, a commitment or neither.")]})
    if kind == MarkKind.NEITHER:
        author, what, due_date, due_words = None, "", None, ""
    else:
        author = author or default_author(intervention)
        what = what.strip() or text
    mark = Mark.objects.filter(intervention=intervention, source=source, position=position).first()
    created = mark is None
    if mark is None:
        mark = Mark(intervention=intervention, source=source, position=position, marked_by_id=by.pk)
    was_commitment = not created and mark.kind == MarkKind.COMMITMENT
    mark.excerpt = text
    mark.kind = kind
    mark.author_state = author if isinstance(author, State) else None
    mark.author_organisation = author if isinstance(author, Organisation) else None
    mark.author_person = author if isinstance(author, Person) else None
    mark.what = what
    mark.due_date = due_date
    mark.due_words = due_words.strip()
    mark.full_clean(exclude=["intervention", "marked_by"], validate_constraints=False)
    mark.save()
    if kind == MarkKind.COMMITMENT and not was_commitment:
        # A commitment starts as announced, on the day it is confirmed.
        mark.status = TrackStatus.ANNOUNCED
        mark.save(update_fields=["status"])
        StatusNote.objects.create(
            mark=mark, status=TrackStatus.ANNOUNCED, by_id=by.pk, by_name=name_of(by)
        )
    transaction.on_commit(
        lambda: logger.info(
            "%s marked %s %s of intervention %s as %s", by, source, position, intervention.pk, kind
        )
    )
    return mark


@acts(PERMISSION, on="intervention")
def clear_mark(
    *, intervention: Intervention, source: str, position: int, by: AbstractBaseUser
) -> bool:
    """Undo the decision on a point: its suggestion shows again. Whether there was one."""
    lock_open_meeting(intervention.segment.meeting_id)
    deleted, _rows = Mark.objects.filter(
        intervention=intervention, source=source, position=position
    ).delete()
    return bool(deleted)


def name_of(user: AbstractBaseUser) -> str:
    full = getattr(user, "get_full_name", lambda: "")()
    return (full or user.get_username())[:200]
