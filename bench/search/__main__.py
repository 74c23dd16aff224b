"""Benchmark of the search: indexing a large generated record and searching it through the API.

Generates a corpus of statements across series (bench/search/corpus.py: 100,000
across 50 by default), loads it into a fresh database, indexes its words and
its vectors (each timed), serves it with `convener serve` (gunicorn, 2
workers) and loads the search API with wrk, rotating through the labelled
queries (each asked again and again: the server remembers their vectors) and
then fresh questions, each asked once (every one embedded), for words,
meaning and combined at concurrency 1 and 8. Prints the
indexing times, p50 and p99 latency, the workers' resident memory and the
size of the vectors.

    python bench/search [--statements N] [--series S] [--embed M] [--duration SECONDS]
                        [--backends sqlite,postgres] [--keep FOLDER]
                        [--queries labelled,fresh]

`--embed M` embeds M statements only and extrapolates the time for all (see
bench/search/build.py). Needs wrk, and Redis for two workers.
"""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from corpus import fresh_queries  # noqa: E402
from serving import (  # noqa: E402
    CONVENER,
    WORKERS,
    _duration_ms,
    ensure_wrk,
    free_port,
    parser,
    postgres_url,
    start_server,
    worker_memory_mb,
)

MODES = ("words", "meaning", "combined")
QUESTIONS = {
    "labelled": "the 59 labelled queries in turn (each asked again: query vectors remembered)",
    "fresh": "fresh questions, each asked once (every query embedded)",
}
CONCURRENCY = (1, 8)
SEARCH_PATH = "/api/search"


def queries() -> list[str]:
    labelled = yaml.safe_load((HERE / "labelled_queries.yaml").read_text())
    return [entry["query"] for entry in labelled["demo"] + labelled["generated"]]


def machine() -> str:
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    memory = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
    return (
        f"{platform.machine()}, {os.cpu_count()} cores ({cpu.group(1) if cpu else 'unknown CPU'}), "
        f"{int(memory.group(1)) / 1024 / 1024:.1f} GB RAM, Python {platform.python_version()}"
    )


# Fresh questions per wrk run: more than any run asks (about 120 requests/s
# at best for 10 s), so that none is asked twice.
FRESH_PER_RUN = 3_000


