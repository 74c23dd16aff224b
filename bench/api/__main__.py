"""Benchmark of the REST API's main lists and of the calendar and schedule feeds.

Serves the demo with `convener serve` (gunicorn, 2 workers), loads each
address with wrk at concurrency 32 (and 1 for reference), and prints requests
per second, p50 and p99 latency and the largest worker's resident memory.

    python bench/api [--duration SECONDS] [--backends sqlite,postgres]

Needs wrk (Debian package `wrk`; installed with apt-get when run as root).
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ is not a package: its shared module is found through the path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from serving import (
    free_port,
    prepare,
    run,
    run_wrk,
    start_server,
    worker_memory_mb,
)

ADDRESSES = {
    "API: series": "/api/series",
    "API: meetings of a series": "/api/meetings?series=gmg-2016",
    "API: people of a series": "/api/people?series=gmg-2016",
    "API: interventions of a series": "/api/interventions?series=gmg-2016",
    "feed: series calendar (ICS)": "/series/gmg-2016/calendar.ics",
    "feed: schedule (XML)": "/series/gmg-2016/schedule.xml",
}
CONCURRENCY = (1, 32)


def bench_backend(name: str, env: dict[str, str], wrk: str, seconds: int) -> None:
    prepare(env)
    port = free_port()
    server = start_server(env, port)
    try:
        for label, path in ADDRESSES.items():
            url = f"http://127.0.0.1:{port}{path}"
            run_wrk(wrk, url, 8, 2)  # warm the workers
            for concurrency in CONCURRENCY:
                figures = run_wrk(wrk, url, concurrency, seconds)
                memory = max(worker_memory_mb(server))
                print(
                    f"| {name} | {label} | {concurrency} | {figures['rps']:.0f} | "
                    f"{figures['p50']:.1f} | {figures['p99']:.1f} | {int(figures['errors'])} | "
                    f"{memory:.0f} |",
                    flush=True,
                )
    finally:
        server.terminate()
        server.wait(timeout=15)


def main() -> None:
    run(
        description=__doc__.splitlines()[0],
        default_backends="sqlite",
        columns=[
            "database",
            "address",
            "concurrency",
            "requests/s",
            "p50 ms",
            "p99 ms",
            "errors",
            "worker RSS MB",
        ],
        bench_backend=bench_backend,
    )


if __name__ == "__main__":
    main()
