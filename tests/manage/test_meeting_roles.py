"""Who leads a meeting, and who leads a segment, set on the workspace screens;
the times the programme builder shows."""

import json

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from convener.audit.log import acting_as
from convener.manage.interfaces.meetings import TRACKED
from convener.meetings.models import Meeting, Participation, PresidingRole
from convener.meetings.models import ProgrammeRole as PartRole
from convener.prose.editing import field_digests
from convener.roles.models import Role
from tests.factories import GrantFactory, MeetingFactory, PersonFactory, SegmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory(number=1, title="Expert meeting")


@pytest.fixture
def secretariat(client, meeting):
    user = GrantFactory(series=meeting.series, role=Role.SECRETARIAT).user
    client.force_login(user)
    return user


@pytest.fixture
def chair(secretariat):
    """A person the secretariat added, so within its reach."""
    with acting_as(secretariat, via="web"):
        return PersonFactory(honorific="Ms.", given_name="Ana", family_name="Okafor")


def url(name, meeting, *args):
    return reverse(f"manage:{name}", args=[meeting.series.slug, meeting.number, *args])


def edit_form(meeting, **changes):
    data = {
        "title": meeting.title,
        "date": "2016-04-25",
        "start_time": "10:00",
        "end_time": "13:00",
        "venue": meeting.venue,
        "room": meeting.room,
        "format": meeting.format,
        "format_note": "",
        "moderator": "",
        "moderator_role": meeting.moderator_role,
        "started_from": json.dumps(field_digests(meeting, TRACKED)),
    }
    for prefix in ("co_organisers", "co_chairs"):
        data |= {f"{prefix}-TOTAL_FORMS": "2", f"{prefix}-INITIAL_FORMS": "0"}
    return data | changes


def test_meeting_form_makes_a_person_chair_of_the_whole_meeting(
    client, secretariat, meeting, chair
):
    response = client.post(
        url("meeting_edit", meeting), edit_form(meeting, moderator=chair.pk, moderator_role="chair")
    )

    assertRedirects(response, url("meeting", meeting))
    meeting.refresh_from_db()
    assert (meeting.moderator, meeting.moderator_role) == (chair, PresidingRole.CHAIR)
    page = client.get(url("meeting", meeting))
    assertContains(page, "<dt>Chair</dt><dd><bdi>Ms. Ana Okafor</bdi></dd>", html=True)


def test_meeting_form_offers_moderator_chair_and_facilitator(client, secretariat, meeting):
    page = client.get(url("meeting_edit", meeting))

    for value, label in PresidingRole.choices:
        assertContains(page, f'<option value="{value}"', count=1)
        assertContains(page, label)


def test_a_new_meeting_can_have_its_facilitator_from_the_start(client, secretariat, meeting, chair):
    response = client.post(
        reverse("manage:meeting_create", args=[meeting.series.slug]),
        {
            "title": "Workshop",
            "format": "panels",
            "moderator": chair.pk,
            "moderator_role": "facilitator",
        },
    )

    created = Meeting.objects.get(series=meeting.series, number=2)
    assertRedirects(response, url("meeting_edit", created))
    assert (created.moderator, created.moderator_role) == (chair, PresidingRole.FACILITATOR)


def test_the_programme_builder_adds_a_chair_to_a_segment(client, secretariat, meeting, chair):
    segment = SegmentFactory(meeting=meeting)

    client.post(
        url("programme_participant_add", meeting, segment.pk),
        {"person": chair.pk, "role": PartRole.CHAIR, "speaking_time": ""},
    )

    assert Participation.objects.get(segment=segment).role == PartRole.CHAIR


def test_the_programme_builder_shows_when_each_segment_takes_place(client, secretariat, meeting):
    opening = SegmentFactory(meeting=meeting, title="Opening", duration=20, order=1)
    panel = SegmentFactory(meeting=meeting, title="Panel", duration=90, order=2)

    page = client.get(url("programme", meeting))

    assertContains(
        page,
        f'<span class="segment-time" id="segment-{opening.pk}-time">'
        '<bdi dir="ltr">10:00–10:20</bdi></span>',
        html=True,
    )
    assertContains(
        page,
        f'<span class="segment-time" id="segment-{panel.pk}-time">'
        '<bdi dir="ltr">10:20–11:50</bdi></span>',
        html=True,
    )
