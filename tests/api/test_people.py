import pytest

from convener.meetings.models import MeetingStatus
from tests.factories import (
    CoChairFactory,
    MeetingFactory,
    ParticipationFactory,
    PersonFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db


def keys(response):
    assert response.status_code == 200, response.content
    return [person["key"] for person in response.json()["results"]]


def test_people_list_gives_people_by_family_name(client, demo_series):
    response = client.get("/api/people?limit=2")

    assert keys(response) == ["amir-abdulla", "susana-adamo"]
    assert response.json()["results"][0] == {
        "key": "amir-abdulla",
        "honorific": "Mr.",
        "given_name": "Amir",
        "family_name": "Abdulla",
        "name": "Amir Abdulla",
        "short_name": "Mr. Abdulla",
        "position": "Deputy Executive Director, World Food Programme",
        "organisation": {
            "key": "wfp",
            "name": "World Food Programme",
            "acronym": "WFP",
            "label": "WFP",
        },
    }


def test_people_list_filters_by_organisation(client, demo_series):
    assert keys(client.get("/api/people?organisation=unhcr")) == ["ninette-kelley"]


def test_people_list_filters_by_series(client):
    ParticipationFactory(person__key="in-a", segment__meeting__series=SeriesFactory(slug="a"))
    ParticipationFactory(person__key="in-b", segment__meeting__series=SeriesFactory(slug="b"))

    assert keys(client.get("/api/people?series=a")) == ["in-a"]


def test_people_list_filter_by_series_does_not_see_into_drafts(client):
    series = SeriesFactory(slug="a")
    MeetingFactory(series=series)
    # Public through another meeting, but in series a only in a draft.
    person = PersonFactory(key="drafted")
    ParticipationFactory(person=person)
    CoChairFactory(person=person, meeting__series=series, meeting__status=MeetingStatus.DRAFT)

    assert keys(client.get("/api/people?series=a")) == []


def test_people_list_hides_people_only_in_drafts_from_the_public(client):
    ParticipationFactory(person__key="public")
    ParticipationFactory(person__key="drafted", segment__meeting__status=MeetingStatus.DRAFT)

    assert keys(client.get("/api/people")) == ["public"]


def test_people_list_hides_people_only_in_drafts_from_a_token_outside_the_secretariat(
    client, user_headers
):
    ParticipationFactory(person__key="drafted", segment__meeting__status=MeetingStatus.DRAFT)

    assert keys(client.get("/api/people", headers=user_headers)) == []


def test_people_list_shows_the_whole_directory_to_the_secretariat(client, admin_headers):
    ParticipationFactory(person__key="drafted", segment__meeting__status=MeetingStatus.DRAFT)
    PersonFactory(key="not-taking-part")

    assert sorted(keys(client.get("/api/people", headers=admin_headers))) == [
        "drafted",
        "not-taking-part",
    ]


def test_person_detail_gives_the_parts_played_meeting_by_meeting(client, demo_series):
    response = client.get("/api/people/lakshmi-puri")

    assert response.status_code == 200
    appearances = response.json()["appearances"]
    assert [appearance["meeting"]["number"] for appearance in appearances] == [1, 4]
    assert appearances[0]["parts"] == [
        {"part": "programme", "segment": "opening"},
        {"part": "floor", "segment": "opening"},
    ]


def test_person_detail_of_someone_only_in_drafts_is_not_found_for_the_public(client):
    ParticipationFactory(person__key="drafted", segment__meeting__status=MeetingStatus.DRAFT)

    assert client.get("/api/people/drafted").status_code == 404


def test_person_detail_of_someone_only_in_drafts_is_read_by_the_secretariat(client, admin_headers):
    ParticipationFactory(person__key="drafted", segment__meeting__status=MeetingStatus.DRAFT)

    response = client.get("/api/people/drafted", headers=admin_headers)

    assert response.status_code == 200
    assert response.json()["appearances"][0]["parts"][0]["part"] == "programme"
