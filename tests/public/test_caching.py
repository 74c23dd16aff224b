"""Public pages are rendered once per revision and language, and never go stale."""

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from convener.meetings.domain.revision import current_revision
from convener.meetings.domain.workflow import publish_meeting, unpublish_meeting
from convener.meetings.models import MeetingStatus
from tests.factories import (
    AdministratorFactory,
    ConceptNoteSectionFactory,
    MeetingFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


def meeting_url(meeting) -> str:
    return reverse("public:meeting", args=[meeting.series.slug, meeting.number])


def test_cached_page_costs_one_query_for_the_revision(client, django_assert_num_queries):
    meeting = MeetingFactory(title="Understanding large movements")
    client.get(meeting_url(meeting))

    with django_assert_num_queries(1):
        response = client.get(meeting_url(meeting))

    assertContains(response, "Understanding large movements")


def test_change_to_the_data_retires_the_cached_page(client, django_capture_on_commit_callbacks):
    meeting = MeetingFactory(title="Understanding large movements")
    client.get(meeting_url(meeting))

    with django_capture_on_commit_callbacks(execute=True):
        meeting.title = "Understanding large movements of refugees and migrants"
        meeting.save()

    assertContains(client.get(meeting_url(meeting)), "of refugees and migrants")


def test_every_change_raises_the_revision_once_committed(django_capture_on_commit_callbacks):
    before = current_revision()

    with django_capture_on_commit_callbacks(execute=True):
        MeetingFactory()

    assert current_revision() > before


def test_languages_are_cached_apart(client):
    meeting = MeetingFactory()
    client.get(meeting_url(meeting))

    response = client.get(f"/fr{meeting_url(meeting)}")

    assertContains(response, '<html lang="fr" dir="ltr">')


def test_signed_in_secretariat_is_never_served_the_public_copy(client):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)
    assert Client().get(meeting_url(meeting)).status_code == 404
    client.force_login(secretariat_of(meeting.series))

    response = client.get(meeting_url(meeting))

    assert response.status_code == 200


def test_page_not_found_is_not_cached(client, django_capture_on_commit_callbacks):
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)
    assert client.get(meeting_url(meeting)).status_code == 404

    meeting.status = MeetingStatus.PUBLISHED
    meeting.save()

    assert client.get(meeting_url(meeting)).status_code == 200


def test_anonymous_copy_shows_no_sign_out_form(staff_client):
    meeting = MeetingFactory()
    staff_client.get(meeting_url(meeting))

    assertNotContains(Client().get(meeting_url(meeting)), "Sign out")


def cached_pages() -> int:
    return len(caches["pages"]._cache)


def test_junk_query_string_flood_adds_at_most_one_cached_page(client):
    meeting = MeetingFactory()

    for attempt in range(2000):
        response = client.get(meeting_url(meeting), {f"junk{attempt}": "x" * 50})
        assert response.status_code == 200

    assert cached_pages() == 1


def test_cached_page_keeps_no_junk_of_the_first_readers_address(client):
    meeting = MeetingFactory()
    client.get(meeting_url(meeting) + "?utm_source=<mail>")

    response = client.get(meeting_url(meeting))

    assertNotContains(response, "utm_source")
    assertContains(response, f'href="/accounts/login/?next={meeting_url(meeting)}"')


def test_parameters_a_page_reads_are_cached_apart(client, django_capture_on_commit_callbacks):
    staff = AdministratorFactory()  # publishes: keeps the versions
    meeting = MeetingFactory(status=MeetingStatus.DRAFT)
    section = ConceptNoteSectionFactory(series=meeting.series, meeting=meeting, body="One.")
    for body in ("Two.", "Three."):
        with django_capture_on_commit_callbacks(execute=True):
            publish_meeting(meeting=meeting, by=staff)
        with django_capture_on_commit_callbacks(execute=True):
            unpublish_meeting(meeting=meeting, by=staff)
            section.body = body
            section.save()
    with django_capture_on_commit_callbacks(execute=True):
        publish_meeting(meeting=meeting, by=staff)
    differences = reverse(
        "public:meeting_document_differences",
        args=[meeting.series.slug, meeting.number, "concept-note"],
    )

    first = client.get(differences, {"old": 1, "new": 2, "junk": "a"})
    second = client.get(differences, {"old": 2, "new": 3, "junk": "b"})

    assertContains(first, "changes from version 1 to version 2")
    assertContains(second, "changes from version 2 to version 3")
    assert cached_pages() == 2
