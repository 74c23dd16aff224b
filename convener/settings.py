"""Django settings. Every value a deployment changes comes from `convener.config`."""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from csp import constants as csp
from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

from convener import config

BASE_DIR = Path(__file__).resolve().parent
# Where the data folder is; it is created when something is kept there (the
# embedded database, a generated key, `collectstatic`), so that a server on
# PostgreSQL runs for a user without a home folder.
DATA_DIR = config.data_dir_path()
DEBUG = config.get_bool("CONVENER_DEBUG")


def _secret_key() -> str:
    configured = config.get("SECRET_KEY")
    if configured:
        return configured
    # A server with its own database is a production one: a key generated
    # there would differ between its machines and hide a missing setting.
    if config.get("DATABASE_URL") and not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random value (for example the "
            "output of `python -c 'import secrets; print(secrets.token_urlsafe(50))'`), "
            "the same on every server process; only the embedded SQLite database "
            "(DATABASE_URL unset) or CONVENER_DEBUG=true generate one."
        )
    # The embedded set-up keeps a generated key beside its database, so that
    # sessions survive a restart without anyone having to invent a secret.
    key_file = config.private_file(config.data_dir() / "secret_key")
    if not key_file.read_text().strip():
        key_file.write_text(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = config.get_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = config.get_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "convener.directory",
    "convener.meetings",
    "convener.records",
    "convener.publishing",
    "convener.exchange",
    "convener.public",
    "convener.prose",
    "convener.server",
    "convener.api",
    "convener.audit",
    "convener.roles",
    "convener.texts",
    "convener.search",
    "convener.commitments",
    "convener.participation",
    "convener.themes",
    "convener.access",
    "convener.manage",
    "convener.live",
    "axes",
    "django_htmx",
    "ninja",  # serves the API's documentation page from our own static files
    "django_tasks",
    "django_tasks_db",  # the queue of background tasks, in the database
]

MIDDLEWARE = [
    # `/health/` for load balancers, before the host check, sessions and redirects.
    "convener.server.health.HealthMiddleware",
    # Every other request in the access log, with the visitor behind the proxy.
    "convener.server.access_log.access_log",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of the address; an address without one is sent to the
    # reader's language (`convener.server.language_choice`).
    "convener.server.language_choice.LanguageChoiceMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "convener.audit.middleware.AuditActorMiddleware",
    # A request that found SQLite locked answers 503 with Retry-After, not 500.
    "convener.server.database_busy.DatabaseBusyMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Refuses a sign-in after too many failures, before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    # The permissions of `convener.access.rules`, on objects.
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Five wrong passwords for one user name from one address lock that pair out
# for an hour; a right one resets the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# One address trying one password on each of many user names is paused too,
# after this many wrong passwords in the same hour, whatever the user names.
# Generous, as a meeting venue puts many people behind one address.
AXES_HANDLER = "convener.access.throttle.AddressLimitedHandler"
CONVENER_SIGN_IN_FAILURES_PER_ADDRESS = 20
# Password reset e-mails: this many an hour per visitor address and per
# e-mail address; the link in them works for an hour.
CONVENER_PASSWORD_RESETS_PER_HOUR = 5
PASSWORD_RESET_TIMEOUT = 3600
# Behind a reverse proxy every request comes from the proxy's address: the
# visitor's is the one the nearest trusted proxy appended to X-Forwarded-For.
CONVENER_TRUSTED_PROXIES = int(config.get("CONVENER_TRUSTED_PROXIES"))
AXES_CLIENT_IP_CALLABLE = "convener.access.addresses.client_address"

ROOT_URLCONF = "convener.urls"
WSGI_APPLICATION = "convener.wsgi.application"
# What `convener serve` runs: the live streams asynchronously, the pages as WSGI.
ASGI_APPLICATION = "convener.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        config.get("DATABASE_URL") or f"sqlite:///{config.data_dir() / 'convener.sqlite3'}",
        conn_max_age=600,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the server's workers read while one of them writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # Seconds SQLite retries a write that finds the database locked, at
        # the start of its transaction; past that the request answers 503
        # (`convener.server.database_busy`).
        "timeout": 5,
    }
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
    if DATABASES["default"]["NAME"] not in {"", ":memory:"}:
        # Made private before SQLite opens it, which gives its -wal and -shm
        # files the same permissions.
        config.private_file(Path(DATABASES["default"]["NAME"]))

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Convener's queries are short. PostgreSQL compiles a query whose estimated
    # cost passes `jit_above_cost` to machine code first: the organisations
    # within a user's reach took 190 ms of compiling for 3 ms of work.
    _database_options = DATABASES["default"].setdefault("OPTIONS", {})
    _database_options["options"] = f"{_database_options.get('options', '')} -c jit=off".strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background tasks (document builds) wait in the database until `convener
# worker` runs them: a queued build survives a restart of every process.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

