"""Each change of status that makes documents public keeps a version of each."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from convener.audit.actors import command_line_operator
from convener.meetings.domain.workflow import reopen_meeting, unpublish_meeting
from convener.meetings.models import Meeting, MeetingStatus, Series, SeriesStatus
from convener.meetings.queries.visibility import visible_meetings
from convener.publishing.domain.publication import (
    cancel_meeting,
    change_meeting_status,
    publish_meeting,
    publish_series,
    report_meeting,
)
from convener.publishing.models import DocumentVersion
from convener.roles.models import Role
from tests.factories import (
    ConceptNoteSectionFactory,
    GrantFactory,
    MeetingFactory,
    SeriesFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator():
    """Whoever may change every status: who may not is refused (the last tests)."""
    return command_line_operator()


def draft_meeting(**fields):
    return MeetingFactory(status=MeetingStatus.DRAFT, **fields)


def kept(series, document, meeting_number=0):
    return list(
        DocumentVersion.objects.filter(
            series=series, document=document, meeting_number=meeting_number
        ).values_list("number", flat=True)
    )


def test_publishing_a_meeting_keeps_its_concept_note_and_programme(operator):
    meeting = draft_meeting()
    ConceptNoteSectionFactory(series=meeting.series, meeting=meeting, body="Why we meet.")

    publish_meeting(meeting=meeting, by=operator)

    assert kept(meeting.series, "concept-note", meeting.number) == [1]
    assert kept(meeting.series, "programme", meeting.number) == [1]
    assert (
        "Why we meet."
        in DocumentVersion.objects.get(document="concept-note", meeting_number=meeting.number).text
    )


def test_a_meeting_of_a_draft_series_is_published_without_reaching_the_public(operator):
    meeting = draft_meeting(series=SeriesFactory(status=SeriesStatus.DRAFT))

    publish_meeting(meeting=meeting, by=operator)

    assert not visible_meetings(AnonymousUser()).exists()
    assert not DocumentVersion.objects.exists()


def test_publishing_the_series_keeps_what_the_public_can_now_read(operator):
    series = SeriesFactory(status=SeriesStatus.DRAFT)
    ConceptNoteSectionFactory(series=series)
    ready = MeetingFactory(series=series, status=MeetingStatus.PUBLISHED)
    draft_meeting(series=series)

    publish_series(series=series, by=operator)

    assert Series.objects.get().status == SeriesStatus.PUBLISHED
    versions = set(DocumentVersion.objects.values_list("document", "meeting_number"))
    assert versions == {
        ("concept-note", 0),
        ("programme", 0),
        ("concept-note", ready.number),
        ("programme", ready.number),
    }


def test_publishing_again_without_change_keeps_no_new_version(operator):
    meeting = draft_meeting()
    publish_meeting(meeting=meeting, by=operator)
    unpublish_meeting(meeting=meeting, by=operator)

    publish_meeting(meeting=meeting, by=operator)

    assert kept(meeting.series, "programme", meeting.number) == [1]


def test_reporting_keeps_a_version_of_the_report_and_reopening_undoes_it(operator):
    meeting = MeetingFactory(status=MeetingStatus.HELD)

    report_meeting(meeting=meeting, by=operator)
    assert kept(meeting.series, "report") == [1]

    reopen_meeting(meeting=meeting, by=operator, reason="A statement was left out.")
    assert Meeting.objects.get().status == MeetingStatus.HELD


def test_publishing_a_series_of_one_meeting_without_text_keeps_no_series_concept_note(operator):
    series = SeriesFactory(status=SeriesStatus.DRAFT)
    meeting = MeetingFactory(series=series, status=MeetingStatus.DRAFT)
    publish_meeting(meeting=meeting, by=operator)

    publish_series(series=series, by=operator)

    assert set(DocumentVersion.objects.values_list("document", "meeting_number")) == {
        ("concept-note", meeting.number),
        ("programme", meeting.number),
        ("programme", 0),
    }


def test_publishing_a_second_meeting_keeps_the_series_concept_note_that_lists_both(operator):
    first = MeetingFactory()
    second = MeetingFactory(series=first.series, status=MeetingStatus.DRAFT)

    publish_meeting(meeting=second, by=operator)

    version = DocumentVersion.objects.get(document="concept-note", meeting_number=0)
    assert first.title in version.text
    assert second.title in version.text


def test_cancelling_a_meeting_keeps_its_concept_note_and_programme_that_say_so(operator):
    meeting = MeetingFactory(status=MeetingStatus.PUBLISHED)

    cancel_meeting(meeting=meeting, by=operator, reason="No quorum.")

    assert Meeting.objects.get().status == MeetingStatus.CANCELLED
    version = DocumentVersion.objects.get(document="programme", meeting_number=meeting.number)
    assert "This meeting is cancelled." in version.text
    assert version.note == f"Meeting {meeting.number} cancelled."
    assert kept(meeting.series, "concept-note", meeting.number) == [1]


def test_the_steps_of_a_meetings_status_keep_what_they_make_public(operator):
    meeting = draft_meeting(date=None)

    change_meeting_status(meeting=meeting, transition="publish", by=operator)
    change_meeting_status(meeting=meeting, transition="hold", by=operator, force=True)
    change_meeting_status(meeting=meeting, transition="report", by=operator)

    assert Meeting.objects.get().status == MeetingStatus.REPORTED
    assert kept(meeting.series, "programme", meeting.number) == [1]
    assert kept(meeting.series, "report") == [1]


def test_the_secretariat_of_the_series_is_named_as_the_publisher():
    meeting = draft_meeting()
    secretariat = secretariat_of(meeting.series)

    publish_meeting(meeting=meeting, by=secretariat)

    assert {version.published_by for version in DocumentVersion.objects.all()} == {secretariat}


def test_a_rapporteur_publishes_nothing_and_keeps_no_version():
    meeting = draft_meeting(series=SeriesFactory(status=SeriesStatus.DRAFT))
    rapporteur = GrantFactory(series=meeting.series, role=Role.RAPPORTEUR).user

    with pytest.raises(PermissionDenied):
        publish_meeting(meeting=meeting, by=rapporteur)
    with pytest.raises(PermissionDenied):
        publish_series(series=meeting.series, by=rapporteur)

    assert Meeting.objects.get().status == MeetingStatus.DRAFT
    assert Series.objects.get().status == SeriesStatus.DRAFT
    assert not DocumentVersion.objects.exists()
