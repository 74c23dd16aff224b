"""`convener check --deploy` is clean with the production settings of `docs/deployment.md`."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

CONVENER = Path(sys.executable).with_name("convener")


@pytest.fixture
def production(tmp_path):
    """The environment of a production server behind HTTPS."""
    env = {
        **os.environ,
        "CONVENER_DATA_DIR": str(tmp_path / "data"),
        "CONVENER_DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "convener.example.org",
        "CONVENER_SECURE": "true",
        # Named, never reached: the checks need no connection.
        "DATABASE_URL": "postgres://convener@127.0.0.1:5432/convener",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by browser tests, never in production
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def check_deploy(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CONVENER, "check", "--deploy", "--fail-level", "DEBUG"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_checks_pass_with_production_settings(production):
    result = check_deploy(production)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_deploy_checks_report_a_server_not_behind_https(production):
    result = check_deploy({**production, "CONVENER_SECURE": "false"})

    assert result.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in result.stderr


def test_deploy_checks_report_the_embedded_database(production):
    del production["DATABASE_URL"]

    result = check_deploy(production)

    assert result.returncode != 0
    assert "convener.W002" in result.stderr
    assert "Set DATABASE_URL to a PostgreSQL database" in result.stderr


def test_deploy_checks_report_several_workers_without_redis(production):
    del production["REDIS_URL"]

    result = check_deploy({**production, "CONVENER_WORKERS": "4"})

    assert result.returncode != 0
    assert "convener.W003" in result.stderr
    assert "CONVENER_WORKERS is 4 but REDIS_URL is not set" in result.stderr


def test_deploy_checks_accept_one_process_without_redis(production):
    del production["REDIS_URL"]

    result = check_deploy({**production, "CONVENER_WORKERS": "1"})

    assert result.returncode == 0, result.stderr


def documented_production_settings() -> str:
    """The shell lines of docs/security.md's "Production settings" block."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "security.md").read_text()
    section = text.split("## Production settings\n", 1)[1]
    return section.split("```sh\n", 1)[1].split("```", 1)[0]


def test_deploy_checks_pass_with_the_settings_the_security_guide_documents(production):
    environment = {
        name: value
        for name, value in production.items()
        if name not in {"SECRET_KEY", "ALLOWED_HOSTS", "CONVENER_SECURE"}
    }
    check = f'exec "{CONVENER}" check --deploy --fail-level DEBUG'
    script = f"{documented_production_settings()}\n{check}"

    result = subprocess.run(
        ["bash", "-c", script],  # noqa: S607 - the documented lines, as a shell runs them
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert "export SECRET_KEY=" in script
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
