"""The state of a meeting's floor, as every live screen receives it.

One JSON-serialisable snapshot per meeting, the same for everyone who may
watch the meeting: it names delegations and speakers as the room hears them
and carries no account or user. Labels (capacity, purpose, level, status)
travel as codes; each page translates them in its own language. The timer
travels as timestamps, so each screen counts the seconds down itself.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from convener.live.models import (
    Floor,
    Inscription,
    InscriptionStatus,
    SpeakingQuota,
    Turn,
    speaking_group,
)
from convener.live.queries.order import is_first_time, meeting_rules, propose_order
from convener.live.queries.timer import time_spoken
from convener.meetings.models import Meeting

# Those who left the list of their own accord vanish from every screen.
SHOWN_STATUSES = (
    InscriptionStatus.WAITING,
    InscriptionStatus.SPEAKING,
    InscriptionStatus.INTERRUPTED,
    InscriptionStatus.SPOKE,
    InscriptionStatus.SKIPPED,
)

# The key of the turns given so far, left out of the room's state.
TURNS_GIVEN = "turns"


def live_state(meeting: Meeting) -> dict[str, Any]:
    """The floor of the meeting now: the list of speakers in the chair's order
    (and their ids in the order UN practice proposes), the turn under way with
    its timer, the turns given, whether the list is closed, the segment under
    way, the time limits and quotas, the turn a point of order interrupted
    (`interrupted`, with its paused timer), and the floor's `version`, which
    rises by one with every change."""
    now = timezone.now()
    floor = floor_settings(meeting)
    inscriptions = list(_inscriptions(meeting))
    turns = sorted(
        (turn for turn in map(_turn, inscriptions) if turn is not None),
        key=lambda turn: (turn.given_at, turn.pk),
    )
    spoken: set[str] = set()
    first_turns: set[int] = set()
    for turn in turns:
        key = turn.inscription.delegation_key
        if is_first_time(key, spoken=spoken):
            first_turns.add(turn.pk)
        spoken.add(key)
    waiting = sorted(
        (i for i in inscriptions if i.status == InscriptionStatus.WAITING),
        key=lambda i: (i.position or 0, i.requested_at, i.pk),
    )
    current = next((turn for turn in turns if _under_way(turn)), None)
    interrupted = next((turn for turn in turns if _waits_to_resume(turn)), None)
    return {
        "version": floor.version,
        "server_time": now.isoformat(),
        "meeting": {
            "id": meeting.pk,
            "series": meeting.series.slug,
            "number": meeting.number,
            "title": meeting.title,
        },
        "list_closed": floor.list_closed,
        "segment": (
            {"id": floor.segment.pk, "title": floor.segment.heading, "kind": floor.segment.kind}
            if floor.segment
            else None
        ),
        "speakers": [
            {
                **describe(inscription),
                "position": inscription.position,
                "first_time": is_first_time(inscription.delegation_key, spoken=spoken),
            }
            for inscription in waiting
        ],
        "proposed_order": [
            inscription.pk for inscription in propose_order(waiting, meeting_rules(floor, turns))
        ],
        "current": (
            {
                **_turn_state(current, first_time=current.pk in first_turns, now=now),
                "timer": timer_state(current),
            }
            if current
            else None
        ),
        "interrupted": (
            {
                **_turn_state(interrupted, first_time=interrupted.pk in first_turns, now=now),
                "timer": timer_state(interrupted),
            }
            if interrupted
            else None
        ),
        TURNS_GIVEN: [
            _turn_state(turn, first_time=turn.pk in first_turns, now=now)
            for turn in turns
            if turn is not current and turn is not interrupted
        ],
        "skipped": [describe(i) for i in inscriptions if i.status == InscriptionStatus.SKIPPED],
        "limits": {
            "panellist": floor.panellist_seconds,
            "statement": floor.statement_seconds,
            "group_statement": floor.group_statement_seconds,
            "question": floor.question_seconds,
            "point_of_order": floor.point_of_order_seconds,
            "right_of_reply": floor.right_of_reply_seconds,
            "second_reply": floor.second_reply_seconds,
        },
        "quotas": _quotas(meeting, turns, now=now),
    }


def room_state(state: dict[str, Any]) -> dict[str, Any]:
    """The state as the room's screens receive it (projector, delegations, the
    public): without the turns given, which only the chair's and the
    rapporteur's desks list. They are most of the state's bytes, about 570
    a turn, growing all day, and every screen in the hall receives every update."""
    return {key: value for key, value in state.items() if key != TURNS_GIVEN}


def describe(inscription: Inscription) -> dict[str, Any]:
    """Who speaks, for whom, in what capacity and for what, at what level, as screens show it."""
    state = inscription.state
    person = inscription.person
    return {
        "id": inscription.pk,
        "status": inscription.status,
        "who": str(state or inscription.organisation or person or inscription.state_group),
        "who_names": state.names if state else None,
        "on_behalf_of": inscription.state_group.name if inscription.state_group else None,
        "speaker_name": person.formal_name if person else inscription.speaker_name,
        "speaker_title": "" if person else inscription.speaker_title,
        "capacity": inscription.capacity,
        "purpose": inscription.purpose,
        # The level that counts, and the one proposed: `level_confirmed` is
        # false while the secretariat has yet to confirm a State's level.
        "level": inscription.level,
        "proposed_level": inscription.proposed_level,
        "level_confirmed": not inscription.level_to_confirm,
        "addressed_to": (
            inscription.addressed_to.formal_name if inscription.addressed_to else None
        ),
        "raised_flag": inscription.raised_flag,
        # The chair added it after the list was closed: the console warns.
        "added_to_closed_list": inscription.added_to_closed_list,
        "requested_at": inscription.requested_at.isoformat(),
        "segment": inscription.segment_id,
        "delegation": inscription.delegation_key,
        "owner": _owner(inscription),
        "group": speaking_group(inscription),
    }


def timer_state(turn: Turn) -> dict[str, Any]:
    """The timer as timestamps: while it runs a screen shows `limit` minus the
    time since `started_at`; while it is paused, `paused_remaining`."""
    return {
        "started_at": turn.running_since.isoformat() if turn.running_since else None,
        "paused_remaining": None if turn.running_since else turn.limit - turn.elapsed,
        "limit": turn.limit,
        "running": turn.running_since is not None,
    }


def _turn_state(turn: Turn, *, first_time: bool, now: datetime.datetime) -> dict[str, Any]:
    return {
        **describe(turn.inscription),
        "turn": turn.pk,
        "intervention": turn.intervention_id,
        "given_at": turn.given_at.isoformat(),
        "first_time": first_time,
        "spoken": round(time_spoken(turn, now=now)),
        "limit": turn.limit,
    }


def _quotas(meeting: Meeting, turns: list[Turn], *, now: datetime.datetime) -> dict[str, Any]:
    quotas = {
        quota.group: {"seconds": quota.seconds, "used": 0}
        for quota in SpeakingQuota.objects.filter(meeting=meeting)
    }
    for turn in turns:
        group = quotas.get(speaking_group(turn.inscription))
        if group is not None:
            group["used"] += round(time_spoken(turn, now=now))
    return quotas


def _under_way(turn: Turn) -> bool:
    return turn.ended_at is None and turn.interrupted_at is None


def _waits_to_resume(turn: Turn) -> bool:
    """A turn a point of order interrupted."""
    return turn.ended_at is None and turn.interrupted_at is not None


def _owner(inscription: Inscription) -> str | None:
    """The State or organisation whose delegation asked, to find one's own place in the list."""
    if inscription.person_id is not None:
        return None
    if inscription.state_id is not None:
        return f"state:{inscription.state_id}"
    return f"organisation:{inscription.organisation_id}"


def floor_settings(meeting: Meeting) -> Floor:
    """The meeting's floor as stored, or as it starts (unsaved) if it never opened."""
    floor = Floor.objects.filter(meeting=meeting).select_related("segment").first()
    return floor or Floor(meeting=meeting)


def _inscriptions(meeting: Meeting) -> QuerySet[Inscription]:
    return (
        Inscription.objects.filter(meeting=meeting, status__in=SHOWN_STATUSES)
        .select_related("state", "state_group", "organisation", "person", "addressed_to", "turn")
        .order_by("requested_at", "pk")
    )


def _turn(inscription: Inscription) -> Turn | None:
    try:
        return inscription.turn
    except Turn.DoesNotExist:
        return None
