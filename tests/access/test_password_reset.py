"""A forgotten password is replaced through a link sent by e-mail, a few times an hour at most."""

import re

import pytest
from django.core import mail
from django.core.cache import caches
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RESET = reverse("password_reset")
SENT = reverse("password_reset_done")
NEW = "a brand new long password"


@pytest.fixture(autouse=True)
def _no_count_of_an_earlier_test():
    """The limits count in the shared cache, which outlives a test's transaction."""
    caches["default"].clear()


@pytest.fixture
def user():
    return UserFactory(username="rapporteur", email="rapporteur@example.org")


def ask(client, email, address="127.0.0.10"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def link_in(message) -> str:
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_sign_in_page_links_the_password_reset(client):
    assertContains(client.get(reverse("login")), f'href="{RESET}"')


def test_reset_email_is_sent_and_its_link_sets_a_new_password(client, user):
    assertRedirects(ask(client, "Rapporteur@example.org"), SENT)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["rapporteur@example.org"]
    assert mail.outbox[0].subject == "A new password for Convener"
    form = client.get(link_in(mail.outbox[0]), follow=True)
    assertContains(form, "Choose a new password")
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}, follow=True
    )
    assertContains(done, "Your new password is set.")
    user.refresh_from_db()
    assert user.check_password(NEW)


def test_reset_link_works_once(client, user):
    ask(client, user.email)
    form = client.get(link_in(mail.outbox[0]), follow=True)
    client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})

    again = client.get(link_in(mail.outbox[0]), follow=True)

    assertContains(again, "This link does not work")


def test_reset_answer_does_not_reveal_whether_an_address_has_an_account(client, user):
    known = ask(client, user.email, address="127.0.0.11")
    unknown = ask(client, "nobody@example.org", address="127.0.0.12")

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1


def test_sixth_reset_from_one_address_in_an_hour_is_refused(client, user):
    for number in range(5):
        assertRedirects(ask(client, f"someone-{number}@example.org"), SENT)

    refused = ask(client, user.email)

    assertContains(refused, "Too many password reset e-mails", status_code=429)
    assert mail.outbox == []


def test_sixth_reset_for_one_email_in_an_hour_is_refused_from_any_address(client, user):
    for number in range(5):
        assertRedirects(ask(client, user.email, address=f"127.0.1.{number}"), SENT)

    refused = ask(client, user.email, address="127.0.2.1")

    assertContains(refused, "Too many password reset e-mails", status_code=429)
    assert len(mail.outbox) == 5
