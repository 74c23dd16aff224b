"""The demo's report in each official language, read back from its PDF and Word files.

Every computed part — headings, the header block's labels, dates, the
participation sentence — is in the document's language (`convener build
--language`). Each file is built once for the module: a PDF takes seconds.
"""

import re
import subprocess
import zipfile

import docx
import pytest
from django.core.management import call_command
from django.db import transaction

from convener.directory.domain.reference_data import load_reference_data, reference_data_loaded
from convener.server.demo import load_demo_series
from tests.tools import require

pytestmark = pytest.mark.django_db

# What each language's report says, as its catalogue and CLDR write it: its
# headings, the labels of a meeting's header block, the date of the 13 July
# meeting and the participation sentence (without its number in words).
EXPECTED = {
    "ru": {
        "headings": ["Содержание", "Выражение признательности", "Первое заседание", "Резюме"],
        "labels": ["Дата", "Время", "Место", "Соорганизаторы", "Сопредседатели"],
        "date": "13 июля 2016 г.",
        "participation": ["Слово взяли", "(в качестве сопредседателей заседания)"],
    },
    "zh": {
        "headings": ["致谢", "第一次会议", "内容提要"],
        "labels": ["日期", "时间", "地点", "共同组织方", "共同主席"],
        "date": "2016年7月13日",
        "participation": ["个会员国作了发言", "（作为会议共同主席）"],  # noqa: RUF001 — Chinese brackets
    },
    "fr": {
        "headings": ["Remerciements", "Première réunion", "Résumé analytique"],
        "labels": ["Date", "Heure", "Lieu", "Coorganisateurs", "Coprésidents"],
        "date": "13 juillet 2016",
        "participation": [
            "États Membres ont pris la parole",
            "(en leur qualité de coprésidents de la réunion)",
        ],
    },
    "es": {
        "headings": ["Índice", "Agradecimientos", "Primera reunión", "Resumen ejecutivo"],
        "labels": ["Fecha", "Hora", "Lugar", "Coorganizadores", "Copresidentes"],
        "date": "13 de julio de 2016",
        "participation": [
            "Estados Miembros hicieron uso de la palabra",
            "(como copresidentes de la reunión)",
        ],
    },
    "ar": {
        "headings": ["المحتويات", "شكر وتقدير", "الاجتماع الأول", "الموجز التنفيذي"],
        "labels": ["التاريخ", "الوقت", "المكان", "الرئيسان المشاركان"],
        "date": "13 يوليو 2016",
        "participation": ["أخذت الكلمة", "بصفتهما الرئيسين المشاركين للاجتماع"],
    },
}
# Marks a reader adds (pdftotext's embeddings around right-to-left text) or
# Word keeps (the left-to-right embeddings around Latin words in Arabic).
_DIRECTION_MARKS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")
# The forms Arabic letters are drawn in, which pdftotext gives back as they are.
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker, tmp_path_factory):
    """The report's PDF and Word files in each language, by language and format,
    written by `convener build --language` ("zh" as people type it)."""
    folder = tmp_path_factory.mktemp("languages")
    files = {}
    with django_db_blocker.unblock(), transaction.atomic():
        if not reference_data_loaded():
            load_reference_data()
        load_demo_series()
        for language in EXPECTED:
            for file_format in ("pdf", "docx"):
                path = folder / f"report-{language}.{file_format}"
                options = ["--language", language, "--format", file_format, "-o", str(path)]
                call_command("build", "gmg-2016", "report", *options)
                files[language, file_format] = path
        transaction.set_rollback(True)
    return files


def squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", _DIRECTION_MARKS.sub("", text))


def pdf_lines(path) -> list[str]:
    text = subprocess.run(
        [require("pdftotext"), "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [squeezed(line).strip() for line in text.splitlines() if line.strip()]


def pdf_text(path) -> str:
    """The PDF's text as one line; a sentence is whole whatever line it breaks at."""
    return " ".join(pdf_lines(path))


def word_text(path) -> str:
    word_file = docx.Document(str(path))
    cells = [cell.text for table in word_file.tables for row in table.rows for cell in row.cells]
    return squeezed(" ".join([paragraph.text for paragraph in word_file.paragraphs] + cells))


def word_xml(path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode() + package.read("word/styles.xml").decode()


def computed_parts(language: str) -> list[str]:
    expected = EXPECTED[language]
    return [
        *expected["headings"],
        *expected["labels"],
        expected["date"],
        *expected["participation"],
    ]


@pytest.mark.parametrize("language", ["ru", "zh", "fr", "es"])
def test_report_pdf_is_written_in_the_language_asked(built, language):
    text = pdf_text(built[language, "pdf"])

    missing = [part for part in computed_parts(language) if part not in text]

    assert missing == []
    assert "Executive summary" not in text


@pytest.mark.parametrize("language", list(EXPECTED))
def test_report_word_file_is_written_in_the_language_asked(built, language):
    text = word_text(built[language, "docx"])

    missing = [part for part in computed_parts(language) if part not in text]

    assert missing == []
    assert "Executive summary" not in text


def test_russian_report_says_a_second_full_stop_once_after_a_date(built):
    text = pdf_text(built["ru", "pdf"])

    assert "состоялось 13 июля 2016 г. " in text
    assert "г.." not in text


def test_arabic_pdf_lays_out_right_to_left(built):
    lines = pdf_lines(built["ar", "pdf"])
    date = next(line for line in lines if line.endswith("التاريخ"))
    time = next(line for line in lines if line.endswith("الوقت"))

    # pdftotext gives the lines as they are laid out, left to right: the label
    # of a header block is at the end of its line, on the right, and the
    # meeting's time, isolated left to right, does not read backwards.
    assert date.startswith("2016 ")
    assert time == "10:00–13:00 الوقت"


def test_arabic_pdf_draws_arabic_letters_in_an_arabic_typeface(built):
    fonts = subprocess.run(
        [require("pdffonts"), str(built["ar", "pdf"])], capture_output=True, text=True, check=True
    ).stdout
    text = _PRESENTATION_FORMS.sub("", pdf_text(built["ar", "pdf"]))

    assert "Amiri" in fonts
    assert "الموجز التنفيذي" in text


def test_arabic_word_file_is_right_to_left_with_an_arabic_typeface(built):
    xml = word_xml(built["ar", "docx"])

    assert "<w:bidi/>" in xml  # paragraphs
    assert "<w:rtl/>" in xml  # runs
    assert "<w:bidiVisual/>" in xml  # the header block's table
    assert 'w:cs="Arial"' in xml
    assert 'w:bidi="ar-SA"' in xml


def test_arabic_word_file_keeps_times_left_to_right(built):
    xml = word_xml(built["ar", "docx"])

    assert '<w:r><w:t xml:space="preserve">\u202a10:00–13:00\u202c</w:t></w:r>' in xml


def test_chinese_files_name_a_chinese_typeface(built):
    fonts = subprocess.run(
        [require("pdffonts"), str(built["zh", "pdf"])], capture_output=True, text=True, check=True
    ).stdout

    assert "Noto-Serif-CJK-SC" in fonts
    assert 'w:eastAsia="SimSun"' in word_xml(built["zh", "docx"])


def test_russian_report_keeps_the_english_prose_in_english_and_says_so(built):
    xml = word_xml(built["ru", "docx"])
    text = pdf_text(built["ru", "pdf"])

    assert 'w:val="en-GB"' in xml  # the prose's runs: w:lang
    assert "Текст этой главы имеется только на английском языке." in text
