"""The workspace lists the series and meetings a user works on, and no others."""

from __future__ import annotations

import pytest

from convener.access.queries.workspace import workspace_meetings, workspace_series
from convener.roles.models import Role
from convener.roles.queries import draft_series_ids
from tests.factories import (
    AdministratorFactory,
    CoOrganiserFactory,
    GrantFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    SeriesFactory,
    StateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    undp = OrganisationFactory()
    mine, other = SeriesFactory(), SeriesFactory()
    meetings = {
        "co-organised": MeetingFactory(series=mine),
        "not co-organised": MeetingFactory(series=mine),
        "other series": MeetingFactory(series=other),
    }
    CoOrganiserFactory(meeting=meetings["co-organised"], organisation=undp)
    # A second co-organiser must not list the meeting twice.
    CoOrganiserFactory(meeting=meetings["co-organised"])
    CoOrganiserFactory(meeting=meetings["other series"], organisation=undp)
    return {"undp": undp, "mine": mine, "other": other, **meetings}


def names(world, meetings) -> set[str]:
    return {name for name, value in world.items() if value in list(meetings)}


def grant(world, role, **narrowing):
    return GrantFactory(series=world["mine"], role=role, **narrowing).user


def test_workspace_series_of_the_site_administrator_are_all_series(world):
    assert set(workspace_series(AdministratorFactory())) == {world["mine"], world["other"]}


def test_workspace_series_are_those_the_user_holds_a_role_in(world):
    user = grant(world, Role.SPEAKER, person=PersonFactory())

    assert list(workspace_series(user)) == [world["mine"]]


def test_workspace_series_of_a_user_without_a_role_are_none(world):
    assert not workspace_series(UserFactory()).exists()


def test_workspace_meetings_of_the_secretariat_are_every_meeting_of_its_series(world):
    user = grant(world, Role.SECRETARIAT)

    assert names(world, workspace_meetings(user)) == {"co-organised", "not co-organised"}


def test_workspace_meetings_of_a_focal_point_are_those_its_organisation_co_organises(world):
    user = grant(world, Role.FOCAL_POINT, organisation=world["undp"])

    assert list(workspace_meetings(user)) == [world["co-organised"]]


def test_workspace_meetings_of_a_rapporteur_of_one_meeting_are_that_meeting(world):
    user = grant(world, Role.RAPPORTEUR, meeting=world["not co-organised"])

    assert list(workspace_meetings(user)) == [world["not co-organised"]]


def test_workspace_meetings_of_a_chair_of_the_series_are_its_meetings(world):
    user = grant(world, Role.CHAIR)

    assert names(world, workspace_meetings(user)) == {"co-organised", "not co-organised"}


@pytest.mark.parametrize("role", [Role.SPEAKER, Role.DELEGATION])
def test_workspace_meetings_of_a_speaker_or_delegation_are_none(world, role):
    user = grant(world, role, person=PersonFactory(), state=StateFactory())

    assert not workspace_meetings(user).exists()


def test_workspace_meetings_narrowed_to_a_series(world):
    user = AdministratorFactory()

    assert list(workspace_meetings(user, world["other"])) == [world["other series"]]


def test_workspace_meetings_of_an_inactive_user_are_none(world):
    user = grant(world, Role.SECRETARIAT)
    user.is_active = False
    user.save()

    assert not workspace_meetings(user).exists()


@pytest.mark.parametrize(
    "role",
    [Role.SECRETARIAT, Role.FOCAL_POINT, Role.RAPPORTEUR, Role.CHAIR, Role.SPEAKER],
)
def test_workspace_meetings_are_exactly_those_the_user_may_open(world, role):
    """The list and the rule `meeting.open_workspace` never disagree."""
    user = grant(world, role, organisation=world["undp"], person=PersonFactory())
    meetings = [world[name] for name in ("co-organised", "not co-organised", "other series")]

    assert set(workspace_meetings(user)) == {
        meeting for meeting in meetings if user.has_perm("meeting.open_workspace", meeting)
    }


@pytest.mark.parametrize(
    ("role", "reads_drafts"),
    [
        (Role.SECRETARIAT, True),
        (Role.FOCAL_POINT, True),
        (Role.RAPPORTEUR, True),
        (Role.CHAIR, True),
        (Role.SPEAKER, False),
        (Role.DELEGATION, False),
    ],
)
def test_draft_series_ids_are_those_the_user_prepares(world, role, reads_drafts):
    user = grant(
        world, role, organisation=world["undp"], person=PersonFactory(), state=StateFactory()
    )

    assert draft_series_ids(user) == ({world["mine"].pk} if reads_drafts else set())
