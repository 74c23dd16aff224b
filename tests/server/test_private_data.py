"""Secrets stay secret: a production server has its own key, and the embedded
database is readable by its owner only."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

CONVENER = Path(sys.executable).with_name("convener")
PYTHON = Path(sys.executable)


@pytest.fixture
def environment(tmp_path):
    """A fresh machine: no key, the embedded database, in a new data folder."""
    env = {**os.environ, "CONVENER_DATA_DIR": str(tmp_path / "data")}
    for inherited in ("DATABASE_URL", "SECRET_KEY", "CONVENER_DEBUG", "DJANGO_SETTINGS_MODULE"):
        env.pop(inherited, None)
    return env


def run(command, env):
    # A permissive umask, as many servers have: the files must be private anyway.
    return subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, check=False, umask=0o022
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_server_with_its_own_database_refuses_to_start_without_a_secret_key(environment):
    environment["DATABASE_URL"] = "postgres://convener@127.0.0.1:5432/convener"

    result = run([CONVENER, "check"], environment)

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set. Set it to a long random value" in (
        result.stderr
    )


def test_embedded_database_generates_a_key_readable_by_its_owner_only(environment, tmp_path):
    result = run([CONVENER, "check"], environment)

    assert result.returncode == 0, result.stderr
    data = tmp_path / "data"
    assert mode(data) == 0o700
    assert mode(data / "secret_key") == 0o600
    assert len((data / "secret_key").read_text()) >= 50


def test_world_readable_key_of_an_earlier_version_is_made_private(environment, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "secret_key").write_text("a key written by an earlier version")
    (data / "secret_key").chmod(0o644)

    assert run([CONVENER, "check"], environment).returncode == 0
    assert mode(data / "secret_key") == 0o600
    assert (data / "secret_key").read_text() == "a key written by an earlier version"


def test_embedded_database_and_its_wal_files_are_readable_by_their_owner_only(
    environment, tmp_path
):
    # Writes, then reports the files' permissions while the connection is open
    # and the -wal and -shm files exist.
    code = (
        "from django.db import connection\n"
        "import os, stat\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('CREATE TABLE probe (x)')\n"
        "    cursor.execute('INSERT INTO probe VALUES (1)')\n"
        "    name = connection.settings_dict['NAME']\n"
        "    for suffix in ('', '-wal', '-shm'):\n"
        "        print(suffix or 'db', oct(stat.S_IMODE(os.stat(f'{name}{suffix}').st_mode)))\n"
    )
    environment["DJANGO_SETTINGS_MODULE"] = "convener.settings"

    result = run([PYTHON, "-m", "django", "shell", "--no-imports", "-c", code], environment)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:3] == ["db 0o600", "-wal 0o600", "-shm 0o600"]
    assert mode(tmp_path / "data") == 0o700
