"""The series' figures in the workspace count its records before they are released."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.factories import InterventionFactory, MeetingFactory, UserFactory, secretariat_of

pytestmark = pytest.mark.django_db


def test_the_workspace_figures_count_a_record_not_yet_released(client):
    meeting = MeetingFactory(record_released_at=None)
    InterventionFactory(segment__meeting=meeting)
    client.force_login(secretariat_of(meeting.series))

    response = client.get(reverse("manage:series_figures", args=[meeting.series.slug]))

    assertContains(response, "The figures count 1 turn on the floor.")
    assertContains(response, 'role="img"')


def test_the_series_overview_links_to_its_figures(client):
    meeting = MeetingFactory()
    client.force_login(secretariat_of(meeting.series))

    response = client.get(reverse("manage:series", args=[meeting.series.slug]))

    assertContains(response, reverse("manage:series_figures", args=[meeting.series.slug]))


def test_the_workspace_csv_is_refused_to_someone_outside_the_series(client):
    meeting = MeetingFactory(record_released_at=None)
    InterventionFactory(segment__meeting=meeting)
    client.force_login(UserFactory())

    response = client.get(
        reverse("manage:series_figure_csv", args=[meeting.series.slug, "kinds-of-speaker"])
    )

    assert response.status_code == 403


def test_the_workspace_csv_lists_the_unreleased_turns(client):
    meeting = MeetingFactory(record_released_at=None)
    InterventionFactory(segment__meeting=meeting)
    client.force_login(secretariat_of(meeting.series))

    response = client.get(
        reverse("manage:series_figure_csv", args=[meeting.series.slug, "kinds-of-speaker"])
    )

    assert response.content.decode() == "Kind of speaker,Turns\r\nMember State,1\r\n"
