"""A document as a tree of blocks, independent of any file format.

Composers (`publishing.composition`) build a `Document` from the records;
writers (`publishing.exporters`) turn the same tree into HTML, PDF, Word and
Markdown. Facts and prose therefore read the same in every format.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby
from typing import TypeVar

from markdown_it.token import Token

from convener.prose.markdown import markdown_tokens
from convener.prose.symbols import split_at_symbols, symbol_url
from convener.prose.typography import finished_pieces, finished_text
from convener.publishing.print_style import UN_STYLE, PrintStyle


@dataclass(frozen=True)
class Text:
    """A run of text with its emphasis and, for a link, its address. Code
    (`code`) is printed as written, untouched by `finished`."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    code: bool = False


@dataclass(frozen=True)
class Footnote:
    """A footnote: its mark stands where it is placed; its text goes to the page foot."""

    runs: tuple[Text, ...]


Inline = Text | Footnote


@dataclass
class Paragraph:
    runs: list[Inline]
    style: str = "body"  # body, lead (a summary line), note (small print), speaker
    language: str = ""  # of prose in another language than the document's, else ""


@dataclass
class Heading:
    """Level 1 is a chapter; levels 2 and 3 are sections within it."""

    level: int
    text: str
    anchor: str = ""
    in_contents: bool = True
    language: str = ""  # as a paragraph's


@dataclass
class ItemList:
    items: list[list[Inline]]
    ordered: bool = False
    language: str = ""  # as a paragraph's


@dataclass
class Facts:
    """Label and value pairs: a meeting's header block."""

    rows: list[tuple[str, list[Inline]]]


@dataclass
class Contents:
    """Where the table of contents goes; it lists the level-1 headings."""

    title: str


@dataclass
class PageBreak:
    pass


@dataclass
class Table:
    """A table of figures: its caption, the column headings, and rows whose
    first cell heads the row."""

    caption: str
    header: list[str]
    rows: list[list[str]]


@dataclass
class Figure:
    """A chart, drawn twice from one specification: `svg` (an `<svg>` element
    with its title and description) for the web and print, `png` for Word.
    `alt` says what it shows in words; `caption` titles it; `width` is the
    drawing's own width in CSS pixels (the PNG has twice as many), which a
    page narrower than it scales down to. Its numbers go in a `Table` beside it."""

    svg: str
    png: bytes
    alt: str
    caption: str
    width: int


Block = Paragraph | Heading | ItemList | Facts | Contents | PageBreak | Table | Figure
_B = TypeVar("_B", bound=Block)


@dataclass
class Document:
    """A whole document. `slug` names its files; `cover` lines open it, after
    the title and subtitle, on a page of their own, unless `cover_page` is
    False: then they are a title block the text follows on the first page,
    as a concept note of a few pages has it. `imprint` paragraphs fill the
    page after the cover (none: no such page). `title_lines` are the title as
    the cover breaks it, if it does."""

    title: str
    slug: str = ""
    language: str = "en"
    subtitle: str = ""
    title_lines: tuple[str, ...] = ()
    cover: list[Paragraph] = field(default_factory=list)
    cover_page: bool = True
    imprint: list[Block] = field(default_factory=list)
    running_header: str = ""
    blocks: list[Block] = field(default_factory=list)
    style: PrintStyle = UN_STYLE

    @property
    def cover_title(self) -> tuple[str, ...]:
        """The lines the cover prints the title in."""
        return self.title_lines or (self.title,)

    def headings(self, level: int = 1) -> Iterator[Heading]:
        return (
            block
            for block in self.blocks
            if isinstance(block, Heading) and block.level == level and block.in_contents
        )

    def footnotes(self) -> Iterator[Footnote]:
        for block in self.blocks:
            for runs in _runs_of(block):
                yield from (run for run in runs if isinstance(run, Footnote))


def _runs_of(block: Block) -> Iterator[list[Inline]]:
    if isinstance(block, Paragraph):
        yield block.runs
    elif isinstance(block, ItemList):
        yield from block.items
    elif isinstance(block, Facts):
        yield from (value for _label, value in block.rows)


def plain(runs: list[Inline]) -> str:
    """The text of some runs, footnotes left out."""
    return "".join(run.text for run in runs if isinstance(run, Text))


