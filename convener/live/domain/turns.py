"""Giving the floor, and the speaking timer of the turn under way.

Every turn given becomes an intervention in the records at once, through
`record_turn_given`, so that the rapporteur writes its summary while the
speaker speaks and the report's participation facts follow from the floor.

A point of order interrupts; it does not end the turn under way (rule 71 of
the General Assembly's rules of procedure has it raised "during the
discussion of any matter" and decided by the President immediately). The
interrupted turn waits with its timer paused; when the chair ends the point
of order, the speaker has the floor again with the time that was left, and
the statement stays one intervention in the record.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.live.domain import timer
from convener.live.domain.floor import LONGEST_LIMIT, changing
from convener.live.domain.order import _renumber, still_waiting
from convener.live.models import Floor, Inscription, InscriptionStatus, Purpose, Turn
from convener.live.queries.order import waiting_list
from convener.meetings.models import Meeting, Participation
from convener.records.domain.interventions import record_turn_given
from convener.records.models import InterventionKind

# What the record calls a turn given for each purpose.
INTERVENTION_KIND = {
    Purpose.STATEMENT: InterventionKind.STATEMENT,
    Purpose.QUESTION: InterventionKind.QUESTION,
    Purpose.POINT_OF_ORDER: InterventionKind.POINT_OF_ORDER,
    Purpose.RIGHT_OF_REPLY: InterventionKind.RIGHT_OF_REPLY,
    Purpose.PRESENTATION: InterventionKind.PRESENTATION,
    Purpose.ANSWER: InterventionKind.ANSWER,
    Purpose.REMARKS: InterventionKind.REMARKS,
}
FLOOR_LIMIT_FIELD = {
    Purpose.STATEMENT: "statement_seconds",
    Purpose.QUESTION: "question_seconds",
    Purpose.POINT_OF_ORDER: "point_of_order_seconds",
    Purpose.RIGHT_OF_REPLY: "right_of_reply_seconds",
}


def current_turn(meeting: Meeting) -> Turn | None:
    """The turn under way, if someone has the floor."""
    return (
        Turn.objects.filter(meeting=meeting, ended_at__isnull=True, interrupted_at__isnull=True)
        .select_related("inscription")
        .first()
    )


def interrupted_turn(meeting: Meeting) -> Turn | None:
    """The turn a point of order interrupted, waiting to resume."""
    return (
        Turn.objects.filter(meeting=meeting, ended_at__isnull=True, interrupted_at__isnull=False)
        .select_related("inscription")
        .first()
    )


def time_limit(floor: Floor, inscription: Inscription) -> int:
    """The seconds a turn may last: the time the programme gives its speaker,
    else the meeting's limit for panellists; from the floor, the meeting's
    limit for what the turn is for, a statement on behalf of a group of
    States having its own, and a delegation's second (or later) right of
    reply on the item its own, shorter one (General Assembly decision 34/401)."""
    if inscription.person_id is not None:
        minutes = (
            Participation.objects.filter(
                segment=floor.segment, person_id=inscription.person_id, speaking_time__isnull=False
            )
            .values_list("speaking_time", flat=True)
            .first()
        )
        return minutes * 60 if minutes else floor.panellist_seconds
    purpose = Purpose(inscription.purpose)
    if purpose == Purpose.STATEMENT and inscription.state_group_id is not None:
        return floor.group_statement_seconds
    if purpose == Purpose.RIGHT_OF_REPLY and _replies_given(floor, inscription) >= 1:
        return floor.second_reply_seconds
    field = FLOOR_LIMIT_FIELD.get(purpose, "statement_seconds")
    return int(getattr(floor, field))


def _replies_given(floor: Floor, inscription: Inscription) -> int:
    """How many rights of reply the inscription's delegation has already had
    on the item under way (the segment), this one not counted."""
    return (
        Turn.objects.filter(
            segment=floor.segment,
            inscription__purpose=Purpose.RIGHT_OF_REPLY,
            inscription__state=inscription.state_id,
            inscription__state_group=inscription.state_group_id,
            inscription__organisation=inscription.organisation_id,
        )
        .exclude(inscription=inscription.pk)
        .count()
    )


@acts("meeting.chair", on="meeting")
def give_floor(*, meeting: Meeting, by: Any, inscription: Inscription | None = None) -> Turn:
    """Give the floor to an inscription (the first waiting when none is named):
    the turn under way ends (or, for a point of order, is interrupted), the
    new one is recorded as an intervention in the segment under way, and its
    timer starts with the turn's limit."""
    with changing(meeting) as floor:
        if floor.segment is None:
            raise ValidationError(
                _("Say which segment is under way before giving the floor: it is recorded there.")
            )
        waiting = waiting_list(meeting)
        chosen = _chosen(inscription, waiting)
        now = timezone.now()
        _make_way(meeting, for_=chosen, now=now)
        waiting.remove(chosen)
        chosen.status = InscriptionStatus.SPEAKING
        chosen.position = None
        chosen.save(update_fields=["status", "position"])
        _renumber(meeting, waiting)
        turn = Turn(
            meeting=meeting,
            inscription=chosen,
            segment=floor.segment,
            intervention=_record(chosen, floor=floor, by=by),
            limit=time_limit(floor, chosen),
            given_at=now,
            given_by=by if getattr(by, "is_authenticated", False) else None,
        )
        timer.start(turn, now=now)
        turn.save()
    return turn


