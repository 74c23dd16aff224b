"""The order UN practice proposes for the list of speakers, and the list as it waits.

The proposal (docs/live.md states each rule and its source):

1. By purpose: points of order first, in the order raised (they interrupt);
   then the programme's own speakers, whom the chair calls; then statements
   and questions from the floor; rights of reply last, in the order asked.
2. Among statements and questions, under the meeting's `PrecedenceRule`:
   statements on behalf of a group of States before national ones, among
   themselves in the meeting's order of groups (`Floor.group_order`), then
   by time of inscription (groups the order does not name after those it
   does); then delegations that have not yet spoken on the item before
   those that have; then (General Assembly order) Member States, observer States, other
   observers and civil society; then by level of representation (the level
   that counts, "other" until the secretariat confirms the one proposed);
   then by time of inscription.

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
from convener.records.models import Capacity

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
    state_group_id: Any
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
    """What the proposal knows of the meeting: its precedence rule, who has
    already spoken on the item under way (their `delegation_key`), and its
    order of groups of States (their ids)."""

    precedence: str = PrecedenceRule.GENERAL_ASSEMBLY
    spoken: frozenset[str] = field(default_factory=frozenset)
    group_order: tuple[int, ...] = ()

    def group_place(self, group_id: Any) -> int:
        """0 for the first group of the meeting's order; a group it does not name comes after."""
        order = self.group_order
        return order.index(group_id) if group_id in order else len(order)


GENERAL_ASSEMBLY = Rules()


def precedence(inscription: Inscribed, rules: Rules = GENERAL_ASSEMBLY) -> tuple[Any, ...]:
    """Sorts inscriptions into the order UN practice proposes (see the module)."""
    purpose = Purpose(inscription.purpose)
    rank = PURPOSE_PRECEDENCE.get(purpose, FROM_THE_FLOOR)
    tail = (inscription.requested_at, inscription.pk or 0)
    if rank != FROM_THE_FLOOR:
        return (rank, 0, 0, 0, 0, 0, *tail)
    has_spoken = int(inscription.delegation_key in rules.spoken)
    if rules.precedence == PrecedenceRule.INSCRIPTION:
        return (rank, 0, 0, has_spoken, 0, 0, *tail)
    if inscription.speaks_for_a_group:
        # In the meeting's order of groups, then by time, whoever speaks for them.
        return (rank, 0, rules.group_place(inscription.state_group_id), 0, 0, 0, *tail)
    standing = inscription.standing if rules.precedence == PrecedenceRule.GENERAL_ASSEMBLY else 0
    level = Level.precedence(inscription.level)
    return (rank, 1, 0, has_spoken, standing, level, *tail)


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
    """The meeting's precedence rule, its order of groups and who has had the
    floor on the item (the segment) under way; `turns` when the caller has them at hand."""
    if turns is None:
        turns = Turn.objects.filter(meeting=floor.meeting_id).select_related("inscription")
    return Rules(
        precedence=floor.precedence,
        group_order=tuple(floor.group_order or ()),
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


# The inscriptions whose level may still matter: those on the list or with the floor.
ON_THE_FLOOR = (
    InscriptionStatus.WAITING,
    InscriptionStatus.SPEAKING,
    InscriptionStatus.INTERRUPTED,
)


def levels_to_confirm(meeting: Meeting) -> list[Inscription]:
    """The inscriptions on the floor whose level a State's delegation proposed
    and the secretariat has yet to confirm (`Inscription.level_to_confirm`),
    in the chair's order."""
    return list(
        Inscription.objects.filter(
            meeting=meeting,
            status__in=ON_THE_FLOOR,
            person__isnull=True,
            capacity__in=(Capacity.NATIONAL, Capacity.GROUP),
            level_confirmed_at__isnull=True,
        )
        .select_related("state", "state_group")
        .order_by("position", "requested_at", "pk")
    )
