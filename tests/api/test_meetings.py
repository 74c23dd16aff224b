import datetime

import pytest

from convener.audit.actors import command_line_operator
from convener.meetings.models import MeetingStatus, ProgrammeRole, SeriesStatus
from convener.texts.domain import save_version
from convener.texts.models import TextPlace
from tests.factories import (
    CoChairFactory,
    CoOrganiserFactory,
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    SeriesFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


def numbers(response):
    assert response.status_code == 200, response.content
    return [meeting["number"] for meeting in response.json()["results"]]


def test_meeting_list_gives_the_demo_meetings_in_date_order(client, demo_series):
    response = client.get("/api/meetings")

    assert numbers(response) == [1, 2, 3, 4]
    assert response.json()["results"][0] == {
        "series": "gmg-2016",
        "number": 1,
        "title": "Understanding large movements of refugees and migrants",
        "status": "reported",
        "date": "2016-04-25",
        "start": "10:00:00",
        "end": "13:00:00",
        "ends_next_day": False,
        "venue": "United Nations Headquarters, New York",
        "room": "Conference Room 7",
        "format": "panels",
        "updated_at": response.json()["results"][0]["updated_at"],
    }


def test_meeting_list_puts_meetings_to_be_dated_last(client):
    series = SeriesFactory()
    MeetingFactory(series=series, number=1, date=None)
    MeetingFactory(series=series, number=2, date=datetime.date(2016, 5, 1))

    assert numbers(client.get("/api/meetings")) == [2, 1]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("series=gmg-2016", [1, 2, 3, 4]),
        ("series=another", []),
        ("state=NLD", [1]),  # co-chaired the first
        ("state=MEX", [1, 2]),  # took the floor in the first, co-chaired the second
        ("organisation=unhcr", [1, 3]),  # co-organised both
        ("organisation=picum", [4]),
        ("person=craig-mokhiber", [4]),  # moderated the fourth
        ("person=lakshmi-puri", [1, 4]),  # opened the first and the fourth
        ("status=reported", [1, 2, 3, 4]),
        ("status=draft", []),
        ("series=gmg-2016&state=NLD", [1]),
    ],
)
def test_meeting_list_filters(client, demo_series, query, expected):
    assert numbers(client.get(f"/api/meetings?{query}")) == expected


def test_meeting_list_filters_by_an_organisation_whose_people_took_part(client):
    organisation = OrganisationFactory(key="ngo")
    meeting = MeetingFactory()
    MeetingFactory()
    ParticipationFactory(segment__meeting=meeting, person__organisation=organisation)

    assert numbers(client.get("/api/meetings?organisation=ngo")) == [meeting.number]


def test_meeting_list_filters_by_a_person_on_the_floor(client):
    meeting = MeetingFactory()
    InterventionFactory(segment__meeting=meeting, speaker=PersonFactory(key="speaker"))

    assert numbers(client.get("/api/meetings?person=speaker")) == [meeting.number]


def test_meeting_list_hides_drafts_from_the_public(client):
    MeetingFactory(number=1)
    MeetingFactory(number=2, status=MeetingStatus.DRAFT)

    assert numbers(client.get("/api/meetings")) == [1]


def test_meeting_list_hides_meetings_of_a_draft_series_from_the_public(client):
    MeetingFactory(series__status=SeriesStatus.DRAFT)

    assert numbers(client.get("/api/meetings")) == []


def test_meeting_list_hides_drafts_from_a_token_outside_the_secretariat(client, user_headers):
    MeetingFactory(number=2, status=MeetingStatus.DRAFT)

    assert numbers(client.get("/api/meetings", headers=user_headers)) == []


def test_meeting_list_shows_drafts_to_the_secretariat(client, admin_headers):
    MeetingFactory(number=2, status=MeetingStatus.DRAFT)

    assert numbers(client.get("/api/meetings", headers=admin_headers)) == [2]


def test_meeting_list_filter_by_person_does_not_see_into_drafts(client):
    person = PersonFactory(key="panellist")
    ParticipationFactory(person=person, segment__meeting__status=MeetingStatus.DRAFT)

    assert numbers(client.get("/api/meetings?person=panellist")) == []


