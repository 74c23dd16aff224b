"""The house style a document is printed in, as the PDF and Word writers both apply it.

`print_style` turns a series' `HouseStyle` (or none: the UN default) into
values: typefaces, type sizes in points, page margins in millimetres and the
emblem. The sizes of the lead, note and footnote text follow the text size
here, so that the two writers never compute them apart.

The UN default takes its sizes from the United Nations Editorial Manual,
"Headings and subheadings" (DGACM): chapter headings in 14 point,
first-degree subheadings in 12, lower ones in 10, the lowest "10-pt roman",
the text's own size. The typeface, Times New Roman, is the one issued UN
documents are set in; the Manual's pages consulted name none. The margins are
Convener's own (those its PDF files had).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from convener.publishing.models.house_style import HouseStyle, Typeface

if TYPE_CHECKING:
    from convener.meetings.models import Series


@dataclass(frozen=True)
class Font:
    """A typeface: the installed fonts a PDF draws it with, then fallbacks, the
    generic family that ends them, and the name a Word file gives it."""

    pdf_families: tuple[str, ...]
    generic: str  # serif or sans-serif
    word_name: str


# Fallbacks for what a typeface lacks: DejaVu has most scripts, Noto CJK
# Chinese (Arabic and Chinese documents have their own rules in print.css).
_SERIF_FALLBACKS = ("DejaVu Serif", "Noto Serif CJK SC")
_SANS_FALLBACKS = ("DejaVu Sans", "Noto Sans CJK SC")
FONTS: dict[str, Font] = {
    Typeface.TIMES: Font(("Liberation Serif", *_SERIF_FALLBACKS), "serif", "Times New Roman"),
    Typeface.ARIAL: Font(("Liberation Sans", *_SANS_FALLBACKS), "sans-serif", "Arial"),
    Typeface.DEJAVU_SERIF: Font(_SERIF_FALLBACKS, "serif", "DejaVu Serif"),
    Typeface.DEJAVU_SANS: Font(_SANS_FALLBACKS, "sans-serif", "DejaVu Sans"),
}


@dataclass(frozen=True)
class Emblem:
    data: bytes
    content_type: str  # image/png, image/jpeg or image/svg+xml, checked when stored
    description: str = ""  # what it shows, for those who cannot see it

    @property
    def data_uri(self) -> str:
        return f"data:{self.content_type};base64,{base64.b64encode(self.data).decode()}"


@dataclass(frozen=True)
class Margins:
    """Page margins, in millimetres."""

    top: int
    bottom: int
    left: int
    right: int


@dataclass(frozen=True)
class PrintStyle:
    body_font: Font
    heading_font: Font
    body_size: Decimal  # points
    heading_sizes: tuple[Decimal, Decimal, Decimal]  # a chapter's, a section's, a subsection's
    margins: Margins
    emblem: Emblem | None = None

    @property
    def lead_size(self) -> Decimal:
        """A summary line's size: a little larger than the text."""
        return _half_points(self.body_size * Decimal("1.15"))

    @property
    def note_size(self) -> Decimal:
        """Small print (a header block's note, who presided): a little smaller."""
        return _half_points(self.body_size * Decimal("0.87"))

    @property
    def footnote_size(self) -> Decimal:
        return _half_points(self.body_size * Decimal("0.8"))


def _half_points(size: Decimal) -> Decimal:
    """A size rounded to half points, which Word counts in."""
    return (size * 2).quantize(Decimal(1)) / 2


def print_style(house_style: HouseStyle | None) -> PrintStyle:
    """The values of a series' house style; the UN default for none."""
    style = house_style or HouseStyle()
    emblem = (
        Emblem(bytes(style.emblem), style.emblem_type, style.emblem_description)
        if style.emblem and style.emblem_type
        else None
    )
    return PrintStyle(
        body_font=FONTS[style.body_font],
        heading_font=FONTS[style.heading_font],
        body_size=Decimal(style.body_size),
        heading_sizes=(
            Decimal(style.chapter_size),
            Decimal(style.section_size),
            Decimal(style.subsection_size),
        ),
        margins=Margins(
            top=style.margin_top,
            bottom=style.margin_bottom,
            left=style.margin_left,
            right=style.margin_right,
        ),
        emblem=emblem,
    )


def house_style_of(series: Series) -> HouseStyle | None:
    """The series' house style, or None where it keeps the UN default."""
    try:
        return series.house_style
    except HouseStyle.DoesNotExist:
        return None


UN_STYLE = print_style(None)
