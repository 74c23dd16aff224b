"""Convener's configuration: one table of setting, default and documentation.

Every setting is read from the environment; `docs/deployment.md` documents each
one and a test keeps the two in step.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Option:
    env: str
    default: str
    doc: str


OPTIONS: tuple[Option, ...] = (
    Option(
        "CONVENER_DATA_DIR",
        "",
        "Folder for the embedded SQLite database, the generated secret key and the "
        "collected static files. Default: the per-user data folder "
        "(`~/.local/share/convener` on Linux); a service account without a home "
        "folder must set it.",
    ),
    Option(
        "DATABASE_URL",
        "",
        "Database to use, e.g. `postgres://user:password@host:5432/convener`. "
        "Default: SQLite in the data folder.",
    ),
    Option(
        "SECRET_KEY",
        "",
        "Django's secret key. Required with `DATABASE_URL` (Convener refuses to start "
        "without it); with the embedded SQLite database, or with `CONVENER_DEBUG` on, "
        "one is generated and kept in the data folder.",
    ),
    Option("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]", "Comma-separated host names served."),
    Option(
        "CSRF_TRUSTED_ORIGINS",
        "",
        "Comma-separated origins (scheme and host) trusted for form posts behind a proxy.",
    ),
    Option("CONVENER_DEBUG", "false", "`true` shows Django's debug pages. Never in production."),
    Option(
        "REDIS_URL",
        "",
        "Redis for the shared cache and live updates across processes; required with "
        "more than one server process. Default: a per-process memory cache and updates.",
    ),
    Option(
        "CONVENER_REDIS_PREFIX",
        "",
        "Prefix of Convener's cache keys and live update channels in Redis. Default: "
        "`convener-` and the database's name, so that installations with databases of "
        "their own keep apart on one Redis server; set it when two installations' "
        "databases have the same name on different database servers.",
    ),
    Option(
        "CONVENER_SYMBOL_LINK_BASE",
        "https://undocs.org/en/",
        "Address a UN document symbol is appended to when it becomes a link.",
    ),
    Option(
        "CONVENER_SECURE",
        "false",
        "`true` behind HTTPS: secure cookies, HSTS and redirect to HTTPS.",
    ),
    Option(
        "CONVENER_TRUSTED_PROXIES",
        "0",
        "Number of reverse proxies in front of Convener that append the visitor's address "
        "to `X-Forwarded-For`; sign-in limits count failures per address.",
    ),
    Option(
        "CONVENER_WORKERS",
        "2",
        "Worker processes started by `convener serve`; one without `REDIS_URL`.",
    ),
    Option("CONVENER_BIND", "127.0.0.1:8000", "Address `convener serve` listens on."),
    Option("CONVENER_LOG_LEVEL", "info", "Log level of the server."),
    Option(
        "CONVENER_EMAIL_HOST",
        "",
        "SMTP server that sends e-mail (invitations, password reset links). "
        "Default: none, e-mails are written to the server's console.",
    ),
    Option("CONVENER_EMAIL_PORT", "587", "Port of the SMTP server."),
    Option("CONVENER_EMAIL_USER", "", "User name on the SMTP server, if it asks for one."),
    Option("CONVENER_EMAIL_PASSWORD", "", "Password on the SMTP server."),
    Option(
        "CONVENER_EMAIL_TLS",
        "true",
        "`true` starts TLS on the SMTP connection (STARTTLS, usually port 587).",
    ),
    Option(
        "CONVENER_FROM_EMAIL",
        "Convener <convener@localhost>",
        "Sender address of the e-mails Convener sends.",
    ),
)

_BY_ENV = {option.env: option for option in OPTIONS}


def get(env: str) -> str:
    """The value of a setting: the environment's, else the table's default."""
    return os.environ.get(env, _BY_ENV[env].default)


def get_bool(env: str) -> bool:
    return get(env).strip().lower() in {"1", "true", "yes", "on"}


def get_list(env: str) -> list[str]:
    return [item.strip() for item in get(env).split(",") if item.strip()]


class NoDataFolder(ImproperlyConfigured):
    """No data folder is configured and none can be made where the default puts it."""


def data_dir_path() -> Path | None:
    """Where the data folder is, without creating it: `CONVENER_DATA_DIR`, else
    the user's data folder, or None when the user has no home folder to hold it
    (a service account without one, `HOME` unset)."""
    configured = get("CONVENER_DATA_DIR")
    if configured:
        return Path(configured)
    derived = Path(platformdirs.user_data_dir("convener"))
    # Without a home folder, `~` stays unexpanded: a relative path, under the
    # folder the command happens to run in.
    return derived if derived.is_absolute() else None


def data_dir() -> Path:
    """The data folder, created readable by its owner only: it holds the
    embedded database, the generated secret key and the collected static files.

    Raises NoDataFolder, naming `CONVENER_DATA_DIR`, when it cannot be made.
    """
    path = data_dir_path()
    if path is None:
        raise NoDataFolder(
            "No data folder: this user has no home folder to hold one. Set "
            "CONVENER_DATA_DIR to a folder it may write (for a service, /var/lib/convener)."
        )
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.mkdir(mode=0o700)
        except OSError as error:
            raise NoDataFolder(
                f"No data folder: {path} cannot be created ({error.strerror}). Set "
                "CONVENER_DATA_DIR to a folder this user may write (for a service, "
                "/var/lib/convener)."
            ) from None
    return path


def redis_prefix(database: Mapping[str, Any]) -> str:
    """The prefix of Convener's keys and channels in Redis: `CONVENER_REDIS_PREFIX`,
    else one derived from the database, the same on every process and machine of
    an installation (a host name may differ between machines; the name does not).

    A database number of Redis does not separate publish/subscribe channels: two
    installations with the same prefix would show each other's floor states.
    """
    configured = get("CONVENER_REDIS_PREFIX").strip()
    if configured:
        return configured
    name = str(database.get("NAME") or "")
    if database.get("ENGINE") == "django.db.backends.sqlite3":
        # A path: its digest, as the folder names of a path say nothing useful.
        name = hashlib.sha256(name.encode()).hexdigest()[:16]
    return f"convener-{name}"


def private_file(path: Path) -> Path:
    """Create `path` if it is missing, and make it readable by its owner only.

    SQLite gives its -wal and -shm files the permissions of the database
    file, so a database made private here keeps them private too.
    """
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(descriptor)
    path.chmod(0o600)
    return path
