"""A meeting's live event stream: the state of the floor, then every change (Server-Sent Events).

Anyone who may read the meeting (`meetings.queries.visibility`) may follow it:
the projector in the room, delegates' screens, the public. The stream sends
the current state (`live.queries.state.live_state`) at once as an event
`state`, then each payload published on the bus for the meeting as another
`state` event, whose `id` is the payload's `version`. A payload whose version
is not newer than the last one sent is skipped: two changes committed at once
in two processes may reach the bus out of order, and a screen must not step
back. The room's screens receive the state without the turns given
(`live.queries.state.room_state`); the chair's and the rapporteur's desks ask
for them with `?with=turns`. A comment line every `HEARTBEAT_SECONDS` keeps
proxies from closing a quiet connection (and lets the server notice a screen
that has gone).
Browsers reconnect by themselves after the delay the stream names (`retry`,
under a second) and then receive the current state at once, so nothing else
needs replaying. A process that stops ends its streams (`bus.end_every_stream`),
and its browsers reconnect to another.

Served as WSGI (Django's test client, a WSGI server), the stream sends the
state alone and ends: the browser's reconnections then poll for it.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from typing import Any

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)

from convener.audit.actors import AnyUser
from convener.live import bus
from convener.live.queries import state as floor_state
from convener.live.state_reads import StateReads
from convener.meetings.models import Meeting
from convener.meetings.queries.visibility import visible_meetings

HEARTBEAT_SECONDS = 15.0
# `?with=` this: the stream of a desk that lists the turns given.
WITH_TURNS = "turns"
# The reconnection delay each stream names, drawn in this range: the screens of
# a process that stops come back within a second, spread over the range
# rather than all in one instant.
RECONNECT_MS = range(300, 900)

HEADERS = {
    "Cache-Control": "no-cache",
    # nginx would otherwise hold the events back to fill its buffers.
    "X-Accel-Buffering": "no",
}


async def meeting_events(request: HttpRequest, slug: str, number: int) -> HttpResponseBase:
    user = await request.auser()
    meeting = await sync_to_async(_readable_meeting)(user, slug, number)
    with_turns = request.GET.get("with") == WITH_TURNS
    if isinstance(request, ASGIRequest):
        response: HttpResponseBase = EventStreamResponse(
            _events(meeting, with_turns=with_turns),
            content_type="text/event-stream",
            headers=HEADERS,
        )
    else:
        current = bus.Update.of(meeting.pk, await sync_to_async(_current_state)(meeting))
        response = HttpResponse(
            _retry() + _framed(current, with_turns=with_turns),
            content_type="text/event-stream",
            headers=HEADERS,
        )
    return response


class EventStreamResponse(StreamingHttpResponse):
    """A stream whose events are bytes already, served straight from its generator.

    Django's ASGI handler reads a streaming response through `__aiter__`, which
    wraps the content in two generators of its own, to turn each part into
    bytes: two more steps for each of thousands of screens on every update.
    """

    def __aiter__(self) -> AsyncIterator[bytes]:
        # Django's attribute for the content's iterator (set with the content).
        return self._iterator  # type: ignore[no-any-return]


def _readable_meeting(user: AnyUser, slug: str, number: int) -> Meeting:
    meeting = visible_meetings(user).filter(series__slug=slug, number=number).first()
    if meeting is None:
        raise Http404
    return meeting


def _current_state(meeting: Meeting) -> dict[str, Any]:
    return floor_state.live_state(meeting)


_state_reads = StateReads(_current_state)


async def _events(meeting: Meeting, *, with_turns: bool) -> AsyncIterator[bytes]:
    # Subscribed before the state is read: a change committed in between is
    # not lost, it arrives as the next event (or is skipped as no newer).
    async with bus.subscription(meeting.pk) as updates:
        current = await _state_reads.current(meeting)
        last_version = current.version
        yield _retry() + _framed(current, with_turns=with_turns)
        heartbeat = _Heartbeat(updates)
        try:
            async for update in updates:  # ends when the bus drops a stalled screen
                if update is None:
                    yield HEARTBEAT
                    continue
                version = update.version
                if _not_newer(version, last_version):
                    continue
                last_version = version
                yield _framed(update, with_turns=with_turns)
        finally:
            heartbeat.stop()


def _framed(update: bus.Update, *, with_turns: bool) -> bytes:
    """The update as this stream's screen receives it: a desk's, with the turns
    given, or the room's; either framed once for every stream of the process."""
    return update.event if with_turns else update.room_event


class _Heartbeat:
    """Wakes the stream every `HEARTBEAT_SECONDS`: one timer per stream, not one per event."""

    def __init__(self, subscription: bus.Subscription) -> None:
        self._subscription = subscription
        self._timer = subscription.loop.call_later(HEARTBEAT_SECONDS, self._beat)

    def _beat(self) -> None:
        self._subscription.wake()
        self._timer = self._subscription.loop.call_later(HEARTBEAT_SECONDS, self._beat)

    def stop(self) -> None:
        self._timer.cancel()


HEARTBEAT = b": heartbeat\n\n"


def _not_newer(version: Any, last_version: Any) -> bool:
    return isinstance(version, int) and isinstance(last_version, int) and version <= last_version


def _retry() -> bytes:
    return b"retry: %d\n" % random.choice(RECONNECT_MS)  # noqa: S311 (spreading, not secrecy)
