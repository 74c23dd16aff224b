"""Names of groups of States and of UN system entities in the active UN language.

A group of States holds its names in the six languages (`StateGroup.names`,
loaded from `data/state_groups.yaml`). An organisation is the series' own
directory entry, created by an import or a user whenever they like; where its
English name or acronym is that of a UN system entity in `data/un_entities.yaml`
(UNTERM's names), it is named by that file in the other languages. A name
the reference data does not give falls back to the name stored in English.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml
from django.utils.translation import get_language

UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


def read_data_file(name: str) -> dict[str, Any]:
    """One of the directory's reference data files, as YAML reads it."""
    text = resources.files("convener.directory").joinpath("data", name).read_text("utf-8")
    return yaml.safe_load(text)


def language_key() -> str:
    """The two-letter key of the active UN language, English otherwise."""
    language = (get_language() or "en")[:2]
    return language if language in UN_LANGUAGES else "en"


def _folded(text: str) -> str:
    # The typographic apostrophe and the typewriter one compare equal.
    return " ".join(text.casefold().replace("\u2019", "'").split())


@cache
def _entities() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """The entities of the reference file, by folded English name and by English acronym."""
    by_name: dict[str, dict[str, Any]] = {}
    by_acronym: dict[str, dict[str, Any]] = {}
    for entity in read_data_file("un_entities.yaml")["entities"]:
        by_name[_folded(entity["en"]["name"])] = entity
        if entity["en"].get("acronym"):
            by_acronym[entity["en"]["acronym"]] = entity
    return by_name, by_acronym


def entity_names(name: str, acronym: str) -> Mapping[str, dict[str, str]] | None:
    """The reference names, by language, of the entity with this English name or
    acronym; None for an organisation that is not in the reference data."""
    by_name, by_acronym = _entities()
    return by_name.get(_folded(name)) or (by_acronym.get(acronym) if acronym else None)


def in_language(
    names: Mapping[str, Any] | None, field: str, stored: str, *, alone: bool = False
) -> str:
    """The `field` ("name", "acronym", "short_name") of the active language's
    entry in `names`, else the `stored` English one. With `alone`, a language
    that has an entry without that field gives "" (it writes no acronym)."""
    entry = (names or {}).get(language_key())
    if language_key() == "en" or not isinstance(entry, Mapping):
        return stored
    return str(entry.get(field) or ("" if alone else stored))
