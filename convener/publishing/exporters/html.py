"""The document as HTML: a page to read on the web, and the page WeasyPrint prints.

One writer turns the blocks into HTML and two page shells frame it. On the web
a footnote is a numbered link to the notes that close its chapter; in print the
note stands where it is called and the print stylesheet floats it to the foot
of the page. Blocks are written in Python rather than through a template
include each: a report has thousands of them.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

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
from convener.publishing.exporters.navigation import anchor, contents_entries
from convener.publishing.exporters.style_css import css_string, house_style_css

STATIC = Path(__file__).resolve().parent.parent / "static" / "publishing"
RIGHT_TO_LEFT = {"ar", "fa", "he", "ur"}
_HEADING_TAGS = {1: "h2", 2: "h3", 3: "h4"}  # the document's title is the h1


class HtmlExporter:
    identifier = "html"
    extension = "html"
    content_type = "text/html; charset=utf-8"
    label = _("Web page (HTML)")

    def write(self, document: Document) -> bytes:
        return render_html(document).encode()


def render_html(document: Document) -> str:
    """A standalone page: the document with its stylesheet, nothing fetched."""
    document = finished(document)
    return _render(
        "publishing/document.html",
        document,
        body=render_body(document),
        stylesheet=_css("document.css"),
    )


def render_body(document: Document) -> SafeString:
    """The document as an <article>, for a web page to embed."""
    return _article(finished(document), notes_at_page_foot=False)


def render_print_html(document: Document) -> str:
    """The page WeasyPrint lays out, `print.css` in it: a stylesheet given to
    WeasyPrint apart would rank below the document's own (as a user's does)."""
    document = finished(document)
    return _render(
        "publishing/print.html",
        document,
        body=_article(document, notes_at_page_foot=True),
        stylesheet=_css("print.css"),
        house_style=house_style_css(document.style),
        running_header=css_string(document.running_header),
    )


def _article(document: Document, *, notes_at_page_foot: bool) -> SafeString:
    with translation.override(document.language):  # for the notes' words, as for the shells'
        writer = _Writer(document, notes_at_page_foot=notes_at_page_foot)
        cover = "".join(writer.block(paragraph, -1) for paragraph in document.cover)
        imprint = "".join(writer.block(block, -1) for block in document.imprint)
        sections = writer.sections_of(document.blocks)
    emblem = document.style.emblem
    return _render(
        "publishing/article.html",
        document,
        cover=mark_safe(cover),  # noqa: S308 — written by _Writer, which escapes
        imprint=mark_safe(imprint),  # noqa: S308 — written by _Writer, which escapes
        emblem=emblem,
        sections=sections,
    )


def is_right_to_left(language: str) -> bool:
    return language.split("-")[0] in RIGHT_TO_LEFT


def _render(template: str, document: Document, **context: object) -> SafeString:
    """A template rendered in the document's language, whatever the reader's."""
    right_to_left = is_right_to_left(document.language)
    with translation.override(document.language):
        return render_to_string(template, {"document": document, "rtl": right_to_left, **context})


@dataclass
class _Note:
    number: int
    html: SafeString


@dataclass
class _Section:
    """A chapter, or what comes before the first one, with the notes called in it."""

    anchor: str = ""
    new_page: bool = False
    parts: list[str] = field(default_factory=list)
    notes: list[_Note] = field(default_factory=list)

    @property
    def html(self) -> SafeString:
        return mark_safe("".join(self.parts))  # noqa: S308 — written by _Writer, which escapes


class _Writer:
    """Writes blocks as HTML, every text escaped, numbering footnotes as they come."""

    def __init__(self, document: Document, *, notes_at_page_foot: bool) -> None:
        self.contents = contents_entries(document)
        self.notes_at_page_foot = notes_at_page_foot
        self.sections = [_Section()]
        self.notes_called = 0
        # In right-to-left text, Latin words, digits and times are isolated
        # left to right, so that "10:00–13:00" does not read "13:00–10:00".
        self.document_rtl = is_right_to_left(document.language)
        self.isolating = self.document_rtl

    def sections_of(self, blocks: list[Block]) -> list[_Section]:
        page_break = False
        for position, block in enumerate(blocks):
            if isinstance(block, PageBreak):
                page_break = True
                continue
            if isinstance(block, Heading) and block.level == 1:
                self.sections.append(_Section(anchor(block, position), new_page=page_break))
            elif page_break and self.sections[-1].parts:
                self.sections[-1].parts.append('<div class="page-break"></div>')
            page_break = False
            self.sections[-1].parts.append(self.block(block, position))
        return [section for section in self.sections if section.parts or section.notes]

    def block(self, block: Block, position: int) -> str:
        """The block's HTML; prose in another language than the document's
        carries its own (`lang`, `dir`), so that screen readers switch voice."""
        language = getattr(block, "language", "")
        self.isolating = is_right_to_left(language) if language else self.document_rtl
        own = _language_attributes(language)
        match block:
            case Paragraph(runs=runs, style="body"):
                return f"<p{own}>{self.runs(runs)}</p>"
            case Paragraph(runs=runs, style=style):
                return f'<p class="{escape(style)}"{own}>{self.runs(runs)}</p>'
            case Heading(level=level, text=text):
                tag = _HEADING_TAGS.get(level, "h4")
                heading_id = escape(anchor(block, position))
                return f'<{tag} id="{heading_id}"{own}>{self.plain(text)}</{tag}>'
            case ItemList(items=items, ordered=ordered):
                tag = "ol" if ordered else "ul"
                entries = "".join(f"<li>{self.runs(item)}</li>" for item in items)
                return f"<{tag}{own}>{entries}</{tag}>"
            case Facts(rows=rows):
                pairs = "".join(
                    f"<div><dt>{self.plain(label)}</dt><dd>{self.runs(value)}</dd></div>"
                    for label, value in rows
                )
                return f'<dl class="facts">{pairs}</dl>'
            case Contents(title=title):
                return self.contents_nav(title)
            case Table():
                return self.table(block)
            case Figure():
                return self.figure(block)
        return ""

    def table(self, table: Table) -> str:
        head = "".join(f'<th scope="col">{self.plain(cell)}</th>' for cell in table.header)
        body = "".join(
            f'<tr><th scope="row">{self.plain(row[0])}</th>'
            + "".join(f"<td>{self.plain(cell)}</td>" for cell in row[1:])
            + "</tr>"
            for row in table.rows
            if row
        )
        return (
            f'<table class="figures"><caption>{self.plain(table.caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def figure(self, figure: Figure) -> str:
        """On the web the chart's own `<svg>` (an image with its title and
        description, drawn by `participation.interfaces.charts`, its text
        escaped there); in print the PNG drawn from the same specification,
        as Word has it, with its words as `alt` (WeasyPrint tags it as a
        figure with its alternative text; its SVG renderer would not shape
        right-to-left text)."""
        if self.notes_at_page_foot:
            data = base64.b64encode(figure.png).decode()
            drawing = (
                f'<img src="data:image/png;base64,{data}" width="{figure.width}"'
                f' alt="{escape(figure.alt)}">'
            )
        else:
            drawing = figure.svg
        return (
            f'<figure class="chart">{drawing}'
            f"<figcaption>{self.plain(figure.caption)}</figcaption></figure>"
        )

    def plain(self, text: str) -> str:
        """Text without emphasis, escaped, its left-to-right runs isolated in right-to-left text."""
        return _text(Text(text), isolating=self.isolating)

    def contents_nav(self, title: str) -> str:
        entries = "".join(
            f'<li><a href="#{escape(target)}">{self.plain(text)}</a></li>'
            for target, text in self.contents
        )
        return (
            f'<nav class="contents" aria-labelledby="contents">'
            f'<h2 id="contents">{escape(title)}</h2><ol>{entries}</ol></nav>'
        )

    def runs(self, runs: list[Inline] | tuple[Text, ...]) -> str:
        return "".join(
            self.note_call(run)
            if isinstance(run, Footnote)
            else _text(run, isolating=self.isolating)
            for run in runs
        )

    def note_call(self, note: Footnote) -> str:
        self.notes_called += 1
        number, text = self.notes_called, self.runs(note.runs)
        if self.notes_at_page_foot:
            return f'<span class="footnote">{text}</span>'
        self.sections[-1].notes.append(_Note(number, mark_safe(text)))  # noqa: S308
        return (
            f'<sup class="note-call"><a href="#note-{number}" id="note-call-{number}"'
            f' role="doc-noteref" aria-label="{escape(_note(number))}">{number}</a></sup>'
        )


def _language_attributes(language: str) -> str:
    """` lang="en" dir="ltr"` for prose in a language of its own, else ""."""
    if not language:
        return ""
    direction = "rtl" if is_right_to_left(language) else "ltr"
    return f' lang="{escape(language)}" dir="{direction}"'


def _text(run: Text, *, isolating: bool = False) -> str:
    if isolating and not run.code:
        html = "".join(
            f'<bdi dir="ltr">{_escaped(piece)}</bdi>' if left_to_right else _escaped(piece)
            for piece, left_to_right in left_to_right_pieces(run.text)
        )
    else:
        html = _escaped(run.text)
    if run.italic:
        html = f"<em>{html}</em>"
    if run.bold:
        html = f"<strong>{html}</strong>"
    if href := followable(run.href):
        html = f'<a href="{escape(href)}">{html}</a>'
    return html


def _escaped(text: str) -> str:
    return escape(text, quote=False).replace("\n", "<br>")


def _note(number: int) -> str:
    return gettext("Note %(number)d") % {"number": number}


@cache
def _css(name: str) -> SafeString:
    return mark_safe((STATIC / name).read_text(encoding="utf-8"))  # noqa: S308 — our own file
