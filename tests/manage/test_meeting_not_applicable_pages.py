"""The meeting form marks a room, moderator, co-organisers or co-chairs as not applicable,
and names the larger event a meeting is part of; the pages follow."""

import json

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from convener.audit.log import acting_as
from convener.manage.interfaces.meetings import TRACKED
from convener.meetings.models import Meeting
from convener.prose.editing import field_digests
from convener.roles.models import Role
from tests.factories import (
    CoChairFactory,
    GrantFactory,
    MeetingFactory,
    SeriesFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory(series=SeriesFactory(slug="expert-2027"), number=1, title="Session 1")


@pytest.fixture
def secretariat(client, meeting):
    user = GrantFactory(series=meeting.series, role=Role.SECRETARIAT).user
    client.force_login(user)
    return user


def edit_url():
    return reverse("manage:meeting_edit", args=["expert-2027", 1])


def meeting_url(namespace="manage"):
    return reverse(f"{namespace}:meeting", args=["expert-2027", 1])


def form(meeting, **changes):
    """The edit form as the page sends it, with the rows it shows."""
    data = {
        "title": meeting.title,
        "date": "2027-03-02",
        "start_time": "10:00",
        "end_time": "13:00",
        "venue": "Palais des Nations, Geneva",
        "room": "",
        "format": "panels",
        "format_note": "",
        "started_from": json.dumps(field_digests(meeting, TRACKED)),
    }
    for prefix in ("co_organisers", "co_chairs"):
        data |= {f"{prefix}-TOTAL_FORMS": "2", f"{prefix}-INITIAL_FORMS": "0"}
    return data | changes


def test_the_edit_page_offers_not_applicable_beside_co_organisers_and_co_chairs(
    client, secretariat
):
    response = client.get(edit_url())

    for label in (
        "The meeting has no room (not applicable)",
        "The meeting has no moderator (not applicable)",
        "The meeting has no co-organisers (not applicable)",
        "The meeting has no co-chairs (not applicable)",
        "Part of",
    ):
        assertContains(response, label)


def test_secretariat_marks_co_chairs_and_room_not_applicable_and_pages_show_no_tbc(
    client, secretariat, meeting
):
    CoChairFactory(meeting=meeting, state=StateFactory(names={"en": "Zambia"}))

    response = client.post(
        edit_url(),
        form(
            meeting,
            has_no_room="on",
            has_no_co_organisers="on",
            has_no_co_chairs="on",
            part_of="Global Forum on Migration",
            part_of_link="https://example.org/forum",
        ),
    )

    assertRedirects(response, meeting_url())
    saved = Meeting.objects.get()
    assert saved.not_applicable == ["room", "co_organisers", "co_chairs"]
    assert not saved.co_chairs.exists()
    workspace = client.get(meeting_url())
    assertContains(workspace, "<dt>Co-chairs</dt><dd>none (not applicable)</dd>", html=True)
    public = client.get(meeting_url("public"))
    assertNotContains(public, "<dt>Co-chairs</dt>")
    assertNotContains(public, "<dt>Co-organisers</dt>")
    assertNotContains(public, "<dt>Room</dt>")
    assertNotContains(public, "TBC")
    assertContains(
        public,
        "<dt>Part of</dt>"
        '<dd><a href="https://example.org/forum">Global Forum on Migration</a></dd>',
        html=True,
    )


def test_co_chairs_named_on_a_form_that_says_there_are_none_save_nothing(
    client, secretariat, meeting
):
    with acting_as(secretariat, via="web"):
        state = StateFactory()

    response = client.post(
        edit_url(), form(meeting, has_no_co_chairs="on", **{"co_chairs-0-state": state.pk})
    )

    assert response.status_code == 200
    assertContains(response, "You marked the meeting as having no co-chairs")
    assert not Meeting.objects.get().has_no_co_chairs


def test_a_series_page_of_one_meeting_without_text_offers_no_series_concept_note(client, meeting):
    series_page = client.get(reverse("public:series", args=["expert-2027"]))
    series_note = reverse("public:series_document", args=["expert-2027", "concept-note"])
    meeting_note = reverse("public:meeting_document", args=["expert-2027", 1, "concept-note"])

    assertNotContains(series_page, f'href="{series_note}"')
    assertContains(series_page, reverse("public:series_document", args=["expert-2027", "report"]))
    assert client.get(series_note).status_code == 404
    assert client.get(meeting_note).status_code == 200


def test_a_series_page_of_two_meetings_offers_the_series_concept_note(client, meeting):
    MeetingFactory(series=meeting.series)

    series_page = client.get(reverse("public:series", args=["expert-2027"]))

    series_note = reverse("public:series_document", args=["expert-2027", "concept-note"])
    assertContains(series_page, f'href="{series_note}"')
    assert client.get(series_note).status_code == 200


def test_the_workspace_concept_note_of_a_one_meeting_series_links_no_empty_document(
    client, secretariat
):
    page = client.get(reverse("manage:concept_note", args=["expert-2027"]))

    series_note = reverse("public:series_document", args=["expert-2027", "concept-note"])
    assertNotContains(page, f'href="{series_note}"')
    assertContains(page, "The series has no concept note of its own to read yet")


def test_a_new_meeting_is_created_as_a_session_of_a_larger_event_without_co_chairs(
    client, secretariat
):
    response = client.post(
        reverse("manage:meeting_create", args=["expert-2027"]),
        {
            "title": "Panel on data",
            "format": "panels",
            "part_of": "Global Forum on Migration",
            "has_no_co_chairs": "on",
        },
    )

    # A new meeting opens on its edit page, to go on with its facts.
    assertRedirects(response, reverse("manage:meeting_edit", args=["expert-2027", 2]))
    created = Meeting.objects.get(number=2)
    assert (created.part_of, created.not_applicable) == ("Global Forum on Migration", ["co_chairs"])
