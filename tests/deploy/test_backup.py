"""The backup of docs/deployment.md: `pg_dump -Fc` of a database with the demo
series, restored with `pg_restore` into a new database, serves the same pages."""

import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.live.conftest import PostgresServer
from tests.tools import missing, require

ROOT = Path(__file__).resolve().parents[2]
# The suite's PostgreSQL server, whichever database the suite itself runs on:
# the backup is of a PostgreSQL database.
POSTGRES = os.environ.get("CONVENER_TEST_POSTGRES_URL") or os.environ.get("DATABASE_URL", "")
PAGES = [
    "/",
    "/series/gmg-2016/",
    "/series/gmg-2016/meetings/3/",
    "/series/gmg-2016/documents/report/",
    "/fr/series/gmg-2016/meetings/1/",
]


LOAD_DEMO = """
from django.core.management import call_command
from convener.directory.domain.reference_data import load_reference_data
from convener.server.demo import load_demo_series
call_command("migrate", interactive=False, verbosity=0)
load_reference_data()
load_demo_series()
"""

PRINT_PAGES = """
import json
from django.conf import settings
from django.test import Client
# Static files by their plain names: no `collectstatic` for a test.
settings.STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
client = Client()
pages = {}
for path in PATHS:
    response = client.get(path)
    pages[path] = [response.status_code, response.content.decode()]
print(json.dumps(pages))
"""


def run_django(database_url: str, code: str, tmp_path: Path) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "backup-tests-only",
        "ALLOWED_HOSTS": "testserver",
        "CONVENER_DATA_DIR": str(tmp_path / "data"),
        "DJANGO_SETTINGS_MODULE": "convener.settings",
    }
    env.pop("CONVENER_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-c", f"import django\ndjango.setup()\n{code}"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def pages(database_url: str, tmp_path: Path) -> dict[str, list]:
    served = json.loads(run_django(database_url, f"PATHS = {PAGES!r}\n{PRINT_PAGES}", tmp_path))
    # A form's CSRF token is new with every page; nothing else may differ.
    return {
        path: [status, re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)]
        for path, (status, html) in served.items()
    }


def client_program(name: str) -> str:
    return require(name, also_in="/usr/lib/postgresql/15/bin")


@pytest.fixture
def scratch_databases():
    if not POSTGRES.startswith("postgres"):
        missing("no PostgreSQL server: set CONVENER_TEST_POSTGRES_URL (make test does)")
    server = PostgresServer(POSTGRES)
    names: list[str] = []

    def create() -> str:
        names.append(f"convener_backup_{uuid.uuid4().hex[:8]}")
        return server.create(names[-1])

    yield create
    for name in names:
        server.drop(name)


def test_restored_backup_serves_the_same_pages(scratch_databases, tmp_path):
    original = scratch_databases()
    run_django(original, LOAD_DEMO, tmp_path)
    dump = tmp_path / "convener.dump"

    subprocess.run(
        [client_program("pg_dump"), "-Fc", "--file", str(dump), original],
        check=True,
        timeout=300,
    )
    restored = scratch_databases()
    subprocess.run(
        [client_program("pg_restore"), "--no-owner", "--dbname", restored, str(dump)],
        check=True,
        timeout=300,
    )

    before, after = pages(original, tmp_path), pages(restored, tmp_path)
    assert {path: status for path, (status, _) in before.items()} == dict.fromkeys(PAGES, 200)
    assert "Conference Room 6" in before["/series/gmg-2016/meetings/3/"][1]
    assert after == before
