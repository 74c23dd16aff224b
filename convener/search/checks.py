"""The start-up check of search: which engine ranks by meaning (`convener
check --database default` runs checks tagged with the database)."""

from __future__ import annotations

from typing import Any

from django.core import checks


@checks.register(checks.Tags.database)
def meaning_engine_check(app_configs: Any, databases: Any = None, **kwargs: Any) -> list[Any]:
    if not databases:
        return []
    from convener.search.management.startup import meaning_engine

    return [checks.Info(meaning_engine(), id="search.I001")]