def test_meeting_detail_gives_co_organisers_co_chairs_and_programme(client, demo_series):
    response = client.get("/api/meetings/gmg-2016/1")

    assert response.status_code == 200
    body = response.json()
    assert [organisation["key"] for organisation in body["co_organisers"]] == [
        "desa",
        "iom",
        "unhcr",
    ]
    assert body["co_chairs"][0] == {
        "state": {"iso3": "NLD", "name": "Netherlands"},
        "person": {"key": "karel-van-oosterom", "honorific": "H.E.", "name": "Karel van Oosterom"},
        "named_formally": True,
    }
    assert [segment["key"] for segment in body["segments"]] == [
        "opening",
        "panel-1",
        "debate-1",
        "panel-2",
        "debate-2",
    ]
    opening = body["segments"][0]["participants"][0]
    assert opening["person"]["key"] == "lakshmi-puri"
    assert opening["organisation"]["key"] == "un-women"


def test_meeting_detail_gives_the_moderator(client, demo_series):
    body = client.get("/api/meetings/gmg-2016/4").json()

    assert body["moderator"] == {
        "key": "craig-mokhiber",
        "honorific": body["moderator"]["honorific"],
        "name": "Craig Mokhiber",
    }


def test_meeting_detail_gives_participants_with_role_and_speaking_time(client):
    meeting = MeetingFactory()
    ParticipationFactory(
        segment__meeting=meeting,
        person__key="panellist",
        person__organisation=None,
        role=ProgrammeRole.MODERATOR,
        speaking_time=7,
    )

    body = client.get(f"/api/meetings/{meeting.series.slug}/{meeting.number}").json()

    participant = body["segments"][0]["participants"][0]
    assert participant["role"] == "moderator"
    assert participant["speaking_time"] == 7
    assert participant["organisation"] is None


def test_meeting_detail_gives_the_capacity_a_participant_holds_at_the_meeting(client):
    meeting = MeetingFactory()
    ParticipationFactory(
        segment__meeting=meeting,
        person__organisation=None,
        role=ProgrammeRole.SPEAKER,
        capacity="Chair of the Global Migration Group",
    )

    body = client.get(f"/api/meetings/{meeting.series.slug}/{meeting.number}").json()

    assert body["segments"][0]["participants"][0]["capacity"] == (
        "Chair of the Global Migration Group"
    )


def test_meeting_detail_of_a_draft_is_not_found_for_the_public(client):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)

    response = client.get(f"/api/meetings/{meeting.series.slug}/{meeting.number}")

    assert response.status_code == 404


def test_meeting_detail_of_a_draft_is_not_found_for_a_token_outside_the_secretariat(
    client, user_headers
):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)

    response = client.get(
        f"/api/meetings/{meeting.series.slug}/{meeting.number}", headers=user_headers
    )

    assert response.status_code == 404


def test_meeting_detail_of_a_draft_is_read_by_the_secretariat(client, admin_headers):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)
    CoChairFactory(meeting=meeting, state=StateFactory(iso3="XAA"))
    CoOrganiserFactory(meeting=meeting)
    SegmentFactory(meeting=meeting)

    response = client.get(
        f"/api/meetings/{meeting.series.slug}/{meeting.number}", headers=admin_headers
    )

    assert response.status_code == 200
    assert response.json()["co_chairs"][0]["state"]["iso3"] == "XAA"


def test_a_meeting_gives_its_translated_texts_and_never_drafts(client, demo_series):
    meeting = demo_series.meetings.get(number=3)
    segment = meeting.segments.order_by("order").first()
    save_version(
        place=TextPlace(segment, "title", "ru"),
        text="Черновик",
        status="draft",
        by=command_line_operator(),
    )

    data = client.get("/api/meetings/gmg-2016/3").json()

    assert data["translations"]["fr"]["title"].startswith("Renforcement")
    assert set(data["translations"]) == {"fr", "es"}
    assert data["concept_note"][0]["translations"]["es"]["heading"] == "Objeto"
    assert data["segments"][0]["translations"] == {}
