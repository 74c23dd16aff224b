"""Waiting for a state another thread or process brings about, with a deadline.

The deadline is generous (a busy machine is slow) and only fails the test when
the state never comes; a state that comes early ends the wait at once.
"""

import time
from collections.abc import Callable


def wait_until(condition: Callable[[], bool], *, seconds: float, what: str) -> None:
    """Return as soon as `condition()` is true; fail after `seconds` saying what was awaited."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.1)
