"""Every stylesheet lays out by start and end, not by left and right, so that a
right-to-left page mirrors without a stylesheet of its own."""

from __future__ import annotations

import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from tests.i18n.catalogues import ROOT
from tests.i18n.stylesheets import STYLESHEETS, physical_declarations, physical_declarations_in

# WeasyPrint prints the documents with publishing/static/publishing/print.css.
# Its documentation ("CSS Logical Properties and Values Module Level 1" in its
# API reference) reads every logical property based on start, end, block and
# inline from version 69 (changelog: "Support logical properties"), and the
# `start` and `end` values of `text-align` ("CSS Text Module Level 3"): so the
# print stylesheet is held to the same rule as the others, and Convener
# requires that version.
WEASYPRINT_READING_LOGICAL_PROPERTIES = Version("69")


def test_the_project_has_stylesheets_to_check():
    names = {path.name for path in STYLESHEETS}

    assert {"convener.css", "manage.css", "live.css", "print.css"} <= names


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_stylesheet_names_no_left_or_right(path):
    assert [str(found) for found in physical_declarations_in(path)] == []


def test_the_print_stylesheet_is_read_by_a_weasyprint_that_knows_logical_properties():
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    weasyprint = next(
        Requirement(line) for line in dependencies if Requirement(line).name == "weasyprint"
    )

    assert not weasyprint.specifier.contains(Version("68.1"))
    assert weasyprint.specifier.contains(WEASYPRINT_READING_LOGICAL_PROPERTIES)


@pytest.mark.parametrize(
    "declaration",
    [
        "margin-left: 1rem",
        "padding-right: 0",
        "border-left: 4px solid",
        "border-right-color: red",
        "border-top-left-radius: 3px",
        "scroll-padding-left: 1rem",
        "left: 0",
        "right: 2rem",
        "float: right",
        "clear: left",
        "text-align: left",
        "text-align: RIGHT",
        "justify-content: right",
        "background-position: right 1rem top",
        "transform-origin: left center",
        "padding: 0 1rem 0 2rem",
        "margin: 1px 2px 3px 4px",
        "border-radius: 4px 0",
        "border-radius: 4px 4px 0 4px",
    ],
)
def test_a_side_named_in_a_stylesheet_is_found(declaration):
    found = physical_declarations(f"@media screen {{ .box {{ {declaration}; }} }}")

    assert [f"{item.name}: {item.value}".lower() for item in found] == [declaration.lower()]


@pytest.mark.parametrize(
    "declaration",
    [
        "margin-inline-start: 1rem",
        "padding-inline: 0 1rem",
        "border-inline-end: 1px solid",
        "inset-inline-start: 0",
        "float: inline-start",
        "text-align: end",
        "text-align: center",
        "margin: 0 auto",
        "padding: 1rem 2rem 3rem",
        "margin: 25mm 22mm 25mm 22mm",
        "border-radius: 4px",
        "margin-block-start: 2rem",
        "--left-over: 1",
    ],
)
def test_a_layout_by_start_and_end_passes(declaration):
    assert physical_declarations(f".box {{ {declaration}; }}") == []


def test_a_side_inside_a_page_margin_box_is_found():
    css = "@page { margin: 1cm; @top-left { padding-right: 2mm; } }"

    assert [str(found) for found in physical_declarations(css, "print.css")] == [
        "print.css:1: padding-right: 2mm"
    ]
