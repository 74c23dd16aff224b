"""`convener worker` builds the files readers ask for in a process of its own;
a build it was killed in the middle of is finished by the next worker."""

import os
import signal
import subprocess
import uuid
from pathlib import Path

import pytest

from tests.live.conftest import (
    CONVENER,
    PREPARE,
    PYTHON,
    ROOT,
    SERIES_FILE,
    PostgresServer,
    run_django,
    server_environment,
)

HELD_WORKER = Path(__file__).with_name("held_worker.py")

REQUEST_BUILD = """
from django.contrib.auth.models import AnonymousUser
from convener.meetings.models import Series
from convener.publishing.domain.builds import request_build

build = request_build(
    series=Series.objects.get(slug="live-series"),
    document="programme",
    meeting_number=1,
    file_format="pdf",
    by=AnonymousUser(),
)
print(build.status)
"""

# Waits in the server's environment, with a deadline, for the one build to
# reach one of STATES; prints its status, attempts and the file's first bytes.
WAIT_FOR_BUILD = """
import time
from convener.publishing.models import DocumentBuild

deadline = time.monotonic() + 180
build = DocumentBuild.objects.get()
while build.status not in STATES and time.monotonic() < deadline:
    time.sleep(0.1)
    build = DocumentBuild.objects.get()
print(build.status, build.attempts, bytes(build.content or b"")[:4].decode())
"""


def printed(env, code: str) -> str:
    """The last line the code printed (the shell may print a line of its own first)."""
    return run_django(env, code).strip().splitlines()[-1]


def wait_for_build(env, *states: str) -> str:
    return printed(env, WAIT_FOR_BUILD.replace("STATES", repr(set(states))))


@pytest.fixture
def worker_environment(tmp_path):
    """A database of its own with the live tests' series, reachable by other
    processes, and the environment of a server on it."""
    suite_database = os.environ.get("DATABASE_URL", "")
    postgres = PostgresServer(suite_database) if suite_database.startswith("postgres") else None
    name = f"convener_worker_{uuid.uuid4().hex[:8]}"
    env = server_environment(tmp_path, postgres.create(name) if postgres else "")
    run_django(
        env,
        PREPARE + f"call_command('importseries', {str(SERIES_FILE)!r}, verbosity=0)\n",
    )
    workers: list[subprocess.Popen] = []
    yield env, workers
    for worker in workers:
        worker.kill()
        worker.wait(timeout=30)
    if postgres:
        postgres.drop(name)


def start(env, command: list[str], log: Path) -> subprocess.Popen:
    with log.open("a") as output:
        return subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)


def test_build_of_a_worker_killed_mid_build_is_finished_by_the_next_worker(
    worker_environment, tmp_path
):
    env, workers = worker_environment
    log = tmp_path / "workers.log"
    assert printed(env, REQUEST_BUILD) == "queued"

    held = start(env, [str(PYTHON), str(HELD_WORKER)], log)
    workers.append(held)
    assert wait_for_build(env, "running").startswith("running 1"), log.read_text()
    held.send_signal(signal.SIGKILL)
    held.wait(timeout=30)

    workers.append(start(env, [str(CONVENER), "worker"], log))

    assert wait_for_build(env, "done", "failed") == "done 2 %PDF", log.read_text()
    assert "Queued again 1 build(s) left by a stopped worker." in log.read_text()
