"""Benchmark of the pages under the production server.

Serves the demo with `convener serve` (gunicorn, 2 workers) on SQLite and on
PostgreSQL, loads pages of the meeting of 13 July 2016 and its series with
wrk at concurrency 1 and 32, and prints requests per second, p50 and p99
latency, and the largest resident memory of a worker. The public pages (the
series page, the meeting page) are measured as the public reads them (from
the page cache) and as the signed-in secretariat reads them; the workspace's
screens (the programme builder, the record screen) as the secretariat, the
meeting reopened (the demo has it reported, its programme and record final).

    python bench/pages [--duration SECONDS] [--backends sqlite,postgres]
                       [--pages series,meeting,programme,record]
                       [--readers public,secretariat] [--serving split|django-asgi]
    python bench/pages --profile REQUESTS [--backends …] [--pages …]

`--profile` serves nothing: it reads each page signed in, in process, and
prints where its milliseconds go (SQL, templates, Markdown, permission checks;
`profile.py`, with pyinstrument, the `bench` extra).

`--serving django-asgi` serves every request through Django's own ASGI handler
instead of the split `convener serve` ships (a benchmark switch, to compare).

Needs wrk (Debian package `wrk`; installed with apt-get when run as root) and,
for the PostgreSQL run, a server at CONVENER_BENCH_POSTGRES_URL (default
postgres://postgres@127.0.0.1:5432/convener_bench, created if missing).
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# bench/ is not a package: its shared module is found through the path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from serving import (
    CONVENER,
    free_port,
    parser,
    postgres_url,
    prepare,
    run,
    run_wrk,
    secretariat_cookie,
    start_server,
    worker_memory_mb,
)

PUBLIC, SECRETARIAT = "public", "secretariat"
READERS = (PUBLIC, SECRETARIAT)
# Each page by its name on the command line: its label, its address and who reads it.
PAGES = {
    "series": ("series page", "/series/gmg-2016/", (PUBLIC, SECRETARIAT)),
    "meeting": ("meeting page", "/series/gmg-2016/meetings/3/", (PUBLIC, SECRETARIAT)),
    "programme": (
        "programme builder",
        "/manage/series/gmg-2016/meetings/3/programme/",
        (SECRETARIAT,),
    ),
    "record": ("record screen", "/manage/series/gmg-2016/meetings/3/records/", (SECRETARIAT,)),
}
SELECTED = {"pages": list(PAGES), "readers": list(READERS)}
CONCURRENCY = (1, 32)


# The demo's meetings are reported: their programme and record are final and
# the workspace refuses to edit them. The secretariat reopens the meeting, as it
# does to correct its record, so that its two screens answer (a PostgreSQL
# database kept from an earlier run has it reopened already).
REOPEN = """
from django.contrib.auth import get_user_model
from convener.meetings.domain.workflow import is_reported, reopen_meeting
from convener.meetings.models import Meeting
meeting = Meeting.objects.get(series__slug="gmg-2016", number=3)
secretariat = get_user_model().objects.get(username="secretariat")
if is_reported(meeting):
    reopen_meeting(meeting=meeting, by=secretariat, reason="Measured by bench/pages")
"""


def prepare_meeting(env: dict[str, str]) -> None:
    prepare(env)
    subprocess.run(
        [str(CONVENER), "shell", "-c", REOPEN], env=env, check=True, stdout=subprocess.DEVNULL
    )


def bench_backend(name: str, env: dict[str, str], wrk: str, seconds: int) -> list[str]:
    prepare_meeting(env)
    port = free_port()
    server = start_server(env, port)
    rows = []
    cookies = {PUBLIC: "", SECRETARIAT: secretariat_cookie(port)}
    try:
        for name_of_page, reader in itertools.product(SELECTED["pages"], SELECTED["readers"]):
            page, path, readers = PAGES[name_of_page]
            if reader not in readers:
                continue
            cookie = cookies[reader]
            url = f"http://127.0.0.1:{port}{path}"
            run_wrk(wrk, url, 8, 2, cookie)  # warm the workers and their page caches
            for concurrency in CONCURRENCY:
                figures = run_wrk(wrk, url, concurrency, seconds, cookie)
                memory = worker_memory_mb(server)
                rows.append(
                    f"| {name} | {page} | {reader} | {concurrency} | {figures['rps']:.0f} | "
                    f"{figures['p50']:.1f} | {figures['p99']:.1f} | {errors(figures)} | "
                    f"{max(memory):.0f} |"
                )
                print(rows[-1], flush=True)
    finally:
        stop(server)
    return rows


def stop(server: subprocess.Popen) -> None:
    """Stop the server; on a loaded machine its graceful stop may outlast the
    wait, and the next database's figures are worth more than its goodbye."""
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def errors(figures: dict[str, float]) -> str:
    """Answers other than 2xx or 3xx, and requests that timed out if any."""
    text = f"{int(figures['errors'])}"
    return f"{text} (+{int(figures['timeouts'])} timed out)" if figures["timeouts"] else text


def profile_backends(backends: list[str], requests: int) -> None:
    """`--profile`: each selected page read signed in, in a process of its own per database."""
    for backend in backends:
        with tempfile.TemporaryDirectory() as data_dir:
            env = {**os.environ, "CONVENER_DATA_DIR": data_dir, "SECRET_KEY": "bench-only"}
            env.pop("DATABASE_URL", None)
            if backend == "postgres":
                env["DATABASE_URL"] = postgres_url()
            prepare_meeting(env)
            print(f"## {backend}, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
            print()
            labels = {f"{PAGES[name][0]} ({backend})": PAGES[name][1] for name in SELECTED["pages"]}
            output = Path(tempfile.gettempdir()) / f"convener-pages-profile-{backend}.txt"
            subprocess.run(
                [
                    sys.executable,
                    str(Path(__file__).with_name("profile.py")),
                    "--paths",
                    json.dumps(labels),
                    "--requests",
                    str(requests),
                    "--output",
                    str(output),
                ],
                env=env,
                check=True,
            )


def main() -> None:
    description = __doc__.splitlines()[0]
    arguments = parser(description, "sqlite,postgres")
    arguments.add_argument(
        "--pages", default=",".join(PAGES), help=f"some of {', '.join(PAGES)}, comma-separated"
    )
    arguments.add_argument(
        "--readers",
        default=",".join(READERS),
        help="public, secretariat or both (the workspace's screens are read signed in only)",
    )
    arguments.add_argument(
        "--profile",
        type=int,
        metavar="REQUESTS",
        help="instead of serving, profile each page read signed in, in process, this many times",
    )
    options = arguments.parse_args()
    for selection, known in (("pages", PAGES), ("readers", READERS)):
        chosen = getattr(options, selection).split(",")
        if unknown := set(chosen) - set(known):
            arguments.error(f"unknown {selection}: {', '.join(sorted(unknown))}")
        SELECTED[selection] = chosen
    if options.profile:
        profile_backends(options.backends.split(","), options.profile)
        return
    run(
        options=options,
        description=description,
        default_backends="sqlite,postgres",
        columns=[
            "database",
            "page",
            "reader",
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
