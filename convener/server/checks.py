"""Convener's own system checks (`convener check`, and `convener check --deploy`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Tags, Warning, register

from convener import config


@register(Tags.staticfiles)
def data_folder(app_configs: Any, **kwargs: Any) -> list[Warning]:
    """A server on PostgreSQL runs without a data folder, but `collectstatic`
    needs one for the static files."""
    try:
        config.data_dir()
    except config.NoDataFolder as error:
        return [
            Warning(
                str(error),
                hint="Static files have nowhere to be collected to until it is set.",
                id="convener.W001",
            )
        ]
    return []


@register(Tags.database, deploy=True)
def production_database(app_configs: Any, **kwargs: Any) -> list[Warning]:
    """The embedded SQLite database is for the demo and a single process."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        return []
    return [
        Warning(
            "The database is the embedded SQLite file: one writer at a time, on one "
            "machine, and backed up by copying a file that is being written.",
            hint="Set DATABASE_URL to a PostgreSQL database (docs/deployment.md).",
            id="convener.W002",
        )
    ]


@register(Tags.caches, deploy=True)
def shared_live_updates(app_configs: Any, **kwargs: Any) -> list[Warning]:
    """Several worker processes share live updates only through Redis."""
    workers = int(config.get("CONVENER_WORKERS"))
    if config.get("REDIS_URL") or workers <= 1:
        return []
    return [
        Warning(
            f"CONVENER_WORKERS is {workers} but REDIS_URL is not set: `convener serve` "
            "runs one worker process, and several `convener serve` processes would "
            "not pass live updates to each other's screens.",
            hint="Set REDIS_URL, or CONVENER_WORKERS=1 for a single process.",
            id="convener.W003",
        )
    ]
