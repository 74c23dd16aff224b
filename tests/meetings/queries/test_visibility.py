import pytest
from django.contrib.auth.models import AnonymousUser

from convener.meetings.models import MeetingStatus, Participation, SeriesStatus
from convener.meetings.queries.visibility import (
    sees_drafts,
    visible_meeting_q,
    visible_meetings,
    visible_series,
)
from tests.factories import (
    MeetingFactory,
    ParticipationFactory,
    SeriesFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC = AnonymousUser()


def test_sees_drafts_is_false_for_the_public():
    assert sees_drafts(PUBLIC) is False


def test_sees_drafts_is_false_for_a_user_outside_the_secretariat():
    assert sees_drafts(UserFactory()) is False


def test_sees_drafts_is_true_for_staff():
    assert sees_drafts(StaffFactory()) is True


def test_sees_drafts_is_false_for_deactivated_staff():
    assert sees_drafts(StaffFactory(is_active=False)) is False


def test_visible_series_for_the_public_are_the_published_ones():
    published = SeriesFactory(status=SeriesStatus.PUBLISHED)
    SeriesFactory(status=SeriesStatus.DRAFT)

    assert list(visible_series(PUBLIC)) == [published]


def test_visible_series_for_staff_include_drafts():
    SeriesFactory.create_batch(2, status=SeriesStatus.DRAFT)

    assert visible_series(StaffFactory()).count() == 2


@pytest.mark.parametrize(
    ("status", "visible"),
    [
        (MeetingStatus.DRAFT, False),
        (MeetingStatus.PUBLISHED, True),
        (MeetingStatus.HELD, True),
        (MeetingStatus.REPORTED, True),
    ],
)
def test_visible_meetings_for_the_public_by_status(status, visible):
    meeting = MeetingFactory(status=status)

    assert (meeting in visible_meetings(PUBLIC)) is visible


def test_visible_meetings_for_the_public_leave_out_those_of_a_draft_series():
    MeetingFactory(status=MeetingStatus.PUBLISHED, series__status=SeriesStatus.DRAFT)

    assert not visible_meetings(PUBLIC).exists()


def test_visible_meetings_for_staff_include_drafts():
    meeting = MeetingFactory(status=MeetingStatus.DRAFT, series__status=SeriesStatus.DRAFT)

    assert list(visible_meetings(StaffFactory())) == [meeting]


def test_visible_meeting_q_follows_a_path_to_the_meeting():
    public = ParticipationFactory()
    ParticipationFactory(segment__meeting__status=MeetingStatus.DRAFT)

    found = Participation.objects.filter(visible_meeting_q(PUBLIC, path="segment__meeting"))

    assert list(found) == [public]
