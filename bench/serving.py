"""What the HTTP benchmarks share: preparing the demo, serving it, loading it with wrk.

The benchmarks under bench/ import this module; it is not a benchmark itself.
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONVENER = ROOT / ".venv" / "bin" / "convener"
WORKERS = 2


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
        return shutil.which("wrk") or sys.exit("wrk did not install")
    sys.exit("This benchmark needs wrk: apt-get install wrk")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_url(
    variable: str = "CONVENER_BENCH_POSTGRES_URL", default_name: str = "convener_bench"
) -> str:
    """The benchmark's PostgreSQL database (the variable's, else the default); made if missing."""
    url = os.environ.get(variable, f"postgres://postgres@127.0.0.1:5432/{default_name}")
    import psycopg

    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return url


def load_demo(env: dict[str, str]) -> None:
    """The demo series and its accounts. Not through `convener demo`, which refuses a
    database server and a SECRET_KEY (it guards production installations): the
    benchmarks run with both, on data folders and databases of their own."""
    subprocess.run(
        [str(CONVENER), "migrate", "--no-input", "-v0"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    loader = "from convener.server.demo import prepare_demo; prepare_demo()"
    subprocess.run(
        [str(CONVENER), "shell", "-c", loader], env=env, check=True, stdout=subprocess.DEVNULL
    )


def prepare(env: dict[str, str]) -> None:
    load_demo(env)
    # Loading the demo queues background work (the statements' vectors): done
    # here, so that the server's own worker is idle while it is measured.
    subprocess.run(
        [str(CONVENER), "db_worker", "--batch", "--no-startup-delay", "-v0"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run(
        [str(CONVENER), "collectstatic", "--no-input", "-v0"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(CONVENER),
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--no-access-log",
        ],
        env={**env, "CONVENER_LOG_LEVEL": "warning"},
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("the server did not start")


def secretariat_cookie(port: int) -> str:
    """Sign in as the demo secretariat; its pages are rendered afresh on every request."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_url = f"http://127.0.0.1:{port}/accounts/login/"
    form = opener.open(login_url).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "username": "secretariat",
            "password": "gmg-2016-secretariat",
        }
    ).encode()
    opener.open(urllib.request.Request(login_url, data=data, headers={"Referer": login_url}))
    cookies = {cookie.name: cookie.value for cookie in jar}
    if "sessionid" not in cookies:
        sys.exit("could not sign in as the demo secretariat")
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def worker_memory_mb(server: subprocess.Popen) -> list[float]:
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        rss_kb = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))
        sizes.append(rss_kb / 1024)
    return sizes


def web_workers(server: subprocess.Popen) -> list[int]:
    """The process ids of the server's web workers (not the background task worker)."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    return [
        int(pid)
        for pid in children
        if b"worker" not in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    ]


def thread_count(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"Threads:\s+(\d+)", status).group(1))


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    return inodes


def postgres_client_ports(pid: int, server_port: int = 5432) -> list[int]:
    """The local ports of a process's TCP connections to PostgreSQL."""
    inodes = _socket_inodes(pid)
    ports = []
    for table in ("tcp", "tcp6"):
        for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            local, remote, inode = fields[1], fields[2], fields[9]
            if inode in inodes and int(remote.rsplit(":", 1)[1], 16) == server_port:
                ports.append(int(local.rsplit(":", 1)[1], 16))
    return ports


def sqlite_connections(pid: int, database: Path) -> int:
    """How many SQLite connections a process holds: its open descriptors of the file."""
    count = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            count += os.readlink(fd) == str(database)
    return count


def _duration_ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(
    wrk: str, url: str, concurrency: int, seconds: int, cookie: str = ""
) -> dict[str, float]:
    threads = min(concurrency, 2)
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    output = subprocess.run(
        [wrk, f"-t{threads}", f"-c{concurrency}", f"-d{seconds}s", "--latency", *headers, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.MULTILINE))
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    for percentile, text in latency.items():
        value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
        figures[f"p{percentile}"] = _duration_ms(value, unit)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["errors"] = float(errors.group(1)) if errors else 0.0
    # Requests wrk gave up on (2 s), which its rate and percentiles leave out.
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", output)
    figures["timeouts"] = float(timeouts.group(1)) if timeouts else 0.0
    return figures


SERVINGS = {
    "split": "as shipped: streams through the ASGI handler, pages as WSGI in 4 threads",
    "django-asgi": "Django's own ASGI handler for every request (CONVENER_SERVING=django-asgi)",
    "split-a2wsgi": "the split, with a2wsgi's WSGIMiddleware (4 threads) for the pages",
}


def parser(description: str, default_backends: str) -> argparse.ArgumentParser:
    """The options every HTTP benchmark takes; a benchmark may add its own."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--backends", default=default_backends)
    parser.add_argument(
        "--serving",
        choices=sorted(SERVINGS),
        default="split",
        help="how the server serves (a benchmark switch: production serves the split)",
    )
    return parser


def run(
    *,
    description: str,
    default_backends: str,
    columns: list[str],
    bench_backend: Callable[[str, dict[str, str], str, int], object],
    options: argparse.Namespace | None = None,
) -> None:
    """A benchmark's command line: parse options, print the machine and the table's
    head, then measure on each database in a fresh data folder."""
    if options is None:
        options = parser(description, default_backends).parse_args()
    wrk = ensure_wrk()
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"Server: convener serve, gunicorn, {WORKERS} workers; load: wrk, {options.duration} s each"
    )
    print(f"Serving: {options.serving}: {SERVINGS[options.serving]}")
    print(f"Load average before: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    print()
    print("| " + " | ".join(columns) + " |")
    print("|" + " --- |" * len(columns))
    with tempfile.TemporaryDirectory() as data_dir:
        base = {
            **os.environ,
            "CONVENER_DATA_DIR": data_dir,
            "SECRET_KEY": "bench-only",
            # Without Redis `convener serve` runs one worker (live updates could not
            # cross processes); the figures are for two.
            "REDIS_URL": os.environ.get("CONVENER_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"),
            "CONVENER_REDIS_PREFIX": "convener-bench",
            "CONVENER_SERVING": options.serving,
        }
        base.pop("DATABASE_URL", None)
        for backend in options.backends.split(","):
            env = dict(base)
            if backend == "postgres":
                env["DATABASE_URL"] = postgres_url()
            bench_backend(backend, env, wrk, options.duration)
    print(f"Load average after: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
