"""Every error answers in one shape: {"error": {"code", "message", "details"}}."""

import pytest

from convener.meetings.models import MeetingStatus
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def error_of(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert list(body) == ["error"]
    assert list(body["error"]) == ["code", "message", "details"]
    return body["error"]


def test_an_unknown_resource_is_a_404_in_the_error_shape(client):
    error = error_of(client.get("/api/series/nothing-here"), 404)

    assert error == {"code": "not_found", "message": "No series “nothing-here”.", "details": None}


def test_a_draft_is_a_404_like_anything_unknown(client):
    meeting = MeetingFactory(series__slug="s", number=1, status=MeetingStatus.DRAFT)

    error = error_of(client.get(f"/api/meetings/s/{meeting.number}"), 404)

    assert error["message"] == "No meeting 1 in series “s”."


def test_an_address_without_an_operation_is_a_404_in_the_error_shape(client):
    error = error_of(client.get("/api/nothing/here"), 404)

    assert error["code"] == "not_found"


def test_a_bad_parameter_is_a_400_naming_it(client):
    error = error_of(client.get("/api/meetings?state=germany"), 400)

    assert error["code"] == "bad_request"
    assert error["details"] == [
        {
            "location": "query",
            "field": "state",
            "message": "String should match pattern '^[A-Z]{3}$'",
        }
    ]


def test_a_missing_token_on_a_write_is_a_401(client):
    error = error_of(client.patch("/api/meetings/s/1", {}, content_type="application/json"), 401)

    assert error["code"] == "unauthorized"


def test_a_token_outside_the_secretariat_on_a_write_is_a_403(client, user_headers):
    response = client.patch(
        "/api/meetings/s/1", {}, content_type="application/json", headers=user_headers
    )

    assert error_of(response, 403)["code"] == "forbidden"


def test_invalid_data_is_a_422_naming_each_field(client, admin_headers):
    MeetingFactory(series__slug="s", number=1)

    response = client.patch(
        "/api/meetings/s/1",
        {"status": "adjourned", "date": "soon"},
        content_type="application/json",
        headers={"If-Match": '"any version"', **admin_headers},
    )

    error = error_of(response, 422)
    assert error["code"] == "validation_error"
    assert [(detail["location"], detail["field"]) for detail in error["details"]] == [
        ("body", "status"),
        ("body", "date"),
    ]


def test_a_method_an_operation_lacks_is_a_405_in_the_error_shape(client):
    response = client.delete("/api/series")

    assert error_of(response, 405)["code"] == "method_not_allowed"
    assert response["Allow"] == "GET"


def test_a_server_error_is_a_500_in_the_error_shape(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("convener.api.views.series.series_list", broken)

    error = error_of(client.get("/api/series"), 500)

    assert error == {
        "code": "server_error",
        "message": "Something went wrong on our side.",
        "details": None,
    }
