"""The report's annex "Participation in figures": there only when the series
turns it on, in every format, each chart with its table; the PDF and Word
files read back with the tools a reader uses."""

import subprocess

import docx
import pytest
from django.core.management import call_command

from convener.publishing.models import HouseStyle
from tests.publishing.exporters.word_files import converted_by_libreoffice
from tests.publishing.exporters.word_files import pdf_text as word_pdf_text
from tests.tools import require

pytestmark = pytest.mark.django_db

ANNEX = "Annex: Participation in figures"
TITLE = "Turns of States by regional group"


@pytest.fixture
def annex_on(demo_series):
    HouseStyle.objects.create(series=demo_series, participation_annex=True)
    return demo_series


def build(tmp_path, file_format):
    path = tmp_path / f"report.{file_format}"
    call_command("build", "gmg-2016", "report", "--format", file_format, "-o", str(path))
    return path


def pdf_text(path):
    pdftotext = require("pdftotext")
    return subprocess.run(
        [pdftotext, str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def test_the_report_has_no_figures_annex_unless_the_series_turns_it_on(demo_series, tmp_path):
    markdown = build(tmp_path, "md").read_text(encoding="utf-8")

    assert ANNEX not in markdown
    assert ANNEX not in pdf_text(build(tmp_path, "pdf"))


def test_the_annex_in_markdown_gives_each_chart_in_words_and_its_table(annex_on, tmp_path):
    markdown = build(tmp_path, "md").read_text(encoding="utf-8")

    annex = markdown[markdown.index(ANNEX) :]
    assert f"\n### {TITLE}\n" in annex
    assert "| Regional group | Turns |\n| --- | --- |\n| African Group |" in annex
    assert f"**Figure 2. {TITLE}**" in annex
    assert f"*Table 2. {TITLE}*" in annex


def test_the_annex_in_the_web_page_has_accessible_charts_and_tables(annex_on, tmp_path):
    page = build(tmp_path, "html").read_text(encoding="utf-8")

    annex = page[page.index(ANNEX) :]
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in annex
    assert 'role="img"' in annex
    assert f'<table class="figures"><caption>Table 2. {TITLE}</caption>' in annex
    assert '<th scope="col">Regional group</th>' in annex


def test_the_annex_in_pdf_has_its_heading_charts_and_tables(annex_on, tmp_path):
    text = pdf_text(build(tmp_path, "pdf"))

    annex = text[text.index(ANNEX) :]
    assert TITLE in annex
    assert "Western European and Others Group" in annex
    assert "Panellists by recorded gender" in annex


def test_the_annex_in_word_has_pictures_described_and_real_tables(annex_on, tmp_path):
    word = docx.Document(str(build(tmp_path, "docx")))

    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[-1] == ANNEX
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    assert f"Figure 2. {TITLE}" in captions
    assert f"Table 2. {TITLE}" in captions
    table = next(t for t in word.tables if t.rows[0].cells[0].text == "Regional group")
    assert [cell.text for cell in table.rows[0].cells] == ["Regional group", "Turns"]
    assert table.rows[1].cells[0].text == "African Group"
    pictures = word.inline_shapes
    descriptions = [shape._inline.docPr.get("descr") for shape in pictures]
    assert any(d.startswith(f"{TITLE}. African Group: ") for d in descriptions)
    image = pictures[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert word.part.related_parts[image].blob.startswith(b"\x89PNG")


def test_the_annex_counts_only_released_records(annex_on, tmp_path):
    annex_on.meetings.filter(number=3).update(record_released_at=None)

    markdown = build(tmp_path, "md").read_text(encoding="utf-8")

    annex = markdown[markdown.index(ANNEX) :]
    assert "Meeting 3 |" not in annex
    assert "| Meeting 4 |" in annex


def test_libreoffice_reads_the_annexs_tables_in_the_word_file(annex_on, tmp_path):
    path = build(tmp_path, "docx")

    completed = converted_by_libreoffice(path)

    assert completed.returncode == 0, completed.stderr
    text = word_pdf_text(path.with_suffix(".pdf"))
    annex = text[text.rindex(ANNEX) :]
    assert f"Table 2. {TITLE} Regional group Turns African Group" in annex


def test_the_annex_speaks_the_reports_language(annex_on, tmp_path):
    path = tmp_path / "report-fr.md"
    call_command(
        "build", "gmg-2016", "report", "--format", "md", "--language", "fr", "-o", str(path)
    )

    markdown = path.read_text(encoding="utf-8")

    assert "| Groupe des États d\u2019Afrique |" in markdown
    assert "| African Group |" not in markdown
