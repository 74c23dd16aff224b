"""One line per request in the server's access log: when, from whom, what, the
answer and how long it took.

uvicorn's own line names neither the time nor, behind a proxy, the visitor: it
shows the proxy's address. This one names the visitor as the sign-in limits
count them (`access.addresses.client_address`, which believes as many proxies
as `CONVENER_TRUSTED_PROXIES` says), in the common log format's order:

    203.0.113.9 - [05/Dec/2026:23:25:01 +0000] "GET /series/gmg-2016/ HTTP/1.1" 200 12.3ms

It is written to gunicorn's access log (standard output), which `convener
serve --no-access-log` turns off. `/health/` is answered before it, so a load
balancer's probes do not fill the log. An event stream is logged when it
starts, with the time to its first byte.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from asgiref.sync import iscoroutinefunction
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.decorators import sync_and_async_middleware

from convener.access.addresses import client_address

# gunicorn gives this logger its handler when the access log is on.
logger = logging.getLogger("gunicorn.access")


@sync_and_async_middleware
def access_log(get_response: Callable[[HttpRequest], Any]) -> Callable[[HttpRequest], Any]:
    if iscoroutinefunction(get_response):

        async def log_async(request: HttpRequest) -> HttpResponseBase:
            if not logging_on():
                return await get_response(request)
            started = Started.of(request)
            response = await get_response(request)
            started.log(response)
            return response

        return log_async

    def log(request: HttpRequest) -> HttpResponseBase:
        if not logging_on():
            return get_response(request)
        started = Started.of(request)
        response = get_response(request)
        started.log(response)
        return response

    return log


def logging_on() -> bool:
    """Whether the access log has somewhere to go (`serve` without `--no-access-log`)."""
    return logger.isEnabledFor(logging.INFO) and logger.hasHandlers()


@dataclass(frozen=True)
class Started:
    """A request as it arrived: later middleware may rewrite its query (the
    public page cache drops what the page does not read)."""

    visitor: str
    line: str
    at: float

    @classmethod
    def of(cls, request: HttpRequest) -> Started:
        protocol = request.META.get("SERVER_PROTOCOL", "HTTP/1.1")
        # Escaped: a path's encoded line breaks stay encoded, one request a line.
        line = f"{request.method} {request.get_full_path()} {protocol}"
        return cls(visitor=client_address(request), line=line, at=time.perf_counter())

    def log(self, response: HttpResponseBase) -> None:
        logger.info(
            '%s - [%s] "%s" %d %.1fms',
            self.visitor,
            timezone.now().strftime("%d/%b/%Y:%H:%M:%S %z"),
            self.line,
            response.status_code,
            (time.perf_counter() - self.at) * 1000,
        )
