"""A select whose options Python writes, for the forms of the busiest screens.

Django's `Select` renders each of its options through a template of its own,
which includes another for the option's attributes: two template renders an
option. The record screen's form of a turn lists every State, person and
organisation, and the programme builder a list of organisations for each of
its segments, so those renders were most of the time of both pages (about
1,000 options a page in the 2016 demo). This select writes the same HTML,
character for character, in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django import forms
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe


class Select(forms.Select):
    template_name = "manage/widgets/select.html"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["options_html"] = options_html(context["widget"]["optgroups"])
        return context


def options_html(optgroups: Iterable[tuple[Any, list[dict[str, Any]], int]]) -> SafeString:
    """The options and groups of options as Django's `select.html` and
    `select_option.html` write them."""
    parts = []
    for group_name, options, _index in optgroups:
        if group_name:
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        parts.extend(
            format_html(
                '\n  <option value="{}"{}>{}</option>\n',  # the option's template ends a line
                f"{option['value']}",
                attributes_html(option["attrs"]),
                localize(option["label"]),
            )
            for option in options
        )
        if group_name:
            parts.append("\n  </optgroup>")
    return mark_safe("".join(parts))  # noqa: S308 — every part is escaped above


def attributes_html(attrs: Mapping[str, Any]) -> SafeString:
    """The attributes as Django's `attrs.html` writes them: `True` as the name
    alone, `False` left out."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(f"{value}")}"')
    return mark_safe("".join(parts))  # noqa: S308 — every name and value is escaped
