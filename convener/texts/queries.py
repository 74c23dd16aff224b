"""Reading texts in other languages: one version, or those of many rows at once.

The document builder and the pages read through here. `versions_of` loads
the versions of any number of rows, of any translatable models, in one query;
`shown_in` says which text a reader of a language sees: the translated
version of that language, else the original, with the language it is in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import NamedTuple

from django.db.models import Q
from django.utils.translation import get_language_info

from convener.texts.models import (
    LANGUAGE_CODES,
    TextStatus,
    TextVersion,
    Translatable,
    content_type_of,
    direction_of,
)

# The key of a version: content type, row, field, language.
Key = tuple[int, int, str, str]


class Versions:
    """The versions of many rows, loaded by `versions_of`; `get` reads no database."""

    def __init__(self, versions: Iterable[TextVersion]) -> None:
        self._by_key: dict[Key, TextVersion] = {
            (v.content_type_id, v.object_id, v.field, v.language): v for v in versions
        }

    def get(self, obj: Translatable, field: str, language: str) -> TextVersion | None:
        content_type = content_type_of(obj)
        return self._by_key.get((content_type.pk, obj.pk, field, language))

    def __iter__(self) -> Iterator[TextVersion]:
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)


def _rows_q(objects: Iterable[Translatable]) -> Q | None:
    ids_by_type: dict[int, set[int]] = {}
    for obj in objects:
        content_type = content_type_of(obj)
        ids_by_type.setdefault(content_type.pk, set()).add(obj.pk)
    conditions = [
        Q(content_type_id=type_id, object_id__in=sorted(ids))
        for type_id, ids in ids_by_type.items()
    ]
    return reduce(or_, conditions) if conditions else None


def versions_of(
    objects: Iterable[Translatable],
    *,
    languages: Collection[str] | None = None,
    translated_only: bool = False,
) -> Versions:
    """The versions of `objects` (rows of any translatable models) in `languages`
    (every language when None), in one query; only translated ones when
    `translated_only` (what the public reads: drafts never are)."""
    rows = _rows_q(objects)
    if rows is None:
        return Versions(())
    versions = TextVersion.objects.filter(rows)
    if languages is not None:
        versions = versions.filter(language__in=list(languages))
    if translated_only:
        versions = versions.filter(status=TextStatus.TRANSLATED)
    return Versions(versions)


def version_in(obj: Translatable, field: str, language: str) -> TextVersion | None:
    """The version of `obj.field` in `language`, whatever its status, or None."""
    return versions_of([obj], languages=[language]).get(obj, field, language)


class Shown(NamedTuple):
    """The text a reader sees and the language it is written in."""

    text: str
    language: str

    @property
    def direction(self) -> str:
        return direction_of(self.language)


def shown_in(
    obj: Translatable,
    field: str,
    language: str,
    *,
    versions: Versions | None = None,
    original_language: str | None = None,
) -> Shown:
    """What a reader of `language` sees of `obj.field`: its translated version
    in that language, else the original in the series' language of record.

    `versions` (from `versions_of(..., translated_only=True)`) and
    `original_language` spare the queries when many rows are shown.
    """
    original = original_language or obj.text_series.language
    if language != original:
        if versions is None:
            versions = versions_of([obj], languages=[language], translated_only=True)
        version = versions.get(obj, field, language)
        if version is not None and version.is_public and version.text:
            return Shown(version.text, language)
    return Shown(getattr(obj, field) or "", original)


def show_in_language(
    objects: Iterable[Translatable], *, language: str, original_language: str
) -> None:
    """Give each object `shown_texts`, its translatable fields as a reader of
    `language` sees them, for the page filters of `{% load texts %}`: one query
    for all the objects."""
    objects = list(objects)
    versions = (
        versions_of(objects, languages=[language], translated_only=True)
        if language != original_language
        else Versions(())
    )
    for obj in objects:
        obj.shown_texts = {  # type: ignore[attr-defined]
            field: shown_in(
                obj, field, language, versions=versions, original_language=original_language
            )
            for field in obj.translatable_fields
        }


@dataclass(frozen=True)
class Progress:
    """How many texts of a document are translated, in draft, and to do, in one language."""

    language: str
    translated: int
    drafts: int
    texts: int
    # Versions whose original changed after they were saved: to review.
    outdated: int = 0

    @property
    def complete(self) -> bool:
        return self.texts > 0 and self.translated == self.texts

    @property
    def language_name(self) -> str:
        return str(get_language_info(self.language)["name_translated"])


# A text to translate: a row and one of its translatable fields.
Text = tuple[Translatable, str]


def texts_of(
    objects: Iterable[Translatable], *, fields: Collection[str] | None = None
) -> list[Text]:
    """Each translatable field of the objects (of `fields` only, when given)
    that holds a text: an empty original has nothing to translate."""
    return [
        (obj, field)
        for obj in objects
        for field in obj.translatable_fields
        if (fields is None or field in fields) and getattr(obj, field)
    ]


def progress_of(
    texts: Collection[Text], *, versions: Versions, original_language: str
) -> list[Progress]:
    """For each language other than the original, how many of `texts` are
    translated, in draft, and to review because their original changed
    (`versions` loaded for their rows)."""
    progress = []
    for language in LANGUAGE_CODES:
        if language == original_language:
            continue
        statuses: Counter[str] = Counter()
        outdated = 0
        for obj, field in texts:
            version = versions.get(obj, field, language)
            if version is not None and version.text:
                statuses[version.status] += 1
                outdated += not version.translates(getattr(obj, field))
        progress.append(
            Progress(
                language=language,
                translated=statuses[TextStatus.TRANSLATED],
                drafts=statuses[TextStatus.DRAFT],
                texts=len(texts),
                outdated=outdated,
            )
        )
    return progress
