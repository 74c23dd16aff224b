"""A series' time zone is picked by city or country; the IANA name is stored."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from convener.manage.interfaces.time_zones import zone_of
from convener.meetings.models import Series
from convener.roles.models import Role
from tests.factories import GrantFactory, SeriesFactory

pytestmark = pytest.mark.django_db

GENEVA = "Geneva (Switzerland) — Europe/Zurich"
NEW_YORK = "New York (United States) — America/New_York"


@pytest.fixture
def series():
    return SeriesFactory(slug="expert-meeting", timezone="America/New_York")


@pytest.fixture
def secretariat(client, series):
    user = GrantFactory(series=series, role=Role.SECRETARIAT).user
    client.force_login(user)
    return user


def _save_time_zone(client, series, typed):
    return client.post(
        reverse("manage:series_edit", args=[series.slug]),
        {"title": series.title, "timezone": typed},
    )


def test_the_series_form_offers_places_by_city_and_country(client, secretariat, series):
    response = client.get(reverse("manage:series_edit", args=[series.slug]))

    assertContains(response, 'list="id_timezone-places"')
    assertContains(response, f'<option value="{GENEVA}">', html=False)
    assertContains(response, f'<option value="{NEW_YORK}">', html=False)


def test_the_series_form_shows_the_stored_zone_as_its_place(client, secretariat, series):
    response = client.get(reverse("manage:series_edit", args=[series.slug]))

    assertContains(response, f'name="timezone" value="{NEW_YORK}"')


def test_a_place_picked_from_the_list_stores_its_iana_name(client, secretariat, series):
    _save_time_zone(client, series, GENEVA)

    assert Series.objects.get(pk=series.pk).timezone == "Europe/Zurich"


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("geneva", "Europe/Zurich"),
        ("Nairobi", "Africa/Nairobi"),
        ("Switzerland", "Europe/Zurich"),
        ("Asia/Bangkok", "Asia/Bangkok"),
    ],
)
def test_a_city_a_country_of_one_zone_or_an_iana_name_typed_alone_is_understood(typed, zone):
    assert zone_of(typed) == zone


def test_a_country_of_several_zones_typed_alone_is_refused_and_the_zone_kept(
    client, secretariat, series
):
    response = _save_time_zone(client, series, "United States")

    assertContains(response, "Choose a city or country from the list")
    assertContains(response, 'name="timezone" value="United States"')
    assert Series.objects.get(pk=series.pk).timezone == "America/New_York"


def test_a_new_series_is_created_with_the_zone_of_the_place_picked(client, secretariat):
    client.post(
        reverse("manage:series_create"),
        {"slug": "geneva-2027", "title": "Expert group meeting", "timezone": GENEVA},
    )

    assert Series.objects.get(slug="geneva-2027").timezone == "Europe/Zurich"
