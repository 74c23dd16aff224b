"""The demo: the 2016 GMG series and one account per role, ready to explore."""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from convener import config
from convener.access.models import Invitation
from convener.audit.actors import command_line_operator
from convener.directory.domain.reference_data import load_reference_data
from convener.directory.models import Organisation, Person, State
from convener.exchange.domain.importer import import_file
from convener.exchange.domain.rows import ImportSummary
from convener.meetings.models import Series
from convener.records.models import Intervention
from convener.roles.domain import grant_role
from convener.roles.models import Role
from convener.server.demo_history import demo_history_file, load_with_history
from convener.server.demo_translations import demo_translations_file, load_translations

DEMO_SERIES_SLUG = "gmg-2016"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    description: str
    role: str = ""  # a Role of the demo series; empty for the site administrator
    organisation: str = ""  # directory key, for a focal point or an organisation's delegation
    person: str = ""  # directory key, for a speaker
    state: str = ""  # ISO 3166 alpha-3, for a State's delegation
    language: str = ""  # for a translator, the language they translate into
    is_superuser: bool = False


DEMO_ACCOUNTS = (
    DemoAccount(
        "administrator",
        "convener-administrator",
        "site administrator (every series, and the Django admin)",
        is_superuser=True,
    ),
    DemoAccount(
        "secretariat",
        "gmg-2016-secretariat",
        "secretariat of the 2016 series (everything in it)",
        role=Role.SECRETARIAT,
    ),
    DemoAccount(
        "undp",
        "gmg-2016-undp",
        "UNDP focal point (the programme of the 13 July meeting, which UNDP co-organised)",
        role=Role.FOCAL_POINT,
        organisation="undp",
    ),
    DemoAccount(
        "rapporteur",
        "gmg-2016-rapporteur",
        "rapporteur of the series (records and report prose of every meeting)",
        role=Role.RAPPORTEUR,
    ),
    DemoAccount(
        "chair",
        "gmg-2016-chair",
        "chair's office (the list of speakers on the day)",
        role=Role.CHAIR,
    ),
    DemoAccount(
        "speaker",
        "gmg-2016-speaker",
        "a speaker, Ms. Anna Greene (her own details and confirmation)",
        role=Role.SPEAKER,
        person="anna-greene",
    ),
    DemoAccount(
        "mexico",
        "gmg-2016-mexico",
        "the delegation of Mexico (its requests for the floor)",
        role=Role.DELEGATION,
        state="MEX",
    ),
    DemoAccount(
        "translator",
        "gmg-2016-translator",
        "translator into French (the series' texts in French, beside the English)",
        role=Role.TRANSLATOR,
        language="fr",
    ),
)


def demo_series_file() -> Path:
    return Path(str(resources.files("convener.demo").joinpath("gmg-2016.yaml")))


def production_reason() -> str | None:
    """Why the settings look like a production installation, where the demo
    must not run (it creates a superuser whose password the README prints), or
    None. The rule: the database is not the embedded SQLite (`DATABASE_URL`
    names a database server), or `SECRET_KEY` is set while `CONVENER_DEBUG`
    is off, as `docs/deployment.md` has a production installation do."""
    database_url = config.get("DATABASE_URL").strip()
    if database_url and not database_url.lower().startswith("sqlite:"):
        return (
            "DATABASE_URL names a database server: the demo runs only on the embedded "
            "SQLite database (unset DATABASE_URL, or point CONVENER_DATA_DIR at a new folder)"
        )
    if config.get("SECRET_KEY") and not config.get_bool("CONVENER_DEBUG"):
        return (
            "SECRET_KEY is set and CONVENER_DEBUG is off, as in production: "
            "run the demo without SECRET_KEY"
        )
    return None


def is_loopback(host: str) -> bool:
    """Whether an address to listen on is reachable from this machine only."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def address(host: str, port: int) -> str:
    """`host:port`, with an IPv6 address in brackets as servers and browsers read it."""
    return f"[{host}]:{port}" if ":" in host and not host.startswith("[") else f"{host}:{port}"


def random_passwords() -> dict[str, str]:
    """A fresh password for each demo account, for a demo others can reach."""
    return {account.username: secrets.token_urlsafe(12) for account in DEMO_ACCOUNTS}


def _ensure_accounts(series: Series, passwords: Mapping[str, str] | None = None) -> dict[str, str]:
    """Create the demo accounts, or set them back, with the README's passwords
    unless others are given. Returns the passwords set."""
    chosen = {
        account.username: (passwords or {}).get(account.username, account.password)
        for account in DEMO_ACCOUNTS
    }
    user_model = get_user_model()
    for account in DEMO_ACCOUNTS:
        user, _ = user_model.objects.get_or_create(username=account.username)
        user.is_staff = user.is_superuser = account.is_superuser
        user.set_password(chosen[account.username])
        user.save()
        if account.role:
            grant_role(
                user=user,
                series=series,
                role=account.role,
                organisation=(
                    Organisation.objects.get(key=account.organisation)
                    if account.organisation
                    else None
                ),
                person=Person.objects.get(key=account.person) if account.person else None,
                state=State.objects.get(iso3=account.state) if account.state else None,
                language=account.language,
                by=command_line_operator(),
            )
    return chosen


def load_demo_series() -> ImportSummary:
    """Import the demo series from its file and set the demo accounts up."""
    with transaction.atomic():
        summary = import_file(path=demo_series_file(), by=command_line_operator())
        _ensure_accounts(summary.series)
        _load_translations(summary.series)
    return summary


def _load_translations(series: Series) -> None:
    """The series' texts in French and Spanish, written by its secretariat account."""
    secretariat = get_user_model().objects.get(username="secretariat")
    load_translations(demo_translations_file(), series=series, by=secretariat)


@dataclass(frozen=True)
class DemoState:
    """What `prepare_demo` found and did."""

    series: Series
    loaded: ImportSummary | None  # None: the demo series was there and was kept as it was
    passwords: dict[str, str]  # the passwords set now, by user name; empty when kept
    removed: str = ""  # with reset: the series as it was, in words


def prepare_demo(*, reset: bool = False, passwords: Mapping[str, str] | None = None) -> DemoState:
    """The reference data, the demo series and the demo accounts.

    The demo series is loaded once, with the published versions of its
    concept note as facts were confirmed (`demo_history`): when it exists it
    is kept as visitors left it (their edits, the live floor), and so are its
    accounts. `reset` removes it and loads it again from the files. `passwords` (by user name)
    are set on the demo accounts in every case.
    """
    with transaction.atomic():
        load_reference_data()
        series = Series.objects.filter(slug=DEMO_SERIES_SLUG).first()
        removed = ""
        if series is not None and reset:
            removed = _in_words(series)
            series.delete()
            series = None
        if series is None:
            summary = load_with_history(
                demo_series_file(), demo_history_file(), by=command_line_operator()
            )
            chosen = _ensure_accounts(summary.series, passwords)
            _load_translations(summary.series)
            return DemoState(summary.series, summary, chosen, removed)
        chosen = _ensure_accounts(series, passwords) if passwords else {}
        return DemoState(series, None, chosen)


def _in_words(series: Series) -> str:
    counts = (
        (series.meetings.count(), "meetings"),
        (Intervention.objects.filter(segment__meeting__series=series).count(), "interventions"),
        (series.grants.count(), "roles"),
        (Invitation.objects.filter(series=series).count(), "invitations"),
    )
    return f"{series.slug} (" + ", ".join(f"{count} {what}" for count, what in counts) + ")"
