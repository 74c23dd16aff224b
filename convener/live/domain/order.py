"""The chair's order of the list of speakers, which the chair may change at
any time, starting from the order UN practice proposes (`live.queries.order`).

The waiting inscriptions hold places 1, 2, 3… in the chair's order. A new
inscription takes its place by the proposal among those the chair has not
placed by hand, and never goes ahead of one the chair placed: an unchanged
list stays in the proposed order, a list the chair rearranged keeps the
chair's arrangement.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.live.domain.floor import changing
from convener.live.models import Inscription, InscriptionStatus
from convener.live.queries.order import meeting_rules, propose_order, waiting_list
from convener.meetings.models import Meeting


def _renumber(meeting: Meeting, ordered: Sequence[Inscription]) -> None:
    """Give the waiting inscriptions places 1, 2, 3… in the order given; the
    actions that change the list call it inside `changing`.

    Two statements, because the database checks that no two waiting
    inscriptions share a place row by row: first every place is cleared.
    """
    Inscription.objects.filter(meeting=meeting, status=InscriptionStatus.WAITING).update(
        position=None
    )
    for place, inscription in enumerate(ordered, start=1):
        inscription.position = place
    Inscription.objects.bulk_update(ordered, ["position", "placed_by_chair"])


@acts("meeting.chair", on="meeting")
def reorder(*, meeting: Meeting, order: Sequence[int], by: Any) -> list[Inscription]:
    """Put the waiting inscriptions in the chair's order, given as their ids.

    The order may be stale: another chair may have given someone the floor,
    or a delegation inscribed or withdrew, since the page showed the list. Ids
    that no longer wait are passed over, and inscriptions the order does not
    name keep their turn after those it does, so the list always stays whole.
    """
    with changing(meeting):
        waiting = waiting_list(meeting)
        by_id = {inscription.pk: inscription for inscription in waiting}
        named = [by_id[pk] for pk in dict.fromkeys(order) if pk in by_id]
        rest = [inscription for inscription in waiting if inscription not in named]
        ordered = [*named, *rest]
        for place, inscription in enumerate(ordered, start=1):
            if inscription.position != place:
                inscription.placed_by_chair = True
        _renumber(meeting, ordered)
    return ordered


@acts("meeting.chair", on="inscription")
def move(*, inscription: Inscription, place: int, by: Any) -> list[Inscription]:
    """Move a waiting inscription to a place (1 is first) in the list."""
    meeting = inscription.meeting
    with changing(meeting):
        waiting = waiting_list(meeting)
        current = still_waiting(inscription, waiting)
        waiting.remove(current)
        waiting.insert(max(0, min(place - 1, len(waiting))), current)
        current.placed_by_chair = True
        _renumber(meeting, waiting)
    return waiting


@acts("meeting.chair", on="meeting")
def apply_proposed_order(*, meeting: Meeting, by: Any) -> list[Inscription]:
    """Put the waiting inscriptions back in the order UN practice proposes."""
    with changing(meeting) as floor:
        ordered = propose_order(waiting_list(meeting), meeting_rules(floor))
        for inscription in ordered:
            inscription.placed_by_chair = False
        _renumber(meeting, ordered)
    return ordered


@acts("meeting.chair", on="inscription")
def skip(*, inscription: Inscription, by: Any) -> Inscription:
    """Pass over a waiting inscription (the delegation is not in the room)."""
    return _leave_list(inscription, status=InscriptionStatus.SKIPPED)


@acts("floor.withdraw", on="inscription")
def withdraw(*, inscription: Inscription, by: Any) -> Inscription:
    """Take an inscription off the list, at the delegation's wish."""
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
        _renumber(meeting, waiting)
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
