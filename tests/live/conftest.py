"""Convener's production server, in processes of its own, for the tests of the live meeting.

    def test_something(convener_server):
        server = convener_server()                  # or (series_file, processes=2)
        server.create_user("chair", role="chair", series="live-series")
        cookie = server.session_cookie("chair")     # value of the `sessionid` cookie
        urllib.request.urlopen(server.url + "/series/live-series/")
        server.run_django("from convener.meetings.models import Meeting; print(...)")
        server.kill()                               # SIGKILL, mid-request if need be
        server.start()                              # same ports, same database

`convener_server(series_file, processes=1)` runs `convener serve` (gunicorn
and uvicorn, one worker a process) on a free port of 127.0.0.1, with its own
data folder (`CONVENER_DATA_DIR`) and its own database: an SQLite file, or,
when the suite runs on PostgreSQL (`DATABASE_URL` set), a scratch database
created and dropped here. The database is migrated, holds the reference data
(States, groups) and the series of `series_file` (`convener import`; by
default `tests/live/series.yaml`: series `live-series`, meeting 1 published,
meeting 2 a draft). With `processes=2` two servers share that database and
Redis (`CONVENER_TEST_REDIS_URL`, default `redis://127.0.0.1:6379/15`) under
a prefix of their own, so runs in parallel do not hear each other;
`redis=True` uses Redis with one process too. Only with Redis do changes made
through `run_django` (another process) reach the screens live; without it,
make them through the server's own pages.

The server returned has:
- `url` (the first process, e.g. `http://127.0.0.1:41234`, no trailing
  slash) and `urls` (one per process);
- `run_django(code)`: runs Python in the server's environment (`python -m
  django shell -c code`, Django set up, same database) and returns what it
  printed; a failure raises `AssertionError` with the traceback;
- `create_user(username, password=..., role=..., series=..., meeting=...,
  organisation=..., person=..., state=..., staff=False)`: a user, with a role
  granted in the series when `role` is given (`meeting` is a meeting number;
  `organisation` and `person` are directory keys, `state` an ISO3 code);
- `session_cookie(username)`: a signed-in session of the user, the value of
  the `sessionid` cookie, for an HTTP client or a browser context;
- `kill()` (SIGKILL to every process of the server), `start()` (start the
  killed or stopped processes again, same ports and database), `restart()`
  (both), `stop()` (graceful); every server stops at the end of its test;
- `stop_process(index)` (graceful, as systemd stops a unit) and
  `start_process(index)`: one web process of several, for a rolling restart.

Each `convener serve` runs its background worker beside it; with
`separate_worker=True` the web processes run without one (`--no-worker`, as
the documented systemd units do) and one `convener worker` runs on its own:
`stop_worker()` and `start_worker()` stop (gracefully) and start it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.chromium import chromium

ROOT = Path(__file__).resolve().parents[2]
PYTHON = Path(sys.executable)
CONVENER = PYTHON.with_name("convener")
SERIES_FILE = Path(__file__).with_name("series.yaml")
REDIS_URL = os.environ.get("CONVENER_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
START_SECONDS = 60
SCREEN_WAIT_MS = 20_000  # a loaded machine may take seconds to pass a change round


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(data_dir: Path, database_url: str = "") -> dict[str, str]:
    """The environment of a test server: production settings, nothing inherited that matters."""
    env = {**os.environ}
    for inherited in ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "CONVENER_DEBUG"):
        env.pop(inherited, None)
    env.update(
        CONVENER_DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE="tests.live.server_settings",
        PYTHONPATH=str(ROOT),
        SECRET_KEY="live-tests-only",
        CONVENER_LOG_LEVEL="warning",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def run_django(env: dict[str, str], code: str) -> str:
    result = subprocess.run(
        [str(PYTHON), "-m", "django", "shell", "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"the Django code failed:\n{code}\n{result.stderr}"
    return result.stdout


PREPARE = """
from django.core.management import call_command
from convener.directory.domain.reference_data import load_reference_data
call_command("migrate", interactive=False, verbosity=0)
load_reference_data()
"""


class PostgresServer:
    """Scratch databases on the server of `DATABASE_URL`; never the suite's own."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.base = url.rsplit("/", 1)[0]

    def _admin(self):  # type: ignore[no-untyped-def]
        import psycopg

        return psycopg.connect(self.base + "/postgres", autocommit=True)

    def create(self, name: str, template: str = "") -> str:
        from psycopg import sql

        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        with self._admin() as connection:
            connection.execute(statement)
        return f"{self.base}/{name}"

    def drop(self, name: str) -> None:
        from psycopg import sql

        with self._admin() as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@dataclass
