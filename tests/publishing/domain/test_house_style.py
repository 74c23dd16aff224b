"""Changing a series' house style, and the emblems it takes and refuses."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from convener.audit.models import AuditEntry
from convener.publishing.domain.house_style import emblem_type, update_house_style
from convener.publishing.models import EMBLEM_MAX_BYTES, HouseStyle, Typeface
from tests.factories import AdministratorFactory, SeriesFactory, UserFactory
from tests.publishing.emblems import SVG, picture, svg_with

pytestmark = pytest.mark.django_db


def refusal(data: bytes) -> str:
    with pytest.raises(ValidationError) as refused:
        emblem_type(data)
    return refused.value.messages[0]


def test_update_house_style_starts_from_the_un_default_and_changes_what_it_is_given():
    series = SeriesFactory()

    update_house_style(
        series=series,
        changes={"body_font": Typeface.DEJAVU_SANS, "margin_left": 30},
        by=AdministratorFactory(),
    )

    style = HouseStyle.objects.get(series=series)
    assert (style.body_font, style.margin_left) == (Typeface.DEJAVU_SANS, 30)
    assert (style.heading_font, style.body_size, style.chapter_size) == (
        Typeface.TIMES,
        Decimal(10),
        Decimal(14),
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("body_size", Decimal(30)),
        ("body_size", Decimal("10.3")),
        ("chapter_size", Decimal(4)),
        ("margin_top", 2),
        ("margin_right", 80),
        ("body_font", "comic-sans"),
    ],
)
def test_update_house_style_refuses_a_value_out_of_bounds_and_saves_nothing(field, value):
    series = SeriesFactory()

    with pytest.raises(ValidationError) as refused:
        update_house_style(
            series=series,
            changes={"margin_left": 30, field: value},
            by=AdministratorFactory(),
        )

    assert list(refused.value.message_dict) == [field]
    assert not HouseStyle.objects.exists()


def test_update_house_style_is_refused_to_one_who_does_not_manage_the_series():
    with pytest.raises(PermissionDenied):
        update_house_style(series=SeriesFactory(), changes={}, by=UserFactory())


def test_update_house_style_stores_an_emblem_with_its_type_and_removes_it():
    series = SeriesFactory()
    by = AdministratorFactory()

    update_house_style(series=series, changes={}, emblem=picture("JPEG"), by=by)
    stored = HouseStyle.objects.get(series=series)
    update_house_style(series=series, changes={}, remove_emblem=True, by=by)
    stored.refresh_from_db()

    assert stored.emblem_type == ""
    assert bytes(stored.emblem) == b""


def test_update_house_style_refuses_a_file_that_is_not_an_image_and_keeps_the_emblem():
    series = SeriesFactory()
    by = AdministratorFactory()
    update_house_style(series=series, changes={}, emblem=picture("PNG"), by=by)

    with pytest.raises(ValidationError) as refused:
        update_house_style(series=series, changes={}, emblem=b"%PDF-1.7 a document", by=by)

    assert list(refused.value.message_dict) == ["emblem"]
    assert HouseStyle.objects.get(series=series).emblem_type == "image/png"


def test_the_audit_log_records_an_emblem_by_its_size_and_digest_not_its_bytes():
    series = SeriesFactory()

    update_house_style(series=series, changes={}, emblem=picture("PNG"), by=AdministratorFactory())

    logged = AuditEntry.objects.get(target_type="publishing.HouseStyle").changes["emblem"][1]
    assert logged.startswith(f"{len(picture('PNG'))} bytes, SHA-256 ")


@pytest.mark.parametrize(
    ("data", "kind"),
    [(picture("PNG"), "image/png"), (picture("JPEG"), "image/jpeg"), (SVG, "image/svg+xml")],
)
def test_an_emblem_is_a_png_jpeg_or_svg_image(data, kind):
    assert emblem_type(data) == kind


def test_an_emblem_is_refused_over_its_limit():
    too_large = picture("PNG") + b"\0" * (EMBLEM_MAX_BYTES // 2 * 3)

    assert refusal(too_large).startswith(
        "The emblem's file is 1.5\xa0MB; an emblem may be 1.0\xa0MB at most"
    )


@pytest.mark.parametrize(
    "data",
    [
        b"GIF89a not a picture we take",
        picture("GIF"),
        picture("PNG")[:40],  # cut short
        b"<html><body>not a drawing</body></html>",
        b"<svg xmlns='http://www.w3.org/2000/svg'",  # not well-formed
    ],
)
def test_an_emblem_that_is_no_png_jpeg_or_svg_is_refused(data):
    assert (
        refusal(data) == "The emblem must be a PNG, JPEG or SVG image; this file is none of them."
    )


@pytest.mark.parametrize(
    "inside",
    [
        b"<script>alert(1)</script>",
        b'<rect width="1" height="1" onclick="alert(1)"/>',
        b'<image href="https://example.org/logo.png" width="9" height="9"/>',
        b'<image xlink:href="file:///etc/passwd" width="9" height="9"/>',
        b'<use href="other.svg#shape"/>',
        b'<rect width="1" height="1" style="fill: url(https://example.org/x)"/>',
        b"<style>@import url(https://example.org/a.css);</style>",
        b"<foreignObject><p xmlns='http://www.w3.org/1999/xhtml'>text</p></foreignObject>",
    ],
)
def test_an_svg_emblem_with_more_than_a_drawing_is_refused(inside):
    assert refusal(svg_with(inside)).startswith("The emblem's SVG holds more than a drawing")


@pytest.mark.parametrize(
    "data",
    [
        b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
        b'<?xml-stylesheet href="https://example.org/a.css"?>' + SVG.split(b"?>", 1)[1],
    ],
)
def test_an_svg_emblem_with_a_document_type_or_a_stylesheet_is_refused(data):
    assert refusal(data).startswith("The emblem's SVG holds more than a drawing")


def test_an_svg_emblem_may_hold_a_picture_of_its_own_and_internal_links():
    drawing = svg_with(
        b'<image href="data:image/png;base64,iVBORw0KGgo=" width="9" height="9"/>'
        b'<use xlink:href="#shape"/>'
    )

    assert emblem_type(drawing) == "image/svg+xml"
