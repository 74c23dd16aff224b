import pytest

from convener.api.interfaces.versions import etag, intervention_version
from convener.meetings.domain.revision import current_revision
from convener.records.models import Capacity, Intervention
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    SegmentFactory,
    StateFactory,
    StateGroupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    meeting = MeetingFactory(series__slug="s", number=1)
    SegmentFactory(meeting=meeting, key="debate")
    SegmentFactory(meeting=meeting, key="closing")
    return meeting


def post(client, data, headers=None):
    return client.post(
        "/api/meetings/s/1/interventions",
        data,
        content_type="application/json",
        headers=headers or {},
    )


def patch(client, intervention, data, headers=None):
    """A PATCH as a client that read the intervention just before sends it."""
    intervention.refresh_from_db()
    return client.patch(
        f"/api/interventions/{intervention.pk}",
        data,
        content_type="application/json",
        headers={"If-Match": etag(intervention_version(intervention)), **(headers or {})},
    )


def test_post_intervention_without_a_token_is_unauthorized(client, meeting):
    assert post(client, {"segment": "debate", "state": "XAA"}).status_code == 401


def test_post_intervention_with_a_token_outside_the_secretariat_is_forbidden(
    client, meeting, user_headers
):
    response = post(client, {"segment": "debate", "state": "XAA"}, user_headers)

    assert response.status_code == 403
    assert not Intervention.objects.exists()


def test_post_intervention_records_a_turn_at_the_end_of_the_segment(client, meeting, admin_headers):
    InterventionFactory(segment=meeting.segments.get(key="debate"), order=4)
    StateFactory(iso3="XAA")
    PersonFactory(key="delegate")

    response = post(
        client,
        {
            "segment": "debate",
            "speaker": "delegate",
            "state": "XAA",
            "capacity": "national",
            "summary": "Called for *regular pathways*.",
            "points": ["More resettlement places."],
        },
        admin_headers,
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["segment"], body["order"], body["state"]["iso3"]) == ("debate", 5, "XAA")
    assert body["points"] == ["More resettlement places."]
    assert body["kind"] == "statement"


def test_post_intervention_for_a_group_and_an_organisation(client, meeting, admin_headers):
    StateGroupFactory(key="g77")
    OrganisationFactory(key="unhcr")

    response = post(
        client,
        {"segment": "debate", "group": "g77", "organisation": "unhcr", "capacity": "group"},
        admin_headers,
    )

    assert response.status_code == 201, response.content
    assert (response.json()["group"]["key"], response.json()["organisation"]["key"]) == (
        "g77",
        "unhcr",
    )


def test_post_intervention_raises_the_content_revision(
    client, meeting, admin_headers, django_capture_on_commit_callbacks
):
    StateFactory(iso3="XAA")
    before = current_revision()

    with django_capture_on_commit_callbacks(execute=True):
        post(client, {"segment": "debate", "state": "XAA"}, admin_headers)

    assert current_revision() > before


def test_post_intervention_naming_unknown_keys_is_invalid(client, meeting, admin_headers):
    response = post(
        client, {"segment": "lunch", "speaker": "nobody", "state": "XZZ"}, admin_headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"] == [
        {"location": "body", "field": "segment", "message": "No segment “lunch” in meeting 1."},
        {"location": "body", "field": "speaker", "message": "No person “nobody”."},
        {"location": "body", "field": "state", "message": "No State “XZZ”."},
    ]


def test_post_intervention_naming_nobody_is_invalid(client, meeting, admin_headers):
    response = post(client, {"segment": "debate", "summary": "Someone spoke."}, admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"] == [
        {
            "location": "body",
            "field": None,
            "message": "Name a speaker, a State, a group of States or an organisation.",
        }
    ]


