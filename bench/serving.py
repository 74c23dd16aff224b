"""What the HTTP benchmarks share: preparing the demo, serving it, loading it with wrk.

The benchmarks under bench/ import this module; it is not a benchmark itself.
"""

from __future__ import annotations

import argparse
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


def postgres_url() -> str:
    url = os.environ.get(
        "CONVENER_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/convener_bench"
    )
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


def prepare(env: dict[str, str]) -> None:
    for command in (["demo", "--load-only"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([str(CONVENER), *command], env=env, check=True, stdout=subprocess.DEVNULL)


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
    return figures


def run(
    *,
    description: str,
    default_backends: str,
    columns: list[str],
    bench_backend: Callable[[str, dict[str, str], str, int], object],
) -> None:
    """A benchmark's command line: parse options, print the machine and the table's
    head, then measure on each database in a fresh data folder."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--backends", default=default_backends)
    options = parser.parse_args()
    wrk = ensure_wrk()
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"Server: convener serve, gunicorn, {WORKERS} workers; load: wrk, {options.duration} s each"
    )
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
        }
        base.pop("DATABASE_URL", None)
        for backend in options.backends.split(","):
            env = dict(base)
            if backend == "postgres":
                env["DATABASE_URL"] = postgres_url()
            bench_backend(backend, env, wrk, options.duration)
