import pytest
from django.core.exceptions import PermissionDenied

from convener.meetings.domain.confirmations import confirm_participation
from convener.roles.models import Role
from tests.factories import GrantFactory, ParticipationFactory, UserFactory, secretariat_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def participation():
    return ParticipationFactory()


def _speaker(participation):
    """The user who is the participation's person."""
    series = participation.segment.meeting.series
    return GrantFactory(series=series, role=Role.SPEAKER, person=participation.person).user


def test_confirm_participation_records_when(participation):
    confirm_participation(
        person=participation.person, participation=participation, by=_speaker(participation)
    )

    participation.refresh_from_db()
    assert participation.confirmed_at is not None


def test_confirm_participation_again_keeps_the_first_time(participation):
    speaker = _speaker(participation)
    confirm_participation(person=participation.person, participation=participation, by=speaker)
    participation.refresh_from_db()
    first = participation.confirmed_at

    confirm_participation(person=participation.person, participation=participation, by=speaker)

    participation.refresh_from_db()
    assert participation.confirmed_at == first


@pytest.mark.parametrize("who", ["no role", "secretariat"])
def test_only_the_person_confirms_their_part(participation, who):
    series = participation.segment.meeting.series
    user = UserFactory() if who == "no role" else secretariat_of(series)

    with pytest.raises(PermissionDenied):
        confirm_participation(person=participation.person, participation=participation, by=user)

    participation.refresh_from_db()
    assert participation.confirmed_at is None


def test_a_person_confirms_no_part_of_someone_else(participation):
    theirs = ParticipationFactory(segment=participation.segment)

    with pytest.raises(ValueError, match="own part"):
        confirm_participation(
            person=participation.person, participation=theirs, by=_speaker(participation)
        )

    theirs.refresh_from_db()
    assert theirs.confirmed_at is None
