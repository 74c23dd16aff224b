"""Speaking time per delegation and per group, from the turns given on the floor."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone

from convener.live.models import SpeakingQuota, Turn, speaking_group, speaking_groups
from convener.live.queries.timer import time_spoken
from convener.meetings.models import Meeting


@dataclass
class SpeakingTime:
    """The turns and seconds of one delegation or one group."""

    key: str
    name: str
    turns: int = 0
    seconds: float = 0.0
    quota: int | None = None
    group: str = ""

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

    @property
    def seconds(self) -> float:
        return sum(row.seconds for row in self.delegations)

    @property
    def turns(self) -> int:
        return sum(row.turns for row in self.delegations)

    @property
    def clock(self) -> str:
        return minutes_and_seconds(self.seconds)


def speaking_time_statistics(meeting: Meeting) -> SpeakingTimeStatistics:
    """Who spoke how long in the meeting, most time first; every group with a
    quota is listed, even one that has not spoken."""
    now = timezone.now()
    group_names = dict(speaking_groups())
    quotas = dict(SpeakingQuota.objects.filter(meeting=meeting).values_list("group", "seconds"))
    delegations: dict[str, SpeakingTime] = {}
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
        delegation = delegations.setdefault(
            inscription.delegation_key,
            SpeakingTime(
                key=inscription.delegation_key,
                name=str(inscription.delegation),
                group=str(group_names.get(group_key, group_key)),
            ),
        )
        group = groups.setdefault(
            group_key, SpeakingTime(key=group_key, name=str(group_names.get(group_key, group_key)))
        )
        for row in (delegation, group):
            row.turns += 1
            row.seconds += spoken
    return SpeakingTimeStatistics(
        delegations=_most_time_first(delegations.values()),
        groups=_most_time_first(groups.values()),
    )


def _most_time_first(rows: Iterable[SpeakingTime]) -> list[SpeakingTime]:
    return sorted(rows, key=lambda row: (-row.seconds, row.name))
