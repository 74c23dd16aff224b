"""Two clients change one record: the second, working on an old copy, is refused
with both versions, and nothing the first saved is lost."""

import pytest

from convener.meetings.models import Meeting
from convener.records.models import Intervention
from convener.roles.models import Role
from tests.factories import GrantFactory, InterventionFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory(series__slug="s", number=1, title="Old title")


@pytest.fixture
def headers(meeting, bearer):
    return bearer(GrantFactory(series=meeting.series, role=Role.SECRETARIAT).user)


def _read(client, url, headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response


def _patch(client, url, data, headers, version=None):
    if version is not None:
        headers = {**headers, "If-Match": version}
    return client.patch(url, data, content_type="application/json", headers=headers)


def test_api_meeting_read_gives_its_version_as_etag_and_field(client, meeting, headers):
    response = _read(client, "/api/meetings/s/1", headers)

    assert response["ETag"] == f'"{response.json()["version"]}"'


def test_api_meeting_second_patch_on_the_same_version_is_refused_with_both_versions(
    client, meeting, headers
):
    url = "/api/meetings/s/1"
    first = _read(client, url, headers)["ETag"]
    second = _read(client, url, headers)["ETag"]

    saved = _patch(client, url, {"title": "First's title"}, headers, first)
    refused = _patch(client, url, {"title": "Second's title", "room": "R2"}, headers, second)

    assert saved.status_code == 200
    assert refused.status_code == 409
    error = refused.json()["error"]
    assert error["code"] == "conflict"
    assert (error["stored"]["title"], error["sent"]) == (
        "First's title",
        {"title": "Second's title", "room": "R2"},
    )
    assert error["version"] == saved.json()["version"]
    assert Meeting.objects.get().title == "First's title"


def test_api_meeting_patch_retried_with_the_version_of_the_conflict_goes_through(
    client, meeting, headers
):
    url = "/api/meetings/s/1"
    stale = _read(client, url, headers)["ETag"]
    _patch(client, url, {"title": "First's title"}, headers, stale)
    refused = _patch(client, url, {"room": "R2"}, headers, stale)

    retried = _patch(client, url, {"room": "R2"}, headers, refused.json()["error"]["version"])

    assert retried.status_code == 200
    assert (Meeting.objects.get().title, Meeting.objects.get().room) == ("First's title", "R2")


def test_api_meeting_patch_without_its_version_is_refused(client, meeting, headers):
    response = _patch(client, "/api/meetings/s/1", {"title": "Blind write"}, headers)

    assert response.status_code == 400
    detail = response.json()["error"]["details"][0]
    assert (detail["location"], detail["field"]) == ("header", "If-Match")
    assert "version you started from" in detail["message"]
    assert Meeting.objects.get().title == "Old title"


def test_api_intervention_second_patch_on_the_same_version_is_refused_with_both_versions(
    client, meeting, headers
):
    turn = InterventionFactory(segment__meeting=meeting, summary="As spoken.")
    url = f"/api/interventions/{turn.pk}"
    first = _read(client, url, headers)["ETag"]
    second = _read(client, url, headers)["ETag"]

    saved = _patch(client, url, {"summary": "First's summary"}, headers, first)
    refused = _patch(client, url, {"summary": "Second's summary"}, headers, second)

    assert saved.status_code == 200
    assert refused.status_code == 409
    error = refused.json()["error"]
    assert (error["stored"]["summary"], error["sent"]) == (
        "First's summary",
        {"summary": "Second's summary"},
    )
    assert Intervention.objects.get().summary == "First's summary"


def test_api_intervention_patch_without_its_version_is_refused(client, meeting, headers):
    turn = InterventionFactory(segment__meeting=meeting, summary="As spoken.")

    response = _patch(client, f"/api/interventions/{turn.pk}", {"summary": "Blind"}, headers)

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "If-Match"
    assert Intervention.objects.get().summary == "As spoken."
