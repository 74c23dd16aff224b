"""Building a meeting's programme: its segments in order, and who takes part in each.

Every function locks the meeting's row before it reads the order it changes,
so two people reordering the same programme at once take turns and the
programme keeps one order numbered 0, 1, 2… A segment's key is made once,
from its title, and kept when the title changes: addresses, anchors and the
YAML exchange refer to it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence, Set
from typing import Any, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.directory.domain.keys import free_key
from convener.directory.models import Organisation, Person
from convener.meetings.domain.fields import field_errors
from convener.meetings.domain.workflow import lock_open_meeting
from convener.meetings.models import Meeting, Participation, Segment, SegmentKind

logger = logging.getLogger(__name__)

SEGMENT_FIELDS = frozenset({"kind", "title", "duration"})
PARTICIPANT_FIELDS = frozenset({"person", "role", "speaking_time", "capacity"})
PLACE_FIELDS = frozenset({"office", "organisation", "role", "speaking_time"})
# A time budget or a speaking time is counted in minutes, within one day.
MAX_MINUTES = 24 * 60
_KEY_LENGTH = Segment._meta.get_field("key").max_length or 80

Ordered = TypeVar("Ordered", Segment, Participation)
# Who changes the programme: the secretariat, and the focal points of the
# meeting's co-organisers.
PERMISSION = "meeting.edit_programme"


# Segments


@acts(PERMISSION, on="meeting")
def add_segment(
    *,
    meeting: Meeting,
    kind: str,
    title: str = "",
    duration: int | None = None,
    by: AbstractBaseUser,
) -> Segment:
    """A new segment at the end of the programme."""
    segment = Segment(meeting=meeting, kind=kind, title=title.strip(), duration=duration)
    _lock(meeting.pk)
    _check_segment(segment, changed=SEGMENT_FIELDS)
    segment.key = free_key(
        segment.title or str(segment.get_kind_display()),
        taken=lambda key: meeting.segments.filter(key=key).exists(),
        fallback="segment",
        max_length=_KEY_LENGTH,
    )
    segment.order = _next_order(meeting.segments.all())
    segment.save()
    transaction.on_commit(lambda: logger.info("%s added segment %s", by, segment.pk))
    return segment


@acts(PERMISSION, on="segment")
def update_segment(
    *, segment: Segment, changes: Mapping[str, Any], by: AbstractBaseUser
) -> Segment:
    """Apply `changes` (kind, title, duration) to the segment and save it."""
    _refuse_unknown(changes, SEGMENT_FIELDS, "update_segment")
    cleaned = {
        field: value.strip() if field == "title" else value for field, value in changes.items()
    }
    _change(segment, cleaned, meeting_id=segment.meeting_id, check=_check_segment, by=by)
    return segment


@acts(PERMISSION, on="segment")
def remove_segment(*, segment: Segment, by: AbstractBaseUser) -> None:
    """Remove the segment and its participants, unless the meeting's record is in it."""
    _lock(segment.meeting_id)
    if segment.summary.strip() or segment.interventions.exists():
        raise ValidationError(
            {
                NON_FIELD_ERRORS: [
                    _(
                        "The record of the meeting (a summary or statements from the floor) "
                        "is kept in this segment: it cannot be removed."
                    )
                ]
            }
        )
    pk = segment.pk
    segment.delete()
    transaction.on_commit(lambda: logger.info("%s removed segment %s", by, pk))


@acts(PERMISSION, on="segment")
def move_segment(*, segment: Segment, step: int, by: AbstractBaseUser) -> Segment:
    """Move the segment `step` places later (earlier when negative) in the programme."""
    siblings = Segment.objects.filter(meeting_id=segment.meeting_id)
    _move(segment, siblings, step, meeting_id=segment.meeting_id, by=by)
    return segment


# Participants


