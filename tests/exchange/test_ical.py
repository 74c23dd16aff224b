"""Calendars as iCalendar (RFC 5545): the series, a meeting, a person."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from convener.directory.models import Person
from convener.exchange.interfaces.ical import meeting_calendar, person_calendar, series_calendar
from convener.meetings.models import MeetingStatus
from tests.exchange.libical import strict_errors
from tests.factories import (
    MeetingFactory,
    ParticipationFactory,
    SegmentFactory,
    SeriesFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

SITE = "https://meetings.example.org"
NEW_YORK = ZoneInfo("America/New_York")
LAST_YEAR = datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.UTC)


def parse(content: bytes) -> Calendar:
    """Parse strictly: every component and property must have been understood."""
    calendar = Calendar.from_ical(content)
    for component in calendar.walk():
        assert component.errors == [], (component.name, component.errors)
    return calendar


def events(content: bytes):
    return parse(content).walk("VEVENT")


def uids(content: bytes) -> list[str]:
    return [str(event["UID"]) for event in events(content)]


def the_event(content: bytes, uid: str):
    (event,) = [event for event in events(content) if event["UID"] == uid]
    return event


# The series calendar of the 2016 demo


def test_demo_calendar_parses_with_every_component_understood(demo_series):
    calendar = parse(series_calendar(demo_series, base_url=SITE))

    assert [component.name for component in calendar.subcomponents] == [
        "VTIMEZONE",
        "VEVENT",
        "VEVENT",
        "VEVENT",
        "VEVENT",
    ]
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Convener//Meeting calendars//EN"
    assert str(calendar["X-WR-CALNAME"]) == "GMG 2016 multi-stakeholder meetings"


def test_demo_calendar_lines_end_in_crlf_and_are_folded_at_75_octets(demo_series):
    content = series_calendar(demo_series, base_url=SITE)

    lines = content.split(b"\r\n")
    assert content.endswith(b"END:VCALENDAR\r\n")
    assert not any(b"\n" in line or b"\r" in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # long lines were folded


def test_demo_calendar_defines_the_new_york_time_zone(demo_series):
    (zone,) = parse(series_calendar(demo_series)).walk("VTIMEZONE")

    assert str(zone["TZID"]) == "America/New_York"
    assert [(part.name, str(part["TZNAME"])) for part in zone.subcomponents] == [
        ("STANDARD", "EST"),
        ("DAYLIGHT", "EDT"),
        ("STANDARD", "EST"),
    ]


def test_demo_meetings_start_at_their_new_york_times(demo_series):
    starts = [event["DTSTART"] for event in events(series_calendar(demo_series))]

    assert [start.params["TZID"] for start in starts] == ["America/New_York"] * 4
    assert [start.dt for start in starts] == [
        datetime.datetime(2016, 4, 25, 10, 0, tzinfo=NEW_YORK),
        datetime.datetime(2016, 6, 30, 10, 0, tzinfo=NEW_YORK),
        datetime.datetime(2016, 7, 13, 10, 0, tzinfo=NEW_YORK),
        datetime.datetime(2016, 7, 20, 13, 0, tzinfo=NEW_YORK),
    ]
    assert [start.dt.astimezone(datetime.UTC).strftime("%H:%M") for start in starts] == [
        "14:00",
        "14:00",
        "14:00",
        "17:00",
    ]


def test_demo_meetings_end_at_their_new_york_times(demo_series):
    ends = [event["DTEND"].dt for event in events(series_calendar(demo_series))]

    assert [f"{end:%Y-%m-%d %H:%M %Z}" for end in ends] == [
        "2016-04-25 13:00 EDT",
        "2016-06-30 12:00 EDT",
        "2016-07-13 13:00 EDT",
        "2016-07-20 15:00 EDT",
    ]


def test_demo_meeting_event_has_title_place_address_and_programme(demo_series):
    event = the_event(
        series_calendar(demo_series, base_url=SITE), "gmg-2016-meeting-3@meetings.example.org"
    )

    assert str(event["SUMMARY"]) == "Strengthening responsibility sharing for refugees"
    assert str(event["LOCATION"]) == "Conference Room 6, United Nations Headquarters, New York"
    assert str(event["URL"]) == f"{SITE}/series/gmg-2016/meetings/3/"
    assert str(event["DESCRIPTION"]) == (
        "Co-organisers: UNDP, UNHCR\n"
        "Co-chairs: Zambia (H.E. Dr. Mwaba P. Kasese-Bota), Portugal (H.E. Cristina Pucarinho)\n"
        "Programme:\n"
        "- 10:00–10:15 Opening remarks\n"
        "- 10:15–10:55 Panel 1: Increasing complementary pathways to solutions for persons"
        " in need of protection\n"
        "- 10:55–11:25 Interactive debate\n"
        "- 11:25–12:15 Panel 2: Enhancing the humanitarian and development nexus to address"
        " protracted displacement\n"
        "- 12:15–13:00 Interactive debate\n"
        f"{SITE}/series/gmg-2016/meetings/3/"
    )


def test_demo_events_are_confirmed_at_sequence_zero(demo_series):
    found = events(series_calendar(demo_series))

    assert [str(event["STATUS"]) for event in found] == ["CONFIRMED"] * 4
    assert [int(event["SEQUENCE"]) for event in found] == [0, 0, 0, 0]


def test_dtstamp_is_the_meetings_last_change_in_utc(demo_series):
    meeting = demo_series.meetings.get(number=1)
    content = series_calendar(demo_series, base_url=SITE)

    stamp = the_event(content, "gmg-2016-meeting-1@meetings.example.org")["DTSTAMP"].dt

    assert stamp == meeting.updated_at.replace(microsecond=0)
    assert stamp.utcoffset() == datetime.timedelta(0)
    assert f"DTSTAMP:{meeting.updated_at:%Y%m%dT%H%M%S}Z\r\n".encode() in content


# Identifiers


def test_uids_name_series_and_meeting_at_the_host(demo_series):
    assert uids(series_calendar(demo_series, base_url=SITE)) == [
        "gmg-2016-meeting-1@meetings.example.org",
        "gmg-2016-meeting-2@meetings.example.org",
        "gmg-2016-meeting-3@meetings.example.org",
        "gmg-2016-meeting-4@meetings.example.org",
    ]


def test_two_exports_of_unchanged_data_are_identical(demo_series):
    assert series_calendar(demo_series, base_url=SITE) == series_calendar(
        demo_series, base_url=SITE
    )


def test_uids_survive_a_change_of_title(demo_series):
    before = uids(series_calendar(demo_series, base_url=SITE))
    meeting = demo_series.meetings.get(number=3)
    meeting.title = "Responsibility sharing for refugees"
    meeting.save()

    after = series_calendar(demo_series, base_url=SITE)

    assert uids(after) == before
    assert str(the_event(after, before[2])["SUMMARY"]) == "Responsibility sharing for refugees"


def test_without_base_url_events_have_no_url_and_a_reserved_host(demo_series):
    found = events(series_calendar(demo_series))

    assert str(found[0]["UID"]) == "gmg-2016-meeting-1@convener.invalid"
    assert [event.get("URL") for event in found] == [None] * 4


# Meetings still to be confirmed


def test_meeting_without_room_is_tentative():
    meeting = MeetingFactory(room="")

    (event,) = events(series_calendar(meeting.series))

    assert str(event["STATUS"]) == "TENTATIVE"
    assert str(event["LOCATION"]) == "United Nations Headquarters, New York"


def test_meeting_without_a_room_by_design_is_confirmed():
    meeting = MeetingFactory(room="", has_no_room=True)

    (event,) = events(series_calendar(meeting.series))

    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["LOCATION"]) == "United Nations Headquarters, New York"


def test_meeting_without_time_is_a_tentative_all_day_event():
    meeting = MeetingFactory(date=datetime.date(2016, 9, 1), start_time=None, end_time=None)

    (event,) = events(series_calendar(meeting.series))

    assert event["DTSTART"].dt == datetime.date(2016, 9, 1)
    assert event["DTEND"].dt == datetime.date(2016, 9, 2)
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert str(event["STATUS"]) == "TENTATIVE"


def test_meeting_without_end_time_is_tentative_and_has_no_end():
    meeting = MeetingFactory(end_time=None)

    (event,) = events(series_calendar(meeting.series))

    assert "DTEND" not in event
    assert str(event["STATUS"]) == "TENTATIVE"


def test_meeting_of_a_utc_series_is_written_in_utc_without_time_zone_definition():
    meeting = MeetingFactory(series__timezone="UTC")

    content = series_calendar(meeting.series)

    assert b"DTSTART:20160425T100000Z\r\n" in content
    assert b"BEGIN:VTIMEZONE" not in content


def test_meeting_without_date_is_left_out():
    series = SeriesFactory()
    MeetingFactory(series=series, number=1)
    MeetingFactory(series=series, number=2, date=None)

    assert [uid.split("@")[0] for uid in uids(series_calendar(series))] == [
        f"{series.slug}-meeting-1"
    ]


def test_calendar_without_dated_meetings_still_defines_its_time_zone():
    series = SeriesFactory()
    MeetingFactory(series=series, date=None)

    calendar = parse(series_calendar(series))

    assert [component.name for component in calendar.subcomponents] == ["VTIMEZONE"]


# Who sees what


def test_draft_meeting_is_left_out_of_the_public_calendar():
    series = SeriesFactory()
    MeetingFactory(series=series, number=1)
    MeetingFactory(series=series, number=2, status=MeetingStatus.DRAFT)

    assert len(uids(series_calendar(series))) == 1


def test_secretariat_calendar_includes_the_draft_meeting():
    series = SeriesFactory()
    MeetingFactory(series=series, number=1)
    MeetingFactory(series=series, number=2, status=MeetingStatus.DRAFT)

    assert len(uids(series_calendar(series, user=secretariat_of(series)))) == 2


# A meeting's calendar


def test_meeting_calendar_has_the_meeting_and_each_segment_at_its_time(demo_series):
    meeting = demo_series.meetings.get(number=3)

    found = events(meeting_calendar(meeting, base_url=SITE))

    assert [
        (str(event["UID"]).split("@")[0], f"{event['DTSTART'].dt:%H:%M}") for event in found
    ] == [
        ("gmg-2016-meeting-3", "10:00"),
        ("gmg-2016-meeting-3-opening", "10:00"),
        ("gmg-2016-meeting-3-panel-1", "10:15"),
        ("gmg-2016-meeting-3-debate-1", "10:55"),
        ("gmg-2016-meeting-3-panel-2", "11:25"),
        ("gmg-2016-meeting-3-debate-2", "12:15"),
    ]
    assert [f"{event['DTEND'].dt:%H:%M}" for event in found[1:]] == [
        "10:15",
        "10:55",
        "11:25",
        "12:15",
        "13:00",
    ]


def test_segment_event_names_its_meeting_and_its_people(demo_series):
    meeting = demo_series.meetings.get(number=3)
    content = meeting_calendar(meeting, base_url=SITE)

    event = the_event(content, "gmg-2016-meeting-3-panel-1@meetings.example.org")

    assert str(event["SUMMARY"]) == (
        "Panel 1: Increasing complementary pathways to solutions for persons in need of"
        " protection (Meeting 3)"
    )
    assert str(event["RELATED-TO"]) == "gmg-2016-meeting-3@meetings.example.org"
    assert str(event["DESCRIPTION"]).splitlines()[0] == (
        "Meeting 3: Strengthening responsibility sharing for refugees"
    )
    assert str(event["DESCRIPTION"]).splitlines()[1].startswith("Moderator: ")


def test_meeting_calendar_leaves_out_segments_without_a_time():
    meeting = MeetingFactory(end_time=None)
    SegmentFactory(meeting=meeting, key="opening", order=0, duration=15)
    SegmentFactory(meeting=meeting, key="debate", order=1, duration=None)

    found = uids(meeting_calendar(meeting))

    prefix = f"{meeting.series.slug}-meeting-{meeting.number}"
    assert found == [f"{prefix}@convener.invalid", f"{prefix}-opening@convener.invalid"]


def test_calendar_of_a_draft_meeting_is_empty_for_the_public():
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)

    assert uids(meeting_calendar(meeting)) == []


# A person's calendar


def test_person_calendar_has_their_meetings_and_the_segments_they_take_part_in(demo_series):
    kelley = Person.objects.get(key="ninette-kelley")

    found = events(person_calendar(kelley, base_url=SITE))

    assert [
        (str(event["UID"]).split("@")[0], f"{event['DTSTART'].dt:%d %b %H:%M}") for event in found
    ] == [
        ("gmg-2016-meeting-1", "25 Apr 10:00"),
        ("gmg-2016-meeting-1-panel-1", "25 Apr 10:20"),
        ("gmg-2016-meeting-3", "13 Jul 10:00"),
        ("gmg-2016-meeting-3-opening", "13 Jul 10:00"),
        ("gmg-2016-meeting-3-panel-1", "13 Jul 10:15"),
        ("gmg-2016-meeting-3-debate-1", "13 Jul 10:55"),
    ]
    assert str(parse(person_calendar(kelley))["X-WR-CALNAME"]) == "Ms. Ninette Kelley"


def test_person_calendar_leaves_out_draft_meetings():
    participation = ParticipationFactory(segment__meeting__status=MeetingStatus.DRAFT)

    assert uids(person_calendar(participation.person)) == []


# Strict readers and revisions


def test_demo_calendars_pass_libicals_strict_check(demo_series):
    meeting = demo_series.meetings.get(number=3)
    person = Person.objects.get(key="ninette-kelley")

    for content in (
        series_calendar(demo_series, base_url=SITE),
        meeting_calendar(meeting, base_url=SITE),
        person_calendar(person, base_url=SITE),
    ):
        assert strict_errors(content) == []


def test_time_zone_definitions_carry_no_comment(demo_series):
    (zone,) = parse(series_calendar(demo_series)).walk("VTIMEZONE")

    assert "COMMENT" not in zone


def test_moving_a_meeting_raises_its_sequence_and_last_modified(demo_series):
    uid = "gmg-2016-meeting-2@meetings.example.org"
    demo_series.meetings.update(updated_at=LAST_YEAR)
    before = the_event(series_calendar(demo_series, base_url=SITE), uid)
    meeting = demo_series.meetings.get(number=2)
    meeting.start_time = datetime.time(15, 30)
    meeting.save()

    after = the_event(series_calendar(demo_series, base_url=SITE), uid)
    again = the_event(series_calendar(demo_series, base_url=SITE), uid)

    assert (int(before["SEQUENCE"]), int(after["SEQUENCE"]), int(again["SEQUENCE"])) == (0, 1, 1)
    assert after["LAST-MODIFIED"].dt > before["LAST-MODIFIED"].dt
    assert after["DTSTART"].dt.time() == datetime.time(15, 30)


def test_a_longer_first_segment_raises_the_sequence_of_the_segments_after_it(demo_series):
    meeting = demo_series.meetings.get(number=3)
    opening, panel, *_ = meeting.segments.all()

    def sequences():
        found = events(meeting_calendar(meeting, base_url=SITE))
        return {
            str(event["UID"]).split("@")[0]: (int(event["SEQUENCE"]), event["LAST-MODIFIED"].dt)
            for event in found
        }

    demo_series.meetings.update(updated_at=LAST_YEAR)
    before = sequences()
    opening.duration += 5
    opening.save()
    after = sequences()

    assert before[f"gmg-2016-meeting-3-{panel.key}"] == (0, LAST_YEAR)
    assert after[f"gmg-2016-meeting-3-{panel.key}"][0] == 1
    assert after[f"gmg-2016-meeting-3-{panel.key}"][1] > LAST_YEAR
    assert after["gmg-2016-meeting-3"] == (0, LAST_YEAR)  # its own start and end stay


def test_a_meeting_past_midnight_ends_the_next_day_and_is_confirmed():
    meeting = MeetingFactory(
        start_time=datetime.time(22, 0), end_time=datetime.time(2, 0), ends_next_day=True
    )

    (event,) = events(series_calendar(meeting.series))

    assert event["DTEND"].dt == datetime.datetime(2016, 4, 26, 2, 0, tzinfo=NEW_YORK)
    assert str(event["STATUS"]) == "CONFIRMED"
