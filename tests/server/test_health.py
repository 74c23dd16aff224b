"""`/health/`, as a load balancer asks it: ready, draining, or failing, and why."""

import copy
import datetime

import pytest
from django.db import connections
from django.utils import timezone

from convener.server import health


@pytest.fixture
def tasks_in_the_database(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def unreachable_database(monkeypatch):
    """The default database as a process sees it when its server is gone: a real
    connection to where nothing answers."""
    current = connections["default"]
    settings_dict = copy.deepcopy(current.settings_dict)
    if current.vendor == "sqlite":
        settings_dict["NAME"] = "/nonexistent/folder/convener.sqlite3"
    else:
        settings_dict.update(HOST="127.0.0.1", PORT="9")  # the discard port: refused
    broken = type(current)(settings_dict, "default")
    monkeypatch.setattr(health, "connections", {"default": broken})
    yield
    broken.close()


@pytest.mark.django_db
def test_ready_process_answers_200_with_each_check(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "checks": {"database": "ok", "redis": "not used", "worker_queue": "ok"},
        "oldest_queued_seconds": None,
    }


@pytest.mark.django_db
def test_health_is_never_cached_and_opens_no_session(client):
    response = client.get("/health/")

    assert "no-store" in response["Cache-Control"]
    assert "Set-Cookie" not in response
    assert not response.cookies


@pytest.mark.django_db
def test_health_answers_a_balancer_probing_by_address_over_plain_http(client, settings):
    settings.ALLOWED_HOSTS = ["meetings.example.org"]
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/health/", HTTP_HOST="127.0.0.1:8001")

    assert response.status_code == 200


def test_draining_process_answers_503_draining(client, draining):
    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {"status": "draining"}


@pytest.mark.django_db
def test_process_whose_database_is_down_answers_503_naming_it(client, unreachable_database):
    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {
        "status": "failing",
        "checks": {"database": "failed", "redis": "not used"},
    }


@pytest.mark.django_db
def test_process_whose_redis_is_down_answers_503_naming_it(client, monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:9/0")  # refused

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["checks"]["redis"] == "failed"


@pytest.mark.django_db
def test_late_queue_is_reported_but_keeps_the_process_in_the_balancer(
    client, tasks_in_the_database
):
    from django_tasks_db.models import DBTaskResult

    from convener.publishing.domain.builds import build_document

    build_document.enqueue(0)
    waited = timezone.now() - datetime.timedelta(seconds=health.QUEUE_LATE_SECONDS + 60)
    DBTaskResult.objects.update(enqueued_at=waited)

    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json()["checks"]["worker_queue"] == "late"
    assert response.json()["oldest_queued_seconds"] >= health.QUEUE_LATE_SECONDS + 60
