"""The order UN practice proposes for the list of speakers, and the list as it waits.

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

Nothing here changes the list: `live.domain.order` holds the chair's own
order, which puts these proposals into effect.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

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
