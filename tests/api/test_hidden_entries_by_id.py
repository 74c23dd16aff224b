"""The API's writes refuse an entry of the directory seen only in another series' draft."""

import pytest

from convener.api.interfaces.versions import etag, intervention_version
from convener.records.models import Intervention
from convener.roles.models import Role
from tests.factories import GrantFactory, InterventionFactory, MeetingFactory, SegmentFactory
from tests.manage.test_hidden_entries_by_id import entries_only_in_a_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    meeting = MeetingFactory()
    SegmentFactory(meeting=meeting, key="panel-1")
    return meeting


@pytest.fixture
def hidden():
    return entries_only_in_a_draft()


@pytest.fixture
def secretariat_token(meeting, bearer):
    return bearer(GrantFactory(series=meeting.series, role=Role.SECRETARIAT).user)


@pytest.mark.parametrize("field", ["speaker", "organisation"])
def test_api_intervention_naming_a_hidden_entry_is_refused(
    client, meeting, hidden, secretariat_token, field
):
    entry = hidden.person if field == "speaker" else hidden.organisation

    response = client.post(
        f"/api/meetings/{meeting.series.slug}/{meeting.number}/interventions",
        {"segment": "panel-1", field: entry.key},
        content_type="application/json",
        headers=secretariat_token,
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == field
    assert not Intervention.objects.exists()


@pytest.mark.parametrize("field", ["speaker", "organisation"])
def test_api_intervention_change_naming_a_hidden_entry_is_refused(
    client, meeting, hidden, secretariat_token, field
):
    turn = InterventionFactory(segment=meeting.segments.get(), summary="As spoken.")
    entry = hidden.person if field == "speaker" else hidden.organisation

    response = client.patch(
        f"/api/interventions/{turn.pk}",
        {field: entry.key},
        content_type="application/json",
        headers={**secretariat_token, "If-Match": etag(intervention_version(turn))},
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == field
    turn.refresh_from_db()
    assert hidden.person != turn.speaker
    assert hidden.organisation != turn.organisation
