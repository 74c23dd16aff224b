"""The public dashboards: each chart with its table and its CSV, linked from
the pages of the series, meeting, State and organisation."""

import csv
import io

import pytest
from django.urls import reverse
from lxml import html
from pytest_django.asserts import assertContains

from tests.factories import InterventionFactory, MeetingFactory, secretariat_of

pytestmark = pytest.mark.django_db

MEETING_3 = ("gmg-2016", 3)


def sections(response):
    return html.fromstring(response.content).xpath("//section[@class='figure']")


def table_rows(section):
    return [
        (row.xpath("th")[0].text_content(), row.xpath("td")[0].text_content())
        for row in section.xpath(".//table/tbody/tr")
    ]


def test_each_chart_of_the_meeting_has_a_table_with_a_caption_and_headers(client, demo_series):
    response = client.get(reverse("public:meeting_figures", args=MEETING_3))

    assert response.status_code == 200
    charts = sections(response)
    assert len(charts) >= 5
    for section in charts:
        title = section.xpath("h2")[0].text_content()
        assert section.xpath(".//svg[@role='img']/title")[0].text_content() == title
        assert section.xpath(".//table/caption")[0].text_content() == title
        assert [th.get("scope") for th in section.xpath(".//thead//th")] == ["col", "col"]
        assert {th.get("scope") for th in section.xpath(".//tbody//th")} == {"row"}


def test_the_meeting_table_of_regional_groups_lists_the_six_member_states_groups(
    client, demo_series
):
    response = client.get(reverse("public:meeting_figures", args=MEETING_3))

    groups = next(s for s in sections(response) if s.get("aria-labelledby").startswith("regional"))
    assert table_rows(groups) == [
        ("African Group", "1"),
        ("Asia-Pacific Group", "1"),
        ("Latin American and Caribbean Group", "1"),
        ("Western European and Others Group", "3"),
    ]


def test_the_csv_of_a_chart_matches_its_table(client, demo_series):
    page = client.get(reverse("public:series_figures", args=["gmg-2016"]))
    for section in sections(page):
        link = section.xpath(".//a[@download]")[0].get("href")
        download = client.get(reverse("public:series_figures", args=["gmg-2016"]) + link)
        lines = list(csv.reader(io.StringIO(download.content.decode())))
        assert download["Content-Type"] == "text/csv; charset=utf-8"
        assert [tuple(line) for line in lines[1:]] == table_rows(section)


def test_an_unknown_figure_is_not_found(client, demo_series):
    response = client.get(reverse("public:series_figure_csv", args=["gmg-2016", "no-such"]))

    assert response.status_code == 404


def test_series_meeting_state_and_organisation_pages_link_to_their_figures(client, demo_series):
    pages = {
        reverse("public:series", args=["gmg-2016"]): reverse(
            "public:series_figures", args=["gmg-2016"]
        ),
        reverse("public:meeting", args=MEETING_3): reverse(
            "public:meeting_figures", args=MEETING_3
        ),
        reverse("public:state", args=["ZMB"]): reverse("public:state_figures", args=["ZMB"]),
        reverse("public:organisation", args=["unhcr"]): reverse(
            "public:organisation_figures", args=["unhcr"]
        ),
    }
    for page, figures in pages.items():
        assertContains(client.get(page), f'href="{figures}"')
        assert client.get(figures).status_code == 200


def test_a_record_not_released_is_not_counted_on_the_public_dashboard(client):
    meeting = MeetingFactory(record_released_at=None)
    InterventionFactory(segment__meeting=meeting)

    response = client.get(
        reverse("public:meeting_figures", args=[meeting.series.slug, meeting.number])
    )

    assertContains(response, "The figures count 0 turns on the floor.")
    assert sections(response) == []


def test_the_arabic_dashboard_is_right_to_left(client, demo_series):
    response = client.get("/ar" + reverse("public:series_figures", args=["gmg-2016"]))

    root = html.fromstring(response.content)
    assert root.get("dir") == "rtl"
    assert len(root.xpath("//section[@class='figure']//table")) == len(sections(response))


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("public:series_figures", ["gmg-2016"]),
        ("public:meeting_figures", ["gmg-2016", 3]),
        ("public:state_figures", ["ZMB"]),
        ("public:organisation_figures", ["unhcr"]),
    ],
)
def test_a_dashboard_costs_a_fixed_number_of_queries(
    client, demo_series, django_assert_max_num_queries, name, args
):
    with django_assert_max_num_queries(15):
        response = client.get(reverse(name, args=args))

    assert response.status_code == 200


def test_the_public_dashboard_counts_released_records_only_even_for_the_secretariat(client):
    meeting = MeetingFactory(record_released_at=None)
    InterventionFactory(segment__meeting=meeting)
    client.force_login(secretariat_of(meeting.series))

    response = client.get(
        reverse("public:meeting_figures", args=[meeting.series.slug, meeting.number])
    )

    assertContains(response, "The figures count 0 turns on the floor.")