class MigratedDatabase:
    """A database migrated once a session, with the reference data; copied for each server."""

    sqlite_file: Path | None = None
    postgres: PostgresServer | None = None
    postgres_name: str = ""

    def copy_for(self, data_dir: Path) -> str:
        """A copy for a server whose data folder is `data_dir`; returns its DATABASE_URL."""
        if self.sqlite_file is not None:
            shutil.copy(self.sqlite_file, data_dir / "convener.sqlite3")
            return ""
        assert self.postgres is not None
        name = f"{self.postgres_name}_{uuid.uuid4().hex[:8]}"
        return self.postgres.create(name, template=self.postgres_name)

    def drop_copy(self, database_url: str) -> None:
        if database_url and self.postgres is not None:
            self.postgres.drop(database_url.rsplit("/", 1)[1])


@pytest.fixture(scope="session")
def _migrated_database(tmp_path_factory) -> Iterator[MigratedDatabase]:
    folder = tmp_path_factory.mktemp("live-template")
    suite_database = os.environ.get("DATABASE_URL", "")
    if not suite_database.startswith("postgres"):
        run_django(server_environment(folder), PREPARE)
        yield MigratedDatabase(sqlite_file=folder / "convener.sqlite3")
        return
    postgres = PostgresServer(suite_database)
    name = f"convener_live_{uuid.uuid4().hex[:8]}"
    run_django(server_environment(folder, postgres.create(name)), PREPARE)
    try:
        yield MigratedDatabase(postgres=postgres, postgres_name=name)
    finally:
        postgres.drop(name)


def _redis_available() -> None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is not running at {REDIS_URL}; CI must run the live tests")
        pytest.skip(f"Redis is not running at {REDIS_URL}")


def _forget_redis_keys(prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)
    client.close()


