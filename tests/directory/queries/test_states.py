import datetime

import pytest

from convener.directory.queries.states import groups_of
from tests.factories import (
    StateGroupMembershipFactory,
)

pytestmark = pytest.mark.django_db


def test_groups_of_include_a_membership_in_force_today():
    membership = StateGroupMembershipFactory(since=datetime.date(2000, 1, 1))

    assert list(groups_of(membership.state)) == [membership.group]


def test_groups_of_leave_out_a_membership_that_ended():
    membership = StateGroupMembershipFactory(until=datetime.date(2024, 12, 13))

    assert not groups_of(membership.state).exists()


def test_groups_of_leave_out_a_membership_not_yet_begun():
    membership = StateGroupMembershipFactory(since=datetime.date(2999, 1, 1))

    assert not groups_of(membership.state).exists()
