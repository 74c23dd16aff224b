"""Speaking time, where the floor's timer recorded it: by kind of speaker,
by regional group and by recorded gender."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

from convener.participation.queries.rows import Figure, Row
from convener.participation.queries.speakers import (
    SpeakerKind,
    counted_rows,
    gender_labels,
    group_labels,
    speaker_kind,
)
from convener.records.models import Intervention


def _minutes(
    turns: list[Intervention],
    seconds: dict[int, float],
    key: Callable[[Intervention], str],
    labels: dict[str, str],
) -> tuple[Row, ...]:
    """Minutes recorded, summed by `key`, in the order of `labels`."""
    minutes: dict[str, float] = {}
    for turn in turns:
        if turn.pk in seconds:
            minutes[key(turn)] = minutes.get(key(turn), 0.0) + seconds[turn.pk] / 60
    return tuple(Row(row.label, round(row.value, 1)) for row in counted_rows(minutes, labels))


def speaking_time_figures(turns: list[Intervention], seconds: dict[int, float]) -> list[Figure]:
    """Speaking time by kind of speaker, by regional group and by gender."""
    states = [turn for turn in turns if turn.state is not None]
    return [
        Figure(
            "speaking-time",
            _("Speaking time by kind of speaker"),
            _("Minutes spoken, as the floor's timer recorded them, by kind of speaker."),
            _("Kind of speaker"),
            _("Minutes"),
            _minutes(turns, seconds, speaker_kind, SpeakerKind.labels()),
        ),
        Figure(
            "speaking-time-regional-groups",
            _("Speaking time of States by regional group"),
            _("Minutes States spoke, as the floor's timer recorded them, by regional group."),
            _("Regional group"),
            _("Minutes"),
            _minutes(
                states,
                seconds,
                lambda turn: turn.state.regional_group if turn.state else "",
                group_labels(),
            ),
        ),
        Figure(
            "speaking-time-gender",
            _("Speaking time by recorded gender of the speaker"),
            _("Minutes spoken, as the floor's timer recorded them, by the speaker's gender."),
            _("Gender"),
            _("Minutes"),
            _minutes(
                turns,
                seconds,
                lambda turn: turn.speaker.gender if turn.speaker else "",
                gender_labels(),
            ),
        ),
    ]