def blocks_from_markdown(text: str) -> list[Block]:
    """A user's Markdown as blocks, sanitised and with UN symbols linked, as on the web."""
    return _MarkdownBlocks().read(markdown_tokens(text))


class _MarkdownBlocks:
    """Builds blocks of the tree from the parser's tokens of a user's Markdown.

    Lists are flattened: an item of a nested list is one more item of the
    outermost list, since the tree's lists have one level. A footnote, which
    the parser puts after the text, becomes a `Footnote` where it is called.
    """

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.runs: list[Inline] = []
        self.lists: list[ItemList] = []
        self.notes: dict[int, Footnote] = {}

    def read(self, tokens: list[Token]) -> list[Block]:
        text, notes = _text_and_notes(tokens)
        self.notes = {number: _footnote(note) for number, note in notes.items()}
        for token in text:
            self.block_token(token)
        self.end_block()
        return self.blocks

    def block_token(self, token: Token) -> None:
        if token.type in {"bullet_list_open", "ordered_list_open"}:
            self.end_block()
            self.lists.append(ItemList(items=[], ordered=token.type == "ordered_list_open"))
        elif token.type in {"bullet_list_close", "ordered_list_close"}:
            self.end_block()
            finished = self.lists.pop()
            if self.lists:
                self.lists[-1].items.extend(finished.items)
            elif finished.items:
                self.blocks.append(finished)
        elif token.type == "heading_close":
            text = plain(self.take()).strip()
            self.blocks.append(Heading(level=3, text=text, in_contents=False))
        elif token.type == "inline":
            self.runs.extend(_inline_runs(token.children or [], self.notes))
        elif token.type in {"code_block", "fence"}:
            self.end_block()
            self.runs.append(Text(token.content, code=True))
            self.end_block()
        elif token.type in {"paragraph_open", "paragraph_close"} and self.lists:
            if self.runs:
                self.runs.append(Text(" "))  # between paragraphs of one list item
        elif token.nesting != 0 or token.type == "hr":
            self.end_block()

    def take(self) -> list[Inline]:
        runs, self.runs = self.runs, []
        return _trimmed(runs)

    def end_block(self) -> None:
        """The runs so far end a paragraph or, in a list, an item."""
        runs = self.take()
        if runs and self.lists:
            self.lists[-1].items.append(runs)
        elif runs:
            self.blocks.append(Paragraph(runs))


def _text_and_notes(tokens: list[Token]) -> tuple[list[Token], dict[int, list[Token]]]:
    """The text's tokens, and the inline tokens of each footnote by its number."""
    text: list[Token] = []
    notes: dict[int, list[Token]] = {}
    note: list[Token] | None = None
    for token in tokens:
        if token.type == "footnote_open":
            note = notes.setdefault(token.meta["id"], [])
        elif token.type == "footnote_close":
            note = None
        elif note is not None:
            if token.type == "inline":
                note.append(token)
        elif not token.type.startswith("footnote_block"):
            text.append(token)
    return text, notes


def _footnote(paragraphs: list[Token]) -> Footnote:
    """A footnote of its paragraphs' inline tokens, joined by a space; a call
    inside a note is dropped."""
    runs: list[Inline] = []
    for paragraph in paragraphs:
        runs += [Text(" ")] if runs else []
        runs += _inline_runs(paragraph.children or [], {})
    return Footnote(tuple(run for run in _trimmed(runs) if isinstance(run, Text)))


def _inline_runs(tokens: list[Token], notes: dict[int, Footnote]) -> list[Inline]:
    """The runs of a paragraph: a new run wherever emphasis, a link or code
    starts or ends, and each footnote in `notes` where it is called."""
    runs: list[Inline] = []
    pending: list[str] = []
    bold = italic = 0
    href: str | None = None

    def end_run() -> None:
        if pending:
            runs.append(Text("".join(pending), bold=bold > 0, italic=italic > 0, href=href))
            pending.clear()

    for token in tokens:
        if token.type == "text":
            pending.append(token.content)
        elif token.type == "softbreak":
            pending.append("\n")
        else:
            end_run()
        if token.type == "strong_open":
            bold += 1
        elif token.type == "strong_close":
            bold -= 1
        elif token.type == "em_open":
            italic += 1
        elif token.type == "em_close":
            italic -= 1
        elif token.type == "link_open":
            href = str(token.attrGet("href") or "") or None
        elif token.type == "link_close":
            href = None
        elif token.type == "code_inline":
            runs.append(Text(token.content, bold=bold > 0, italic=italic > 0, href=href, code=True))
        elif token.type == "hardbreak":
            runs.append(Text("\n"))
        elif token.type == "footnote_ref" and token.meta["id"] in notes:
            runs.append(notes[token.meta["id"]])
    end_run()
    return runs


