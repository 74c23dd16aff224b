"""Installations sharing one Redis server keep apart: the prefix of their keys
and live update channels comes from their database unless one is set."""

import os
import subprocess
import sys

import pytest

from convener import config

POSTGRES = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"


@pytest.fixture
def no_prefix_set(monkeypatch):
    monkeypatch.delenv("CONVENER_REDIS_PREFIX", raising=False)


def test_prefix_is_derived_from_the_database_name(no_prefix_set):
    assert config.redis_prefix({"ENGINE": POSTGRES, "NAME": "meetings"}) == "convener-meetings"


def test_installations_with_databases_of_their_own_get_prefixes_of_their_own(no_prefix_set):
    first = config.redis_prefix({"ENGINE": POSTGRES, "NAME": "convener_unhcr"})
    second = config.redis_prefix({"ENGINE": POSTGRES, "NAME": "convener_undp"})

    assert first != second


def test_processes_of_one_installation_share_its_prefix_whatever_host_they_name(no_prefix_set):
    by_name = config.redis_prefix({"ENGINE": POSTGRES, "NAME": "convener", "HOST": "db"})
    by_address = config.redis_prefix({"ENGINE": POSTGRES, "NAME": "convener", "HOST": "10.0.0.5"})

    assert by_name == by_address


def test_embedded_databases_in_two_folders_get_prefixes_of_their_own(no_prefix_set):
    first = config.redis_prefix({"ENGINE": SQLITE, "NAME": "/srv/a/convener.sqlite3"})
    second = config.redis_prefix({"ENGINE": SQLITE, "NAME": "/srv/b/convener.sqlite3"})

    assert first != second
    assert "/" not in first


def test_prefix_set_in_the_environment_wins(monkeypatch):
    monkeypatch.setenv("CONVENER_REDIS_PREFIX", "meetings-geneva")

    assert config.redis_prefix({"ENGINE": POSTGRES, "NAME": "convener"}) == "meetings-geneva"


CHANNEL_AND_KEY = """
from django.core.cache import cache
from convener.live.bus import bus
print(bus().channel(7), cache.make_and_validate_key("page"))
"""


def channel_and_key(database_url: str, tmp_path) -> list[str]:
    """The live update channel of meeting 7 and a cache key, as a server with
    this database names them in Redis."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "tests-only",
        "REDIS_URL": "redis://127.0.0.1:6379/0",  # named, never reached
        "CONVENER_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "convener.settings",
    }
    env.pop("CONVENER_REDIS_PREFIX", None)
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(){CHANNEL_AND_KEY}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.split()


def test_two_installations_on_one_redis_neither_hear_nor_read_each_other(tmp_path):
    unhcr = channel_and_key("postgres://c@127.0.0.1:5432/convener_unhcr", tmp_path)
    undp = channel_and_key("postgres://c@127.0.0.1:5432/convener_undp", tmp_path)

    assert unhcr[0] == "convener-convener_unhcr:live:meeting:7"
    assert unhcr[1] == "convener-convener_unhcr:1:page"
    assert undp[0] == "convener-convener_undp:live:meeting:7"
    assert undp[1] == "convener-convener_undp:1:page"
