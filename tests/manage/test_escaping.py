"""What users type never runs in the workspace: names are escaped, Markdown sanitised."""

from __future__ import annotations

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from convener.audit.log import acting_as
from convener.meetings.models import MeetingStatus, SegmentKind
from convener.roles.models import Role
from tests.factories import (
    GrantFactory,
    InterventionFactory,
    MeetingFactory,
    ParticipationFactory,
    PersonFactory,
    SegmentFactory,
    SeriesFactory,
)
from tests.html_safety import HOSTILE, IMAGE, LINK, SCRIPT, unsafe_markup

pytestmark = pytest.mark.django_db


@pytest.fixture
def hostile():
    """A meeting whose people and texts carry markup that would run if not escaped."""
    series = SeriesFactory(slug="s", title=f"Series {SCRIPT}")
    meeting = MeetingFactory(
        series=series, number=1, title=f"Meeting {IMAGE}", status=MeetingStatus.HELD
    )
    person = PersonFactory(key="hostile", given_name=SCRIPT, family_name=IMAGE, position=SCRIPT)
    panel = SegmentFactory(meeting=meeting, key="panel", title=f"Panel {SCRIPT}")
    ParticipationFactory(segment=panel, person=person)
    debate = SegmentFactory(
        meeting=meeting, key="debate", kind=SegmentKind.INTERACTIVE_DEBATE, summary=HOSTILE + LINK
    )
    intervention = InterventionFactory(segment=debate, speaker=person, summary=HOSTILE + LINK)
    return {"series": series, "meeting": meeting, "person": person, "turn": intervention}


@pytest.fixture
def secretariat(client, hostile):
    grant = GrantFactory(series=hostile["series"], role=Role.SECRETARIAT)
    client.force_login(grant.user)
    with acting_as(grant.user, via="web"):
        hostile["person"].position = f"Director {IMAGE}"
        hostile["person"].save()
    return client


@pytest.mark.parametrize(
    ("route", "args"),
    [
        ("home", []),
        ("series", ["s"]),
        ("meeting", ["s", 1]),
        ("programme", ["s", 1]),
        ("records", ["s", 1]),
        ("records_segment", ["s", 1, "debate"]),
        ("series_audit", ["s"]),
        ("my_details", ["hostile"]),
        ("speaker_confirmations", ["s"]),
    ],
)
def test_workspace_page_escapes_names_and_sanitises_texts(secretariat, hostile, route, args):
    response = secretariat.get(reverse(f"manage:{route}", args=args))

    assert response.status_code == 200
    assert unsafe_markup(response.content) == []


def test_record_of_a_statement_escapes_the_speaker_and_its_summary(secretariat, hostile):
    url = reverse("manage:records_intervention", args=["s", 1, hostile["turn"].pk])

    response = secretariat.get(url)

    assert unsafe_markup(response.content) == []


def test_people_search_escapes_names(secretariat, hostile):
    response = secretariat.get(reverse("manage:people_search"), {"q": "script"})

    assertContains(response, "&lt;script&gt;")
    assert unsafe_markup(response.content) == []


def test_markdown_preview_strips_scripts_handlers_and_script_links(secretariat):
    response = secretariat.post(
        reverse("manage:markdown_preview"), {"text": f"Some *text*. {HOSTILE} {LINK}"}
    )

    assertContains(response, "<em>text</em>")
    assertNotContains(response, "<script")
    assert unsafe_markup(response.content) == []
