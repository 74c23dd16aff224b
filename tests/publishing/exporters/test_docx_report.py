"""The 2016 demo report in Word, as python-docx and LibreOffice read it."""

import docx
import pytest
from django.core.management import call_command

from tests.publishing.exporters.word_files import (
    contents_entries,
    converted_by_libreoffice,
    footnote_texts,
    pdf_text,
)

pytestmark = pytest.mark.django_db

CHAPTERS = [
    "Acknowledgements",
    "Introduction",
    "First meeting: Understanding large movements of refugees and migrants",
    "Second meeting: Protecting the human rights of all people in vulnerable situations within "
    "large movements",
    "Third meeting: Strengthening responsibility sharing for refugees",
    "Fourth meeting: Responding to large movements of refugees and migrants \u2013 Human rights "
    "protection, labour market options and a Global Compact for migration",
    "Appendix 1: About the GMG",
    "Appendix 2: Members of the GMG",
]
FOOTNOTES = {
    1: "The Kingdom of the Netherlands held the Presidency of the Council of the European Union "
    "at the time of the meeting; H.E. Karel van Oosterom spoke in a national capacity.",
    2: "The Kingdom of Thailand chaired the Group of 77 and China in 2016; H.E. Virachai Plasai "
    "spoke in a national capacity.",
}


@pytest.fixture
def report_docx(demo_series, tmp_path):
    path = tmp_path / "report.docx"
    call_command("build", "gmg-2016", "report", "--format", "docx", "-o", str(path))
    return path


def test_report_in_word_has_its_chapters_as_heading_1(report_docx):
    paragraphs = docx.Document(str(report_docx)).paragraphs

    assert [p.text for p in paragraphs if p.style.name == "Heading 1"] == CHAPTERS


def test_report_in_word_has_its_footnotes_in_the_footnotes_part(report_docx):
    assert footnote_texts(docx.Document(str(report_docx))) == FOOTNOTES


def test_report_in_word_lists_the_chapters_in_order_inside_the_contents_field(report_docx):
    entries = contents_entries(docx.Document(str(report_docx)))

    assert [text for style, text in entries if style == "toc 1"] == CHAPTERS
    assert ("toc 2", "Executive summary") in entries


def test_report_in_word_read_by_libreoffice_shows_the_contents_filled(report_docx):
    completed = converted_by_libreoffice(report_docx)
    assert completed.returncode == 0, completed.stderr
    text = pdf_text(report_docx.with_suffix(".pdf"))

    contents = text.index("Contents")
    listed = [text.find(chapter, contents) for chapter in CHAPTERS]
    first_chapter = text.index(CHAPTERS[0], listed[0] + len(CHAPTERS[0]))
    assert -1 not in listed
    assert listed == sorted(listed)
    assert listed[-1] < first_chapter  # every title is listed before the chapters begin
    assert "update the table of contents" not in text
    assert "Seven Member States took the floor" in text
