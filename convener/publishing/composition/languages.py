"""The language a document is written in, and the language of the prose it quotes.

A document is composed in one language (`composing`): every computed part —
headings, labels, dates, the participation sentence — is written through the
message catalogues and CLDR in it. The prose users wrote (concept-note
sections, report texts, summaries) is read through `prose_in` alone, which
gives the text and the language it is in: the version translated into the
document's language where one is published (`convener.texts`), else the
original, in the series' language of record. Composers load the versions
with their rows (`text_versions`, see `loading.py`), so a whole report
reads them in a few queries.

Prose in another language than the document's keeps its own (`lang` in HTML
and PDF, `w:lang` in Word, so that screen readers switch voice), and each
chapter holding some says so under its heading (`with_language_notes`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import Any, cast

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from convener.meetings.models import Series
from convener.publishing.document import (
    Block,
    Heading,
    ItemList,
    Paragraph,
    Text,
    blocks_from_markdown,
    runs_with_symbols,
)
from convener.texts.models import Translatable
from convener.texts.queries import Versions, shown_in

# The Chinese of the interface is Simplified Chinese; `zh` is what people type.
_ALIASES = {"zh": "zh-hans", "zh-cn": "zh-hans", "zh-sg": "zh-hans"}

_original_language: ContextVar[str] = ContextVar("original_language", default="en")

# Under the heading of a chapter whose prose is in another language than the
# document: one message per language the prose may be in, so that each
# translation can decline the language's name as its grammar needs.
_ONLY_IN = {
    "ar": _("The text of this chapter is available in Arabic only."),
    "zh-hans": _("The text of this chapter is available in Chinese only."),
    "en": _("The text of this chapter is available in English only."),
    "fr": _("The text of this chapter is available in French only."),
    "ru": _("The text of this chapter is available in Russian only."),
    "es": _("The text of this chapter is available in Spanish only."),
}


class UnknownLanguageError(ValueError):
    """A language that is not one of the six Convener writes documents in."""


def document_language(code: str | None) -> str:
    """One of the six languages' codes (`settings.LANGUAGES`) for what a user
    typed ("ru", "zh", "zh-Hans", "FR"); the active language for none."""
    if not code:
        code = translation.get_language() or settings.LANGUAGE_CODE
    code = code.strip().lower().replace("_", "-")
    code = _ALIASES.get(code, code)
    if code not in dict(settings.LANGUAGES):
        raise UnknownLanguageError(code)
    return code


def original_language(series: Series) -> str:
    """The language the series' prose is written in: its language of record."""
    return series.language or settings.LANGUAGE_CODE


@contextmanager
def composing(series: Series, language: str) -> Iterator[None]:
    """Compose in `language`: its catalogue and CLDR data active, and the
    series' original language known to `prose_in`."""
    token = _original_language.set(original_language(series))
    try:
        with translation.override(language):
            yield
    finally:
        _original_language.reset(token)


@dataclass(frozen=True)
class Prose:
    text: str
    language: str


def prose_in(obj: object, field: str, language: str | None = None) -> Prose:
    """The user's prose in `obj.field`, in the document's language where a
    translated version exists, else in the original; with the language it is in."""
    original = _original_language.get()
    language = language or _active()
    if language == original or field not in getattr(obj, "translatable_fields", ()):
        return Prose(str(getattr(obj, field) or ""), original)
    translatable = cast(Translatable, obj)
    shown = shown_in(
        translatable,
        field,
        language,
        versions=_loaded_versions(translatable, field),
        original_language=original,
    )
    return Prose(shown.text, shown.language)


def _loaded_versions(obj: Any, field: str) -> Versions:
    """The versions loaded with the row where a composer prefetched them,
    else those of this one text, read now."""
    loaded = getattr(obj, "_prefetched_objects_cache", {}).get("text_versions")
    return Versions(loaded if loaded is not None else obj.text_versions.filter(field=field))


def title_of(meeting: object) -> str:
    """A meeting's title in the document's language where translated, else as written."""
    return prose_in(meeting, "title").text


def prose_heading(obj: object, field: str, *, level: int = 1) -> Heading:
    """The one-line prose of `obj.field` (a concept-note section's heading) as
    a heading outside the contents, marked with its language as `prose_blocks`."""
    prose = prose_in(obj, field, translation.get_language())
    language = prose.language if prose.language != _active() else ""
    return Heading(level, prose.text, in_contents=False, language=language)


def prose_blocks(obj: object, field: str) -> list[Block]:
    """The prose of `obj.field` as blocks, marked with its language where it
    is not the document's."""
    prose = prose_in(obj, field, translation.get_language())
    return in_language(blocks_from_markdown(prose.text), prose.language)


def items_in(obj: object, field: str, language: str | None = None) -> tuple[list[str], str]:
    """The user's one-line texts in `obj.field` (a turn's numbered points), as
    `prose_in` gives prose: in the document's language where a version
    exists, else in the original; with the language they are in."""
    return [str(item) for item in getattr(obj, field) or []], _original_language.get()


def item_list(obj: object, field: str, *, ordered: bool = False) -> ItemList | None:
    """The texts of `obj.field` as a list, UN symbols linked, marked with their
    language where it is not the document's; None for none."""
    items, language = items_in(obj, field, translation.get_language())
    if not items:
        return None
    listed = ItemList([runs_with_symbols(item) for item in items], ordered=ordered)
    return replace(listed, language=language) if language != _active() else listed


def in_language(blocks: list[Block], language: str) -> list[Block]:
    """The blocks marked as written in `language`, unless it is the document's."""
    if language == _active():
        return blocks
    return [
        replace(block, language=language)
        if isinstance(block, (Paragraph, Heading, ItemList))
        else block
        for block in blocks
    ]


def with_language_notes(blocks: list[Block], language: str) -> list[Block]:
    """The blocks with a note under each chapter heading (level 1) whose chapter
    holds prose in another language than `language`, saying which."""
    noted: list[Block] = []
    chapter_start = 0
    for block in [*blocks, None]:
        if block is None or (isinstance(block, Heading) and block.level == 1):
            _note_chapter(noted, chapter_start, language)
            chapter_start = len(noted)
        if block is not None:
            noted.append(block)
    return noted


def _note_chapter(blocks: list[Block], start: int, language: str) -> None:
    chapter = blocks[start:]
    others = [
        block.language
        for block in chapter
        if isinstance(block, (Paragraph, Heading, ItemList))
        and block.language not in {"", language}
    ]
    if not others:
        return
    with translation.override(language):
        note = Paragraph([Text(str(_ONLY_IN.get(others[0], _ONLY_IN["en"])))], "note")
    heading_first = bool(chapter) and isinstance(chapter[0], Heading)
    blocks.insert(start + 1 if heading_first else start, note)


def _active() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE
