import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from convener.directory.queries.states import co_chairing_by, floor_turns_of, groups_of
from convener.meetings.models import MeetingStatus
from tests.factories import (
    CoChairFactory,
    InterventionFactory,
    StateFactory,
    StateGroupMembershipFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

PUBLIC = AnonymousUser()


def test_co_chairing_by_is_in_date_order():
    state = StateFactory()
    july = CoChairFactory(state=state, meeting__date=datetime.date(2016, 7, 13))
    april = CoChairFactory(state=state, meeting__date=datetime.date(2016, 4, 25))

    assert list(co_chairing_by(state, user=PUBLIC)) == [april, july]


def test_co_chairing_by_leaves_out_draft_meetings_for_the_public():
    co_chair = CoChairFactory(meeting__status=MeetingStatus.DRAFT)

    assert not co_chairing_by(co_chair.state, user=PUBLIC).exists()


def test_co_chairing_by_includes_draft_meetings_for_their_secretariat():
    co_chair = CoChairFactory(meeting__status=MeetingStatus.DRAFT)
    secretariat = secretariat_of(co_chair.meeting.series)

    assert list(co_chairing_by(co_chair.state, user=secretariat)) == [co_chair]


def test_floor_turns_of_leave_out_draft_meetings_for_the_public():
    state = StateFactory()
    public = InterventionFactory(state=state)
    InterventionFactory(state=state, segment__meeting__status=MeetingStatus.DRAFT)

    assert list(floor_turns_of(state, user=PUBLIC)) == [public]


def test_groups_of_include_a_membership_in_force_today():
    membership = StateGroupMembershipFactory(since=datetime.date(2000, 1, 1))

    assert list(groups_of(membership.state)) == [membership.group]


def test_groups_of_leave_out_a_membership_that_ended():
    membership = StateGroupMembershipFactory(until=datetime.date(2024, 12, 13))

    assert not groups_of(membership.state).exists()


def test_groups_of_leave_out_a_membership_not_yet_begun():
    membership = StateGroupMembershipFactory(since=datetime.date(2999, 1, 1))

    assert not groups_of(membership.state).exists()
