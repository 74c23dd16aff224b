"""What every public page shares: landmarks, language, and the account link."""

import itertools
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import (
    InterventionFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db

HOME = reverse("public:home")


def every_page():
    """One URL of each public page, with something on it."""
    participation = ParticipationFactory()
    meeting = participation.segment.meeting
    intervention = InterventionFactory(segment__meeting=meeting)
    return [
        HOME,
        reverse("public:series", args=[meeting.series.slug]),
        reverse("public:meeting", args=[meeting.series.slug, meeting.number]),
        reverse("public:person", args=[participation.person.key]),
        reverse("public:organisation", args=[participation.person.organisation.key]),
        reverse("public:state", args=[intervention.state.iso3]),
        reverse("login"),
    ]


def test_layout_every_page_has_one_h1_and_the_landmarks(client):
    for url in every_page():
        content = client.get(url).content.decode()

        assert content.count("<h1") == 1, url
        for landmark in ("<header", "<nav", '<main id="content"', "<footer"):
            assert content.count(landmark) >= 1, (url, landmark)


def test_layout_every_page_has_headings_in_order(client):
    for url in every_page():
        levels = [
            int(level) for level in re.findall(r"<h([1-6])", client.get(url).content.decode())
        ]

        assert levels[0] == 1, url
        assert all(after - before <= 1 for before, after in itertools.pairwise(levels)), (
            url,
            levels,
        )


def test_layout_skip_link_leads_to_main(client):
    response = client.get(HOME)

    assertContains(
        response, '<a class="skip-link" href="#content">Skip to main content</a>', html=True
    )


def test_layout_english_page_is_left_to_right(client):
    response = client.get(HOME)

    assertContains(response, '<html lang="en" dir="ltr">')


def test_layout_arabic_page_is_right_to_left(client):
    response = client.get("/ar/")

    assertContains(response, '<html lang="ar" dir="rtl">')


def test_layout_language_follows_a_prefixed_address_not_the_browser(client):
    response = client.get("/fr/", headers={"accept-language": "es"})

    assertContains(response, '<html lang="fr" dir="ltr">')


def test_layout_language_switcher_offers_every_language_named_in_itself(client):
    content = client.get(HOME).content.decode()

    offered = re.findall(r'lang="([^"]+)" hreflang="[^"]+"[^>]*>([^<]+)</a>', content)
    assert offered == list(settings.LANGUAGES)


def test_layout_language_switcher_marks_the_current_language(client):
    content = client.get("/fr/").content.decode()

    assert re.findall(r'hreflang="([^"]+)" aria-current="true"', content) == ["fr"]


def test_layout_anonymous_visitor_gets_a_sign_in_link_back_to_the_page(client):
    response = client.get(HOME)

    assertContains(response, '<a href="/accounts/login/?next=/">Sign in</a>', html=True)


def test_layout_signed_in_user_gets_a_sign_out_form_that_posts(staff_client):
    response = staff_client.get(HOME)

    assertContains(response, '<form class="inline-form" method="post" action="/accounts/logout/">')
    assertNotContains(response, "Sign in")


def test_layout_stylesheet_is_found_by_collectstatic():
    # In production the manifest storage fails every page whose stylesheet
    # `collectstatic` did not collect.
    assert finders.find("convener/convener.css") is not None
