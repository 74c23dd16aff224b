"""The workspace's search: what the user may read, records under review included."""

import pytest
from django.urls import reverse

from convener.search.domain.index import reindex
from tests.factories import GrantFactory, InterventionFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("manage:search")


def test_the_secretariat_finds_its_record_under_review(client):
    statement = InterventionFactory(summary="Pathways.", segment__meeting__record_released_at=None)
    client.force_login(GrantFactory(series=statement.segment.meeting.series).user)
    reindex()

    response = client.get(URL, {"q": "pathways", "mode": "words"})

    assert f"#statement-{statement.pk}" in response.content.decode()


def test_another_user_does_not_find_it(client):
    InterventionFactory(summary="Pathways.", segment__meeting__record_released_at=None)
    client.force_login(UserFactory())
    reindex()

    response = client.get(URL, {"q": "pathways", "mode": "words"})

    assert "No statement found" in response.content.decode()


def test_the_workspace_search_asks_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("login") in response["Location"]
