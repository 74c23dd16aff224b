import pytest

from convener.meetings.domain.confirmations import confirm_participation
from tests.factories import ParticipationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_confirm_participation_records_when():
    participation = ParticipationFactory()

    confirm_participation(participation=participation, by=UserFactory())

    participation.refresh_from_db()
    assert participation.confirmed_at is not None


def test_confirm_participation_again_keeps_the_first_time():
    participation = ParticipationFactory()
    confirm_participation(participation=participation, by=UserFactory())
    participation.refresh_from_db()
    first = participation.confirmed_at

    confirm_participation(participation=participation, by=UserFactory())

    participation.refresh_from_db()
    assert participation.confirmed_at == first
