import io
import os
import shutil
import subprocess

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from convener.publishing.document import Document, Heading, Paragraph, Text
from convener.publishing.exporters.docx import DocxExporter

CHAPTERS = [
    "Acknowledgements",
    "Meeting 1: Understanding large movements",
    "Meeting 2: Protecting human rights",
    "Meeting 3: Responsibility sharing",
]
FOOTNOTES = {1: "Spoke in his national capacity.", 2: "Chair of the G77 in 2016."}


@pytest.fixture
def word_file(sample_document):
    return docx.Document(io.BytesIO(DocxExporter().write(sample_document)))


@pytest.fixture
def footnotes(word_file):
    """The footnotes part's w:footnote elements, by id."""
    part = word_file.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES)
    assert part.content_type == CONTENT_TYPE.WML_FOOTNOTES
    return {int(note.get(qn("w:id"))): note for note in parse_xml(part.blob)}


def texts(element) -> str:
    """The text of an element's w:t descendants."""
    return "".join(text.text for text in element.iter(qn("w:t")))


def test_docx_chapters_are_heading_1_in_order(word_file):
    headings = [p.text for p in word_file.paragraphs if p.style.name == "Heading 1"]

    assert headings == CHAPTERS


def test_docx_sections_are_heading_2(word_file):
    headings = [p.text for p in word_file.paragraphs if p.style.name == "Heading 2"]

    assert headings == ["Executive summary", "Panel 1"] * 3


def test_docx_cover_has_title_and_subtitle_then_a_page_break(word_file):
    title, subtitle, lead, contents = word_file.paragraphs[:4]

    assert (title.style.name, title.text) == (
        "Title",
        "Report of the GMG multi-stakeholder meetings",
    )
    assert (subtitle.style.name, subtitle.text) == ("Subtitle", "Global Migration Group")
    assert (lead.style.name, lead.text) == ("Lead", "Chaired in 2016 by UN Women")
    assert contents.paragraph_format.page_break_before is True


def test_docx_list_items_have_list_styles(word_file):
    items = [(p.style.name, p.text) for p in word_file.paragraphs if p.style.name[:4] == "List"]

    assert items == [
        ("List Bullet", "H.E. Karel van Oosterom"),
        ("List Bullet", "H.E. Virachai Plasai"),
        *[("List Number", "first point"), ("List Number", "second point")] * 3,
    ]


def test_docx_ordered_lists_restart_at_one(word_file):
    numbering = word_file.part.numbering_part.element
    lists = {
        p._p.pPr.numPr.numId.val for p in word_file.paragraphs if p.style.name == "List Number"
    }

    assert len(lists) == 3
    for number in lists:
        override = numbering.num_having_numId(number).find(qn("w:lvlOverride"))
        assert override.find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_docx_contents_is_a_toc_field_of_chapters(word_file):
    body = word_file.element.body
    instructions = [text.text.strip() for text in body.iter(qn("w:instrText"))]
    kinds = [mark.get(qn("w:fldCharType")) for mark in body.iter(qn("w:fldChar"))]

    assert instructions == ['TOC \\o "1-1" \\h \\z \\u']
    assert kinds == ["begin", "separate", "end"]
    assert "Right-click to update the table of contents." in texts(body)


def test_docx_settings_ask_word_to_update_fields(word_file):
    update = word_file.settings.element.find(qn("w:updateFields"))

    assert update.get(qn("w:val")) == "true"


def test_docx_footnotes_part_holds_the_footnote_texts(footnotes):
    notes = {number: texts(note).strip() for number, note in footnotes.items() if number > 0}

    assert notes == FOOTNOTES


def test_docx_footnotes_part_has_word_separators(footnotes):
    kinds = {number: note.get(qn("w:type")) for number, note in footnotes.items() if number < 1}

    assert kinds == {-1: "separator", 0: "continuationSeparator"}


def test_docx_body_references_each_footnote_where_it_stands(word_file):
    references = list(word_file.element.body.iter(qn("w:footnoteReference")))
    paragraphs = [texts(ref.getparent().getparent()) for ref in references]

    assert [int(ref.get(qn("w:id"))) for ref in references] == list(FOOTNOTES)
    assert paragraphs == ["Seven Member States took the floor: Thailand."] * 2


def test_docx_footnote_references_are_superscript_marks(word_file):
    reference = next(word_file.element.body.iter(qn("w:footnoteReference")))
    run_properties = reference.getparent().rPr

    assert run_properties.style == "FootnoteReference"
    assert run_properties.superscript is True


