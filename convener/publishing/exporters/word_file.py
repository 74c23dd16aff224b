"""Word (.docx) from a document tree, with python-docx: the work of `exporters.docx`.

The file keeps to Word's own styles (Title, Heading 1 to 3, List Bullet, List
Number, Table Grid, toc 1 and 2), so the secretariat restyles a whole report
from Word's style pane; the series' house style (`print_style`) sets their
typefaces and sizes, and the page margins, as it does the PDF's. The
contents is a TOC field written already filled, each chapter and section
linked to its heading, so the file reads right before any update; Word adds
the page numbers when it updates the field on opening (`wordml.contents_field`).
Footnotes are real Word footnotes (`wordml.Footnotes`).
"""

from __future__ import annotations

import io
from functools import partial

import docx
from django.utils import timezone, translation
from django.utils.translation import gettext
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Length, Mm
from lxml import etree

from convener.prose.direction import left_to_right_pieces
from convener.prose.links import followable
from convener.publishing.document import (
    Block,
    Contents,
    Document,
    Facts,
    Figure,
    Footnote,
    Heading,
    Inline,
    ItemList,
    PageBreak,
    Paragraph,
    Table,
    Text,
    finished,
)
from convener.publishing.exporters import wordml
from convener.publishing.exporters.html import is_right_to_left
from convener.publishing.exporters.navigation import anchor
from convener.publishing.exporters.wordml import w

_CONTENTS_LEVELS = 2  # chapters and their sections
_CONTENTS_FIELD = f'TOC \\o "1-{_CONTENTS_LEVELS}" \\h \\z \\u'
_PARAGRAPH_STYLES = {"body": "Normal", "lead": "Lead", "note": "Note", "speaker": "Speaker"}
_LABEL_WIDTH = Cm(4.5)
# The emblem on the cover: this high, unless that makes it wider than this.
_EMBLEM_HEIGHT = Mm(25)
_EMBLEM_WIDTH = Mm(60)
# Formats a Word picture takes as it is; an SVG emblem is left out of Word files.
_PICTURE_TYPES = frozenset({"image/png", "image/jpeg"})
_CSS_PIXELS_PER_INCH = 96  # a chart's width is given in CSS pixels


def write_word(document: Document) -> bytes:
    """The document as a Word file (`exporters.docx.DocxExporter`)."""
    return _WordWriter(finished(document)).write()


