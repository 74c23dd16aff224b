"""Readers open a document on the page or download it; big files are built in the background."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from convener.meetings.models import Meeting, MeetingStatus
from convener.publishing.models import BuildStatus, DocumentBuild

pytestmark = pytest.mark.django_db


def file_url(document, file_format, meeting=None, name="file"):
    if meeting:
        return reverse(
            f"public:meeting_document_{name}", args=["gmg-2016", meeting, document, file_format]
        )
    return reverse(f"public:series_document_{name}", args=["gmg-2016", document, file_format])


def download_url(document, file_format, meeting=None):
    return file_url(document, file_format, meeting, name="download")


def status_url(document, file_format, meeting=None):
    return file_url(document, file_format, meeting, name="status")


def test_series_page_offers_every_document_in_every_format(client, demo_series):
    response = client.get(reverse("public:series", args=["gmg-2016"]))

    for document in ("concept-note", "programme", "participants", "report"):
        assertContains(
            response, f'href="{reverse("public:series_document", args=["gmg-2016", document])}"'
        )
        for file_format in ("pdf", "docx"):
            assertContains(response, f'href="{download_url(document, file_format)}"')
        assertContains(response, f'href="{file_url(document, "md")}"')
    # A link that saves what it leads to would save the download page as the file.
    assertNotContains(response, " download>")


def test_meeting_page_offers_its_concept_note_and_programme(client, demo_series):
    response = client.get(reverse("public:meeting", args=["gmg-2016", 4]))

    assertContains(response, f'href="{download_url("concept-note", "pdf", meeting=4)}"')
    assertContains(response, f'href="{download_url("programme", "docx", meeting=4)}"')


def test_document_page_links_to_the_download_pages_without_saving_them(client, demo_series):
    response = client.get(reverse("public:series_document", args=["gmg-2016", "report"]))

    assertContains(response, f'<a href="{download_url("report", "pdf")}">Download as PDF</a>')
    assertNotContains(response, " download>")


def test_report_reads_on_its_page(client, demo_series):
    response = client.get(reverse("public:series_document", args=["gmg-2016", "report"]))

    assertContains(response, "Seven Member States took the floor")


def test_markdown_is_downloaded_at_once(client, demo_series):
    response = client.get(file_url("report", "md"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="gmg-2016-report.md"'
    assert b"Seven Member States took the floor" in response.content


def test_pdf_download_page_returns_at_once_and_queues_a_build(client, demo_series, tasks_held):

    response = client.get(download_url("report", "pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assertContains(response, '<script src="/static/public/download.js" defer></script>')
    assertContains(
        response, '<noscript><meta http-equiv="refresh" content="3; url=?waited"></noscript>'
    )
    assert DocumentBuild.objects.get().status == BuildStatus.QUEUED


def test_pdf_address_never_answers_a_page_while_the_file_is_built(client, demo_series, tasks_held):

    response = client.get(file_url("report", "pdf"))

    assert response.status_code == 302
    assert response["Location"] == download_url("report", "pdf")
    assert not response.has_header("Content-Disposition")
    assert DocumentBuild.objects.get().status == BuildStatus.QUEUED


def test_status_of_the_build_answers_json_until_done(
    client, demo_series, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        waiting = client.get(status_url("programme", "docx", meeting=4))
    for callback in callbacks:
        callback()

    done = client.get(status_url("programme", "docx", meeting=4))

    assert waiting.json() == {"status": "queued"}
    assert done.json() == {"status": "done"}


def test_download_page_of_a_built_file_hands_the_file_over(
    client, demo_series, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.get(download_url("report", "docx"))

    response = client.get(download_url("report", "docx"))

    assert response.status_code == 302
    assert response["Location"] == file_url("report", "docx")


def test_download_page_after_waiting_links_to_the_file_rather_than_saving_it_again(
    client, demo_series, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.get(download_url("report", "docx"))

    response = client.get(download_url("report", "docx") + "?waited")

    assertContains(response, f'<a href="{file_url("report", "docx")}">Download the Word file</a>')
    assertNotContains(response, "http-equiv")


def test_download_page_of_markdown_does_not_exist(client, demo_series):
    assert client.get(download_url("report", "md")).status_code == 404
    assert client.get(status_url("report", "md")).status_code == 404


def test_pdf_is_served_once_built(client, demo_series, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.get(file_url("concept-note", "pdf", meeting=4))

    response = client.get(file_url("concept-note", "pdf", meeting=4))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_same_request_twice_builds_once(
    client, demo_series, tasks_held, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.get(file_url("report", "docx"))
        client.get(file_url("report", "docx"))

    assert DocumentBuild.objects.count() == 1
    assert len(tasks_held) == 1


def test_documents_of_a_draft_meeting_are_hidden_from_the_public(client, demo_series):
    Meeting.objects.filter(series=demo_series, number=4).update(status=MeetingStatus.DRAFT)

    assert client.get(file_url("programme", "md", meeting=4)).status_code == 404
    assert client.get(file_url("programme", "pdf", meeting=4)).status_code == 404
    assert client.get(download_url("programme", "pdf", meeting=4)).status_code == 404
    assert client.get(status_url("programme", "pdf", meeting=4)).status_code == 404


def test_report_of_one_meeting_does_not_exist(client, demo_series):
    assert client.get(file_url("report", "pdf", meeting=1)).status_code == 404


def test_unknown_format_does_not_exist(client, demo_series):
    assert client.get(file_url("report", "exe")).status_code == 404


def test_document_page_offers_its_files_in_the_other_languages(client, demo_series):
    response = client.get(reverse("public:series_document", args=["gmg-2016", "report"]))

    assertContains(
        response, f'<a href="{download_url("report", "pdf")}?language=ru" hreflang="ru">PDF</a>'
    )
    assertContains(response, '<span lang="ar">العربية</span>')
    # The page's own language is the links above, without a choice of language.
    assertNotContains(response, f"{download_url('report', 'pdf')}?language=en")


def test_file_is_written_in_the_language_its_address_asks(client, demo_series):
    response = client.get(file_url("programme", "md") + "?language=ru")

    assert response["Content-Disposition"] == 'attachment; filename="gmg-2016-programme-ru.md"'
    assert "Программа" in response.content.decode()


def test_file_is_written_in_the_language_of_the_page_by_default(client, demo_series):
    response = client.get("/fr" + file_url("programme", "md"))

    assert "Programme" in response.content.decode()
    assert "Date" in response.content.decode()
    assert "Lieu" in response.content.decode()


def test_file_in_a_language_of_no_catalogue_is_not_found(client, demo_series):
    assert client.get(file_url("programme", "md") + "?language=de").status_code == 404


def test_builds_of_two_languages_are_two_files(client, demo_series):
    client.get(download_url("report", "docx") + "?language=fr")
    client.get(download_url("report", "docx"))

    languages = DocumentBuild.objects.filter(document="report").values_list("language", flat=True)

    assert sorted(languages) == ["en", "fr"]


def test_download_page_in_another_language_keeps_it_while_waiting(client, demo_series):
    response = client.get(download_url("report", "pdf") + "?language=es")

    assertContains(response, 'data-file="' + file_url("report", "pdf") + '?language=es"')
    assertContains(response, 'href="?language=es&amp;waited" data-check')
