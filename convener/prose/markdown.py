"""Markdown that users write, rendered to HTML that is safe to show to everyone.

The parser is markdown-it-py's CommonMark parser, whose rules are written to
take time linear in the text, so that no text, however built, holds a server
process for long. Everything that reads users' Markdown, the web pages and the
documents' tree (`publishing.document`), reads the tokens `markdown_tokens`
gives, so that both agree on what a text says.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

import nh3
from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.footnote.index import footnote_ref

from convener.prose.links import LINK_SCHEMES, followable
from convener.prose.symbols import split_at_symbols, symbol_url

# What the parser is given of a text, at most: this many characters, and
# this many marks. A mark is a character that can open Markdown syntax or a
# slash of a UN symbol; a line break counts as two, since a line (a list
# item above all) costs the parser about twice as much. Each mark costs tens
# of microseconds. The rest of a text is shown as plain paragraphs (see
# `markdown_tokens`). Users' texts stay far below both: the concept note's
# sections in the 2016 demo have at most 62 marks, and its whole report,
# exported as Markdown, has 49,000 characters and 1,464 marks. Texts
# imported or written in the admin predate the fields' limits.
MARKDOWN_PARSE_LIMIT = 100_000
MARKDOWN_MARK_LIMIT = 2_500
_MARKS = re.compile(r"[\n\[!*_`<&\\/]")

_ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "blockquote", "code",
    "pre", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "hr", "sup",
    "sub",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title", "class"}, "th": {"scope"}, "td": {"colspan"}}
# The page around a text owns heading levels 1 and 2.
_HEADING_TAGS = {"h1": "h3", "h2": "h4"}


def _allowed_href(href: str) -> bool:
    """Whether a link of a user's text may be followed: http, https, mailto, or relative."""
    return followable(href) is not None


def _unlink_forbidden(state: StateCore) -> None:
    """Links to other schemes (javascript:, data:, file:...) lose their link, keep their text.

    The parser is told to accept every link (`validateLink`) so that such a
    link reads as its text rather than as its Markdown source.
    """
    for block in _inline_blocks(state):
        children: list[Token] = []
        dropped: list[bool] = []
        for token in block.children or []:
            if token.type == "link_open":
                dropped.append(not _allowed_href(str(token.attrGet("href") or "")))
                if dropped[-1]:
                    continue
            elif token.type == "link_close" and dropped and dropped.pop():
                continue
            children.append(token)
        block.children = children


def _link_symbols(state: StateCore) -> None:
    """UN document symbols and resolution citations in the text become links; not
    in code, nor inside a link the user wrote."""
    base = settings.CONVENER_SYMBOL_LINK_BASE
    for block in _inline_blocks(state):
        children: list[Token] = []
        in_link = 0
        for token in block.children or []:
            if token.type == "link_open":
                in_link += 1
            elif token.type == "link_close":
                in_link -= 1
            if token.type == "text" and not in_link:
                children.extend(_text_with_symbols(token.content, base))
            else:
                children.append(token)
        block.children = children


def _text_with_symbols(text: str, base: str) -> list[Token]:
    tokens: list[Token] = []
    for piece, symbol in split_at_symbols(text):
        if symbol is None:
            tokens.append(_text_token(piece))
            continue
        link = Token(
            "link_open", "a", 1, attrs={"class": "un-symbol", "href": symbol_url(symbol, base=base)}
        )
        tokens += [link, _text_token(piece), Token("link_close", "a", -1)]
    return tokens or [_text_token("")]


def _text_token(text: str) -> Token:
    return Token("text", "", 0, content=text)


def _shift_headings(state: StateCore) -> None:
    for token in state.tokens:
        if token.type in {"heading_open", "heading_close"}:
            token.tag = _HEADING_TAGS.get(token.tag, token.tag)


def _inline_blocks(state: StateCore) -> list[Token]:
    return [token for token in state.tokens if token.type == "inline" and token.children]


# A footnote's call: "[^" and a label of at most 40 characters, closed.
_NOTE_CALL = re.compile(r"\[\^[^\s\]]{1,40}\]")


def _bounded_footnote_ref(state: StateInline, silent: bool) -> bool:
    """The plugin's rule for a footnote's call, tried only where a short label
    is closed: its own scan runs on to the end of the line, so that a text of
    many "[^" would take time quadratic in its length."""
    if not _NOTE_CALL.match(state.src, state.pos, state.posMax):
        return False
    return footnote_ref(state, silent)


def _with_footnotes(parser: MarkdownIt) -> MarkdownIt:
    """Footnotes as most renderers read them: "[^1]" calls the note "[^1]: …"
    written anywhere in the text. On a page, a call is a number and the notes
    are numbered after the text, without links: a page shows many texts, whose
    notes would otherwise share their anchors. Documents make them footnotes
    (`publishing.document`)."""
    parser.use(footnote_plugin, inline=False)
    parser.inline.ruler.at("footnote_ref", _bounded_footnote_ref)
    rules = {
        "footnote_ref": lambda _self, tokens, idx, *_: f"<sup>{tokens[idx].meta['id'] + 1}</sup>",
        "footnote_block_open": lambda *_: "<hr><ol>",
        "footnote_block_close": lambda *_: "</ol>",
        "footnote_open": lambda *_: "<li>",
        "footnote_close": lambda *_: "</li>",
        "footnote_anchor": lambda *_: "",
    }
    for name, rule in rules.items():
        parser.add_render_rule(name, rule)
    return parser


