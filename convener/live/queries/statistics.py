"""Speaking time per delegation, per group and per purpose, from the turns
given on the floor, with the turns that ran over their limit.

A State speaking on behalf of a group of States is counted as that State,
with the group noted: two States that spoke for one group are two rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils import timezone

from convener.live.models import (
    Inscription,
    Purpose,
    SpeakingQuota,
    Turn,
    speaking_group,
    speaking_groups,
)
from convener.live.queries.timer import time_spoken
from convener.meetings.models import Meeting


@dataclass
class SpeakingTime:
    """The turns and seconds of one delegation, one group or one purpose, and
    how many of the turns ran over their limit."""

    key: str
    name: str
    turns: int = 0
    seconds: float = 0.0
    quota: int | None = None
    group: str = ""
    on_behalf_of: str = ""
    over_limit: int = 0

    @property
    def clock(self) -> str:
        """The time as minutes and seconds: 12:05."""
        return minutes_and_seconds(self.seconds)

    @property
    def quota_clock(self) -> str:
        return minutes_and_seconds(self.quota) if self.quota is not None else ""

    @property
    def over_quota(self) -> bool:
        return self.quota is not None and self.seconds > self.quota


def minutes_and_seconds(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


@dataclass
class SpeakingTimeStatistics:
    delegations: list[SpeakingTime] = field(default_factory=list)
    groups: list[SpeakingTime] = field(default_factory=list)
    purposes: list[SpeakingTime] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(row.seconds for row in self.delegations)

    @property
    def turns(self) -> int:
        return sum(row.turns for row in self.delegations)

    @property
    def over_limit(self) -> int:
        """The turns that ran over their limit (as the chair extended it)."""
        return sum(row.over_limit for row in self.delegations)

    @property
    def clock(self) -> str:
        return minutes_and_seconds(self.seconds)


def speaking_time_statistics(meeting: Meeting) -> SpeakingTimeStatistics:
    """Who spoke how long in the meeting, most time first; every group with a
    quota is listed, even one that has not spoken; what the turns were for,
    in the order of `Purpose`. A turn runs over its limit when it lasted
    longer than its limit, extensions included."""
    now = timezone.now()
    group_names = dict(speaking_groups())
    quotas = dict(SpeakingQuota.objects.filter(meeting=meeting).values_list("group", "seconds"))
    delegations: dict[str, SpeakingTime] = {}
    purpose_names = dict(Purpose.choices)
    purposes: dict[str, SpeakingTime] = {}
    groups = {
        key: SpeakingTime(key=key, name=str(group_names.get(key, key)), quota=seconds)
        for key, seconds in quotas.items()
    }
    turns = Turn.objects.filter(meeting=meeting).select_related(
        "inscription__state",
        "inscription__state_group",
        "inscription__organisation",
        "inscription__person",
    )
    for turn in turns:
        inscription = turn.inscription
        group_key = speaking_group(inscription)
        spoken = time_spoken(turn, now=now)
        key = _speaker_key(inscription)
        delegation = delegations.setdefault(
            key,
            SpeakingTime(
                key=key,
                name=str(inscription.state or inscription.delegation),
                group=str(group_names.get(group_key, group_key)),
                on_behalf_of=str(inscription.state_group or ""),
            ),
        )
        group = groups.setdefault(
            group_key, SpeakingTime(key=group_key, name=str(group_names.get(group_key, group_key)))
        )
        purpose = purposes.setdefault(
            inscription.purpose,
            SpeakingTime(
                key=inscription.purpose,
                name=str(purpose_names.get(inscription.purpose, inscription.purpose)),
            ),
        )
        over = round(spoken) > turn.limit
        for row in (delegation, group, purpose):
            row.turns += 1
            row.seconds += spoken
            row.over_limit += over
    order = list(Purpose.values)
    return SpeakingTimeStatistics(
        delegations=_most_time_first(delegations.values()),
        groups=_most_time_first(groups.values()),
        purposes=sorted(purposes.values(), key=lambda row: order.index(row.key)),
    )


def _speaker_key(inscription: Inscription) -> str:
    """Whose time a turn counts in: the State that spoke, even on behalf of a
    group (apart from its own statements), else whom it spoke for."""
    if inscription.state_group_id is not None and inscription.state_id is not None:
        return f"state:{inscription.state_id}:group:{inscription.state_group_id}"
    return inscription.delegation_key


def _most_time_first(rows: Iterable[SpeakingTime]) -> list[SpeakingTime]:
    return sorted(rows, key=lambda row: (-row.seconds, row.name))


def recorded_speaking_time(intervention_ids: Sequence[int]) -> dict[int, float]:
    """Seconds spoken in each of the interventions whose turn on the floor has
    ended: what participation's figures count as speaking time."""
    turns = Turn.objects.filter(intervention_id__in=intervention_ids, ended_at__isnull=False)
    return {
        turn.intervention_id: turn.elapsed
        for turn in turns.only("intervention_id", "elapsed", "running_since")
        if turn.intervention_id is not None
    }
