"""The demo's texts in languages other than English: its series concept note,
and the 13 July 2016 meeting's title and concept note, in French and Spanish.

`gmg-2016-translations.yaml` lists them by language. Sections are matched to
the English ones by position (the file follows their order); a meeting by its
date. They are saved as the demo's secretariat writes translations, marked
translated, so that a visitor reading French or Spanish sees them.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from convener.meetings.models import ConceptNoteSection, Series
from convener.texts.domain import Entry, save_translations
from convener.texts.models import TextStatus


def demo_translations_file() -> Path:
    return Path(str(resources.files("convener.demo").joinpath("gmg-2016-translations.yaml")))


def _sections(
    sections: Sequence[ConceptNoteSection], translated: Sequence[dict[str, str]], where: str
) -> list[Entry]:
    if len(sections) != len(translated):
        raise ValueError(
            f"{where}: {len(translated)} sections translated for {len(sections)} in the original"
        )
    return [
        (section, field, version[field].strip(), TextStatus.TRANSLATED)
        for section, version in zip(sections, translated, strict=True)
        for field in ("heading", "body")
        if version.get(field)
    ]


def _entries(series: Series, language: dict[str, Any]) -> list[Entry]:
    series_sections = list(series.sections.filter(meeting=None).order_by("order", "pk"))
    entries = _sections(
        series_sections, language.get("series", {}).get("concept_note", []), "series"
    )
    for translated in language.get("meetings", []):
        date = translated["date"]
        if isinstance(date, str):
            date = datetime.date.fromisoformat(date)
        meeting = series.meetings.get(date=date)
        if translated.get("title"):
            entries.append((meeting, "title", translated["title"].strip(), TextStatus.TRANSLATED))
        entries += _sections(
            list(meeting.sections.order_by("order", "pk")),
            translated.get("concept_note", []),
            f"meeting of {date}",
        )
    return entries


def load_translations(path: Path, *, series: Series, by: Any) -> int:
    """Save the versions the file holds as translated, by `by`; the number of texts saved."""
    languages = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    saved = 0
    for language in languages:
        entries = _entries(series, language)
        save_translations(series=series, language=language["language"], entries=entries, by=by)
        saved += len(entries)
    return saved
