"""The "Your account" page of the workspace: the user's interface language."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from pytest_django.asserts import assertContains

from convener.access.models import AccountSettings
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ACCOUNT = reverse("manage:account")


@pytest.fixture
def user(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_account_page_is_linked_from_every_page_of_a_signed_in_user(client, user):
    response = client.get(reverse("manage:home"))

    assertContains(response, f'<a href="{ACCOUNT}">Your account</a>', html=True)


def test_account_page_asks_to_sign_in_first(client):
    response = client.get(ACCOUNT)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_account_page_offers_the_browsers_language_and_the_six_each_in_itself(client, user):
    response = client.get(ACCOUNT)

    assertContains(response, '<label for="id_language">Interface language:</label>', html=True)
    assertContains(response, '<option value="" selected>As my browser says</option>', html=True)
    assertContains(response, '<option value="ar" lang="ar">العربية</option>', html=True)


def test_account_page_shows_the_language_chosen(client, user):
    AccountSettings.objects.create(user=user, language="ru")

    response = client.get("/ru/manage/account/")

    assertContains(response, '<option value="ru" lang="ru" selected>Русский</option>', html=True)


def test_account_page_saves_the_language_and_opens_in_it(client, user):
    response = client.post(ACCOUNT, {"language": "fr"})

    assert response["Location"] == "/fr/manage/account/"
    assert AccountSettings.objects.get(user=user).language == "fr"
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Vos paramètres sont enregistrés."
    ]


def test_account_page_saved_message_is_shown_on_the_page(client, user):
    response = client.post(ACCOUNT, {"language": "en"}, follow=True)

    assertContains(response, "Your settings are saved.")


def test_account_page_back_to_the_browser_follows_the_browser(client, user):
    AccountSettings.objects.create(user=user, language="fr")

    response = client.post(ACCOUNT, {"language": ""}, headers={"accept-language": "es"})

    assert response["Location"] == "/es/manage/account/"
    assert AccountSettings.objects.get(user=user).language == ""


def test_account_page_refuses_a_language_it_does_not_offer(client, user):
    response = client.post(ACCOUNT, {"language": "de"})

    assert response.status_code == 200
    assertContains(response, "Select a valid choice. de is not one of the available choices.")
    assert not AccountSettings.objects.filter(user=user).exists()
