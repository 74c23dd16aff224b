"""A choice among the interface's languages, each named in itself."""

from __future__ import annotations

from typing import Any

from django import forms


class LanguageSelect(forms.Select):
    """A list of languages, each named in itself and marked with its language,
    so that a screen reader says "Français" in French."""

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option
