"""Signing in is paused for a user name and address after five wrong passwords."""

from __future__ import annotations

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects, assertTemplateUsed

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
RIGHT = "a long test password"
ADDRESS = "127.0.0.10"
OTHER_ADDRESS = "127.0.0.20"


@pytest.fixture
def user():
    return UserFactory(username="rapporteur")


def sign_in(client, username, password, address=ADDRESS):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, username, times, address=ADDRESS):
    for _ in range(times):
        response = sign_in(client, username, "wrong password", address)
    return response


def assert_signed_in(client, response, user):
    assertRedirects(response, reverse("public:home"), fetch_redirect_response=False)
    assert client.session["_auth_user_id"] == str(user.pk)


def assert_refused_as_locked_out(client, response):
    assert response.status_code == 429
    assertTemplateUsed(response, "registration/locked_out.html")
    assertContains(response, "Too many attempts to sign in", status_code=429)
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_still_let_the_right_one_in(client, user):
    fail(client, "rapporteur", 4)

    assert_signed_in(client, sign_in(client, "rapporteur", RIGHT), user)


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, user):
    fail(client, "rapporteur", 5)

    assert_refused_as_locked_out(client, sign_in(client, "rapporteur", RIGHT))


def test_the_fifth_wrong_password_already_shows_the_too_many_attempts_page(client, user):
    assert_refused_as_locked_out(client, fail(client, "rapporteur", 5))


def test_another_user_from_the_same_address_is_unaffected(client, user):
    other = UserFactory(username="chair")
    fail(client, "rapporteur", 5)

    assert_signed_in(client, sign_in(client, "chair", RIGHT), other)


def test_the_same_user_from_another_address_is_unaffected(client, user):
    fail(client, "rapporteur", 5)

    assert_signed_in(client, sign_in(client, "rapporteur", RIGHT, OTHER_ADDRESS), user)


def test_right_password_before_the_limit_resets_the_count(client, user):
    fail(client, "rapporteur", 4)
    sign_in(client, "rapporteur", RIGHT)
    client.post(reverse("logout"))

    fail(client, "rapporteur", 4)

    assert_signed_in(client, sign_in(client, "rapporteur", RIGHT), user)


# Behind a reverse proxy, every request comes from the proxy's own address.

PROXY = "127.0.0.1"


def through_proxy(client, password, forwarded_for):
    return client.post(
        LOGIN,
        {"username": "rapporteur", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_behind_a_trusted_proxy_each_visitor_address_is_counted_apart(client, user, settings):
    settings.CONVENER_TRUSTED_PROXIES = 1
    for _ in range(5):
        through_proxy(client, "wrong password", "127.0.0.30")

    assert_signed_in(client, through_proxy(client, RIGHT, "127.0.0.40"), user)


def test_behind_a_trusted_proxy_a_forged_address_does_not_escape_the_limit(client, user, settings):
    settings.CONVENER_TRUSTED_PROXIES = 1
    for attempt in range(5):
        through_proxy(client, "wrong password", f"127.0.1.{attempt}, 127.0.0.30")

    assert_refused_as_locked_out(client, through_proxy(client, RIGHT, "127.0.2.1, 127.0.0.30"))


def test_without_a_trusted_proxy_the_forwarded_address_is_not_believed(client, user):
    for attempt in range(5):
        through_proxy(client, "wrong password", f"127.0.1.{attempt}")

    assert_refused_as_locked_out(client, through_proxy(client, RIGHT, "127.0.2.1"))
