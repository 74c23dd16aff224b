"""How long code takes, measured so that a busy machine does not fail a test.

Tests that bound the time of a piece of work (a renderer that must stay
linear, an import that must report its errors in one pass) measure the CPU
time of the thread doing it: other processes on the machine do not add to
it, while super-linear code still costs the same seconds it always did.
"""

import gc
import time
from collections.abc import Callable
from typing import Any


def cpu_timed(work: Callable[[], Any]) -> tuple[Any, float]:
    """What `work()` returns, and the CPU time this thread spent in it.

    The cyclic garbage collector is run before and held during the work: a
    collection that falls inside it walks every object the whole test process
    holds (after thousands of tests, a second or more), which is no cost of
    the work itself.
    """
    gc.collect()
    gc.disable()
    try:
        started = time.thread_time()
        result = work()
        return result, time.thread_time() - started
    finally:
        gc.enable()