def _with_convener_rules(parser: MarkdownIt) -> MarkdownIt:
    # Every link is parsed as a link, for _unlink_forbidden to keep its text.
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    _with_footnotes(parser)
    parser.core.ruler.push("convener_unlink_forbidden", _unlink_forbidden)
    parser.core.ruler.push("convener_link_symbols", _link_symbols)
    parser.core.ruler.push("convener_shift_headings", _shift_headings)
    return parser


# Raw HTML in a user's text is shown as typed, never read as HTML. The
# parser keeps no state between texts, so one parser serves every thread.
_MARKDOWN = _with_convener_rules(MarkdownIt("commonmark", {"html": False}))


def markdown_tokens(text: str) -> list[Token]:
    """The tokens of a user's Markdown, with forbidden links unlinked, UN symbols
    linked and headings shifted.

    Past MARKDOWN_PARSE_LIMIT characters or MARKDOWN_MARK_LIMIT marks, the
    text is read as Markdown up to its last blank line before that point, and
    as plain paragraphs after it: the parser's work is then bounded, and the
    rest costs time linear in its length, whatever the text holds.
    """
    cut = _parse_limit(text)
    if cut is None:
        return _MARKDOWN.parse(text)
    blank_line = text.rfind("\n\n", 0, cut)
    if blank_line > 0:
        cut = blank_line
    return _MARKDOWN.parse(text[:cut]) + _plain_paragraphs(text[cut:])


def _parse_limit(text: str) -> int | None:
    """Where the text passes one of the parser's limits, if it does."""
    end = min(len(text), MARKDOWN_PARSE_LIMIT)
    spent = 0
    for mark in _MARKS.finditer(text, 0, end):
        spent += 2 if mark.group() == "\n" else 1
        if spent > MARKDOWN_MARK_LIMIT:
            return mark.start()
    return end if end < len(text) else None


def _plain_paragraphs(text: str) -> list[Token]:
    """Paragraphs of plain text, one for each run of lines between blank lines."""
    tokens: list[Token] = []
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            content = _text_token(paragraph.strip())
            tokens += [
                Token("paragraph_open", "p", 1, block=True),
                Token("inline", "", 0, content=content.content, children=[content]),
                Token("paragraph_close", "p", -1, block=True),
            ]
    return tokens


class _RecentRenders:
    """The HTML of recently rendered texts, kept up to a total number of
    characters, so that large texts cannot make the memory grow without end."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self._entries: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str]) -> str | None:
        with self._lock:
            html = self._entries.get(key)
            if html is not None:
                self._entries.move_to_end(key)
            return html

    def put(self, key: tuple[str, str], html: str) -> None:
        size = len(key[0]) + len(html)
        if size > self.budget // 64:
            return  # one such text would push out hundreds of the usual ones
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = html
            self._size += size
            while self._size > self.budget:
                (text, _base), old = self._entries.popitem(last=False)
                self._size -= len(text) + len(old)


_recent = _RecentRenders(budget=16_000_000)


def _render(text: str) -> str:
    html = _MARKDOWN.renderer.render(markdown_tokens(text), _MARKDOWN.options, {})
    return nh3.clean(
        html.rstrip("\n"),
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=set(LINK_SCHEMES),
        link_rel="noopener",
    )


def render_markdown(text: str) -> SafeString:
    """Markdown to sanitised HTML, with UN symbols linked. Headings start at level 3,
    since the page around the text owns levels 1 and 2. The same text always
    gives the same HTML, so recent results are kept."""
    if not text:
        return mark_safe("")
    # The link base is part of the key: links follow the setting.
    key = (text, settings.CONVENER_SYMBOL_LINK_BASE)
    html = _recent.get(key)
    if html is None:
        html = _render(text)
        _recent.put(key, html)
    return mark_safe(html)  # noqa: S308 — sanitised by nh3 in _render


def link_symbols(text: str) -> SafeString:
    """Plain text, escaped, with UN symbols turned into links."""
    base = settings.CONVENER_SYMBOL_LINK_BASE
    return mark_safe(  # noqa: S308 — every piece escaped
        "".join(
            escape(piece)
            if symbol is None
            else f'<a class="un-symbol" href="{escape(symbol_url(symbol, base=base))}">'
            f"{escape(piece)}</a>"
            for piece, symbol in split_at_symbols(text)
        )
    )


# The words of recently read texts: a page that shows a record's keywords reads
# the words of every statement on it, each time it is rendered.
_recent_words = _RecentRenders(budget=2_000_000)


def plain_text(text: str) -> str:
    """The words of a user's Markdown without its marks: one line per block,
    for reading by machine (search, keywords), never for display. The same
    text always gives the same words, so recent results are kept."""
    if not text:
        return ""
    key = (text, "words")
    words = _recent_words.get(key)
    if words is None:
        words = _words(text)
        _recent_words.put(key, words)
    return words


def _words(text: str) -> str:
    lines: list[str] = []
    for token in markdown_tokens(text):
        if token.type == "inline":
            words = "".join(
                " " if child.type == "softbreak" else child.content
                for child in token.children or []
                if child.type in _WORDS
            )
            lines.append(words)
        elif token.type in ("code_block", "fence"):
            lines.append(token.content.rstrip("\n"))
    return "\n".join(line for line in lines if line.strip())


_WORDS = frozenset({"text", "code_inline", "softbreak"})
