"""The 2016 report's cover and imprint as PDF, Word and Markdown print them,
and a report whose series gives no imprint, which prints none."""

import io

import docx
import pytest

from convener.publishing.composition.documents import compose
from convener.publishing.document import Contents, Document, PageBreak, Paragraph, Text
from convener.publishing.exporters.docx import DocxExporter
from convener.publishing.exporters.markdown import document_as_markdown
from tests.factories import StaffFactory
from tests.publishing.exporters.test_pdf import lines, pages_of, poppler  # noqa: F401 — a fixture

pytestmark = pytest.mark.django_db

TITLE = [
    "Report of the",
    "Global Migration Group (GMG)",
    "multi-stakeholder meetings",
]
CONVENED = (
    "Convened by the GMG, chaired in 2016 by the United Nations Entity for Gender Equality "
    "and the Empowerment of Women (UN Women)"
)
COPYRIGHT = "© UN Women 2016. All rights reserved."
PRODUCED = (
    "This report was produced for the GMG by the Economic Empowerment Section of UN Women, "
    "New York."
)


@pytest.fixture
def report(demo_series) -> Document:
    return compose(
        series_slug="gmg-2016", document="report", meeting_number=None, user=StaffFactory()
    )


def joined(page: str) -> str:
    return " ".join(" ".join(lines(page)).split())


def without_imprint() -> Document:
    return Document(
        slug="r",
        title="Report of the meetings",
        cover=[Paragraph([Text("Convened by the IAG")], "lead")],
        blocks=[Contents("Contents"), PageBreak(), Paragraph([Text("Chapter text.")])],
    )


def test_pdf_cover_sets_the_title_in_the_seeds_lines_then_who_convened(
    report,
    poppler,  # noqa: F811
    tmp_path,
):
    cover = pages_of(report, poppler, tmp_path)[0]

    assert lines(cover)[:3] == TITLE
    assert lines(cover)[3].startswith("in preparation for the High-level plenary")
    assert CONVENED in joined(cover)


def test_pdf_imprint_is_the_page_after_the_cover(report, poppler, tmp_path):  # noqa: F811
    pages = pages_of(report, poppler, tmp_path)

    assert lines(pages[1])[0] == COPYRIGHT
    assert "This report records the discussions" in joined(pages[1])
    assert joined(pages[1]).endswith(PRODUCED)
    assert "Contents" in lines(pages[2])


def test_pdf_without_imprint_goes_from_the_cover_to_the_contents(poppler, tmp_path):  # noqa: F811
    pages = pages_of(without_imprint(), poppler, tmp_path)

    assert lines(pages[1])[0] == "Contents"
    assert "All rights reserved" not in " ".join(pages)


def test_word_cover_sets_the_title_in_lines_and_the_imprint_on_the_next_page(report):
    paragraphs = docx.Document(io.BytesIO(DocxExporter().write(report))).paragraphs

    title = next(p for p in paragraphs if p.style.name == "Title")
    imprint = [p for p in paragraphs if p.text in (COPYRIGHT, PRODUCED)]
    contents = next(p for p in paragraphs if p.style.name == "TOC Heading")
    assert title.text.split("\n")[:3] == [line.replace(" (", "\u00a0(") for line in TITLE]
    assert [p.text for p in imprint] == [COPYRIGHT, PRODUCED]
    assert imprint[0].paragraph_format.page_break_before
    assert contents.paragraph_format.page_break_before


def test_word_without_imprint_has_no_imprint_page():
    word_file = docx.Document(io.BytesIO(DocxExporter().write(without_imprint())))
    texts = [p.text for p in word_file.paragraphs]

    assert texts[:3] == ["Report of the meetings", "Convened by the IAG", "Contents"]


def test_markdown_gives_the_title_the_cover_and_the_imprint_before_the_contents(report):
    text = document_as_markdown(report).replace("\u00a0", " ")  # before "(GMG)", "(UN Women)"
    head = text.split("## Contents", 1)[0]

    assert head.startswith("# Report of the Global Migration Group (GMG) multi-stakeholder")
    assert [head.index(part) for part in (CONVENED, COPYRIGHT, PRODUCED)] == sorted(
        head.index(part) for part in (CONVENED, COPYRIGHT, PRODUCED)
    )


def test_markdown_without_imprint_prints_none():
    assert document_as_markdown(without_imprint()).split("\n\n")[:3] == [
        "# Report of the meetings",
        "Convened by the IAG",
        "## Contents",
    ]
