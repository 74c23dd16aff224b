"""Benchmark of live updates: how long a chair's action takes to reach every screen.

Starts N `convener serve` processes (`--processes`, one worker each, no
background task worker) on the demo's SQLite database, sharing updates
through Redis, and connects C live clients to the event stream of the 13
July 2016 meeting (the room's stream, which projectors and delegations'
phones read: the state without the turns given), spread evenly over the
processes. The clients run in a
process of their own (`clients.py`), not in the one that drives the chair,
with the open-file limit raised to the system's hard limit. Then the chair
(the demo's chair account, through the floor's domain functions in this
process) gives the floor to each speaker of the programme in turn and
pauses, resumes and extends their timer. For each action it times how long
until each client has the new state (matched by the state's version),
counted from the start of the action, which commits, reads the state and
publishes it. Prints one line for each C (the curve): the time to connect
every client, p50, p99 and max of the time to each client and of the time
until every client has the update, and the resident memory of each server
process before and after the clients connected.

    python bench/live [--clients 1000,2500,5000] [--processes 4] [--updates 100]
                      [--redis URL] [--database sqlite|postgres]
                      [--serving split|django-asgi|split-a2wsgi]

Needs Redis (default redis://127.0.0.1:6379/0; its keys and channels get a
prefix of their own). With `--database postgres`, a PostgreSQL server at
CONVENER_BENCH_LIVE_POSTGRES_URL (default
postgres://postgres@127.0.0.1:5432/convener_bench_live, created if missing).
It also prints what each server's web worker holds with the streams open:
threads (/proc/<pid>/status) and database connections (its open descriptors
of the SQLite file, or its TCP connections to PostgreSQL, checked against
pg_stat_activity). `--serving django-asgi` serves through Django's own ASGI
handler instead of the split `convener serve` ships (a benchmark switch).

N processes of their own rather than one `convener serve --workers N`: the
updates travel the same way (each worker process holds its own Redis
subscription and fans out to its own streams), but gunicorn's workers share
one listening socket and take connections as they come, so they would not
hold the same number of streams each; on ports of their own they do.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

# bench/ is not a package: its shared module is found through the path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from chair import Chair, set_up_django
from serving import (
    CONVENER,
    SERVINGS,
    free_port,
    load_demo,
    postgres_client_ports,
    postgres_url,
    sqlite_connections,
    thread_count,
    web_workers,
    worker_memory_mb,
)

SERIES, MEETING = "gmg-2016", 3
EVENTS = f"/live/series/{SERIES}/meetings/{MEETING}/events/"
CLIENTS = Path(__file__).resolve().parent / "clients.py"
UPDATE_TIMEOUT = 30  # seconds for every client to have an update


def raise_open_file_limit() -> int:
    """As many sockets as the system allows; the servers inherit the limit."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


