"""`meetings.domain.meetings`, tested here until the API's tests and the
owning app's are sorted into one tree."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from convener.meetings.domain.meetings import update_meeting
from convener.meetings.models import Meeting
from tests.factories import MeetingFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_update_meeting_saves_the_changes():
    meeting = MeetingFactory()

    update_meeting(meeting=meeting, changes={"room": "Room 4"}, by=StaffFactory())

    assert Meeting.objects.get().room == "Room 4"


def test_update_meeting_refuses_fields_it_does_not_change():
    with pytest.raises(ValueError, match="number"):
        update_meeting(meeting=MeetingFactory(), changes={"number": 9}, by=StaffFactory())


def test_update_meeting_saves_nothing_when_a_rule_is_broken():
    meeting = MeetingFactory(room="Room 1")

    with pytest.raises(ValidationError) as raised:
        update_meeting(
            meeting=meeting,
            changes={"room": "Room 2", "end_time": datetime.time(9)},
            by=StaffFactory(),
        )

    assert list(raised.value.message_dict) == ["end_time"]
    assert Meeting.objects.get().room == "Room 1"


def test_update_meeting_does_not_judge_times_it_was_not_asked_to_change():
    meeting = MeetingFactory(start_time=datetime.time(12), end_time=datetime.time(11))

    update_meeting(meeting=meeting, changes={"title": "New"}, by=StaffFactory())

    assert Meeting.objects.get().title == "New"


def test_a_meeting_that_runs_past_midnight_ends_the_next_day():
    meeting = MeetingFactory(start_time=datetime.time(20, 0), end_time=datetime.time(22, 0))

    update_meeting(
        meeting=meeting,
        changes={"end_time": datetime.time(1, 30), "ends_next_day": True},
        by=StaffFactory(),
    )

    meeting.refresh_from_db()
    assert (meeting.end_time, meeting.ends_next_day) == (datetime.time(1, 30), True)


def test_an_end_before_the_start_is_refused_unless_the_meeting_ends_after_midnight():
    meeting = MeetingFactory(start_time=datetime.time(20, 0), end_time=datetime.time(22, 0))

    with pytest.raises(ValidationError) as refused:
        update_meeting(
            meeting=meeting, changes={"end_time": datetime.time(1, 30)}, by=StaffFactory()
        )

    assert "ends after midnight" in refused.value.message_dict["end_time"][0]
    assert Meeting.objects.get().end_time == datetime.time(22, 0)


def test_ending_after_midnight_needs_an_end_time():
    meeting = MeetingFactory(start_time=datetime.time(20, 0), end_time=None)

    with pytest.raises(ValidationError) as refused:
        update_meeting(meeting=meeting, changes={"ends_next_day": True}, by=StaffFactory())

    assert refused.value.message_dict["end_time"] == [
        "Give the end time of a meeting that ends after midnight."
    ]
