"""Keys: the short, readable, unique names in addresses ("ninette-kelley", "panel-1")."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.text import slugify


def free_key(text: str, *, taken: Callable[[str], bool], fallback: str, max_length: int) -> str:
    """A key made from `text` that `taken` does not refuse: "panel-1", else "panel-1-2"…

    Accents are dropped ("Pucariño" → "pucarino"); a text with no Latin letter
    or digit gives `fallback`. Room is left for a numbered suffix.
    """
    base = slugify(text)[: max_length - 4].strip("-") or fallback
    key, number = base, 2
    while taken(key):
        key, number = f"{base}-{number}", number + 1
    return key