@acts(PERMISSION, on="segment")
def add_participant(
    *,
    segment: Segment,
    person: Person,
    role: str,
    speaking_time: int | None = None,
    by: AbstractBaseUser,
) -> Participation:
    """A person taking part in the segment, after those already in it."""
    participation = Participation(
        segment=segment, person=person, role=role, speaking_time=speaking_time
    )
    _lock(segment.meeting_id)
    _check_participation(participation, changed=PARTICIPANT_FIELDS)
    participation.order = _next_order(segment.participations.all())
    participation.save()
    transaction.on_commit(lambda: logger.info("%s added participation %s", by, participation.pk))
    return participation


@acts(PERMISSION, on="segment")
def add_place(
    *,
    segment: Segment,
    role: str,
    office: str = "",
    organisation: Organisation | None = None,
    speaking_time: int | None = None,
    by: AbstractBaseUser,
) -> Participation:
    """A place in the segment whose holder is not named yet, after those
    already in it: held by an office, by an organisation, by both, or to be
    confirmed when neither is given."""
    participation = Participation(
        segment=segment,
        office=office.strip(),
        organisation=organisation,
        role=role,
        speaking_time=speaking_time,
    )
    _lock(segment.meeting_id)
    _check_participation(participation, changed=PLACE_FIELDS)
    participation.order = _next_order(segment.participations.all())
    participation.save()
    transaction.on_commit(lambda: logger.info("%s added place %s", by, participation.pk))
    return participation


@acts(PERMISSION, on="participation")
def name_place(
    *, participation: Participation, person: Person, by: AbstractBaseUser
) -> Participation:
    """Name the person who holds the place. The person replaces the office and
    the organisation that stood in for them; pages and documents follow."""
    changes = {"person": person, "office": "", "organisation": None}
    meeting_id = participation.segment.meeting_id
    _change(participation, changes, meeting_id=meeting_id, check=_check_participation, by=by)
    return participation


@acts(PERMISSION, on="participation")
def update_participant(
    *, participation: Participation, changes: Mapping[str, Any], by: AbstractBaseUser
) -> Participation:
    """Apply `changes` (person, role, speaking time, capacity at the meeting)
    to the participation and save it."""
    _refuse_unknown(changes, PARTICIPANT_FIELDS, "update_participant")
    changes = {
        field: value.strip() if field == "capacity" else value for field, value in changes.items()
    }
    meeting_id = participation.segment.meeting_id
    _change(participation, changes, meeting_id=meeting_id, check=_check_participation, by=by)
    return participation


@acts(PERMISSION, on="participation")
def remove_participant(*, participation: Participation, by: AbstractBaseUser) -> None:
    _lock(participation.segment.meeting_id)
    pk = participation.pk
    participation.delete()
    transaction.on_commit(lambda: logger.info("%s removed participation %s", by, pk))


@acts(PERMISSION, on="participation")
def move_participant(
    *, participation: Participation, step: int, by: AbstractBaseUser
) -> Participation:
    """Move the participant `step` places later (earlier when negative) in the segment."""
    siblings = Participation.objects.filter(segment_id=participation.segment_id)
    _move(participation, siblings, step, meeting_id=participation.segment.meeting_id, by=by)
    return participation


# Rules and order


def _lock(meeting_id: int) -> None:
    """Hold the meeting's row until the transaction ends: one change of its
    programme at a time, and none once the meeting is reported (the status is
    read under the lock, so a report made meanwhile counts)."""
    lock_open_meeting(meeting_id)


def _refuse_unknown(changes: Mapping[str, Any], editable: frozenset[str], name: str) -> None:
    unknown = set(changes) - editable
    if unknown:
        raise ValueError(f"{name} does not change {', '.join(sorted(unknown))}")


def _next_order(rows: models.QuerySet[Any]) -> int:
    last = rows.aggregate(last=Max("order"))["last"]
    return 0 if last is None else last + 1


