"""The speaking timer, as arithmetic on stored timestamps.

Nothing counts in memory: the time spoken is worked out from the turn's row
whenever it is needed, so a server restarted in the middle of a statement
finds the timer where it was, still running or still paused. Starting and
pausing the timer are the domain's (`live.domain.timer`).
"""

from __future__ import annotations

import datetime

from convener.live.models import Turn


def time_spoken(turn: Turn, *, now: datetime.datetime) -> float:
    """Seconds the speaker has had the floor, not counting pauses."""
    if turn.running_since is None:
        return turn.elapsed
    return max(0.0, (now - turn.running_since).total_seconds())
