"""Reading Word files as Word and LibreOffice read them: the contents field, footnotes, text."""

import re
import subprocess
from pathlib import Path

from docx.document import Document as WordFile
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from tests.tools import require


def texts(element) -> str:
    """The text of an element's w:t descendants."""
    return "".join(text.text for text in element.iter(qn("w:t")))


def contents_field(word_file: WordFile) -> list[Paragraph]:
    """The body's paragraphs from the one where the TOC field begins to the one where it ends.

    The fields nested in it (each entry's PAGEREF) open and close inside it.
    """
    paragraphs, depth = [], None
    for paragraph in word_file.paragraphs:
        for element in paragraph._p.iter(qn("w:fldChar"), qn("w:instrText")):
            if element.tag == qn("w:instrText"):
                if depth is None and element.text.strip().startswith("TOC "):
                    depth = 0
            elif depth is not None:
                kind = element.get(qn("w:fldCharType"))
                depth += {"begin": 1, "end": -1}.get(kind, 0)
        if depth is not None:
            paragraphs.append(paragraph)
        if depth == -1:  # the TOC field's own end
            return paragraphs
    return paragraphs


def contents_entries(word_file: WordFile) -> list[tuple[str, str]]:
    """The style and text of each entry inside the TOC field."""
    return [
        (paragraph.style.name, paragraph.text.strip())
        for paragraph in contents_field(word_file)
        if paragraph.style.name.startswith("toc ")
    ]


def footnote_texts(word_file: WordFile) -> dict[int, str]:
    """The text of each footnote of the footnotes part, by number (the separators left out)."""
    part = word_file.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES)
    assert part.content_type == CONTENT_TYPE.WML_FOOTNOTES
    notes = {int(note.get(qn("w:id"))): texts(note).strip() for note in parse_xml(part.blob)}
    return {number: text for number, text in notes.items() if number > 0}


def converted_by_libreoffice(source: Path) -> subprocess.CompletedProcess:
    """`source` converted to PDF beside it by LibreOffice, with a profile of its own,
    so that conversions running at the same time do not share one."""
    folder = source.parent
    command = [
        require("soffice"),
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(source),
    ]
    # The command is ours and its arguments are paths of the test's own folder.
    return subprocess.run(command, capture_output=True, timeout=180, check=False)


def pdf_text(path: Path) -> str:
    """The text of a PDF, as poppler reads it, its whitespace squeezed to single spaces."""
    extracted = subprocess.run(
        [require("pdftotext"), "-layout", str(path), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return re.sub(r"\s+", " ", extracted.stdout.decode())
