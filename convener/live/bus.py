"""Live updates: from the process that changed the floor to every screen that watches it.

`publish` is called once a floor change is committed (from
`transaction.on_commit`), in whatever thread made the change. The event stream
of each connected screen reads the meeting's updates through `subscription`.
Each payload is encoded to JSON, and framed as a server-sent event, once per
process, however many screens receive it: a screen's stream only writes the
bytes.

Without `REDIS_URL` every screen is served by the process that publishes, and
updates go from publisher to subscribers in memory, handed to each event loop
through `call_soon_threadsafe`. With `REDIS_URL`, a payload is published on the
meeting's Redis channel; each process holds one connection subscribed to the
channels of every meeting (a pattern) and fans each message out to its own
subscribers, so a change made in one process reaches the screens of all.
Channels are named `<prefix>:live:meeting:<id>`, the prefix of
`settings.CONVENER_REDIS_PREFIX` (`config.redis_prefix`).

A subscriber that falls `PENDING_LIMIT` updates behind (a stalled client) is
dropped, and so is every subscriber of a process whose Redis connection
fails: its iteration ends, the screen's stream closes, and the browser
reconnects and receives the current state at once. A process that stops drops
them all (`end_every_stream`), so that their browsers reconnect to another
process at once rather than when the server gives up waiting for them.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import weakref
from collections import deque
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, Protocol

import redis
import redis.asyncio
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder

from convener import config
from convener.server.health import is_draining

logger = logging.getLogger(__name__)

# Updates a subscriber may have waiting before it is dropped as stalled.
PENDING_LIMIT = 64


@dataclass(frozen=True)
class Update:
    """A published payload and its JSON, encoded once for every subscriber."""

    meeting_id: int
    payload: dict[str, Any]
    data: bytes  # the payload as JSON, UTF-8

    @classmethod
    def of(cls, meeting_id: int, payload: dict[str, Any]) -> Update:
        return cls(meeting_id, payload, encode(payload))

    @classmethod
    def decoded(cls, meeting_id: int, data: bytes) -> Update:
        return cls(meeting_id, json.loads(data), data)

    @property
    def version(self) -> Any:
        return self.payload.get("version")

    @cached_property
    def event(self) -> bytes:
        """The update as a server-sent `state` event, framed once for every stream
        (all of a process's subscribers share one event loop, where it is read)."""
        return state_event(self.data, self.version)

    @cached_property
    def room_event(self) -> bytes:
        """The update as the room's screens receive it (`room_state`), framed once too."""
        # Imported here: the bus is loaded before Django's models are, by
        # processes that only listen.
        from convener.live.queries.state import room_state

        return state_event(encode(room_state(self.payload)), self.version)


def encode(payload: dict[str, Any]) -> bytes:
    """Compact JSON in UTF-8, on one line (as a server-sent event's data must be)."""
    return json.dumps(payload, cls=DjangoJSONEncoder, separators=(",", ":")).encode()


def state_event(data: bytes, version: Any) -> bytes:
    """A `state` event of the stream: the JSON, and the version as the event's `id`.
    Bytes, not text: Django would otherwise look up the charset for every screen."""
    event_id = b"id: %s\n" % str(version).encode() if version is not None else b""
    return b"event: state\n" + event_id + b"data: " + data + b"\n\n"


_DROPPED = object()  # queued for a subscriber to end its iteration


@dataclass(eq=False)
class Subscription:
    """One screen's updates of one meeting, in order; iterate it in its event loop.

    Delivering costs an append, and waking the stream's task if it waits: a
    deque and one future, not an `asyncio.Queue` (whose bookkeeping of
    unfinished tasks and getters each of thousands of screens would pay on
    every update).
    """

    meeting_id: int
    loop: asyncio.AbstractEventLoop
    _pending: deque[Any] = field(default_factory=deque)
    _waiter: asyncio.Future[None] | None = None
    dropped: bool = False

    def deliver(self, update: Update) -> None:
        """Queue an update; called in the subscription's event loop."""
        if self.dropped:
            return
        if len(self._pending) >= PENDING_LIMIT:
            logger.info("live updates of meeting %s: dropped a stalled subscriber", self.meeting_id)
            self.drop()
            return
        self._put(update)

    def drop(self) -> None:
        """End the iteration after the updates already queued; called in the event loop."""
        if not self.dropped:
            self.dropped = True
            self._put(_DROPPED)

    def wake(self) -> None:
        """Make the iteration yield None once (a heartbeat is due); called in the event loop."""
        if not self.dropped:
            self._put(None)

    def _put(self, item: Any) -> None:
        self._pending.append(item)
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def __aiter__(self) -> Subscription:
        return self

    async def __anext__(self) -> Update | None:
        while not self._pending:
            self._waiter = self.loop.create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
        item = self._pending.popleft()
        if item is _DROPPED:
            raise StopAsyncIteration
        return item


def _deliver_all(subscriptions: Iterable[Subscription], update: Update) -> None:
    for subscription in subscriptions:
        subscription.deliver(update)


class Bus(Protocol):
    def publish(self, meeting_id: int, payload: dict[str, Any]) -> None: ...

    async def attach(self, subscription: Subscription) -> None: ...

    def detach(self, subscription: Subscription) -> None: ...


class InProcessBus:
    """Fan-out in memory, to the subscribers of this process only."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscriptions: dict[int, set[Subscription]] = {}

    def publish(self, meeting_id: int, payload: dict[str, Any]) -> None:
        with self._lock:
            subscriptions = list(self._subscriptions.get(meeting_id, ()))
        if not subscriptions:
            return
        update = Update.of(meeting_id, payload)
        by_loop: dict[asyncio.AbstractEventLoop, list[Subscription]] = {}
        for subscription in subscriptions:
            by_loop.setdefault(subscription.loop, []).append(subscription)
        # One hand-off per event loop, not one per subscriber: each wakes the loop.
        for loop, group in by_loop.items():
            try:
                loop.call_soon_threadsafe(_deliver_all, group, update)
            except RuntimeError:  # the loop has closed: its subscribers are gone
                with self._lock:
                    for subscription in group:
                        self._discard(subscription)

    async def attach(self, subscription: Subscription) -> None:
        with self._lock:
            self._subscriptions.setdefault(subscription.meeting_id, set()).add(subscription)

    def detach(self, subscription: Subscription) -> None:
        with self._lock:
            self._discard(subscription)

    def _discard(self, subscription: Subscription) -> None:
        subscriptions = self._subscriptions.get(subscription.meeting_id)
        if subscriptions is not None:
            subscriptions.discard(subscription)
            if not subscriptions:
                del self._subscriptions[subscription.meeting_id]


class RedisBus:
    """Fan-out through Redis pub/sub, to the subscribers of every process."""

    def __init__(self, url: str, prefix: str) -> None:
        self.url = url
        self.prefix = prefix
        self._publisher = redis.Redis.from_url(url)
        # One listener per event loop: a server process runs one loop.
        self._listeners: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _RedisListener] = (
            weakref.WeakKeyDictionary()
        )

    def channel(self, meeting_id: int) -> str:
        return f"{self.prefix}:live:meeting:{meeting_id}"

    @property
    def pattern(self) -> str:
        """The channels of every meeting."""
        return f"{self.prefix}:live:meeting:*"

    def publish(self, meeting_id: int, payload: dict[str, Any]) -> None:
        try:
            self._publisher.publish(self.channel(meeting_id), encode(payload))
        except redis.RedisError:
            # The change is committed; screens catch up when their streams reconnect.
            logger.exception("live update of meeting %s not published", meeting_id)

    async def attach(self, subscription: Subscription) -> None:
        listener = self._listeners.get(subscription.loop)
        if listener is None or listener.finished:
            listener = _RedisListener(self.url, self.pattern, name=f"{self.prefix}:live")
            self._listeners[subscription.loop] = listener
        await listener.add(subscription)

    def detach(self, subscription: Subscription) -> None:
        listener = self._listeners.get(subscription.loop)
        if listener is not None:
            listener.remove(subscription)

    def close(self) -> None:
        """Release the publishing connections (the listeners end with their loops)."""
        self._publisher.close()


class _RedisListener:
    """This event loop's one Redis connection, subscribed to every meeting's channel."""

    def __init__(self, url: str, pattern: str, *, name: str) -> None:
        self._url = url
        self._pattern = pattern
        self._name = name  # of the connection, as Redis lists its clients
        self._subscriptions: dict[int, set[Subscription]] = {}
        self._subscribed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.finished = False

    async def add(self, subscription: Subscription) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._listen())
        if not self._subscribed.is_set():
            await self._confirmed()
        if self.finished:
            subscription.drop()
            return
        self._subscriptions.setdefault(subscription.meeting_id, set()).add(subscription)

    async def _confirmed(self) -> None:
        """Wait for Redis to confirm the pattern (or for the connection to fail).

        From then on every update published reaches the subscriptions added, so
        none falls between the state a stream sends first and the updates that
        follow it.
        """
        assert self._task is not None
        confirmation = asyncio.ensure_future(self._subscribed.wait())
        await asyncio.wait({confirmation, self._task}, return_when=asyncio.FIRST_COMPLETED)
        confirmation.cancel()

    def remove(self, subscription: Subscription) -> None:
        subscriptions = self._subscriptions.get(subscription.meeting_id)
        if subscriptions is not None:
            subscriptions.discard(subscription)
            if not subscriptions:
                del self._subscriptions[subscription.meeting_id]

    async def _listen(self) -> None:
        client = redis.asyncio.Redis.from_url(self._url, client_name=self._name)
        pubsub = client.pubsub()
        try:
            await pubsub.psubscribe(self._pattern)
            async for message in pubsub.listen():
                if message["type"] == "psubscribe":
                    if self._subscribed.is_set():
                        # Subscribed again after a lost connection: updates
                        # may have been missed, so every screen starts afresh.
                        self._drop_all()
                    self._subscribed.set()
                elif message["type"] == "pmessage":
                    self._dispatch(message["channel"], message["data"])
        except redis.RedisError:
            logger.exception("live updates: the Redis subscription failed")
        finally:
            self.finished = True
            self._drop_all()
            await pubsub.aclose()
            await client.aclose()

    def _drop_all(self) -> None:
        for subscriptions in self._subscriptions.values():
            for subscription in subscriptions:
                subscription.drop()
        self._subscriptions.clear()

    def _dispatch(self, channel: bytes, data: bytes) -> None:
        try:
            meeting_id = int(channel.rsplit(b":", 1)[1])
            subscriptions = self._subscriptions.get(meeting_id)
            update = Update.decoded(meeting_id, data) if subscriptions else None
        except ValueError:  # not a meeting's channel, or not JSON: nothing to send
            logger.warning("live updates: ignored a malformed message on %r", channel)
            return
        if subscriptions and update is not None:
            _deliver_all(list(subscriptions), update)


@cache
def bus() -> Bus:
    """The bus of this process, chosen by `REDIS_URL`."""
    url = config.get("REDIS_URL")
    if url:
        return RedisBus(url, settings.CONVENER_REDIS_PREFIX)
    return InProcessBus()


def publish(meeting_id: int, payload: dict[str, Any]) -> None:
    """Send a meeting's update to every subscriber, in every process. Any thread."""
    bus().publish(meeting_id, payload)


# The subscriptions open in this process.
_open: set[Subscription] = set()


@asynccontextmanager
async def subscription(meeting_id: int) -> AsyncIterator[Subscription]:
    """The meeting's updates published from the moment this block is entered;
    none, and the iteration ends at once, in a process that is stopping."""
    current = Subscription(meeting_id, asyncio.get_running_loop())
    await bus().attach(current)
    _open.add(current)
    if is_draining():
        current.drop()
    try:
        yield current
    finally:
        _open.discard(current)
        bus().detach(current)


def end_every_stream() -> int:
    """End the iteration of every subscription of this process, after the updates
    already queued: the process is stopping (`server.health.start_draining`).
    Any thread; how many were open."""
    ending = list(_open)
    for current in ending:
        try:
            current.loop.call_soon_threadsafe(current.drop)
        except RuntimeError:  # its loop has closed: the stream is gone already
            continue
    logger.info("Stopping: ended %d live stream(s), to reconnect elsewhere.", len(ending))
    return len(ending)
