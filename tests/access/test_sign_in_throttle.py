"""One address may not try a password on each of many user names."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertTemplateUsed

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
RIGHT = "a long test password"
ADDRESS = "127.0.0.10"


def sign_in(client, username, password, address=ADDRESS):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_forty_user_names_from_one_address_get_that_address_locked(client):
    user = UserFactory(username="rapporteur")
    responses = [sign_in(client, f"guess-{number}", "password1") for number in range(40)]

    assert [response.status_code for response in responses[:19]] == [200] * 19
    assert {response.status_code for response in responses[19:]} == {429}
    response = sign_in(client, user.username, RIGHT)
    assert response.status_code == 429
    assertTemplateUsed(response, "registration/locked_out.html")
    assert "_auth_user_id" not in client.session


def test_user_names_tried_from_one_address_leave_another_address_free(client):
    user = UserFactory(username="rapporteur")
    for number in range(40):
        sign_in(client, f"guess-{number}", "password1")

    response = sign_in(client, user.username, RIGHT, address="127.0.0.20")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_few_mistakes_on_several_accounts_of_one_venue_lock_no_one(client):
    users = [UserFactory(username=f"delegate-{number}") for number in range(6)]
    for user in users:
        for _ in range(3):
            sign_in(client, user.username, "wrong password")

    assert sign_in(client, users[0].username, RIGHT).status_code == 302
    assert client.session["_auth_user_id"] == str(users[0].pk)
