"""Starting and pausing the speaking timer, on the turn's stored timestamps.

The turn's row keeps when the timer last started and the time spoken before
it, so a server restarted in the middle of a statement finds the timer where
it was; `live.queries.timer` works out the time spoken and left. The actions
of `turns` save what these change.
"""

from __future__ import annotations

import datetime

from convener.live.models import Turn
from convener.live.queries.timer import time_spoken


def start(turn: Turn, *, now: datetime.datetime) -> None:
    """Run the timer from where it stands."""
    if turn.running_since is None:
        turn.running_since = now - datetime.timedelta(seconds=turn.elapsed)


def pause(turn: Turn, *, now: datetime.datetime) -> None:
    """Stop the timer and keep the time spoken so far."""
    if turn.running_since is not None:
        turn.elapsed = time_spoken(turn, now=now)
        turn.running_since = None
