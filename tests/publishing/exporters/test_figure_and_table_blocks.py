"""The document tree's figures and tables in each writer: text escaped,
tables with their headings, charts with their words."""

import io

import docx
from docx.oxml.ns import qn
from PIL import Image

from convener.publishing.document import Document, Figure, Heading, Table
from convener.publishing.exporters.docx import DocxExporter
from convener.publishing.exporters.html import render_body
from convener.publishing.exporters.markdown import document_as_markdown


def png() -> bytes:
    stream = io.BytesIO()
    Image.new("RGB", (800, 200), "white").save(stream, format="PNG")
    return stream.getvalue()


TABLE = Table(
    caption="Table 1. Turns by kind",
    header=["Kind of speaker", "Turns"],
    rows=[["<b>Civil | society</b>", "3"], ["UN *entity*", "12"]],
)
FIGURE = Figure(
    svg='<svg xmlns="http://www.w3.org/2000/svg" role="img"><title>Turns</title></svg>',
    png=png(),
    alt="Turns by kind. Civil society: 3; UN entity: 12.",
    caption="Figure 1. Turns by kind",
    width=400,
)


def document(*blocks):
    return Document(title="Report", blocks=[Heading(1, "Annex"), *blocks])


def test_a_table_in_markdown_is_a_pipe_table_with_its_cells_escaped():
    text = document_as_markdown(document(TABLE))

    assert (
        "*Table 1. Turns by kind*\n\n"
        "| Kind of speaker | Turns |\n"
        "| --- | --- |\n"
        "| \\<b\\>Civil \\| society\\</b\\> | 3 |\n"
        "| UN \\*entity\\* | 12 |"
    ) in text


def test_a_figure_in_markdown_gives_its_caption_and_its_words():
    text = document_as_markdown(document(FIGURE))

    assert "**Figure 1. Turns by kind**\n\nTurns by kind. Civil society: 3; UN entity: 12." in text


def test_a_table_in_html_has_its_caption_and_header_cells_and_escapes_its_text():
    html = str(render_body(document(TABLE)))

    assert "<caption>Table 1. Turns by kind</caption>" in html
    assert '<th scope="col">Kind of speaker</th><th scope="col">Turns</th>' in html
    assert '<th scope="row">&lt;b&gt;Civil | society&lt;/b&gt;</th><td>3</td>' in html


def test_a_figure_on_a_web_page_is_its_svg_with_its_caption():
    html = str(render_body(document(FIGURE)))

    assert f'<figure class="chart">{FIGURE.svg}<figcaption>Figure 1. Turns by kind' in html


def test_a_table_in_word_repeats_its_heading_row_and_follows_its_caption():
    word = docx.Document(io.BytesIO(DocxExporter().write(document(TABLE))))

    table = word.tables[0]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Kind of speaker", "Turns"],
        ["<b>Civil | society</b>", "3"],
        ["UN *entity*", "12"],
    ]
    assert table.rows[0]._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    caption = table._tbl.getprevious()
    assert caption.xpath("string(.)") == "Table 1. Turns by kind"


def test_a_figure_in_word_is_a_picture_described_by_its_words_at_its_own_width():
    word = docx.Document(io.BytesIO(DocxExporter().write(document(FIGURE))))

    shape = word.inline_shapes[0]
    assert shape._inline.docPr.get("descr") == FIGURE.alt
    assert shape.width == docx.shared.Inches(400 / 96)
