"""The API takes what the forms take: texts within their limits, one-line
fields on one line without bidirectional overrides, and bodies of a bounded size."""

import pytest
from django.conf import settings

from convener.api.interfaces.versions import etag, meeting_version
from convener.directory.limits import POINT, SUMMARY
from convener.meetings.models import Meeting
from convener.records.models import Intervention
from tests.factories import MeetingFactory, SegmentFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    meeting = MeetingFactory(series__slug="s", number=1, title="Old title")
    SegmentFactory(meeting=meeting, key="debate")
    StateFactory(iso3="JPN")
    return meeting


def patch_meeting(client, data, headers):
    version = etag(meeting_version(Meeting.objects.get(series__slug="s", number=1)))
    return client.patch(
        "/api/meetings/s/1",
        data,
        content_type="application/json",
        headers={**headers, "If-Match": version},
    )


def post_turn(client, data, headers):
    return client.post(
        "/api/meetings/s/1/interventions",
        {"segment": "debate", "state": "JPN", **data},
        content_type="application/json",
        headers=headers,
    )


def _details(response):
    return [(d["field"], d["message"]) for d in response.json()["error"]["details"]]


@pytest.mark.parametrize(
    ("title", "message"),
    [
        (
            "Skills \u202eytilibom",
            "Value error, Remove the invisible character U+202E RIGHT-TO-LEFT OVERRIDE.",
        ),
        ("Skills\r\nDTSTART:20990101", "Value error, Write this on one line, without line breaks."),
    ],
)
def test_meeting_title_with_bidi_override_or_line_break_is_refused(
    client, meeting, admin_headers, title, message
):
    response = patch_meeting(client, {"title": title}, admin_headers)

    assert response.status_code == 422
    assert _details(response) == [("title", message)]
    assert Meeting.objects.get().title == "Old title"


def test_intervention_office_with_a_line_break_is_refused(client, meeting, admin_headers):
    response = post_turn(client, {"office": "Chair of the G77\nInjected"}, admin_headers)

    assert response.status_code == 422
    assert [field for field, _message in _details(response)] == ["office"]
    assert not Intervention.objects.exists()


def test_statement_summary_over_its_limit_is_refused(client, meeting, admin_headers):
    response = post_turn(client, {"summary": "x" * (SUMMARY + 1)}, admin_headers)

    assert response.status_code == 422
    assert _details(response) == [("summary", f"String should have at most {SUMMARY} characters")]


def test_a_point_over_its_limit_is_refused(client, meeting, admin_headers):
    response = post_turn(client, {"points": ["Fine.", "x" * (POINT + 1)]}, admin_headers)

    assert response.status_code == 422
    assert [field for field, _message in _details(response)] == ["points.1"]


def test_summary_keeps_its_line_breaks_and_bidi_isolates(client, meeting, admin_headers):
    summary = "First paragraph.\n\nعن \u2066UNHCR\u2069."

    response = post_turn(client, {"summary": summary}, admin_headers)

    assert response.status_code == 201
    assert Intervention.objects.get().summary == summary


def test_body_over_the_upload_limit_is_refused_with_413_not_500(client, meeting, admin_headers):
    response = patch_meeting(
        client, {"summary": "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE}, admin_headers
    )

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_the_schema_shows_the_limits_of_the_models(client):
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]

    assert schema["MeetingChangesIn"]["properties"]["title"]["maxLength"] == 400
    assert schema["InterventionIn"]["properties"]["summary"]["maxLength"] == SUMMARY
