"""The series and meeting pages read signed in: rendered once for every reader of
the same drafts, with each reader's own parts filled in, and never mixed with
the public's copy nor with the copy of readers of other drafts."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from convener.meetings.models import MeetingStatus
from tests.factories import (
    AdministratorFactory,
    CoChairFactory,
    ConceptNoteSectionFactory,
    CoOrganiserFactory,
    MeetingFactory,
    SeriesFactory,
    UserFactory,
    secretariat_of,
)
from tests.public.test_meeting import a_meeting_with_speakers

pytestmark = pytest.mark.django_db


def meeting_url(meeting) -> str:
    return reverse("public:meeting", args=[meeting.series.slug, meeting.number])


def series_url(series) -> str:
    return reverse("public:series", args=[series.slug])


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def a_series_with_a_draft_meeting():
    series = SeriesFactory()
    MeetingFactory(series=series, number=1, title="Published meeting")
    draft = MeetingFactory(
        series=series, number=2, title="Draft meeting", status=MeetingStatus.DRAFT
    )
    return series, draft


# What one reader of drafts reads never reaches another reader


def test_draft_read_signed_in_is_not_served_to_the_public():
    series, draft = a_series_with_a_draft_meeting()
    secretariat = signed_in(secretariat_of(series))
    assertContains(secretariat.get(series_url(series)), "Draft meeting")
    assertContains(secretariat.get(meeting_url(draft)), "Draft meeting")

    assertNotContains(Client().get(series_url(series)), "Draft meeting")
    assert Client().get(meeting_url(draft)).status_code == 404


def test_public_copy_is_not_served_to_a_reader_of_drafts():
    series, _ = a_series_with_a_draft_meeting()
    assertNotContains(Client().get(series_url(series)), "Draft meeting")

    response = signed_in(secretariat_of(series)).get(series_url(series))

    assertContains(response, "Draft meeting")


def test_reader_of_other_drafts_is_not_served_the_copy_with_these_drafts():
    series, draft = a_series_with_a_draft_meeting()
    assertContains(signed_in(secretariat_of(series)).get(series_url(series)), "Draft meeting")
    of_another_series = signed_in(secretariat_of(SeriesFactory()))

    assertNotContains(of_another_series.get(series_url(series)), "Draft meeting")
    assert of_another_series.get(meeting_url(draft)).status_code == 404


def test_signed_in_reader_without_grants_reads_what_the_public_reads():
    series, draft = a_series_with_a_draft_meeting()
    assertContains(signed_in(secretariat_of(series)).get(series_url(series)), "Draft meeting")
    reader = signed_in(UserFactory())

    assertNotContains(reader.get(series_url(series)), "Draft meeting")
    assert reader.get(meeting_url(draft)).status_code == 404


def test_site_administrator_reads_every_draft_in_a_copy_of_their_own():
    series, draft = a_series_with_a_draft_meeting()
    assertNotContains(signed_in(UserFactory()).get(series_url(series)), "Draft meeting")

    administrator = signed_in(AdministratorFactory())

    assertContains(administrator.get(series_url(series)), "Draft meeting")
    assertContains(administrator.get(meeting_url(draft)), "Draft meeting")


def test_reader_who_loses_a_grant_no_longer_reads_the_drafts():
    series, _ = a_series_with_a_draft_meeting()
    secretariat = secretariat_of(series)
    client = signed_in(secretariat)
    assertContains(client.get(series_url(series)), "Draft meeting")

    secretariat.grants.all().delete()

    assertNotContains(client.get(series_url(series)), "Draft meeting")


# Each reader's own parts


def test_each_reader_is_shown_their_own_account():
    series = SeriesFactory()
    first, second = UserFactory(username="amina"), UserFactory(username="bruno")
    signed_in(first).get(series_url(series))

    response = signed_in(second).get(series_url(series))

    assertContains(response, "Sign out (bruno)")
    assertNotContains(response, "amina")


def test_shared_copy_holds_the_readers_address_in_the_language_form():
    meeting = MeetingFactory()
    secretariat = signed_in(secretariat_of(meeting.series))
    secretariat.get(meeting_url(meeting))

    response = secretariat.get(meeting_url(meeting), {"utm_source": "mail"})

    assertContains(response, f'name="next" value="{meeting_url(meeting)}"')


def test_sign_out_form_of_a_shared_copy_carries_a_valid_token():
    meeting = MeetingFactory()
    secretariat = secretariat_of(meeting.series)
    signed_in(secretariat).get(meeting_url(meeting))
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat)
    page = client.get(meeting_url(meeting)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    response = client.post(reverse("logout"), {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_change_to_the_data_retires_the_signed_in_copy(django_capture_on_commit_callbacks):
    meeting = MeetingFactory(title="Understanding large movements")
    secretariat = signed_in(secretariat_of(meeting.series))
    secretariat.get(meeting_url(meeting))

    with django_capture_on_commit_callbacks(execute=True):
        meeting.title = "Understanding large movements of refugees and migrants"
        meeting.save()

    assertContains(secretariat.get(meeting_url(meeting)), "of refugees and migrants")


# The number of queries, whatever the size of the meeting


# The session and its user, the content revision, the reader's grants.
SIGNED_IN_READER = 2 + 1 + 1
# meeting, concept note, co-organisers, co-chairs, segments, participations,
# interventions, and the keywords of the record.
MEETING_PAGE = 7 + 1
# series, concept note, references, meetings, co-organisers, co-chairs.
SERIES_PAGE = 6


@pytest.mark.parametrize("speakers", [3, 30])
def test_signed_in_meeting_page_queries_do_not_grow_with_speakers(
    django_assert_num_queries, speakers
):
    meeting = a_meeting_with_speakers(speakers)
    client = signed_in(secretariat_of(meeting.series))

    with django_assert_num_queries(SIGNED_IN_READER + MEETING_PAGE):
        first = client.get(meeting_url(meeting))
    with django_assert_num_queries(SIGNED_IN_READER):
        again = client.get(meeting_url(meeting))

    for response in (first, again):
        assert response.content.decode().count('<span class="role">Panellist:</span>') == speakers


@pytest.mark.parametrize("meetings", [2, 12])
def test_signed_in_series_page_queries_do_not_grow_with_meetings(
    django_assert_num_queries, meetings
):
    series = SeriesFactory()
    ConceptNoteSectionFactory.create_batch(3, series=series)
    for number in range(1, meetings + 1):
        meeting = MeetingFactory(series=series, number=number, status=MeetingStatus.DRAFT)
        CoOrganiserFactory.create_batch(2, meeting=meeting)
        CoChairFactory.create_batch(2, meeting=meeting)
    client = signed_in(secretariat_of(series))

    with django_assert_num_queries(SIGNED_IN_READER + SERIES_PAGE):
        first = client.get(series_url(series))
    with django_assert_num_queries(SIGNED_IN_READER):
        client.get(series_url(series))

    assert first.content.decode().count('<li class="card">') == meetings
