"""The switcher at the top of every page: the same page, query kept, in the
language chosen, and the choice remembered."""

from __future__ import annotations

import html
import re

import pytest
from django.conf import settings
from django.urls import reverse

from convener.access.models import AccountSettings
from convener.audit.models import AuditEntry
from tests.factories import MeetingFactory, SeriesFactory, UserFactory

pytestmark = pytest.mark.django_db

CHOOSE = reverse("choose_language")
COOKIE = settings.LANGUAGE_COOKIE_NAME


def switcher_links(content: str) -> dict[str, str]:
    """The switcher's link for each language, by its code."""
    return {
        code: html.unescape(href)
        for href, code in re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang', content)
    }


def test_switcher_follows_to_the_same_page_and_query_in_the_language(client):
    page = reverse("login")
    links = switcher_links(client.get(f"{page}?next=/manage/&from=mail").content.decode())

    response = client.get(links["fr"])

    assert response.status_code == 302
    assert response["Location"] == f"/fr{page}?next=/manage/&from=mail"


def test_switcher_on_a_cached_page_keeps_the_query_the_page_reads(client):
    page = reverse("public:series", args=[SeriesFactory().slug])
    links = switcher_links(client.get(f"{page}?utm_source=mail").content.decode())

    # The page cache keeps one copy of the page whatever junk its address carries.
    assert client.get(links["es"])["Location"] == f"/es{page}"


def test_switcher_on_a_page_in_another_language_leads_to_english_without_prefix(client):
    meeting = MeetingFactory()
    page = reverse("public:meeting", args=[meeting.series.slug, meeting.number])
    links = switcher_links(client.get(f"/ru{page}").content.decode())

    assert client.get(links["en"])["Location"] == page


def test_switcher_remembers_the_choice_in_the_language_cookie(client):
    response = client.get(CHOOSE, {"language": "ar", "next": "/"})

    cookie = response.cookies[COOKIE]
    assert (cookie.value, cookie["max-age"], cookie["samesite"]) == (
        "ar",
        settings.LANGUAGE_COOKIE_AGE,
        "Lax",
    )


def test_switcher_choice_of_english_sticks_on_the_next_page(client):
    french = {"accept-language": "fr", "accept": "text/html"}
    client.get(CHOOSE, {"language": "en", "next": "/fr/"}, headers=french)

    response = client.get(reverse("public:home"), headers=french)

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"


def test_switcher_refuses_to_lead_to_another_site(client):
    response = client.get(CHOOSE, {"language": "es", "next": "https://elsewhere.example/"})

    assert response["Location"] == "/es/"


def test_switcher_refuses_a_language_the_site_does_not_speak(client):
    response = client.get(CHOOSE, {"language": "de", "next": "/"})

    assert response.status_code == 404
    assert COOKIE not in response.cookies


def test_switcher_answer_is_never_cached(client):
    response = client.get(CHOOSE, {"language": "fr", "next": "/"})

    assert "no-store" in response["Cache-Control"]


def test_switcher_of_a_signed_in_user_is_a_form_that_posts(client):
    client.force_login(UserFactory())

    content = client.get(reverse("manage:home")).content.decode()

    assert f'<form method="post" action="{CHOOSE}">' in content
    assert '<input type="hidden" name="next" value="/manage/">' in content
    assert re.findall(r'name="language" value="([^"]+)"', content) == [
        code for code, _name in settings.LANGUAGES
    ]


def test_switcher_changes_the_language_a_users_account_names(client):
    user = UserFactory()
    AccountSettings.objects.create(user=user, language="fr")
    client.force_login(user)

    response = client.post(CHOOSE, {"language": "en", "next": "/fr/manage/"})

    assert response["Location"] == "/manage/"
    assert AccountSettings.objects.get(user=user).language == "en"
    # No way back to French for the browser that opens the page.
    assert client.get("/manage/", headers={"accept": "text/html"}).status_code == 200


def test_switcher_leaves_an_account_that_follows_the_browser_to_the_cookie(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(CHOOSE, {"language": "ru", "next": "/manage/"})

    assert response["Location"] == "/ru/manage/"
    assert response.cookies[COOKIE].value == "ru"
    assert not AccountSettings.objects.filter(user=user).exclude(language="").exists()
    assert not AuditEntry.objects.filter(target_type="access.AccountSettings").exists()


def test_switcher_is_on_the_projector_and_keeps_it(client):
    meeting = MeetingFactory()
    projector = reverse("live:projector", args=[meeting.series.slug, meeting.number])
    links = switcher_links(client.get(projector).content.decode())

    assert client.get(links["ar"])["Location"] == f"/ar{projector}"