def test_docx_has_footnote_styles(word_file):
    styles = word_file.styles.element

    assert styles.get_by_id("FootnoteText").name_val == "footnote text"
    assert styles.get_by_id("FootnoteReference").name_val == "footnote reference"


def test_docx_links_are_hyperlinks_to_external_targets(word_file):
    links = list(word_file.element.body.iter(qn("w:hyperlink")))
    targets = [word_file.part.rels[link.get(qn("r:id"))] for link in links]

    assert [texts(link) for link in links] == ["A/70/59"] * 3
    assert {(t.is_external, t.target_ref) for t in targets} == {
        (True, "https://undocs.org/en/A/70/59")
    }


def test_docx_emphasis_becomes_bold_and_italic_runs(word_file):
    runs = [run for p in word_file.paragraphs for run in p.runs]

    assert {run.text for run in runs if run.bold} == {"Thailand", "Ninette Kelley"}
    assert {run.text for run in runs if run.italic} == {"resolution 70/290"}


def test_docx_facts_are_a_table_with_bold_labels(word_file):
    table = word_file.tables[0]
    labels = [row.cells[0].paragraphs[0].runs[0] for row in table.rows]

    assert table.style.name == "Table Grid"
    assert [(label.text, label.bold) for label in labels] == [
        ("Date", True),
        ("Co-organisers", True),
    ]
    assert table.rows[1].cells[1].text == "UNDP and UNHCR"


def test_docx_page_is_a4_with_running_header_and_page_numbers(word_file):
    section = word_file.sections[0]
    footer_fields = [text.text.strip() for text in section.footer._element.iter(qn("w:instrText"))]

    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.header.paragraphs[0].text == "GMG 2016 report"
    assert footer_fields == ["PAGE"]
    assert section.different_first_page_header_footer is True


def test_docx_links_to_an_anchor_point_at_the_heading_bookmark():
    document = Document(
        slug="s",
        title="T",
        blocks=[
            Heading(1, "Meeting 1", anchor="meeting-1"),
            Paragraph([Text("See meeting 1", href="#meeting-1")]),
        ],
    )
    body = docx.Document(io.BytesIO(DocxExporter().write(document))).element.body

    bookmark = next(body.iter(qn("w:bookmarkStart")))
    link = next(body.iter(qn("w:hyperlink")))

    assert bookmark.get(qn("w:name")) == "meeting_1"
    assert link.get(qn("w:anchor")) == "meeting_1"


def test_docx_line_breaks_become_breaks_and_control_characters_are_dropped():
    document = Document(slug="s", title="T", blocks=[Paragraph([Text("one\ntwo\x0b")])])

    paragraph = docx.Document(io.BytesIO(DocxExporter().write(document))).paragraphs[-1]

    assert paragraph.text == "one\ntwo"
    assert len(paragraph._p.findall(f"{qn('w:r')}/{qn('w:br')}")) == 1


def test_docx_without_footnotes_has_no_footnotes_part():
    document = Document(slug="s", title="T", blocks=[Paragraph([Text("No notes.")])])

    word_file = docx.Document(io.BytesIO(DocxExporter().write(document)))

    with pytest.raises(KeyError):
        word_file.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES)


def tool(name: str) -> str:
    """The path of a program the conversion needs: missing, a failure on CI, a skip elsewhere."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed")
        pytest.skip(f"{name} is not installed")
    return path


@pytest.fixture
def libreoffice_conversion(sample_document, tmp_path):
    """The sample written as Word, then converted to PDF by LibreOffice with its own profile."""
    source = tmp_path / "report.docx"
    source.write_bytes(DocxExporter().write(sample_document))
    command = [
        tool("soffice"),
        f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path),
        str(source),
    ]
    # The command is ours and its arguments are paths of the test's own folder.
    completed = subprocess.run(command, capture_output=True, timeout=120, check=False)
    return completed, tmp_path / "report.pdf"


def test_libreoffice_converts_docx_to_pdf(libreoffice_conversion):
    completed, pdf = libreoffice_conversion

    assert completed.returncode == 0, completed.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_libreoffice_pdf_shows_chapters_and_footnotes(libreoffice_conversion):
    _completed, pdf = libreoffice_conversion
    # The path is the fixture's own output file.
    extracted = subprocess.run(
        [tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60
    )
    text = " ".join(extracted.stdout.decode().split())

    assert [chapter for chapter in CHAPTERS if chapter not in text] == []
    assert [note for note in FOOTNOTES.values() if note not in text] == []
