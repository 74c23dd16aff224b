"""Every format prints the same finished typography, and the document given stays as written."""

import io
import zipfile

import pytest

from convener.publishing.document import (
    Document,
    Facts,
    Heading,
    Paragraph,
    Text,
    blocks_from_markdown,
    finished,
)
from convener.publishing.exporters import exporters
from tests.publishing.exporters.test_pdf import pages_of, poppler  # noqa: F401 — a fixture

NBSP = "\u00a0"
TYPED = 'UN Women\'s "whole of society" approach -- held on 20 September (UN Women).'
PRINTED = (
    f"UN Women\u2019s \u201cwhole of society\u201d approach \u2013 held on 20{NBSP}September"
    f"{NBSP}(UN{NBSP}Women)."
)


def typed_document() -> Document:
    return Document(
        slug="typed",
        title='The "GMG" report',
        running_header="GMG - 2016",
        blocks=[
            Heading(1, "The Secretary-General's report", anchor="report"),
            Facts([("Date", [Text("20 September 2016")])]),
            Paragraph([Text(TYPED)]),
        ],
    )


def text_of(identifier: str, content: bytes) -> str:
    if identifier == "docx":
        with zipfile.ZipFile(io.BytesIO(content)) as word:
            return word.read("word/document.xml").decode()
    return content.decode()


@pytest.mark.parametrize("identifier", ["html", "md", "docx"])
def test_every_format_prints_typographic_quotes_dashes_and_no_break_spaces(identifier):
    written = text_of(identifier, exporters()[identifier].write(typed_document()))
    assert PRINTED in written
    assert "Secretary-General\u2019s report" in written
    assert f"20{NBSP}September 2016" in written
    assert TYPED not in written


def test_pdf_prints_typographic_quotes_dashes_and_no_break_spaces(poppler, tmp_path):  # noqa: F811
    text = "\n".join(pages_of(typed_document(), poppler, tmp_path)).replace(NBSP, " ")
    assert "UN Women\u2019s \u201cwhole of society\u201d approach \u2013 held on 20" in text
    assert "The Secretary-General\u2019s report" in text
    assert '"' not in text
    assert "'" not in text


def test_finishing_leaves_the_document_as_written():
    document = typed_document()
    printed = finished(document)
    assert document.blocks[2] == Paragraph([Text(TYPED)])
    assert document.title == 'The "GMG" report'
    assert printed.title == "The \u201cGMG\u201d report"
    assert printed.running_header == "GMG \u2013 2016"


def test_code_in_a_users_markdown_is_printed_as_written():
    blocks = blocks_from_markdown('Run `convener build --format "pdf"` -- then "read" it.')
    printed = finished(Document(title="t", blocks=blocks)).blocks[0]
    assert isinstance(printed, Paragraph)
    assert [run.text for run in printed.runs if isinstance(run, Text)] == [
        "Run ",
        'convener build --format "pdf"',
        " \u2013 then \u201cread\u201d it.",
    ]


def test_web_address_in_a_users_markdown_is_printed_as_written():
    blocks = blocks_from_markdown("See <https://example.org/a--b?x='y'> -- soon")
    printed = finished(Document(title="t", blocks=blocks)).blocks[0]
    assert isinstance(printed, Paragraph)
    assert "".join(run.text for run in printed.runs if isinstance(run, Text)) == (
        "See https://example.org/a--b?x='y' \u2013 soon"
    )
