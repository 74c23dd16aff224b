"""A series' house style page in the workspace, and the series form's imprint fields.

The style page is the one page that takes a file: the emblem, a PNG, JPEG or
SVG image of up to 1 MB. A refusal says which value and why, keeps what was
typed, and saves nothing.
"""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from convener.meetings.models import Series, SeriesStatus
from convener.publishing.models import EMBLEM_MAX_BYTES, HouseStyle
from convener.roles.models import Role
from tests.factories import GrantFactory, SeriesFactory
from tests.publishing.emblems import picture, svg_with

pytestmark = pytest.mark.django_db

STYLE = {
    "body_font": "dejavu-serif",
    "heading_font": "arial",
    "body_size": "11",
    "chapter_size": "16",
    "section_size": "13",
    "subsection_size": "11",
    "margin_top": "20",
    "margin_bottom": "20",
    "margin_left": "30",
    "margin_right": "20",
}


@pytest.fixture
def series():
    return SeriesFactory(slug="gmg-2017", status=SeriesStatus.DRAFT)


@pytest.fixture
def secretariat(client, series):
    user = GrantFactory(series=series, role=Role.SECRETARIAT).user
    client.force_login(user)
    return user


def style_url() -> str:
    return reverse("manage:house_style", args=["gmg-2017"])


