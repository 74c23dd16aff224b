"""The conference schedule (frab/Pentabarf format) as XML and JSON, checked by its own schemas.

The schemas are reference data kept beside the checkout, in
`../shared/formats/`, not in the repository: without that folder these tests
are skipped, except in continuous integration (CI=true), where they fail.
"""

import datetime
import json
import uuid
from xml.etree import ElementTree as ET

import jsonschema
import pytest
import xmlschema

from convener.exchange.interfaces.conference import GUID_NAMESPACE, event_id
from convener.exchange.interfaces.frab import schedule_json, schedule_xml
from convener.meetings.models import MeetingStatus
from tests.exchange.shared_formats import shared_formats
from tests.factories import MeetingFactory, ParticipationFactory, SegmentFactory, SeriesFactory

pytestmark = pytest.mark.django_db

SITE = "https://meetings.example.org"
ROOM_6 = "Conference Room 6, United Nations Headquarters, New York"


@pytest.fixture(scope="module")
def xsd() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(shared_formats() / "schedule.xml.xsd"))


@pytest.fixture(scope="module")
def json_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((shared_formats() / "schedule.schema.json").read_text())
    validator = jsonschema.validators.validator_for(schema)  # Draft 6, from its $schema
    validator.check_schema(schema)
    return validator(schema, format_checker=validator.FORMAT_CHECKER)


def xml_of(series, **options) -> ET.Element:
    return ET.fromstring(schedule_xml(series, **options))  # noqa: S314 - our own output


def json_of(series, **options) -> dict:
    return json.loads(schedule_json(series, **options))


def events_of(root: ET.Element) -> list[ET.Element]:
    return root.findall("day/room/event")


def event_number(series_slug: str, meeting: int, segment_key: str | None = None) -> str:
    """The id the module's rule gives an event: 31 bits of its guid."""
    parts = [series_slug, str(meeting), *([segment_key] if segment_key else [])]
    return str(event_id(str(uuid.uuid5(GUID_NAMESPACE, "/".join(parts)))))


# Validity


@pytest.mark.parametrize("base_url", [SITE, ""], ids=["absolute links", "relative links"])
def test_demo_schedule_xml_is_valid_against_the_xsd(demo_series, xsd, base_url):
    xsd.validate(schedule_xml(demo_series, base_url=base_url).decode())


@pytest.mark.parametrize("base_url", [SITE, ""], ids=["absolute links", "relative links"])
def test_demo_schedule_json_is_valid_against_the_json_schema(demo_series, json_validator, base_url):
    json_validator.validate(json_of(demo_series, base_url=base_url))


def test_schedule_with_budgetless_and_unprogrammed_meetings_is_valid(xsd, json_validator):
    series = SeriesFactory(slug="un")
    MeetingFactory(series=series, number=1)
    SegmentFactory(meeting__series=series, meeting__number=2, duration=None)
    ParticipationFactory(segment__meeting__series=series, segment__meeting__number=3)

    xsd.validate(schedule_xml(series, base_url=SITE).decode())
    json_validator.validate(json_of(series, base_url=SITE))


# The conference and its days


def test_demo_conference_is_the_series(demo_series):
    conference = xml_of(demo_series, base_url=SITE).find("conference")

    assert {child.tag: child.text for child in conference if child.tag != "track"} == {
        "acronym": "gmg_2016",
        "title": demo_series.title,
        "start": "2016-04-25",
        "end": "2016-07-20",
        "days": "4",
        "timeslot_duration": "00:05",
        "base_url": f"{SITE}/",
        "url": f"{SITE}/series/gmg-2016/",
        "time_zone_name": "America/New_York",
    }
    assert [track.get("slug") for track in conference.findall("track")] == [
        "meeting-1",
        "meeting-2",
        "meeting-3",
        "meeting-4",
    ]


def test_demo_days_run_from_first_start_to_last_end_with_offsets(demo_series):
    days = xml_of(demo_series).findall("day")

    assert [day.attrib for day in days] == [
        {
            "index": "1",
            "date": "2016-04-25",
            "start": "2016-04-25T10:00:00-04:00",
            "end": "2016-04-25T13:00:00-04:00",
        },
        {
            "index": "2",
            "date": "2016-06-30",
            "start": "2016-06-30T10:00:00-04:00",
            "end": "2016-06-30T12:00:00-04:00",
        },
        {
            "index": "3",
            "date": "2016-07-13",
            "start": "2016-07-13T10:00:00-04:00",
            "end": "2016-07-13T13:00:00-04:00",
        },
        {
            "index": "4",
            "date": "2016-07-20",
            "start": "2016-07-20T13:00:00-04:00",
            "end": "2016-07-20T15:00:00-04:00",
        },
    ]


def test_demo_rooms_are_the_meetings_rooms(demo_series):
    rooms = json_of(demo_series)["schedule"]["conference"]["rooms"]

    assert [room["name"] for room in rooms] == [
        "Conference Room 7, United Nations Headquarters, New York",
        "Conference Room 5, United Nations Headquarters, New York",
        "Conference Room 6, United Nations Headquarters, New York",
        "PDR 1-3, Delegates Dining Room, 4th floor, United Nations Headquarters, New York",
    ]


