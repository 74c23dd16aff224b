import pytest

from convener.meetings.models import MeetingStatus, SeriesStatus
from convener.publishing.models import HouseStyle
from tests.factories import MeetingFactory, SeriesFactory

pytestmark = pytest.mark.django_db


def slugs(response):
    return [series["slug"] for series in response.json()["results"]]


def test_series_list_gives_the_demo_series(client, demo_series):
    response = client.get("/api/series")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["results"][0]["slug"] == "gmg-2016"
    assert body["results"][0]["convening_group"] == {
        "key": "gmg",
        "name": "Global Migration Group",
        "acronym": "GMG",
    }


def test_series_list_hides_draft_series_from_the_public(client):
    SeriesFactory(slug="published")
    SeriesFactory(slug="draft", status=SeriesStatus.DRAFT)

    assert slugs(client.get("/api/series")) == ["published"]


def test_series_list_hides_draft_series_from_a_token_outside_the_secretariat(client, user_headers):
    SeriesFactory(slug="draft", status=SeriesStatus.DRAFT)

    assert slugs(client.get("/api/series", headers=user_headers)) == []


def test_series_list_shows_draft_series_to_the_secretariat(client, admin_headers):
    SeriesFactory(slug="draft", status=SeriesStatus.DRAFT)

    assert slugs(client.get("/api/series", headers=admin_headers)) == ["draft"]


def test_series_list_orders_by_the_prepared_event_newest_first(client):
    SeriesFactory(slug="older", prepared_event_date="2015-01-01")
    SeriesFactory(slug="undated", prepared_event_date=None)
    SeriesFactory(slug="newer", prepared_event_date="2018-01-01")

    assert slugs(client.get("/api/series")) == ["newer", "older", "undated"]


def test_series_detail_gives_concept_note_references_and_meetings(client, demo_series):
    response = client.get("/api/series/gmg-2016")

    assert response.status_code == 200
    body = response.json()
    assert body["rapporteur"]["key"] == "pierre-bertrand"
    assert [section["kind"] for section in body["concept_note"]][:2] == [
        "introduction",
        "background",
    ]
    assert body["references"][0] == {
        "symbol": "A/70/59",
        "title": "In safety and dignity: addressing large movements of refugees and "
        "migrants — Report of the Secretary-General",
        "sdg_targets": ["10.7"],
    }
    assert [meeting["number"] for meeting in body["meetings"]] == [1, 2, 3, 4]


def test_series_detail_of_a_draft_series_is_not_found_for_the_public(client):
    SeriesFactory(slug="draft", status=SeriesStatus.DRAFT)

    assert client.get("/api/series/draft").status_code == 404


def test_series_detail_of_a_draft_series_is_read_by_the_secretariat(client, admin_headers):
    SeriesFactory(slug="draft", status=SeriesStatus.DRAFT)

    response = client.get("/api/series/draft", headers=admin_headers)

    assert response.status_code == 200
    assert response.json()["status"] == "draft"


def test_series_detail_lists_only_public_meetings_for_the_public(client):
    series = SeriesFactory(slug="s")
    MeetingFactory(series=series, number=1)
    MeetingFactory(series=series, number=2, status=MeetingStatus.DRAFT)

    body = client.get("/api/series/s").json()

    assert [meeting["number"] for meeting in body["meetings"]] == [1]


def test_series_detail_gives_the_report_title_imprint_and_house_style(client, demo_series):
    HouseStyle.objects.create(series=demo_series, body_font="arial", margin_left=30)

    body = client.get("/api/series/gmg-2016").json()

    assert body["meetings_called"] == "multi-stakeholder meetings"
    assert body["imprint"]["copyright_holder"] == "UN Women"
    assert body["imprint"]["copyright_year"] == 2016
    assert body["imprint"]["produced_by"] == (
        "the Economic Empowerment Section of UN Women, New York"
    )
    assert body["house_style"] == {
        "body_font": "arial",
        "heading_font": "times",
        "body_size": 10.0,
        "chapter_size": 14.0,
        "section_size": 12.0,
        "subsection_size": 10.0,
        "margin_top": 25,
        "margin_bottom": 25,
        "margin_left": 30,
        "margin_right": 22,
        "emblem_type": None,
        "emblem_description": "",
        "participation_annex": False,
    }


def test_series_detail_gives_the_un_default_style_where_the_series_set_none(client):
    SeriesFactory(slug="plain")

    style = client.get("/api/series/plain").json()["house_style"]

    assert (style["body_font"], style["body_size"], style["emblem_type"]) == ("times", 10.0, None)


def test_series_gives_the_default_language_of_its_pages(client):
    SeriesFactory(slug="geneva", default_language="fr")

    assert client.get("/api/series/geneva").json()["default_language"] == "fr"
    listed = client.get("/api/series").json()["results"]
    assert [series["default_language"] for series in listed] == ["fr"]
