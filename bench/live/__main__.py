"""Benchmark of live updates: how long a chair's action takes to reach every screen.

Starts two `convener serve` processes (one worker each) on the demo's SQLite
database, sharing updates through Redis, and connects N live clients to the
event stream of the 13 July 2016 meeting, half to each process. Then the
chair (the demo's chair account, through the floor's domain functions in
this process) gives the floor to each speaker of the programme in turn and
pauses, resumes and extends their timer. For each action it times how long
until each client has the new state (matched by the state's version),
counted from the start of the action, which commits, reads the state and
publishes it. Prints, for each N: the time to connect every client, p50, p99
and max of the time to each client and of the time until every client has
the update, and the resident memory of each server process before and after
the clients connected.

    python bench/live [--clients 100,500,1000] [--updates 100] [--redis URL]

Needs Redis (default redis://127.0.0.1:6379/0; its keys and channels get a
prefix of their own).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

# bench/ is not a package: its shared module is found through the path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from chair import Chair, set_up_django
from clients import Arrivals, Client
from serving import CONVENER, free_port, worker_memory_mb

SERIES, MEETING = "gmg-2016", 3
EVENTS = f"/live/series/{SERIES}/meetings/{MEETING}/events/"
PROCESSES = 2
UPDATE_TIMEOUT = 30  # seconds for every client to have an update


def raise_open_file_limit() -> int:
    """As many sockets as the system allows; the servers inherit the limit."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


def start_servers(env: dict[str, str], log: Path) -> tuple[list[subprocess.Popen], list[int]]:
    ports = [free_port() for _ in range(PROCESSES)]
    servers = []
    with log.open("a") as output:
        for port in ports:
            servers.append(
                subprocess.Popen(
                    [
                        str(CONVENER),
                        *("serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"),
                        "--no-access-log",
                    ],
                    env=env,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                )
            )
    for port in ports:
        _wait_until_streaming(port, log)
    return servers, ports


