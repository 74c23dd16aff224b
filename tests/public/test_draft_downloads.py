"""Who downloads the PDF and Word files of drafts: those who read the series'
drafts by a grant, never the public, a delegation, a speaker or an account that
is merely `is_staff`; and the file built in the background reads as they do."""

import io
import subprocess

import docx
import pytest
from django.urls import reverse

from convener.meetings.models import Meeting, MeetingStatus, Series, SeriesStatus
from tests.factories import StaffFactory
from tests.publishing.test_build_command import require

pytestmark = pytest.mark.django_db

DRAFT_SERIES_TITLE = "Draft series on mixed movements"
DRAFT_MEETING_TITLE = "Draft meeting on return and readmission"
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@pytest.fixture
def draft_series(demo_series):
    Series.objects.filter(pk=demo_series.pk).update(
        status=SeriesStatus.DRAFT, title=DRAFT_SERIES_TITLE
    )
    return demo_series


@pytest.fixture
def draft_meeting(demo_series):
    Meeting.objects.filter(series=demo_series, number=4).update(
        status=MeetingStatus.DRAFT, title=DRAFT_MEETING_TITLE
    )
    return Meeting.objects.get(series=demo_series, number=4)


def _args(document, file_format, number):
    if number is None:
        return "series", ["gmg-2016", document, file_format]
    return "meeting", ["gmg-2016", number, document, file_format]


def download(client, capture, document, file_format, number=None):
    """Open the download page, let the build run, then fetch the file."""
    scope, args = _args(document, file_format, number)
    with capture(execute=True):
        page = client.get(reverse(f"public:{scope}_document_download", args=args))
    if page.status_code != 200:
        return page
    return client.get(reverse(f"public:{scope}_document_file", args=args))


def text_of(response, file_format):
    if file_format == "pdf":
        return subprocess.run(
            [require("pdftotext"), "-", "-"],
            input=response.content,
            capture_output=True,
            check=True,
        ).stdout.decode()
    return "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)


@pytest.mark.parametrize("file_format", ["pdf", "docx"])
def test_secretariat_without_staff_flag_downloads_the_draft_series_concept_note(
    client, demo_user, draft_series, file_format, django_capture_on_commit_callbacks
):
    secretariat = demo_user("secretariat")
    assert secretariat.is_staff is False
    client.force_login(secretariat)

    response = download(client, django_capture_on_commit_callbacks, "concept-note", file_format)

    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPES[file_format]
    assert response["Content-Disposition"].startswith("attachment;")
    assert DRAFT_SERIES_TITLE in text_of(response, file_format)


@pytest.mark.parametrize("file_format", ["pdf", "docx"])
def test_secretariat_without_staff_flag_downloads_the_draft_meeting_programme(
    client, demo_user, draft_meeting, file_format, django_capture_on_commit_callbacks
):
    client.force_login(demo_user("secretariat"))

    response = download(
        client, django_capture_on_commit_callbacks, "programme", file_format, number=4
    )

    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPES[file_format]
    assert DRAFT_MEETING_TITLE in text_of(response, file_format)


@pytest.mark.parametrize("username", ["mexico", "speaker", None])
@pytest.mark.parametrize("file_format", ["pdf", "docx"])
def test_delegation_speaker_and_public_get_no_draft_series_file(
    client, demo_user, draft_series, username, file_format, django_capture_on_commit_callbacks
):
    if username:
        client.force_login(demo_user(username))

    response = download(client, django_capture_on_commit_callbacks, "concept-note", file_format)

    assert response.status_code == 404


@pytest.mark.parametrize("username", ["mexico", "speaker", None])
def test_delegation_speaker_and_public_get_no_draft_meeting_file(
    client, demo_user, draft_meeting, username, django_capture_on_commit_callbacks
):
    if username:
        client.force_login(demo_user(username))

    response = download(client, django_capture_on_commit_callbacks, "programme", "pdf", number=4)

    assert response.status_code == 404


def test_staff_flag_without_grants_gets_no_draft_file(
    client, draft_series, django_capture_on_commit_callbacks
):
    client.force_login(StaffFactory())

    response = download(client, django_capture_on_commit_callbacks, "concept-note", "pdf")

    assert response.status_code == 404


def test_public_is_not_served_the_secretariat_build_with_the_draft_meeting(
    client, demo_user, draft_meeting, django_capture_on_commit_callbacks
):
    client.force_login(demo_user("secretariat"))
    secretariat = download(client, django_capture_on_commit_callbacks, "concept-note", "docx")
    client.logout()

    public = download(client, django_capture_on_commit_callbacks, "concept-note", "docx")

    assert DRAFT_MEETING_TITLE in text_of(secretariat, "docx")
    assert public.status_code == 200
    assert DRAFT_MEETING_TITLE not in text_of(public, "docx")
