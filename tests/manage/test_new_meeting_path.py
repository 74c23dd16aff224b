"""The path of a new meeting takes few pages: from the new meeting to its
edit page, and from there to its programme."""

import json

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from convener.manage.interfaces.meetings import TRACKED
from convener.prose.editing import field_digests
from convener.roles.models import Role
from tests.factories import GrantFactory, MeetingFactory, SeriesFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(client):
    series = SeriesFactory(slug="expert-2027")
    client.force_login(GrantFactory(series=series, role=Role.SECRETARIAT).user)
    return series


def _saved(meeting, **more):
    data = {"title": meeting.title, "format": meeting.format, **more}
    for prefix in ("co_organisers", "co_chairs"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | {"started_from": json.dumps(field_digests(meeting, TRACKED))}


def test_a_new_meeting_leads_to_its_co_organisers_co_chairs_and_concept_note(client, series):
    response = client.post(
        reverse("manage:meeting_create", args=["expert-2027"]),
        {"title": "Expert group meeting", "format": "panels"},
        follow=True,
    )

    assertRedirects(response, reverse("manage:meeting_edit", args=["expert-2027", 1]))
    assertContains(response, "Meeting 1 is created, as a draft.")
    assertContains(response, "Save and build the programme")


def test_save_and_build_the_programme_leads_to_the_programme(client, series):
    meeting = MeetingFactory(series=series, number=1, title="Expert group meeting")

    response = client.post(
        reverse("manage:meeting_edit", args=["expert-2027", 1]),
        _saved(meeting, then="programme"),
    )

    assertRedirects(response, reverse("manage:programme", args=["expert-2027", 1]))


def test_save_the_meeting_leads_to_the_meeting_page(client, series):
    meeting = MeetingFactory(series=series, number=1, title="Expert group meeting")

    response = client.post(reverse("manage:meeting_edit", args=["expert-2027", 1]), _saved(meeting))

    assertRedirects(response, reverse("manage:meeting", args=["expert-2027", 1]))


HTMX = {"HTTP_HX_REQUEST": "true"}


def test_a_meeting_s_section_is_added_in_place_on_its_edit_page(client, series):
    meeting = MeetingFactory(series=series, number=1)
    new_section = reverse("manage:meeting_section_create", args=["expert-2027", 1])

    form = client.get(new_section, **HTMX)
    added = client.post(
        new_section,
        {"kind": "scope", "heading": "Focus", "body": "Sharing *responsibility*."},
        **HTMX,
    )

    assertContains(form, f'hx-post="{new_section}"')
    assertContains(form, 'id="new-section-heading"')
    assertContains(added, '<section id="concept-note"')
    assertContains(added, "The section is added.")
    assertContains(added, "<em>responsibility</em>")
    assert list(meeting.sections.values_list("heading", flat=True)) == ["Focus"]


def test_a_section_refused_in_place_comes_back_with_what_was_typed(client, series):
    MeetingFactory(series=series, number=1)
    new_section = reverse("manage:meeting_section_create", args=["expert-2027", 1])

    response = client.post(new_section, {"kind": "scope", "heading": "", "body": "Kept."}, **HTMX)

    assert response["HX-Retarget"] == "#meeting-new-section"
    assertContains(response, "Nothing was saved")
    assertContains(response, "Kept.")
