"""The document as Markdown (CommonMark), for those who edit text or keep it in Git.

Every character that Markdown would read as markup is escaped, so text comes
out as written. CommonMark has neither footnotes nor heading anchors: notes are
written in the `[^n]` form most renderers know, and each chapter heading holds
an empty `<a id>` for the contents' links.
"""

from __future__ import annotations

import re
from html import escape
from itertools import groupby
from urllib.parse import quote

from django.utils.translation import gettext_lazy as _

from convener.prose.links import followable
from convener.publishing.document import (
    Block,
    Contents,
    Document,
    Facts,
    Figure,
    Footnote,
    Heading,
    Inline,
    ItemList,
    Paragraph,
    Table,
    Text,
    finished,
)
from convener.publishing.exporters.navigation import anchor, contents_entries

_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>&~])")
_BLOCK_MARKER = re.compile(r"^([#>+=-])", re.MULTILINE)
_LIST_NUMBER = re.compile(r"^(\d+)([.)])", re.MULTILINE)
_URL_SAFE = ":/?#[]@!$&'*+,;=%~"  # all but spaces, parentheses, angle brackets, backslash


class MarkdownExporter:
    identifier = "md"
    extension = "md"
    content_type = "text/markdown; charset=utf-8"
    label = _("Markdown")

    def write(self, document: Document) -> bytes:
        return document_as_markdown(document).encode()


def document_as_markdown(document: Document) -> str:
    """The whole document written as a Markdown text (not to be confused with
    `prose.markdown.render_markdown`, which reads a user's Markdown into HTML).
    Its typography is finished, as in every format; `blocks_as_markdown`,
    whose text a user goes on to edit, keeps the text as written."""
    document = finished(document)
    writer = _Writer(document)
    subtitle = _line_starts_escaped(_escaped(document.subtitle))
    head = [f"# {_heading_text(document.title)}", subtitle]
    head += [writer.block(paragraph, -1) for paragraph in document.cover]
    head += [writer.block(block, -1) for block in document.imprint]
    return _written(writer, head, document.blocks)


def blocks_as_markdown(blocks: list[Block]) -> str:
    """Blocks as a Markdown text of their own, such as generated prose a user goes on to edit."""
    return _written(_Writer(Document(title="", blocks=blocks)), [], blocks)


