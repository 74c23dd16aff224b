"""A WSGI application served from an ASGI server, in a pool of threads.

The request's body is read on the event loop first; the WSGI application then
runs in a thread, which also gathers the response's head and body, so that a
page takes one hand-over from the loop to a thread and one back. (Adapters
that hand each message of the response back separately cost a round trip
each, about a millisecond per page under load.) A large body, a download,
goes back in slices of `SLICE` bytes, one hand-over each, so that no response
is held whole in memory.
"""

from __future__ import annotations

import asyncio
import contextvars
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

SLICE = 256 * 1024  # bytes of body handed back at a time

WSGIApplication = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


@dataclass
class _Response:
    status: int = 500
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    body: list[bytes] = field(default_factory=list)
    rest: Iterator[bytes] | None = None  # the body not yet read, for a large response
    close: Callable[[], None] = lambda: None


class ThreadedWSGI:
    def __init__(self, application: WSGIApplication, *, threads: int) -> None:
        self.application = application
        self.executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="pages")

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        loop = asyncio.get_running_loop()
        # The request's body, in memory up to Django's limit for uploads, then on disk.
        with tempfile.SpooledTemporaryFile(max_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE) as body:
            await _read_body(receive, body)
            run = contextvars.copy_context().run  # each request in a context of its own
            response = await loop.run_in_executor(
                self.executor, run, self._respond, _environ(scope, body)
            )
        try:
            await send(
                {
                    "type": "http.response.start",
                    "status": response.status,
                    "headers": response.headers,
                }
            )
            chunk = b"".join(response.body)
            while response.rest is not None:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
                chunk = await loop.run_in_executor(self.executor, _next_slice, response)
            await send({"type": "http.response.body", "body": chunk})
        finally:
            if response.rest is not None:  # the client left during a download
                await loop.run_in_executor(self.executor, response.close)

    def _respond(self, environ: dict[str, Any]) -> _Response:
        response = _Response()

        def start_response(
            status: str, headers: list[tuple[str, str]], exc_info: Any = None
        ) -> Callable[[bytes], None]:
            response.status = int(status.split(" ", 1)[0])
            response.headers = [
                (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers
            ]
            return _no_write

        iterable = self.application(environ, start_response)
        response.close = getattr(iterable, "close", response.close)
        chunks = iter(iterable)
        try:
            response.body, last = _read_slice(chunks)
        except BaseException:
            response.close()
            raise
        if last:
            response.close()  # in the request's thread, as a WSGI server does
        else:
            response.rest = chunks
        return response


def _read_slice(chunks: Iterator[bytes]) -> tuple[list[bytes], bool]:
    """The next `SLICE` bytes or more of a body, and whether the body ends there."""
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        parts.append(chunk)
        size += len(chunk)
        if size >= SLICE:
            return parts, False
    return parts, True


def _next_slice(response: _Response) -> bytes:
    """The next slice of a large body; the response is closed after the last."""
    assert response.rest is not None
    try:
        parts, last = _read_slice(response.rest)
    except BaseException:
        response.rest = None
        response.close()
        raise
    if last:
        response.rest = None
        response.close()
    return b"".join(parts)


def _no_write(data: bytes) -> None:
    raise NotImplementedError("the write() of start_response is not supported")


async def _read_body(receive: Any, body: Any) -> None:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        body.write(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body.seek(0)


def _environ(scope: dict[str, Any], body: Any) -> dict[str, Any]:
    """The WSGI environment of an ASGI HTTP request (PEP 3333)."""
    server_name, server_port = scope.get("server") or ("localhost", 80)
    client = scope.get("client") or ("", 0)
    environ: dict[str, Any] = {
        "REQUEST_METHOD": scope["method"],
        "SCRIPT_NAME": scope.get("root_path", "").encode().decode("latin-1"),
        "PATH_INFO": scope["path"].encode().decode("latin-1"),
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "SERVER_NAME": str(server_name),
        "SERVER_PORT": str(server_port),
        "SERVER_PROTOCOL": f"HTTP/{scope.get('http_version', '1.1')}",
        "REMOTE_ADDR": client[0],
        "REMOTE_PORT": str(client[1]),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.get("scheme", "http"),
        "wsgi.input": body,
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    for raw_name, raw_value in scope.get("headers", []):
        if b"_" in raw_name:
            continue  # as gunicorn does: X_Forwarded_For must not pass for X-Forwarded-For
        name = raw_name.decode("latin-1").upper().replace("-", "_")
        value = raw_value.decode("latin-1")
        if name in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            environ[name] = value
            continue
        key = f"HTTP_{name}"
        environ[key] = f"{environ[key]},{value}" if key in environ else value
    return environ
