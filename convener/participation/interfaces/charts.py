"""A figure drawn: one Vega-Lite specification, rendered on the server by
vl-convert as SVG (pages) and as PNG (PDF and Word), and its rows as CSV.

The SVG is made an image for assistive technology: `role="img"`, labelled by
its own `<title>` and described by its `<desc>`, the marks inside hidden from
the accessibility tree (the table beside the chart carries the numbers). The
same rows always give the same bytes, so a chart is cached by the digest of
its specification.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from functools import lru_cache
from typing import Any

from convener.participation.queries.rows import MOST_BARS, Figure

SVG = "http://www.w3.org/2000/svg"
# Bars and text dark enough on white for WCAG AA (contrast above 4.5:1).
BAR = "#1f5f99"
INK = "#1a1a1a"
WIDTH = 420
BAR_HEIGHT = 22
# The longest label drawn beside a bar; the table gives it in full.
LABEL_LIMIT = 300


def specification(figure: Figure) -> dict[str, Any]:
    """The chart as Vega-Lite: horizontal bars, one per row (the first
    `MOST_BARS`), with the number at the end of each bar."""
    values = [
        {"label": row.label, "value": row.value, "order": index}
        for index, row in enumerate(figure.rows[:MOST_BARS])
    ]
    y = {
        "field": "label",
        "type": "nominal",
        "sort": {"field": "order"},
        "title": None,
        "axis": {"labelLimit": LABEL_LIMIT, "labelColor": INK, "labelFontSize": 12},
    }
    x: dict[str, Any] = {"field": "value", "type": "quantitative", "title": figure.value_heading}
    if all(float(row.value).is_integer() for row in figure.rows):
        x["axis"] = {"tickMinStep": 1, "format": "d"}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": figure.description,
        "width": WIDTH,
        "height": {"step": BAR_HEIGHT},
        "background": "white",
        "data": {"values": values},
        "encoding": {"y": y},
        "layer": [
            {"mark": {"type": "bar", "color": BAR}, "encoding": {"x": x}},
            {
                "mark": {"type": "text", "align": "left", "dx": 4, "color": INK, "fontSize": 12},
                "encoding": {"x": x, "text": {"field": "value", "type": "quantitative"}},
            },
        ],
        "config": {
            "aria": False,
            "font": "DejaVu Sans, Noto Sans, Arial, sans-serif",
            "axis": {"titleColor": INK, "labelColor": INK, "domainColor": INK, "tickColor": INK},
            "view": {"stroke": None},
        },
    }


@lru_cache(maxsize=512)
def _drawn_svg(spec_json: str) -> str:
    # vl-convert (a JavaScript engine with Vega, about 15 MB a process) is loaded
    # with the first chart drawn: most processes never draw one.
    import vl_convert

    return vl_convert.vegalite_to_svg(json.loads(spec_json))


@lru_cache(maxsize=128)
def _drawn_png(spec_json: str) -> bytes:
    import vl_convert

    return vl_convert.vegalite_to_png(json.loads(spec_json), scale=2)


def svg(figure: Figure, *, element_id: str) -> str:
    """The chart as an accessible SVG element, for a page or a document:
    `element_id` must be unique where it goes (its title and description
    are referred to by it)."""
    spec = json.dumps(specification(figure), sort_keys=True)
    return _accessible(_drawn_svg(spec), figure, element_id)


def png(figure: Figure) -> bytes:
    """The chart as a PNG at twice its size, for Word."""
    return _drawn_png(json.dumps(specification(figure), sort_keys=True))


def width(drawn_svg: str) -> int:
    """The width of a drawn chart, in CSS pixels (its PNG has twice as many)."""
    from lxml import etree  # loaded with the first chart, not by every server process

    return int(float(etree.fromstring(drawn_svg.encode()).get("width", "0")))


def digest(figure: Figure) -> str:
    """What the chart is drawn from, in short: the same for the same drawing."""
    spec = json.dumps(specification(figure), sort_keys=True)
    return hashlib.sha256(spec.encode()).hexdigest()


def _accessible(drawn: str, figure: Figure, element_id: str) -> str:
    from lxml import etree

    root = etree.fromstring(drawn.encode())
    for element in root.iter():
        for name in [n for n in element.attrib if n == "role" or n.startswith("aria-")]:
            del element.attrib[name]
    root.attrib.pop("class", None)
    title_id, desc_id = f"{element_id}-title", f"{element_id}-desc"
    root.set("id", element_id)
    root.set("role", "img")
    root.set("aria-labelledby", title_id)
    root.set("aria-describedby", desc_id)
    root.set("focusable", "false")
    # Laid out left to right whatever the page's direction: on an Arabic page
    # an inherited `direction: rtl` would swap the anchors Vega placed its
    # labels by. Each label's own text is still shaped in its direction.
    root.set("direction", "ltr")
    title = etree.Element(f"{{{SVG}}}title", id=title_id)
    title.text = figure.title
    desc = etree.Element(f"{{{SVG}}}desc", id=desc_id)
    desc.text = f"{figure.description} {_in_words(figure)}"
    root.insert(0, desc)
    root.insert(0, title)
    return etree.tostring(root, encoding="unicode")


def _in_words(figure: Figure) -> str:
    """The rows as one line, for a reader who cannot see the bars."""
    return "; ".join(f"{row.label}: {_number(row.value)}" for row in figure.rows) + "."


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def as_csv(figure: Figure) -> str:
    """The figure's rows as CSV, headed as its table is."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([figure.label_heading, figure.value_heading])
    for row in figure.rows:
        writer.writerow([_inert(row.label), _number(row.value)])
    return out.getvalue()


def _inert(label: str) -> str:
    """A label a spreadsheet will not read as a formula."""
    return f"'{label}" if label[:1] in {"=", "+", "-", "@", "\t", "\r"} else label


def number(value: float) -> str:
    """A value as the table and the CSV write it: whole numbers without ".0"."""
    return _number(value)
