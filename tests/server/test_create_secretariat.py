"""`convener create-secretariat`: the first accounts of a production installation."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from convener.roles.models import Grant, Role
from tests.factories import SeriesFactory

PASSWORD = "a long pass phrase for the secretariat"


@pytest.fixture
def password_file(tmp_path):
    path = tmp_path / "password"
    path.write_text(PASSWORD + "\n")
    return path


def create(*args, **options):
    out = io.StringIO()
    call_command("createsecretariat", *args, stdout=out, **options)
    return out.getvalue()


@pytest.mark.django_db
def test_secretariat_of_a_series_signs_in_and_manages_that_series_only(password_file):
    series, other = SeriesFactory(), SeriesFactory()

    output = create("amina", "--series", series.slug, "--password-file", str(password_file))

    amina = get_user_model().objects.get(username="amina")
    assert output == f"Created amina, secretariat of the series {series.slug}.\n"
    assert amina.check_password(PASSWORD)
    assert amina.has_perm("series.manage", series)
    assert not amina.has_perm("series.manage", other)
    assert not amina.is_superuser


@pytest.mark.django_db
def test_secretariat_of_the_installation_is_the_site_administrator(monkeypatch):
    monkeypatch.setenv("CONVENER_SECRETARIAT_PASSWORD", PASSWORD)

    create("admin", "--email", "admin@example.org")

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.is_staff
    assert admin.email == "admin@example.org"
    assert admin.has_perm("series.create")
    assert admin.check_password(PASSWORD)


@pytest.mark.django_db
def test_password_is_read_from_standard_input(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))

    create("admin", "--password-file", "-")

    assert get_user_model().objects.get(username="admin").check_password(PASSWORD)


@pytest.mark.django_db
def test_password_is_never_an_argument():
    with pytest.raises(CommandError, match="unrecognized arguments: --password"):
        create("admin", "--password", PASSWORD)


@pytest.mark.django_db
def test_without_a_terminal_or_a_password_source_nothing_is_created(monkeypatch):
    monkeypatch.delenv("CONVENER_SECRETARIAT_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))

    with pytest.raises(CommandError, match="No password: give --password-file FILE"):
        create("admin")
    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.django_db
def test_weak_password_is_refused_with_the_validators_reasons(tmp_path):
    weak = tmp_path / "weak"
    weak.write_text("12345678\n")

    with pytest.raises(CommandError, match="This password is too common"):
        create("admin", "--password-file", str(weak))
    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.django_db
def test_unknown_series_says_to_import_it_first(password_file):
    with pytest.raises(CommandError, match=r"No series gmg-2030: import it first"):
        create("amina", "--series", "gmg-2030", "--password-file", str(password_file))


@pytest.mark.django_db
def test_existing_account_keeps_its_password_and_gains_the_role(password_file):
    series = SeriesFactory()
    get_user_model().objects.create_user("amina", password="her own pass phrase")

    output = create("amina", "--series", series.slug)

    assert "amina exists (its password is unchanged)" in output
    assert get_user_model().objects.get(username="amina").check_password("her own pass phrase")
    assert Grant.objects.filter(user__username="amina", role=Role.SECRETARIAT).count() == 1
