"""The demo: the 2016 GMG series and one account per role, ready to explore."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from convener.directory.domain.reference_data import load_reference_data
from convener.exchange.domain.importer import ImportSummary, import_file

DEMO_SERIES_SLUG = "gmg-2016"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    is_staff: bool = False
    is_superuser: bool = False


DEMO_ACCOUNTS = (
    DemoAccount(
        "secretariat",
        "gmg-2016-secretariat",
        "Secretariat of the 2016 series (can edit everything in the admin)",
        is_staff=True,
        is_superuser=True,
    ),
)


def demo_series_file() -> Path:
    return Path(str(resources.files("convener.demo").joinpath("gmg-2016.yaml")))


def _ensure_accounts() -> None:
    user_model = get_user_model()
    for account in DEMO_ACCOUNTS:
        user, _ = user_model.objects.get_or_create(username=account.username)
        user.is_staff = account.is_staff
        user.is_superuser = account.is_superuser
        user.set_password(account.password)
        user.save()


def load_demo_series() -> ImportSummary:
    """Load (or refresh) the demo series and the demo accounts."""
    with transaction.atomic():
        summary = import_file(path=demo_series_file())
        _ensure_accounts()
    return summary


def load_demo() -> ImportSummary:
    """Load (or refresh) the reference data, the demo series and the demo accounts."""
    with transaction.atomic():
        load_reference_data()
        return load_demo_series()
