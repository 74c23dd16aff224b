"""A series' house style in its PDF and Word files: typefaces, sizes, margins, emblem.

`pdffonts` lists the fonts a PDF embeds, `pdfimages` its pictures and
`pdftotext -bbox` where each word lands; python-docx reads the Word styles.
"""

import dataclasses
import io
import re
import subprocess
from decimal import Decimal

import docx
import pytest

from convener.publishing.document import Document, Heading, PageBreak, Paragraph, Text
from convener.publishing.exporters.docx import DocxExporter
from convener.publishing.exporters.pdf import PdfExporter
from convener.publishing.exporters.style_css import house_style_css
from convener.publishing.models import HouseStyle, Typeface
from convener.publishing.print_style import UN_STYLE, Emblem, Font, print_style
from tests.publishing.emblems import SVG, picture, svg_with
from tests.publishing.exporters.test_pdf import _catalogue_and_streams
from tests.tools import require

MM = 72 / 25.4  # points in a millimetre


def styled(**values) -> Document:
    return Document(
        slug="styled",
        title="Report of the meetings",
        blocks=[PageBreak(), Heading(1, "First meeting"), Paragraph([Text("Seven States.")])],
        style=print_style(HouseStyle(**values)),
    )


def pdf_file(document: Document, tmp_path) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(PdfExporter().write(document))
    return str(path)