def _change(
    row: Ordered,
    changes: Mapping[str, Any],
    *,
    meeting_id: int,
    check: Callable[..., None],
    by: AbstractBaseUser,
) -> None:
    """Set `changes` on a segment or a participation, check them with
    `check` and save them, under the meeting's lock (inside the transaction
    of the acting function that calls it)."""
    if not changes:
        return
    _lock(meeting_id)
    for field, value in changes.items():
        setattr(row, field, value)
    check(row, changed=set(changes))
    row.save(update_fields=list(changes))
    fields = ", ".join(sorted(changes))
    noun = row._meta.model_name
    transaction.on_commit(lambda: logger.info("%s changed %s of %s %s", by, fields, noun, row.pk))


def _move(
    row: Ordered,
    siblings: models.QuerySet[Ordered],
    step: int,
    *,
    meeting_id: int,
    by: AbstractBaseUser,
) -> None:
    """Move `row` among `siblings` and number them all 0, 1, 2… in their new order.

    The order is read after the meeting's lock is taken, so a move made a
    moment ago by someone else is the starting point, not a stale copy of the
    page. Called inside the transaction of the acting function.
    """
    _lock(meeting_id)
    rows: list[Ordered] = list(siblings.order_by("order", "pk"))
    index = next((i for i, sibling in enumerate(rows) if sibling.pk == row.pk), None)
    if index is None:
        raise ValidationError({NON_FIELD_ERRORS: [_("This item has been removed meanwhile.")]})
    target = min(max(index + step, 0), len(rows) - 1)
    rows.insert(target, rows.pop(index))
    _renumber(rows)
    row.order = target
    noun = row._meta.model_name
    transaction.on_commit(lambda: logger.info("%s moved %s %s", by, noun, row.pk))


def _renumber(rows: Sequence[Segment | Participation]) -> None:
    # One save per row whose place changed, so the audit log and the content
    # revision see each change; a move touches two rows, rarely more.
    for position, item in enumerate(rows):
        if item.order != position:
            item.order = position
            item.save(update_fields=["order"])


def _check_segment(segment: Segment, *, changed: Set[str]) -> None:
    # The kind and the minutes have messages of their own, clearer than the model's.
    errors = field_errors(segment, changed=changed - {"kind", "duration"})
    if "kind" in changed and segment.kind not in SegmentKind.values:
        errors["kind"] = [ValidationError(_("Choose a kind of segment from the list."))]
    if "duration" in changed:
        _check_minutes(segment.duration, "duration", errors)
    if errors:
        raise ValidationError(errors)


def _check_participation(participation: Participation, *, changed: Set[str]) -> None:
    errors = field_errors(participation, changed=changed & {"role", "office", "capacity"})
    if "person" in changed and participation.person_id is None:
        errors["person"] = [ValidationError(_("Choose a person from the directory."))]
    if "speaking_time" in changed:
        _check_minutes(participation.speaking_time, "speaking_time", errors)
    if not errors and changed & {"person", "role"} and _taken(participation):
        errors["person"] = [
            ValidationError(
                _("%(person)s already takes part in this segment as %(role)s.")
                % {
                    "person": participation.person.full_name if participation.person else "",
                    "role": participation.get_role_display().lower(),
                }
            )
        ]
    if errors:
        raise ValidationError(errors)


def _check_minutes(value: int | None, field: str, errors: dict[str, list[ValidationError]]) -> None:
    if value is not None and not 0 < value <= MAX_MINUTES:
        message = _("Give a number of minutes from 1 to %(most)s.") % {"most": MAX_MINUTES}
        errors.setdefault(field, []).append(ValidationError(message))


def _taken(participation: Participation) -> bool:
    """Whether the person already holds the same role in the segment (unnamed
    places may repeat)."""
    if participation.person_id is None:
        return False
    return (
        Participation.objects.filter(
            segment_id=participation.segment_id,
            person_id=participation.person_id,
            role=participation.role,
        )
        .exclude(pk=participation.pk)
        .exists()
    )
