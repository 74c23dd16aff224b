"""Lean live clients: asyncio protocols reading a meeting's event stream, in a process of their own.

Each client sends one GET, decodes the chunked body as it arrives and notes,
for each state event, when it arrived and which version it carried (the
event's `id`). Thousands of them share one process on the same cores as the
servers, so they do no more than that, in callbacks rather than coroutines.

Run as a script, this module is the benchmark's clients process: it reads
one command a line (JSON) on its standard input and answers each with one
line on its standard output, so the process that drives the chair never
shares an event loop or an interpreter lock with the clients:

    {"connect": N, "ports": [...], "path": "..."}  -> {"connected_in": s, "each": [s, ...]}
    {"await": version, "timeout": s}                -> {"times": [monotonic, ...]}
    {"close": true}                                 -> {"closed": true}

Arrival times are `time.monotonic()`, one clock for every process of the
machine, so the driver subtracts the time it started an action.
"""

from __future__ import annotations

import asyncio
import json
import re
import resource
import sys
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


# The `id` field of each state event. The stream's data is JSON on one line (a
# newline in it is escaped), so "\nid: " starts nothing else.
EVENT_ID = re.compile(rb"\nid: (\d+)\n")


class Client(asyncio.Protocol):
    """One screen. It reads the body as it comes, chunk-size lines and all: the
    server sends each event in a chunk of its own (a send each), so the blank
    line that ends an event is never split by the chunked coding, and the
    versions of the events received complete are found with one search."""

    def __init__(self, path: str, arrivals: Arrivals) -> None:
        self.path = path
        self.arrivals = arrivals
        self.started = time.monotonic()
        self.connected_in = 0.0  # seconds from connecting to the first state
        self.first_version: int | None = None
        self.ended = ""  # why the stream ended, if it did
        self.transport: Any = None  # uvloop's transports are not asyncio.Transport
        self._head_read = False
        self._pending = b""  # received after the last complete event

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self.transport.write(
            f"GET {self.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Accept: text/event-stream\r\n\r\n".encode()
        )

    def data_received(self, data: bytes) -> None:
        now = time.monotonic()
        pending = self._pending + data if self._pending else data
        end = pending.rfind(b"\n\n")
        if end == -1:
            self._pending = pending
            return
        self._pending = pending[end + 2 :]
        if not self._head_read and not self._read_head(pending):
            return
        for found in EVENT_ID.findall(pending, 0, end + 1):  # the complete events
            version = int(found)
            if self.first_version is None:
                self.first_version = version
                self.connected_in = now - self.started
            self.arrivals.arrived(version, now)

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.ended:
            self.ended = repr(exc) if exc else "end of stream"

    def _read_head(self, received: bytes) -> bool:
        if not received.startswith(b"HTTP/1.1 200"):
            self.ended = received.split(b"\r\n", 1)[0].decode()
            self.close()
            return False
        self._head_read = True
        return True

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()


async def connect(count: int, ports: list[int], path: str, arrivals: Arrivals) -> list[Client]:
    """Connect every client at once, spread evenly over the ports; wait for each one's
    first state."""
    loop = asyncio.get_running_loop()
    clients = [Client(path, arrivals) for _ in range(count)]
    started = time.monotonic()

    async def open_stream(client: Client, port: int) -> None:
        client.started = time.monotonic()
        try:
            await loop.create_connection(lambda: client, "127.0.0.1", port)
        except OSError as error:
            client.ended = repr(error)

    await asyncio.gather(
        *(open_stream(client, ports[i % len(ports)]) for i, client in enumerate(clients))
    )
    while any(client.first_version is None for client in clients):
        ended = [client.ended for client in clients if client.ended]
        if ended:
            raise ConnectionError(f"{len(ended)} clients could not connect, e.g. {ended[0]}")
        if time.monotonic() - started > 300:
            raise TimeoutError("the clients did not all connect in 5 minutes")
        await asyncio.sleep(0.05)
    return clients


async def serve_commands() -> None:
    """Answer the driver's commands (see the module's docstring) until its pipe closes."""
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=2**20)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    clients: list[Client] = []
    arrivals = Arrivals(clients=0)
    while line := await reader.readline():
        command = json.loads(line)
        try:
            if "connect" in command:
                arrivals = Arrivals(clients=command["connect"])
                started = time.monotonic()
                clients = await connect(
                    command["connect"], command["ports"], command["path"], arrivals
                )
                answer = {
                    "connected_in": time.monotonic() - started,
                    "each": [client.connected_in for client in clients],
                }
            elif "await" in command:
                version = command["await"]
                await asyncio.wait_for(arrivals.complete(version).wait(), command["timeout"])
                answer = {"times": arrivals.times.pop(version)}
            else:
                for client in clients:
                    client.close()
                clients = []
                answer = {"closed": True}
        except (ConnectionError, TimeoutError) as error:
            answer = {"error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


def main() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    try:
        import uvloop
    except ImportError:
        asyncio.run(serve_commands())
    else:
        uvloop.run(serve_commands())


if __name__ == "__main__":
    main()