def test_post_intervention_on_behalf_of_a_group_needs_the_group(client, meeting, admin_headers):
    StateFactory(iso3="XAA")

    response = post(
        client, {"segment": "debate", "state": "XAA", "capacity": "group"}, admin_headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "group"


def test_post_intervention_in_an_unknown_meeting_is_not_found(client, meeting, admin_headers):
    response = client.post(
        "/api/meetings/s/9/interventions",
        {"segment": "debate", "state": "XAA"},
        content_type="application/json",
        headers=admin_headers,
    )

    assert response.status_code == 404


def test_patch_intervention_without_a_token_is_unauthorized(client, meeting):
    intervention = InterventionFactory(segment=meeting.segments.get(key="debate"))

    assert patch(client, intervention, {"summary": "New"}).status_code == 401


def test_patch_intervention_with_a_token_outside_the_secretariat_is_forbidden(
    client, meeting, user_headers
):
    intervention = InterventionFactory(segment=meeting.segments.get(key="debate"))

    assert patch(client, intervention, {"summary": "New"}, user_headers).status_code == 403


def test_patch_intervention_changes_what_is_given(client, meeting, admin_headers):
    intervention = InterventionFactory(segment=meeting.segments.get(key="debate"))

    response = patch(
        client,
        intervention,
        {"summary": "Now *this*.", "points": ["One", "Two"], "kind": "question"},
        admin_headers,
    )

    assert response.status_code == 200
    intervention.refresh_from_db()
    assert (intervention.summary, intervention.points, intervention.kind) == (
        "Now *this*.",
        ["One", "Two"],
        "question",
    )
    assert intervention.capacity == Capacity.NATIONAL


def test_patch_intervention_moves_it_to_the_end_of_another_segment(client, meeting, admin_headers):
    intervention = InterventionFactory(segment=meeting.segments.get(key="debate"), order=0)
    InterventionFactory(segment=meeting.segments.get(key="closing"), order=3)

    response = patch(client, intervention, {"segment": "closing"}, admin_headers)

    assert (response.json()["segment"], response.json()["order"]) == ("closing", 4)


def test_patch_intervention_cannot_move_it_to_another_meeting(client, meeting, admin_headers):
    intervention = InterventionFactory(segment=meeting.segments.get(key="debate"))
    SegmentFactory(key="elsewhere")

    response = patch(client, intervention, {"segment": "elsewhere"}, admin_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "segment"


def test_patch_intervention_clearing_its_only_delegation_is_invalid(client, meeting, admin_headers):
    intervention = InterventionFactory(segment=meeting.segments.get(key="debate"), speaker=None)

    response = patch(client, intervention, {"state": None}, admin_headers)

    assert response.status_code == 422
    intervention.refresh_from_db()
    assert intervention.state is not None


def test_patch_intervention_of_an_unknown_id_is_not_found(client, admin_headers):
    response = client.patch(
        "/api/interventions/999999",
        {"summary": "x"},
        content_type="application/json",
        headers={"If-Match": '"x"', **admin_headers},
    )

    assert response.status_code == 404


def test_the_rapporteur_of_the_meeting_records_and_changes_its_turns(client, meeting, bearer):
    intervention = InterventionFactory(segment=meeting.segments.get(key="debate"))
    rapporteur = GrantFactory(series=meeting.series, role=Role.RAPPORTEUR, meeting=meeting).user

    response = patch(client, intervention, {"summary": "Checked"}, bearer(rapporteur))

    assert response.status_code == 200
    intervention.refresh_from_db()
    assert intervention.summary == "Checked"


def test_the_rapporteur_of_another_meeting_may_not_change_its_turns(client, meeting, bearer):
    intervention = InterventionFactory(segment=meeting.segments.get(key="debate"))
    other = MeetingFactory(series=meeting.series, number=meeting.number + 1)
    rapporteur = GrantFactory(series=meeting.series, role=Role.RAPPORTEUR, meeting=other).user

    response = patch(client, intervention, {"summary": "Checked"}, bearer(rapporteur))

    assert response.status_code == 403
