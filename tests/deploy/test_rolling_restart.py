"""A rolling restart behind the documented nginx site, as docs/deployment.md
has the operations team do it: readers notice nothing.

Two `convener serve` processes (the units convener-web@8001 and @8002) and one
`convener worker`, on the suite's database and Redis, behind the site of
deploy/. While readers load pages and a projector follows the floor, the web
processes are restarted one after the other, and the worker is stopped and
started with a build waiting for it.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tests.deploy.proxy import Proxy, nginx_in_front_of
from tests.live.conftest import (  # noqa: F401 (fixtures)
    _migrated_database,
    convener_server,
)
from tests.live.events import EventStream, events_path

PAGES = [
    "/series/live-series/",
    "/series/live-series/meetings/1/",
    "/series/live-series/meetings/1/documents/programme/",
]
BUILD_STATUS = "/series/live-series/meetings/1/documents/programme/download/pdf/status"
BUILT_FILE = "/series/live-series/meetings/1/documents/programme.pdf"
# How soon a screen whose process stopped must show the floor again: the bound.
BACK_WITHIN_SECONDS = 2.0
BUILD_WAIT_SECONDS = 300


def get(proxy: Proxy, path: str, timeout: float = 60) -> tuple[int, bytes]:
    parts = urlsplit(proxy.url)
    connection = http.client.HTTPSConnection(
        parts.hostname, parts.port, timeout=timeout, context=proxy.context
    )
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@dataclass(eq=False)
class Readers(threading.Thread):
    """Readers loading the pages one after another, each answer kept."""

    proxy: Proxy
    answers: list[tuple[str, int | str]] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        super().__init__(daemon=True)

    def run(self) -> None:
        while not self.stopping.is_set():
            for path in PAGES:
                try:
                    status: int | str = get(self.proxy, path)[0]
                except OSError as error:
                    status = repr(error)
                self.answers.append((path, status))

    @property
    def failed(self) -> list[tuple[str, int | str]]:
        return [answer for answer in self.answers if answer[1] != 200]


@dataclass(eq=False)
class Projector(threading.Thread):
    """A screen following the floor as a browser's EventSource does: when its
    stream ends, it connects again after the delay the stream named."""

    proxy: Proxy
    states: int = 0
    refused: list[int] = field(default_factory=list)
    # Seconds from the end of a stream to the first state of the next.
    gaps: list[float] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    stream: EventStream | None = None
    retry_ms: int = 3000  # until a stream names its own

    def __post_init__(self) -> None:
        super().__init__(daemon=True)

    def run(self) -> None:
        ended_at: float | None = None
        while not self.stopping.is_set():
            try:
                for event in self._events():
                    self.retry_ms = int(event.get("retry", self.retry_ms))
                    if event.get("event") == "state":
                        self.states += 1
                        if ended_at is not None:
                            self.gaps.append(time.monotonic() - ended_at)
                            ended_at = None
            except (EOFError, OSError, http.client.HTTPException, AttributeError):
                # AttributeError: http.client's, when `stop` closed the stream.
                if ended_at is None:
                    ended_at = time.monotonic()
                self.stopping.wait(self.retry_ms / 1000)

    def _events(self) -> Iterator[dict[str, str]]:
        url = self.proxy.url + events_path("live-series", 1)
        with EventStream(url, timeout=60, context=self.proxy.context) as self.stream:
            if self.stream.response.status != 200:
                self.refused.append(self.stream.response.status)
                raise EOFError("refused")
            while True:
                yield self.stream.next_event()

    def stop(self) -> None:
        self.stopping.set()
        if self.stream is not None:
            self.stream.close()


def build_status(proxy: Proxy) -> str:
    status, body = get(proxy, BUILD_STATUS)
    assert status == 200, body
    return json.loads(body)["status"]


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def test_rolling_restart_fails_no_request_brings_screens_back_and_finishes_the_build(
    convener_server,  # noqa: F811
    tmp_path,
):
    server = convener_server(processes=2, separate_worker=True)
    with nginx_in_front_of(server.ports, tmp_path) as proxy:
        readers, projector = Readers(proxy), Projector(proxy)
        readers.start()
        projector.start()
        wait_for(lambda: projector.states and readers.answers, 60, "nothing flows")

        # A reader asks for a PDF while the worker is stopped: the build waits in the queue.
        server.stop_worker()
        assert build_status(proxy) == "queued"
        for index in range(len(server.ports)):
            stopped = server.stop_process(index)
            assert stopped.returncode == 0
            server.start_process(index)
        server.start_worker()
        wait_for(lambda: build_status(proxy) == "done", BUILD_WAIT_SECONDS, "the build waits")
        served_pages = len(readers.answers)
        wait_for(lambda: len(readers.answers) > served_pages, 60, "the pages stopped")

        readers.stopping.set()
        projector.stop()
        readers.join(timeout=120)
        projector.join(timeout=120)
        built = get(proxy, BUILT_FILE)

    assert readers.failed == []
    assert len(readers.answers) > 2 * len(PAGES)
    assert projector.refused == []
    # The projector's process stopped once (each did): its stream ended and came back.
    assert len(projector.gaps) >= 1
    assert max(projector.gaps) < BACK_WITHIN_SECONDS, projector.gaps
    assert built[0] == 200
    assert built[1].startswith(b"%PDF")
    log = server.log_file.read_text()
    assert "ERROR" not in log, log
