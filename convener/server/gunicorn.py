"""Running Convener under gunicorn, configured from Convener's own settings."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication


class ConvenerServer(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from convener.wsgi import application

        return application


def serve(*, bind: str, workers: int, log_level: str = "info", access_log: bool = True) -> None:
    options = {
        "bind": bind,
        "workers": workers,
        # Loading Django once in the arbiter lets the workers share its memory.
        "preload_app": True,
        "loglevel": log_level,
        "accesslog": "-" if access_log else None,
        # Heartbeat files in memory: a worker on a slow disk is not killed as hung.
        "worker_tmp_dir": "/dev/shm",  # noqa: S108
        "timeout": 60,
        "graceful_timeout": 10,
    }
    ConvenerServer(options).run()
