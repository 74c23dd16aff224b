"""A document as a tree of blocks, independent of any file format.

Composers (`publishing.composition`) build a `Document` from the records;
writers (`publishing.interfaces`) turn the same tree into HTML, PDF, Word and
Markdown. Facts and prose therefore read the same in every format.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from convener.prose.markdown import render_markdown
from convener.prose.symbols import find_symbols, symbol_url


@dataclass(frozen=True)
class Text:
    """A run of text with its emphasis and, for a link, its address."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Footnote:
    """A footnote: its mark stands where it is placed; its text goes to the page foot."""

    runs: tuple[Text, ...]


Inline = Text | Footnote


@dataclass
class Paragraph:
    runs: list[Inline]
    style: str = "body"  # body, lead (a summary line), note (small print), speaker


@dataclass
class Heading:
    """Level 1 is a chapter; levels 2 and 3 are sections within it."""

    level: int
    text: str
    anchor: str = ""
    in_contents: bool = True


@dataclass
class ItemList:
    items: list[list[Inline]]
    ordered: bool = False


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


Block = Paragraph | Heading | ItemList | Facts | Contents | PageBreak


@dataclass
class Document:
    """A whole document. `slug` names its files; `cover` lines open it."""

    title: str
    slug: str = ""
    language: str = "en"
    subtitle: str = ""
    cover: list[Paragraph] = field(default_factory=list)
    running_header: str = ""
    blocks: list[Block] = field(default_factory=list)

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


class _MarkdownBlocks(HTMLParser):
    """Turns the sanitised HTML of a user's Markdown into blocks of the tree."""

    _BLOCKS = {"p", "li", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.runs: list[Inline] = []
        self.bold = self.italic = 0
        self.href: str | None = None
        self.lists: list[ItemList] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"strong", "b"}:
            self.bold += 1
        elif tag in {"em", "i"}:
            self.italic += 1
        elif tag == "a":
            self.href = dict(attrs).get("href")
        elif tag in {"ul", "ol"}:
            self._flush()
            self.lists.append(ItemList(items=[], ordered=tag == "ol"))
        elif tag == "br":
            self.runs.append(Text("\n"))
        elif tag in self._BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in {"strong", "b"}:
            self.bold -= 1
        elif tag in {"em", "i"}:
            self.italic -= 1
        elif tag == "a":
            self.href = None
        elif tag == "li" and self.lists:
            self.lists[-1].items.append(self._take())
        elif tag in {"ul", "ol"} and self.lists:
            finished = self.lists.pop()
            if finished.items:
                self.blocks.append(finished)
        elif tag in {"h3", "h4", "h5", "h6"}:
            text = plain(self._take()).strip()
            self.blocks.append(Heading(level=3, text=text, in_contents=False))
        elif tag in self._BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not data.strip() and not self.runs:
            return
        self.runs.append(Text(data, bold=self.bold > 0, italic=self.italic > 0, href=self.href))

    def _take(self) -> list[Inline]:
        runs, self.runs = self.runs, []
        return _trimmed(runs)

    def _flush(self) -> None:
        runs = self._take()
        if runs and not self.lists:
            self.blocks.append(Paragraph(runs))
        elif runs:
            self.runs = runs  # text of a list item before a nested list

    def close(self) -> None:
        super().close()
        self._flush()


def _trimmed(runs: list[Inline]) -> list[Inline]:
    """Runs without the whitespace Markdown leaves at their edges, newlines as spaces."""
    texts = [
        Text(run.text.replace("\n", " "), run.bold, run.italic, run.href)
        if isinstance(run, Text)
        else run
        for run in runs
    ]
    if texts and isinstance(texts[0], Text):
        first = texts[0]
        texts[0] = Text(first.text.lstrip(), first.bold, first.italic, first.href)
    if texts and isinstance(texts[-1], Text):
        last = texts[-1]
        texts[-1] = Text(last.text.rstrip(), last.bold, last.italic, last.href)
    return [run for run in texts if not isinstance(run, Text) or run.text]


def blocks_from_markdown(text: str) -> list[Block]:
    """A user's Markdown as blocks, sanitised and with UN symbols linked, as on the web."""
    parser = _MarkdownBlocks()
    parser.feed(str(render_markdown(text)))
    parser.close()
    return parser.blocks


def runs_from_markdown(text: str) -> list[Inline]:
    """A one-paragraph Markdown text as runs (for a lead-in joined to computed text)."""
    runs: list[Inline] = []
    for block in blocks_from_markdown(text):
        if isinstance(block, Paragraph):
            if runs:
                runs.append(Text(" "))
            runs.extend(block.runs)
    return runs


def runs_with_symbols(text: str) -> list[Inline]:
    """Plain text as runs, its UN document symbols made links (as Markdown prose has them)."""
    runs: list[Inline] = []
    position = 0
    for start, end, symbol in find_symbols(text):
        if start < position:
            continue
        if start > position:
            runs.append(Text(text[position:start]))
        runs.append(Text(text[start:end], href=symbol_url(symbol)))
        position = end
    if position < len(text):
        runs.append(Text(text[position:]))
    return runs
