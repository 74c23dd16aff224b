"""Saving an entry's `search_text` along with the names it is folded from."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any


def with_search_text(save_arguments: dict[str, Any], names: Collection[str]) -> dict[str, Any]:
    """`save()`'s arguments, with `search_text` among the fields to write when
    only some are written (`update_fields`) and a name is among them."""
    fields = save_arguments.get("update_fields")
    if fields is None or not set(fields) & set(names):
        return save_arguments
    return {**save_arguments, "update_fields": [*fields, "search_text"]}
