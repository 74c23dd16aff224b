"""The demo series in French and Spanish: its concept note, and the 13 July
2016 meeting's title and concept note, as translated versions."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from convener.server.demo_translations import load_translations
from convener.texts.models import TextStatus
from convener.texts.queries import version_in, versions_of
from tests.factories import ConceptNoteSectionFactory, SeriesFactory, secretariat_of

pytestmark = pytest.mark.django_db

JULY_13 = datetime.date(2016, 7, 13)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_demo_concept_notes_are_translated_in_french_and_spanish(demo_series, language):
    meeting = demo_series.meetings.get(date=JULY_13)
    sections = [
        *demo_series.sections.filter(meeting=None),
        *meeting.sections.all(),
    ]

    versions = versions_of([meeting, *sections], languages=[language])

    assert version_in(meeting, "title", language).status == TextStatus.TRANSLATED
    assert all(
        versions.get(section, field, language).status == TextStatus.TRANSLATED
        for section in sections
        for field in ("heading", "body")
    )


def test_the_demo_translations_are_written_by_its_secretariat(demo_series):
    section = demo_series.sections.filter(meeting=None).first()

    assert version_in(section, "heading", "fr").updated_by.username == "secretariat"


def test_a_french_visitor_reads_the_demo_concept_note_in_french(client, demo_series):
    with translation.override("fr"):
        url = reverse("public:series", args=[demo_series.slug])

    assertContains(client.get(url), "<h2>Contexte et justification</h2>", html=True)


def test_translated_sections_are_matched_by_position(tmp_path):
    series = SeriesFactory()
    first = ConceptNoteSectionFactory(series=series, order=1)
    second = ConceptNoteSectionFactory(series=series, order=2)
    path = tmp_path / "translations.yaml"
    path.write_text(
        "- language: fr\n"
        "  series:\n"
        "    concept_note:\n"
        "      - {heading: Premier, body: Un.}\n"
        "      - {heading: Second, body: Deux.}\n",
        encoding="utf-8",
    )

    assert load_translations(path, series=series, by=secretariat_of(series)) == 4

    assert version_in(first, "heading", "fr").text == "Premier"
    assert version_in(second, "body", "fr").text == "Deux."


def test_a_file_with_sections_missing_is_refused(tmp_path):
    series = SeriesFactory()
    ConceptNoteSectionFactory.create_batch(2, series=series)
    path = tmp_path / "translations.yaml"
    path.write_text(
        "- language: es\n  series:\n    concept_note:\n      - {heading: Uno, body: Uno.}\n",
        encoding="utf-8",
    )

    with pytest.raises(ValueError, match="1 sections translated for 2"):
        load_translations(path, series=series, by=secretariat_of(series))
