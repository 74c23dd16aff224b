"""The public reads the published versions of a document and their differences."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from convener.meetings.domain.workflow import publish_meeting, unpublish_meeting
from convener.meetings.models import MeetingStatus
from convener.publishing.domain.versions import publish_version
from tests.factories import (
    AdministratorFactory,
    ConceptNoteSectionFactory,
    MeetingFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat():
    return AdministratorFactory()


@pytest.fixture
def meeting():
    return MeetingFactory(
        series=SeriesFactory(slug="gmg-2017"), number=1, status=MeetingStatus.DRAFT
    )


def versions_url(page, *extra, meeting=1, document="concept-note"):
    return reverse(f"public:meeting_document_{page}", args=["gmg-2017", meeting, document, *extra])


def edit_and_republish(meeting, section, body, by):
    unpublish_meeting(meeting=meeting, by=by)
    section.body = body
    section.save()
    publish_meeting(meeting=meeting, by=by)


def test_publishing_twice_after_an_edit_shows_the_difference(client, meeting, secretariat):
    section = ConceptNoteSectionFactory(
        series=meeting.series, meeting=meeting, body="Panellists speak for ten minutes."
    )
    publish_meeting(meeting=meeting, by=secretariat)
    edit_and_republish(meeting, section, "Panellists speak for twelve minutes.", secretariat)

    response = client.get(versions_url("differences") + "?old=1&new=2")

    assertContains(response, "changes from version 1 to version 2")
    assertContains(response, '<del><span class="sr-only">removed: </span>ten</del>', html=True)
    assertContains(response, '<ins><span class="sr-only">added: </span>twelve</ins>', html=True)
    assertContains(response, "How to read the changes")


def test_the_differences_default_to_the_last_two_versions(client, meeting, secretariat):
    section = ConceptNoteSectionFactory(series=meeting.series, meeting=meeting, body="One.")
    publish_meeting(meeting=meeting, by=secretariat)
    edit_and_republish(meeting, section, "Two.", secretariat)
    edit_and_republish(meeting, section, "Three.", secretariat)

    response = client.get(versions_url("differences"))

    assertContains(response, "changes from version 2 to version 3")


def test_the_list_of_versions_links_each_version_and_its_changes(client, meeting, secretariat):
    section = ConceptNoteSectionFactory(series=meeting.series, meeting=meeting, body="Before.")
    publish_meeting(meeting=meeting, by=secretariat)
    edit_and_republish(meeting, section, "After.", secretariat)

    response = client.get(versions_url("versions"))

    assertContains(response, f'href="{versions_url("version", 1)}"')
    assertContains(response, f'href="{versions_url("version", 2)}"')
    assertContains(response, f'href="{versions_url("differences")}?old=1&amp;new=2"')
    assertNotContains(response, str(secretariat))


def test_an_earlier_version_stays_readable(client, meeting, secretariat):
    section = ConceptNoteSectionFactory(
        series=meeting.series, meeting=meeting, body="The *first* text."
    )
    publish_meeting(meeting=meeting, by=secretariat)
    edit_and_republish(meeting, section, "The second text.", secretariat)

    response = client.get(versions_url("version", 1))

    assertContains(response, "<em>first</em>", html=True)
    assertNotContains(response, "second text")


def test_a_version_is_rendered_sanitised(client, meeting, secretariat):
    ConceptNoteSectionFactory(
        series=meeting.series, meeting=meeting, body="Q&A <script>alert(1)</script> on A < B"
    )
    publish_meeting(meeting=meeting, by=secretariat)

    response = client.get(versions_url("version", 1))

    assertNotContains(response, "<script>alert")
    assertContains(response, "Q&amp;A")
    assertNotContains(response, "\\&")


def test_the_document_page_links_its_versions_once_it_has_one(
    client, meeting, secretariat, django_capture_on_commit_callbacks
):
    document_page = reverse("public:series_document", args=["gmg-2017", "concept-note"])
    ConceptNoteSectionFactory(series=meeting.series)
    assertNotContains(client.get(document_page), "Published versions")

    with django_capture_on_commit_callbacks(execute=True):
        publish_version(series=meeting.series, document="concept-note", by=secretariat)

    response = client.get(document_page)
    assertContains(
        response,
        f'href="{reverse("public:series_document_versions", args=["gmg-2017", "concept-note"])}"',
    )


def test_the_versions_of_a_meeting_returned_to_draft_are_not_public(
    client, meeting, secretariat, django_capture_on_commit_callbacks
):
    publish_meeting(meeting=meeting, by=secretariat)
    assert client.get(versions_url("versions")).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        unpublish_meeting(meeting=meeting, by=secretariat)

    assert client.get(versions_url("versions")).status_code == 404
    assert client.get(versions_url("version", 1)).status_code == 404


def test_a_draft_meeting_is_not_on_the_public_site(client, meeting):
    assert client.get(reverse("public:meeting", args=["gmg-2017", 1])).status_code == 404
    assertNotContains(client.get(reverse("public:series", args=["gmg-2017"])), meeting.title)


def test_an_unknown_version_is_not_found(client, meeting, secretariat):
    publish_meeting(meeting=meeting, by=secretariat)

    assert client.get(versions_url("version", 7)).status_code == 404
    assert client.get(versions_url("differences")).status_code == 404
    assert client.get(versions_url("differences") + "?old=x&new=1").status_code == 404


def test_the_cached_list_shows_a_new_version_at_once(
    client, meeting, secretariat, django_capture_on_commit_callbacks
):
    section = ConceptNoteSectionFactory(series=meeting.series, meeting=meeting, body="Before.")
    with django_capture_on_commit_callbacks(execute=True):
        publish_meeting(meeting=meeting, by=secretariat)
    assertNotContains(client.get(versions_url("versions")), "Version 2")

    with django_capture_on_commit_callbacks(execute=True):
        edit_and_republish(meeting, section, "After.", secretariat)

    assertContains(client.get(versions_url("versions")), "Version 2")


def test_the_pages_of_versions_cost_a_fixed_number_of_queries(
    client, meeting, secretariat, django_assert_max_num_queries
):
    section = ConceptNoteSectionFactory(series=meeting.series, meeting=meeting, body="0")
    publish_meeting(meeting=meeting, by=secretariat)
    for text in ("1", "2", "3"):
        edit_and_republish(meeting, section, text, secretariat)

    for address in (
        versions_url("versions"),
        versions_url("version", 2),
        versions_url("differences"),
    ):
        with django_assert_max_num_queries(6):
            assert client.get(address).status_code == 200
