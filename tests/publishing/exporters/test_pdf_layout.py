"""Where text lands on the printed pages of the 2016 report, as an editor checks it.

Each test reads the pages as `pdftotext -layout` gives them.
"""

import pytest

from convener.publishing.composition.documents import compose
from convener.publishing.document import (
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Text,
    finished,
    plain,
)
from tests.factories import StaffFactory
from tests.publishing.exporters.test_pdf import pages_of, poppler  # noqa: F401 — a fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(demo_series) -> Document:
    return compose(
        series_slug="gmg-2016", document="report", meeting_number=None, user=StaffFactory()
    )


@pytest.fixture
def report_pages(report, poppler, tmp_path) -> list[list[str]]:  # noqa: F811
    """Each page's lines, spaces collapsed, the page number at its foot left out."""
    return [_lines(page) for page in pages_of(report, poppler, tmp_path)]


def _lines(page: str) -> list[str]:
    lines = [" ".join(line.replace("\u00a0", " ").split()) for line in page.splitlines()]
    lines = [line for line in lines if line]
    return lines[:-1] if lines and lines[-1].isdigit() else lines


def _headings(document: Document) -> list[str]:
    """What reads as a heading: headings, and a speaker's name opening their statement."""
    printed = finished(document)
    texts = [block.text for block in printed.blocks if isinstance(block, Heading)]
    texts += [
        plain(block.runs)
        for block in printed.blocks
        if isinstance(block, Paragraph) and block.style == "speaker"
    ]
    return [" ".join(text.replace("\u00a0", " ").split()) for text in texts]


def test_no_page_of_the_2016_report_ends_with_a_heading(report, report_pages):
    headings = _headings(report)
    stranded = {
        number: page[-1]
        for number, page in enumerate(report_pages, start=1)
        if number > 1 and page and any(heading.endswith(page[-1]) for heading in headings)
    }
    assert len(report_pages) >= 15  # the whole report, in the UN's 10-point type
    assert stranded == {}


def test_co_organisers_label_is_never_broken_at_its_hyphen(report_pages):
    lines = [line for page in report_pages for line in page]
    assert len([line for line in lines if line.startswith("Co-organisers ")]) == 4
    assert "organisers" not in lines
    assert not any(line.startswith("Co- ") or line == "Co-" for line in lines)


def test_running_header_keeps_its_spaces_in_print(poppler, tmp_path):  # noqa: F811
    header = (
        "Responding to large movements of refugees and migrants – Human rights protection, labour"
    )
    document = Document(
        slug="r",
        title="Fourth meeting",
        running_header=header,
        blocks=[PageBreak(), Paragraph([Text("The fourth meeting took place.")])],
    )
    pages = [_lines(page) for page in pages_of(document, poppler, tmp_path)]
    assert header in pages[1]
