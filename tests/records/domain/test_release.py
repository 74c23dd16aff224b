"""Releasing a meeting's record: reviewed first, then public."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.audit.models import AuditEntry
from convener.meetings.domain.workflow import report_meeting
from convener.meetings.models import Meeting, MeetingStatus
from convener.records.domain.release import release_record
from convener.roles.models import Role
from tests.factories import GrantFactory, MeetingFactory, UserFactory, secretariat_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory(status=MeetingStatus.HELD, record_released_at=None)


def test_release_record_by_the_rapporteur_releases_it_and_says_so_in_the_audit_log(meeting):
    rapporteur = GrantFactory(series=meeting.series, role=Role.RAPPORTEUR).user

    release_record(meeting=meeting, by=rapporteur)

    assert Meeting.objects.get(pk=meeting.pk).record_is_released
    entry = AuditEntry.objects.filter(meeting_id=meeting.pk).latest("at")
    assert entry.changes == {"record": ["internal", "released"]}


def test_release_record_refuses_the_chair(meeting):
    chair = GrantFactory(series=meeting.series, role=Role.CHAIR).user

    with pytest.raises(PermissionDenied):
        release_record(meeting=meeting, by=chair)

    assert not Meeting.objects.get(pk=meeting.pk).record_is_released


def test_release_record_twice_is_refused_and_keeps_the_first_release(meeting):
    release_record(meeting=meeting, by=secretariat_of(meeting.series))
    first = Meeting.objects.get(pk=meeting.pk).record_released_at

    with pytest.raises(ValidationError, match="released already"):
        release_record(meeting=meeting, by=secretariat_of(meeting.series))

    assert Meeting.objects.get(pk=meeting.pk).record_released_at == first


def test_release_record_of_a_draft_meeting_is_refused():
    draft = MeetingFactory(status=MeetingStatus.DRAFT, record_released_at=None)

    with pytest.raises(ValidationError, match="draft"):
        release_record(meeting=draft, by=secretariat_of(draft.series))


def test_report_meeting_releases_a_record_nobody_released(meeting):
    report_meeting(meeting=meeting, by=secretariat_of(meeting.series))

    assert Meeting.objects.get(pk=meeting.pk).record_is_released


def test_release_record_of_someone_outside_the_series_is_refused(meeting):
    with pytest.raises(PermissionDenied):
        release_record(meeting=meeting, by=UserFactory())
