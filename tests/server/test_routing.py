"""One server for everything: the live streams asynchronously, every other page as WSGI."""

import pytest

from convener.server.gunicorn import worker_processes
from convener.server.routing import is_async_view


@pytest.mark.parametrize(
    "path",
    [
        "/live/series/gmg-2016/meetings/3/events/",
        "/fr/live/series/gmg-2016/meetings/3/events/",
        "/zh-hans/live/series/gmg-2016/meetings/3/events/",
    ],
)
def test_live_event_streams_are_served_asynchronously_in_every_language(path):
    assert is_async_view(path)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/fr/series/gmg-2016/",
        "/manage/",
        "/api/series",
        "/static/manage/manage.css",
        "/no/such/page/",
        "/xx/live/series/gmg-2016/meetings/3/events/",
    ],
)
def test_pages_static_files_and_unknown_addresses_are_served_as_wsgi(path):
    assert not is_async_view(path)


def test_without_redis_one_worker_serves_every_screen(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)

    assert worker_processes(4) == 1


def test_with_redis_every_worker_asked_for_runs(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")

    assert worker_processes(4) == 4
