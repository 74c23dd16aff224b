"""A house style as CSS for the print stylesheet: its custom properties and the page margins.

`print.css` sets every font and size through custom properties (`--text-font`,
`--chapter-size`…); this module gives them the series' values. Nothing a
user typed reaches the CSS: the font names come from `print_style.FONTS`,
chosen from a fixed list, and each is still written as an escaped CSS string;
sizes and margins are numbers, validated where stored and formatted here as
numbers again.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.safestring import SafeString, mark_safe

from convener.publishing.print_style import Font, PrintStyle


def css_string(text: str) -> SafeString:
    """Text as the inside of a double-quoted CSS string, safe in a <style> element.

    Every character but letters, digits and spaces is a hex escape ended by a
    space, which CSS reads as the end of the escape and drops: without it, a
    space written after an escape (", labour") would be taken for that end
    and lost from the page ("protection,labour")."""
    return mark_safe(  # noqa: S308 — every character but letters, digits and spaces is escaped
        "".join(char if char.isalnum() or char == " " else f"\\{ord(char):x} " for char in text)
    )


def house_style_css(style: PrintStyle) -> SafeString:
    """The style's values for `print.css`, and its page margins."""
    chapter, section, subsection = style.heading_sizes
    properties = {
        "--text-font": _families(style.body_font),
        "--heading-font": _families(style.heading_font),
        "--text-size": _points(style.body_size),
        "--lead-size": _points(style.lead_size),
        "--note-size": _points(style.note_size),
        "--footnote-size": _points(style.footnote_size),
        "--chapter-size": _points(chapter),
        "--section-size": _points(section),
        "--subsection-size": _points(subsection),
    }
    margins = style.margins
    page = " ".join(
        _millimetres(side) for side in (margins.top, margins.right, margins.bottom, margins.left)
    )
    declarations = " ".join(f"{name}: {value};" for name, value in properties.items())
    return mark_safe(  # noqa: S308 — escaped font names and formatted numbers only
        f":root {{ {declarations} }}\n@page {{ margin: {page}; }}"
    )


def _families(font: Font) -> str:
    if font.generic not in {"serif", "sans-serif"}:
        raise ValueError(f"not a generic font family: {font.generic!r}")
    return ", ".join([*(f'"{css_string(family)}"' for family in font.pdf_families), font.generic])


def _points(size: Decimal) -> str:
    return f"{_number(size)}pt"


def _millimetres(length: int) -> str:
    return f"{_number(Decimal(length))}mm"


def _number(value: Decimal) -> str:
    """A finite number as CSS writes it; anything else is refused, not printed."""
    number = Decimal(value)
    if not number.is_finite() or not Decimal(0) <= number <= Decimal(1000):
        raise ValueError(f"not a length for a stylesheet: {value!r}")
    return f"{number.normalize():f}"
