"""The public list of a series' commitments and recommendations."""

import pytest
from django.urls import reverse

from convener.audit.actors import command_line_operator
from convener.commitments.domain.marking import mark_unit
from convener.commitments.domain.tracking import set_commitment_status
from tests.factories import InterventionFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def confirm(statement, kind="commitment"):
    return mark_unit(
        intervention=statement, source="point", position=0, kind=kind, by=command_line_operator()
    )


def test_public_page_lists_confirmed_items_of_released_records_only(client):
    shown = InterventionFactory(points=["We will open 500 places."])
    series = shown.segment.meeting.series
    hidden = InterventionFactory(
        segment__meeting=MeetingFactory(series=series, record_released_at=None),
        points=["We will keep this quiet."],
    )
    mark = confirm(shown)
    confirm(hidden)
    set_commitment_status(
        mark=mark, status="under_way", note="Half done.", by=command_line_operator()
    )

    page = client.get(reverse("public:series_commitments", args=[series.slug])).text

    assert "We will open 500 places." in page
    assert 'data-status="under_way"' in page
    assert "Half done." in page
    assert f"#statement-{shown.pk}" in page
    assert "We will keep this quiet." not in page


def test_public_page_filters_by_kind_and_ignores_an_unknown_status(client):
    commitment = InterventionFactory(points=["We will open 500 places."])
    series = commitment.segment.meeting.series
    confirm(commitment)
    confirm(
        InterventionFactory(segment=commitment.segment, points=["States should act."]),
        "recommendation",
    )
    url = reverse("public:series_commitments", args=[series.slug])

    only = client.get(url, {"kind": "recommendation", "status": "<script>"}).text

    assert "States should act." in only
    assert "We will open 500 places." not in only


def test_public_page_of_an_unknown_series_is_not_found(client):
    assert client.get(reverse("public:series_commitments", args=["nowhere"])).status_code == 404


def test_the_meeting_page_anchors_each_statement(client):
    statement = InterventionFactory()
    meeting = statement.segment.meeting

    page = client.get(reverse("public:meeting", args=[meeting.series.slug, meeting.number])).text

    assert f'id="statement-{statement.pk}"' in page
