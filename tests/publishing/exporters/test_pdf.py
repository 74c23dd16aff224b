import contextlib
import os
import re
import shutil
import subprocess
import zlib

import pytest

from convener.publishing.document import Document, Footnote, Heading, PageBreak, Paragraph, Text
from convener.publishing.exporters.pdf import PdfExporter

CHAPTERS = [
    "Acknowledgements",
    "Meeting 1: Understanding large movements",
    "Meeting 2: Protecting human rights",
    "Meeting 3: Responsibility sharing",
]


@pytest.fixture(scope="session")
def poppler() -> dict[str, str]:
    """pdftotext and pdfinfo: required in CI, where a skip would hide a broken PDF."""
    tools = {name: shutil.which(name) for name in ("pdftotext", "pdfinfo")}
    missing = [name for name, path in tools.items() if path is None]
    if missing:
        message = f"poppler-utils is not installed ({', '.join(missing)} missing)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return tools


def pages_of(document: Document, poppler: dict[str, str], tmp_path) -> list[str]:
    """The text of each page, as `pdftotext -layout` reads it."""
    path = tmp_path / "document.pdf"
    path.write_bytes(PdfExporter().write(document))
    text = subprocess.run(
        [poppler["pdftotext"], "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return text.split("\f")[:-1]  # each page ends with a form feed


def info_of(document: Document, poppler: dict[str, str], tmp_path) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(PdfExporter().write(document))
    return subprocess.run(
        [poppler["pdfinfo"], str(path)], capture_output=True, text=True, check=True
    ).stdout


def lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


def page_numbers_with_line(pages: list[str], text: str) -> list[int]:
    return [number for number, page in enumerate(pages, start=1) if text in lines(page)]


def page_numbers_containing(pages: list[str], text: str) -> list[int]:
    return [number for number, page in enumerate(pages, start=1) if text in page]


def test_pdf_contents_gives_the_page_of_each_chapter_heading(sample_document, poppler, tmp_path):
    pages = pages_of(sample_document, poppler, tmp_path)
    entry = re.compile(r"^(?P<title>.+?)\s*\.{3,}\s*(?P<page>\d+)$")
    listed = {
        match["title"]: int(match["page"])
        for line in lines(pages[1])
        if (match := entry.match(line))
    }
    printed = {title: page_numbers_with_line(pages, title) for title in CHAPTERS}
    assert printed == {title: [page] for title, page in listed.items()}
    assert list(listed) == CHAPTERS


def test_pdf_running_header_is_on_page_two_but_not_the_cover(sample_document, poppler, tmp_path):
    pages = pages_of(sample_document, poppler, tmp_path)
    assert lines(pages[1])[0] == "GMG 2016 report"
    assert "GMG 2016 report" not in pages[0]


def test_pdf_pages_after_the_cover_are_numbered(sample_document, poppler, tmp_path):
    pages = pages_of(sample_document, poppler, tmp_path)
    assert [lines(page)[-1] for page in pages[1:]] == ["2", "3", "4", "5", "6"]


def test_pdf_cover_has_no_page_number(sample_document, poppler, tmp_path):
    pages = pages_of(sample_document, poppler, tmp_path)
    assert lines(pages[0])[-1] == "Chaired in 2016 by UN Women"


def test_pdf_footnote_is_on_the_page_of_its_chapter(sample_document, poppler, tmp_path):
    pages = pages_of(sample_document, poppler, tmp_path)
    assert page_numbers_containing(pages, "1. Spoke in his national capacity.") == (
        page_numbers_with_line(pages, CHAPTERS[1])
    )
    assert page_numbers_containing(pages, "2. Chair of the G77 in 2016.") == (
        page_numbers_with_line(pages, CHAPTERS[3])
    )


def test_pdf_footnote_follows_its_call_into_a_later_page(poppler, tmp_path):
    filler = "The delegate spoke at length about protection at sea and on land. " * 12
    blocks = [Paragraph([Text(f"Paragraph {n}. {filler}")]) for n in range(1, 13)]
    blocks[8] = Paragraph([Text("Called here"), Footnote((Text("Noted late."),)), Text(".")])
    blocks = [PageBreak(), Heading(1, "Long"), *blocks]
    document = Document(slug="long", title="Long", blocks=blocks)
    pages = pages_of(document, poppler, tmp_path)
    called = page_numbers_containing(pages, "Called here1.")
    assert called != page_numbers_with_line(pages, "Long")
    assert page_numbers_containing(pages, "1. Noted late.") == called


def test_pdf_page_size_is_a4(sample_document, poppler, tmp_path):
    info = info_of(sample_document, poppler, tmp_path)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert (round(float(size[1])), round(float(size[2]))) == (595, 842)


def test_pdf_title_is_the_document_title(sample_document, poppler, tmp_path):
    info = info_of(sample_document, poppler, tmp_path)
    assert "Title:           Report of the GMG multi-stakeholder meetings\n" in info


def _catalogue_and_streams(pdf: bytes) -> bytes:
    """The file's bytes with its compressed streams inflated, where the catalogue may sit."""
    inflated = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        with contextlib.suppress(zlib.error):
            inflated.append(zlib.decompress(stream))
    return b"\n".join(inflated)


def test_pdf_is_tagged_with_its_title_and_language_for_assistive_technology(poppler, tmp_path):
    document = Document(
        slug="fr",
        title="Rapport des réunions",
        language="fr",
        blocks=[Heading(1, "Première réunion"), Paragraph([Text("Sept États.")])],
    )
    path = tmp_path / "document.pdf"
    path.write_bytes(PdfExporter().write(document))
    info = subprocess.run(
        [poppler["pdfinfo"], "-meta", str(path)], capture_output=True, text=True, check=True
    ).stdout
    structure = subprocess.run(
        [poppler["pdfinfo"], "-struct", str(path)], capture_output=True, text=True, check=True
    ).stdout

    assert 'pdfuaid:part="1"' in info
    assert "Rapport des réunions</rdf:li>" in info
    tags = [line.split()[0] for line in structure.splitlines()]
    assert tags[0] == "Document"
    assert {"H1", "P"} <= set(tags)
    assert b"/Lang (fr)" in _catalogue_and_streams(path.read_bytes())


def test_pdf_metadata_gives_the_document_title_and_language(poppler, tmp_path):
    document = Document(slug="fr", title="Rapport des réunions", language="fr")
    path = tmp_path / "document.pdf"
    path.write_bytes(PdfExporter().write(document))
    metadata = subprocess.run(
        [poppler["pdfinfo"], "-meta", str(path)], capture_output=True, text=True, check=True
    ).stdout

    assert '<rdf:li xml:lang="x-default">Rapport des réunions</rdf:li>' in metadata
    assert "<dc:language><rdf:Bag><rdf:li>fr</rdf:li></rdf:Bag></dc:language>" in metadata
    assert b"/DisplayDocTitle true" in _catalogue_and_streams(path.read_bytes())


def test_pdf_keeps_chinese_text(poppler, tmp_path):
    document = Document(
        slug="zh", title="报告", language="zh", blocks=[Paragraph([Text("七个会员国发了言。")])]
    )
    assert "七个会员国发了言。" in pages_of(document, poppler, tmp_path)[1]


def test_pdf_page_break_starts_a_new_page(poppler, tmp_path):
    blocks = [Paragraph([Text("Before the break.")]), PageBreak(), Paragraph([Text("After it.")])]
    pages = pages_of(Document(slug="b", title="B", blocks=blocks), poppler, tmp_path)
    assert page_numbers_with_line(pages, "Before the break.") == [2]
    assert page_numbers_with_line(pages, "After it.") == [3]


def title_block_document(paragraphs: int = 1) -> Document:
    """A short concept note: its title block and its text share the first page."""
    return Document(
        title="Protecting human rights",
        subtitle="Concept note and programme",
        cover=[Paragraph([Text("10:00–12:00 | Conference Room 5")], "lead")],
        cover_page=False,
        running_header="Concept note: human rights",
        blocks=[
            Heading(1, "Introduction", in_contents=False),
            *[Paragraph([Text(f"Paragraph {n} of the introduction.")]) for n in range(paragraphs)],
        ],
    )


def test_pdf_title_block_is_followed_by_the_text_on_the_first_page(poppler, tmp_path):
    pages = pages_of(title_block_document(), poppler, tmp_path)

    assert len(pages) == 1
    assert lines(pages[0])[:4] == [
        "Protecting human rights",
        "Concept note and programme",
        "10:00–12:00 | Conference Room 5",
        "Introduction",
    ]


def test_pdf_title_block_page_is_numbered_without_the_running_header(poppler, tmp_path):
    pages = pages_of(title_block_document(paragraphs=60), poppler, tmp_path)

    assert [lines(page)[-1] for page in pages] == [str(n) for n in range(1, len(pages) + 1)]
    assert "Concept note: human rights" not in pages[0]
    assert lines(pages[1])[0] == "Concept note: human rights"
