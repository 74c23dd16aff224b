import pytest

from convener.meetings.models import MeetingStatus
from tests.factories import CoOrganiserFactory, OrganisationFactory, StateFactory

pytestmark = pytest.mark.django_db


def keys(response):
    assert response.status_code == 200, response.content
    return [organisation["key"] for organisation in response.json()["results"]]


def test_organisation_list_gives_organisations_by_name(client, demo_series):
    response = client.get("/api/organisations?limit=1")

    assert response.json()["count"] == 32
    assert response.json()["results"] == [
        {
            "key": "aclu",
            "name": "American Civil Liberties Union",
            "acronym": "ACLU",
            "kind": "ngo",
            "state": None,
            "website": "",
        }
    ]


def test_organisation_list_gives_the_state_of_a_mission(client):
    mission = OrganisationFactory(key="mission", state=StateFactory(iso3="XAB"))
    CoOrganiserFactory(organisation=mission)

    assert client.get("/api/organisations").json()["results"][0]["state"] == "XAB"


def test_organisation_list_hides_organisations_only_in_drafts_from_the_public(client):
    CoOrganiserFactory(organisation__key="public")
    CoOrganiserFactory(organisation__key="drafted", meeting__status=MeetingStatus.DRAFT)

    assert keys(client.get("/api/organisations")) == ["public"]


def test_organisation_list_shows_every_organisation_to_the_secretariat(client, admin_headers):
    CoOrganiserFactory(organisation__key="drafted", meeting__status=MeetingStatus.DRAFT)

    assert keys(client.get("/api/organisations", headers=admin_headers)) == ["drafted"]


def test_organisation_detail_gives_meetings_co_organised_and_people(client, demo_series):
    response = client.get("/api/organisations/unhcr")

    assert response.status_code == 200
    body = response.json()
    assert [meeting["number"] for meeting in body["co_organised"]] == [1, 3]
    assert [person["key"] for person in body["people"]] == ["ninette-kelley"]


def test_organisation_detail_of_one_only_in_drafts_is_not_found_for_the_public(client):
    CoOrganiserFactory(organisation__key="drafted", meeting__status=MeetingStatus.DRAFT)

    assert client.get("/api/organisations/drafted").status_code == 404


def test_organisation_detail_lists_draft_meetings_for_the_secretariat_only(client, admin_headers):
    link = CoOrganiserFactory(organisation__key="org", meeting__status=MeetingStatus.DRAFT)
    CoOrganiserFactory(organisation=link.organisation)

    public = client.get("/api/organisations/org").json()
    staff = client.get("/api/organisations/org", headers=admin_headers).json()

    assert len(public["co_organised"]) == 1
    assert len(staff["co_organised"]) == 2