class Questions:
    """What the load asks: the labelled queries in turn, each asked again and
    again (the server remembers their vectors after the first round), or
    `fresh` ones, never asked before in this run of the benchmark."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        runs = len(MODES) * (1 + len(CONCURRENCY))  # a warming run and one per concurrency
        self._fresh = iter(fresh_queries(FRESH_PER_RUN * runs)) if kind == "fresh" else None

    def next_run(self) -> list[str]:
        if self._fresh is None:
            return queries()
        return [next(self._fresh) for _ in range(FRESH_PER_RUN)]


def wrk_script(mode: str, texts: list[str], directory: Path) -> Path:
    """A wrk script asking the texts in turn, each of its threads from its own
    place in the list (the second from the middle)."""
    paths = [f"{SEARCH_PATH}?{urllib.parse.urlencode({'q': text, 'mode': mode})}" for text in texts]
    listed = ",\n".join(f'  "{path}"' for path in paths)
    script = directory / f"{mode}.lua"
    script.write_text(
        f"paths = {{\n{listed}\n}}\n"
        "local threads = 0\n"
        "function setup(thread)\n"
        "  threads = threads + 1\n"
        '  thread:set("first", (threads - 1) * math.floor(#paths / 2))\n'
        "end\n"
        "counter = 0\n"
        "request = function()\n"
        "  counter = counter + 1\n"
        "  local index = ((first or 0) + counter - 1) % #paths + 1\n"
        '  return wrk.format("GET", paths[index])\n'
        "end\n"
    )
    return script


def run_wrk(wrk: str, base: str, script: Path, concurrency: int, seconds: int) -> dict[str, float]:
    output = subprocess.run(
        [
            wrk,
            f"-t{min(concurrency, 2)}",
            f"-c{concurrency}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            str(script),
            base,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    for percentile, text in re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.MULTILINE):
        value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
        figures[f"p{percentile}"] = _duration_ms(value, unit)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["errors"] = float(errors.group(1)) if errors else 0.0
    return figures


def build(env: dict[str, str], options) -> dict[str, float]:
    """Load and index the corpus; with --keep, once: a second run reads the figures back."""
    figures_file = Path(env["CONVENER_DATA_DIR"]) / "bench-search.json"
    for step in ("migrate", "collectstatic"):
        subprocess.run(
            [str(CONVENER), step, "--no-input", "-v0"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    if options.keep and figures_file.exists():
        return json.loads(figures_file.read_text())
    command = [
        sys.executable,
        str(HERE / "build.py"),
        f"--statements={options.statements}",
        f"--series={options.series}",
        f"--embed={options.embed}",
    ]
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    figures_file.write_text(output.strip().splitlines()[-1])
    return json.loads(figures_file.read_text())


def in_process(env: dict[str, str], seconds: int, kind: str) -> None:
    """search_statements timed in one process, without HTTP (build.py --measure)."""
    command = [sys.executable, str(HERE / "build.py"), f"--measure={seconds}", f"--queries={kind}"]
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    print(f"In process (search_statements as the public, threads), {QUESTIONS[kind]}:")
    print()
    print("| mode | concurrency | searches | p50 ms | p99 ms |")
    print("| --- | --- | --- | --- | --- |")
    for key, result in figures.items():
        mode, concurrency = key.split("/")
        print(
            f"| {mode} | {concurrency} | {result['searches']} | {result['p50']:.1f} | "
            f"{result['p99']:.1f} |",
            flush=True,
        )
    print()


def served(base: str) -> bool:
    """Whether the server answers the search address (it may predate it)."""
    try:
        with urllib.request.urlopen(f"{base}{SEARCH_PATH}?q=migration", timeout=60):
            return True
    except urllib.error.HTTPError:
        return False


def fresh_postgres(*, keep: bool) -> str:
    """The benchmark's PostgreSQL database, emptied unless it is kept."""
    url = postgres_url(default_name="convener_bench_search")
    if not keep:
        import psycopg

        admin_url, name = url.rsplit("/", 1)
        with psycopg.connect(admin_url + "/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
    return url


def bench_backend(name: str, env: dict[str, str], wrk: str, options, scripts: Path) -> None:
    figures = build(env, options)
    extrapolated = " (extrapolated from {embedded:,} embedded in {embedded_s:.0f} s)".format(
        **figures
    )
    print(f"### {name}: {figures['statements']:,} statements in {figures['series']} series")
    print()
    print(f"- loading the records: {figures['load_s']:.0f} s")
    print(f"- indexing the words: {figures['words_s']:.1f} s")
    print(
        f"- computing the vectors: {figures['vectors_s']:.0f} s"
        f"{extrapolated if figures['vectors_extrapolated'] else ''}"
    )
    print(f"- vectors: {figures['vectors']:,}, {figures['vectors_bytes'] / 1e6:.1f} MB as float32")
    print()
    kinds = options.queries.split(",")
    for kind in kinds if not options.http_only else ():
        in_process(env, options.duration, kind)
    port = free_port()
    server = start_server(env, port)
    try:
        base = f"http://127.0.0.1:{port}"
        if not served(base):
            print(f"(the server does not answer {SEARCH_PATH}: no figures through HTTP)")
            return
        for kind in kinds:
            questions = Questions(kind)
            print(f"Through HTTP ({SEARCH_PATH}, wrk), {QUESTIONS[kind]}:")
            print()
            print("| mode | concurrency | requests/s | p50 ms | p99 ms | errors | load average |")
            print("| --- | --- | --- | --- | --- | --- | --- |")
            for mode in MODES:
                # warm the workers (model, vectors, lists) with questions of their own
                run_wrk(wrk, base, wrk_script(mode, questions.next_run(), scripts), 2, 3)
                for concurrency in CONCURRENCY:
                    script = wrk_script(mode, questions.next_run(), scripts)
                    result = run_wrk(wrk, base, script, concurrency, options.duration)
                    load = os.getloadavg()[0]
                    print(
                        f"| {mode} | {concurrency} | {result['rps']:.1f} | {result['p50']:.1f} | "
                        f"{result['p99']:.1f} | {int(result['errors'])} | {load:.1f} |",
                        flush=True,
                    )
            print()
        memory = worker_memory_mb(server)
        print(
            f"- server workers' resident memory: {', '.join(f'{size:.0f} MB' for size in memory)}"
        )
        print()
    finally:
        server.terminate()
        server.wait(timeout=15)


def main() -> None:
    options = parser(__doc__.splitlines()[0], "sqlite")
    options.add_argument("--statements", type=int, default=100_000)
    options.add_argument("--series", type=int, default=50)
    options.add_argument("--embed", type=int, default=0, help="embed only this many (0: all)")
    options.add_argument(
        "--keep",
        metavar="FOLDER",
        help="build the SQLite database in this folder and keep it; later runs reuse it",
    )
    options.add_argument(
        "--queries",
        default="labelled,fresh",
        help="labelled (asked again and again), fresh (each asked once), or both",
    )
    options.add_argument(
        "--http-only", action="store_true", help="measure through HTTP only, not in process"
    )
    arguments = options.parse_args()
    wrk = ensure_wrk()
    print(f"Machine: {machine()}")
    print(
        f"Server: convener serve, gunicorn, {WORKERS} workers; "
        f"load: wrk, {arguments.duration} s each"
    )
    print(f"Load average before: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    print()
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = arguments.keep or scratch
        base = {
            **os.environ,
            "CONVENER_DATA_DIR": data_dir,
            "SECRET_KEY": "bench-only",
            "REDIS_URL": os.environ.get("CONVENER_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"),
            "CONVENER_REDIS_PREFIX": "convener-bench",
            "CONVENER_SERVING": arguments.serving,
        }
        base.pop("DATABASE_URL", None)
        for backend in arguments.backends.split(","):
            env = dict(base)
            if backend == "postgres":
                env["DATABASE_URL"] = fresh_postgres(keep=bool(arguments.keep))
            bench_backend(backend, env, wrk, arguments, Path(scratch))
    print(f"Load average after: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
