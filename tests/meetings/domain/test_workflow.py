"""A meeting's life: draft → published → held → reported, and the series' publication."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from convener.audit.actors import command_line_operator
from convener.audit.models import AuditAction, AuditEntry
from convener.meetings.domain import workflow
from convener.meetings.domain.workflow import (
    change_meeting_status,
    mark_meeting_held,
    publish_meeting,
    publish_series,
    reopen_meeting,
    report_meeting,
    transitions_from,
    unpublish_meeting,
    unpublish_series,
)
from convener.meetings.models import Meeting, MeetingStatus, Series, SeriesStatus
from convener.meetings.queries.visibility import visible_meetings
from convener.roles.models import Role
from tests.factories import GrantFactory, MeetingFactory, SeriesFactory, secretariat_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator():
    """Whoever may change every status: who may not is refused (the last tests)."""
    return command_line_operator()


def draft_meeting(**fields):
    return MeetingFactory(status=MeetingStatus.DRAFT, **fields)


def test_publishing_a_meeting_shows_it_to_the_public(operator):
    meeting = draft_meeting()
    assert not visible_meetings(AnonymousUser()).filter(pk=meeting.pk).exists()

    publish_meeting(meeting=meeting, by=operator)

    assert Meeting.objects.get().status == MeetingStatus.PUBLISHED
    assert visible_meetings(AnonymousUser()).filter(pk=meeting.pk).exists()


def test_publishing_a_meeting_writes_one_status_entry_in_the_audit_log(operator):
    meeting = draft_meeting()

    publish_meeting(meeting=meeting, by=operator)

    entries = AuditEntry.objects.filter(meeting_id=meeting.pk).exclude(
        action__in=[AuditAction.PUBLISHED, AuditAction.CREATED]
    )
    assert [(e.action, e.changes) for e in entries] == [
        (AuditAction.STATUS, {"status": ["draft", "published"]})
    ]


def test_a_meeting_is_not_published_twice(operator):
    meeting = MeetingFactory(status=MeetingStatus.PUBLISHED)

    with pytest.raises(ValidationError) as raised:
        publish_meeting(meeting=meeting, by=operator)

    assert list(raised.value.message_dict) == ["status"]


def test_a_meeting_is_not_held_before_its_date(operator, monkeypatch):
    meeting = MeetingFactory(date=datetime.date(2016, 7, 13))
    monkeypatch.setattr(workflow, "local_today", lambda series: datetime.date(2016, 7, 12))

    with pytest.raises(ValidationError) as raised:
        mark_meeting_held(meeting=meeting, by=operator)

    assert list(raised.value.message_dict) == ["date"]
    assert Meeting.objects.get().status == MeetingStatus.PUBLISHED


def test_a_meeting_is_held_on_its_date(operator, monkeypatch):
    meeting = MeetingFactory(date=datetime.date(2016, 7, 13))
    monkeypatch.setattr(workflow, "local_today", lambda series: datetime.date(2016, 7, 13))

    mark_meeting_held(meeting=meeting, by=operator)

    assert Meeting.objects.get().status == MeetingStatus.HELD


def test_a_meeting_whose_date_is_to_be_confirmed_is_held_only_when_forced(operator):
    meeting = MeetingFactory(date=None)

    with pytest.raises(ValidationError):
        mark_meeting_held(meeting=meeting, by=operator)
    mark_meeting_held(meeting=meeting, by=operator, force=True)

    assert Meeting.objects.get().status == MeetingStatus.HELD


def test_a_draft_is_not_held_even_when_forced(operator):
    with pytest.raises(ValidationError) as raised:
        mark_meeting_held(meeting=draft_meeting(), by=operator, force=True)

    assert list(raised.value.message_dict) == ["status"]


def test_transitions_from_each_status():
    names = {
        status: [t.name for t in transitions_from(MeetingFactory.build(status=status))]
        for status in MeetingStatus.values
    }

    assert names == {
        "draft": ["publish"],
        "published": ["unpublish", "hold"],
        "held": ["report"],
        "reported": ["reopen"],
        "cancelled": ["reinstate"],
    }


def test_change_meeting_status_passes_force_only_to_the_step_that_takes_it(operator):
    meeting = MeetingFactory(date=None)

    change_meeting_status(meeting=meeting, transition="hold", by=operator, force=True)
    change_meeting_status(meeting=meeting, transition="report", by=operator, force=True)

    assert Meeting.objects.get().status == MeetingStatus.REPORTED


def test_change_meeting_status_refuses_an_unknown_step(operator):
    with pytest.raises(ValidationError) as raised:
        change_meeting_status(meeting=MeetingFactory(), transition="archive", by=operator)

    assert list(raised.value.message_dict) == ["transition"]


def test_publishing_a_series_shows_its_published_meetings_to_the_public(operator):
    meeting = MeetingFactory(series=SeriesFactory(status=SeriesStatus.DRAFT))

    publish_series(series=meeting.series, by=operator)

    assert visible_meetings(AnonymousUser()).get() == meeting
    entry = AuditEntry.objects.get(series=meeting.series, action=AuditAction.STATUS)
    assert entry.changes == {"status": ["draft", "published"]}


def test_a_series_with_a_held_meeting_stays_published(operator):
    meeting = MeetingFactory(status=MeetingStatus.HELD)

    with pytest.raises(ValidationError) as raised:
        unpublish_series(series=meeting.series, by=operator)

    assert list(raised.value.message_dict) == ["status"]
    assert Series.objects.get().status == SeriesStatus.PUBLISHED


def test_unpublishing_a_series_hides_its_published_meetings(operator):
    meeting = MeetingFactory(status=MeetingStatus.PUBLISHED)

    unpublish_series(series=meeting.series, by=operator)

    assert not visible_meetings(AnonymousUser()).exists()
    entry = AuditEntry.objects.get(series=meeting.series, action=AuditAction.STATUS)
    assert entry.changes == {"status": ["published", "draft"]}


def test_a_reported_meeting_is_reopened_for_a_reason(operator):
    meeting = MeetingFactory(status=MeetingStatus.HELD, record_released_at=timezone.now())
    report_meeting(meeting=meeting, by=operator)

    reopen_meeting(meeting=meeting, by=operator, reason="A statement was left out.")

    assert Meeting.objects.get().status == MeetingStatus.HELD
    entries = AuditEntry.objects.filter(meeting_id=meeting.pk, action=AuditAction.STATUS)
    assert [entry.changes for entry in entries.order_by("pk")] == [
        {"status": ["held", "reported"]},
        {"status": ["reported", "held"], "reason": "A statement was left out."},
    ]


def test_the_secretariat_of_the_series_changes_the_status_as_itself():
    meeting = draft_meeting()
    secretariat = secretariat_of(meeting.series)

    publish_meeting(meeting=meeting, by=secretariat)

    entry = AuditEntry.objects.get(meeting_id=meeting.pk, action=AuditAction.STATUS)
    assert entry.user == secretariat


def test_a_rapporteur_changes_no_status():
    meeting = MeetingFactory(status=MeetingStatus.HELD)
    rapporteur = GrantFactory(series=meeting.series, role=Role.RAPPORTEUR).user

    with pytest.raises(PermissionDenied):
        change_meeting_status(meeting=meeting, transition="report", by=rapporteur)

    assert Meeting.objects.get().status == MeetingStatus.HELD
    assert not AuditEntry.objects.filter(action=AuditAction.STATUS).exists()


def test_the_secretariat_of_another_series_neither_publishes_nor_unpublishes_this_one():
    meeting = MeetingFactory(status=MeetingStatus.PUBLISHED)
    outsider = secretariat_of(MeetingFactory().series)

    with pytest.raises(PermissionDenied):
        unpublish_series(series=meeting.series, by=outsider)
    with pytest.raises(PermissionDenied):
        unpublish_meeting(meeting=meeting, by=outsider)

    assert Series.objects.get(pk=meeting.series.pk).status == SeriesStatus.PUBLISHED
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.PUBLISHED
