"""A meeting's life: draft → published → held → reported, and the series' publication."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

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
from convener.publishing.models import DocumentVersion
from tests.factories import (
    AdministratorFactory,
    ConceptNoteSectionFactory,
    MeetingFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat():
    return AdministratorFactory()


def draft_meeting(**fields):
    return MeetingFactory(status=MeetingStatus.DRAFT, **fields)


def kept(series, document, meeting_number=0):
    return list(
        DocumentVersion.objects.filter(
            series=series, document=document, meeting_number=meeting_number
        ).values_list("number", flat=True)
    )


def test_publishing_a_meeting_shows_it_to_the_public(secretariat):
    meeting = draft_meeting()
    assert not visible_meetings(AnonymousUser()).filter(pk=meeting.pk).exists()

    publish_meeting(meeting=meeting, by=secretariat)

    assert Meeting.objects.get().status == MeetingStatus.PUBLISHED
    assert visible_meetings(AnonymousUser()).filter(pk=meeting.pk).exists()


def test_publishing_a_meeting_keeps_its_concept_note_and_programme(secretariat):
    meeting = draft_meeting()
    ConceptNoteSectionFactory(series=meeting.series, meeting=meeting, body="Why we meet.")

    publish_meeting(meeting=meeting, by=secretariat)

    assert kept(meeting.series, "concept-note", meeting.number) == [1]
    assert kept(meeting.series, "programme", meeting.number) == [1]
    assert (
        "Why we meet."
        in DocumentVersion.objects.get(document="concept-note", meeting_number=meeting.number).text
    )


def test_publishing_a_meeting_writes_one_status_entry_in_the_audit_log(secretariat):
    meeting = draft_meeting()

    publish_meeting(meeting=meeting, by=secretariat)

    entries = AuditEntry.objects.filter(meeting_id=meeting.pk).exclude(
        action__in=[AuditAction.PUBLISHED, AuditAction.CREATED]
    )
    assert [(e.action, e.changes) for e in entries] == [
        (AuditAction.STATUS, {"status": ["draft", "published"]})
    ]


def test_a_meeting_of_a_draft_series_is_published_without_reaching_the_public(secretariat):
    meeting = draft_meeting(series=SeriesFactory(status=SeriesStatus.DRAFT))

    publish_meeting(meeting=meeting, by=secretariat)

    assert not visible_meetings(AnonymousUser()).exists()
    assert not DocumentVersion.objects.exists()


def test_publishing_the_series_keeps_what_the_public_can_now_read(secretariat):
    series = SeriesFactory(status=SeriesStatus.DRAFT)
    ConceptNoteSectionFactory(series=series)
    ready = MeetingFactory(series=series, status=MeetingStatus.PUBLISHED)
    draft_meeting(series=series)

    publish_series(series=series, by=secretariat)

    assert Series.objects.get().status == SeriesStatus.PUBLISHED
    versions = set(DocumentVersion.objects.values_list("document", "meeting_number"))
    assert versions == {
        ("concept-note", 0),
        ("programme", 0),
        ("concept-note", ready.number),
        ("programme", ready.number),
    }


def test_publishing_again_without_change_keeps_no_new_version(secretariat):
    meeting = draft_meeting()
    publish_meeting(meeting=meeting, by=secretariat)
    unpublish_meeting(meeting=meeting, by=secretariat)

    publish_meeting(meeting=meeting, by=secretariat)

    assert kept(meeting.series, "programme", meeting.number) == [1]


def test_a_meeting_is_not_published_twice(secretariat):
    meeting = MeetingFactory(status=MeetingStatus.PUBLISHED)

    with pytest.raises(ValidationError) as raised:
        publish_meeting(meeting=meeting, by=secretariat)

    assert list(raised.value.message_dict) == ["status"]


def test_a_meeting_is_not_held_before_its_date(secretariat, monkeypatch):
    meeting = MeetingFactory(date=datetime.date(2016, 7, 13))
    monkeypatch.setattr(workflow, "local_today", lambda series: datetime.date(2016, 7, 12))

    with pytest.raises(ValidationError) as raised:
        mark_meeting_held(meeting=meeting, by=secretariat)

    assert list(raised.value.message_dict) == ["date"]
    assert Meeting.objects.get().status == MeetingStatus.PUBLISHED


def test_a_meeting_is_held_on_its_date(secretariat, monkeypatch):
    meeting = MeetingFactory(date=datetime.date(2016, 7, 13))
    monkeypatch.setattr(workflow, "local_today", lambda series: datetime.date(2016, 7, 13))

    mark_meeting_held(meeting=meeting, by=secretariat)

    assert Meeting.objects.get().status == MeetingStatus.HELD


def test_a_meeting_whose_date_is_to_be_confirmed_is_held_only_when_forced(secretariat):
    meeting = MeetingFactory(date=None)

    with pytest.raises(ValidationError):
        mark_meeting_held(meeting=meeting, by=secretariat)
    mark_meeting_held(meeting=meeting, by=secretariat, force=True)

    assert Meeting.objects.get().status == MeetingStatus.HELD


def test_a_draft_is_not_held_even_when_forced(secretariat):
    with pytest.raises(ValidationError) as raised:
        mark_meeting_held(meeting=draft_meeting(), by=secretariat, force=True)

    assert list(raised.value.message_dict) == ["status"]


def test_reporting_keeps_a_version_of_the_report_and_reopening_undoes_it(secretariat):
    meeting = MeetingFactory(status=MeetingStatus.HELD)

    report_meeting(meeting=meeting, by=secretariat)
    assert kept(meeting.series, "report") == [1]

    reopen_meeting(meeting=meeting, by=secretariat, reason="A statement was left out.")
    assert Meeting.objects.get().status == MeetingStatus.HELD


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


def test_change_meeting_status_passes_force_only_to_the_step_that_takes_it(secretariat):
    meeting = MeetingFactory(date=None)

    change_meeting_status(meeting=meeting, transition="hold", by=secretariat, force=True)
    change_meeting_status(meeting=meeting, transition="report", by=secretariat, force=True)

    assert Meeting.objects.get().status == MeetingStatus.REPORTED


def test_change_meeting_status_refuses_an_unknown_step(secretariat):
    with pytest.raises(ValidationError) as raised:
        change_meeting_status(meeting=MeetingFactory(), transition="archive", by=secretariat)

    assert list(raised.value.message_dict) == ["transition"]


def test_a_series_with_a_held_meeting_stays_published(secretariat):
    meeting = MeetingFactory(status=MeetingStatus.HELD)

    with pytest.raises(ValidationError) as raised:
        unpublish_series(series=meeting.series, by=secretariat)

    assert list(raised.value.message_dict) == ["status"]
    assert Series.objects.get().status == SeriesStatus.PUBLISHED


def test_unpublishing_a_series_hides_its_published_meetings(secretariat):
    meeting = MeetingFactory(status=MeetingStatus.PUBLISHED)

    unpublish_series(series=meeting.series, by=secretariat)

    assert not visible_meetings(AnonymousUser()).exists()
    entry = AuditEntry.objects.get(series=meeting.series, action=AuditAction.STATUS)
    assert entry.changes == {"status": ["published", "draft"]}
