"""The order of the list of speakers: the order UN practice proposes, and the
chair's own order, which the chair may change at any time.

UN practice (UN-PRACTICE.md): points of order interrupt, so they come first;
rights of reply come at the end; everyone else speaks by level of
representation (head of State or Government, minister, vice-minister,
ambassador, head of delegation, delegate), then by time of inscription. The
programme's own speakers, whom the chair calls, come before the floor.

The waiting inscriptions hold places 1, 2, 3… in the chair's order. A new
inscription takes the place the proposal gives it among them, so an
unchanged list stays in the proposed order and a list the chair rearranged
keeps the chair's arrangement.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any, Protocol, TypeVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from convener.live.domain.floor import changing, require
from convener.live.models import Inscription, InscriptionStatus, Level, Purpose
from convener.meetings.models import Meeting

PURPOSE_PRECEDENCE = {
    Purpose.POINT_OF_ORDER: 0,
    Purpose.PRESENTATION: 1,
    Purpose.ANSWER: 1,
    Purpose.REMARKS: 1,
    Purpose.STATEMENT: 2,
    Purpose.QUESTION: 2,
    Purpose.RIGHT_OF_REPLY: 3,
}


class Inscribed(Protocol):
    """What the proposed order reads of an inscription."""

    pk: Any
    purpose: str
    level: str
    requested_at: datetime.datetime


InscribedT = TypeVar("InscribedT", bound=Inscribed)


def precedence(inscription: Inscribed) -> tuple[int, int, datetime.datetime, Any]:
    """Sorts inscriptions into the order UN practice proposes."""
    return (
        PURPOSE_PRECEDENCE.get(Purpose(inscription.purpose), 2),
        Level.precedence(inscription.level),
        inscription.requested_at,
        inscription.pk or 0,
    )


def propose_order(inscriptions: Iterable[InscribedT]) -> list[InscribedT]:
    """The inscriptions in the order UN practice proposes."""
    return sorted(inscriptions, key=precedence)


def is_first_time(delegation_key: str, *, spoken: set[str]) -> bool:
    """Whether a delegation takes the floor for the first time in the meeting,
    given the keys of those who have (`Inscription.delegation_key`)."""
    return delegation_key not in spoken


def place_for(inscription: Inscribed, waiting: Sequence[Inscribed]) -> int:
    """Where (0-based) a new inscription goes among those waiting, in the chair's order:
    before the first one the proposal would put after it."""
    rank = precedence(inscription)
    for index, other in enumerate(waiting):
        if rank < precedence(other):
            return index
    return len(waiting)


def waiting_list(meeting: Meeting) -> list[Inscription]:
    """The inscriptions waiting for the floor, in the chair's order."""
    return list(
        Inscription.objects.filter(meeting=meeting, status=InscriptionStatus.WAITING).order_by(
            "position", "requested_at", "pk"
        )
    )


def renumber(meeting: Meeting, ordered: Sequence[Inscription]) -> None:
    """Give the waiting inscriptions places 1, 2, 3… in the order given.

    Two statements, because the database checks that no two waiting
    inscriptions share a place row by row: first every place is cleared.
    """
    Inscription.objects.filter(meeting=meeting, status=InscriptionStatus.WAITING).update(
        position=None
    )
    for place, inscription in enumerate(ordered, start=1):
        inscription.position = place
    Inscription.objects.bulk_update(ordered, ["position"])


def reorder(*, meeting: Meeting, order: Sequence[int], by: Any) -> list[Inscription]:
    """Put the waiting inscriptions in the chair's order, given as their ids.

    The order may be stale: another chair may have given someone the floor,
    or a delegation inscribed or withdrew, since the page showed the list. Ids
    that no longer wait are passed over, and inscriptions the order does not
    name keep their turn after those it does, so the list always stays whole.
    """
    require(by, "meeting.chair", meeting)
    with changing(meeting):
        waiting = waiting_list(meeting)
        by_id = {inscription.pk: inscription for inscription in waiting}
        named = [by_id[pk] for pk in dict.fromkeys(order) if pk in by_id]
        rest = [inscription for inscription in waiting if inscription not in named]
        ordered = [*named, *rest]
        renumber(meeting, ordered)
    return ordered


def move(*, inscription: Inscription, place: int, by: Any) -> list[Inscription]:
    """Move a waiting inscription to a place (1 is first) in the list."""
    meeting = inscription.meeting
    require(by, "meeting.chair", meeting)
    with changing(meeting):
        waiting = waiting_list(meeting)
        current = still_waiting(inscription, waiting)
        waiting.remove(current)
        waiting.insert(max(0, min(place - 1, len(waiting))), current)
        renumber(meeting, waiting)
    return waiting


def apply_proposed_order(*, meeting: Meeting, by: Any) -> list[Inscription]:
    """Put the waiting inscriptions back in the order UN practice proposes."""
    require(by, "meeting.chair", meeting)
    with changing(meeting):
        ordered = propose_order(waiting_list(meeting))
        renumber(meeting, ordered)
    return ordered


def skip(*, inscription: Inscription, by: Any) -> Inscription:
    """Pass over a waiting inscription (the delegation is not in the room)."""
    meeting = inscription.meeting
    require(by, "meeting.chair", meeting)
    return _leave_list(inscription, status=InscriptionStatus.SKIPPED)


def withdraw(*, inscription: Inscription, by: Any) -> Inscription:
    """Take an inscription off the list, at the delegation's wish."""
    require(by, "floor.withdraw", inscription)
    return _leave_list(inscription, status=InscriptionStatus.WITHDRAWN)


def _leave_list(inscription: Inscription, *, status: str) -> Inscription:
    meeting = inscription.meeting
    with changing(meeting):
        waiting = waiting_list(meeting)
        current = still_waiting(inscription, waiting)
        waiting.remove(current)
        current.status = status
        current.position = None
        current.save(update_fields=["status", "position"])
        renumber(meeting, waiting)
    return current


def still_waiting(inscription: Inscription, waiting: list[Inscription]) -> Inscription:
    """The inscription as stored now, which must still be waiting: another
    chair may have given it the floor a moment ago."""
    for candidate in waiting:
        if candidate.pk == inscription.pk:
            return candidate
    raise ValidationError(
        _("%(who)s is no longer waiting for the floor.") % {"who": inscription.who}
    )
