"""A meeting's life besides publishing and reporting: postponed, cancelled, deleted."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from convener.audit.models import AuditAction, AuditEntry
from convener.live.domain.floor import close_list
from convener.meetings.domain.life import delete_draft_meeting, postpone_meeting
from convener.meetings.domain.workflow import (
    MeetingIsCancelled,
    MeetingIsReported,
    cancel_meeting,
    change_meeting_status,
    transitions_from,
)
from convener.meetings.models import Meeting, MeetingStatus, Segment
from convener.meetings.queries.meetings import earlier_dates
from convener.meetings.queries.visibility import visible_meetings
from convener.roles.models import Role
from tests.factories import (
    CoOrganiserFactory,
    GrantFactory,
    MeetingFactory,
    ParticipationFactory,
    SegmentFactory,
    UserFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

JULY_13 = datetime.date(2016, 7, 13)
JULY_20 = datetime.date(2016, 7, 20)


def a_meeting(status=MeetingStatus.PUBLISHED, **fields):
    return MeetingFactory(status=status, date=JULY_13, **fields)


def test_postponing_moves_the_meeting_and_keeps_the_earlier_date():
    meeting = a_meeting()

    postpone_meeting(
        meeting=meeting,
        date=JULY_20,
        start_time=datetime.time(15, 0),
        end_time=datetime.time(18, 0),
        reason="The room is needed for the plenary.",
        by=secretariat_of(meeting.series),
    )

    meeting.refresh_from_db()
    assert (meeting.date, meeting.start_time) == (JULY_20, datetime.time(15, 0))
    [earlier] = earlier_dates(meeting)
    assert (earlier.date, earlier.start_time, earlier.end_time) == (
        JULY_13,
        datetime.time(10, 0),
        datetime.time(13, 0),
    )
    assert earlier.reason == "The room is needed for the plenary."


def test_postponing_writes_one_readable_audit_entry():
    meeting = a_meeting(number=3)

    postpone_meeting(meeting=meeting, date=JULY_20, by=secretariat_of(meeting.series))

    [entry] = AuditEntry.objects.filter(meeting=meeting, action=AuditAction.CHANGED)
    assert entry.target == "Meeting 3 postponed"
    assert entry.changes["date"] == ["2016-07-13", "2016-07-20"]


def test_postponing_until_a_date_to_be_confirmed_leaves_the_date_empty():
    meeting = a_meeting()

    postpone_meeting(meeting=meeting, date=None, by=secretariat_of(meeting.series))

    meeting.refresh_from_db()
    assert meeting.date is None
    assert [earlier.date for earlier in earlier_dates(meeting)] == [JULY_13]


def test_postponing_to_an_earlier_date_is_refused():
    meeting = a_meeting()

    with pytest.raises(ValidationError, match="later than the present one"):
        postpone_meeting(meeting=meeting, date=JULY_13, by=secretariat_of(meeting.series))

    assert not meeting.postponements.exists()


def test_a_meeting_whose_date_is_to_be_confirmed_is_not_postponed():
    meeting = MeetingFactory(date=None)

    with pytest.raises(ValidationError, match="still to be confirmed"):
        postpone_meeting(meeting=meeting, date=JULY_20, by=secretariat_of(meeting.series))


def test_a_held_meeting_is_not_postponed():
    meeting = a_meeting(status=MeetingStatus.HELD)

    with pytest.raises(PermissionDenied):
        postpone_meeting(meeting=meeting, date=JULY_20, by=secretariat_of(meeting.series))
    # The site administrator holds every permission; the step still says why not.
    with pytest.raises(ValidationError, match="held is not postponed"):
        postpone_meeting(meeting=meeting, date=JULY_20, by=UserFactory(is_superuser=True))


def test_a_reported_meeting_is_neither_postponed_nor_cancelled():
    meeting = a_meeting(status=MeetingStatus.REPORTED)
    secretariat = secretariat_of(meeting.series)

    with pytest.raises(PermissionDenied):
        postpone_meeting(meeting=meeting, date=JULY_20, by=secretariat)
    with pytest.raises(MeetingIsReported):
        cancel_meeting(meeting=meeting, by=UserFactory(is_superuser=True))

    meeting.refresh_from_db()
    assert (meeting.date, meeting.status) == (JULY_13, MeetingStatus.REPORTED)


def test_a_focal_point_may_not_postpone():
    meeting = a_meeting()
    organisation = CoOrganiserFactory(meeting=meeting).organisation
    focal_point = GrantFactory(
        series=meeting.series, role=Role.FOCAL_POINT, organisation=organisation
    ).user
    assert focal_point.has_perm("meeting.edit_programme", meeting)

    with pytest.raises(PermissionDenied):
        postpone_meeting(meeting=meeting, date=JULY_20, by=focal_point)


def test_cancelling_keeps_the_meeting_public_as_cancelled():
    meeting = a_meeting()

    cancel_meeting(meeting=meeting, by=secretariat_of(meeting.series), reason="No quorum.")

    assert Meeting.objects.get().status == MeetingStatus.CANCELLED
    assert visible_meetings(AnonymousUser()).filter(pk=meeting.pk).exists()
    entry = AuditEntry.objects.get(action=AuditAction.STATUS, meeting=meeting)
    assert entry.changes == {"status": ["published", "cancelled"], "reason": "No quorum."}


def test_only_a_published_meeting_is_cancelled():
    meeting = a_meeting(status=MeetingStatus.DRAFT)

    with pytest.raises(PermissionDenied):
        cancel_meeting(meeting=meeting, by=secretariat_of(meeting.series))
    with pytest.raises(ValidationError, match="starts from “Published”"):
        cancel_meeting(meeting=meeting, by=UserFactory(is_superuser=True))


def test_a_cancelled_meeting_closes_its_floor_to_the_chair():
    meeting = a_meeting()
    chair = GrantFactory(series=meeting.series, role=Role.CHAIR).user
    cancel_meeting(meeting=meeting, by=secretariat_of(meeting.series))

    assert not chair.has_perm("meeting.chair", meeting)
    with pytest.raises(MeetingIsCancelled):
        close_list(meeting=meeting, by=UserFactory(is_superuser=True))


def test_a_cancelled_meeting_is_reinstated_as_published():
    meeting = a_meeting()
    secretariat = secretariat_of(meeting.series)
    cancel_meeting(meeting=meeting, by=secretariat)

    assert [t.name for t in transitions_from(meeting)] == ["reinstate"]
    change_meeting_status(meeting=meeting, transition="reinstate", by=secretariat)

    assert Meeting.objects.get().status == MeetingStatus.PUBLISHED


def test_deleting_a_draft_removes_it_with_its_programme_and_logs_it():
    meeting = a_meeting(status=MeetingStatus.DRAFT, number=4, title="Labour migration")
    ParticipationFactory(segment=SegmentFactory(meeting=meeting))
    meeting_id = meeting.pk

    delete_draft_meeting(meeting=meeting, by=secretariat_of(meeting.series))

    assert not Meeting.objects.exists()
    assert not Segment.objects.exists()
    [entry] = AuditEntry.objects.filter(action=AuditAction.DELETED)
    assert entry.meeting_id == meeting_id
    assert entry.target == "Meeting 4: Labour migration"


@pytest.mark.parametrize(
    "status", [MeetingStatus.PUBLISHED, MeetingStatus.HELD, MeetingStatus.CANCELLED]
)
def test_a_meeting_the_public_read_is_not_deleted(status):
    meeting = a_meeting(status=status)

    with pytest.raises(ValidationError, match="cancel it instead"):
        delete_draft_meeting(meeting=meeting, by=UserFactory(is_superuser=True))

    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_deleting_is_refused_to_whoever_does_not_manage_the_series():
    meeting = a_meeting(status=MeetingStatus.DRAFT)
    rapporteur = GrantFactory(series=meeting.series, role=Role.RAPPORTEUR).user

    with pytest.raises(PermissionDenied):
        delete_draft_meeting(meeting=meeting, by=rapporteur)

    assert Meeting.objects.filter(pk=meeting.pk).exists()