# Events


def test_demo_meeting_3_is_five_events_at_their_times(demo_series):
    day = xml_of(demo_series).findall("day")[2]
    keys = [segment.key for segment in demo_series.meetings.get(number=3).segments.all()]
    assert keys == ["opening", "panel-1", "debate-1", "panel-2", "debate-2"]

    def guid(key):
        return str(uuid.uuid5(GUID_NAMESPACE, f"gmg-2016/3/{key}"))

    assert [
        (
            event.get("guid"),
            event.findtext("start"),
            event.findtext("duration"),
            event.findtext("room"),
            event.findtext("type"),
        )
        for event in day.findall("room/event")
    ] == [
        (guid("opening"), "10:00", "00:15", ROOM_6, "opening_remarks"),
        (guid("panel-1"), "10:15", "00:40", ROOM_6, "panel"),
        (guid("debate-1"), "10:55", "00:30", ROOM_6, "interactive_debate"),
        (guid("panel-2"), "11:25", "00:50", ROOM_6, "panel"),
        (guid("debate-2"), "12:15", "00:45", ROOM_6, "interactive_debate"),
    ]


def test_demo_event_carries_date_track_people_and_the_meeting_page(demo_series):
    (event,) = [
        event
        for event in events_of(xml_of(demo_series, base_url=SITE))
        if event.get("guid") == str(uuid.uuid5(GUID_NAMESPACE, "gmg-2016/1/panel-1"))
    ]

    assert event.findtext("date") == "2016-04-25T10:20:00-04:00"
    assert event.findtext("title") == (
        "Panel 1: Migration, Refugees and the 2030 Agenda for Sustainable Development"
    )
    assert event.findtext("subtitle") == "Panel"
    assert event.findtext("slug") == "gmg_2016-1-2-panel-1-migration-refugees-and-the-2030-agenda"
    assert event.get("id") == event_number("gmg-2016", 1, "panel-1")
    assert event.findtext("track") == "Meeting 1"
    assert event.findtext("language") == "en"
    assert event.findtext("abstract").startswith("Where migration and refugee flows worldwide")
    assert [person.text for person in event.findall("persons/person")] == [
        "Mr. Bela Hovy",
        "Ms. Ninette Kelley",
        "Ms. Susana Adamo",
        "Ms. Michele Klein-Solomon",
        "Ms. Lisa Simeone",
    ]
    assert event.findtext("url") == f"{SITE}/series/gmg-2016/meetings/1/"
    assert [(link.get("href"), link.text) for link in event.findall("links/link")] == [
        (
            f"{SITE}/series/gmg-2016/meetings/1/",
            "Meeting 1: Understanding large movements of refugees and migrants",
        )
    ]


def test_json_event_has_the_same_times_and_people(demo_series):
    day = json_of(demo_series)["schedule"]["conference"]["days"][0]

    event = day["rooms"]["Conference Room 7, United Nations Headquarters, New York"][1]

    assert {key: event[key] for key in ("id", "date", "start", "end", "duration")} == {
        "id": int(event_number("gmg-2016", 1, "panel-1")),
        "date": "2016-04-25T10:20:00-04:00",
        "start": "10:20",
        "end": "2016-04-25T11:15:00-04:00",
        "duration": "00:55",
    }
    assert [person["name"] for person in event["persons"]][:2] == [
        "Mr. Bela Hovy",
        "Ms. Ninette Kelley",
    ]


def test_event_guid_is_a_uuid5_of_series_meeting_and_segment(demo_series):
    first = events_of(xml_of(demo_series))[0]

    assert first.get("guid") == str(uuid.uuid5(GUID_NAMESPACE, "gmg-2016/1/opening"))


def test_ids_and_guids_survive_exports_and_a_change_of_title(demo_series):
    def identifiers():
        return [(event.get("id"), event.get("guid")) for event in events_of(xml_of(demo_series))]

    before = identifiers()
    segment = demo_series.meetings.get(number=3).segments.get(key="panel-1")
    segment.title = "Panel 1: Complementary pathways"
    segment.save()

    assert identifiers() == before
    assert len(before) == 19  # 5 + 3 + 5 + 6 segments


def test_two_exports_of_unchanged_data_are_identical(demo_series):
    assert schedule_xml(demo_series, base_url=SITE) == schedule_xml(demo_series, base_url=SITE)
    assert schedule_json(demo_series, base_url=SITE) == schedule_json(demo_series, base_url=SITE)


def test_version_is_the_same_in_both_formats_and_follows_the_content(demo_series):
    version = xml_of(demo_series).findtext("version")
    assert json_of(demo_series)["schedule"]["version"] == version

    meeting = demo_series.meetings.get(number=2)
    meeting.room = "Conference Room 4"
    meeting.save()

    assert xml_of(demo_series).findtext("version") != version


