"""A document is composed in the language asked; users' prose keeps its own."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from convener.meetings.queries.visibility import command_line_reader
from convener.publishing.composition.documents import DocumentUnavailableError, compose
from convener.publishing.composition.languages import (
    UnknownLanguageError,
    document_language,
    with_language_notes,
)
from convener.publishing.document import Heading, Paragraph, Text
from convener.publishing.exporters.html import render_html

pytestmark = pytest.mark.django_db


def report_in(language):
    return compose(
        series_slug="gmg-2016",
        document="report",
        meeting_number=None,
        user=command_line_reader(),
        language=language,
    )


@pytest.mark.parametrize(
    ("typed", "code"), [("ru", "ru"), ("zh", "zh-hans"), ("zh-Hans", "zh-hans"), ("FR", "fr")]
)
def test_document_language_takes_the_codes_people_type(typed, code):
    assert document_language(typed) == code


def test_document_language_refuses_a_language_of_no_catalogue():
    with pytest.raises(UnknownLanguageError):
        document_language("de")


def test_document_language_is_the_active_one_when_none_is_asked():
    with translation.override("es"):
        assert document_language(None) == "es"


def test_chapter_with_prose_in_another_language_says_so_under_its_heading():
    blocks = [
        Heading(1, "Введение"),
        Paragraph([Text("The meetings took place in New York.")], language="en"),
        Heading(1, "Приложение"),
        Paragraph([Text("Без английского текста.")]),
    ]

    noted = with_language_notes(blocks, "ru")

    assert [type(block).__name__ for block in noted] == [
        "Heading",
        "Paragraph",
        "Paragraph",
        "Heading",
        "Paragraph",
    ]
    assert noted[1].style == "note"


def test_report_in_russian_marks_the_english_prose_with_its_language(demo_series):
    html = render_html(report_in("ru"))

    assert '<html lang="ru">' in html
    assert '<p lang="en" dir="ltr">Opening the meeting for UN Women' in html
    assert '<h2 id="acknowledgements">Выражение признательности</h2>' in html


def test_report_in_the_series_language_has_no_note_on_its_prose(demo_series):
    document = report_in("en")

    assert not [block for block in document.blocks if getattr(block, "language", "")]
    assert "available in English only" not in render_html(document)


def test_arabic_report_isolates_times_left_to_right_in_html(demo_series):
    html = render_html(report_in("ar"))

    assert '<html lang="ar" dir="rtl">' in html
    assert '<dd><bdi dir="ltr">10:00–13:00</bdi></dd>' in html


def test_compose_refuses_an_unknown_language(demo_series):
    with pytest.raises(DocumentUnavailableError, match="Unknown language de"):
        report_in("de")


def test_build_command_refuses_an_unknown_language(demo_series, tmp_path):
    with pytest.raises(CommandError, match="Unknown language"):
        call_command("build", "gmg-2016", "report", "--language", "de", "-o", str(tmp_path / "x"))


def test_build_command_names_the_file_after_its_language(demo_series, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    call_command("build", "gmg-2016", "programme", "--language", "fr", "--format", "md")

    assert "Programme" in (tmp_path / "gmg-2016-programme-fr.md").read_text()


def test_meeting_concept_note_in_russian_keeps_its_english_sections_in_english(demo_series):
    document = compose(
        series_slug="gmg-2016",
        document="concept-note",
        meeting_number=3,
        user=command_line_reader(),
        language="ru",
    )
    first_section, note = document.blocks[0], document.blocks[1]
    html = render_html(document)

    assert (first_section.language, first_section.in_contents) == ("en", False)
    assert note.style == "note"
    assert "Сведения о мероприятии" in html  # noqa: RUF001 — Russian, written by Convener
    assert "Event details" not in html


def concept_note_in(language, meeting_number=None):
    return compose(
        series_slug="gmg-2016",
        document="concept-note",
        meeting_number=meeting_number,
        user=command_line_reader(),
        language=language,
    )


def test_french_concept_note_of_13_july_reads_its_french_translation(demo_series):
    document = concept_note_in("fr", meeting_number=3)
    html = render_html(document)

    assert "Objet" in html
    assert "Focus" not in html
    assert 'lang="en"' not in html
    with translation.override("fr"):
        assert (
            translation.gettext("The text of this chapter is available in English only.")
            not in html
        )


def test_spanish_series_concept_note_reads_its_spanish_sections(demo_series):
    html = render_html(concept_note_in("es"))

    assert "Antecedentes" in html
    assert "Background and justification" not in html


def test_russian_series_concept_note_keeps_the_english_original_where_no_translation_exists(
    demo_series,
):
    html = render_html(concept_note_in("ru"))

    assert "Background and justification" in html
    assert 'lang="en"' in html


def test_a_draft_translation_never_reaches_a_document(demo_series):
    from convener.meetings.models import ConceptNoteSection
    from convener.texts.models import TextStatus, TextVersion

    section = ConceptNoteSection.objects.get(
        series=demo_series, meeting__isnull=True, kind="background"
    )
    TextVersion.objects.filter(object_id=section.pk, language="es", field="heading").update(
        status=TextStatus.DRAFT
    )

    html = render_html(concept_note_in("es"))

    assert "Background and justification" in html
