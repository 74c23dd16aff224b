"""The texts of a row in other languages, as the API's read views give them."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from convener.texts.models import LANGUAGE_CODES, TextStatus

Translations = dict[str, dict[str, str]]

TRANSLATIONS_FIELD: Any = Field(
    description=(
        "The row's texts translated into other languages, by language and field, "
        'as readers see them: {"fr": {"title": "…"}}. Drafts are left out, and so '
        "is the translation of a text the caller does not read (an unreleased summary)."
    )
)


def translations_of(row: Any) -> Translations:
    """The row's translated versions (prefetched `text_versions`), where its original is read."""
    texts: Translations = {}
    for version in row.text_versions.all():
        if version.status == TextStatus.TRANSLATED and version.text and getattr(row, version.field):
            texts.setdefault(version.language, {})[version.field] = version.text
    return {language: texts[language] for language in LANGUAGE_CODES if language in texts}
