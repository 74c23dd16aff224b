"""Convener's configuration: one table of setting, default and documentation.

Every setting is read from the environment; `docs/deployment.md` documents each
one and a test keeps the two in step.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs


@dataclass(frozen=True)
class Option:
    env: str
    default: str
    doc: str


OPTIONS: tuple[Option, ...] = (
    Option(
        "CONVENER_DATA_DIR",
        "",
        "Folder for the embedded SQLite database and uploaded files. "
        "Default: the per-user data folder (`~/.local/share/convener` on Linux).",
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
        "convener",
        "Prefix of Convener's cache keys and channels in Redis: one per installation "
        "sharing a Redis server.",
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


def data_dir() -> Path:
    """The data folder, created readable by its owner only: it holds the
    database and the secret key."""
    configured = get("CONVENER_DATA_DIR")
    path = Path(configured) if configured else Path(platformdirs.user_data_dir("convener"))
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.mkdir(mode=0o700)
    return path


def private_file(path: Path) -> Path:
    """Create `path` if it is missing, and make it readable by its owner only.

    SQLite gives its -wal and -shm files the permissions of the database
    file, so a database made private here keeps them private too.
    """
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(descriptor)
    path.chmod(0o600)
    return path
