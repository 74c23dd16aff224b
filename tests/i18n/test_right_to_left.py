"""Arabic pages are right to left, every other language left to right; inside
them, times, dates, names, symbols and addresses keep their own direction."""

from __future__ import annotations

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from convener.roles.models import Role
from tests.factories import (
    CoChairFactory,
    GrantFactory,
    MeetingFactory,
    PersonFactory,
    SegmentFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory(
        series=SeriesFactory(slug="gmg-2016"),
        number=3,
        title="Strengthening responsibility sharing for refugees.",
        date=datetime.date(2016, 7, 13),
        start_time=datetime.time(10),
        end_time=datetime.time(13),
        room="Conference Room 6",
    )


@pytest.fixture
def secretariat(client, meeting):
    user = GrantFactory(series=meeting.series, role=Role.SECRETARIAT).user
    client.force_login(user)
    return user


def address(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


PAGES = {
    "public home": ("public:home", ()),
    "public meeting": ("public:meeting", ("gmg-2016", 3)),
    "workspace": ("manage:home", ()),
    "workspace meeting form": ("manage:meeting_create", ("gmg-2016",)),
    "projector": ("live:projector", ("gmg-2016", 3)),
    "sign-in": ("login", ()),
}


@pytest.mark.parametrize("page", PAGES)
def test_arabic_page_is_right_to_left(client, meeting, secretariat, page):
    name, args = PAGES[page]

    response = client.get(address("ar", name, *args))

    assertContains(response, '<html lang="ar" dir="rtl"')


@pytest.mark.parametrize("language", ["en", "fr", "ru", "es", "zh-hans"])
@pytest.mark.parametrize("page", PAGES)
def test_page_in_another_language_is_left_to_right(client, meeting, secretariat, language, page):
    name, args = PAGES[page]

    response = client.get(address(language, name, *args))

    assertContains(response, f'<html lang="{language}" dir="ltr"')


def test_page_not_found_speaks_the_language_of_its_address_in_its_direction(client):
    response = client.get("/ar/series/no-such-series/")

    assert response.status_code == 404
    assertContains(response, '<html lang="ar" dir="rtl"', status_code=404)
    assertContains(response, "<main", status_code=404)


def test_server_error_page_is_right_to_left_in_arabic():
    with translation.override("ar"):
        html = render_to_string("500.html")

    assert '<html lang="ar" dir="rtl">' in html


# Isolation: what reads left to right in every language stays in its order.


def test_public_meeting_time_is_isolated_left_to_right(client, meeting):
    response = client.get(address("ar", "public:meeting", "gmg-2016", 3))

    assertContains(response, '<bdi dir="ltr">10:00–13:00</bdi>')


def test_public_meeting_time_with_its_end_to_be_confirmed_keeps_its_start_first(client, meeting):
    meeting.end_time = None
    meeting.save()

    response = client.get(address("ar", "public:meeting", "gmg-2016", 3))

    assertContains(response, '<bdi dir="ltr">10:00–<abbr title="')


def test_public_meeting_title_room_and_date_keep_their_own_direction(client, meeting):
    response = client.get(address("ar", "public:meeting", "gmg-2016", 3))

    assertContains(
        response,
        # The English title is marked English on the Arabic page.
        '<bdi><span lang="en" dir="ltr">'
        "Strengthening responsibility sharing for refugees.</span></bdi>",
    )
    assertContains(response, "<bdi>Conference Room 6</bdi>")
    assertContains(response, "<bdi>13 يوليو 2016</bdi>")


def test_public_names_keep_their_own_direction(client, meeting):
    person = PersonFactory(key="mwaba-kasese-bota", honorific="H.E.", given_name="Mwaba")
    CoChairFactory(meeting=meeting, person=person)

    response = client.get(address("ar", "public:meeting", "gmg-2016", 3))

    assertContains(
        response, f'<bdi><a href="/ar/people/mwaba-kasese-bota/">{person.formal_name}</a></bdi>'
    )


def test_public_segment_time_is_isolated(client, meeting):
    SegmentFactory(meeting=meeting, duration=15)

    response = client.get(address("ar", "public:meeting", "gmg-2016", 3))

    assertContains(response, '<p class="segment-time"><bdi>10:00–10:15</bdi></p>')


def test_public_series_isolates_each_meetings_title(client, meeting):
    response = client.get(address("ar", "public:series", "gmg-2016"))

    assertContains(
        response,
        # The English title is marked English on the Arabic page.
        '<bdi><span lang="en" dir="ltr">'
        "Strengthening responsibility sharing for refugees.</span></bdi>",
    )
    assertContains(response, '<bdi dir="ltr">10:00–13:00</bdi>')


def test_workspace_meeting_time_and_time_zone_are_isolated(client, meeting, secretariat):
    response = client.get(address("ar", "manage:meeting", "gmg-2016", 3))

    assertContains(response, '<bdi dir="ltr">10:00–13:00</bdi>')
    assertContains(response, '(<bdi dir="ltr">America/New_York</bdi>)')


def test_workspace_programme_time_is_isolated(client, meeting, secretariat):
    response = client.get(address("ar", "manage:programme", "gmg-2016", 3))

    assertContains(response, '<bdi dir="ltr">10:00–13:00</bdi>')


def test_workspace_list_of_meetings_isolates_titles_and_dates(client, meeting, secretariat):
    response = client.get(address("ar", "manage:series", "gmg-2016"))

    assertContains(response, "<bdi>Strengthening responsibility sharing for refugees.</bdi>")
    assertContains(response, "<bdi>13 يوليو 2016</bdi>")


def test_workspace_meeting_form_takes_dates_and_times_left_to_right(client, meeting, secretariat):
    html = client.get(address("ar", "manage:meeting_create", "gmg-2016")).content.decode()

    for field in ("date", "start_time", "end_time"):
        box = re.search(rf'<input[^>]*name="{field}"[^>]*>', html).group(0)
        assert 'dir="ltr"' in box, box


def test_projector_isolates_the_meetings_title(client, meeting):
    response = client.get(address("ar", "live:projector", "gmg-2016", 3))

    assertContains(
        response,
        '<h1 class="projector__meeting"><bdi>Strengthening responsibility sharing for refugees.'
        "</bdi></h1>",
    )
