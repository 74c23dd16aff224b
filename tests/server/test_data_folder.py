"""`convener` for a service account without a home folder, where the default
data folder cannot be made."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from convener import config

CONVENER = Path(sys.executable).with_name("convener")


@pytest.fixture
def homeless(tmp_path):
    """A user whose home folder cannot exist: it would sit under a file (which
    refuses a folder even to root, as tests may run)."""
    (tmp_path / "file").write_text("")
    env = {**os.environ, "HOME": str(tmp_path / "file" / "home")}
    for inherited in (
        "CONVENER_DATA_DIR",
        "XDG_DATA_HOME",
        "DATABASE_URL",
        "SECRET_KEY",
        "DJANGO_SETTINGS_MODULE",
    ):
        env.pop(inherited, None)
    return env


def run(command, env):
    return subprocess.run(
        [CONVENER, *command], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_server_on_a_database_server_runs_without_a_data_folder(homeless):
    server = {**homeless, "DATABASE_URL": "postgres://convener@127.0.0.1:5432/c", "SECRET_KEY": "k"}

    result = run(["check"], server)

    assert result.returncode == 0, result.stderr
    assert "convener.W001" in result.stderr
    assert "Set CONVENER_DATA_DIR to a folder this user may write" in result.stderr


def test_embedded_database_without_a_data_folder_says_what_to_set(homeless):
    result = run(["check"], homeless)

    assert result.returncode == 1
    assert result.stderr.startswith("convener: No data folder: ")
    assert "Set CONVENER_DATA_DIR to a folder this user may write" in result.stderr
    assert "Traceback" not in result.stderr


def test_data_folder_setting_serves_a_user_without_a_home_folder(homeless, tmp_path):
    result = run(["check"], {**homeless, "CONVENER_DATA_DIR": str(tmp_path / "data")})

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert (tmp_path / "data" / "convener.sqlite3").exists()


def test_no_home_folder_at_all_gives_no_data_folder(monkeypatch):
    # Without HOME nor an entry in the password database, `~` stays unexpanded.
    monkeypatch.delenv("CONVENER_DATA_DIR", raising=False)
    monkeypatch.setattr(config.platformdirs, "user_data_dir", lambda name: f"~/.local/{name}")

    assert config.data_dir_path() is None
    with pytest.raises(config.NoDataFolder, match="Set CONVENER_DATA_DIR"):
        config.data_dir()
