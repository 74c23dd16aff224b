"""The series in the workspace: creating it, its overview, its facts, its
status and its concept note."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from convener.meetings.models import ConceptNoteSection, MeetingStatus, Series, SeriesStatus
from convener.publishing.models import DocumentVersion
from convener.roles.models import Grant, Role
from tests.factories import (
    ConceptNoteSectionFactory,
    GrantFactory,
    MeetingFactory,
    SeriesFactory,
    UserFactory,
)
from tests.html_safety import unsafe_markup

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    return SeriesFactory(slug="gmg-2017", status=SeriesStatus.DRAFT)


@pytest.fixture
def secretariat(client, series):
    user = GrantFactory(series=series, role=Role.SECRETARIAT).user
    client.force_login(user)
    return user


@pytest.fixture
def rapporteur(client, series):
    user = GrantFactory(series=series, role=Role.RAPPORTEUR).user
    client.force_login(user)
    return user


def url(name, *args):
    return reverse(f"manage:{name}", args=args)


def test_a_secretariat_creates_a_series_and_becomes_its_secretariat(client, secretariat):
    response = client.post(
        url("series_create"),
        {"slug": "gmg-2018", "title": "Panels of 2018", "timezone": "America/New_York"},
    )

    assertRedirects(response, url("series", "gmg-2018"))
    created = Series.objects.get(slug="gmg-2018")
    assert created.status == SeriesStatus.DRAFT
    assert Grant.objects.filter(user=secretariat, series=created, role=Role.SECRETARIAT).exists()


def test_a_refused_series_keeps_what_was_typed(client, secretariat):
    response = client.post(
        url("series_create"),
        {"slug": "gmg-2017", "title": "Panels typed with care", "timezone": "UTC"},
    )

    assert response.status_code == 200
    assertContains(response, "Panels typed with care")
    assertContains(response, 'href="#id_slug"')


def test_a_user_with_no_secretariat_role_cannot_create_a_series(client, rapporteur):
    assert client.get(url("series_create")).status_code == 403


def test_the_overview_lists_meetings_with_their_date_or_to_be_confirmed(
    client, secretariat, series
):
    MeetingFactory(series=series, number=1, title="Opening panel", date=None)
    MeetingFactory(series=series, number=2, status=MeetingStatus.DRAFT)

    response = client.get(url("series", "gmg-2017"))

    assertContains(response, "Opening panel")
    assertContains(response, "<td>to be confirmed</td>", html=True)
    assertContains(response, "25 April 2016")
    assertContains(
        response, '<span class="status-badge status-badge--draft">Draft</span>', html=True
    )


def test_the_overview_links_only_the_pages_the_user_may_open(client, rapporteur, series):
    response = client.get(url("series", "gmg-2017"))

    assertContains(response, url("concept_note", "gmg-2017"))
    assertContains(response, url("documents", "gmg-2017"))
    assertNotContains(response, url("series_audit", "gmg-2017"))
    assertNotContains(response, url("series_people", "gmg-2017"))
    assertNotContains(response, url("series_edit", "gmg-2017"))
    assertNotContains(response, url("series_status", "gmg-2017"))


def test_the_secretariat_sees_every_page_of_the_series(client, secretariat):
    response = client.get(url("series", "gmg-2017"))

    for name in ("series_audit", "series_people", "series_review", "classification"):
        assertContains(response, url(name, "gmg-2017"))


def test_a_rapporteur_cannot_edit_the_series(client, rapporteur):
    assert client.get(url("series_edit", "gmg-2017")).status_code == 403
    assert client.post(url("series_edit", "gmg-2017"), {"title": "X"}).status_code == 403


def test_editing_the_series_saves_its_facts(client, secretariat, series):
    response = client.post(
        url("series_edit", "gmg-2017"),
        {"title": "Renamed series", "timezone": "Europe/Zurich", "venue": ""},
    )

    assertRedirects(response, url("series", "gmg-2017"))
    series.refresh_from_db()
    assert (series.title, series.timezone, series.venue) == (
        "Renamed series",
        "Europe/Zurich",
        "",
    )


def test_publishing_the_series_keeps_its_concept_note(client, secretariat, series):
    ConceptNoteSectionFactory(series=series, body="Why we meet.")

    response = client.post(url("series_status", "gmg-2017"), {"transition": "publish"})

    assertRedirects(response, url("series", "gmg-2017"))
    assert Series.objects.get().status == SeriesStatus.PUBLISHED
    assert DocumentVersion.objects.get().document == "concept-note"


def test_a_series_with_a_held_meeting_offers_no_return_to_draft(client, secretariat, series):
    series.status = SeriesStatus.PUBLISHED
    series.save()
    MeetingFactory(series=series, status=MeetingStatus.HELD)

    response = client.get(url("series", "gmg-2017"))

    assertNotContains(response, 'value="unpublish"')
    assertContains(response, "stays published")


def test_the_concept_note_shows_its_sections_in_order(client, rapporteur, series):
    ConceptNoteSectionFactory(series=series, heading="Second", order=2)
    ConceptNoteSectionFactory(series=series, heading="First", order=1)

    response = client.get(url("concept_note", "gmg-2017"))

    content = response.content.decode()
    assert content.index("First") < content.index("Second")
    assertNotContains(response, url("section_create", "gmg-2017"))


def test_adding_a_section(client, secretariat, series):
    response = client.post(
        url("section_create", "gmg-2017"),
        {"kind": "background", "heading": "Background", "body": "Since *2015*."},
    )

    assertRedirects(response, url("concept_note", "gmg-2017"))
    section = ConceptNoteSection.objects.get()
    assert (section.series, section.meeting, section.body) == (series, None, "Since *2015*.")


def test_a_section_without_a_heading_is_refused_and_keeps_its_text(client, secretariat):
    response = client.post(
        url("section_create", "gmg-2017"),
        {"kind": "background", "heading": "", "body": "A long text worth keeping."},
    )

    assert response.status_code == 200
    assertContains(response, "A long text worth keeping.")
    assertContains(response, 'href="#id_heading"')
    assert not ConceptNoteSection.objects.exists()


def test_preview_without_script_renders_the_text_and_saves_nothing(client, secretariat):
    response = client.post(
        url("section_create", "gmg-2017"),
        {
            "kind": "topics",
            "heading": "Topics",
            "body": "**Bold** <script>alert(1)</script>",
            "preview": "1",
        },
    )

    assertContains(response, "<strong>Bold</strong>")
    assertNotContains(response, "<script>alert(1)</script>")
    assert not ConceptNoteSection.objects.exists()


def test_the_markdown_preview_is_sanitised(client, secretariat):
    response = client.post(
        url("markdown_preview"),
        {"field": "body", "body": "*Hello* <script>alert('x')</script> <b onclick=\"x()\">b</b>"},
    )

    assert response.status_code == 200
    assertContains(response, "<em>Hello</em>")
    assertContains(response, "&lt;script&gt;alert('x')&lt;/script&gt; &lt;b onclick=")
    assert unsafe_markup(response.content) == []


def test_the_markdown_preview_takes_posts_only_from_signed_in_users(client):
    assert client.get(url("markdown_preview")).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url("markdown_preview")).status_code == 405


def test_the_preview_button_asks_htmx_for_a_live_region(client, secretariat):
    response = client.get(url("section_create", "gmg-2017"))

    assertContains(response, f'hx-post="{url("markdown_preview")}"')
    assertContains(response, 'id="section-preview" aria-live="polite"')


def test_editing_moving_and_deleting_a_section(client, secretariat, series):
    first = ConceptNoteSectionFactory(series=series, heading="First", order=0)
    second = ConceptNoteSectionFactory(series=series, heading="Second", order=1)

    client.post(
        url("section_edit", "gmg-2017", second.pk),
        {"kind": "venue", "heading": "Venue", "body": "Room 7"},
    )
    client.post(url("section_move", "gmg-2017", second.pk), {"direction": "up"})
    client.post(url("section_delete", "gmg-2017", first.pk))

    assert [(s.heading, s.body) for s in ConceptNoteSection.objects.order_by("order")] == [
        ("Venue", "Room 7")
    ]


def test_a_section_of_another_series_is_not_found(client, secretariat):
    stranger = ConceptNoteSectionFactory()

    assert client.get(url("section_edit", "gmg-2017", stranger.pk)).status_code == 404
    assert client.post(url("section_delete", "gmg-2017", stranger.pk)).status_code == 404
    assert ConceptNoteSection.objects.filter(pk=stranger.pk).exists()


def test_a_rapporteur_cannot_edit_a_section(client, rapporteur, series):
    section = ConceptNoteSectionFactory(series=series)

    assert client.get(url("section_edit", "gmg-2017", section.pk)).status_code == 403
    assert (
        client.post(url("section_move", "gmg-2017", section.pk), {"direction": "up"}).status_code
        == 403
    )


def test_an_unknown_time_zone_is_refused_next_to_its_field(client, secretariat, series):
    response = client.post(
        url("series_edit", "gmg-2017"), {"title": series.title, "timezone": "Europe/Geneva"}
    )

    assertContains(response, 'href="#id_timezone"')
    assertContains(response, "Choose a city or country from the list")


def test_the_series_form_refuses_30_february_and_keeps_the_stored_date(client, secretariat, series):
    series.prepared_event_date = datetime.date(2016, 9, 19)
    series.save()

    response = client.post(
        url("series_edit", "gmg-2017"),
        {"title": series.title, "timezone": series.timezone, "prepared_event_date": "2016-02-30"},
    )

    assertContains(
        response, "There is no such date: give year-month-day, e.g. 2016-04-25, or leave it empty."
    )
    assertContains(response, 'value="2016-02-30"')
    series.refresh_from_db()
    assert series.prepared_event_date == datetime.date(2016, 9, 19)


@pytest.fixture
def published_series(series):
    series.status = SeriesStatus.PUBLISHED
    series.save()
    ConceptNoteSectionFactory(series=series, body="Why we meet.")
    return series


def publish(client, document="concept-note", **fields):
    return client.post(
        url("document_publish", "gmg-2017"), {"document": document, **fields}, follow=True
    )


def test_the_documents_page_lists_the_series_and_meeting_documents(client, secretariat, series):
    MeetingFactory(series=series, number=1, title="Opening panel")

    response = client.get(url("documents", "gmg-2017"))

    assertContains(response, "The whole series")
    assertContains(response, "Meeting 1: Opening panel")
    assertContains(response, reverse("public:meeting_document", args=["gmg-2017", 1, "programme"]))
    assertContains(response, url("document_publish", "gmg-2017"))


def test_the_documents_page_offers_each_file_in_each_language(client, secretariat, series):
    MeetingFactory(series=series, number=1, title="Opening panel")
    programme = reverse(
        "public:meeting_document_download", args=["gmg-2017", 1, "programme", "pdf"]
    )

    response = client.get(url("documents", "gmg-2017"))

    assertContains(response, f'<a href="{programme}?language=ar" hreflang="ar">PDF</a>')
    assertContains(response, f'<a href="{programme}?language=en" hreflang="en">PDF</a>')


def test_publishing_a_version_from_the_workspace(client, secretariat, published_series):
    response = publish(client, note="For the Member States")

    assertContains(response, "Concept note: version 1 is published.")
    version = DocumentVersion.objects.get()
    assert (version.note, version.published_by) == ("For the Member States", secretariat)


def test_publishing_an_unchanged_document_says_so(client, secretariat, published_series):
    publish(client)

    response = publish(client)

    assertContains(response, "has not changed since version 1")
    assert DocumentVersion.objects.count() == 1


def test_a_draft_document_is_not_published_from_the_workspace(client, secretariat, series):
    response = publish(client)

    assertContains(response, "The public cannot read this document yet")
    assert not DocumentVersion.objects.exists()


def test_a_rapporteur_reads_the_versions_but_does_not_publish(client, rapporteur, published_series):
    assertNotContains(client.get(url("documents", "gmg-2017")), url("document_publish", "gmg-2017"))
    assert publish(client).status_code == 403


def test_the_workspace_list_of_versions_names_who_published(client, secretariat, published_series):
    publish(client)

    response = client.get(url("series_document_versions", "gmg-2017", "concept-note"))

    assertContains(response, f"<td>{secretariat}</td>", html=True)


def test_editing_the_series_sets_the_default_language_of_its_pages(client, secretariat, series):
    response = client.post(
        url("series_edit", "gmg-2017"),
        {"title": series.title, "timezone": series.timezone, "default_language": "ar"},
    )

    assertRedirects(response, url("series", "gmg-2017"), fetch_redirect_response=False)
    series.refresh_from_db()
    assert series.default_language == "ar"


def test_editing_the_series_sets_the_language_its_texts_are_written_in(client, secretariat, series):
    client.post(
        url("series_edit", "gmg-2017"),
        {"title": series.title, "timezone": series.timezone, "language": "fr"},
    )

    series.refresh_from_db()
    assert (series.language, series.default_language) == ("fr", "en")


def test_editing_the_series_without_a_language_keeps_the_one_it_has(client, secretariat, series):
    Series.objects.filter(pk=series.pk).update(default_language="ru")

    client.post(url("series_edit", "gmg-2017"), {"title": "Renamed", "timezone": series.timezone})

    series.refresh_from_db()
    assert (series.title, series.default_language) == ("Renamed", "ru")


def test_editing_the_series_refuses_a_language_the_site_does_not_speak(client, secretariat, series):
    response = client.post(
        url("series_edit", "gmg-2017"),
        {"title": series.title, "timezone": series.timezone, "default_language": "de"},
    )

    assert response.status_code == 200
    series.refresh_from_db()
    assert series.default_language == "en"


def test_series_form_names_each_language_in_itself(client, secretariat, series):
    response = client.get(url("series_edit", "gmg-2017"))

    assertContains(response, '<option value="ru" lang="ru">Русский</option>', html=True)
