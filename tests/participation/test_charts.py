"""A chart is an image with a title and a description, the same bytes for the
same rows, and its rows as CSV."""

import csv
import io

from lxml import etree

from convener.participation.interfaces.charts import as_csv, png, specification, svg
from convener.participation.queries.rows import MOST_BARS, Figure, Row

SVG = "{http://www.w3.org/2000/svg}"


def figure(*rows, key="regional-groups"):
    return Figure(
        key,
        "Turns of States by regional group",
        "How many times States took the floor.",
        "Regional group",
        "Turns",
        tuple(Row(label, value) for label, value in rows),
    )


GROUPS = figure(("African Group", 1), ("Western European and Others Group", 3))


def test_a_chart_is_an_image_labelled_by_its_title_and_described_by_its_rows():
    root = etree.fromstring(svg(GROUPS, element_id="chart-groups").encode())

    assert root.get("role") == "img"
    assert root[0].tag == f"{SVG}title"
    assert root[0].text == "Turns of States by regional group"
    assert root.get("aria-labelledby") == root[0].get("id") == "chart-groups-title"
    assert root[1].tag == f"{SVG}desc"
    assert root.get("aria-describedby") == root[1].get("id")
    assert root[1].text == (
        "How many times States took the floor. "
        "African Group: 1; Western European and Others Group: 3."
    )


def test_a_chart_keeps_its_layout_on_a_right_to_left_page():
    root = etree.fromstring(svg(GROUPS, element_id="chart-groups").encode())

    assert root.get("direction") == "ltr"


def test_the_marks_inside_a_chart_are_hidden_from_assistive_technology():
    root = etree.fromstring(svg(GROUPS, element_id="chart-groups").encode())

    inner = [e for e in root.iterdescendants() if e.get("role") or e.get("aria-label")]
    assert inner == []


def test_a_chart_draws_its_labels_and_numbers():
    drawn = svg(GROUPS, element_id="chart-groups")
    texts = [t.text for t in etree.fromstring(drawn.encode()).iter(f"{SVG}text")]

    assert "African Group" in texts
    assert "Western European and Others Group" in texts
    assert "3" in texts


def test_the_same_rows_draw_the_same_chart():
    assert svg(GROUPS, element_id="a") == svg(
        figure(*[(r.label, r.value) for r in GROUPS.rows]), element_id="a"
    )


def test_a_chart_for_word_is_a_png():
    assert png(GROUPS).startswith(b"\x89PNG\r\n\x1a\n")


def test_a_chart_draws_at_most_forty_bars_and_its_table_keeps_every_row():
    many = figure(*[(f"Meeting {n}", n) for n in range(1, 61)])

    assert len(specification(many)["data"]["values"]) == MOST_BARS
    assert len(list(csv.reader(io.StringIO(as_csv(many))))) == 61


def test_the_csv_has_the_tables_headings_and_rows():
    assert as_csv(GROUPS) == (
        "Regional group,Turns\r\nAfrican Group,1\r\nWestern European and Others Group,3\r\n"
    )


def test_a_label_a_spreadsheet_would_run_as_a_formula_is_written_inert():
    assert "'=HYPERLINK(1)" in as_csv(figure(("=HYPERLINK(1)", 1)))