def _trimmed(runs: list[Inline]) -> list[Inline]:
    """Runs without the whitespace Markdown leaves at their edges, newlines as spaces."""
    texts = [
        replace(run, text=run.text.replace("\n", " ")) if isinstance(run, Text) else run
        for run in runs
    ]
    if texts and isinstance(texts[0], Text):
        texts[0] = replace(texts[0], text=texts[0].text.lstrip())
    if texts and isinstance(texts[-1], Text):
        texts[-1] = replace(texts[-1], text=texts[-1].text.rstrip())
    return [run for run in texts if not isinstance(run, Text) or run.text]


def runs_with_symbols(text: str) -> list[Inline]:
    """Plain text as runs, its UN document symbols made links (as Markdown prose has them)."""
    return [
        Text(piece, href=symbol_url(symbol) if symbol else None)
        for piece, symbol in split_at_symbols(text)
    ]


def finished(document: Document) -> Document:
    """A copy of the document with its typography finished (`prose.typography`):
    what every writer prints. The document given is left as it was."""
    return replace(
        document,
        title=finished_text(document.title),
        subtitle=finished_text(document.subtitle),
        title_lines=tuple(finished_text(line) for line in document.title_lines),
        running_header=finished_text(document.running_header),
        cover=[_finished_block(paragraph) for paragraph in document.cover],
        imprint=[_finished_block(block) for block in document.imprint],
        blocks=[_finished_block(block) for block in document.blocks],
    )


def _finished_block(block: _B) -> _B:
    match block:
        case Paragraph(runs=runs):
            return replace(block, runs=_finished_runs(runs))
        case Heading(text=text):
            return replace(block, text=finished_text(text))
        case ItemList(items=items):
            return replace(block, items=[_finished_runs(item) for item in items])
        case Facts(rows=rows):
            rows = [(finished_text(label), _finished_runs(value)) for label, value in rows]
            return replace(block, rows=rows)
        case Contents(title=title):
            return replace(block, title=finished_text(title))
        case Table(caption=caption, header=header, rows=rows):
            return replace(
                block,
                caption=finished_text(caption),
                header=[finished_text(cell) for cell in header],
                rows=[[finished_text(cell) for cell in row] for row in rows],
            )
        case Figure(caption=caption, alt=alt):
            return replace(block, caption=finished_text(caption), alt=finished_text(alt))
    return block


def _finished_runs(runs: list[Inline]) -> list[Inline]:
    """Runs finished as one passage (a quote may open in one run and close in
    another), footnotes left out; a footnote's runs as a passage of their own.
    Adjacent runs of the same look are joined first: they print as one."""
    runs = _joined(runs)
    texts = iter(_finished_texts([run for run in runs if isinstance(run, Text)]))
    return [
        next(texts) if isinstance(run, Text) else Footnote(tuple(_finished_texts(run.runs)))
        for run in runs
    ]


def _joined(runs: list[Inline]) -> list[Inline]:
    joined: list[Inline] = []
    for look, group in groupby(runs, key=_look):
        if look is None:
            joined.extend(group)  # footnotes, each its own
        else:
            texts = [run for run in group if isinstance(run, Text)]
            joined.append(replace(texts[0], text="".join(run.text for run in texts)))
    return joined


def _look(run: Inline) -> tuple[bool, bool, str | None, bool] | None:
    return (run.bold, run.italic, run.href, run.code) if isinstance(run, Text) else None


def _finished_texts(texts: Sequence[Text]) -> list[Text]:
    pieces = finished_pieces([(text.text, text.code) for text in texts])
    return [replace(text, text=piece) for text, piece in zip(texts, pieces, strict=True)]
