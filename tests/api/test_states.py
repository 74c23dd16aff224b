import pytest

pytestmark = pytest.mark.django_db


def test_state_list_gives_every_state_by_english_name(client, reference_data):
    body = client.get("/api/states?limit=2").json()

    assert body["count"] == 195
    assert [state["iso3"] for state in body["results"]] == ["AFG", "ALB"]


def test_state_list_filters_by_regional_group(client, reference_data):
    body = client.get("/api/states?regional_group=african&limit=1").json()

    assert body["count"] == 54
    assert body["results"][0]["regional_group"] == "african"


def test_state_detail_gives_an_observer_no_regional_group(client, reference_data):
    body = client.get("/api/states/VAT").json()

    assert (body["status"], body["regional_group"]) == ("observer", None)


def test_state_list_refuses_an_unknown_regional_group(client, reference_data):
    response = client.get("/api/states?regional_group=arctic")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "regional_group"


def test_state_detail_gives_names_regions_and_groups(client, reference_data):
    response = client.get("/api/states/DEU")

    assert response.status_code == 200
    body = response.json()
    assert body["names"]["fr"] == "Allemagne"
    assert body["region"] == {"code": "150", "name": "Europe"}
    assert body["regional_group"] == "western_european_others"
    assert [group["key"] for group in body["groups"]] == ["eu"]


def test_state_detail_of_an_unknown_code_is_not_found(client, reference_data):
    assert client.get("/api/states/XYZ").status_code == 404
