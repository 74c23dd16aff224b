"""The workspace pages of a meeting's life: postpone, cancel, delete a draft,
and start a meeting or a series from an earlier one."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from convener.meetings.models import Meeting, MeetingStatus, Series, SeriesStatus
from convener.roles.models import Role
from tests.factories import GrantFactory, MeetingFactory, SegmentFactory, SeriesFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory(
        series=SeriesFactory(slug="gmg-2017"),
        number=1,
        title="First panel",
        date=datetime.date(2016, 7, 13),
    )


@pytest.fixture
def secretariat(client, meeting):
    user = GrantFactory(series=meeting.series, role=Role.SECRETARIAT).user
    client.force_login(user)
    return user


def url(name, *args):
    return reverse(f"manage:{name}", args=args)


def meeting_page(client):
    return client.get(url("meeting", "gmg-2017", 1))


def test_a_published_meeting_page_offers_postpone_cancel_and_a_new_meeting(client, secretariat):
    response = meeting_page(client)

    assertContains(response, f'href="{url("meeting_postpone", "gmg-2017", 1)}"')
    assertContains(response, f'href="{url("meeting_cancel", "gmg-2017", 1)}"')
    assertContains(response, f'href="{url("meeting_copy", "gmg-2017", 1)}"')
    assertNotContains(response, url("meeting_delete", "gmg-2017", 1))


def test_a_draft_meeting_page_offers_deleting_it(client, secretariat, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.DRAFT)

    response = meeting_page(client)

    assertContains(response, f'href="{url("meeting_delete", "gmg-2017", 1)}"')
    assertNotContains(response, url("meeting_cancel", "gmg-2017", 1))


def test_a_reported_meeting_page_offers_neither_postponing_nor_cancelling(
    client, secretariat, meeting
):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.REPORTED)

    response = meeting_page(client)

    assertNotContains(response, url("meeting_postpone", "gmg-2017", 1))
    assertNotContains(response, url("meeting_cancel", "gmg-2017", 1))
    assert client.get(url("meeting_postpone", "gmg-2017", 1)).status_code == 403


def test_postponing_from_its_page_shows_the_earlier_date(client, secretariat):
    response = client.post(
        url("meeting_postpone", "gmg-2017", 1),
        {"date": "2016-07-20", "start_time": "15:00", "end_time": "18:00", "reason": ""},
    )

    assertRedirects(response, url("meeting", "gmg-2017", 1))
    page = meeting_page(client)
    assertContains(page, "Wednesday 20 July 2016")
    assertContains(page, "postponed from 13 July 2016")


def test_the_audit_log_reads_the_postponement(client, secretariat):
    client.post(url("meeting_postpone", "gmg-2017", 1), {"date": "2016-07-20", "reason": "Typhoon"})

    response = client.get(url("series_audit", "gmg-2017"))

    assertContains(response, "Meeting 1 postponed")
    assertContains(response, "2016-07-13")
    assertContains(response, "Typhoon")


def test_a_postponement_refused_keeps_what_was_typed(client, secretariat):
    response = client.post(
        url("meeting_postpone", "gmg-2017", 1), {"date": "2016-07-01", "reason": "Typhoon"}
    )

    assertContains(response, "Give a date later than the present one.")
    assertContains(response, 'value="2016-07-01"')
    assertContains(response, 'value="Typhoon"')
    assert Meeting.objects.get().date == datetime.date(2016, 7, 13)


def test_cancelling_asks_for_confirmation_then_marks_the_meeting(client, secretariat):
    confirm = client.get(url("meeting_cancel", "gmg-2017", 1))
    assertContains(confirm, "Cancel “First panel”?")

    response = client.post(url("meeting_cancel", "gmg-2017", 1), {"reason": "No quorum"})

    assertRedirects(response, url("meeting", "gmg-2017", 1))
    page = meeting_page(client)
    assertContains(page, "This meeting is cancelled")
    assertContains(page, 'value="reinstate"')


def test_the_chairs_console_of_a_cancelled_meeting_is_refused(client, secretariat):
    chair_console = reverse("live:chair", args=["gmg-2017", 1])
    assert client.get(chair_console).status_code == 200

    cancelling = client.post(url("meeting_cancel", "gmg-2017", 1))

    assertRedirects(cancelling, url("meeting", "gmg-2017", 1))
    assert Meeting.objects.get().status == MeetingStatus.CANCELLED
    assert client.get(chair_console).status_code == 403


def test_deleting_a_draft_asks_then_returns_to_the_series(client, secretariat, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.DRAFT)
    SegmentFactory(meeting=meeting)
    assertContains(client.get(url("meeting_delete", "gmg-2017", 1)), "Delete “First panel”?")

    response = client.post(url("meeting_delete", "gmg-2017", 1))

    assertRedirects(response, url("series", "gmg-2017"))
    assert not Meeting.objects.exists()


def test_deleting_a_published_meeting_is_refused(client, secretariat):
    response = client.post(url("meeting_delete", "gmg-2017", 1))

    assert response.status_code == 403
    assert Meeting.objects.exists()


def test_a_new_meeting_from_this_one_opens_the_copy(client, secretariat, meeting):
    SegmentFactory(meeting=meeting, title="Panel on remittances")

    response = client.post(
        url("meeting_copy", "gmg-2017", 1), {"series": meeting.series.pk, "title": "Second panel"}
    )

    assertRedirects(response, url("meeting", "gmg-2017", 2))
    copy = Meeting.objects.get(number=2)
    assert (copy.title, copy.status, copy.date) == ("Second panel", MeetingStatus.DRAFT, None)
    assert list(copy.segments.values_list("title", flat=True)) == ["Panel on remittances"]


def test_a_meeting_is_not_copied_into_a_series_the_user_does_not_manage(
    client, secretariat, meeting
):
    other = SeriesFactory()

    response = client.post(url("meeting_copy", "gmg-2017", 1), {"series": other.pk})

    assertContains(response, "Select a valid choice")
    assert not other.meetings.exists()


def test_a_new_series_from_this_one_is_offered_and_made(client, secretariat, meeting):
    assertContains(
        client.get(url("series", "gmg-2017")), f'href="{url("series_copy", "gmg-2017")}"'
    )

    response = client.post(url("series_copy", "gmg-2017"), {"slug": "gmg-2018", "title": "GMG"})

    assertRedirects(response, url("series", "gmg-2018"))
    copy = Series.objects.get(slug="gmg-2018")
    assert copy.status == SeriesStatus.DRAFT
    assert list(copy.meetings.values_list("title", "date")) == [("First panel", None)]


def test_a_series_address_taken_is_refused_on_the_form(client, secretariat):
    response = client.post(url("series_copy", "gmg-2017"), {"slug": "gmg-2017", "title": "GMG"})

    assertContains(response, "already exists")
    assert Series.objects.count() == 1
