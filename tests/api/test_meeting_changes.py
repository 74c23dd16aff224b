import datetime

import pytest
from django.test import Client

from convener.api.interfaces.versions import etag, meeting_version
from convener.meetings.domain.revision import current_revision
from convener.meetings.models import Meeting, MeetingStatus
from convener.roles.models import Role
from tests.factories import AdministratorFactory, GrantFactory, MeetingFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory(series__slug="s", number=1, title="Old title")


def patch(client, data, headers=None, url="/api/meetings/s/1"):
    """A PATCH as a client that read the meeting just before sends it."""
    return client.patch(
        url, data, content_type="application/json", headers={**current(), **(headers or {})}
    )


def current():
    """If-Match with the meeting's version now (of meeting 1 of series "s")."""
    meeting = Meeting.objects.filter(series__slug="s", number=1).first()
    return {"If-Match": etag(meeting_version(meeting))} if meeting else {"If-Match": '"x"'}


def test_patch_meeting_without_a_token_is_unauthorized(client, meeting):
    response = patch(client, {"title": "New"})

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="Convener API"'


def test_patch_meeting_with_a_token_outside_the_secretariat_is_forbidden(
    client, meeting, user_headers
):
    response = patch(client, {"title": "New"}, user_headers)

    assert response.status_code == 403
    assert Meeting.objects.get().title == "Old title"


def test_patch_meeting_changes_what_is_given_and_nothing_else(client, meeting, admin_headers):
    response = patch(client, {"title": "New title", "room": "Room 11"}, admin_headers)

    assert response.status_code == 200
    assert (response.json()["title"], response.json()["room"]) == ("New title", "Room 11")
    meeting.refresh_from_db()
    assert (meeting.title, meeting.room, meeting.venue) == (
        "New title",
        "Room 11",
        "United Nations Headquarters, New York",
    )


def test_patch_meeting_sets_status_date_and_times(client, meeting, admin_headers):
    response = patch(
        client,
        {"status": "held", "date": "2016-07-13", "start": "15:00", "end": "18:00"},
        admin_headers,
    )

    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert meeting.date == datetime.date(2016, 7, 13)
    assert (meeting.start_time, meeting.end_time) == (datetime.time(15), datetime.time(18))


def test_patch_meeting_with_null_date_makes_it_to_be_confirmed(client, meeting, admin_headers):
    patch(client, {"date": None}, admin_headers)

    meeting.refresh_from_db()
    assert meeting.date is None


def test_patch_meeting_raises_the_content_revision(
    client, meeting, admin_headers, django_capture_on_commit_callbacks
):
    before = current_revision()

    with django_capture_on_commit_callbacks(execute=True):
        patch(client, {"summary": "The meeting *agreed*."}, admin_headers)

    assert current_revision() > before


def test_patch_meeting_ending_before_it_starts_is_invalid(client, meeting, admin_headers):
    response = patch(client, {"start": "15:00", "end": "14:00"}, admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"] == [
        {
            "location": "body",
            "field": "end",
            "message": "The meeting must end after it starts; tick “ends after midnight” "
            "for a meeting that runs into the next day.",
        }
    ]
    meeting.refresh_from_db()
    assert meeting.start_time == datetime.time(10)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": None}, "title"),
        ({"title": "x" * 401}, "title"),
        ({"status": "cancelled"}, "status"),
        ({"date": "25 April"}, "date"),
        ({"summary": "nul\x00"}, "summary"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_patch_meeting_with_invalid_data_answers_422(client, meeting, admin_headers, data, field):
    response = patch(client, data, admin_headers)

    assert response.status_code == 422
    assert [detail["field"] for detail in response.json()["error"]["details"]] == [field]


def test_patch_meeting_with_a_body_that_is_not_json_is_a_bad_request(
    client, meeting, admin_headers
):
    response = client.patch(
        "/api/meetings/s/1",
        "{title",
        content_type="application/json",
        headers={**current(), **admin_headers},
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"


def test_patch_meeting_of_an_unknown_meeting_is_not_found(client, meeting, admin_headers):
    assert (
        patch(client, {"title": "New"}, admin_headers, url="/api/meetings/s/2").status_code == 404
    )


def test_patch_meeting_from_a_session_needs_the_csrf_token(meeting):
    client = Client(enforce_csrf_checks=True)
    client.force_login(AdministratorFactory())

    response = patch(client, {"title": "New"})

    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]["message"]


def test_patch_meeting_from_a_session_with_the_csrf_token_succeeds(meeting):
    client = Client(enforce_csrf_checks=True)
    client.force_login(AdministratorFactory())
    client.get("/api/docs")  # sets the CSRF cookie, as the browsable docs do
    token = client.cookies["csrftoken"].value

    response = patch(client, {"title": "New"}, {"X-CSRFToken": token})

    assert response.status_code == 200


def test_the_secretariat_of_the_series_changes_its_meeting(client, meeting, bearer):
    secretariat = GrantFactory(series=meeting.series, role=Role.SECRETARIAT).user

    assert patch(client, {"title": "New"}, bearer(secretariat)).status_code == 200


@pytest.mark.parametrize("role", [Role.RAPPORTEUR, Role.CHAIR, Role.DELEGATION])
def test_roles_that_do_not_manage_the_meeting_may_not_change_it(client, meeting, bearer, role):
    state = StateFactory() if role == Role.DELEGATION else None
    user = GrantFactory(series=meeting.series, role=role, state=state).user

    response = patch(client, {"title": "New"}, bearer(user))

    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.title != "New"


def test_the_secretariat_of_another_series_may_not_change_the_meeting(client, meeting, bearer):
    outsider = GrantFactory(role=Role.SECRETARIAT).user

    assert patch(client, {"title": "New"}, bearer(outsider)).status_code == 403
