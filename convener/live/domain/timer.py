"""The speaking timer, as arithmetic on stored timestamps.

Nothing counts in memory: the time spoken is worked out from the turn's row
whenever it is needed, so a server restarted in the middle of a statement
finds the timer where it was, still running or still paused.
"""

from __future__ import annotations

import datetime

from convener.live.models import Turn


def time_spoken(turn: Turn, *, now: datetime.datetime) -> float:
    """Seconds the speaker has had the floor, not counting pauses."""
    if turn.running_since is None:
        return turn.elapsed
    return max(0.0, (now - turn.running_since).total_seconds())


def start(turn: Turn, *, now: datetime.datetime) -> None:
    """Run the timer from where it stands."""
    if turn.running_since is None:
        turn.running_since = now - datetime.timedelta(seconds=turn.elapsed)


def pause(turn: Turn, *, now: datetime.datetime) -> None:
    """Stop the timer and keep the time spoken so far."""
    if turn.running_since is not None:
        turn.elapsed = time_spoken(turn, now=now)
        turn.running_since = None
