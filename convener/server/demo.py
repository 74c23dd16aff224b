"""The demo: the 2016 GMG series and one account per role, ready to explore."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from convener.access.domain.grants import grant_role
from convener.access.models import Role
from convener.directory.domain.reference_data import load_reference_data
from convener.directory.models import Organisation, Person, State
from convener.exchange.domain.importer import ImportSummary, import_file
from convener.meetings.models import Series

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
)


def demo_series_file() -> Path:
    return Path(str(resources.files("convener.demo").joinpath("gmg-2016.yaml")))


def _ensure_accounts(series: Series) -> None:
    user_model = get_user_model()
    for account in DEMO_ACCOUNTS:
        user, _ = user_model.objects.get_or_create(username=account.username)
        user.is_staff = user.is_superuser = account.is_superuser
        user.set_password(account.password)
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
            )


def load_demo_series() -> ImportSummary:
    """Load (or refresh) the demo series and the demo accounts."""
    with transaction.atomic():
        summary = import_file(path=demo_series_file())
        _ensure_accounts(summary.series)
    return summary


def load_demo() -> ImportSummary:
    """Load (or refresh) the reference data, the demo series and the demo accounts."""
    with transaction.atomic():
        load_reference_data()
        return load_demo_series()
