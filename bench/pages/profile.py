"""Where a page's milliseconds go, in process: `python bench/pages --profile`.

Loads the demo in a fresh data folder (and the benchmark's PostgreSQL
database for `--backends postgres`), signs in as the demo secretariat with
Django's test client, reads each selected page a number of times, as served
(from the page cache where the page is cached for the reader) and rendered
(the cache emptied before each request, as the first reader after a change
reads it), and prints the median request's CPU time (and wall time), its SQL
queries (count, time, the slowest statements), and the time spent in
template rendering, Markdown, permission checks and the session, each
counted once (a query run while a template renders is SQL, not rendering).
pyinstrument's call tree of the requests as served goes to a file.

The client goes through every middleware but no server: the figures are the
page's own cost, without HTTP, threads or other requests.
"""

from __future__ import annotations

import os
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"


class Clock:
    """Processor time spent in named parts of a request, each moment counted in
    the innermost part: this thread's CPU time, which other work on the machine
    does not inflate as it does the time on the wall. The queries' own times
    are on the wall (PostgreSQL works in a process of its own)."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self.queries: list[tuple[float, str]] = []
        self._stack: list[list[Any]] = []

    def reset(self) -> None:
        self.totals.clear()
        self.calls.clear()
        self.queries.clear()

    @contextmanager
    def part(self, name: str) -> Iterator[None]:
        frame = [name, time.thread_time(), 0.0]
        self._stack.append(frame)
        try:
            yield
        finally:
            self._stack.pop()
            elapsed = time.thread_time() - frame[1]
            self.totals[name] += elapsed - frame[2]
            self.calls[name] += 1
            if self._stack:
                self._stack[-1][2] += elapsed

    def wrap(self, owner: Any, attribute: str, name: str) -> None:
        original = getattr(owner, attribute)

        @wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.part(name):
                return original(*args, **kwargs)

        setattr(owner, attribute, timed)

    def sql(self, execute: Callable, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        with self.part("SQL"):
            try:
                return execute(sql, params, many, context)
            finally:
                self.queries.append((time.perf_counter() - started, sql))


def instrument(clock: Clock) -> None:
    """Time the parts of a request where the profile said time goes."""
    from django.contrib.sessions.backends.base import SessionBase
    from django.template.base import Template
    from rules.permissions import ObjectPermissionBackend

    import convener.prose.markdown
    import convener.prose.templatetags.prose
    import convener.texts.templatetags.texts

    clock.wrap(Template, "render", "templates")
    for module in (
        convener.prose.markdown,
        convener.prose.templatetags.prose,
        convener.texts.templatetags.texts,
    ):
        clock.wrap(module, "render_markdown", "Markdown")
    clock.wrap(ObjectPermissionBackend, "has_perm", "permission checks")
    clock.wrap(SessionBase, "_get_session", "session")


def profile_page(
    client: Any, clock: Clock, path: str, requests: int, *, rendered: bool
) -> dict[str, Any]:
    """The page read `requests` times; `rendered`: each time with the page
    cache emptied, as the first reader after a change reads it."""
    from django.core.cache import caches
    from django.db import connection

    for _ in range(3):  # warm: imports, compiled templates, the Markdown memo
        assert client.get(path, HTTP_HOST=HOST).status_code == 200, path
    runs = []
    with connection.execute_wrapper(clock.sql):
        for _ in range(requests):
            if rendered:
                caches["pages"].clear()
            clock.reset()
            started, cpu = time.perf_counter(), time.thread_time()
            client.get(path, HTTP_HOST=HOST)
            elapsed = time.perf_counter() - started
            cpu = time.thread_time() - cpu
            runs.append((cpu, dict(clock.totals), dict(clock.calls), list(clock.queries), elapsed))
    runs.sort(key=lambda run: run[0])
    return {
        "median": runs[len(runs) // 2],
        "p90": runs[int(len(runs) * 0.9)][0],
        "mean": statistics.fmean(run[0] for run in runs),
        "wall": statistics.median(run[4] for run in runs),
    }


def report(label: str, figures: dict[str, Any]) -> None:
    cpu, totals, calls, queries, _ = figures["median"]
    ms = 1000
    print(f"### {label}")
    print()
    print(
        f"CPU time: median {cpu * ms:.1f} ms, p90 {figures['p90'] * ms:.1f} ms, "
        f"mean {figures['mean'] * ms:.1f} ms (on the wall, median {figures['wall'] * ms:.1f} ms)."
        " The median request:"
    )
    print()
    print("| part | CPU ms | calls |")
    print("| --- | --- | --- |")
    for name, seconds in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"| {name} | {seconds * ms:.2f} | {calls[name]} |")
    rest = cpu - sum(totals.values())
    print(f"| views, middleware, the rest | {rest * ms:.2f} | |")
    print()
    on_the_wall = sum(query[0] for query in queries) * ms
    print(f"{len(queries)} queries, {on_the_wall:.2f} ms on the wall; the slowest:")
    for seconds, sql in sorted(queries, key=lambda query: -query[0])[:5]:
        print(f"- {seconds * ms:.2f} ms `{sql[:110]}`")
    print()


def profile(paths: dict[str, str], requests: int, output: Path) -> None:
    """Profile each page in this process (Django set up on the prepared data)."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "convener.settings")
    os.environ["ALLOWED_HOSTS"] = HOST
    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username="secretariat"))
    for path in paths.values():  # warm: imports, compiled templates, the Markdown memo
        assert client.get(path, HTTP_HOST=HOST).status_code == 200, path
    call_tree(client, paths, requests, output)
    clock = Clock()
    instrument(clock)
    for label, path in paths.items():
        for rendered in (False, True):
            figures = profile_page(client, clock, path, requests, rendered=rendered)
            report(f"{label}, {'rendered' if rendered else 'as served'}", figures)


def call_tree(client: Any, paths: dict[str, str], requests: int, output: Path) -> None:
    """pyinstrument's call tree of the pages as served, before the clock is put
    in place (its own calls would show in the tree)."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("No call tree: pyinstrument is not installed (pip install -e '.[bench]').")
        return
    profiler = Profiler(interval=0.0005)
    with profiler:
        for path in paths.values():
            for _ in range(requests):
                client.get(path, HTTP_HOST=HOST)
    output.write_text(profiler.output_text(unicode=True, color=False, show_all=False))
    print(f"pyinstrument's call tree of {requests} requests per page: {output}")


def main() -> None:
    import argparse
    import json

    arguments = argparse.ArgumentParser(description="(run by `python bench/pages --profile`)")
    arguments.add_argument("--paths", required=True, help="JSON: label to address")
    arguments.add_argument("--requests", type=int, default=50)
    arguments.add_argument("--output", type=Path, required=True)
    options = arguments.parse_args()
    profile(json.loads(options.paths), options.requests, options.output)


if __name__ == "__main__":
    main()