_redis_url = config.get("REDIS_URL")
# Cache keys and live update channels in Redis start with it.
CONVENER_REDIS_PREFIX = config.redis_prefix(DATABASES["default"])
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _redis_url,
            "KEY_PREFIX": CONVENER_REDIS_PREFIX,
        }
        if _redis_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Rendered public pages live in each process's memory: reading them must
    # cost no network round trip. A shared revision number invalidates them.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "convener-pages",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "public:home"
LOGOUT_REDIRECT_URL = "public:home"

# The six official languages of the United Nations.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language a reader last chose with the switcher, kept for a year (Django
# keeps it only until the browser closes); no script reads it.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "static/"
# Without a data folder `collectstatic` says to set CONVENER_DATA_DIR
# (`convener.server.checks`).
STATIC_ROOT = DATA_DIR / "static" if DATA_DIR else None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Source maps of the API documentation's bundles are megabytes that nobody
# fetches compressed; compressing them made `collectstatic` take a minute.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = config.get_bool(
    "CONVENER_SECURE"
)
SECURE_SSL_REDIRECT = config.get_bool("CONVENER_SECURE")
SECURE_HSTS_SECONDS = 31536000 if config.get_bool("CONVENER_SECURE") else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = config.get_bool("CONVENER_SECURE")
# Only asks browsers' preload lists to take the domain; nothing changes until
# its owner submits the domain, which is then never served over plain HTTP.
SECURE_HSTS_PRELOAD = config.get_bool("CONVENER_SECURE")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Request sizes (docs/architecture.md, "Limits"). The longest text a form
# sends, 100,000 characters of report in a script that takes three bytes a
# character, is about 0.9 MB once URL-encoded; 4 MB lets that through and lets
# a paste of a few megabytes reach the form, which then says the text is too
# long and gives it back. A larger request is refused with a 413 page.
DATA_UPLOAD_MAX_MEMORY_SIZE = 4 * 1024 * 1024
# The largest form, a series' classification, sends one field per State (about 200).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# Convener takes one file, a series' emblem, on the one page that asks for it
# (`server.uploads.takes_file`); a file sent anywhere else is refused before it
# is stored, and of a file too large only its limit is kept, in memory.
DATA_UPLOAD_MAX_NUMBER_FILES = 1
FILE_UPLOAD_HANDLERS = ["convener.server.uploads.LimitedUploadHandler"]
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE

# --- Content-Security-Policy -------------------------------------------------
# Every page runs only script files served by the site itself: no inline
# script, no event-handler attributes, no eval, no inline styles, so markup
# that slips into a page cannot run. The templates keep their script and
# styles in static files; htmx is told not to inject its own styles
# (`htmx-config` in manage/base.html). `img-src data:` is for the images
# stylesheets embed (the API documentation's icons).
MIDDLEWARE.insert(
    # Near the top: the header goes on every response, including the pages
    # that middleware further down returns themselves (django-axes' lock-out).
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "csp.middleware.CSPMiddleware",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],
        "connect-src": [csp.SELF],
        "font-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    }
}
# ------------------------------------------------------------------------------

# Without an SMTP server (the demo, development) e-mails go to the console.
EMAIL_HOST = config.get("CONVENER_EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(config.get("CONVENER_EMAIL_PORT"))
EMAIL_HOST_USER = config.get("CONVENER_EMAIL_USER")
EMAIL_HOST_PASSWORD = config.get("CONVENER_EMAIL_PASSWORD")
EMAIL_USE_TLS = config.get_bool("CONVENER_EMAIL_TLS")
DEFAULT_FROM_EMAIL = config.get("CONVENER_FROM_EMAIL")

CONVENER_SYMBOL_LINK_BASE = config.get("CONVENER_SYMBOL_LINK_BASE")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_refusals": {"()": "convener.server.refusals.OneLineRefusals"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # A refused request is logged in one line (method, path, user, permission),
    # not with the traceback of the refusal.
    "loggers": {"django.request": {"filters": ["one_line_refusals"]}},
}
