import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from convener.meetings.models import SeriesStatus
from tests.factories import (
    ConveningGroupChairFactory,
    OrganisationFactory,
    SeriesFactory,
    secretariat_of,
)

pytestmark = pytest.mark.django_db

HOME = reverse("public:home")


def test_home_lists_a_published_series_with_link(client):
    series = SeriesFactory(title="GMG multi-stakeholder meetings 2016")

    response = client.get(HOME)

    assertContains(
        response,
        f'<a href="/series/{series.slug}/">GMG multi-stakeholder meetings 2016</a>',
        html=True,
    )


def test_home_names_the_event_prepared_and_its_date(client):
    SeriesFactory(
        prepared_event="UN Summit for Refugees and Migrants",
        prepared_event_date=datetime.date(2016, 9, 19),
    )

    response = client.get(HOME)

    assertContains(
        response,
        "<dd><bdi>UN Summit for Refugees and Migrants</bdi>, <bdi>19 September 2016</bdi></dd>",
        html=True,
    )


def test_home_names_the_convening_group_and_its_chair_that_year(client):
    series = SeriesFactory(
        convening_group__name="Global Migration Group",
        convening_group__acronym="GMG",
        prepared_event_date=datetime.date(2016, 9, 19),
    )
    un_women = OrganisationFactory(name="UN Women", acronym="")
    ConveningGroupChairFactory(group=series.convening_group, organisation=un_women, year=2016)
    ConveningGroupChairFactory(group=series.convening_group, year=2017)

    response = client.get(HOME)

    assertContains(response, "<dd><bdi>Global Migration Group (GMG)</bdi></dd>", html=True)
    assertContains(response, "<dt>Chair in 2016</dt><dd>UN Women</dd>", html=True)


def test_home_hides_a_draft_series_from_the_public(client):
    SeriesFactory(title="Series in preparation", status=SeriesStatus.DRAFT)

    response = client.get(HOME)

    assertNotContains(response, "Series in preparation")


def test_home_shows_a_draft_series_to_its_secretariat_marked_as_draft(client):
    series = SeriesFactory(title="Series in preparation", status=SeriesStatus.DRAFT)
    client.force_login(secretariat_of(series))

    response = client.get(HOME)

    assertContains(
        response,
        f'<h2><a href="/series/{series.slug}/">Series in preparation</a>'
        ' <span class="badge">Draft</span></h2>',
        html=True,
    )


def test_home_says_so_when_nothing_is_published(client):
    response = client.get(HOME)

    assertContains(response, "No meeting series has been published yet.")


def test_home_query_count_is_one_however_many_series(client, django_assert_num_queries):
    for _ in range(5):
        series = SeriesFactory()
        ConveningGroupChairFactory(group=series.convening_group, year=2016)

    # The page's own queries, and one for the revision that keys the page cache.
    with django_assert_num_queries(1 + 1):
        client.get(HOME)