def fonts_of(document: Document, tmp_path) -> set[str]:
    """The fonts the PDF embeds, without their subset prefix: "Liberation-Serif-Bold"."""
    listed = subprocess.run(
        [require("pdffonts"), pdf_file(document, tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    return {line.split()[0].split("+", 1)[-1] for line in listed}


def images_in(document: Document, tmp_path) -> int:
    listed = subprocess.run(
        [require("pdfimages"), "-list", pdf_file(document, tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    return len(listed)


def word_left_edge(document: Document, word: str, tmp_path) -> float:
    """Where `word` starts on its page, in points from the left edge."""
    boxes = subprocess.run(
        [require("pdftotext"), "-bbox", pdf_file(document, tmp_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(re.search(rf'<word xMin="([\d.]+)"[^>]*>{word}</word>', boxes)[1])


def streams_of(path: str) -> bytes:
    with open(path, "rb") as pdf:
        return _catalogue_and_streams(pdf.read())


def word_file(document: Document):
    return docx.Document(io.BytesIO(DocxExporter().write(document)))


def test_pdf_in_the_un_default_is_set_in_liberation_serif_for_times(tmp_path):
    assert fonts_of(styled(), tmp_path) == {"Liberation-Serif", "Liberation-Serif-Bold"}


def test_pdf_of_a_series_sets_its_text_and_headings_in_the_typefaces_it_chose(tmp_path):
    document = styled(body_font=Typeface.DEJAVU_SANS, heading_font=Typeface.ARIAL)

    assert fonts_of(document, tmp_path) == {"DejaVu-Sans", "Liberation-Sans-Bold"}


def test_pdf_page_margin_follows_the_series_style(tmp_path):
    default = word_left_edge(styled(), "Seven", tmp_path)
    wider = word_left_edge(styled(margin_left=40), "Seven", tmp_path)

    assert round(default / MM) == 22
    assert round(wider / MM) == 40


def test_pdf_cover_shows_a_png_emblem(tmp_path):
    document = styled(emblem=picture("PNG"), emblem_type="image/png")

    assert images_in(document, tmp_path) == 1
    assert images_in(styled(), tmp_path) == 0


def test_pdf_emblem_is_a_figure_described_for_those_who_cannot_see_it(tmp_path):
    described = styled(
        emblem=picture("PNG"), emblem_type="image/png", emblem_description="Emblem of UN Women"
    )
    undescribed = styled(emblem=picture("PNG"), emblem_type="image/png")

    assert b"/Alt (Emblem of UN Women)" in streams_of(pdf_file(described, tmp_path))
    assert b"/Alt (Emblem)" in streams_of(pdf_file(undescribed, tmp_path))


def test_pdf_cover_draws_an_svg_emblem(tmp_path):
    document = styled(emblem=SVG, emblem_type="image/svg+xml")
    text = subprocess.run(
        [require("pdftotext"), pdf_file(document, tmp_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    assert text.startswith("Emblem")


def test_pdf_fetches_no_file_an_emblem_points_to(tmp_path):
    (tmp_path / "outside.png").write_bytes(picture("PNG"))
    pointing = svg_with(
        f'<image href="file://{tmp_path}/outside.png" width="9" height="9"/>'.encode()
    )
    # Stored emblems are checked (`test_house_style` of the domain); this one is not.
    document = dataclasses.replace(
        styled(), style=dataclasses.replace(UN_STYLE, emblem=Emblem(pointing, "image/svg+xml"))
    )

    assert images_in(document, tmp_path) == 0


def test_word_in_the_un_default_names_times_new_roman_at_the_un_sizes():
    styles = word_file(styled()).styles

    assert (styles["Normal"].font.name, styles["Normal"].font.size.pt) == ("Times New Roman", 10)
    sizes = [styles[f"Heading {level}"].font.size.pt for level in (1, 2, 3)]
    assert sizes == [14, 12, 10]


def test_word_body_font_sizes_and_margins_follow_the_series_style():
    document = styled(
        body_font=Typeface.DEJAVU_SERIF,
        heading_font=Typeface.ARIAL,
        body_size=Decimal("11.5"),
        chapter_size=Decimal(18),
        margin_top=30,
        margin_left=35,
        margin_right=15,
    )
    word = word_file(document)
    styles, section = word.styles, word.sections[0]

    assert (styles["Normal"].font.name, styles["Normal"].font.size.pt) == ("DejaVu Serif", 11.5)
    assert (styles["Heading 1"].font.name, styles["Heading 1"].font.size.pt) == ("Arial", 18)
    margins = (section.top_margin, section.left_margin, section.right_margin)
    assert [round(margin.mm) for margin in margins] == [30, 35, 15]


def test_word_style_font_is_not_overridden_by_the_theme():
    heading = word_file(styled()).styles["Heading 1"].element.rPr.rFonts

    assert (
        heading.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}asciiTheme")
        is None
    )


def test_word_cover_shows_a_png_or_jpeg_emblem_but_leaves_an_svg_out():
    png = word_file(styled(emblem=picture("PNG"), emblem_type="image/png"))
    jpeg = word_file(styled(emblem=picture("JPEG"), emblem_type="image/jpeg"))
    svg = word_file(styled(emblem=SVG, emblem_type="image/svg+xml"))

    assert [len(file.inline_shapes) for file in (png, jpeg, svg)] == [1, 1, 0]
    assert round(png.inline_shapes[0].height.mm) == 25


def test_word_emblem_carries_its_description():
    word = word_file(
        styled(emblem=picture("PNG"), emblem_type="image/png", emblem_description="GMG emblem")
    )

    assert word.inline_shapes[0]._inline.docPr.get("descr") == "GMG emblem"


def test_word_emblem_wider_than_its_room_is_made_smaller():
    wide = word_file(styled(emblem=picture("PNG", size=(400, 20)), emblem_type="image/png"))

    assert round(wide.inline_shapes[0].width.mm) == 60


def test_stylesheet_escapes_font_names_and_refuses_what_is_not_a_length():
    hostile = Font(('Serif"; } body { display: none', "DejaVu Serif"), "serif", "Serif")
    style = dataclasses.replace(UN_STYLE, body_font=hostile)

    css = house_style_css(style)

    assert '"Serif\\22 \\3b  \\7d  body \\7b  display\\3a  none", "DejaVu Serif", serif' in css
    assert "}" not in css.split("--text-font:", 1)[1].split(";", 1)[0]
    with pytest.raises(ValueError, match="not a length"):
        house_style_css(dataclasses.replace(UN_STYLE, body_size=Decimal("NaN")))
