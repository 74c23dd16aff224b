"""GET /api/search: statements found, with links to the record and the report."""

import pytest

from convener.search.domain.index import reindex
from tests.factories import GrantFactory, InterventionFactory

pytestmark = pytest.mark.django_db


def test_search_answers_the_statements_found_with_their_links(client):
    statement = InterventionFactory(summary="Complementary pathways.")
    InterventionFactory(summary="Remittances.")
    reindex()
    meeting = statement.segment.meeting

    body = client.get("/api/search", {"q": "pathways", "mode": "words"}).json()

    assert body["count"] == 1
    (hit,) = body["results"]
    assert hit["intervention"] == statement.pk
    assert hit["snippet"] == "Complementary <mark>pathways</mark>."
    assert hit["meeting_url"].endswith(
        f"/series/{meeting.series.slug}/meetings/{meeting.number}/#statement-{statement.pk}"
    )
    assert hit["report_url"].endswith(
        f"/documents/report/#meeting-{meeting.number}-{statement.segment.key}"
    )


def test_search_filters_by_meeting_of_a_series(client):
    statement = InterventionFactory(summary="Pathways.")
    InterventionFactory(summary="Pathways.")
    reindex()
    meeting = statement.segment.meeting

    body = client.get(
        "/api/search",
        {
            "q": "pathways",
            "mode": "words",
            "series": meeting.series.slug,
            "meeting": meeting.number,
        },
    ).json()

    assert [hit["intervention"] for hit in body["results"]] == [statement.pk]


def test_search_filters_by_every_sdg_target_the_file_and_forms_accept(client):
    health = InterventionFactory(summary="Pathways.", sdg_targets=["3.d"])
    InterventionFactory(summary="Pathways.", sdg_targets=["10.7"])
    reindex()

    body = client.get("/api/search", {"q": "pathways", "mode": "words", "sdg_target": "3.d"})

    assert [hit["intervention"] for hit in body.json()["results"]] == [health.pk]
    assert client.get("/api/search", {"q": "pathways", "sdg_target": "3.e"}).status_code == 400


def test_a_meeting_without_its_series_is_refused(client):
    response = client.get("/api/search", {"q": "pathways", "meeting": 1})

    assert response.status_code == 400


def test_search_pages_with_limit_and_offset(client):
    for _ in range(3):
        InterventionFactory(summary="Pathways.")
    reindex()

    body = client.get("/api/search", {"q": "pathways", "mode": "words", "limit": 2}).json()

    assert (body["count"], len(body["results"])) == (3, 2)
    assert "offset=2" in body["next"]
    assert body["previous"] is None


def test_an_overlong_query_is_refused(client):
    response = client.get("/api/search", {"q": "x" * 501})

    assert response.status_code == 400


def test_the_public_does_not_find_a_record_under_review_but_its_secretariat_does(client):
    statement = InterventionFactory(summary="Pathways.", segment__meeting__record_released_at=None)
    reindex()
    query = {"q": "pathways", "mode": "words"}

    assert client.get("/api/search", query).json()["count"] == 0

    client.force_login(GrantFactory(series=statement.segment.meeting.series).user)
    assert client.get("/api/search", query).json()["count"] == 1