@dataclass
class ServedConvener:
    env: dict[str, str]
    ports: list[int]
    log_file: Path
    separate_worker: bool = False
    processes: list[subprocess.Popen] = field(default_factory=list)
    worker: subprocess.Popen | None = None

    @property
    def urls(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.ports]

    @property
    def url(self) -> str:
        return self.urls[0]

    def run_django(self, code: str) -> str:
        return run_django(self.env, code)

    def create_user(
        self,
        username: str,
        *,
        password: str = "live-test-password",  # noqa: S107 — a test account's
        role: str = "",
        series: str = "",
        meeting: int | None = None,
        organisation: str = "",
        person: str = "",
        state: str = "",
        staff: bool = False,
    ) -> None:
        arguments = json.dumps(
            {
                "username": username,
                "password": password,
                "role": role,
                "series": series,
                "meeting": meeting,
                "organisation": organisation,
                "person": person,
                "state": state,
                "staff": staff,
            }
        )
        self.run_django(CREATE_USER.replace("ARGUMENTS", repr(arguments)))

    def session_cookie(self, username: str) -> str:
        return self.run_django(SESSION.replace("USERNAME", repr(username))).strip()

    def start(self) -> None:
        self.processes = [self._spawn(port) for port in self.ports]
        for url, process in zip(self.urls, self.processes, strict=True):
            self._wait_until_serving(url, process)
        if self.separate_worker and self.worker is None:
            self.start_worker()

    def kill(self) -> None:
        for process in self.processes:
            # The arbiter leads a process group of its own: its worker dies with it.
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        self.processes = []

    def restart(self) -> None:
        self.kill()
        self.start()

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            _wait_or_kill(process)
        self.processes = []
        self.stop_worker()

    def stop_process(self, index: int) -> subprocess.Popen:
        """Stop one web process as systemd does (SIGTERM, then wait); the stopped process."""
        process = self.processes[index]
        process.terminate()
        _wait_or_kill(process)
        return process

    def start_process(self, index: int) -> None:
        self.processes[index] = self._spawn(self.ports[index])
        self._wait_until_serving(self.urls[index], self.processes[index])

    def start_worker(self) -> None:
        with self.log_file.open("a") as log:
            self.worker = subprocess.Popen(
                [str(CONVENER), "worker", "--interval", "0.2"],
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def stop_worker(self) -> None:
        if self.worker is not None:
            self.worker.terminate()
            _wait_or_kill(self.worker)
            self.worker = None

    def _spawn(self, port: int) -> subprocess.Popen:
        with self.log_file.open("a") as log:
            without_worker = ["--no-worker"] if self.separate_worker else []
            return subprocess.Popen(
                [
                    *(str(CONVENER), "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"),
                    *without_worker,
                ],
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def _wait_until_serving(self, url: str, process: subprocess.Popen) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(url + "/", timeout=5):  # noqa: S310 — localhost
                    return
            except urllib.error.HTTPError as answer:
                answer.close()
                return  # it answers
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"the server at {url} did not start:\n{self.log_file.read_text()}")


def _wait_or_kill(process: subprocess.Popen) -> None:
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


CREATE_USER = """
import json
from django.contrib.auth import get_user_model
from convener.audit.actors import command_line_operator
from convener.roles.domain import grant_role
from convener.directory.models import Organisation, Person, State
from convener.meetings.models import Series

a = json.loads(ARGUMENTS)
user, _ = get_user_model().objects.get_or_create(username=a["username"])
user.set_password(a["password"])
user.is_staff = a["staff"]
user.save()
if a["role"]:
    series = Series.objects.get(slug=a["series"])
    grant_role(
        user=user,
        series=series,
        role=a["role"],
        meeting=series.meetings.get(number=a["meeting"]) if a["meeting"] else None,
        organisation=(
            Organisation.objects.get(key=a["organisation"]) if a["organisation"] else None
        ),
        person=Person.objects.get(key=a["person"]) if a["person"] else None,
        state=State.objects.get(iso3=a["state"]) if a["state"] else None,
        by=command_line_operator(),
    )
"""

SESSION = """
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model

user = get_user_model().objects.get(username=USERNAME)
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.save()
print(session.session_key)
"""


@contextmanager
def serving(
    migrated_database: MigratedDatabase, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[..., ServedConvener]]:
    """`start` as `convener_server` gives it, for a fixture of any scope;
    every server started stops at the end of the block."""
    started: list[tuple[ServedConvener, str, str]] = []

    def start(
        series_file: Path = SERIES_FILE,
        *,
        processes: int = 1,
        redis: bool | None = None,
        separate_worker: bool = False,
    ) -> ServedConvener:
        data_dir = tmp_path_factory.mktemp("live-server")
        database_url = migrated_database.copy_for(data_dir)
        env = server_environment(data_dir, database_url)
        prefix = ""
        if processes > 1 if redis is None else redis:
            _redis_available()
            prefix = f"convener-test-{uuid.uuid4().hex[:12]}"
            env.update(REDIS_URL=REDIS_URL, CONVENER_REDIS_PREFIX=prefix)
        server = ServedConvener(
            env=env,
            ports=[free_port() for _ in range(processes)],
            log_file=data_dir / "server.log",
            separate_worker=separate_worker,
        )
        started.append((server, database_url, prefix))
        server.run_django(
            "from django.core.management import call_command; "
            f"call_command('importseries', {str(series_file)!r})"
        )
        server.start()
        return server

    try:
        yield start
    finally:
        for server, database_url, prefix in started:
            server.stop()
            migrated_database.drop_copy(database_url)
            if prefix:
                _forget_redis_keys(prefix)


@pytest.fixture
def convener_server(_migrated_database, tmp_path_factory):
    """Start `convener serve` loaded with a series file: see this module's docstring."""
    with serving(_migrated_database, tmp_path_factory) as start:
        yield start


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def screen(browser, server):
    """Open a browser context of its own (a device in the room), signed in as `username`.

    `server` is the test module's own: a `convener_server` with its series and users.
    """
    contexts = []

    def open_screen(username=None, **options):
        context = browser.new_context(locale="en-GB", **options)
        contexts.append(context)
        if username:
            # The last line: Django's shell may first say what it imported.
            session = server.session_cookie(username).split()[-1]
            context.add_cookies(
                [{"name": "sessionid", "value": session, "domain": "127.0.0.1", "path": "/"}]
            )
        page = context.new_page()
        page.set_default_timeout(SCREEN_WAIT_MS)
        return page

    yield open_screen
    for context in contexts:
        context.close()


def debate_under_way(server, screen, meeting: str):
    """The chair starts the meeting's interactive debate; the projector shows it.

    `meeting` is the meeting's live path ("/live/series/…/meetings/1");
    returns the chair's console and the projector, both showing the debate.
    """
    from playwright.sync_api import expect

    chair = screen("chair")
    chair.goto(server.url + meeting + "/chair/")
    expect(chair.locator("#live-connection")).to_have_text("Live")
    chair.get_by_label("Segment under way").select_option(label="Interactive debate")
    chair.get_by_role("button", name="Start this segment").click()

    projector = screen(viewport={"width": 1280, "height": 720})
    projector.goto(server.url + meeting + "/projector/")
    expect(projector.locator("#live-segment")).to_have_text("Interactive debate")
    expect(projector.locator("#live-who")).to_have_text("No one has the floor.")
    return chair, projector


def clock_seconds(clock: str) -> int:
    """The seconds a screen's timer shows ("2:58", or "2:58 left")."""
    minutes, seconds = re.match(r"(\d+):(\d\d)", clock).groups()
    return int(minutes) * 60 + int(seconds)