@acts("meeting.chair", on="meeting")
def end_turn(*, meeting: Meeting, by: Any) -> Turn:
    """The speaker has finished: the timer stops and no one has the floor,
    unless the turn was a point of order, after which the speaker it
    interrupted has the floor again, the timer paused at the time left."""
    with changing(meeting):
        turn = _under_way(meeting)
        _end(turn, now=timezone.now())
        _resume_interrupted(meeting)
    return turn


def _make_way(meeting: Meeting, *, for_: Inscription, now: datetime.datetime) -> None:
    """End the turn under way, or set it aside when a point of order interrupts
    it. Giving the floor to anyone else ends an interrupted turn too: its
    speaker did not take it up again."""
    turn = current_turn(meeting)
    interrupts = for_.purpose == Purpose.POINT_OF_ORDER
    if turn is not None and interrupts and turn.inscription.purpose != Purpose.POINT_OF_ORDER:
        _interrupt(turn, now=now)
        return
    _end(turn, now=now)
    if not interrupts:
        _end(interrupted_turn(meeting), now=now)


def _interrupt(turn: Turn, *, now: datetime.datetime) -> None:
    timer.pause(turn, now=now)
    turn.interrupted_at = now
    turn.save(update_fields=["running_since", "elapsed", "interrupted_at"])
    turn.inscription.status = InscriptionStatus.INTERRUPTED
    turn.inscription.save(update_fields=["status"])


def _resume_interrupted(meeting: Meeting) -> None:
    turn = interrupted_turn(meeting)
    if turn is None:
        return
    turn.interrupted_at = None
    turn.save(update_fields=["interrupted_at"])
    turn.inscription.status = InscriptionStatus.SPEAKING
    turn.inscription.save(update_fields=["status"])


@acts("meeting.chair", on="meeting")
def pause_timer(*, meeting: Meeting, by: Any) -> Turn:
    with changing(meeting):
        turn = _under_way(meeting)
        timer.pause(turn, now=timezone.now())
        turn.save(update_fields=["running_since", "elapsed"])
    return turn


@acts("meeting.chair", on="meeting")
def resume_timer(*, meeting: Meeting, by: Any) -> Turn:
    with changing(meeting):
        turn = _under_way(meeting)
        timer.start(turn, now=timezone.now())
        turn.save(update_fields=["running_since"])
    return turn


@acts("meeting.chair", on="meeting")
def extend_timer(*, meeting: Meeting, seconds: int, by: Any) -> Turn:
    """Give the speaker more time."""
    if not 1 <= seconds <= LONGEST_LIMIT:
        raise ValidationError({"seconds": [_("Give between 1 second and 60 minutes more.")]})
    with changing(meeting):
        turn = _under_way(meeting)
        turn.limit += seconds
        turn.save(update_fields=["limit"])
    return turn


def _chosen(inscription: Inscription | None, waiting: list[Inscription]) -> Inscription:
    if inscription is None:
        if not waiting:
            raise ValidationError(_("No one is waiting for the floor."))
        return waiting[0]
    return still_waiting(inscription, waiting)


def _under_way(meeting: Meeting) -> Turn:
    turn = current_turn(meeting)
    if turn is None:
        raise ValidationError(_("No one has the floor."))
    return turn


def _end(turn: Turn | None, *, now: datetime.datetime) -> None:
    if turn is None:
        return
    timer.pause(turn, now=now)
    turn.ended_at = now
    turn.interrupted_at = None
    turn.save(update_fields=["running_since", "elapsed", "ended_at", "interrupted_at"])
    inscription = turn.inscription
    inscription.status = InscriptionStatus.SPOKE
    inscription.save(update_fields=["status"])


def _record(inscription: Inscription, *, floor: Floor, by: Any) -> Any:
    """The intervention of the turn, with the speaker's name, title and level
    as they are now: copied, so that the record keeps what happened."""
    assert floor.segment is not None  # checked by give_floor
    person = inscription.person
    return record_turn_given(
        segment=floor.segment,
        by=by,
        kind=INTERVENTION_KIND[Purpose(inscription.purpose)],
        speaker=person,
        state=inscription.state,
        state_group=inscription.state_group,
        organisation=inscription.organisation,
        capacity=inscription.capacity,
        speaker_name=person.formal_name if person is not None else inscription.speaker_name,
        speaker_title=_title(floor, inscription),
        speaker_level=inscription.level,
    )


def _title(floor: Floor, inscription: Inscription) -> str:
    """A speaker of the programme's office in the segment, else their position."""
    person = inscription.person
    if person is None:
        return ""
    office = (
        Participation.objects.filter(segment=floor.segment, person=person)
        .exclude(office="")
        .values_list("office", flat=True)
        .first()
    )
    return office or person.position