class _WordWriter:
    """Writes one document; holds what its blocks share: parts, numbering, a pending break."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.word = docx.Document()
        self.end_of_body = self.word.element.body.sectPr
        self.footnotes = wordml.Footnotes(self.word.part)
        self.links = wordml.Links()
        self.numbering = wordml.ListNumbering(
            self.word.part.numbering_part.element, self.word.styles.element, "ListNumber"
        )
        self.page_break_pending = False
        # Arabic: paragraphs right to left (w:bidi), runs too (w:rtl) but for
        # Latin words, digits and times, kept left to right. Prose in a
        # language of its own goes that language's way (`_block`).
        self.document_rtl = self.rtl = is_right_to_left(document.language)
        self.language = ""  # of the block being written, if not the document's
        # Bookmarks are named before the headings are written: the contents,
        # which comes first, links to them.
        self.bookmarks = wordml.Bookmarks()
        headings = _headings_with_bookmarks(document, self.bookmarks)
        self.heading_bookmarks = iter([name for _heading, name in headings])
        self.contents = [
            wordml.ContentsEntry(heading.level, heading.text, name)
            for heading, name in headings
            if heading.level <= _CONTENTS_LEVELS and heading.in_contents
        ]

    def write(self) -> bytes:
        self._set_up()
        self._cover()
        for block in self.document.blocks:
            self._block(block)
        self._running_header_and_page_numbers()
        wordml.update_fields_on_open(self.word.settings.element)
        stream = io.BytesIO()
        self.word.save(stream)
        return stream.getvalue()

    def _set_up(self) -> None:
        section = self.word.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        margins = self.document.style.margins
        section.top_margin, section.bottom_margin = Mm(margins.top), Mm(margins.bottom)
        section.left_margin, section.right_margin = Mm(margins.left), Mm(margins.right)
        section.header_distance = section.footer_distance = Cm(1.25)
        styles = self.word.styles.element
        wordml.add_styles(styles)
        self._house_style(styles)
        for lang in styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang"):
            lang.set(qn("w:val"), wordml.word_language(self.document.language))
            if self.document_rtl:
                lang.set(qn("w:bidi"), wordml.word_language(self.document.language))
            if self.document.language.startswith("zh"):
                lang.set(qn("w:eastAsia"), wordml.word_language(self.document.language))
        properties = self.word.core_properties
        properties.title, properties.subject = self.document.title, self.document.subtitle
        properties.language = self.document.language
        properties.author = properties.comments = properties.last_modified_by = ""
        properties.created = properties.modified = timezone.now()
        package = self.word.part.package
        for key, relationship in list(package.rels.items()):
            if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:  # a picture of the template
                del package.rels[key]

    def _house_style(self, styles: etree._Element) -> None:
        """The typefaces and sizes of the house style, on the styles that use them."""
        style = self.document.style
        body, heading = style.body_font.word_name, style.heading_font.word_name
        sizes = {
            "Normal": style.body_size,
            "Lead": style.lead_size,
            "Note": style.note_size,
            "FootnoteText": style.footnote_size,
            **dict(zip(("Heading1", "Heading2", "Heading3"), style.heading_sizes, strict=True)),
        }
        set_font = partial(
            wordml.set_style_font,
            complex_font=wordml.ARABIC_FONT if self.document_rtl else "",
            east_asian_font=wordml.CHINESE_FONT if self.document.language.startswith("zh") else "",
        )
        for style_id, size in sizes.items():
            font = heading if style_id.startswith("Heading") else body
            set_font(styles.get_by_id(style_id), font=font, half_points=int(size * 2))
        for style_id in ("Title", "Subtitle"):
            set_font(styles.get_by_id(style_id), font=heading)

    def _cover(self) -> None:
        self._emblem()
        self._paragraph("Title").extend(self._text_runs("\n".join(self.document.cover_title)))
        if self.document.subtitle:
            self._paragraph("Subtitle").extend(self._text_runs(self.document.subtitle))
        for line in self.document.cover:
            self._block(line)
        self.page_break_pending = self.document.cover_page
        if self.document.imprint:  # on a page of its own
            for block in self.document.imprint:
                self._block(block)
            self.page_break_pending = True

    def _emblem(self) -> None:
        emblem = self.document.style.emblem
        if emblem is None or emblem.content_type not in _PICTURE_TYPES:
            return
        picture = Image.from_blob(emblem.data)
        height: Length = _EMBLEM_HEIGHT
        if picture.px_width * height > _EMBLEM_WIDTH * picture.px_height:
            height = Length(_EMBLEM_WIDTH * picture.px_height // picture.px_width)
        inline = self.word.part.new_pic_inline(io.BytesIO(emblem.data), height=height)
        with translation.override(self.document.language):
            inline.docPr.set("descr", emblem.description or gettext("Emblem"))
        w("w:drawing", w("w:r", self._paragraph("Normal"))).append(inline)

    def _block(self, block: Block) -> None:
        self.language = getattr(block, "language", "")
        self.rtl = is_right_to_left(self.language) if self.language else self.document_rtl
        match block:
            case Paragraph(runs=runs, style=style):
                self._inlines(self._paragraph(_PARAGRAPH_STYLES.get(style, "Normal")), runs)
            case Heading():
                self._heading(block)
            case ItemList(items=items, ordered=ordered):
                self._list(items, ordered=ordered)
            case Facts(rows=rows):
                self._facts(rows)
            case Contents(title=title):
                self._contents(title)
            case PageBreak():
                self.page_break_pending = True
            case Table():
                self._table(block)
            case Figure():
                self._figure(block)

    def _paragraph(self, style: str) -> etree._Element:
        """A new paragraph at the end of the body, starting a page if a break is pending."""
        paragraph = wordml.paragraph(
            style, page_break_before=self.page_break_pending, bidi=self.rtl
        )
        self.page_break_pending = False
        self.end_of_body.addprevious(paragraph)
        return paragraph

    def _heading(self, heading: Heading) -> None:
        paragraph = self._paragraph(f"Heading{min(max(heading.level, 1), 3)}")
        self.bookmarks.place(
            paragraph, next(self.heading_bookmarks), *self._text_runs(heading.text)
        )

    def _contents(self, title: str) -> None:
        """The contents: a TOC field that Word updates, already filled with its entries."""
        self._paragraph("TOCHeading").extend(self._text_runs(title))
        right_edge = _twips(self._text_width())
        contents = wordml.contents_field(
            _CONTENTS_FIELD, self.contents, right_edge, bidi=self.document_rtl
        )
        for paragraph in contents:
            self.end_of_body.addprevious(paragraph)

    def _list(self, items: list[list[Inline]], *, ordered: bool) -> None:
        numbering = self.numbering.restart() if ordered else None
        for item in items:
            paragraph = self._paragraph("ListNumber" if ordered else "ListBullet")
            if numbering:
                number = w("w:numPr", paragraph[0])
                w("w:ilvl", number, val="0")
                w("w:numId", number, val=numbering)
                if self.rtl:
                    wordml.set_bidi(paragraph)  # after w:numPr, as Word orders them
            self._inlines(paragraph, item)

    def _facts(self, rows: list[tuple[str, list[Inline]]]) -> None:
        """A two-column table in Word's Table Grid style, labels in bold."""
        if self.page_break_pending:  # a table cannot start a page itself
            self._paragraph("Normal").append(wordml.page_break())
        widths = [_LABEL_WIDTH, Length(self._text_width() - _LABEL_WIDTH)]
        table = w("w:tbl")
        properties = w("w:tblPr", table)
        w("w:tblStyle", properties, val="TableGrid")
        if self.rtl:
            w("w:bidiVisual", properties)  # the labels' column on the right
        w("w:tblW", properties, w=_twips(Length(sum(widths))), type="dxa")
        grid = w("w:tblGrid", table)
        for width in widths:
            w("w:gridCol", grid, w=_twips(width))
        for label, value in rows:
            row = w("w:tr", table)
            label_cell, value_cell = (self._cell(row, width) for width in widths)
            label_cell.extend(self._text_runs(label, bold=True))
            self._inlines(value_cell, value)
        self.end_of_body.addprevious(table)

    def _figure(self, figure: Figure) -> None:
        """The chart as a picture the width of the text, its words as the
        picture's description (what a screen reader says), then its caption."""
        width = Length(min(self._text_width(), Inches(figure.width / _CSS_PIXELS_PER_INCH)))
        inline = self.word.part.new_pic_inline(io.BytesIO(figure.png), width=width)
        inline.docPr.set("descr", figure.alt)
        inline.docPr.set("title", figure.caption)
        w("w:drawing", w("w:r", self._paragraph("Normal"))).append(inline)
        self._paragraph("Caption").extend(self._text_runs(figure.caption))

    def _table(self, table: Table) -> None:
        """A real Word table: its caption above, its heading row repeated on
        each page (w:tblHeader), each row's first cell in bold."""
        self._paragraph("Caption").extend(self._text_runs(table.caption))
        columns = max([len(table.header), *(len(row) for row in table.rows)])
        first = Length(self._text_width() * 2 // 3) if columns > 1 else self._text_width()
        rest = Length((self._text_width() - first) // max(columns - 1, 1))
        widths = [first, *[rest] * (columns - 1)]
        element = w("w:tbl")
        properties = w("w:tblPr", element)
        w("w:tblStyle", properties, val="TableGrid")
        if self.rtl:
            w("w:bidiVisual", properties)
        w("w:tblW", properties, w=_twips(Length(sum(widths))), type="dxa")
        grid = w("w:tblGrid", element)
        for width in widths:
            w("w:gridCol", grid, w=_twips(width))
        for position, cells in enumerate([table.header, *table.rows]):
            row = w("w:tr", element)
            if position == 0:
                w("w:tblHeader", w("w:trPr", row))
            for column, (cell, width) in enumerate(zip(cells, widths, strict=False)):
                bold = position == 0 or column == 0
                self._cell(row, width).extend(self._text_runs(cell, bold=bold))
        self.end_of_body.addprevious(element)

    def _text_width(self) -> Length:
        """The width between the margins."""
        section = self.word.sections[0]
        page_width = section.page_width or Mm(210)  # A4, which _set_up set
        return Length(page_width - (section.left_margin or 0) - (section.right_margin or 0))

    def _cell(self, row: etree._Element, width: Length) -> etree._Element:
        """A cell of `row`, its paragraph returned."""
        cell = w("w:tc", row)
        w("w:tcW", w("w:tcPr", cell), w=_twips(width), type="dxa")
        paragraph = w("w:p", cell)
        if self.rtl:
            wordml.set_bidi(paragraph)
        return paragraph

    def _inlines(
        self, paragraph: etree._Element, runs: list[Inline], part: Part | None = None
    ) -> None:
        """Appends runs to a paragraph; `part` holds its links (the body's, or the footnotes')."""
        part = self.word.part if part is None else part
        link, link_href = None, None
        for inline in runs:
            if isinstance(inline, Footnote):
                paragraph.append(self.footnotes.reference(self._footnote(inline)))
                link = None
            elif href := followable(inline.href):
                if link is None or href != link_href:
                    link, link_href = self.links.hyperlink(href, part), href
                    paragraph.append(link)
                link.extend(self._runs(inline, style="Hyperlink"))
            else:
                paragraph.extend(self._runs(inline))
                link = None

    def _footnote(self, footnote: Footnote) -> int:
        number, paragraph = self.footnotes.add()
        if self.rtl:
            wordml.set_bidi(paragraph)
        self._inlines(paragraph, [Text(" "), *footnote.runs], self.footnotes.part)
        return number

    def _runs(self, text: Text, style: str | None = None) -> list[etree._Element]:
        return self._text_runs(text.text, bold=text.bold, italic=text.italic, style=style)

    def _text_runs(
        self, text: str, *, bold: bool = False, italic: bool = False, style: str | None = None
    ) -> list[etree._Element]:
        """The text as runs: in right-to-left text (w:rtl), each Latin word,
        number or time a run of its own, kept left to right."""
        run = partial(wordml.run, bold=bold, italic=italic, style=style, language=self.language)
        if not self.rtl:
            return [run(text)]
        return [
            run(wordml.LEFT_TO_RIGHT_EMBEDDING.format(piece))
            if left_to_right
            else run(piece, rtl=True)
            for piece, left_to_right in left_to_right_pieces(text)
        ]

    def _running_header_and_page_numbers(self) -> None:
        section = self.word.sections[0]
        # The first page does not repeat the title in a header; a cover page
        # has no number either, a page opening with a title block has.
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        section.first_page_footer.is_linked_to_previous = False
        self.language, self.rtl = "", self.document_rtl
        header = section.header.paragraphs[0]._p
        if self.rtl:
            wordml.set_bidi(header)
        header.extend(self._text_runs(self.document.running_header))
        footers = [section.footer]
        if not self.document.cover_page:
            footers.append(section.first_page_footer)
        for footer in footers:
            paragraph = footer.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            wordml.append_field(paragraph._p, "PAGE", "1")


def _headings_with_bookmarks(
    document: Document, bookmarks: wordml.Bookmarks
) -> list[tuple[Heading, str]]:
    """Each heading of the document, in order, with the name of its bookmark."""
    return [
        (block, bookmarks.name(anchor(block, position)))
        for position, block in enumerate(document.blocks)
        if isinstance(block, Heading)
    ]


def _twips(length: Length) -> str:
    return str(Length(length).twips)
