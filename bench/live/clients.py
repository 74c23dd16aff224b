"""Lean live clients: asyncio protocols reading a meeting's event stream.

Each client sends one GET, decodes the chunked body as it arrives and notes,
for each state event, when it arrived and which version it carried (the
event's `id`). A thousand of them share the benchmark's process with the
servers on the same cores, so they do no more than that, in callbacks rather
than coroutines.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Arrivals:
    """When each version reached each client."""

    clients: int
    times: dict[int, list[float]] = field(default_factory=lambda: defaultdict(list))
    _complete: dict[int, asyncio.Event] = field(default_factory=dict)

    def arrived(self, version: int, at: float) -> None:
        received = self.times[version]
        received.append(at)
        if len(received) == self.clients:
            self.complete(version).set()

    def complete(self, version: int) -> asyncio.Event:
        """Set once every client has the version."""
        if version not in self._complete:
            self._complete[version] = asyncio.Event()
            if len(self.times.get(version, ())) >= self.clients:
                self._complete[version].set()
        return self._complete[version]


class Client(asyncio.Protocol):
    def __init__(self, path: str, arrivals: Arrivals) -> None:
        self.path = path
        self.arrivals = arrivals
        self.started = time.monotonic()
        self.connected_in = 0.0  # seconds from connecting to the first state
        self.first_version: int | None = None
        self.ended = ""  # why the stream ended, if it did
        self.transport: Any = None  # uvloop's transports are not asyncio.Transport
        self._head_read = False
        self._raw = b""  # received, not yet decoded from chunks
        self._events = b""  # decoded, not yet split into events

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self.transport.write(
            f"GET {self.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Accept: text/event-stream\r\n\r\n".encode()
        )

    def data_received(self, data: bytes) -> None:
        now = time.monotonic()
        self._raw += data
        if not self._head_read and not self._read_head():
            return
        self._decode_chunks()
        while (end := self._events.find(b"\n\n")) != -1:
            event, self._events = self._events[:end], self._events[end + 2 :]
            version = event_version(event)
            if version is None:
                continue
            if self.first_version is None:
                self.first_version = version
                self.connected_in = now - self.started
            self.arrivals.arrived(version, now)

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.ended:
            self.ended = repr(exc) if exc else "end of stream"

    def _read_head(self) -> bool:
        end = self._raw.find(b"\r\n\r\n")
        if end == -1:
            return False
        head, self._raw = self._raw[:end], self._raw[end + 4 :]
        if not head.startswith(b"HTTP/1.1 200"):
            self.ended = head.split(b"\r\n", 1)[0].decode()
            self.close()
            return False
        self._head_read = True
        return True

    def _decode_chunks(self) -> None:
        """Move every complete chunk of the chunked transfer coding to the event buffer."""
        while (line_end := self._raw.find(b"\r\n")) != -1:
            size = int(self._raw[:line_end], 16)
            chunk_end = line_end + 2 + size
            if len(self._raw) < chunk_end + 2:
                return
            self._events += self._raw[line_end + 2 : chunk_end]
            self._raw = self._raw[chunk_end + 2 :]

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()


def event_version(event: bytes) -> int | None:
    """The `id` of a state event: the version of the floor it carries."""
    if event.startswith(b"id: "):
        start = 4
    else:
        found = event.find(b"\nid: ")
        if found == -1:
            return None  # a heartbeat
        start = found + 5
    end = event.find(b"\n", start)
    return int(event[start : end if end != -1 else None])
