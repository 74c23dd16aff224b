"""The speakers' confirmations of a series, as the secretariat reads them, and reminders."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils.formats import date_format

from convener.access.models import SpeakerReminder
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    MeetingFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    SeriesFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    return SeriesFactory(timezone="Europe/Zurich")


@pytest.fixture
def meeting(series):
    return MeetingFactory(series=series, number=1, title="Labour mobility")


@pytest.fixture
def secretariat(client, series):
    client.force_login(GrantFactory(series=series, role=Role.SECRETARIAT).user)
    return client


def _speaker(meeting, family_name, *, confirmed_at=None, email="speaker@example.org"):
    person = PersonFactory(given_name="Ana", family_name=family_name)
    ParticipationFactory(
        person=person,
        segment=SegmentFactory(meeting=meeting, title=f"Panel of {family_name}"),
        confirmed_at=confirmed_at,
    )
    GrantFactory(
        series=meeting.series, role=Role.SPEAKER, person=person, user=UserFactory(email=email)
    )
    return person


def _page(client, series):
    return client.get(reverse("manage:speaker_confirmations", args=[series.slug]))


def test_the_page_says_who_confirmed_and_when_in_the_series_time_zone(secretariat, series, meeting):
    _speaker(
        meeting, "Ruiz", confirmed_at=datetime.datetime(2026, 3, 2, 8, 30, tzinfo=datetime.UTC)
    )
    _speaker(meeting, "Okafor")

    text = _page(secretariat, series).content.decode()

    assert "1 of 2 confirmed" in text
    assert "Confirmed on 2 March 2026, 09:30" in text  # 08:30 UTC is 09:30 in Geneva (Zurich time)
    assert "Europe/Zurich" in text
    assert "Not confirmed; invited on" in text


def test_the_secretariat_reminds_a_speaker_who_has_not_confirmed(
    secretariat, series, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    person = _speaker(meeting, "Okafor", email="okafor@example.org")
    url = reverse("manage:remind_speaker", args=[series.slug, person.key])

    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat.post(url, follow=True)

    assert mailoutbox[0].to == ["okafor@example.org"]
    assert "A reminder was sent to" in response.content.decode()
    sent = SpeakerReminder.objects.get(person=person).sent_at.astimezone(ZoneInfo("Europe/Zurich"))
    assert date_format(sent, "j F Y, H:i") in response.content.decode()  # the last reminder


def test_a_confirmed_speaker_has_no_reminder_button(secretariat, series, meeting):
    person = _speaker(
        meeting, "Ruiz", confirmed_at=datetime.datetime(2026, 3, 2, tzinfo=datetime.UTC)
    )

    text = _page(secretariat, series).content.decode()

    assert reverse("manage:remind_speaker", args=[series.slug, person.key]) not in text


def test_the_series_and_meeting_pages_link_the_confirmations(secretariat, series, meeting):
    url = reverse("manage:speaker_confirmations", args=[series.slug])

    series_page = secretariat.get(reverse("manage:series", args=[series.slug]))
    meeting_page = secretariat.get(reverse("manage:meeting", args=[series.slug, 1]))

    assert url in series_page.content.decode()
    assert f"{url}#meeting-1" in meeting_page.content.decode()


@pytest.mark.parametrize("role", [Role.SPEAKER, Role.RAPPORTEUR, Role.CHAIR])
def test_other_roles_neither_read_the_confirmations_nor_remind(client, series, meeting, role):
    person = _speaker(meeting, "Okafor")
    narrowing = {"person": person} if role == Role.SPEAKER else {}
    client.force_login(GrantFactory(series=series, role=role, **narrowing).user)

    page = _page(client, series)
    reminder = client.post(reverse("manage:remind_speaker", args=[series.slug, person.key]))

    assert page.status_code == 403
    assert reminder.status_code == 403
    assert not SpeakerReminder.objects.exists()


def test_the_confirmations_of_the_demo_read_in_a_fixed_number_of_queries(
    client, demo_user, django_assert_max_num_queries
):
    client.force_login(demo_user("secretariat"))

    with django_assert_max_num_queries(10):
        response = client.get(reverse("manage:speaker_confirmations", args=["gmg-2016"]))

    assert "Anna Greene" in response.content.decode()
