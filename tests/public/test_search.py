"""The public search page: a form of labelled fields, read from the address,
and the statements found, each linked to its meeting's record and the report."""

import pytest
from django.urls import reverse

from convener.search.domain.index import reindex
from tests.factories import InterventionFactory

pytestmark = pytest.mark.django_db

URL = reverse("public:search")


def test_the_page_without_a_query_offers_the_form_and_no_results(client):
    response = client.get(URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert 'role="search"' in content
    for name in (
        "q",
        "series",
        "meeting",
        "date_from",
        "speaker",
        "delegation",
        "state",
        "regional_group",
        "state_group",
        "organisation_kind",
        "capacity",
        "segment_kind",
        "sdg_target",
    ):
        assert f'<label for="id_{name}">' in content
    assert "Statements found" not in content


def test_a_statement_found_links_to_its_meeting_record_and_to_the_report(client):
    statement = InterventionFactory(summary="Complementary <pathways> for refugees.")
    reindex()
    meeting = statement.segment.meeting

    response = client.get(URL, {"q": "pathways", "mode": "words"})

    content = response.content.decode()
    meeting_page = reverse("public:meeting", args=[meeting.series.slug, meeting.number])
    report = reverse("public:series_document", args=[meeting.series.slug, "report"])
    assert f'href="{meeting_page}#statement-{statement.pk}"' in content
    assert f'href="{report}#meeting-{meeting.number}-{statement.segment.key}"' in content
    assert "Complementary &lt;<mark>pathways</mark>&gt; for refugees." in content


def test_the_meeting_record_has_the_statement_anchor(client):
    statement = InterventionFactory(summary="Pathways.")
    meeting = statement.segment.meeting

    response = client.get(reverse("public:meeting", args=[meeting.series.slug, meeting.number]))

    assert f'id="statement-{statement.pk}"' in response.content.decode()


def test_the_report_has_the_anchor_of_the_statement_part_of_the_meeting(client):
    statement = InterventionFactory(summary="Pathways.")
    meeting = statement.segment.meeting

    response = client.get(reverse("public:series_document", args=[meeting.series.slug, "report"]))

    assert f'id="meeting-{meeting.number}-{statement.segment.key}"' in response.content.decode()


def test_the_public_page_finds_no_record_under_review_even_for_its_secretariat(client):
    from tests.factories import GrantFactory

    statement = InterventionFactory(summary="Pathways.", segment__meeting__record_released_at=None)
    client.force_login(GrantFactory(series=statement.segment.meeting.series).user)
    reindex()

    response = client.get(URL, {"q": "pathways", "mode": "words"})

    assert "No statement found" in response.content.decode()


def test_results_come_a_page_at_a_time(client):
    for _ in range(25):
        InterventionFactory(summary="Pathways.")
    reindex()

    first = client.get(URL, {"q": "pathways", "mode": "words"}).content.decode()
    second = client.get(URL, {"q": "pathways", "mode": "words", "page": 2}).content.decode()

    assert first.count('class="search-hit__who"') == 20
    assert "Statements 1 to 20 of 25" in first
    assert 'rel="next"' in first
    assert second.count('class="search-hit__who"') == 5
    assert "Statements 21 to 25 of 25" in second
    assert 'rel="prev"' in second


def test_an_overlong_query_is_refused_with_a_message(client):
    response = client.get(URL, {"q": "x" * 501})

    assert response.status_code == 200
    assert "Ensure this value has at most 500 characters" in response.content.decode()


def test_a_filter_value_not_offered_is_refused(client):
    response = client.get(URL, {"q": "pathways", "series": "not-a-series"})

    assert "Select a valid choice" in response.content.decode()


def test_the_page_costs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(10):
        InterventionFactory(summary="Pathways.")
    reindex()

    with django_assert_max_num_queries(20):
        client.get(URL, {"q": "pathways", "mode": "words"})
