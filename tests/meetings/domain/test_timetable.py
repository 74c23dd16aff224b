"""The timetable: when each segment of a programme takes place."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from convener.meetings.domain.timetable import meeting_end, meeting_start, timetable
from tests.factories import MeetingFactory, SegmentFactory

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")


def a_meeting(start="10:00", end="12:00", budgets=()):
    meeting = MeetingFactory(
        date=datetime.date(2016, 7, 13),
        start_time=datetime.time.fromisoformat(start) if start else None,
        end_time=datetime.time.fromisoformat(end) if end else None,
    )
    for order, budget in enumerate(budgets):
        SegmentFactory(meeting=meeting, order=order, key=f"segment-{order}", duration=budget)
    return meeting


def clock(slots):
    return [(f"{slot.start:%H:%M}", f"{slot.end:%H:%M}") for slot in slots]


def test_segments_follow_one_another_from_the_meeting_start():
    meeting = a_meeting(budgets=(15, 40, 30))

    assert clock(timetable(meeting)) == [
        ("10:00", "10:15"),
        ("10:15", "10:55"),
        ("10:55", "11:25"),
    ]


def test_slots_are_numbered_in_programme_order_from_one():
    meeting = a_meeting(budgets=(15, 40))

    assert [(slot.position, slot.segment.key) for slot in timetable(meeting)] == [
        (1, "segment-0"),
        (2, "segment-1"),
    ]


def test_times_are_on_the_clock_of_the_series_time_zone():
    meeting = a_meeting(budgets=(15,))

    slot = timetable(meeting)[0]

    assert slot.start == datetime.datetime(2016, 7, 13, 10, 0, tzinfo=NEW_YORK)
    assert slot.start.utcoffset() == datetime.timedelta(hours=-4)


def test_segments_without_budget_share_the_time_left_evenly():
    meeting = a_meeting(start="10:00", end="12:00", budgets=(30, None, None, None))

    assert clock(timetable(meeting)) == [
        ("10:00", "10:30"),
        ("10:30", "11:00"),
        ("11:00", "11:30"),
        ("11:30", "12:00"),
    ]


def test_odd_minutes_go_to_the_first_segments_without_budget():
    meeting = a_meeting(start="10:00", end="10:10", budgets=(None, None, None))

    assert clock(timetable(meeting)) == [
        ("10:00", "10:04"),
        ("10:04", "10:07"),
        ("10:07", "10:10"),
    ]


def test_without_end_time_the_timetable_stops_at_the_first_segment_without_budget():
    meeting = a_meeting(end=None, budgets=(20, None, 30))

    assert clock(timetable(meeting)) == [("10:00", "10:20")]


def test_without_time_left_segments_without_budget_have_no_time():
    meeting = a_meeting(start="10:00", end="11:00", budgets=(60, None))

    assert clock(timetable(meeting)) == [("10:00", "11:00")]


def test_meeting_without_start_time_has_no_timetable():
    meeting = a_meeting(start=None, budgets=(20,))

    assert timetable(meeting) == []
    assert meeting_start(meeting) is None


def test_meeting_ends_at_its_end_time():
    meeting = a_meeting(start="13:00", end="15:00", budgets=(10,))

    assert meeting_end(meeting, timetable(meeting)) == datetime.datetime(
        2016, 7, 13, 15, 0, tzinfo=NEW_YORK
    )


def test_meeting_without_end_time_ends_with_its_timed_programme():
    meeting = a_meeting(end=None, budgets=(20, 25))

    assert meeting_end(meeting, timetable(meeting)) == datetime.datetime(
        2016, 7, 13, 10, 45, tzinfo=NEW_YORK
    )


def test_end_time_before_the_start_is_unknown():
    meeting = a_meeting(start="13:00", end="12:00")

    assert meeting_end(meeting) is None


def test_a_meeting_that_ends_after_midnight_ends_on_the_next_day():
    meeting = a_meeting(start="21:00", end="01:00", budgets=(120, None))
    meeting.ends_next_day = True

    assert meeting_end(meeting) == datetime.datetime(2016, 7, 14, 1, 0, tzinfo=NEW_YORK)
    assert clock(timetable(meeting)) == [("21:00", "23:00"), ("23:00", "01:00")]