def _wait_until_streaming(port: int, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{EVENTS}", timeout=5):
                return  # the headers came: it streams
        except OSError:
            time.sleep(0.2)
    sys.exit(f"the server on port {port} did not start:\n{log.read_text()[-3000:]}")


def stop(servers: list[subprocess.Popen]) -> None:
    for server in servers:
        server.terminate()
    for server in servers:
        server.wait(timeout=30)


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


async def connect(count: int, ports: list[int], arrivals: Arrivals) -> tuple[list[Client], float]:
    """Connect every client at once, half to each server; wait for each one's first state."""
    loop = asyncio.get_running_loop()
    clients = [Client(EVENTS, arrivals) for _ in range(count)]
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
            sys.exit(f"{len(ended)} clients could not connect, e.g. {ended[0]}")
        if time.monotonic() - started > 300:
            sys.exit("the clients did not all connect in 5 minutes")
        await asyncio.sleep(0.05)
    return clients, time.monotonic() - started


@dataclass
class Timings:
    """Seconds, per chair's action, from its start."""

    acted: list[float] = field(default_factory=list)  # until the action returned
    first: list[float] = field(default_factory=list)  # until the first client had it
    everyone: list[float] = field(default_factory=list)  # until the last client had it
    each: list[float] = field(default_factory=list)  # until each client had it, all actions

    def add(self, acted: float, arrivals: list[float]) -> None:
        self.acted.append(acted)
        self.first.append(min(arrivals))
        self.everyone.append(max(arrivals))
        self.each.extend(arrivals)


async def measure(
    count: int, updates: int, servers: list[subprocess.Popen], ports: list[int], chair: Chair
) -> dict[str, float]:
    arrivals = Arrivals(clients=count)
    clients, connected_in = await connect(count, ports, arrivals)
    figures = {
        "connect s": connected_in,
        "connect p99 ms": 1000 * percentile([client.connected_in for client in clients], 0.99),
    }
    for number, server in enumerate(servers):
        figures[f"RSS MB {number} connected"] = max(worker_memory_mb(server))
    try:
        timings = await time_actions(chair, arrivals, updates)
    finally:
        for client in clients:
            client.close()
    figures["action p50 ms"] = 1000 * statistics.median(timings.acted)
    figures["to first p50 ms"] = 1000 * statistics.median(timings.first)
    for name, values in (("to each", timings.each), ("to all", timings.everyone)):
        figures[f"{name} p50 ms"] = 1000 * statistics.median(values)
        figures[f"{name} p99 ms"] = 1000 * percentile(values, 0.99)
        figures[f"{name} max ms"] = 1000 * max(values)
    return figures


async def time_actions(chair: Chair, arrivals: Arrivals, updates: int) -> Timings:
    """Let the chair act `updates` times; time each action until every client has it."""
    loop = asyncio.get_running_loop()
    # The chair's database work runs beside the event loop, which keeps reading.
    executor = ThreadPoolExecutor(max_workers=1)

    async def run(function):  # type: ignore[no-untyped-def]
        return await loop.run_in_executor(executor, function)

    async def every_client_has(version: int) -> None:
        await asyncio.wait_for(arrivals.complete(version).wait(), UPDATE_TIMEOUT)

    timings = Timings()
    actions = await run(chair.turn_actions)
    try:
        while len(timings.acted) < updates:
            if await run(chair.list_is_empty):
                await run(chair.inscribe_speakers)  # not measured: several updates at once
                await every_client_has(await run(chair.version))
            for _label, action in actions[: updates - len(timings.acted)]:
                started = time.monotonic()
                await run(action)
                acted = time.monotonic() - started
                version = await run(chair.version)
                await every_client_has(version)
                timings.add(acted, [at - started for at in arrivals.times[version]])
                await asyncio.sleep(0.2)
    finally:
        executor.shutdown()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", default="100,500,1000", help="comma-separated Ns")
    parser.add_argument("--updates", type=int, default=100, help="chair actions measured per N")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    options = parser.parse_args()
    limit = raise_open_file_limit()
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"Servers: {PROCESSES} x convener serve (gunicorn + uvicorn, 1 worker), SQLite, Redis; "
        f"clients: asyncio in one process (open files {limit}); {options.updates} actions per N"
    )
    print()
    columns = [
        "clients",
        "connect all s",
        "connect p99 ms",
        "action p50 ms",
        "to first p50 ms",
        "to each p50 ms",
        "to each p99 ms",
        "to all p50 ms",
        "to all p99 ms",
        "to all max ms",
        "worker RSS MB (idle → connected)",
    ]
    print("| " + " | ".join(columns) + " |")
    print("|" + " --- |" * len(columns))
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            **os.environ,
            "CONVENER_DATA_DIR": data_dir,
            "SECRET_KEY": "bench-only",
            "REDIS_URL": options.redis,
            "CONVENER_REDIS_PREFIX": f"convener-bench-{uuid.uuid4().hex[:8]}",
            "CONVENER_LOG_LEVEL": "warning",
        }
        env.pop("DATABASE_URL", None)
        subprocess.run(
            [str(CONVENER), "demo", "--load-only"], env=env, check=True, stdout=subprocess.DEVNULL
        )
        set_up_django(env)
        chair = Chair(SERIES, MEETING)
        chair.open_meeting()
        for count in (int(n) for n in options.clients.split(",")):
            servers, ports = start_servers(env, Path(data_dir) / "servers.log")
            try:
                idle = [max(worker_memory_mb(server)) for server in servers]
                figures = run_loop(measure(count, options.updates, servers, ports, chair))
            finally:
                stop(servers)
            print(row(count, idle, figures), flush=True)


def run_loop(coroutine):  # type: ignore[no-untyped-def]
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


def row(count: int, idle: list[float], figures: dict[str, float]) -> str:
    timings = [
        f"{figures['connect s']:.1f}",
        *(
            f"{figures[name]:.0f}"
            for name in (
                "connect p99 ms",
                "action p50 ms",
                "to first p50 ms",
                "to each p50 ms",
                "to each p99 ms",
                "to all p50 ms",
                "to all p99 ms",
                "to all max ms",
            )
        ),
    ]
    memory = ", ".join(
        f"{before:.0f} → {figures[f'RSS MB {number} connected']:.0f}"
        for number, before in enumerate(idle)
    )
    return f"| {count} | " + " | ".join(timings) + f" | {memory} |"


if __name__ == "__main__":
    main()
