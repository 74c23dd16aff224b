import pytest

from tests.factories import SeriesFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_series():
    for number in range(5):
        SeriesFactory(slug=f"series-{number}", title=f"Series {number}")


def test_first_page_links_to_the_next(client, five_series):
    body = client.get("/api/series?limit=2").json()

    assert body["count"] == 5
    assert [series["slug"] for series in body["results"]] == ["series-0", "series-1"]
    assert body["next"] == "http://testserver/api/series?limit=2&offset=2"
    assert body["previous"] is None


def test_middle_page_links_both_ways(client, five_series):
    body = client.get("/api/series?limit=2&offset=2").json()

    assert body["next"] == "http://testserver/api/series?limit=2&offset=4"
    assert body["previous"] == "http://testserver/api/series?limit=2&offset=0"


def test_last_page_has_no_next(client, five_series):
    body = client.get("/api/series?limit=2&offset=4").json()

    assert [series["slug"] for series in body["results"]] == ["series-4"]
    assert body["next"] is None


def test_page_links_keep_the_filters(client, demo_series):
    body = client.get("/api/meetings?series=gmg-2016&limit=1").json()

    assert body["next"] == "http://testserver/api/meetings?series=gmg-2016&limit=1&offset=1"


def test_pages_cover_every_item_once(client, demo_series):
    seen = []
    url = "/api/interventions?limit=7"
    while url:
        body = client.get(url).json()
        seen += [item["id"] for item in body["results"]]
        url = body["next"]

    assert len(seen) == len(set(seen)) == 65


def test_offset_past_the_end_gives_an_empty_page_pointing_back(client, five_series):
    body = client.get("/api/series?limit=2&offset=1000000000000000000000").json()

    assert body["results"] == []
    assert body["previous"] == "http://testserver/api/series?limit=2&offset=3"


def test_default_page_holds_twenty(client, reference_data):
    assert len(client.get("/api/states").json()["results"]) == 20


@pytest.mark.parametrize("query", ["limit=0", "limit=101", "offset=-1", "limit=ten"])
def test_limit_and_offset_out_of_bounds_are_bad_requests(client, query):
    response = client.get(f"/api/series?{query}")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["location"] == "query"
