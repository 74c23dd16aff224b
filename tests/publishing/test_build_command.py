"""`convener build`: the secretariat writes a document of a series to a file."""

import re
import subprocess

import pytest
from django.core.management import CommandError, call_command

from tests.tools import require

pytestmark = pytest.mark.django_db

MEETINGS = [
    "First meeting: Understanding large movements of refugees and migrants",
    "Second meeting: Protecting the human rights",
    "Third meeting: Strengthening responsibility sharing for refugees",
    "Fourth meeting: ",
]


def pdf_pages(path) -> list[str]:
    text = subprocess.run(
        [require("pdftotext"), "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return text.split("\f")


def squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def report_pdf(demo_series, tmp_path):
    path = tmp_path / "report.pdf"
    call_command("build", "gmg-2016", "report", "--format", "pdf", "-o", str(path))
    return path


def test_report_contents_give_the_page_each_meeting_chapter_starts_on(report_pdf):
    pages = pdf_pages(report_pdf)
    contents = squeezed(next(page for page in pages if "Contents" in page))

    listed = []
    for title in MEETINGS:
        match = re.search(re.escape(title) + r".*?(\d+)(?= |$)", contents)
        assert match, f"{title} is not in the contents"
        listed.append((contents.index(title), int(match.group(1))))
    for (_position, page_number), title in zip(listed, MEETINGS, strict=True):
        chapter_page = pages[page_number - 1]
        assert title.split(":")[0] in chapter_page, f"{title} does not start on page {page_number}"
    positions = [position for position, _page in listed]
    assert positions == sorted(positions), "the meetings are not listed in date order"


@pytest.mark.parametrize(
    "sentence",
    [
        "Seven Member States took the floor: the Kingdom of the Netherlands",
        "Six Member States took the floor: Zambia and Portugal",
        "Three Member States took the floor: the co-Chairs of the meeting, Bangladesh",
        "Mexico and Italy (as co-Chairs of the meeting), as well as Brazil and a group of Small "
        "Island Developing States",
    ],
)
def test_report_executive_summaries_name_the_states_that_took_the_floor(report_pdf, sentence):
    assert sentence in squeezed(" ".join(pdf_pages(report_pdf)))


def test_build_names_the_file_after_the_document_by_default(demo_series, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    call_command("build", "gmg-2016", "programme", "--meeting", "3", "--format", "md")

    assert (tmp_path / "gmg-2016-meeting-3-programme.md").read_text().count("Ninette Kelley") == 2


def test_build_of_an_unknown_meeting_fails_with_a_message(demo_series, tmp_path):
    with pytest.raises(CommandError, match="Series gmg-2016 has no meeting 9"):
        call_command("build", "gmg-2016", "programme", "--meeting", "9", "-o", str(tmp_path / "x"))


def test_build_of_an_unknown_series_fails_with_a_message(demo_series, tmp_path):
    with pytest.raises(CommandError, match="No series gmg-2099"):
        call_command("build", "gmg-2099", "report", "-o", str(tmp_path / "x"))


def test_command_line_reads_the_drafts_of_a_draft_series(demo_series, tmp_path):
    from convener.meetings.models import Series, SeriesStatus

    Series.objects.filter(pk=demo_series.pk).update(
        status=SeriesStatus.DRAFT, title="Series still in draft"
    )
    path = tmp_path / "concept-note.md"

    call_command("build", "gmg-2016", "concept-note", "--format", "md", "-o", str(path))

    assert "Series still in draft" in path.read_text()


def test_command_line_public_build_of_a_draft_series_finds_nothing(demo_series, tmp_path):
    from convener.meetings.models import Series, SeriesStatus

    Series.objects.filter(pk=demo_series.pk).update(status=SeriesStatus.DRAFT)

    with pytest.raises(CommandError, match="No series gmg-2016"):
        call_command("build", "gmg-2016", "concept-note", "--public", "-o", str(tmp_path / "x"))
