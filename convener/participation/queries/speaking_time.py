"""Speaking time as the floor's timer recorded it.

The timer belongs to the live floor (`convener.live`), an app above this one:
it registers its reader here when it starts, as the architecture has higher
apps do, so the figures count time where it was recorded and say so where it
was not (a record typed in after the meeting has no time).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

# Seconds spoken by intervention key, for the interventions given whose turn
# on the floor ended with its time recorded; the others are left out.
Reader = Callable[[Sequence[int]], dict[int, float]]

_readers: list[Reader] = []


def register_speaking_time(reader: Reader) -> None:
    if reader not in _readers:
        _readers.append(reader)


def seconds_spoken(intervention_ids: Sequence[int]) -> dict[int, float]:
    """The seconds recorded for each of the interventions that has them."""
    seconds: dict[int, float] = {}
    for reader in _readers:
        seconds.update(reader(intervention_ids))
    return seconds
