"""What the calendars say of who leads a meeting and how long each speaker may speak."""

import datetime

import pytest
from icalendar import Calendar

from convener.exchange.interfaces.ical import meeting_calendar
from convener.meetings.models import PresidingRole
from tests.factories import MeetingFactory, ParticipationFactory, PersonFactory, SegmentFactory

pytestmark = pytest.mark.django_db


def descriptions(meeting):
    calendar = Calendar.from_ical(meeting_calendar(meeting))
    return [str(event["DESCRIPTION"]) for event in calendar.walk("VEVENT")]


def test_meeting_event_names_its_facilitator():
    facilitator = PersonFactory(honorific="Ms.", given_name="Ann", family_name="Lee")
    meeting = MeetingFactory(moderator=facilitator, moderator_role=PresidingRole.FACILITATOR)

    (description,) = descriptions(meeting)

    assert "Facilitator: Ms. Ann Lee" in description.splitlines()


def test_segment_event_gives_each_speaker_their_limit_at_its_time():
    meeting = MeetingFactory(start_time=datetime.time(10, 0), end_time=datetime.time(11, 0))
    segment = SegmentFactory(meeting=meeting, title="Panel", duration=60)
    speaker = PersonFactory(honorific="Mr.", given_name="Bo", family_name="Ek")
    ParticipationFactory(segment=segment, person=speaker, speaking_time=7)

    meeting_description, segment_description = descriptions(meeting)

    assert "- 10:00–11:00 Panel" in meeting_description.splitlines()
    assert "Panellist: Mr. Bo Ek (at most 7 minutes)" in segment_description.splitlines()
