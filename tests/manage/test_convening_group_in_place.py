"""A new convening group is created from the series form, in place."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from convener.directory.models import ConveningGroup
from convener.roles.models import Role
from tests.factories import (
    ConveningGroupFactory,
    GrantFactory,
    OrganisationFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
CREATE = "manage:convening_group_create"


@pytest.fixture
def secretariat(client):
    user = GrantFactory(series=SeriesFactory(slug="earlier"), role=Role.SECRETARIAT).user
    client.force_login(user)
    return user


def _group(**fields):
    return {f"group-{name}": value for name, value in fields.items()}


def test_the_series_form_offers_a_new_convening_group_in_place(client, secretariat):
    response = client.get(reverse("manage:series_create"))

    assertContains(response, f'hx-get="{reverse(CREATE)}"')
    assertContains(response, 'id="convening-group-new"')


def test_a_convening_group_created_in_place_becomes_the_series_choice(client, secretariat):
    response = client.post(
        reverse(CREATE), _group(name="Inter-Agency Expert Group", acronym="IAEG"), **HTMX
    )

    group = ConveningGroup.objects.get(acronym="IAEG")
    assert group.name == "Inter-Agency Expert Group"
    assertContains(response, "IAEG is created and chosen for the series.")
    assertContains(response, 'id="id_convening_group" hx-swap-oob="true"')
    assertContains(response, f'<option value="{group.pk}" selected>IAEG</option>', html=True)


def test_a_convening_group_already_there_is_refused_and_named(client, secretariat):
    ConveningGroupFactory(name="Global Migration Group", acronym="GMG")

    response = client.post(reverse(CREATE), _group(name="GMG", acronym=""), **HTMX)

    assertContains(response, "GMG is a convening group already: choose it from the list.")
    assertContains(response, 'value="GMG"')
    assert not ConveningGroup.objects.filter(name="GMG").exists()


def test_without_javascript_the_new_group_comes_back_chosen_in_the_series_form(client, secretariat):
    new_series = reverse("manage:series_create")

    response = client.post(reverse(CREATE), {**_group(name="Expert Group"), "next": new_series})

    group = ConveningGroup.objects.get(name="Expert Group")
    assertRedirects(response, f"{new_series}?convening_group={group.pk}")
    form = client.get(response.url)
    assertContains(form, f'<option value="{group.pk}" selected>', html=False)


def test_a_focal_point_may_not_create_a_convening_group(client):
    focal_point = GrantFactory(role=Role.FOCAL_POINT, organisation=OrganisationFactory()).user
    client.force_login(focal_point)

    response = client.post(reverse(CREATE), _group(name="Expert Group"), **HTMX)

    assert response.status_code == 403
    assert not ConveningGroup.objects.filter(name="Expert Group").exists()
