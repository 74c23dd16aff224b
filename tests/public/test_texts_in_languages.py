"""Public pages in the reader's language: a translated version where one
exists, else the original, marked with its language for screen readers."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from convener.meetings.models import MeetingStatus
from convener.texts.domain import save_version
from convener.texts.models import TextPlace
from tests.factories import (
    ConceptNoteSectionFactory,
    InterventionFactory,
    MeetingFactory,
    SegmentFactory,
    SeriesFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


def url_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def translate(obj, field, language, text, status="translated"):
    by = secretariat_of(obj.text_series)
    save_version(place=TextPlace(obj, field, language), text=text, status=status, by=by)


@pytest.fixture
def section():
    series = SeriesFactory(status="published", language="en")
    section = ConceptNoteSectionFactory(series=series, heading="Format", body="Interactive panels.")
    translate(section, "heading", "fr", "Format des réunions")
    translate(section, "body", "fr", "Des tables rondes interactives.")
    return section


def test_a_french_reader_sees_the_french_concept_note_unmarked(client, section):
    page = client.get(url_in("fr", "public:series", section.series.slug))

    assertContains(page, "<h2>Format des réunions</h2>", html=True)
    assertContains(page, '<div dir="auto"><p>Des tables rondes interactives.</p></div>', html=True)
    assertNotContains(page, '<span lang="en"')
    assertNotContains(page, '<div lang="en"')


def test_a_russian_reader_sees_the_english_original_marked_english(client, section):
    page = client.get(url_in("ru", "public:series", section.series.slug))

    assertContains(page, '<h2><span lang="en" dir="ltr">Format</span></h2>', html=True)
    assertContains(page, '<div lang="en" dir="ltr"><p>Interactive panels.</p></div>', html=True)


def test_an_arabic_reader_sees_an_arabic_version_right_to_left_in_an_english_page(client):
    series = SeriesFactory(status="published", language="ar")
    ConceptNoteSectionFactory(series=series, heading="مقدمة", body="نص")

    page = client.get(url_in("en", "public:series", series.slug))

    assertContains(page, '<h2><span lang="ar" dir="rtl">مقدمة</span></h2>', html=True)


def test_a_draft_translation_is_never_public(client, section):
    translate(section, "heading", "es", "Formato provisional", status="draft")

    page = client.get(url_in("es", "public:series", section.series.slug))

    assertNotContains(page, "Formato provisional")
    assertContains(page, '<h2><span lang="en" dir="ltr">Format</span></h2>', html=True)


def test_the_meeting_page_shows_title_sections_segments_and_record_translated(client):
    series = SeriesFactory(status="published")
    meeting = MeetingFactory(series=series, status=MeetingStatus.REPORTED, title="Sharing")
    meeting.record_released_at = meeting.updated_at
    meeting.save()
    section = ConceptNoteSectionFactory(series=series, meeting=meeting, heading="Focus")
    segment = SegmentFactory(meeting=meeting, title="Panel one")
    intervention = InterventionFactory(segment=segment, summary="We agree.")
    for obj, field, text in [
        (meeting, "title", "Partage"),
        (section, "heading", "Objet"),
        (segment, "title", "Première table ronde"),
        (intervention, "summary", "Nous sommes d'accord."),
    ]:
        translate(obj, field, "fr", text)

    page = client.get(url_in("fr", "public:meeting", series.slug, meeting.number))

    for text in ("<bdi>Partage</bdi>", "<h2>Objet</h2>", "<p>Nous sommes d", "Première table"):
        assertContains(page, text)
    assertContains(page, f"<title>Partage · {series}")
    # The section's text is not translated: the English original, marked.
    assertContains(page, '<div lang="en" dir="ltr"><p>Some <em>background</em>.</p></div>')


def test_the_series_page_reads_every_translation_in_one_query(client, django_assert_num_queries):
    series = SeriesFactory(status="published")
    for order in range(3):
        translate(ConceptNoteSectionFactory(series=series, order=order), "body", "fr", "texte")
    for number in range(1, 4):
        meeting = MeetingFactory(series=series, number=number, status=MeetingStatus.PUBLISHED)
        translate(meeting, "title", "fr", "titre")
    client.get(url_in("fr", "public:series", series.slug))  # content types, read once
    caches["pages"].clear()

    # As in English (tests/public/test_series.py: the page's six, the
    # revision), and one for the versions.
    with django_assert_num_queries(6 + 1 + 1):
        client.get(url_in("fr", "public:series", series.slug))


def test_a_new_translation_retires_the_cached_page(
    client, section, django_capture_on_commit_callbacks
):
    url = url_in("es", "public:series", section.series.slug)
    client.get(url)  # cached, in English

    with django_capture_on_commit_callbacks(execute=True):
        translate(section, "heading", "es", "Formato")

    assertContains(client.get(url), "<h2>Formato</h2>", html=True)


def test_state_page_names_the_meetings_it_co_chaired_in_the_readers_language(client, demo_series):
    french = client.get(url_in("fr", "public:state", "ZMB"))
    russian = client.get(url_in("ru", "public:state", "ZMB"))

    assertContains(french, "Renforcement du partage des responsabilités")
    assertContains(
        russian,
        '<span lang="en" dir="ltr">Strengthening responsibility sharing for refugees</span>',
        html=True,
    )


def test_organisation_page_reads_the_titles_of_all_its_meetings_at_once(client, demo_series):
    def queries_for(key):
        caches["pages"].clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url_in("es", "public:organisation", key))
        return response, len(queries)

    queries_for("undp")  # warms the per-process caches
    one_meeting, queries_for_one = queries_for("undp")
    two_meetings, queries_for_two = queries_for("unhcr")

    assertContains(one_meeting, "Fortalecimiento del reparto de responsabilidades")
    assertContains(two_meetings, "Fortalecimiento del reparto de responsabilidades")
    assert queries_for_two == queries_for_one
