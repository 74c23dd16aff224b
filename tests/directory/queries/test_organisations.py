import pytest
from django.contrib.auth.models import AnonymousUser

from convener.directory.queries.organisations import (
    meetings_co_organised_by,
    people_of,
    visible_organisations,
)
from convener.meetings.models import MeetingStatus
from tests.factories import (
    AdministratorFactory,
    CoOrganiserFactory,
    InterventionFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC = AnonymousUser()


def test_visible_organisations_include_co_organisers():
    link = CoOrganiserFactory()

    assert list(visible_organisations(PUBLIC)) == [link.organisation]


def test_visible_organisations_include_the_organisation_of_someone_taking_part():
    participation = ParticipationFactory()

    assert list(visible_organisations(PUBLIC)) == [participation.person.organisation]


def test_visible_organisations_include_delegations_on_the_floor():
    intervention = InterventionFactory(speaker=None, state=None, organisation=OrganisationFactory())

    assert list(visible_organisations(PUBLIC)) == [intervention.organisation]


def test_visible_organisations_leave_out_those_only_in_draft_meetings_for_the_public():
    CoOrganiserFactory(meeting__status=MeetingStatus.DRAFT)

    assert not visible_organisations(PUBLIC).exists()


def test_visible_organisations_for_the_site_administrator_are_the_whole_directory():
    organisation = OrganisationFactory()

    assert list(visible_organisations(AdministratorFactory())) == [organisation]


def test_meetings_co_organised_by_leave_out_drafts_for_the_public():
    link = CoOrganiserFactory()
    CoOrganiserFactory(organisation=link.organisation, meeting__status=MeetingStatus.DRAFT)

    assert list(meetings_co_organised_by(link.organisation, user=PUBLIC)) == [link.meeting]


def test_people_of_are_those_who_took_part_in_order_of_family_name():
    organisation = OrganisationFactory()
    zeta = ParticipationFactory(person__organisation=organisation, person__family_name="Zeta")
    alpha = ParticipationFactory(person__organisation=organisation, person__family_name="Alpha")
    PersonFactory(organisation=organisation)

    assert list(people_of(organisation, user=PUBLIC)) == [alpha.person, zeta.person]
