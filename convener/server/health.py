"""`/health/`: whether this process should receive requests, for a load balancer.

Answered before any other middleware: no session, no host check, no redirect
to HTTPS, never cached, so that a load balancer probing `127.0.0.1:8001`
over plain HTTP gets the answer. It costs one query to the database, one
PING to Redis when `REDIS_URL` is set, and one indexed query for the age of
the oldest build waiting in the queue.

- 200 `{"status": "ready", ...}`: the database and Redis answer.
- 503 `{"status": "failing", ...}`: a check failed; `checks` says which.
- 503 `{"status": "draining"}`: the process is stopping (`start_draining`),
  and finishes the requests it has while the balancer sends new ones elsewhere.

The age of the queue is reported (`oldest_queued_seconds`, and `worker_queue`
"late" past `QUEUE_LATE_SECONDS`) but never makes the answer 503: the queue is
shared by every web process, so a stopped worker would take them all out of
the balancer, and the site down, for files only the worker builds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from typing import Any

import redis
from django.conf import settings
from django.db import Error as DatabaseError
from django.db import connections
from django.dispatch import Signal
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from convener import config

logger = logging.getLogger(__name__)

PATH = "/health/"
# A build waiting longer than this is reported late (the worker is stopped or busy).
QUEUE_LATE_SECONDS = 300
# Seconds to wait for Redis before calling it down.
REDIS_TIMEOUT = 2.0

_draining = False

# Sent when the process starts draining: the live app ends its event streams.
draining_started = Signal()


def start_draining() -> None:
    """From now on `/health/` answers 503 "draining": the server flips it when it
    begins to stop, so that the balancer sends no new requests here."""
    global _draining  # one flag per process, by design
    _draining = True
    draining_started.send(sender=None)


def stop_draining() -> None:
    global _draining
    _draining = False


def is_draining() -> bool:
    return _draining


def database_answers() -> bool:
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("health: the database does not answer", exc_info=True)
        # A broken connection is not kept for the next request.
        connection.close_if_unusable_or_obsolete()
        return False
    return True


@cache
def _redis_client(url: str) -> redis.Redis:
    return redis.Redis.from_url(
        url, socket_connect_timeout=REDIS_TIMEOUT, socket_timeout=REDIS_TIMEOUT
    )


def redis_answers() -> bool | None:
    """Whether Redis answers a PING; None when Convener runs without it."""
    url = config.get("REDIS_URL")
    if not url:
        return None
    try:
        return bool(_redis_client(url).ping())
    except (redis.RedisError, OSError):
        logger.warning("health: Redis does not answer", exc_info=True)
        return False


def oldest_queued_seconds() -> float | None:
    """How long the oldest build ready to run has waited; None when the queue is
    empty or not kept in the database."""
    backend = settings.TASKS["default"]["BACKEND"]
    if backend != "django_tasks_db.DatabaseBackend":
        return None
    from django_tasks_db.models import DBTaskResult

    oldest = (
        DBTaskResult.objects.ready()
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)[:1]
    )
    if not oldest:
        return None
    return max(0.0, (timezone.now() - oldest[0]).total_seconds())


def health() -> tuple[int, dict[str, Any]]:
    """The status code and body of `/health/`."""
    if is_draining():
        return 503, {"status": "draining"}
    database = database_answers()
    shared = redis_answers()
    checks: dict[str, Any] = {
        "database": "ok" if database else "failed",
        "redis": "not used" if shared is None else ("ok" if shared else "failed"),
    }
    body: dict[str, Any] = {"status": "ready", "checks": checks}
    if database:
        waited = oldest_queued_seconds()
        checks["worker_queue"] = "late" if (waited or 0) > QUEUE_LATE_SECONDS else "ok"
        body["oldest_queued_seconds"] = None if waited is None else round(waited, 1)
    if not database or shared is False:
        body["status"] = "failing"
        return 503, body
    return 200, body


class HealthMiddleware:
    """Answers `/health/` itself, before the rest of the stack runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info != PATH:
            return self.get_response(request)
        status, body = health()
        response = JsonResponse(body, status=status)
        add_never_cache_headers(response)
        return response
