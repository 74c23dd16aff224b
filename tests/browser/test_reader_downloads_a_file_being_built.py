"""The first click on a PDF or Word link saves the file, not the page that waits for it."""

import pytest
from django.urls import reverse

from convener.publishing.domain.builds import run_build
from convener.publishing.models import BuildStatus, DocumentBuild

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("file_format", "header", "name"),
    [
        ("pdf", b"%PDF", "gmg-2016-concept-note.pdf"),
        ("docx", b"PK\x03\x04", "gmg-2016-concept-note.docx"),
    ],
)
def test_first_click_on_a_file_not_yet_built_saves_the_file(
    live_server, demo_series, tasks_held, page, file_format, header, name
):
    link = reverse(
        "public:series_document_download", args=["gmg-2016", "concept-note", file_format]
    )
    page.goto(live_server.url + reverse("public:series", args=["gmg-2016"]))
    assert not DocumentBuild.objects.exists()

    with page.expect_download(timeout=120_000) as started:
        page.locator(f'a[href="{link}"]').click()
        # The download page waits while the worker (here: the test) builds the file.
        page.get_by_role("status").get_by_text("being prepared").wait_for()
        run_build(DocumentBuild.objects.get(status=BuildStatus.QUEUED).pk)

    download = started.value
    assert download.suggested_filename == name
    # The file came through the download page, which stays on screen.
    assert page.url == live_server.url + link
    with open(download.path(), "rb") as saved:
        assert saved.read(len(header)) == header
