"""Calendars and conference schedules on the web: addresses, types, who sees what, caching."""

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from django.urls import reverse
from icalendar import Calendar
from pytest_django.asserts import assertContains

from convener.meetings.models import MeetingStatus, SeriesStatus
from tests.factories import (
    MeetingFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    SeriesFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[2] / "docs"
CALENDAR = "text/calendar; charset=utf-8"
XML = "application/xml; charset=utf-8"
JSON = "application/json"


def series_feeds(slug: str) -> list[tuple[str, str]]:
    """The address and content type of each feed of a series."""
    return [
        (reverse("public:series_calendar", args=[slug]), CALENDAR),
        (reverse("public:series_schedule_xml", args=[slug]), XML),
        (reverse("public:series_schedule_json", args=[slug]), JSON),
    ]


def event_uids(response) -> list[str]:
    return [str(event["UID"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]


def schedule_tracks(response) -> list[str]:
    """The track of each event, which names its meeting."""
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    return [event.findtext("track") for event in root.findall("day/room/event")]


# Addresses and types


def test_feed_addresses():
    assert [path for path, _ in series_feeds("gmg-2016")] == [
        "/series/gmg-2016/calendar.ics",
        "/series/gmg-2016/schedule.xml",
        "/series/gmg-2016/schedule.json",
    ]
    assert reverse("public:meeting_calendar", args=["gmg-2016", 3]) == (
        "/series/gmg-2016/meetings/3/calendar.ics"
    )
    assert reverse("public:person_calendar", args=["ninette-kelley"]) == (
        "/people/ninette-kelley/calendar.ics"
    )


def test_series_feeds_are_served_with_their_content_types(client, demo_series):
    for path, content_type in series_feeds("gmg-2016"):
        response = client.get(path)

        assert (response.status_code, response["Content-Type"]) == (200, content_type), path


def test_series_calendar_links_to_the_pages_of_the_host_asked(client, demo_series):
    response = client.get("/series/gmg-2016/calendar.ics")

    assert event_uids(response) == [
        "gmg-2016-meeting-1@testserver",
        "gmg-2016-meeting-2@testserver",
        "gmg-2016-meeting-3@testserver",
        "gmg-2016-meeting-4@testserver",
    ]
    assert b"URL:http://testserver/series/gmg-2016/meetings/1/\r\n" in response.content


def test_meeting_calendar_has_the_meeting_and_its_segments(client, demo_series):
    response = client.get("/series/gmg-2016/meetings/2/calendar.ics")

    assert response["Content-Type"] == CALENDAR
    assert event_uids(response) == [
        "gmg-2016-meeting-2@testserver",
        "gmg-2016-meeting-2-opening@testserver",
        "gmg-2016-meeting-2-speakers@testserver",
        "gmg-2016-meeting-2-debate@testserver",
    ]


def test_person_calendar_is_served(client, demo_series):
    response = client.get("/people/ninette-kelley/calendar.ics")

    assert response["Content-Type"] == CALENDAR
    assert event_uids(response)[:2] == [
        "gmg-2016-meeting-1@testserver",
        "gmg-2016-meeting-1-panel-1@testserver",
    ]


def test_schedule_json_is_the_demo_schedule(client, demo_series):
    data = json.loads(client.get("/series/gmg-2016/schedule.json").content)

    conference = data["schedule"]["conference"]
    assert (conference["acronym"], conference["daysCount"]) == ("gmg_2016", 4)
    assert data["schedule"]["base_url"] == "http://testserver/"


def test_feed_of_another_language_links_to_pages_in_that_language(client, demo_series):
    response = client.get("/fr/series/gmg-2016/calendar.ics")

    assert b"URL:http://testserver/fr/series/gmg-2016/meetings/1/\r\n" in response.content


# Not found


@pytest.mark.parametrize(
    "path",
    [
        "/series/no-such-series/calendar.ics",
        "/series/no-such-series/schedule.xml",
        "/series/no-such-series/schedule.json",
        "/series/no-such-series/meetings/1/calendar.ics",
        "/series/gmg-2016/meetings/99/calendar.ics",
        "/people/no-such-person/calendar.ics",
    ],
)
def test_feed_of_something_unknown_is_not_found(client, demo_series, path):
    assert client.get(path).status_code == 404


# Who sees what


def test_draft_meeting_is_absent_from_the_public_series_feeds(client):
    series = SeriesFactory(slug="series-with-draft")
    SegmentFactory(meeting__series=series, meeting__number=1, key="opening")
    SegmentFactory(
        meeting__series=series,
        meeting__number=2,
        meeting__status=MeetingStatus.DRAFT,
        key="secret",
    )

    calendar = client.get("/series/series-with-draft/calendar.ics")
    schedule = client.get("/series/series-with-draft/schedule.xml")
    data = client.get("/series/series-with-draft/schedule.json")

    assert event_uids(calendar) == ["series-with-draft-meeting-1@testserver"]
    assert schedule_tracks(schedule) == ["Meeting 1"]
    assert b"secret" not in data.content
    assert b"meeting-2" not in calendar.content + schedule.content + data.content


def test_secretariat_sees_the_draft_meeting_in_the_feeds(client):
    series = SeriesFactory(slug="series-with-draft")
    SegmentFactory(meeting__series=series, meeting__number=1)
    SegmentFactory(meeting__series=series, meeting__number=2, meeting__status=MeetingStatus.DRAFT)
    client.force_login(secretariat_of(series))

    response = client.get("/series/series-with-draft/schedule.xml")

    assert schedule_tracks(response) == ["Meeting 1", "Meeting 2"]


def test_calendar_of_a_draft_meeting_is_not_found(client):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)

    response = client.get(reverse("public:meeting_calendar", args=[meeting.series.slug, 1]))

    assert response.status_code == 404


def test_feeds_of_a_draft_series_are_not_found(client):
    series = SeriesFactory(status=SeriesStatus.DRAFT)
    MeetingFactory(series=series)

    for path, _ in series_feeds(series.slug):
        assert client.get(path).status_code == 404, path


def test_calendar_of_someone_only_in_a_draft_is_not_found(client):
    person = ParticipationFactory(segment__meeting__status=MeetingStatus.DRAFT).person

    assert client.get(reverse("public:person_calendar", args=[person.key])).status_code == 404


def test_person_calendar_leaves_out_their_draft_meetings(client):
    person = PersonFactory(key="a-panellist")
    published = ParticipationFactory(person=person).segment
    ParticipationFactory(person=person, segment__meeting__status=MeetingStatus.DRAFT)

    uids = event_uids(client.get("/people/a-panellist/calendar.ics"))

    meeting = f"{published.meeting.series.slug}-meeting-{published.meeting.number}"
    assert uids == [f"{meeting}@testserver", f"{meeting}-{published.key}@testserver"]


# Served from memory


def test_cached_feed_costs_one_query_and_keeps_its_content_type(
    client, demo_series, django_assert_num_queries
):
    for path, content_type in series_feeds("gmg-2016"):
        first = client.get(path)

        with django_assert_num_queries(1):
            again = client.get(path)

        assert (again["Content-Type"], again.content) == (content_type, first.content), path


def test_cached_feed_keeps_the_links_of_each_host(client, demo_series, settings):
    settings.ALLOWED_HOSTS = ["testserver", "meetings.example.org"]
    client.get("/series/gmg-2016/calendar.ics")

    response = client.get("/series/gmg-2016/calendar.ics", HTTP_HOST="meetings.example.org")

    assert event_uids(response)[0] == "gmg-2016-meeting-1@meetings.example.org"


def test_series_calendar_query_count_is_fixed_however_many_meetings(
    client, django_assert_num_queries
):
    series = SeriesFactory(slug="busy")
    for number in range(1, 6):
        ParticipationFactory(segment__meeting__series=series, segment__meeting__number=number)

    # The content revision, the series, the meetings with their programme (6),
    # then the events' revisions: read, the first time stored and read again.
    with django_assert_num_queries(1 + 1 + 6 + 3):
        response = client.get("/series/busy/calendar.ics")

    assert len(event_uids(response)) == 5


# Links from the pages


def test_series_page_links_to_its_calendar_and_schedules(client, demo_series):
    response = client.get(reverse("public:series", args=["gmg-2016"]))

    assertContains(
        response,
        '<a href="/series/gmg-2016/calendar.ics" type="text/calendar">Subscribe (iCalendar)</a>',
        html=True,
    )
    assertContains(
        response,
        '<a href="/series/gmg-2016/schedule.xml" type="application/xml">XML</a>',
        html=True,
    )
    assertContains(
        response,
        '<a href="/series/gmg-2016/schedule.json" type="application/json">JSON</a>',
        html=True,
    )


def test_meeting_page_links_to_its_calendar(client, demo_series):
    response = client.get(reverse("public:meeting", args=["gmg-2016", 3]))

    assertContains(
        response,
        '<a href="/series/gmg-2016/meetings/3/calendar.ics" type="text/calendar">'
        "Subscribe (iCalendar)</a>",
        html=True,
    )


def test_person_page_links_to_their_calendar(client, demo_series):
    response = client.get(reverse("public:person", args=["ninette-kelley"]))

    assertContains(
        response,
        '<a href="/people/ninette-kelley/calendar.ics" type="text/calendar">'
        "Subscribe (iCalendar)</a>",
        html=True,
    )


# Documentation


def test_every_feed_is_documented():
    text = (DOCS / "feeds.md").read_text()

    for address in (
        "/series/<slug>/calendar.ics",
        "/series/<slug>/meetings/<number>/calendar.ics",
        "/people/<key>/calendar.ics",
        "/series/<slug>/schedule.xml",
        "/series/<slug>/schedule.json",
    ):
        assert f"`{address}`" in text, address


def test_a_meeting_schedule_is_served_as_xml_and_json(client, demo_series):
    xml = client.get("/series/gmg-2016/meetings/3/schedule.xml")
    data = client.get("/series/gmg-2016/meetings/3/schedule.json")

    assert xml["Content-Type"] == "application/xml; charset=utf-8"
    assert set(schedule_tracks(xml)) == {"Meeting 3"}
    assert data.json()["schedule"]["conference"]["acronym"] == "gmg_2016_meeting_3"


def test_the_meeting_page_links_its_schedule(client, demo_series):
    response = client.get("/series/gmg-2016/meetings/3/")

    assertContains(response, 'href="/series/gmg-2016/meetings/3/schedule.xml"', count=2)
    assertContains(response, 'href="/series/gmg-2016/meetings/3/schedule.json"', count=2)


def test_the_schedule_of_a_draft_meeting_is_not_found(client):
    SegmentFactory(meeting__series__slug="drafty", meeting__status=MeetingStatus.DRAFT)

    assert client.get("/series/drafty/meetings/1/schedule.xml").status_code == 404
    assert client.get("/series/drafty/meetings/1/schedule.json").status_code == 404
