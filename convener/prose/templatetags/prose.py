from django import template
from django.utils.html import format_html

from convener.prose.links import followable
from convener.prose.markdown import link_symbols, render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    """Render a user's Markdown as sanitised HTML with UN symbols linked, in a
    block that takes the direction of its text (`dir="auto"`): an English
    concept note reads left to right in an Arabic page, its full stops at the
    ends of its sentences, and an Arabic one right to left in an English page."""
    html = render_markdown(text or "")
    return format_html('<div dir="auto">{}</div>', html) if html else html


@register.filter(name="symbols")
def symbols_filter(text: str):
    """Escape plain text and link the UN document symbols in it."""
    return link_symbols(text or "")


@register.filter(name="link")
def link_filter(address: str):
    """A link to the address, or the address as plain text if its scheme could run code."""
    href = followable(address)
    if href is None:
        return address or ""
    return format_html('<a href="{}">{}</a>', href, address)


@register.filter(name="followable")
def followable_filter(address: str) -> str:
    """The address if a link may point to it, else "": for a link with its own text."""
    return followable(address) or ""
