"""The demo's documents as a reader gets them: built by `convener build`, read back as text.

Markdown is read as written, Word through python-docx (the body's paragraphs
and tables, in order), PDF through pdftotext. The text is folded so that a
fact reads the same in each: accents, case, dashes, typographic quotes and
spacing do not count.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import docx

from tests.tools import require

FORMATS = ("md", "docx", "pdf")
CONVENER = Path(sys.executable).with_name("convener")


def _environment(data_dir: Path) -> dict[str, str]:
    """The demo's own embedded database in `data_dir`, whatever database the suite runs on."""
    env = {**os.environ, "CONVENER_DATA_DIR": str(data_dir)}
    for setting in ("DATABASE_URL", "SECRET_KEY", "CONVENER_DEBUG", "DJANGO_SETTINGS_MODULE"):
        env.pop(setting, None)
    return env


def build_demo_documents(folder: Path) -> dict[str, Path]:
    """Load the demo and write its report in every format; returns the files by format."""
    env = _environment(folder)
    subprocess.run([CONVENER, "demo", "--load-only"], env=env, check=True, capture_output=True)
    files = {}
    for kind in FORMATS:
        path = folder / f"report.{kind}"
        subprocess.run(
            [CONVENER, "build", "gmg-2016", "report", "--format", kind, "-o", str(path)],
            env=env,
            check=True,
            capture_output=True,
        )
        files[kind] = path
    return files


def _word_text(path: Path) -> str:
    document = docx.Document(str(path))
    blocks = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            blocks.append(
                "".join(node.text or "" for node in element.iter() if node.tag.endswith("}t"))
            )
        elif element.tag.endswith("}tbl"):
            blocks.extend(
                cell.text for row in docx.table.Table(element, document).rows for cell in row.cells
            )
    return "\n".join(blocks)


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
