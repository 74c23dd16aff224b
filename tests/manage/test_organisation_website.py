"""A new organisation of the directory is given its website on the workspace form."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from convener.directory.models import Organisation
from convener.roles.models import Role
from tests.factories import GrantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(client):
    client.force_login(GrantFactory(role=Role.SECRETARIAT).user)


def create(client, website):
    return client.post(
        reverse("manage:organisation_create"),
        {"name": "International Rescue Committee", "kind": "ngo", "website": website},
    )


def test_a_new_organisation_keeps_its_website(client, secretariat):
    create(client, "https://www.rescue.org/")

    assert Organisation.objects.get(name="International Rescue Committee").website == (
        "https://www.rescue.org/"
    )


def test_a_website_that_is_not_a_web_address_is_refused(client, secretariat):
    response = create(client, "javascript:alert(1)")

    assertContains(response, 'value="javascript:alert(1)"', status_code=400)
    assert not Organisation.objects.filter(name="International Rescue Committee").exists()
