"""Benchmark of the public pages under the production server.

Serves the demo with `convener serve` (gunicorn, 2 workers) on SQLite and on
PostgreSQL, loads the series page and a meeting page with wrk at concurrency
1 and 32, and prints requests per second, p50 and p99 latency, and the
largest resident memory of a worker. Each page is measured as the public
reads it (from the page cache) and as the signed-in secretariat reads it
(rendered on every request).

    python bench/pages [--duration SECONDS] [--backends sqlite,postgres]

Needs wrk (Debian package `wrk`; installed with apt-get when run as root) and,
for the PostgreSQL run, a server at CONVENER_BENCH_POSTGRES_URL (default
postgres://postgres@127.0.0.1:5432/convener_bench, created if missing).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import itertools
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONVENER = ROOT / ".venv" / "bin" / "convener"
PAGES = {
    "series page": "/series/gmg-2016/",
    "meeting page": "/series/gmg-2016/meetings/3/",
}
CONCURRENCY = (1, 32)
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


def bench_backend(name: str, env: dict[str, str], wrk: str, seconds: int) -> list[str]:
    prepare(env)
    port = free_port()
    server = start_server(env, port)
    rows = []
    readers = {"public": "", "secretariat (not cached)": secretariat_cookie(port)}
    try:
        for (page, path), (reader, cookie) in itertools.product(PAGES.items(), readers.items()):
            url = f"http://127.0.0.1:{port}{path}"
            run_wrk(wrk, url, 8, 2, cookie)  # warm the workers and their page caches
            for concurrency in CONCURRENCY:
                figures = run_wrk(wrk, url, concurrency, seconds, cookie)
                memory = worker_memory_mb(server)
                rows.append(
                    f"| {name} | {page} | {reader} | {concurrency} | {figures['rps']:.0f} | "
                    f"{figures['p50']:.1f} | {figures['p99']:.1f} | {int(figures['errors'])} | "
                    f"{max(memory):.0f} |"
                )
                print(rows[-1], flush=True)
    finally:
        server.terminate()
        server.wait(timeout=15)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--backends", default="sqlite,postgres")
    options = parser.parse_args()
    wrk = ensure_wrk()
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"Server: convener serve, gunicorn, {WORKERS} workers; load: wrk, {options.duration} s each"
    )
    print()
    print(
        "| database | page | reader | concurrency | requests/s | p50 ms | p99 ms | errors "
        "| worker RSS MB |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as data_dir:
        base = {**os.environ, "CONVENER_DATA_DIR": data_dir, "SECRET_KEY": "bench-only"}
        base.pop("DATABASE_URL", None)
        for backend in options.backends.split(","):
            env = dict(base)
            if backend == "postgres":
                env["DATABASE_URL"] = postgres_url()
            bench_backend(backend, env, wrk, options.duration)


if __name__ == "__main__":
    main()
