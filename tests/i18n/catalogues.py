"""The six message catalogues as the tests read them (with Babel)."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "convener" / "locale"
LANGUAGES = ("ar", "zh_Hans", "en", "fr", "ru", "es")
# The forms a plural takes in each language, as Django's own catalogues count them.
PLURAL_FORMS = {"ar": 6, "zh_Hans": 1, "en": 2, "fr": 2, "ru": 4, "es": 3}
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sdfr]|%[sdfr]|\{[a-z_0-9]*\}")
TAG = re.compile(r"</?[a-z][a-z0-9]*\b")


def catalogue_path(language: str, suffix: str = "po") -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"django.{suffix}"


def read_catalogue(language: str) -> Catalog:
    with catalogue_path(language).open("rb") as file:
        return read_po(file, locale=None, abort_invalid=True)


def read_compiled(language: str) -> Catalog:
    with catalogue_path(language, "mo").open("rb") as file:
        return read_mo(file)


def messages(catalogue: Catalog) -> list[Message]:
    return [message for message in catalogue if message.id]


def forms(message: Message) -> list[str]:
    return list(message.string) if message.pluralizable else [message.string]


def sources(message: Message) -> list[str]:
    return list(message.id) if message.pluralizable else [message.id]


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def tags(text: str) -> list[str]:
    return sorted(TAG.findall(text))
