"""Markdown that users write, rendered to HTML that is safe to show to everyone."""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from functools import lru_cache

import markdown
import nh3
from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from markdown.inlinepatterns import InlineProcessor

from convener.prose.links import LINK_SCHEMES
from convener.prose.symbols import (
    RESOLUTION_CITATION,
    SYMBOL,
    find_symbols,
    is_symbol,
    symbol_url,
)

_ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "blockquote", "code",
    "pre", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "hr", "sup",
    "sub",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title", "class"}, "th": {"scope"}, "td": {"colspan"}}


class _SymbolLink(InlineProcessor):
    def handleMatch(self, m, data):  # noqa: N802 — the name Markdown calls
        if not is_symbol(m.group(0)):
            return None, None, None
        link = ET.Element("a", {"href": symbol_url(m.group(0)), "class": "un-symbol"})
        link.text = m.group(0)
        return link, m.start(0), m.end(0)


class _ResolutionLink(InlineProcessor):
    def handleMatch(self, m, data):  # noqa: N802
        link = ET.Element("a", {"href": symbol_url(f"A/RES/{m.group(2)}"), "class": "un-symbol"})
        link.text = m.group(2)
        return link, m.start(2), m.end(2)


class UNSymbolExtension(markdown.Extension):
    def extendMarkdown(self, md):  # noqa: N802
        md.inlinePatterns.register(_SymbolLink(SYMBOL.pattern, md), "un_symbol", 15)
        md.inlinePatterns.register(
            _ResolutionLink(RESOLUTION_CITATION.pattern, md), "un_resolution", 14
        )


_converters = threading.local()


def _converter() -> markdown.Markdown:
    # Building a converter costs more than converting a paragraph; a
    # converter is not thread-safe, so each thread keeps its own.
    if not hasattr(_converters, "markdown"):
        _converters.markdown = markdown.Markdown(
            extensions=[UNSymbolExtension(), "sane_lists"], output_format="html"
        )
    return _converters.markdown


@lru_cache(maxsize=4096)
def _render(text: str, link_base: str) -> str:
    """`link_base` is part of the cache key: links follow the setting."""
    converter = _converter()
    html = converter.reset().convert(text)
    for level in (2, 1):
        html = html.replace(f"<h{level}>", f"<h{level + 2}>").replace(
            f"</h{level}>", f"</h{level + 2}>"
        )
    return nh3.clean(
        html,
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
    return mark_safe(_render(text, settings.CONVENER_SYMBOL_LINK_BASE))  # noqa: S308 — sanitised by nh3 in _render


def link_symbols(text: str) -> SafeString:
    """Plain text, escaped, with UN symbols turned into links."""
    pieces: list[str] = []
    position = 0
    for start, end, symbol in find_symbols(text):
        if start < position:
            continue
        pieces.append(escape(text[position:start]))
        href = escape(symbol_url(symbol))
        pieces.append(f'<a class="un-symbol" href="{href}">{escape(text[start:end])}</a>')
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 — every piece escaped above
