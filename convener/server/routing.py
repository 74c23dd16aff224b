"""The one ASGI application `convener serve` runs: async views apart, every other page as WSGI.

An asynchronous view (the live event stream) holds its connection open for
hours while it waits on the event loop, so it goes through Django's ASGI
handler. Every other view is synchronous (the ORM, templates): under the ASGI
handler each such request would run in a thread and a database connection
opened for it alone, about twice as slow as under a WSGI server. So those go
through Django's WSGI handler in a small pool of threads that keep their
database connections, and WhiteNoise serves the static files there as it
does under any WSGI server.
"""

from __future__ import annotations

from functools import lru_cache
from inspect import iscoroutinefunction
from typing import Any

from django.conf import settings
from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.wsgi import WSGIHandler
from django.urls import Resolver404, resolve
from django.utils import translation

from convener.server.threaded_wsgi import ThreadedWSGI

# Threads of a process for the synchronous pages. Pages are mostly Python
# work under one interpreter lock, so a few suffice; more than one keeps a
# slow request from holding up the others.
PAGE_THREADS = 4


@lru_cache(maxsize=4096)
def is_async_view(path: str) -> bool:
    """Whether the address leads to an asynchronous view, in any language of the site."""
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            return iscoroutinefunction(resolve(path).func)
        except Resolver404:
            return False


class StreamHandler(ASGIHandler):
    """Django's ASGI handler, minus a thread for each request's synchronous code.

    Django runs the synchronous code of each ASGI request (the middleware, the
    ORM) in a thread of the request's own, kept until the response ends. A
    live stream lasts hours: a thousand screens would hold a thousand idle
    threads, each with its database connection. Here the synchronous part of
    every stream runs in one thread shared by all, which keeps its database
    connection as a WSGI worker's thread does.
    """

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            raise ValueError(f"Convener serves HTTP, not {scope['type']}")
        # What Django's own `__call__` runs inside a context of the request's own
        # (`ThreadSensitiveContext`); the live tests stream through it.
        await self.handle(scope, receive, send)


class SplitApplication:
    def __init__(self, *, asgi: ASGIHandler, wsgi: WSGIHandler) -> None:
        self.asgi = asgi
        self.wsgi = ThreadedWSGI(wsgi, threads=PAGE_THREADS)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and not is_async_view(scope["path"]):
            await self.wsgi(scope, receive, send)
        else:
            await self.asgi(scope, receive, send)
