"""Reading a meeting's state once for every stream that starts at the same moment.

When a room full of screens connects at once (the meeting opens, a server
restarts and every browser reconnects), each stream would read the same
state from the database. Reads are pooled instead: a stream joins the read of
its meeting that has been asked for but not begun, or asks for one. A read
already under way is never joined, since it may have begun before the
stream subscribed to the bus, and an update published in between would then
be lost. Each read is encoded and framed, in each shape a screen receives,
once for all who share it, as a bus update is (`bus.Update`).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

from asgiref.sync import sync_to_async

from convener.live import bus
from convener.meetings.models import Meeting


class StateReads:
    def __init__(self, read: Callable[[Meeting], dict[str, Any]]) -> None:
        self._read = read
        self._lock = threading.Lock()  # taken by the event loop and by the reading thread
        self._asked: dict[int, asyncio.Future[bus.Update]] = {}  # by meeting: asked, not begun
        self._running: set[asyncio.Task[None]] = set()

    async def current(self, meeting: Meeting) -> bus.Update:
        """The meeting's state, read after this call began."""
        loop = asyncio.get_running_loop()
        with self._lock:
            asked = self._asked.get(meeting.pk)
            if asked is None or asked.get_loop() is not loop:
                asked = self._asked[meeting.pk] = loop.create_future()
                task = loop.create_task(self._fulfil(meeting, asked))
                self._running.add(task)
                task.add_done_callback(self._running.discard)
        # Shielded: a screen that goes away must not cancel the others' read.
        return await asyncio.shield(asked)

    async def _fulfil(self, meeting: Meeting, asked: asyncio.Future[bus.Update]) -> None:
        try:
            state = await sync_to_async(self._begin_and_read)(meeting, asked)
        except Exception as error:  # every stream waiting gets it
            asked.set_exception(error)
        else:
            asked.set_result(state)

    def _begin_and_read(self, meeting: Meeting, asked: asyncio.Future[bus.Update]) -> bus.Update:
        with self._lock:  # from here on, newcomers ask for a read of their own
            if self._asked.get(meeting.pk) is asked:
                del self._asked[meeting.pk]
        return bus.Update.of(meeting.pk, self._read(meeting))
