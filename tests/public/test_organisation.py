import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from convener.directory.models import OrganisationKind
from convener.meetings.models import MeetingStatus
from tests.factories import (
    CoOrganiserFactory,
    InterventionFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


def organisation_url(organisation):
    return reverse("public:organisation", args=[organisation.key])


def a_co_organiser(**organisation):
    return CoOrganiserFactory(organisation=OrganisationFactory(**organisation)).organisation


def test_organisation_shows_name_acronym_and_kind(client):
    organisation = a_co_organiser(
        name="International Organization for Migration",
        acronym="IOM",
        kind=OrganisationKind.INTERNATIONAL_ORGANISATION,
    )

    response = client.get(organisation_url(organisation))

    assertContains(response, "<h1>International Organization for Migration</h1>", html=True)
    assertContains(
        response,
        "<dt>Acronym</dt><dd>IOM</dd><dt>Kind</dt><dd>International organisation</dd>",
        html=True,
    )


def test_organisation_lists_the_meetings_it_co_organised(client):
    link = CoOrganiserFactory(meeting__title="Understanding large movements")
    meeting = link.meeting

    response = client.get(organisation_url(link.organisation))

    assertContains(
        response,
        f'<a href="/series/{meeting.series.slug}/meetings/{meeting.number}/">'
        "<bdi>Understanding large movements</bdi></a>",
        html=True,
    )


def test_organisation_lists_its_people_who_took_part(client):
    organisation = a_co_organiser()
    ParticipationFactory(
        person=PersonFactory(
            key="bela-hovy",
            organisation=organisation,
            honorific="Mr.",
            given_name="Bela",
            family_name="Hovy",
            position="Chief of Migration",
        )
    )

    response = client.get(organisation_url(organisation))

    assertContains(
        response,
        '<li><a href="/people/bela-hovy/">Mr. Bela Hovy</a>, Chief of Migration</li>',
        html=True,
    )


def test_organisation_leaves_out_its_people_who_took_no_part(client):
    organisation = a_co_organiser()
    PersonFactory(organisation=organisation, family_name="Bystander")

    response = client.get(organisation_url(organisation))

    assertNotContains(response, "Bystander")


def test_organisation_leaves_out_draft_meetings_and_their_people(client):
    organisation = a_co_organiser()
    draft = MeetingFactory(title="Meeting in preparation", status=MeetingStatus.DRAFT)
    CoOrganiserFactory(organisation=organisation, meeting=draft)
    ParticipationFactory(
        segment__meeting=draft, person__organisation=organisation, person__family_name="Invitee"
    )

    response = client.get(organisation_url(organisation))

    assertNotContains(response, "Meeting in preparation")
    assertNotContains(response, "Invitee")


def test_organisation_that_spoke_from_the_floor_is_shown_to_the_public(client):
    intervention = InterventionFactory(state=None, organisation=OrganisationFactory())

    response = client.get(organisation_url(intervention.organisation))

    assert response.status_code == 200


def test_organisation_only_in_a_draft_meeting_is_404_for_the_public(client):
    link = CoOrganiserFactory(meeting__status=MeetingStatus.DRAFT)

    response = client.get(organisation_url(link.organisation))

    assert response.status_code == 404


def test_organisation_only_in_a_draft_meeting_is_shown_to_its_secretariat(client):
    link = CoOrganiserFactory(meeting__status=MeetingStatus.DRAFT, meeting__title="In preparation")
    client.force_login(secretariat_of(link.meeting.series))

    response = client.get(organisation_url(link.organisation))

    assertContains(response, "In preparation")


def test_organisation_unknown_key_is_404(client):
    response = client.get(reverse("public:organisation", args=["nobody"]))

    assert response.status_code == 404


def test_organisation_query_count_is_fixed_however_many_meetings(client, django_assert_num_queries):
    organisation = OrganisationFactory()
    for _ in range(4):
        CoOrganiserFactory(organisation=organisation)
        ParticipationFactory(person__organisation=organisation)

    # organisation, meetings co-organised, people
    # The page's own queries, and one for the revision that keys the page cache.
    with django_assert_num_queries(3 + 1):
        client.get(organisation_url(organisation))
