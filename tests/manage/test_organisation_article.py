"""Whether an organisation's name takes "the" in a sentence is said on the workspace form."""

import pytest
from django.urls import reverse

from convener.directory.models import Organisation
from convener.directory.naming import organisation_in_text
from convener.roles.models import Role
from tests.factories import GrantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(client):
    client.force_login(GrantFactory(role=Role.SECRETARIAT).user)


def create(client, name, article):
    client.post(
        reverse("manage:organisation_create"), {"name": name, "kind": "ngo", "article": article}
    )
    return Organisation.objects.get(name=name)


@pytest.mark.parametrize(
    ("name", "article", "in_a_sentence"),
    [
        ("Platform for International Cooperation on Undocumented Migrants", "true", "the "),
        ("International Rescue Committee", "false", ""),
    ],
)
def test_the_article_given_on_the_form_is_how_documents_name_it(
    client, secretariat, name, article, in_a_sentence
):
    organisation = create(client, name, article)

    assert organisation.article is (article == "true")
    assert organisation_in_text(organisation) == in_a_sentence + name


def test_an_organisation_created_without_saying_leaves_the_article_to_its_name(client, secretariat):
    organisation = create(client, "Women's Refugee Commission", "unknown")

    assert organisation.article is None


def test_the_form_offers_the_three_answers(client, secretariat):
    page = client.get(reverse("manage:organisation_create")).content.decode()

    assert 'name="article"' in page
    assert [value in page for value in ('value="unknown"', 'value="true"', 'value="false"')] == [
        True,
        True,
        True,
    ]
