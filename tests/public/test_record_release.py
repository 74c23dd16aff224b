"""The record is reviewed before it is public: pages, the API and the report read
only the turns and summaries of a released record."""

import pytest
from django.test import Client
from django.urls import reverse

from convener.meetings.models import Meeting, MeetingStatus
from convener.publishing.composition.documents import compose
from convener.publishing.exporters.markdown import document_as_markdown
from tests.factories import InterventionFactory, MeetingFactory, StateFactory, secretariat_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def turn():
    meeting = MeetingFactory(
        status=MeetingStatus.HELD, record_released_at=None, summary="An *unreviewed* overview."
    )
    return InterventionFactory(
        segment__meeting=meeting,
        segment__summary="A segment summary typed live.",
        state=StateFactory(iso3="CHL", names={"en": "Chile"}),
        summary="Typed live, not yet reviewed.",
    )


def _meeting_page(client, meeting):
    url = reverse("public:meeting", args=[meeting.series.slug, meeting.number])
    return client.get(url).content.decode()


def _release(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(record_released_at=meeting.updated_at)


def test_public_meeting_page_shows_an_unreleased_record_to_nobody_outside(turn):
    page = _meeting_page(Client(), turn.segment.meeting)

    assert "Typed live, not yet reviewed." not in page
    assert "A segment summary typed live." not in page


def test_public_meeting_page_shows_the_record_once_released(turn):
    _release(turn.segment.meeting)

    page = _meeting_page(Client(), turn.segment.meeting)

    assert "Typed live, not yet reviewed." in page
    assert "A segment summary typed live." in page


def test_public_meeting_page_shows_the_secretariat_the_record_under_review(turn):
    client = Client()
    client.force_login(secretariat_of(turn.segment.meeting.series))

    assert "Typed live, not yet reviewed." in _meeting_page(client, turn.segment.meeting)


def test_api_reads_neither_turns_nor_summaries_of_an_unreleased_record(turn):
    meeting = turn.segment.meeting
    client = Client()

    listed = client.get("/api/interventions").json()
    detail = client.get(f"/api/meetings/{meeting.series.slug}/{meeting.number}").json()

    assert listed["count"] == 0
    assert detail["summary"] == ""
    assert detail["segments"][0]["summary"] == ""


@pytest.mark.parametrize("released", [False, True])
def test_report_reads_only_the_turns_and_summaries_of_a_released_record(turn, released):
    meeting = turn.segment.meeting
    if released:
        _release(meeting)

    text = document_as_markdown(
        compose(
            series_slug=meeting.series.slug,
            document="report",
            meeting_number=None,
            user=secretariat_of(meeting.series),
        )
    )

    assert ("Typed live, not yet reviewed." in text) is released
    assert ("unreviewed" in text) is released
    assert ("Chile" in text) is released
    assert ("The record of this meeting is being reviewed." in text) is not released
