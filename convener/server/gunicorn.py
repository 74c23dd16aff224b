"""Running Convener under gunicorn, configured from Convener's own settings.

Each worker process runs an event loop (uvicorn) serving `convener.asgi`: the
live event streams wait on the loop, the pages run in the worker's threads.
Beside them runs the background worker that builds document files
(`convener.server.worker`).
"""

from __future__ import annotations

import gc
import os
import socket
import sys
from typing import Any

from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter
from uvicorn.server import Server
from uvicorn_worker import UvicornWorker

from convener import config
from convener.server.health import start_draining
from convener.server.worker import worker_beside


class DrainingServer(Server):
    """uvicorn's server, which on stopping also ends the live streams it serves.

    Once it has stopped listening, it answers `/health/` "draining" to the
    requests it still has, and the live app ends every event stream
    (`health.draining_started`): each browser reconnects within a second (the
    stream's `retry`), through the proxy, to a process that still listens, and
    the server stops as soon as its pages are answered, rather than cutting
    the streams after `timeout_graceful_shutdown` with an error in the log.
    """

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        for server in self.servers:
            server.close()  # no new connection while the streams end
        for listening in sockets or []:
            listening.close()
        start_draining()
        await super().shutdown(sockets)


class ConvenerWorker(UvicornWorker):
    CONFIG_KWARGS = {
        "loop": "auto",  # uvloop when installed
        "http": "auto",  # httptools when installed
        "lifespan": "off",  # Django has no start-up or shut-down steps to run
        # REMOTE_ADDR stays the peer's address, as under any WSGI server: which
        # forwarded address to believe is `access.addresses`' decision.
        "proxy_headers": False,
        # Convener writes the access log itself (`server.access_log`): with the
        # time, and the visitor behind the proxy.
        "access_log": False,
        # A stopping process ends its live streams itself (`DrainingServer`):
        # this bounds the wait for the pages it is still answering, within
        # the `graceful_timeout` after which gunicorn kills the worker.
        "timeout_graceful_shutdown": 8,
    }

    def init_process(self) -> None:
        one_thread_per_product()
        super().init_process()

    async def _serve(self) -> None:
        # UvicornWorker._serve, with the server that drains.
        self.config.app = self.wsgi
        server = DrainingServer(config=self.config)
        self._install_sigquit_handler()
        await server.serve(sockets=self.sockets)
        if not server.started:
            sys.exit(Arbiter.WORKER_BOOT_ERROR)


def one_thread_per_product() -> None:
    """NumPy's matrix products (the search by meaning: 100,000 vectors by
    the question) run on one thread in a web worker, set before NumPy loads.

    The linear algebra library spreads a product over every core and keeps
    its threads spinning between products. That halves one search alone,
    but a worker answers several requests at once beside other workers: with
    eight searches at once on two cores, a search by meaning answered 36 a
    second with the threads and 69 with one (docs/benchmarks.md, "Search").
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


class ConvenerServer(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        serving = os.environ.get("CONVENER_SERVING", "split")
        if serving != "split":
            application = _compared_application(serving)
        else:
            from convener.asgi import application
        freeze_loaded_objects()
        return application


def freeze_loaded_objects() -> None:
    """Keep what loading made (modules, classes, URL patterns: about 170,000
    objects) out of the workers' garbage collections.

    The arbiter loads the application once and forks the workers from it
    (`preload_app`). Those objects live as long as the process, yet every full
    collection in a worker walked them all, holding the request it interrupted
    for 60 to 300 ms (the tail of the pages' latencies), and wrote to each one's
    header, copying the arbiter's pages into each worker's own memory. Frozen,
    a collection walks only what the worker made itself.
    """
    gc.collect()  # the garbage of loading is freed, not frozen
    gc.freeze()


def _compared_application(serving: str) -> Any:
    """A benchmark switch (CONVENER_SERVING, set by bench/pages and bench/live): other
    ways of serving, measured against the split of `convener.asgi`."""
    import django
    from django.core.asgi import get_asgi_application

    if serving == "django-asgi":  # Django's own ASGI handler for every request
        return get_asgi_application()
    if serving == "split-a2wsgi":  # the split, with a2wsgi's adapter for the pages
        from a2wsgi import WSGIMiddleware  # not a dependency: installed for the benchmark
        from django.core.wsgi import get_wsgi_application

        from convener.server.routing import PAGE_THREADS, StreamHandler, is_async_view

        django.setup(set_prefix=False)
        pages = WSGIMiddleware(get_wsgi_application(), workers=PAGE_THREADS)
        streams = StreamHandler()

        async def application(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] == "http" and not is_async_view(scope["path"]):
                await pages(scope, receive, send)
            else:
                await streams(scope, receive, send)

        return application
    raise ValueError(f"CONVENER_SERVING={serving}: split, django-asgi or split-a2wsgi")


def worker_processes(requested: int) -> int:
    """How many workers may run: processes share live updates through Redis, so without
    it one process serves every screen."""
    return requested if config.get("REDIS_URL") else 1


def server_options(
    *, bind: str, workers: int, log_level: str = "info", access_log: bool = True
) -> dict[str, Any]:
    """gunicorn's settings for `convener serve`."""
    return {
        "bind": bind,
        "workers": workers,
        "worker_class": "convener.server.gunicorn.ConvenerWorker",
        # Loading Django once in the arbiter lets the workers share its memory.
        "preload_app": True,
        "loglevel": log_level,
        "accesslog": "-" if access_log else None,
        # Heartbeat files in memory: a worker on a slow disk is not killed as hung.
        "worker_tmp_dir": "/dev/shm",  # noqa: S108
        "timeout": 60,
        "graceful_timeout": 10,
        # gunicorn's control socket (for `gunicornc`) sits at one path per user
        # by default, which every `convener serve` of a machine would share,
        # each taking it from the last. systemd or the container runtime
        # starts, stops and restarts Convener's processes: none is opened.
        "control_socket_disable": True,
    }


def serve(
    *,
    bind: str,
    workers: int,
    log_level: str = "info",
    access_log: bool = True,
    task_worker: bool = True,
) -> None:
    """Serve until stopped, with the background worker that builds files beside
    the web workers unless `task_worker` is off (a worker run separately)."""
    options = server_options(bind=bind, workers=workers, log_level=log_level, access_log=access_log)
    if not task_worker:
        ConvenerServer(options).run()
        return
    with worker_beside(verbosity=0 if log_level in {"warning", "error", "critical"} else 1):
        ConvenerServer(options).run()
