"""Declarations of a stylesheet that fix a layout to the left or the right.

A page laid out with `margin-inline-start`, `text-align: start` and their
kin mirrors by itself when it is right to left; one `margin-left` or
`float: right` does not. `physical_declarations` reads a stylesheet with
tinycss2 (WeasyPrint's own CSS parser) and lists every declaration that
names a side:

- a property whose name says a side: `left`, `right`, `margin-left`,
  `border-right-color`, `border-top-left-radius`, `scroll-padding-left`…;
- a side as a value: `float: left`, `clear: right`, `text-align: left`,
  `justify-content: right`, `background-position: right 1rem top`…;
- a shorthand that gives its left and right sides different values:
  `padding: 0 1rem 0 2rem`, `border-radius: 4px 0`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import tinycss2

from tests.i18n.catalogues import ROOT

STYLESHEETS = sorted(ROOT.glob("convener/**/static/**/*.css"))

SIDE_IN_NAME = re.compile(r"(?:^|-)(?:left|right)(?:-|$)")
SIDE_VALUES = {"left", "right"}
# Properties that take a side among their values.
SIDE_VALUE_PROPERTIES = {
    "float",
    "clear",
    "text-align",
    "text-align-last",
    "justify-content",
    "justify-items",
    "justify-self",
    "caption-side",
    "background",
    "background-position",
    "background-position-x",
    "object-position",
    "transform-origin",
    "perspective-origin",
    "mask-position",
}
# Shorthands whose four values are top, right, bottom, left.
FOUR_SIDES = {
    "margin",
    "padding",
    "inset",
    "border-width",
    "border-style",
    "border-color",
    "scroll-margin",
    "scroll-padding",
}


@dataclass(frozen=True)
class Declaration:
    where: str
    name: str
    value: str

    def __str__(self) -> str:
        return f"{self.where}: {self.name}: {self.value}"


def _declarations(nodes):  # type: ignore[no-untyped-def]
    for node in nodes:
        if node.type == "declaration":
            yield node
        elif node.type in {"qualified-rule", "at-rule"} and node.content is not None:
            yield from _declarations(
                tinycss2.parse_blocks_contents(
                    node.content, skip_comments=True, skip_whitespace=True
                )
            )


def _values(declaration) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        tinycss2.serialize([token]).lower()
        for token in declaration.value
        if token.type not in {"whitespace", "comment"}
    ]


def _uneven_sides(values: list[str]) -> bool:
    """Four values whose right (the second) and left (the fourth) differ."""
    return len(values) == 4 and values[1] != values[3]


def _uneven_corners(values: list[str]) -> bool:
    """Corners (top-left, top-right, bottom-right, bottom-left) that a mirror would swap."""
    for radii in " ".join(values).split("/"):
        corners = radii.split()
        if len(corners) == 2 and corners[0] != corners[1]:
            return True
        if len(corners) == 3 and not corners[0] == corners[1] == corners[2]:
            return True
        if len(corners) == 4 and (corners[0] != corners[1] or corners[2] != corners[3]):
            return True
    return False


def _is_physical(name: str, values: list[str]) -> bool:
    if name.startswith("--"):
        return False
    if SIDE_IN_NAME.search(name):
        return True
    if name in SIDE_VALUE_PROPERTIES and SIDE_VALUES.intersection(values):
        return True
    if name in FOUR_SIDES:
        return _uneven_sides(values)
    if name == "border-radius":
        return _uneven_corners(values)
    return False


def physical_declarations(css: str, source: str = "") -> list[Declaration]:
    """Each declaration of `css` that lays out to the left or the right."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    found = []
    for declaration in _declarations(rules):
        name = declaration.lower_name
        values = _values(declaration)
        if _is_physical(name, values):
            where = f"{source}:{declaration.source_line}"
            found.append(Declaration(where, name, tinycss2.serialize(declaration.value).strip()))
    return found


def physical_declarations_in(path: Path) -> list[Declaration]:
    return physical_declarations(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
