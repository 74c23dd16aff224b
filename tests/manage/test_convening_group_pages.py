"""The page of a series' convening group: names, members and chairs by year."""

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from convener.roles.models import Role
from tests.factories import (
    ConveningGroupFactory,
    CoOrganiserFactory,
    GrantFactory,
    OrganisationFactory,
    SeriesFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    return SeriesFactory(
        slug="mobility", convening_group=ConveningGroupFactory(name="Global Group", acronym="GG")
    )


def _used_in(series, organisation):
    """An organisation of one of the series' meetings, so within its secretariat's reach."""
    CoOrganiserFactory(meeting__series=series, organisation=organisation)
    return organisation


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_series_page_links_the_group_for_its_secretariat_only(series):
    page = reverse("manage:series", args=["mobility"])
    edit = reverse("manage:convening_group_edit", args=["mobility"])
    rapporteur = GrantFactory(series=series, role=Role.RAPPORTEUR).user

    assertContains(_signed_in(secretariat_of(series)).get(page), f'href="{edit}"')
    assertNotContains(_signed_in(rapporteur).get(page), f'href="{edit}"')
    assert _signed_in(rapporteur).get(edit).status_code == 403


def test_the_secretariat_saves_members_and_a_chair_of_the_year(series):
    ilo = _used_in(series, OrganisationFactory(acronym="ILO"))
    client = _signed_in(secretariat_of(series))

    response = client.post(
        reverse("manage:convening_group_edit", args=["mobility"]),
        {
            "name": "Global Group",
            "acronym": "GG",
            "description": "",
            "members": [ilo.pk],
            "chairs-TOTAL_FORMS": "2",
            "chairs-INITIAL_FORMS": "0",
            "chairs-0-year": "2016",
            "chairs-0-organisation": ilo.pk,
            "chairs-1-year": "",
            "chairs-1-organisation": "",
        },
    )

    assert response.status_code == 302
    group = series.convening_group
    assert list(group.members.all()) == [ilo]
    assert group.chair_in(2016).organisation == ilo


def test_a_chair_without_a_year_is_refused_and_what_was_typed_kept(series):
    ilo = _used_in(series, OrganisationFactory(acronym="ILO"))
    client = _signed_in(secretariat_of(series))

    response = client.post(
        reverse("manage:convening_group_edit", args=["mobility"]),
        {
            "name": "Global Group renamed",
            "acronym": "GG",
            "chairs-TOTAL_FORMS": "1",
            "chairs-INITIAL_FORMS": "0",
            "chairs-0-year": "",
            "chairs-0-organisation": ilo.pk,
        },
    )

    assertContains(response, "Give the year of this chair.", status_code=400)
    assertContains(response, 'value="Global Group renamed"', status_code=400)
    series.convening_group.refresh_from_db()
    assert series.convening_group.name == "Global Group"