def start_servers(
    processes: int, env: dict[str, str], log: Path
) -> tuple[list[subprocess.Popen], list[int]]:
    ports = [free_port() for _ in range(processes)]
    servers = []
    with log.open("a") as output:
        for port in ports:
            servers.append(
                subprocess.Popen(
                    [
                        str(CONVENER),
                        *("serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"),
                        *("--no-access-log", "--no-worker"),
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


@dataclass
class Database:
    """Where the servers keep their data, to count the connections a worker holds."""

    sqlite_file: Path | None = None
    postgres: str = ""

    def held(self, servers: list[subprocess.Popen]) -> dict[str, str]:
        """Threads and database connections of each server's web worker, and the
        connections PostgreSQL itself counts for them."""
        threads, connections, ports = [], [], []
        for server in servers:
            for pid in web_workers(server):
                threads.append(thread_count(pid))
                if self.sqlite_file is not None:
                    connections.append(sqlite_connections(pid, self.sqlite_file))
                else:
                    own = postgres_client_ports(
                        pid, urllib.parse.urlsplit(self.postgres).port or 5432
                    )
                    connections.append(len(own))
                    ports.extend(own)
        held = {
            "threads": ", ".join(map(str, threads)),
            "connections": ", ".join(map(str, connections)),
        }
        if self.postgres:
            import psycopg

            with psycopg.connect(self.postgres) as connection:
                (counted,) = connection.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE client_port = ANY(%s)", (ports,)
                ).fetchone()
            held["connections"] += f" (pg_stat_activity: {counted})"
        return held


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


class ClientsProcess:
    """The benchmark's clients, in a process of their own (see clients.py)."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, str(CLIENTS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, **command: object) -> dict:
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        self._process.stdin.write(json.dumps(command) + "\n")
        self._process.stdin.flush()
        answer = json.loads(self._process.stdout.readline() or '{"error": "the clients ended"}')
        if "error" in answer:
            sys.exit(f"clients: {answer['error']}")
        return answer

    @property
    def pid(self) -> int:
        return self._process.pid

    def stop(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait(timeout=60)


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


def measure(
    count: int,
    updates: int,
    servers: list[subprocess.Popen],
    ports: list[int],
    chair: Chair,
    database: Database,
    clients: ClientsProcess,
) -> dict[str, float | str]:
    connected = clients.ask(connect=count, ports=ports, path=EVENTS)
    time.sleep(1)  # let the streams' start settle
    held = database.held(servers)
    figures: dict[str, float | str] = {
        "threads connected": held["threads"],
        "connections connected": held["connections"],
        "connect s": connected["connected_in"],
        "connect p99 ms": 1000 * percentile(connected["each"], 0.99),
        "clients RSS MB": process_memory_mb(clients.pid),
    }
    for number, server in enumerate(servers):
        figures[f"RSS MB {number} connected"] = max(worker_memory_mb(server))
    processes = [pid for server in servers for pid in web_workers(server)] + [clients.pid]
    cpu_before = [cpu_seconds(pid) for pid in processes]
    try:
        timings = time_actions(chair, clients, updates)
        figures["CPU ms per action"] = [  # type: ignore[assignment]
            1000 * (cpu_seconds(pid) - before) / len(timings.acted)
            for pid, before in zip(processes, cpu_before, strict=True)
        ]
        held = database.held(servers)
        figures["threads after"] = held["threads"]
        figures["connections after"] = held["connections"]
    finally:
        clients.ask(close=True)
    figures["action p50 ms"] = 1000 * statistics.median(timings.acted)
    figures["to first p50 ms"] = 1000 * statistics.median(timings.first)
    for name, values in (("to each", timings.each), ("to all", timings.everyone)):
        figures[f"{name} p50 ms"] = 1000 * statistics.median(values)
        figures[f"{name} p99 ms"] = 1000 * percentile(values, 0.99)
        figures[f"{name} max ms"] = 1000 * max(values)
    return figures


def cpu_seconds(pid: int) -> float:
    """User and system time the process has used (/proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_memory_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


def time_actions(chair: Chair, clients: ClientsProcess, updates: int) -> Timings:
    """Let the chair act `updates` times; time each action until every client has it."""

    def every_client_has(version: int) -> list[float]:
        return clients.ask(timeout=UPDATE_TIMEOUT, **{"await": version})["times"]

    timings = Timings()
    actions = chair.turn_actions()
    while len(timings.acted) < updates:
        if chair.list_is_empty():
            chair.inscribe_speakers()  # not measured: several updates at once
            every_client_has(chair.version())
        for _label, action in actions[: updates - len(timings.acted)]:
            started = time.monotonic()
            action()
            acted = time.monotonic() - started
            arrivals = every_client_has(chair.version())
            timings.add(acted, [at - started for at in arrivals])
            time.sleep(0.2)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", default="1000,2500,5000", help="comma-separated Ns")
    parser.add_argument(
        "--processes", type=int, default=4, help="convener serve processes (1 worker each)"
    )
    parser.add_argument("--updates", type=int, default=100, help="chair actions measured per N")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--serving", choices=sorted(SERVINGS), default="split")
    options = parser.parse_args()
    limit = raise_open_file_limit()
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"Servers: {options.processes} x convener serve (gunicorn + uvicorn, 1 worker), "
        f"{options.database}, Redis; clients: asyncio (uvloop) in a process of their own "
        f"(open files {limit}); chair: this process; {options.updates} actions per N"
    )
    print(f"Serving: {options.serving}: {SERVINGS[options.serving]}")
    print(f"Load average before: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
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
        "CPU ms per action: each server, clients",
        "clients RSS MB",
        "load (1 min)",
        "worker threads (idle → connected → after)",
        "DB connections (idle → connected → after)",
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
            "CONVENER_SERVING": options.serving,
        }
        env.pop("DATABASE_URL", None)
        database = Database(sqlite_file=Path(data_dir) / "convener.sqlite3")
        if options.database == "postgres":
            url = postgres_url("CONVENER_BENCH_LIVE_POSTGRES_URL", "convener_bench_live")
            env["DATABASE_URL"] = url
            database = Database(postgres=url)
        load_demo(env)
        set_up_django(env)
        chair = Chair(SERIES, MEETING)
        chair.open_meeting()
        clients = ClientsProcess()
        try:
            for count in (int(n) for n in options.clients.split(",")):
                servers, ports = start_servers(
                    options.processes, env, Path(data_dir) / "servers.log"
                )
                try:
                    idle = [max(worker_memory_mb(server)) for server in servers]
                    idle_held = database.held(servers)
                    figures = measure(
                        count, options.updates, servers, ports, chair, database, clients
                    )
                finally:
                    stop(servers)
                print(row(count, idle, idle_held, figures), flush=True)
        finally:
            clients.stop()
    print(f"Load average after: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


def row(
    count: int, idle: list[float], idle_held: dict[str, str], figures: dict[str, float | str]
) -> str:
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
    held = [
        f"{idle_held[name]} → {figures[f'{name} connected']} → {figures[f'{name} after']}"
        for name in ("threads", "connections")
    ]
    cpu = ", ".join(f"{ms:.0f}" for ms in figures["CPU ms per action"])  # type: ignore[union-attr]
    others = [
        cpu,
        f"{figures['clients RSS MB']:.0f}",
        f"{os.getloadavg()[0]:.2f}",
    ]
    return f"| {count} | " + " | ".join([*timings, memory, *others, *held]) + " |"


if __name__ == "__main__":
    main()
