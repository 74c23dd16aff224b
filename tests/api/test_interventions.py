import pytest

from convener.meetings.models import MeetingStatus
from tests.factories import InterventionFactory

pytestmark = pytest.mark.django_db


def listed(response):
    assert response.status_code == 200, response.content
    return response.json()


def test_intervention_list_gives_the_floor_meeting_by_meeting(client, demo_series):
    body = listed(client.get("/api/interventions?limit=100"))

    assert body["count"] == 65
    meetings = [item["meeting"] for item in body["results"]]
    assert meetings == sorted(meetings)
    first = body["results"][0]
    assert (first["segment"], first["speaker"]["key"], first["organisation"]["key"]) == (
        "opening",
        "lakshmi-puri",
        "un-women",
    )
    assert first["capacity"] == "organisation"


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("series=gmg-2016", 65),
        ("series=gmg-2016&meeting=2", 11),
        ("state=MEX", 2),
        ("organisation=un-women", 3),
        ("person=lakshmi-puri", 2),
        ("capacity=group", 1),
        ("capacity=national&state=MEX", 2),
        ("series=another", 0),
    ],
)
def test_intervention_list_filters(client, demo_series, query, count):
    assert listed(client.get(f"/api/interventions?{query}"))["count"] == count


def test_intervention_list_filter_by_meeting_needs_the_series(client):
    response = client.get("/api/interventions?meeting=2")

    assert response.status_code == 400
    assert response.json()["error"]["details"] == [
        {"location": "query", "field": "series", "message": "Needed with meeting."}
    ]


def test_intervention_list_hides_drafts_from_the_public(client):
    InterventionFactory(segment__meeting__status=MeetingStatus.DRAFT)

    assert listed(client.get("/api/interventions"))["count"] == 0


def test_intervention_list_hides_drafts_from_a_token_outside_the_secretariat(client, user_headers):
    InterventionFactory(segment__meeting__status=MeetingStatus.DRAFT)

    assert listed(client.get("/api/interventions", headers=user_headers))["count"] == 0


def test_intervention_list_shows_drafts_to_the_secretariat(client, admin_headers):
    InterventionFactory(segment__meeting__status=MeetingStatus.DRAFT)

    assert listed(client.get("/api/interventions", headers=admin_headers))["count"] == 1


def test_intervention_detail_gives_speaker_delegation_and_capacity(client):
    intervention = InterventionFactory(state__iso3="XAC", speaker__key="delegate")

    response = client.get(f"/api/interventions/{intervention.pk}")

    assert response.status_code == 200
    body = response.json()
    assert body["state"]["iso3"] == "XAC"
    assert body["speaker"]["key"] == "delegate"
    assert body["capacity"] == "national"
    assert body["series"] == intervention.segment.meeting.series.slug


def test_intervention_detail_of_a_draft_is_not_found_for_the_public(client):
    intervention = InterventionFactory(segment__meeting__status=MeetingStatus.DRAFT)

    assert client.get(f"/api/interventions/{intervention.pk}").status_code == 404
