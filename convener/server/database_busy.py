"""A request that found the database locked answers 503 with Retry-After.

With the embedded SQLite database one writer at a time holds the lock.
SQLite itself retries a locked write for the connection's busy timeout, at
the start of the transaction (Convener's are `BEGIN IMMEDIATE`), where
nothing has been done yet and a retry is safe. A lock held longer than that
used to end in a 500; it is a busy server, not a fault, so the reader is told
to come back in a few seconds. Retrying the whole request here would not be
safe: a view may have committed part of its work before it met the lock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


def database_busy(error: BaseException) -> bool:
    return isinstance(error, OperationalError) and "database is locked" in str(error)


def busy_log(request: HttpRequest) -> None:
    logger.warning("Database locked: answered 503 to %s %s", request.method, request.path)


class DatabaseBusyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not database_busy(exception):
            return None
        busy_log(request)
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
