"""The demo's documents as a reader gets them: built by `convener build`, read back as text.

Markdown is read as written, Word through python-docx (the body's paragraphs
and tables, in order, then the footnotes), PDF through pdftotext. The text is
folded so that a fact reads the same in each: accents, case, dashes,
typographic quotes and spacing do not count.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import docx
import yaml
from docx.oxml.ns import qn
from lxml import etree

from convener.exchange.format import source as series_source
from convener.server.demo import demo_series_file
from convener.server.demo_history import demo_history_file, read_history, state_before
from tests.tools import require

FORMATS = ("md", "docx", "pdf")
CONVENER = Path(sys.executable).with_name("convener")


def _environment(data_dir: Path) -> dict[str, str]:
    """The demo's own embedded database in `data_dir`, whatever database the suite runs on."""
    env = {**os.environ, "CONVENER_DATA_DIR": str(data_dir)}
    for setting in ("DATABASE_URL", "SECRET_KEY", "CONVENER_DEBUG", "DJANGO_SETTINGS_MODULE"):
        env.pop(setting, None)
    return env


def load_demo(folder: Path) -> dict[str, str]:
    """Load the demo into its own database in `folder`; returns the environment to build in."""
    env = _environment(folder)
    subprocess.run([CONVENER, "demo", "--load-only"], env=env, check=True, capture_output=True)
    return env


def build(env: dict[str, str], folder: Path, name: str, *arguments: str) -> dict[str, Path]:
    """`convener build gmg-2016 ARGUMENTS` in every format; returns the files by format."""
    files = {}
    for kind in FORMATS:
        path = folder / f"{name}.{kind}"
        subprocess.run(
            [CONVENER, "build", "gmg-2016", *arguments, "--format", kind, "-o", str(path)],
            env=env,
            check=True,
            capture_output=True,
        )
        files[kind] = path
    return files


def build_first_concept_note(folder: Path) -> tuple[dict[str, Path], str]:
    """The series concept note as the public read it in its first published
    version: the demo's series put back in the state of that version (the
    series file with the facts every later version changed as they first
    read, `demo_history.state_before`), then written in every format. Also
    returns the text of that version as the demo keeps it (Markdown)."""
    env = load_demo(folder)
    source = series_source.read(demo_series_file())
    later = read_history(demo_history_file())[1:]
    state = folder / "first-version.yaml"
    state.write_text(yaml.safe_dump(state_before(source.data, later), allow_unicode=True))
    subprocess.run(
        [CONVENER, "import", str(state), "--replace"], env=env, check=True, capture_output=True
    )
    files = build(env, folder, "first-concept-note", "concept-note", "--public")
    kept = subprocess.run(
        [CONVENER, "shell", "--no-imports", "-c", _PRINT_FIRST_VERSION],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return files, kept


_PRINT_FIRST_VERSION = (
    "from convener.publishing.models import DocumentVersion\n"
    "print(DocumentVersion.objects.get(series__slug='gmg-2016', document='concept-note',"
    " meeting_number=0, number=1).text, end='')"
)


def _word_text(path: Path) -> str:
    """The body's paragraphs and table cells in order, then the footnotes, as
    Markdown has its notes after the text."""
    document = docx.Document(str(path))
    blocks = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            blocks.append(_texts_of(element))
        elif element.tag.endswith("}tbl"):
            blocks.extend(
                cell.text for row in docx.table.Table(element, document).rows for cell in row.cells
            )
    for part in document.part.package.parts:
        if part.partname == "/word/footnotes.xml":
            notes = etree.fromstring(part.blob).iter(qn("w:footnote"))
            blocks.extend(_texts_of(note) for note in notes if int(note.get(qn("w:id"))) > 0)
    return "\n".join(blocks)


def _texts_of(element: etree._Element) -> str:
    return "".join(node.text or "" for node in element.iter() if node.tag == qn("w:t"))


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        [require("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def document_text(kind: str, path: Path) -> str:
    if kind == "docx":
        return _word_text(path)
    if kind == "pdf":
        return _pdf_text(path)
    return path.read_text(encoding="utf-8")


# Hyphens and dashes of every kind, and typographic quotes, read as their plain forms.
_SAME = str.maketrans(
    {
        "-": " ",
        "\u2010": " ",
        "\u2011": " ",
        "\u2013": " ",
        "\u2014": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
)


def folded(text: str) -> str:
    """Text as a fact is compared: no accents, case, hyphens or dashes; plain quotes and spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_SAME))
    text = "".join(character for character in text if not unicodedata.combining(character))
    text = re.sub(r"[*_#]|<a id=\"[^\"]*\"></a>|\[\^\d+\]", "", text)  # Markdown's marks
    return re.sub(r"\s+", " ", text).casefold().strip()
