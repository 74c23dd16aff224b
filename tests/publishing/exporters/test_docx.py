import io

import docx
import pytest
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from convener.publishing.document import Contents, Document, Heading, Paragraph, Text
from convener.publishing.exporters.docx import DocxExporter
from convener.publishing.print_style import UN_STYLE
from tests.publishing.exporters.word_files import (
    contents_entries,
    contents_field,
    converted_by_libreoffice,
    pdf_text,
    texts,
)

CHAPTERS = [
    "Acknowledgements",
    "Meeting 1: Understanding large movements",
    "Meeting 2: Protecting human rights",
    "Meeting 3: Responsibility sharing",
]
FOOTNOTES = {1: "Spoke in his national capacity.", 2: "Chair of the G77 in 2016."}
SECTIONS = [("toc 2", "Executive summary"), ("toc 2", "Panel 1")]


@pytest.fixture
def word_file(sample_document):
    return docx.Document(io.BytesIO(DocxExporter().write(sample_document)))


@pytest.fixture
def footnotes(word_file):
    """The footnotes part's w:footnote elements, by id."""
    part = word_file.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES)
    assert part.content_type == CONTENT_TYPE.WML_FOOTNOTES
    return {int(note.get(qn("w:id"))): note for note in parse_xml(part.blob)}


def word_file_of(*blocks) -> docx.document.Document:
    document = Document(slug="s", title="T", blocks=list(blocks))
    return docx.Document(io.BytesIO(DocxExporter().write(document)))


def bookmarks(word_file) -> list[str]:
    return [mark.get(qn("w:name")) for mark in word_file.element.body.iter(qn("w:bookmarkStart"))]


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


def test_docx_contents_is_a_toc_field_of_chapters_and_sections(word_file):
    first_code = next(word_file.element.body.iter(qn("w:instrText")))

    assert first_code.text.strip() == 'TOC \\o "1-2" \\h \\z \\u'
    assert contents_entries(word_file) == [
        ("toc 1", CHAPTERS[0]),
        *[entry for chapter in CHAPTERS[1:] for entry in [("toc 1", chapter), *SECTIONS]],
    ]


def test_docx_contents_field_ends_after_its_entries(word_file):
    field = contents_field(word_file)
    end = [p._p for p in word_file.paragraphs].index(field[-1]._p)
    after = word_file.paragraphs[end + 1 :]

    assert field[0].style.name == "toc 1"
    assert (field[-1].style.name, field[-1].text) == ("Normal", "")
    assert [p.text for p in after if p.style.name == "Heading 1"] == CHAPTERS


def test_docx_contents_has_no_placeholder_to_update(word_file):
    assert "update the table of contents" not in texts(word_file.element.body)


def test_docx_contents_entries_link_to_the_bookmarks_on_their_headings(word_file):
    links = [p._p.find(qn("w:hyperlink")) for p in contents_field(word_file)[:-1]]
    headings = [p for p in word_file.paragraphs if p.style.name in {"Heading 1", "Heading 2"}]

    assert [(texts(link).strip(), link.get(qn("w:anchor"))) for link in links] == [
        (texts(p._p), p._p.find(qn("w:bookmarkStart")).get(qn("w:name"))) for p in headings
    ]


def test_docx_contents_page_numbers_are_pageref_fields_that_word_fills(word_file):
    entries = contents_field(word_file)[:-1]
    codes = [p._p.find(f"{qn('w:hyperlink')}//{qn('w:instrText')}").text for p in entries]
    anchors = [p._p.find(qn("w:hyperlink")).get(qn("w:anchor")) for p in entries]

    assert codes == [f" PAGEREF {anchor} \\h " for anchor in anchors]
    assert [p.text.endswith("\t") for p in entries] == [True] * len(entries)


def test_docx_contents_tab_stop_is_at_the_right_margin(word_file):
    tab = contents_field(word_file)[0].paragraph_format.tab_stops[0]
    text_width_mm = 210 - UN_STYLE.margins.left - UN_STYLE.margins.right

    assert (tab.alignment, round(tab.position.mm)) == (WD_TAB_ALIGNMENT.RIGHT, text_width_mm)


def test_docx_contents_of_a_document_without_headings_is_an_empty_field():
    word_file = word_file_of(Contents("Contents"), Paragraph([Text("No chapters.")]))
    kinds = [mark.get(qn("w:fldCharType")) for mark in word_file.element.body.iter(qn("w:fldChar"))]

    assert kinds == ["begin", "separate", "end"]
    assert contents_entries(word_file) == []


def test_docx_contents_leaves_out_level_3_and_headings_kept_out_of_it():
    word_file = word_file_of(
        Contents("Contents"),
        Heading(1, "Listed"),
        Heading(2, "Kept out", in_contents=False),
        Heading(3, "Too deep"),
    )

    assert contents_entries(word_file) == [("toc 1", "Listed")]


def test_docx_bookmarks_are_unique_word_names_of_forty_characters_at_most():
    long_anchor = "meeting-1-" + "x" * 40
    word_file = word_file_of(
        Heading(1, "A", anchor="meeting-1"),
        Heading(1, "B", anchor="meeting-1"),
        Heading(2, "C", anchor=long_anchor),
        Heading(2, "D", anchor=long_anchor),
        Heading(2, "E", anchor="2016"),
        Heading(2, "F", anchor="réunion"),
        Heading(2, "G"),
    )

    assert bookmarks(word_file) == [
        "meeting_1",
        "meeting_1_2",
        "meeting_1_" + "x" * 30,
        "meeting_1_" + "x" * 28 + "_2",
        "a2016",
        "r_union",
        "section_6",
    ]


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


def test_docx_links_of_the_text_are_hyperlinks_to_external_targets(word_file):
    contents = {p._p for p in contents_field(word_file)}
    body = word_file.element.body
    links = [link for link in body.iter(qn("w:hyperlink")) if link.getparent() not in contents]
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


@pytest.fixture
def libreoffice_conversion(sample_document, tmp_path):
    """The sample written as Word, then converted to PDF by LibreOffice with its own profile."""
    source = tmp_path / "report.docx"
    source.write_bytes(DocxExporter().write(sample_document))
    return converted_by_libreoffice(source), tmp_path / "report.pdf"


def test_libreoffice_converts_docx_to_pdf(libreoffice_conversion):
    completed, pdf = libreoffice_conversion

    assert completed.returncode == 0, completed.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_libreoffice_pdf_shows_chapters_and_footnotes(libreoffice_conversion):
    _completed, pdf = libreoffice_conversion
    text = pdf_text(pdf)

    assert [chapter for chapter in CHAPTERS if chapter not in text] == []
    assert [note for note in FOOTNOTES.values() if note not in text] == []


def test_docx_title_block_is_followed_by_the_text_without_a_page_break():
    document = Document(
        title="Protecting human rights",
        subtitle="Concept note and programme",
        cover=[Paragraph([Text("Conference Room 5")], "lead")],
        cover_page=False,
        blocks=[Heading(1, "Introduction", in_contents=False), Paragraph([Text("Text.")])],
    )
    word = docx.Document(io.BytesIO(DocxExporter().write(document)))
    first_footer_fields = [
        text.text.strip()
        for text in word.sections[0].first_page_footer._element.iter(qn("w:instrText"))
    ]

    assert [p.text for p in word.paragraphs] == [
        "Protecting human rights",
        "Concept note and programme",
        "Conference Room 5",
        "Introduction",
        "Text.",
    ]
    assert not any(p.paragraph_format.page_break_before for p in word.paragraphs)
    assert first_footer_fields == ["PAGE"]
