"""`convener demo` refuses production installations and does not hand the
README's passwords to whoever reaches a public address."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from convener.meetings.models import Series
from convener.server.demo import DEMO_ACCOUNTS, is_loopback
from convener.server.management.commands import demo as demo_command

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def demo_environment(monkeypatch):
    """The environment of a newcomer's machine: embedded database, no secret key."""
    for name in ("DATABASE_URL", "SECRET_KEY", "CONVENER_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture
def served(demo_environment, settings):
    """Run the demo command up to the server, which is not started: returns the binds."""
    settings.ALLOWED_HOSTS = list(settings.ALLOWED_HOSTS)  # restored after the test
    binds: list[str] = []
    demo_environment.setattr(demo_command, "call_command", lambda *args, **kwargs: None)
    demo_environment.setattr(demo_command, "serve", lambda **options: binds.append(options["bind"]))
    return binds


def test_demo_refuses_a_database_server_so_no_superuser_with_the_readme_password(
    demo_environment,
):
    demo_environment.setenv("DATABASE_URL", "postgres://convener@db.example.org/convener")

    with pytest.raises(CommandError) as refused:
        call_command("demo", "--load-only")

    assert str(refused.value) == (
        "The demo does not run on a production installation: DATABASE_URL names a database "
        "server: the demo runs only on the embedded SQLite database (unset DATABASE_URL, or "
        "point CONVENER_DATA_DIR at a new folder)."
    )
    assert not get_user_model().objects.filter(username="administrator").exists()
    assert not Series.objects.exists()


def test_demo_refuses_production_settings_secret_key_without_debug(demo_environment):
    demo_environment.setenv("SECRET_KEY", "a-production-secret")

    with pytest.raises(CommandError, match=r"SECRET_KEY is set and CONVENER_DEBUG is off"):
        call_command("demo", "--load-only")

    assert not get_user_model().objects.filter(username="administrator").exists()


def test_demo_refuses_a_public_host_unless_allowed(served):
    with pytest.raises(CommandError) as refused:
        call_command("demo", "--host", "0.0.0.0")  # noqa: S104

    assert str(refused.value).startswith("--host 0.0.0.0 lets other machines reach the demo")
    assert (served, Series.objects.exists()) == ([], False)


def test_demo_refuses_debug_pages_on_a_public_host(demo_environment, served):
    demo_environment.setenv("CONVENER_DEBUG", "true")

    with pytest.raises(CommandError, match=r"^CONVENER_DEBUG is on: the debug pages"):
        call_command("demo", "--host", "0.0.0.0", "--allow-public")  # noqa: S104

    assert served == []


def test_demo_on_a_public_host_warns_and_gives_fresh_passwords_printed_once(served, capsys, client):
    call_command("demo", "--host", "0.0.0.0", "--port", "8123", "--allow-public")  # noqa: S104

    out, err = capsys.readouterr()
    assert served == ["0.0.0.0:8123"]
    assert err.startswith("Warning: the demo listens on 0.0.0.0: anyone who reaches")
    printed = dict(
        line.split(" — ")[0].removeprefix("  sign in as ").split(" / ")
        for line in out.splitlines()
        if line.startswith("  sign in as ")
    )
    assert sorted(printed) == sorted(account.username for account in DEMO_ACCOUNTS)
    users = get_user_model().objects
    for account in DEMO_ACCOUNTS:
        user = users.get(username=account.username)
        assert not user.check_password(account.password)
        assert user.check_password(printed[account.username])
    assert len(set(printed.values())) == len(DEMO_ACCOUNTS)


def test_demo_on_loopback_serves_with_the_readme_passwords(served, capsys):
    call_command("demo", "--host", "::1", "--port", "8124")

    out = capsys.readouterr().out
    assert served == ["[::1]:8124"]
    assert "Convener is running at http://[::1]:8124/" in out
    assert "  sign in as secretariat / gmg-2016-secretariat — " in out


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),  # noqa: S104
        ("::", False),
        ("192.168.1.10", False),
        ("demo.example.org", False),
    ],
)
def test_demo_loopback_is_this_machine_only(host, loopback):
    assert is_loopback(host) is loopback


def test_demo_second_start_says_it_kept_the_series_and_reset_says_what_it_removed(served, capsys):
    call_command("demo", "--load-only")
    first = capsys.readouterr().out

    call_command("demo", "--load-only")
    second = capsys.readouterr().out
    call_command("demo", "--load-only", "--reset")
    reset = capsys.readouterr().out.splitlines()

    assert first.startswith("Demo series gmg-2016 loaded: 4 meetings, ")
    assert second.startswith(
        "Demo series gmg-2016 kept as it was (convener demo --reset loads it again from its "
        "file). Database: "
    )
    assert reset[0].startswith("Reset: removed the demo series gmg-2016 (4 meetings, ")
    assert reset[1].startswith("Demo series gmg-2016 loaded: 4 meetings, ")
    assert reset[2] == (
        "Its concept note keeps 5 versions, from first publication to the report: "
        "/series/gmg-2016/documents/concept-note/versions/"
    )