def _written(writer: _Writer, head: list[str], blocks: list[Block]) -> str:
    """The head, then the blocks, then the notes the writer numbered on the way."""
    parts = [*head, *(writer.block(block, position) for position, block in enumerate(blocks))]
    parts += [
        _indented(f"[^{number}]: {text}", "    ")
        for number, text in enumerate(writer.notes, start=1)
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


class _Writer:
    """Writes blocks as Markdown, numbering footnotes as they come."""

    def __init__(self, document: Document) -> None:
        self.contents = contents_entries(document)
        self.notes: list[str] = []
        self.list_marker: str | None = None  # of the block just written, if a list

    def block(self, block: Block, position: int) -> str:
        match block:
            case ItemList(items=items, ordered=ordered):
                return self.listed([self.runs(item) for item in items], ordered=ordered)
            case Facts(rows=rows):
                entries = [f"**{_escaped(label)}:** {self.runs(value)}" for label, value in rows]
                return self.listed(entries, ordered=False)
            case Paragraph(runs=runs) if runs:
                written = _line_starts_escaped(self.runs(runs))
            case Heading(level=level, text=text):
                link = f'<a id="{escape(anchor(block, position))}"></a>' if level == 1 else ""
                written = f"{'#' * min(level + 1, 6)} {link}{_heading_text(text)}"
            case Contents(title=title):
                self.list_marker = None
                entries = [
                    f"[{_one_line(text)}](#{_destination(at)})" for at, text in self.contents
                ]
                return f"## {_heading_text(title)}\n\n{self.listed(entries, ordered=False)}"
            case Figure(caption=caption, alt=alt):
                # A text file holds no picture: the chart in words, its table after it.
                written = f"**{_escaped(caption)}**\n\n{_line_starts_escaped(_escaped(alt))}"
            case Table(caption=caption, header=header, rows=rows):
                written = _pipe_table(caption, header, rows)
            case _:
                return ""  # a page break, or an empty paragraph
        self.list_marker = None
        return written

    def listed(self, entries: list[str], *, ordered: bool) -> str:
        """A list whose marker differs from a list just before it, which CommonMark
        would otherwise continue."""
        if ordered:
            self.list_marker = ")" if self.list_marker == "." else "."
            markers = [f"{number}{self.list_marker}" for number in range(1, len(entries) + 1)]
        else:
            self.list_marker = "*" if self.list_marker == "-" else "-"
            markers = [self.list_marker] * len(entries)
        return "\n".join(
            _indented(f"{marker} {_line_starts_escaped(entry)}", " " * (len(marker) + 1))
            for marker, entry in zip(markers, entries, strict=True)
        )

    def runs(self, runs: list[Inline] | tuple[Text, ...]) -> str:
        written = []
        for run in _merged(runs):
            if isinstance(run, Footnote):
                self.notes.append(_line_starts_escaped(self.runs(run.runs)))
                written.append(f"[^{len(self.notes)}]")
            else:
                written.append(_text(run))
        return "".join(written)


def _text(run: Text) -> str:
    """A run with its emphasis and link, the markers hugging the text as CommonMark wants."""
    core = run.text.strip()
    if not core:
        return _escaped(run.text)
    start = run.text.index(core)
    lead, trail = run.text[:start], run.text[start + len(core) :]
    markdown = _escaped(core)
    if run.italic:
        markdown = f"*{markdown}*"
    if run.bold:
        markdown = f"**{markdown}**"
    if href := followable(run.href):
        markdown = f"[{markdown}]({_destination(href)})"
    return f"{_escaped(lead)}{markdown}{_escaped(trail)}"


def _merged(runs: list[Inline] | tuple[Text, ...]) -> list[Inline]:
    """Adjacent runs of the same look as one, so that `**a****b**` is never written.
    Each group is joined once: adding runs one by one to a growing text would
    copy it again for each run."""
    merged: list[Inline] = []
    for look, group in groupby(runs, key=_look):
        if look is None:
            merged.extend(group)  # footnotes, each its own
        else:
            merged.append(Text("".join(run.text for run in group), *look))  # type: ignore[union-attr]
    return merged


def _look(run: Inline) -> tuple[bool, bool, str | None] | None:
    return (run.bold, run.italic, run.href) if isinstance(run, Text) else None


def _escaped(text: str) -> str:
    """Text with Markdown's inline markup characters escaped; a newline as a hard break."""
    return _INLINE_MARKUP.sub(r"\\\1", text).replace("\n", "\\\n")


def _line_starts_escaped(markdown: str) -> str:
    """Escape what would open a heading, quote or list at the start of a line."""
    markdown = re.sub(r"^[ \t]+", "", markdown, flags=re.MULTILINE)
    return _LIST_NUMBER.sub(r"\1\\\2", _BLOCK_MARKER.sub(r"\\\1", markdown))


def _one_line(text: str) -> str:
    return _escaped(" ".join(text.split()))


def _heading_text(text: str) -> str:
    return _one_line(text).replace("#", "\\#")


def _indented(markdown: str, indent: str) -> str:
    """Continuation lines indented, so that they stay in their list item or note."""
    return markdown.replace("\n", "\n" + indent)


def _destination(href: str) -> str:
    return quote(href, safe=_URL_SAFE)


def _pipe_table(caption: str, header: list[str], rows: list[list[str]]) -> str:
    """A table as most renderers read it (GitHub's pipe tables), its caption above."""

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(_one_line(cell).replace("|", "\\|") for cell in cells) + " |"

    lines = [line(header), "| " + " | ".join("---" for _ in header) + " |"]
    lines += [line(row) for row in rows]
    return f"*{_escaped(caption)}*\n\n" + "\n".join(lines)
