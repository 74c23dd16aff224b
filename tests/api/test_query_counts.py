"""Every list costs a fixed number of queries, however many items a page holds:
the count and the page (plus, with a token, finding it and noting its use; for
interventions, one more for their texts in other languages)."""

import pytest

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/series",
    "/api/meetings",
    "/api/meetings?state=MEX&organisation=unhcr&person=lakshmi-puri",
    "/api/people",
    "/api/people?series=gmg-2016&organisation=unhcr",
    "/api/organisations",
    "/api/states",
]
# Lists that also read their rows' texts in other languages, in one query.
TRANSLATED_LISTS = [
    "/api/interventions",
    "/api/interventions?series=gmg-2016&meeting=1&capacity=national",
]
DETAILS = {
    # With one query for the texts in other languages of each kind of row shown.
    "/api/series/gmg-2016": 6 + 1,
    "/api/meetings/gmg-2016/1": 6 + 3,
    "/api/people/lakshmi-puri": 5,
    "/api/organisations/unhcr": 3,
    "/api/states/DEU": 2,
}
TOKEN_QUERIES = 2  # finding the token, noting its use


def with_full_page(url):
    return url + ("&" if "?" in url else "?") + "limit=100"


@pytest.mark.parametrize("url", LISTS + TRANSLATED_LISTS)
def test_list_for_the_public_takes_two_queries(
    client, demo_series, url, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2 + (url in TRANSLATED_LISTS)):
        response = client.get(with_full_page(url))

    assert response.status_code == 200
    assert response.json()["results"]


@pytest.mark.parametrize("url", LISTS + TRANSLATED_LISTS)
def test_list_with_a_token_takes_two_more_queries(
    client, demo_series, admin_headers, url, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2 + TOKEN_QUERIES + (url in TRANSLATED_LISTS)):
        response = client.get(with_full_page(url), headers=admin_headers)

    assert response.status_code == 200


@pytest.mark.parametrize(("url", "queries"), DETAILS.items())
def test_detail_takes_a_fixed_number_of_queries(
    client, demo_series, url, queries, django_assert_max_num_queries
):
    with django_assert_max_num_queries(queries):
        response = client.get(url)

    assert response.status_code == 200


def test_intervention_detail_takes_one_query(client, demo_series, django_assert_max_num_queries):
    pk = client.get("/api/interventions?limit=1").json()["results"][0]["id"]

    # and one for its texts in other languages
    with django_assert_max_num_queries(1 + 1):
        assert client.get(f"/api/interventions/{pk}").status_code == 200
