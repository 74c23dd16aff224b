"""The token page and the tokens at work on the API."""

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from convener.api.domain.tokens import create_token, revoke_token
from convener.api.models import ApiToken
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

PAGE = "/api/tokens/"


@pytest.fixture
def user():
    return UserFactory()


@pytest.fixture
def user_client(client, user):
    client.force_login(user)
    return client


def test_token_page_asks_to_sign_in(client):
    assertRedirects(
        client.get(PAGE), f"/accounts/login/?next={PAGE}", fetch_redirect_response=False
    )


def test_token_page_has_a_labelled_name_field(user_client):
    response = user_client.get(PAGE)

    assertContains(response, '<label for="id_name">Name:</label>', html=True)
    assertContains(response, "csrfmiddlewaretoken")


def test_token_page_lists_only_the_users_own_tokens(user_client, user):
    create_token(by=user, name="Mine")
    create_token(by=UserFactory(), name="Someone else's")

    response = user_client.get(PAGE)

    assertContains(response, "Mine")
    assertNotContains(response, "Someone else")


def test_creating_a_token_shows_its_secret_once(user_client, user):
    response = user_client.post(PAGE, {"name": "Website sync"})

    token = ApiToken.objects.get(user=user)
    secret = response.context["secret"]
    assert token.name == "Website sync"
    assertContains(response, f'value="{secret}"')
    assertNotContains(user_client.get(PAGE), secret)
    assert response["Cache-Control"].startswith("max-age=0")


def test_creating_a_token_stores_only_the_digest_of_its_secret(user_client):
    response = user_client.post(PAGE, {"name": "Website sync"})

    secret = response.context["secret"]
    assert not ApiToken.objects.filter(digest__contains=secret[4:12]).exists()
    assert len(ApiToken.objects.get().digest) == 64


def test_creating_a_token_without_a_name_shows_the_error(user_client):
    response = user_client.post(PAGE, {"name": "  "})

    assertContains(response, "This field is required.")
    assert not ApiToken.objects.exists()


def test_creating_a_token_needs_the_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    assert client.post(PAGE, {"name": "Forged"}).status_code == 403
    assert not ApiToken.objects.exists()


def test_revoking_a_token_marks_it_revoked(user_client, user):
    token, _ = create_token(by=user, name="Old script")

    response = user_client.post(f"/api/tokens/{token.pk}/revoke/")

    assertRedirects(response, PAGE, fetch_redirect_response=False)
    token.refresh_from_db()
    assert token.revoked_at is not None
    assertContains(user_client.get(PAGE), "is revoked")


def test_revoking_another_users_token_is_not_found(user_client):
    token, _ = create_token(by=UserFactory(), name="Not yours")

    response = user_client.post(f"/api/tokens/{token.pk}/revoke/")

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoking_by_get_is_not_allowed(user_client, user):
    token, _ = create_token(by=user, name="Mine")

    assert user_client.get(f"/api/tokens/{token.pk}/revoke/").status_code == 405


def test_a_token_opens_the_api_and_notes_its_use(client):
    token, secret = create_token(by=StaffFactory(), name="Script")

    response = client.get("/api/series", headers={"Authorization": f"Bearer {secret}"})

    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_revoked_token_is_unauthorized(client):
    token, secret = create_token(by=StaffFactory(), name="Script")
    revoke_token(token=token, by=token.user)

    response = client.get("/api/series", headers={"Authorization": f"Bearer {secret}"})

    assert response.status_code == 401
    assert response.json()["error"]["message"] == "The token is unknown or revoked."


def test_an_unknown_token_is_unauthorized_even_on_a_public_read(client):
    response = client.get("/api/series", headers={"Authorization": "Bearer cvn_guess"})

    assert response.status_code == 401


def test_a_token_of_a_deactivated_user_is_unauthorized(client):
    user = StaffFactory()
    _, secret = create_token(by=user, name="Script")
    user.is_active = False
    user.save()

    response = client.get("/api/series", headers={"Authorization": f"Bearer {secret}"})

    assert response.status_code == 401


@pytest.mark.parametrize("header", ["Basic dXNlcjpwYXNz", "Bearer", "Token abc"])
def test_an_authorization_header_without_a_bearer_token_is_unauthorized(client, header):
    response = client.get("/api/series", headers={"Authorization": header})

    assert response.status_code == 401
