"""A text in the reader's language, marked with the language it is written in.

`{{ meeting|shown:"title" }}` writes a one-line text, `{{ section|shown_prose:"body" }}`
renders Markdown, `{{ meeting|shown_text:"title" }}` gives the bare text for a
page's `<title>`. Each is the translated version in the page's language where
one exists, else the original; a text in a language other than the page's is
wrapped with its `lang` and `dir`, so that a screen reader switches voice and
the text keeps its own direction. The view loads the versions of a page at
once (`texts.queries.show_in_language`); an object it did not load costs a query.
"""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from convener.prose.markdown import render_markdown
from convener.texts.models import Translatable
from convener.texts.queries import Shown, shown_in

register = template.Library()


def _shown(obj: Translatable, field: str) -> Shown:
    loaded = getattr(obj, "shown_texts", None)
    if loaded is not None and field in loaded:
        return loaded[field]
    return shown_in(obj, field, get_language())


@register.filter(name="shown")
def shown_filter(obj: Translatable | None, field: str) -> SafeString | str:
    """One line of text (escaped); in a span with its `lang` and `dir` when it
    is not in the page's language (an element with `dir` is isolated too)."""
    if obj is None:
        return ""
    shown = _shown(obj, field)
    if not shown.text:
        return ""
    if shown.language == get_language():
        return conditional_escape(shown.text)
    return format_html(
        '<span lang="{}" dir="{}">{}</span>', shown.language, shown.direction, shown.text
    )


@register.filter(name="shown_text")
def shown_text_filter(obj: Translatable | None, field: str) -> str:
    """The text alone, for where no markup may go (a page's `<title>`)."""
    return "" if obj is None else _shown(obj, field).text


@register.filter(name="shown_prose")
def shown_prose_filter(obj: Translatable | None, field: str) -> SafeString | str:
    """Markdown rendered; in a block with its `lang` when it is not in the page's language."""
    if obj is None:
        return ""
    shown = _shown(obj, field)
    html = render_markdown(shown.text)
    if not html:
        return ""
    if shown.language == get_language():
        return format_html('<div dir="auto">{}</div>', html)
    return format_html('<div lang="{}" dir="{}">{}</div>', shown.language, shown.direction, html)