def upload(data: bytes, name: str = "emblem.png", kind: str = "image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=kind)


def test_the_style_page_shows_the_un_default_to_start_from(client, secretariat):
    response = client.get(style_url())

    assertContains(response, 'name="body_size" value="10"')
    assertContains(response, 'name="chapter_size" value="14"')
    assertContains(response, '<option value="times" selected>')
    assertContains(response, 'enctype="multipart/form-data"')


def test_the_series_overview_links_the_style_page(client, secretariat):
    assertContains(client.get(reverse("manage:series", args=["gmg-2017"])), style_url())


def test_saving_the_style_stores_its_values_and_the_emblem(client, secretariat, series):
    response = client.post(style_url(), {**STYLE, "emblem": upload(picture("PNG"))})

    assertRedirects(response, reverse("manage:series", args=["gmg-2017"]))
    style = HouseStyle.objects.get(series=series)
    assert (style.body_font, style.body_size, style.margin_left) == ("dejavu-serif", 11, 30)
    assert (style.emblem_type, bytes(style.emblem)) == ("image/png", picture("PNG"))


def test_a_size_out_of_range_is_refused_keeping_what_was_typed(client, secretariat, series):
    response = client.post(style_url(), {**STYLE, "body_size": "30", "margin_left": "31"})

    assert response.status_code == 200
    assertContains(response, "Nothing was saved")
    assertContains(response, 'href="#id_body_size"')
    assertContains(response, "Ensure this value is less than or equal to 14.")
    assertContains(response, 'name="margin_left" value="31"')
    assert not HouseStyle.objects.exists()


def test_a_size_between_half_points_is_refused(client, secretariat):
    response = client.post(style_url(), {**STYLE, "body_size": "10.3"})

    assertContains(response, 'href="#id_body_size"')
    assert not HouseStyle.objects.exists()


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_saved(client, secretariat):
    notes = upload(b"Meeting notes, not a picture.", "notes.png")

    response = client.post(style_url(), {**STYLE, "margin_left": "33", "emblem": notes})

    assertContains(response, "The emblem must be a PNG, JPEG or SVG image")
    assertContains(response, "choose it again")
    assertContains(response, 'name="margin_left" value="33"')
    assert not HouseStyle.objects.exists()


def test_an_svg_with_a_script_is_refused(client, secretariat):
    drawing = upload(svg_with(b"<script>alert(1)</script>"), "emblem.svg", "image/svg+xml")

    response = client.post(style_url(), {**STYLE, "emblem": drawing})

    assertContains(response, "SVG holds more than a drawing (a script")
    assert not HouseStyle.objects.exists()


def test_an_emblem_over_the_limit_is_refused_with_its_size(client, secretariat, series):
    HouseStyle.objects.create(series=series, emblem=picture("PNG"), emblem_type="image/png")
    too_large = upload(picture("PNG") + b"\0" * (2 * EMBLEM_MAX_BYTES))

    response = client.post(style_url(), {**STYLE, "emblem": too_large})

    assertContains(response, "file is 2.0\xa0MB; an emblem may be 1.0\xa0MB at most")
    assert bytes(HouseStyle.objects.get().emblem) == picture("PNG")
    assert HouseStyle.objects.get().body_font == "times"


def test_the_stored_emblem_is_shown_and_can_be_removed(client, secretariat, series):
    HouseStyle.objects.create(series=series, emblem=picture("PNG"), emblem_type="image/png")

    shown = client.get(style_url())
    client.post(style_url(), {**STYLE, "remove_emblem": "on"})

    assertContains(shown, 'src="data:image/png;base64,')
    assert HouseStyle.objects.get().emblem_type == ""


def test_a_rapporteur_cannot_open_the_style_page(client, series):
    client.force_login(GrantFactory(series=series, role=Role.RAPPORTEUR).user)

    assert client.get(style_url()).status_code == 403
    assert client.post(style_url(), STYLE).status_code == 403


def test_a_file_sent_to_another_page_is_still_refused(client, secretariat):
    response = client.post(
        reverse("manage:series_edit", args=["gmg-2017"]),
        {"title": "Renamed", "timezone": "UTC", "emblem": upload(picture("PNG"))},
    )

    assert response.status_code == 400
    assert Series.objects.get().title != "Renamed"


def test_the_series_form_edits_the_report_title_and_imprint(client, secretariat, series):
    response = client.post(
        reverse("manage:series_edit", args=["gmg-2017"]),
        {
            "title": series.title,
            "timezone": series.timezone,
            "meetings_called": "multi-stakeholder meetings",
            "copyright_holder": "UN Women",
            "copyright_year": "2016",
            "produced_by": "the Economic Empowerment Section of UN Women, New York",
            "report_about": "What the report records.",
        },
    )

    assertRedirects(response, reverse("manage:series", args=["gmg-2017"]))
    series.refresh_from_db()
    assert (series.copyright_holder, series.copyright_year) == ("UN Women", 2016)
    assert series.produced_by == "the Economic Empowerment Section of UN Women, New York"
    assert (series.meetings_called, series.report_about) == (
        "multi-stakeholder meetings",
        "What the report records.",
    )


def test_the_series_form_refuses_a_copyright_year_out_of_range_keeping_the_imprint(
    client, secretariat, series
):
    response = client.post(
        reverse("manage:series_edit", args=["gmg-2017"]),
        {
            "title": series.title,
            "timezone": series.timezone,
            "copyright_holder": "UN Women",
            "copyright_year": "1816",
        },
    )

    assertContains(response, 'href="#id_copyright_year"')
    assertContains(response, 'value="UN Women"')
    series.refresh_from_db()
    assert series.copyright_holder == ""


def test_the_series_form_refuses_a_producing_unit_on_two_lines(client, secretariat, series):
    response = client.post(
        reverse("manage:series_edit", args=["gmg-2017"]),
        {"title": series.title, "timezone": series.timezone, "produced_by": "a unit\nNew York"},
    )

    assertContains(response, "Write this on one line, without line breaks.")
    assert Series.objects.get().produced_by == ""


def test_saved_style_values_read_back_as_numbers(client, secretariat, series):
    client.post(style_url(), {**STYLE, "body_size": "10.5"})

    assert HouseStyle.objects.get(series=series).body_size == Decimal("10.5")


def test_the_style_page_turns_on_the_reports_figures_annex(client, secretariat, series):
    response = client.post(style_url(), {**STYLE, "participation_annex": "on"})

    assertRedirects(response, reverse("manage:series", args=["gmg-2017"]))
    assert HouseStyle.objects.get(series=series).participation_annex is True
