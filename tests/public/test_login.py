import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")


def test_login_page_has_labelled_fields(client):
    response = client.get(LOGIN)

    assertContains(response, '<label for="id_username">Username:</label>', html=True)
    assertContains(response, '<label for="id_password">Password:</label>', html=True)


def test_login_page_has_no_sign_in_link_to_itself(client):
    response = client.get(LOGIN)

    assertNotContains(response, "/accounts/login/?next=")


def test_login_with_a_wrong_password_shows_the_error(client):
    StaffFactory(username="secretariat")

    response = client.post(LOGIN, {"username": "secretariat", "password": "wrong"})

    assertContains(response, '<div class="form-errors" role="alert">')
    assertContains(response, "Please enter a correct username and password.")


def test_login_signs_in_and_returns_to_the_page(client):
    StaffFactory(username="secretariat")

    response = client.post(
        LOGIN,
        {"username": "secretariat", "password": "a long test password", "next": "/states/XNL/"},
    )

    assertRedirects(response, "/states/XNL/", fetch_redirect_response=False)


def test_logout_by_post_signs_out(staff_client):
    response = staff_client.post(reverse("logout"))

    assertRedirects(response, reverse("public:home"), fetch_redirect_response=False)