def test_segments_without_budget_split_the_meetings_time_evenly():
    meeting = MeetingFactory(start_time=datetime.time(10, 0), end_time=datetime.time(11, 30))
    SegmentFactory(meeting=meeting, key="opening", order=0, duration=30)
    SegmentFactory(meeting=meeting, key="panel", order=1, duration=None)
    SegmentFactory(meeting=meeting, key="debate", order=2, duration=None)

    found = events_of(xml_of(meeting.series))

    assert [(event.findtext("start"), event.findtext("duration")) for event in found] == [
        ("10:00", "00:30"),
        ("10:30", "00:30"),
        ("11:00", "00:30"),
    ]


def test_meeting_without_programme_is_one_event():
    meeting = MeetingFactory(
        number=2, title="Briefing", start_time=datetime.time(10, 0), end_time=datetime.time(11, 0)
    )

    (event,) = events_of(xml_of(meeting.series))

    assert (event.get("id"), event.findtext("title"), event.findtext("type")) == (
        event_number(meeting.series.slug, 2),
        "Briefing",
        "meeting",
    )
    assert event.findtext("duration") == "01:00"


def test_meeting_without_date_is_left_out():
    series = SeriesFactory()
    SegmentFactory(meeting__series=series, meeting__number=1)
    SegmentFactory(meeting__series=series, meeting__number=2, meeting__date=None)

    root = xml_of(series)

    assert [event.findtext("track") for event in events_of(root)] == ["Meeting 1"]
    assert root.find("conference").findtext("days") == "1"


def test_meeting_with_date_but_no_time_is_a_whole_day_without_events():
    meeting = MeetingFactory(start_time=None, end_time=None)
    SegmentFactory(meeting=meeting)

    (day,) = xml_of(meeting.series).findall("day")

    assert (day.get("start"), day.get("end")) == (
        "2016-04-25T00:00:00-04:00",
        "2016-04-25T23:59:00-04:00",
    )
    assert events_of(xml_of(meeting.series)) == []


def test_draft_meeting_is_left_out_for_the_public():
    series = SeriesFactory()
    SegmentFactory(meeting__series=series, meeting__number=1)
    SegmentFactory(
        meeting__series=series,
        meeting__number=2,
        meeting__date=datetime.date(2016, 6, 30),
        meeting__status=MeetingStatus.DRAFT,
    )

    assert [event.findtext("track") for event in events_of(xml_of(series))] == ["Meeting 1"]
    assert [day["index"] for day in json_of(series)["schedule"]["conference"]["days"]] == [1]


# What conference apps rely on


def test_reordering_the_programme_keeps_each_event_id_with_its_panel(demo_series, xsd):
    def ids_by_title():
        return {
            event.findtext("title"): event.get("id") for event in events_of(xml_of(demo_series))
        }

    before = ids_by_title()
    first, second = demo_series.meetings.get(number=3).segments.filter(kind="panel")
    first.order, second.order = second.order, first.order
    first.save()
    second.save()

    assert ids_by_title() == before
    xsd.validate(schedule_xml(demo_series, base_url=SITE).decode())


def test_event_ids_are_unique_positive_31_bit_numbers(demo_series):
    ids = [int(event.get("id")) for event in events_of(xml_of(demo_series))]

    assert len(set(ids)) == len(ids) == 19
    assert all(0 < number < 2**31 for number in ids)


def test_each_meeting_has_a_schedule_of_its_own_day(demo_series, xsd, json_validator):
    meeting = demo_series.meetings.get(number=3)

    root = xml_of(demo_series, base_url=SITE, meeting=meeting)
    data = json_of(demo_series, base_url=SITE, meeting=meeting)

    conference = root.find("conference")
    assert (conference.findtext("title"), conference.findtext("acronym")) == (
        meeting.title,
        "gmg_2016_meeting_3",
    )
    assert (conference.findtext("start"), conference.findtext("end")) == ("2016-07-13",) * 2
    assert {event.findtext("track") for event in events_of(root)} == {"Meeting 3"}
    assert len(events_of(root)) == 5
    assert root.findtext("url") == f"{SITE}/series/gmg-2016/meetings/3/schedule.xml"
    xsd.validate(schedule_xml(demo_series, base_url=SITE, meeting=meeting).decode())
    json_validator.validate(data)


def test_tracks_are_short_names_not_meeting_titles(demo_series):
    conference = xml_of(demo_series).find("conference")

    assert [track.get("name") for track in conference.findall("track")] == [
        "Meeting 1",
        "Meeting 2",
        "Meeting 3",
        "Meeting 4",
    ]


def test_json_schedule_names_the_schema_it_is_valid_against(demo_series, json_validator):
    schema = json.loads((shared_formats() / "schedule.schema.json").read_text())
    data = json_of(demo_series, base_url=SITE)

    assert data["$schema"] == schema["$id"]
    json_validator.validate(data)


def test_the_events_of_a_cancelled_meeting_say_so(demo_series):
    demo_series.meetings.filter(number=2).update(status=MeetingStatus.CANCELLED)

    titles = [event.findtext("title") for event in events_of(xml_of(demo_series))]

    cancelled = [title for title in titles if title.startswith("Cancelled: ")]
    assert len(cancelled) == 3  # the three segments of meeting 2
    assert len(titles) == 19
