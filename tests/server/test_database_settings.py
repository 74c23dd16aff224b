"""How Convener connects to PostgreSQL."""

import json
import os
import subprocess
import sys

import pytest
from django.db import connection


def options_for(database_url: str) -> dict:
    """The connection options the settings derive from `DATABASE_URL`."""
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json; from django.conf import settings; "
            "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))",
        ],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "convener.settings",
            "DATABASE_URL": database_url,
            "SECRET_KEY": "tests-only",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_postgresql_connections_turn_just_in_time_compilation_off():
    options = options_for("postgres://convener:secret@db.example.org:5432/convener")

    assert options["options"] == "-c jit=off"


def test_options_given_in_the_database_address_are_kept():
    options = options_for(
        "postgres://convener:secret@db.example.org/convener?sslmode=require&options=-c%20work_mem%3D64MB"
    )

    assert options["sslmode"] == "require"
    assert options["options"] == "-c work_mem=64MB -c jit=off"


@pytest.mark.django_db
def test_the_suite_s_own_connection_has_the_settings_it_says():
    if connection.vendor != "postgresql":
        assert "options" not in connection.settings_dict.get("OPTIONS", {})
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
