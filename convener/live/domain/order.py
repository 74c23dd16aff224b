"""The order of the list of speakers: the order UN practice proposes, and the
chair's own order, which the chair may change at any time.

The proposal (docs/live.md states each rule and its source):

1. By purpose: points of order first, in the order raised (they interrupt);
   then the programme's own speakers, whom the chair calls; then statements
   and questions from the floor; rights of reply last, in the order asked.
2. Among statements and questions, under the meeting's `PrecedenceRule`:
   statements on behalf of a group of States before national ones; then
   delegations that have not yet spoken on the item before those that have;
   then (General Assembly order) Member States, observer States, other
   observers and civil society; then by level of representation; then by
   time of inscription.

The waiting inscriptions hold places 1, 2, 3… in the chair's order. A new
inscription takes its place by the proposal among those the chair has not
placed by hand, and never goes ahead of one the chair placed: an unchanged
list stays in the proposed order, a list the chair rearranged keeps the
chair's arrangement.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from convener.live.domain.floor import changing, require
from convener.live.models import (
    Floor,
    Inscription,
    InscriptionStatus,
    Level,
    PrecedenceRule,
    Purpose,
    Turn,
)
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
FROM_THE_FLOOR = 2


class Inscribed(Protocol):
    """What the proposed order reads of an inscription."""

    pk: Any
    purpose: str
    level: str
    requested_at: datetime.datetime

    @property
    def standing(self) -> int: ...

    @property
    def delegation_key(self) -> str: ...

    @property
    def speaks_for_a_group(self) -> bool: ...


InscribedT = TypeVar("InscribedT", bound=Inscribed)


@dataclass(frozen=True)
class Rules:
    """What the proposal knows of the meeting: its precedence rule, and who has
    already spoken on the item under way (their `delegation_key`)."""

    precedence: str = PrecedenceRule.GENERAL_ASSEMBLY
    spoken: frozenset[str] = field(default_factory=frozenset)


GENERAL_ASSEMBLY = Rules()


def precedence(inscription: Inscribed, rules: Rules = GENERAL_ASSEMBLY) -> tuple[Any, ...]:
    """Sorts inscriptions into the order UN practice proposes (see the module)."""
    purpose = Purpose(inscription.purpose)
    rank = PURPOSE_PRECEDENCE.get(purpose, FROM_THE_FLOOR)
    tail = (inscription.requested_at, inscription.pk or 0)
    if rank != FROM_THE_FLOOR:
        return (rank, 0, 0, 0, 0, *tail)
    has_spoken = int(inscription.delegation_key in rules.spoken)
    if rules.precedence == PrecedenceRule.INSCRIPTION:
        return (rank, 0, has_spoken, 0, 0, *tail)
    group = 0 if inscription.speaks_for_a_group else 1
    standing = inscription.standing if rules.precedence == PrecedenceRule.GENERAL_ASSEMBLY else 0
    return (rank, group, has_spoken, standing, Level.precedence(inscription.level), *tail)


def propose_order(
    inscriptions: Iterable[InscribedT], rules: Rules = GENERAL_ASSEMBLY
) -> list[InscribedT]:
    """The inscriptions in the order UN practice proposes."""
    return sorted(inscriptions, key=lambda inscription: precedence(inscription, rules))


def is_first_time(delegation_key: str, *, spoken: set[str]) -> bool:
    """Whether a delegation takes the floor for the first time in the meeting,
    given the keys of those who have (`Inscription.delegation_key`)."""
    return delegation_key not in spoken


def place_for(
    inscription: Inscribed, waiting: Sequence[Inscribed], rules: Rules = GENERAL_ASSEMBLY
) -> int:
    """Where (0-based) a new inscription goes among those waiting, in the chair's
    order: before the first one the chair did not place by hand that the
    proposal would put after it, and so never ahead of the chair's choice."""
    rank = precedence(inscription, rules)
    for index, other in enumerate(waiting):
        if not getattr(other, "placed_by_chair", False) and rank < precedence(other, rules):
            return index
    return len(waiting)


def meeting_rules(floor: Floor, turns: Iterable[Turn] | None = None) -> Rules:
    """The meeting's precedence rule and who has had the floor on the item
    (the segment) under way; `turns` when the caller has them at hand."""
    if turns is None:
        turns = Turn.objects.filter(meeting=floor.meeting_id).select_related("inscription")
    return Rules(
        precedence=floor.precedence,
        spoken=frozenset(
            turn.inscription.delegation_key
            for turn in turns
            if floor.segment_id is not None and turn.segment_id == floor.segment_id
        ),
    )


def waiting_list(meeting: Meeting) -> list[Inscription]:
    """The inscriptions waiting for the floor, in the chair's order."""
    return list(
        Inscription.objects.filter(meeting=meeting, status=InscriptionStatus.WAITING)
        .select_related("state", "organisation")
        .order_by("position", "requested_at", "pk")
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
    Inscription.objects.bulk_update(ordered, ["position", "placed_by_chair"])


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
        for place, inscription in enumerate(ordered, start=1):
            if inscription.position != place:
                inscription.placed_by_chair = True
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
        current.placed_by_chair = True
        renumber(meeting, waiting)
    return waiting


def apply_proposed_order(*, meeting: Meeting, by: Any) -> list[Inscription]:
    """Put the waiting inscriptions back in the order UN practice proposes."""
    require(by, "meeting.chair", meeting)
    with changing(meeting) as floor:
        ordered = propose_order(waiting_list(meeting), meeting_rules(floor))
        for inscription in ordered:
            inscription.placed_by_chair = False
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
