"""Publishing a document keeps its text as a numbered version."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from convener.audit.models import AuditAction, AuditEntry
from convener.meetings.models import MeetingStatus, SeriesStatus
from convener.publishing.domain.versions import publish_version
from convener.publishing.models import DocumentVersion
from tests.factories import (
    AdministratorFactory,
    ConceptNoteSectionFactory,
    MeetingFactory,
    SeriesFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher():
    return AdministratorFactory()


def test_a_version_is_the_markdown_the_public_reads(publisher):
    section = ConceptNoteSectionFactory(heading="Background", body="Migration **matters**.")

    version, created = publish_version(
        series=section.series, document="concept-note", by=publisher, note="First circulation"
    )

    assert created
    assert (version.number, version.published_by, version.note) == (
        1,
        publisher,
        "First circulation",
    )
    assert version.text.startswith(f"# {section.series.title}\n")
    assert "Migration **matters**." in version.text


def test_an_unchanged_document_keeps_no_new_version(publisher):
    series = ConceptNoteSectionFactory().series
    first, _ = publish_version(series=series, document="concept-note", by=publisher)

    again, created = publish_version(series=series, document="concept-note", by=publisher)

    assert (again, created) == (first, False)
    assert DocumentVersion.objects.count() == 1


def test_a_changed_document_takes_the_next_number(publisher):
    section = ConceptNoteSectionFactory(body="Before.")
    publish_version(series=section.series, document="concept-note", by=publisher)
    section.body = "After."
    section.save()

    version, created = publish_version(series=section.series, document="concept-note", by=publisher)

    assert (version.number, created) == (2, True)
    assert "After." in version.text


def test_each_document_and_meeting_numbers_its_own_versions(publisher):
    meeting = MeetingFactory(number=3)

    series_programme, _ = publish_version(series=meeting.series, document="programme", by=publisher)
    meeting_programme, _ = publish_version(
        series=meeting.series, document="programme", meeting_number=3, by=publisher
    )

    assert (series_programme.number, series_programme.meeting_number) == (1, 0)
    assert (meeting_programme.number, meeting_programme.meeting_number) == (1, 3)


def test_the_text_is_written_in_the_site_language_whatever_the_publisher_reads(publisher):
    meeting = MeetingFactory(number=1)

    with translation.override("fr"):
        version, _ = publish_version(
            series=meeting.series, document="programme", meeting_number=1, by=publisher
        )

    assert "**Date:**" in version.text


def test_a_document_the_public_cannot_read_is_not_published(publisher):
    series = SeriesFactory(status=SeriesStatus.DRAFT)

    with pytest.raises(ValidationError) as raised:
        publish_version(series=series, document="concept-note", by=publisher)

    assert list(raised.value.message_dict) == ["document"]
    assert not DocumentVersion.objects.exists()


def test_a_draft_meeting_s_document_is_not_published(publisher):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)

    with pytest.raises(ValidationError):
        publish_version(
            series=meeting.series,
            document="programme",
            meeting_number=meeting.number,
            by=publisher,
        )


def test_a_long_note_is_refused(publisher):
    series = ConceptNoteSectionFactory().series

    with pytest.raises(ValidationError) as raised:
        publish_version(series=series, document="concept-note", by=publisher, note="x" * 301)

    assert list(raised.value.message_dict) == ["note"]


def test_publishing_writes_a_published_entry_and_no_copy_of_the_text(publisher):
    series = ConceptNoteSectionFactory().series

    publish_version(series=series, document="concept-note", by=publisher)

    entry = AuditEntry.objects.get(series=series, action=AuditAction.PUBLISHED)
    assert entry.target == "Concept note, version 1"
    assert entry.changes == {"version": [None, 1]}
    assert not AuditEntry.objects.filter(target_type__icontains="version").exclude(
        action=AuditAction.PUBLISHED
    )


def test_publishing_by_someone_who_does_not_run_the_series_is_refused():
    section = ConceptNoteSectionFactory()

    with pytest.raises(PermissionDenied):
        publish_version(series=section.series, document="concept-note", by=UserFactory())

    assert not DocumentVersion.objects.exists()
