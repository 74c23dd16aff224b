"""The floor of a meeting: one lock, one version, one announcement per change.

Every action on the floor runs inside `changing(meeting)`, which locks the
meeting's `Floor` row before anything is read, so that two chairs (or a
chair and a hundred delegations) acting at once take turns instead of
interleaving; raises the floor's version; and, once the transaction has
committed, publishes the new state to every screen.

This module holds the actions on the list as a whole (open, close, the
segment under way, time limits, quotas); `requests`, `order` and `turns`
hold the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from convener.audit.actors import acts
from convener.directory.models import StateGroup
from convener.live.models import Floor, PrecedenceRule, SpeakingQuota, speaking_groups
from convener.meetings.domain.workflow import lock_open_floor
from convener.meetings.models import Meeting, Segment

logger = logging.getLogger(__name__)

# The time limits a chair may set, as (field of `Floor`, longest value in seconds).
TIME_LIMIT_FIELDS = (
    "panellist_seconds",
    "statement_seconds",
    "group_statement_seconds",
    "question_seconds",
    "point_of_order_seconds",
    "right_of_reply_seconds",
    "second_reply_seconds",
)
LONGEST_LIMIT = 60 * 60
MOST_REPLIES_PER_ITEM = 9


def _floor_of(meeting: Meeting) -> Floor:
    """The meeting's floor, made on first use (the first change makes it;
    `live.queries.state.floor_settings` reads it)."""
    floor, _created = Floor.objects.get_or_create(meeting=meeting)
    floor.meeting = meeting
    return floor


@contextmanager
def changing(meeting: Meeting) -> Iterator[Floor]:
    """Change the meeting's floor: the block runs in a transaction, holding the
    floor's row locked; the version rises and the new state is published
    after the commit. Nothing is published if the block raises. The floor
    of a reported or cancelled meeting is closed, to the site administrator too."""
    with transaction.atomic():
        lock_open_floor(meeting.pk)
        _floor_of(meeting)
        floor = Floor.objects.select_for_update().get(meeting=meeting)
        floor.meeting = meeting
        yield floor
        _announce(floor)


def _announce(floor: Floor) -> None:
    """Raise the floor's version and, after the commit, send its state to every screen."""
    Floor.objects.filter(pk=floor.pk).update(version=F("version") + 1)
    floor.version += 1
    meeting = floor.meeting
    transaction.on_commit(lambda: publish_state(meeting), robust=True)


def publish_state(meeting: Meeting) -> None:
    # Imported here: the bus is the transport's and the state a query, both
    # above the domain in the order of imports; the domain only hands over.
    from convener.live import bus
    from convener.live.queries.state import live_state

    bus.publish(meeting.pk, live_state(meeting))


@acts("meeting.chair", on="meeting")
def open_list(*, meeting: Meeting, by: Any) -> Floor:
    """Let delegations inscribe again."""
    return _set_list_closed(meeting, closed=False)


@acts("meeting.chair", on="meeting")
def close_list(*, meeting: Meeting, by: Any) -> Floor:
    """Close the list of speakers: from now on delegations may only raise a
    point of order or ask for a right of reply; the chair may still add."""
    return _set_list_closed(meeting, closed=True)


def _set_list_closed(meeting: Meeting, *, closed: bool) -> Floor:
    with changing(meeting) as floor:
        if floor.list_closed != closed:
            floor.list_closed = closed
            floor.save(update_fields=["list_closed", "updated_at"])
    return floor


@acts("meeting.chair", on="meeting")
def start_segment(*, meeting: Meeting, segment: Segment | None, by: Any) -> Floor:
    """Say which segment of the programme is under way; the turns given from
    now on are recorded in it. No segment: the meeting has not started."""
    if segment is not None and segment.meeting_id != meeting.pk:
        raise ValidationError({"segment": [_("This segment belongs to another meeting.")]})
    with changing(meeting) as floor:
        if floor.segment_id != (segment.pk if segment else None):
            floor.segment = segment
            floor.save(update_fields=["segment", "updated_at"])
    return floor


@acts("meeting.chair", on="meeting")
def set_time_limits(*, meeting: Meeting, limits: Mapping[str, int], by: Any) -> Floor:
    """Change the meeting's time limits, in seconds (fields of `TIME_LIMIT_FIELDS`).
    A turn already given keeps its limit; the chair extends it if need be."""
    unknown = set(limits) - set(TIME_LIMIT_FIELDS)
    if unknown:
        raise ValueError(f"set_time_limits does not set {', '.join(sorted(unknown))}")
    errors = {
        field: [_("Give a time between 10 seconds and 60 minutes.")]
        for field, seconds in limits.items()
        if not 10 <= seconds <= LONGEST_LIMIT
    }
    if errors:
        raise ValidationError(errors)
    with changing(meeting) as floor:
        for field, seconds in limits.items():
            setattr(floor, field, seconds)
        floor.save(update_fields=[*limits, "updated_at"])
    return floor


@acts("meeting.chair", on="meeting")
def set_floor_rules(
    *,
    meeting: Meeting,
    precedence: str,
    replies_per_item: int,
    by: Any,
    group_order: Sequence[int] | None = None,
) -> Floor:
    """Change how the meeting orders its statements (`PrecedenceRule`), how many
    rights of reply a delegation may have on an item and, unless None, the
    meeting's order of groups of States (their ids, first first; empty: by
    time of inscription). The waiting list keeps its order; *Apply the
    proposed order* puts it in the new one."""
    errors = {}
    groups = list(dict.fromkeys(group_order)) if group_order is not None else None
    if groups and StateGroup.objects.filter(pk__in=groups).count() != len(groups):
        errors["group_order"] = [_("There is no such group of States.")]
    if precedence not in PrecedenceRule.values:
        errors["precedence"] = [_("Choose how the meeting orders its statements.")]
    if not 1 <= replies_per_item <= MOST_REPLIES_PER_ITEM:
        errors["replies_per_item"] = [
            _("Give between 1 and %(most)d rights of reply.") % {"most": MOST_REPLIES_PER_ITEM}
        ]
    if errors:
        raise ValidationError(errors)
    with changing(meeting) as floor:
        floor.precedence, floor.replies_per_item = precedence, replies_per_item
        changed = ["precedence", "replies_per_item", "updated_at"]
        if groups is not None:
            floor.group_order = groups
            changed.append("group_order")
        floor.save(update_fields=changed)
    return floor


@acts("meeting.chair", on="meeting")
def set_quotas(*, meeting: Meeting, quotas: Mapping[str, int | None], by: Any) -> None:
    """Set or, with None, lift the speaking-time quota of each group named (in seconds)."""
    known = {key for key, _name in speaking_groups()}
    unknown = set(quotas) - known
    if unknown:
        raise ValidationError({"group": [_("There is no such group.")]})
    negative = [key for key, seconds in quotas.items() if seconds is not None and seconds <= 0]
    if negative:
        raise ValidationError({key: [_("Give a positive time, or none.")] for key in negative})
    with changing(meeting):
        for group, seconds in quotas.items():
            if seconds is None:
                SpeakingQuota.objects.filter(meeting=meeting, group=group).delete()
            else:
                SpeakingQuota.objects.update_or_create(
                    meeting=meeting, group=group, defaults={"seconds": seconds}
                )
