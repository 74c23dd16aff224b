"""The people who prepare a series read its drafts, also on the public pages; no one else does."""

from __future__ import annotations

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from convener.meetings.models import MeetingStatus, SeriesStatus
from convener.meetings.queries.visibility import visible_meetings, visible_series
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    SeriesFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db

PREPARERS = [Role.SECRETARIAT, Role.FOCAL_POINT, Role.RAPPORTEUR, Role.CHAIR]
NOT_PREPARERS = [Role.SPEAKER, Role.DELEGATION]


@pytest.fixture
def draft_meeting():
    """A draft meeting of a draft series."""
    return MeetingFactory(
        title="Meeting still in draft",
        status=MeetingStatus.DRAFT,
        series__status=SeriesStatus.DRAFT,
    )


def user_with(role, series):
    # Every role gets the narrowing it needs; the others are ignored by the rules.
    return GrantFactory(
        series=series,
        role=role,
        organisation=OrganisationFactory(),
        person=PersonFactory(),
        state=StateFactory(),
    ).user


def meeting_page(meeting):
    return reverse("public:meeting", args=[meeting.series.slug, meeting.number])


@pytest.mark.parametrize("role", PREPARERS)
def test_preparer_of_the_series_reads_its_draft_series_and_meetings(draft_meeting, role):
    user = user_with(role, draft_meeting.series)

    assert list(visible_series(user)) == [draft_meeting.series]
    assert list(visible_meetings(user)) == [draft_meeting]


@pytest.mark.parametrize("role", NOT_PREPARERS)
def test_speaker_or_delegation_does_not_read_the_drafts_of_their_series(draft_meeting, role):
    user = user_with(role, draft_meeting.series)

    assert not visible_series(user).exists()
    assert not visible_meetings(user).exists()


@pytest.mark.parametrize("role", PREPARERS)
def test_preparer_of_another_series_does_not_read_these_drafts(draft_meeting, role):
    user = user_with(role, SeriesFactory(status=SeriesStatus.DRAFT))

    assert draft_meeting.series not in visible_series(user)
    assert draft_meeting not in visible_meetings(user)


@pytest.mark.parametrize("role", PREPARERS)
def test_preparer_reads_a_draft_meeting_on_its_public_page(client, draft_meeting, role):
    client.force_login(user_with(role, draft_meeting.series))

    response = client.get(meeting_page(draft_meeting))

    assertContains(response, "Meeting still in draft")


@pytest.mark.parametrize("role", NOT_PREPARERS)
def test_speaker_or_delegation_gets_not_found_for_a_draft_meeting_page(client, draft_meeting, role):
    client.force_login(user_with(role, draft_meeting.series))

    response = client.get(meeting_page(draft_meeting))

    assert response.status_code == 404


def test_inactive_preparer_does_not_read_drafts(client, draft_meeting):
    user = user_with(Role.SECRETARIAT, draft_meeting.series)
    user.is_active = False
    user.save()

    assert not visible_meetings(user).exists()


def test_draft_seen_by_a_preparer_is_not_served_to_the_public_afterwards(client):
    published = MeetingFactory(title="Published meeting")
    MeetingFactory(series=published.series, title="Draft meeting", status=MeetingStatus.DRAFT)
    series_page = reverse("public:series", args=[published.series.slug])
    client.force_login(user_with(Role.SECRETARIAT, published.series))
    assertContains(client.get(series_page), "Draft meeting")

    client.logout()
    response = client.get(series_page)

    assertContains(response, "Published meeting")
    assertNotContains(response, "Draft meeting")
