"""What users type never runs on a public page: names are escaped, Markdown sanitised."""

from __future__ import annotations

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from convener.meetings.models import MeetingStatus, SegmentKind
from tests.factories import (
    InterventionFactory,
    MeetingFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
)
from tests.html_safety import HOSTILE, IMAGE, LINK, SCRIPT, unsafe_markup

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory(status=MeetingStatus.REPORTED, summary=HOSTILE + LINK)


def meeting_page(client, meeting):
    return client.get(reverse("public:meeting", args=[meeting.series.slug, meeting.number]))


def test_meeting_page_escapes_a_hostile_name(client, meeting):
    person = PersonFactory(given_name=SCRIPT, family_name=IMAGE, position=SCRIPT)
    ParticipationFactory(segment__meeting=meeting, person=person)

    response = meeting_page(client, meeting)

    assert unsafe_markup(response.content) == []
    assertContains(response, "&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;")


def test_meeting_page_strips_scripts_from_summaries(client, meeting):
    segment = SegmentFactory(
        meeting=meeting, kind=SegmentKind.INTERACTIVE_DEBATE, summary=HOSTILE + LINK
    )
    InterventionFactory(segment=segment, summary="Spoke first. " + HOSTILE + LINK)

    response = meeting_page(client, meeting)

    assertContains(response, "Spoke first.")
    assert unsafe_markup(response.content) == []
