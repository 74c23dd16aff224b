"""The report's title and imprint and the house style in the series data format:
written by the export, read back unchanged, and checked on the way in."""

import base64
import json
from decimal import Decimal

import pytest

from convener.audit.actors import command_line_operator
from convener.exchange.domain.importer import import_file
from convener.exchange.interfaces.export import series_document, to_json, to_yaml
from convener.meetings.models import Series
from convener.publishing.models import HouseStyle
from tests.exchange.conftest import VALID_SERIES
from tests.exchange.test_export import empty_the_database, exported_data, import_bytes
from tests.exchange.test_import import import_errors
from tests.factories import SeriesFactory
from tests.publishing.emblems import SVG, picture, svg_with

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

REPORT_SETTINGS = """\
  report:
    meetings_called: multi-stakeholder meetings
    imprint:
      copyright_holder: UN Women
      copyright_year: 2016
      produced_by: the Economic Empowerment Section of UN Women, New York
      about: What the report records.
  house_style:
    body_font: dejavu-sans
    body_size: 10.5
    margin_left: 30
    emblem_description: Emblem of UN Women
    emblem: {emblem}
"""


def data_uri(data: bytes, kind: str) -> str:
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"


@pytest.fixture
def settings_file(series_file):
    """The test series' file with the report settings and a house style, changed by `values`."""

    def write(**values):
        settings = REPORT_SETTINGS.format(emblem=data_uri(picture("PNG"), "image/png"))
        text = VALID_SERIES.replace("\nmeetings:\n", f"\n{settings}meetings:\n", 1)
        for old, new in values.items():
            text = text.replace(old, new)
        return series_file(text)

    return write


def test_import_stores_the_report_title_imprint_and_house_style(settings_file):
    import_file(path=settings_file(), by=command_line_operator())

    series = Series.objects.get(slug="test-series")
    assert series.meetings_called == "multi-stakeholder meetings"
    assert (series.copyright_holder, series.copyright_year) == ("UN Women", 2016)
    assert series.produced_by == "the Economic Empowerment Section of UN Women, New York"
    assert series.report_about == "What the report records."
    style = HouseStyle.objects.get(series=series)
    assert (style.body_font, style.body_size, style.margin_left, style.margin_top) == (
        "dejavu-sans",
        Decimal("10.5"),
        30,
        25,
    )
    assert (style.emblem_type, bytes(style.emblem)) == ("image/png", picture("PNG"))
    assert style.emblem_description == "Emblem of UN Women"


@pytest.mark.parametrize("write", [to_yaml, to_json])
def test_export_round_trip_carries_the_report_settings_and_house_style(
    settings_file, tmp_path, write
):
    series = import_file(path=settings_file(), by=command_line_operator()).series
    exported = write(series)
    empty_the_database()

    again = import_bytes(exported, tmp_path / "again.file")

    assert write(again) == exported
    assert bytes(HouseStyle.objects.get(series=again).emblem) == picture("PNG")


def test_export_writes_the_house_style_only_where_it_differs_from_the_un_default():
    plain, styled = SeriesFactory(), SeriesFactory()
    HouseStyle.objects.create(series=plain)
    HouseStyle.objects.create(
        series=styled, chapter_size=Decimal(16), emblem=SVG, emblem_type="image/svg+xml"
    )

    assert "house_style" not in exported_data(plain)["series"]
    assert json.loads(to_json(styled))["series"]["house_style"] == {
        "chapter_size": 16.0,
        "emblem": data_uri(SVG, "image/svg+xml"),
    }
    assert series_document(styled).series.house_style.emblem.startswith("data:image/svg+xml")


def test_reimport_without_a_house_style_keeps_the_stored_one(settings_file, series_file):
    import_file(path=settings_file(), by=command_line_operator())

    import_file(path=series_file(), by=command_line_operator())

    assert HouseStyle.objects.get().body_font == "dejavu-sans"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"body_size: 10.5": "body_size: 30"}, "series.house_style.body_size"),
        ({"body_size: 10.5": "body_size: 10.3"}, "series.house_style.body_size"),
        ({"margin_left: 30": "margin_left: 3"}, "series.house_style.margin_left"),
        ({"body_font: dejavu-sans": "body_font: comic-sans"}, "series.house_style.body_font"),
        ({"copyright_year: 2016": "copyright_year: 1816"}, "series.report.imprint.copyright_year"),
    ],
)
def test_import_refuses_a_style_or_imprint_value_out_of_bounds(settings_file, change, problem):
    errors = import_errors(settings_file(**change))

    assert any(problem in error for error in errors), errors
    assert not Series.objects.exists()


@pytest.mark.parametrize(
    ("emblem", "problem"),
    [
        (data_uri(b"not a picture", "image/png"), "must be a PNG, JPEG or SVG image"),
        (data_uri(picture("JPEG"), "image/png"), "the emblem is image/jpeg, not image/png"),
        (data_uri(svg_with(b"<script>alert(1)</script>"), "image/svg+xml"), "more than a drawing"),
        ("https://example.org/logo.png", "write the emblem as a data URI"),
        ("data:image/png;base64,%%%", "write the emblem as a data URI"),
    ],
)
def test_import_refuses_an_emblem_that_is_not_the_image_it_says(settings_file, emblem, problem):
    png = data_uri(picture("PNG"), "image/png")

    errors = import_errors(settings_file(**{png: emblem}))

    assert any("series.house_style.emblem" in error and problem in error for error in errors), (
        errors
    )
    assert not Series.objects.exists()


def test_the_series_file_turns_on_the_reports_figures_annex_and_exports_it(settings_file):
    path = settings_file(
        **{"    margin_left: 30\n": "    margin_left: 30\n    participation_annex: true\n"}
    )

    series = import_file(path=path, by=command_line_operator()).series

    assert HouseStyle.objects.get(series=series).participation_annex is True
    assert exported_data(series)["series"]["house_style"]["participation_annex"] is True


def test_import_refuses_a_figures_annex_that_is_not_true_or_false(settings_file):
    path = settings_file(
        **{"    margin_left: 30\n": "    margin_left: 30\n    participation_annex: often\n"}
    )

    errors = import_errors(path)

    assert any("series.house_style.participation_annex" in error for error in errors), errors
