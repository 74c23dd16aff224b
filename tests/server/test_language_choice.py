"""An address without a language sends each reader to theirs; an address with one shows it.

The order of choice: the signed-in user's setting, then the switcher's
cookie, then the browser's Accept-Language, then the default language of the
series the page belongs to, then English.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from convener.access.models import AccountSettings
from convener.meetings.models import SeriesStatus
from tests.factories import MeetingFactory, SeriesFactory, UserFactory, secretariat_of

pytestmark = pytest.mark.django_db

HOME = reverse("public:home")
COOKIE = settings.LANGUAGE_COOKIE_NAME
# What a browser asks for when it opens a page.
PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def opens(client, url: str, language: str | None = None, **headers: str):
    """A browser opening the page at `url`, asking for `language` if given."""
    if language is not None:
        headers["accept-language"] = language
    return client.get(url, headers={"accept": PAGE, **headers})


def signed_in(client, language: str = ""):
    user = UserFactory()
    if language:
        AccountSettings.objects.create(user=user, language=language)
    client.force_login(user)
    return user


def series_page(**series) -> str:
    return reverse("public:series", args=[SeriesFactory(**series).slug])


# The order of choice


def test_language_without_any_choice_is_english(client):
    response = opens(client, HOME)

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"


def test_language_of_the_browser_sends_the_reader_to_the_page_in_it(client):
    response = opens(client, HOME, "fr-CH, fr;q=0.9, en;q=0.8")

    assert (response.status_code, response["Location"]) == (302, "/fr/")


def test_language_of_the_browser_is_the_best_of_the_six_it_asks_for(client):
    response = opens(client, HOME, "de-DE, de;q=0.9, es;q=0.5, ru;q=0.4")

    assert response["Location"] == "/es/"


def test_language_of_the_browser_in_chinese_is_the_simplified_interface(client):
    response = opens(client, HOME, "zh-CN")

    assert response["Location"] == "/zh-hans/"


def test_language_of_the_browser_in_english_keeps_the_page(client):
    response = opens(client, HOME, "en-GB, fr;q=0.5")

    assert response.status_code == 200


def test_language_of_the_switcher_comes_before_the_browser(client):
    client.cookies[COOKIE] = "ru"

    response = opens(client, HOME, "fr")

    assert response["Location"] == "/ru/"


def test_language_of_the_switcher_english_sticks_against_the_browser(client):
    client.cookies[COOKIE] = "en"

    response = opens(client, HOME, "ar")

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"


def test_language_of_the_switcher_unknown_to_the_site_is_ignored(client):
    client.cookies[COOKIE] = "de"

    response = opens(client, HOME, "es")

    assert response["Location"] == "/es/"


def test_language_of_the_users_setting_comes_before_the_switcher_and_browser(client):
    signed_in(client, "ar")
    client.cookies[COOKIE] = "ru"

    response = opens(client, reverse("manage:home"), "fr")

    assert response["Location"] == "/ar/manage/"


def test_language_of_the_users_setting_english_keeps_the_page(client):
    signed_in(client, "en")
    client.cookies[COOKIE] = "ru"

    response = opens(client, reverse("manage:home"), "fr")

    assert response.status_code == 200


def test_language_of_a_user_who_follows_the_browser_is_the_switchers_then_the_browsers(client):
    signed_in(client, "")

    assert opens(client, HOME, "fr")["Location"] == "/fr/"
    client.cookies[COOKIE] = "es"
    assert opens(client, HOME, "fr")["Location"] == "/es/"


def test_language_of_the_series_serves_a_browser_that_asks_for_none_of_the_six(client):
    page = series_page(default_language="fr")

    response = opens(client, page, "de")

    assert response["Location"] == f"/fr{page}"


def test_language_of_the_series_serves_a_reader_who_asks_for_nothing(client):
    meeting = MeetingFactory(series__default_language="es")
    page = reverse("public:meeting", args=[meeting.series.slug, meeting.number])

    assert opens(client, page)["Location"] == f"/es{page}"


def test_language_of_the_series_comes_after_the_browser(client):
    page = series_page(default_language="fr")

    response = opens(client, page, "ru")

    assert response["Location"] == f"/ru{page}"


def test_language_of_the_series_does_not_reach_pages_outside_the_series(client):
    SeriesFactory(default_language="fr")

    assert opens(client, HOME).status_code == 200


def test_language_of_a_draft_series_is_not_told_to_a_stranger(client):
    page = series_page(default_language="fr", status=SeriesStatus.DRAFT)

    # Not found in English, as for any address that leads to nothing.
    assert opens(client, page).status_code == 404


def test_language_of_a_draft_series_serves_its_secretariat(client):
    series = SeriesFactory(default_language="fr", status=SeriesStatus.DRAFT)
    client.force_login(secretariat_of(series))
    page = reverse("manage:series", args=[series.slug])

    assert opens(client, page)["Location"] == f"/fr{page}"


# The address


def test_language_of_a_prefixed_address_wins_over_every_choice(client):
    signed_in(client, "ar")
    client.cookies[COOKIE] = "ru"
    page = f"/es{series_page(default_language='fr')}"

    response = opens(client, page, "zh-CN")

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "es"


def test_language_redirect_keeps_the_query(client):
    page = reverse("public:series_document_versions", args=[SeriesFactory().slug, "report"])

    response = opens(client, f"{page}?old=1&new=2", "fr")

    assert response["Location"] == f"/fr{page}?old=1&new=2"


def test_language_redirect_is_marked_as_depending_on_the_reader(client):
    response = opens(client, HOME, "fr")

    assert {"Accept", "Accept-Language", "Cookie"} <= vary(response)


def test_language_unprefixed_page_is_marked_as_depending_on_the_reader(client):
    assert {"Accept", "Accept-Language", "Cookie"} <= vary(opens(client, HOME))


def test_language_unprefixed_data_is_marked_as_depending_on_the_reader_too(client):
    # A proxy must not give a browser the answer it kept for a script.
    assert {"Accept", "Accept-Language", "Cookie"} <= vary(client.get(HOME))


def vary(response) -> set[str]:
    return {header.strip() for header in response.get("Vary", "").split(",")}


# What is never sent elsewhere


def test_language_never_redirects_the_api(client):
    response = opens(client, "/api/series", "fr")

    assert response.status_code == 200


def test_language_never_redirects_the_admin(client):
    response = opens(client, "/admin/login/", "fr")

    assert response.status_code == 200


def test_language_never_redirects_an_htmx_request(client):
    response = opens(client, HOME, "fr", **{"hx-request": "true"})

    assert response.status_code == 200


def test_language_never_redirects_a_post(client):
    response = client.post(
        reverse("login"), {"username": "nobody", "password": "x"}, headers={"accept-language": "fr"}
    )

    assert response.status_code == 200  # the form again, with its error


def test_language_never_redirects_a_live_event_stream(client):
    meeting = MeetingFactory()
    events = reverse("live:events", args=[meeting.series.slug, meeting.number])

    response = opens(client, events, "fr")

    assert (response.status_code, response["Content-Type"]) == (200, "text/event-stream")


def test_language_never_redirects_a_request_for_an_event_stream(client):
    response = client.get(HOME, headers={"accept-language": "fr", "accept": "text/event-stream"})

    assert response.status_code == 200


def test_language_never_redirects_a_scripts_request_nor_reads_the_database_for_it(
    client, django_assert_num_queries
):
    page = series_page(default_language="fr")
    client.get(page)  # now in the page cache

    with django_assert_num_queries(1):  # the content revision, as before
        response = client.get(page, headers={"accept": "*/*"})

    assert response.status_code == 200


def test_language_never_redirects_an_unknown_address(client):
    response = opens(client, "/no/such/page/", "fr")

    assert response.status_code == 404


# The page cache


def test_language_cached_english_page_is_not_served_to_a_reader_of_french(client):
    assert opens(client, HOME).status_code == 200  # now in the page cache

    response = opens(client, HOME, "fr")

    assert (response.status_code, response["Location"]) == (302, "/fr/")


def test_language_redirect_is_not_served_to_the_next_reader(client):
    assert opens(client, HOME, "fr").status_code == 302

    response = opens(client, HOME, "en")

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"


def test_language_cached_french_page_is_the_page_of_its_prefix(client):
    opens(client, "/fr/")

    response = opens(client, "/fr/", "en")

    assert '<html lang="fr"' in response.content.decode()
