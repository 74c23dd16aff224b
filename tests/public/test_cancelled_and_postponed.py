"""A cancelled or postponed meeting says so on its public pages, in its
documents and in the calendars."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from icalendar import Calendar
from pytest_django.asserts import assertContains, assertNotContains

from convener.meetings.domain.life import postpone_meeting
from convener.meetings.domain.workflow import cancel_meeting
from convener.meetings.models import MeetingStatus, SectionKind
from convener.publishing.composition.documents import compose
from convener.publishing.document import Heading, PageBreak, Paragraph, plain
from tests.factories import (
    ConceptNoteSectionFactory,
    MeetingFactory,
    SegmentFactory,
    SeriesFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    meeting = MeetingFactory(
        series=SeriesFactory(slug="gmg-2016"), number=1, date=datetime.date(2016, 7, 13)
    )
    SegmentFactory(meeting=meeting, key="opening", duration=15)
    return meeting


def cancelled(meeting):
    cancel_meeting(meeting=meeting, by=secretariat_of(meeting.series))
    return meeting


def postponed(meeting):
    postpone_meeting(
        meeting=meeting, date=datetime.date(2016, 7, 20), by=secretariat_of(meeting.series)
    )
    return meeting


def cover_and_text(document_name):
    document = compose(
        series_slug="gmg-2016", document=document_name, meeting_number=1, user=AnonymousUser()
    )
    paragraphs = [*document.cover, *document.blocks]
    return [plain(block.runs) for block in paragraphs if isinstance(block, Paragraph)]


def test_the_public_meeting_page_says_the_meeting_is_cancelled(client, meeting):
    cancelled(meeting)

    response = client.get(reverse("public:meeting", args=["gmg-2016", 1]))

    assertContains(response, "This meeting is cancelled.")


def test_the_public_pages_say_from_which_date_a_meeting_was_postponed(client, meeting):
    postponed(meeting)

    page = client.get(reverse("public:meeting", args=["gmg-2016", 1]))
    series_page = client.get(reverse("public:series", args=["gmg-2016"]))

    assertContains(page, "Postponed from 13 July 2016.")
    assertContains(page, "20 July 2016")
    assertContains(series_page, "Postponed from 13 July 2016.")


def test_a_meeting_never_postponed_has_no_notice(client, meeting):
    response = client.get(reverse("public:meeting", args=["gmg-2016", 1]))

    assertNotContains(response, "Postponed from")
    assertNotContains(response, "cancelled")


def test_the_programme_and_concept_note_open_with_the_cancellation(meeting):
    cancelled(meeting)

    assert cover_and_text("programme")[0] == "This meeting is cancelled."
    assert cover_and_text("concept-note")[0] == "This meeting is cancelled."


def test_the_programme_says_from_which_date_the_meeting_was_postponed(meeting):
    postponed(meeting)

    assert cover_and_text("programme")[0] == "Postponed from 13 July 2016."


def test_the_calendar_marks_a_cancelled_meeting_and_its_segments_cancelled(client, meeting):
    cancelled(meeting)

    response = client.get(reverse("public:meeting_calendar", args=["gmg-2016", 1]))

    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["status"]) for event in events] == ["CANCELLED", "CANCELLED"]


def test_the_calendar_of_a_meeting_going_ahead_is_not_cancelled(client, meeting):
    response = client.get(reverse("public:meeting_calendar", args=["gmg-2016", 1]))

    assert b"STATUS:CANCELLED" not in response.content


def series_text(document_name):
    document = compose(
        series_slug="gmg-2016", document=document_name, meeting_number=None, user=AnonymousUser()
    )
    return [plain(block.runs) for block in document.blocks if isinstance(block, Paragraph)]


def test_the_series_concept_note_lists_a_cancelled_meeting_as_cancelled(meeting):
    ConceptNoteSectionFactory(series=meeting.series, kind=SectionKind.TOPICS, heading="Topics")
    cancelled(meeting)

    text = series_text("concept-note")

    assert text[text.index("This meeting is cancelled.") - 1].endswith(meeting.title)


def test_the_report_gives_a_cancelled_meeting_a_chapter_without_a_record(meeting):
    held = MeetingFactory(series=meeting.series, number=2, status=MeetingStatus.REPORTED)
    SegmentFactory(meeting=held)
    cancelled(meeting)
    document = compose(
        series_slug="gmg-2016", document="report", meeting_number=None, user=AnonymousUser()
    )

    start = next(
        i
        for i, block in enumerate(document.blocks)
        if isinstance(block, Heading) and block.anchor == "meeting-1"
    )
    chapter = document.blocks[start + 1 :]
    assert plain(chapter[0].runs) == "This meeting is cancelled."
    assert isinstance(chapter[1], PageBreak)  # the next chapter, with nothing between
