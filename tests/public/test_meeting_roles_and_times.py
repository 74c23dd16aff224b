"""The public pages: who leads the meeting, when each segment takes place and
how long each speaker may speak."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from convener.meetings.models import PresidingRole, ProgrammeRole
from tests.factories import MeetingFactory, ParticipationFactory, PersonFactory, SegmentFactory

pytestmark = pytest.mark.django_db


def page(client, meeting):
    return client.get(reverse("public:meeting", args=[meeting.series.slug, meeting.number]))


def test_meeting_page_names_the_chair_of_the_whole_meeting_as_chair(client):
    chair = PersonFactory(key="chair", honorific="Ms.", given_name="Ann", family_name="Lee")
    meeting = MeetingFactory(moderator=chair, moderator_role=PresidingRole.CHAIR)

    response = page(client, meeting)

    assertContains(response, "<dt>Chair</dt>", html=True)
    assertNotContains(response, "<dt>Moderator</dt>", html=True)


def test_meeting_page_gives_each_segment_its_time(client):
    meeting = MeetingFactory(start_time=datetime.time(15, 0), end_time=datetime.time(18, 0))
    SegmentFactory(meeting=meeting, title="Opening", duration=15, order=1)
    SegmentFactory(meeting=meeting, title="Debate", duration=None, order=2)

    response = page(client, meeting)

    assertContains(response, '<p class="segment-time"><bdi>15:00–15:15</bdi></p>', html=True)
    # The segment without a budget takes the time left until the meeting's end.
    assertContains(response, '<p class="segment-time"><bdi>15:15–18:00</bdi></p>', html=True)


def test_meeting_page_gives_each_speaker_their_limit_and_segment_facilitators_their_role(client):
    segment = SegmentFactory()
    ParticipationFactory(
        segment=segment, person=PersonFactory(family_name="Moyo"), role=ProgrammeRole.FACILITATOR
    )
    ParticipationFactory(segment=segment, person=PersonFactory(family_name="Ruiz"), speaking_time=7)

    response = page(client, segment.meeting)

    assertContains(response, '<span class="role">Facilitator:</span>', html=True)
    assertContains(response, '<span class="speaking-limit">(at most 7 minutes)</span>', html=True)


def test_person_page_says_they_chair_the_meeting(client):
    meeting = MeetingFactory(moderator=PersonFactory(), moderator_role=PresidingRole.CHAIR)

    response = client.get(reverse("public:person", args=[meeting.moderator.key]))

    assertContains(response, "<li>Chair of the meeting</li>", html=True)
