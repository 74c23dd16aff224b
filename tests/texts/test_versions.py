"""Texts in other languages: stored beside their original, with the original's limits."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.audit.models import AuditEntry
from convener.texts.domain import (
    TranslationsRefusedError,
    save_translations,
    save_version,
    set_version_status,
)
from convener.texts.models import TextPlace, TextStatus, TextVersion
from convener.texts.queries import shown_in, version_in, versions_of
from tests.factories import (
    ConceptNoteSectionFactory,
    InterventionFactory,
    MeetingFactory,
    SegmentFactory,
    SeriesFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


def test_a_version_is_stored_with_its_status_and_author():
    section = ConceptNoteSectionFactory(heading="Format")
    by = secretariat_of(section.series)

    save_version(
        place=TextPlace(section, "heading", "fr"), text="Format (fr)", status="translated", by=by
    )

    version = version_in(section, "heading", "fr")
    assert (version.text, version.status, version.updated_by) == ("Format (fr)", "translated", by)
    assert section.heading == "Format"  # the original stays where it is


def test_saving_again_updates_the_one_version_of_a_language():
    section = ConceptNoteSectionFactory()
    by = secretariat_of(section.series)
    place = TextPlace(section, "body", "es")

    save_version(place=place, text="Primero", status="draft", by=by)
    save_version(place=place, text="Segundo", status="translated", by=by)

    assert list(TextVersion.objects.values_list("text", "status")) == [("Segundo", "translated")]


def test_an_empty_text_takes_the_version_away():
    section = ConceptNoteSectionFactory()
    by = secretariat_of(section.series)
    place = TextPlace(section, "body", "es")
    save_version(place=place, text="Texto", status="draft", by=by)

    assert save_version(place=place, text="  ", status="draft", by=by) is None

    assert version_in(section, "body", "es") is None


def test_the_status_changes_without_the_text():
    section = ConceptNoteSectionFactory()
    by = secretariat_of(section.series)
    place = TextPlace(section, "body", "ru")
    save_version(place=place, text="Текст", status="draft", by=by)

    set_version_status(place=place, status="translated", by=by)

    assert version_in(section, "body", "ru").status == TextStatus.TRANSLATED


def test_the_language_of_record_takes_no_version():
    series = SeriesFactory(language="fr")
    section = ConceptNoteSectionFactory(series=series)

    with pytest.raises((ValidationError, PermissionDenied)):
        save_version(
            place=TextPlace(section, "body", "fr"),
            text="x",
            status="draft",
            by=secretariat_of(series),
        )
    assert not TextVersion.objects.exists()


def test_a_version_keeps_the_limits_of_its_original_field():
    meeting = MeetingFactory()
    by = secretariat_of(meeting.series)

    with pytest.raises(ValidationError) as refused:
        save_version(place=TextPlace(meeting, "title", "fr"), text="x" * 401, status="draft", by=by)
    with pytest.raises(ValidationError):
        save_version(
            place=TextPlace(meeting, "title", "fr"), text="two\nlines", status="draft", by=by
        )

    assert "text" in refused.value.message_dict
    assert not TextVersion.objects.exists()


def test_only_the_translatable_fields_take_versions():
    meeting = MeetingFactory()

    with pytest.raises(ValidationError):
        save_version(
            place=TextPlace(meeting, "venue", "fr"),
            text="Salle",
            status="draft",
            by=secretariat_of(meeting.series),
        )


def test_a_version_is_in_the_audit_log_of_its_series():
    section = ConceptNoteSectionFactory()
    by = secretariat_of(section.series)

    save_version(place=TextPlace(section, "heading", "fr"), text="Titre", status="draft", by=by)

    entry = AuditEntry.objects.get(target_type="texts.TextVersion")
    assert (entry.series, entry.user, entry.changes["text"]) == (
        section.series,
        by,
        [None, "Titre"],
    )


def test_translations_of_a_document_are_saved_all_or_none():
    series = SeriesFactory()
    first, second = ConceptNoteSectionFactory.create_batch(2, series=series)

    with pytest.raises(TranslationsRefusedError) as refused:
        save_translations(
            series=series,
            language="fr",
            entries=[
                (first, "heading", "Bon titre", "translated"),
                (second, "heading", "un\ntitre sur deux lignes", "translated"),
            ],
            by=secretariat_of(series),
        )

    assert list(refused.value.by_entry) == [1]
    assert not TextVersion.objects.exists()


def test_versions_of_many_rows_of_several_models_load_in_one_query(django_assert_num_queries):
    series = SeriesFactory()
    by = secretariat_of(series)
    sections = ConceptNoteSectionFactory.create_batch(4, series=series)
    meetings = [MeetingFactory(series=series, number=n) for n in (1, 2, 3)]
    intervention = InterventionFactory(segment=SegmentFactory(meeting=meetings[0]))
    for row, field in [*[(s, "body") for s in sections], *[(m, "title") for m in meetings]]:
        save_version(place=TextPlace(row, field, "fr"), text="fr", status="translated", by=by)
    rows = [*sections, *meetings, intervention]
    versions_of(rows)  # content types are read once per process, then cached

    with django_assert_num_queries(1):
        versions = versions_of(rows, languages=["fr"])
        found = [
            versions.get(row, field, "fr") for row in rows for field in row.translatable_fields
        ]

    assert len([v for v in found if v is not None]) == 7


def test_a_reader_sees_a_translated_version_and_never_a_draft():
    section = ConceptNoteSectionFactory(body="English")
    by = secretariat_of(section.series)
    save_version(
        place=TextPlace(section, "body", "fr"), text="Français", status="translated", by=by
    )
    save_version(place=TextPlace(section, "body", "es"), text="Borrador", status="draft", by=by)

    assert shown_in(section, "body", "fr") == ("Français", "fr")
    assert shown_in(section, "body", "es") == ("English", "en")
    assert shown_in(section, "body", "en") == ("English", "en")


def test_the_versions_of_a_row_go_with_it():
    section = ConceptNoteSectionFactory()
    by = secretariat_of(section.series)
    save_version(place=TextPlace(section, "body", "fr"), text="Texte", status="draft", by=by)

    section.series.sections.all().delete()

    assert not TextVersion.objects.exists()
