"""A person's parts in the programmes, as the reader may see them."""

from __future__ import annotations

import pytest

from convener.access.queries.speakers import participations_of
from convener.meetings.models import MeetingStatus, SeriesStatus
from convener.roles.models import Role
from tests.factories import AdministratorFactory, GrantFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_part():
    """A part in a draft meeting of a draft series."""
    return ParticipationFactory(
        segment__meeting__status=MeetingStatus.DRAFT,
        segment__meeting__series__status=SeriesStatus.DRAFT,
    )


def test_site_administrator_reads_every_part_of_a_person(draft_part):
    assert list(participations_of(draft_part.person, user=AdministratorFactory())) == [draft_part]


def test_speaker_reads_their_parts_in_a_draft_of_the_series_that_invited_them(draft_part):
    user = GrantFactory(
        series=draft_part.segment.meeting.series, role=Role.SPEAKER, person=draft_part.person
    ).user

    assert list(participations_of(draft_part.person, user=user)) == [draft_part]


def test_user_without_a_role_reads_no_part_in_a_draft(draft_part):
    assert not participations_of(draft_part.person, user=UserFactory()).exists()


def test_user_without_a_role_reads_a_part_in_a_published_meeting():
    part = ParticipationFactory()

    assert list(participations_of(part.person, user=UserFactory())) == [part]
