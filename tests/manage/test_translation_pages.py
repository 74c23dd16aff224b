"""The translations of a series in the workspace: the state of each document
per language, and the editor that writes one language beside the original."""

from __future__ import annotations

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from convener.roles.models import Role
from convener.texts.domain import save_version
from convener.texts.models import TextPlace, TextVersion
from convener.texts.queries import version_in
from tests.factories import (
    ConceptNoteSectionFactory,
    GrantFactory,
    InterventionFactory,
    MeetingFactory,
    SegmentFactory,
    SeriesFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("manage:translations", args=["gmg-2017"])


def editor(document="concept-note", language="fr"):
    return reverse("manage:translation_edit", args=["gmg-2017", document, language])


@pytest.fixture
def series():
    return SeriesFactory(slug="gmg-2017", language="en")


@pytest.fixture
def sections(series):
    return [
        ConceptNoteSectionFactory(series=series, heading="Introduction", body="Why.", order=1),
        ConceptNoteSectionFactory(series=series, heading="Format", body="Panels.", order=2),
    ]


def signed_in(client, user):
    client.force_login(user)
    return user


def test_the_series_page_links_its_translations(client, series):
    signed_in(client, secretariat_of(series))

    page = client.get(reverse("manage:series", args=["gmg-2017"]))

    assertContains(page, f'href="{OVERVIEW}"')


def test_the_overview_counts_texts_translated_per_language(client, series, sections):
    by = signed_in(client, secretariat_of(series))
    for section in sections:
        for field in ("heading", "body"):
            save_version(
                place=TextPlace(section, field, "fr"), text="fr", status="translated", by=by
            )
    save_version(place=TextPlace(sections[0], "body", "es"), text="es", status="draft", by=by)

    page = client.get(OVERVIEW)

    cells = page.content.decode().split("Concept note of the series", 1)[1].split("</tr>")[0]
    assert "4/4 translated" in cells  # French
    assert "0/4 translated, 1 draft" in cells  # Spanish
    assert "0/4 translated" in cells  # Russian


def test_the_overview_lists_each_meeting_and_its_record(client, series):
    signed_in(client, secretariat_of(series))
    meeting = MeetingFactory(series=series, number=3, title="Sharing responsibility")
    InterventionFactory(segment=SegmentFactory(meeting=meeting), summary="Said.")

    page = client.get(OVERVIEW)

    assertContains(page, "Meeting 3: title, concept note and programme")
    assertContains(page, "Record of meeting 3")
    assertContains(page, f'href="{editor("record-3", "ar")}"')


def test_the_overview_query_count_is_fixed_however_many_meetings(
    client, series, django_assert_num_queries
):
    signed_in(client, secretariat_of(series))
    for number in range(1, 5):
        meeting = MeetingFactory(series=series, number=number)
        ConceptNoteSectionFactory(series=series, meeting=meeting)
        InterventionFactory(segment=SegmentFactory(meeting=meeting))
    client.get(OVERVIEW)  # content types and the session, read once

    # session, user, grants, series, its sections, meetings, their sections,
    # segments, interventions, report texts, versions
    with django_assert_num_queries(11):
        client.get(OVERVIEW)


def test_the_editor_shows_the_original_beside_labelled_fields(client, series, sections):
    signed_in(client, secretariat_of(series))

    page = client.get(editor())

    assertContains(
        page, '<p class="translation-source" lang="en" dir="auto">Introduction</p>', html=True
    )
    assertContains(page, "Heading in French")
    assertContains(page, "Text in French")
    assertContains(page, 'lang="fr"')


def test_the_editor_saves_the_texts_with_their_status(client, series, sections):
    signed_in(client, secretariat_of(series))

    response = client.post(
        editor(),
        {
            "text-0": "Introduction",
            "status-0": "translated",
            "text-1": "Pourquoi.",
            "status-1": "draft",
            "text-2": "",
            "status-2": "draft",
            "text-3": "",
            "status-3": "draft",
        },
    )

    assertRedirects(response, OVERVIEW)
    assert version_in(sections[0], "heading", "fr").status == "translated"
    assert version_in(sections[0], "body", "fr").text == "Pourquoi."
    assert TextVersion.objects.count() == 2


def test_the_editor_shows_a_refused_text_and_saves_nothing(client, series, sections):
    signed_in(client, secretariat_of(series))

    page = client.post(
        editor(),
        {"text-0": "Deux\nlignes", "status-0": "translated", "text-1": "Bon.", "status-1": "draft"},
    )

    assert page.status_code == 200
    assertContains(page, "Write this on one line, without line breaks.")
    assert not TextVersion.objects.exists()


def test_a_translator_opens_the_editor_of_their_language_only(client, series, sections):
    signed_in(client, GrantFactory(series=series, role=Role.TRANSLATOR, language="es").user)

    overview = client.get(OVERVIEW)

    assertContains(overview, f'href="{editor(language="es")}"')
    assertNotContains(overview, f'href="{editor(language="fr")}"')
    assert client.get(editor(language="es")).status_code == 200
    assert client.get(editor(language="fr")).status_code == 403


def test_the_original_language_has_no_editor(client, series, sections):
    signed_in(client, secretariat_of(series))

    assert client.get(editor(language="en")).status_code == 404


def test_other_roles_do_not_open_the_translations(client, series):
    signed_in(client, GrantFactory(series=series, role=Role.CHAIR).user)

    assert client.get(OVERVIEW).status_code == 403


def test_a_translator_finds_the_translations_from_the_series(client, series):
    signed_in(client, GrantFactory(series=series, role=Role.TRANSLATOR, language="ru").user)

    page = client.get(reverse("manage:series", args=["gmg-2017"]))

    assertContains(page, f'href="{OVERVIEW}"')


def test_a_translation_whose_original_changed_is_flagged_for_review(client, series, sections):
    by = signed_in(client, secretariat_of(series))
    place = TextPlace(sections[0], "body", "fr")
    save_version(place=place, text="Pourquoi.", status="translated", by=by)
    sections[0].body = "Why we meet."
    sections[0].save()

    overview = client.get(OVERVIEW)
    page = client.get(editor())

    assertContains(overview, "1 to review")
    assertContains(page, "The original has changed since this translation was saved.")


def test_saving_the_editor_marks_a_flagged_translation_reviewed(client, series, sections):
    by = signed_in(client, secretariat_of(series))
    save_version(
        place=TextPlace(sections[0], "body", "fr"), text="Pourquoi.", status="translated", by=by
    )
    sections[0].body = "Why we meet."
    sections[0].save()
    form = client.get(editor()).context["form"]
    unchanged = {name: form[name].value() for name in form.fields}

    client.post(editor(), unchanged)

    assertNotContains(client.get(editor()), "The original has changed since")
    assert version_in(sections[0], "body", "fr").translates("Why we meet.")
