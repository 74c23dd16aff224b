"""Reading the texts in other languages a series file holds (`translations` of
its sections, meetings, segments, statements and report).

A row is found as the importer found it: sections and statements by position,
segments by key, meetings by number, report texts by part. Only the versions
the file lists are written; every other version is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from convener.audit.actors import acts
from convener.exchange.format.schema import MeetingEntry, SeriesDocument, VersionEntry
from convener.meetings.models import Meeting, Series
from convener.texts.domain import save_version
from convener.texts.models import TextPlace, TextStatus, Translatable


def _write(row: Translatable, translations: Mapping[str, BaseModel], by: Any) -> None:
    """Save each version the entry lists, by language and field."""
    for language, fields in translations.items():
        for name, version in fields:
            if version is None:
                continue
            text, status = (
                (version.text, version.status)
                if isinstance(version, VersionEntry)
                else (version, TextStatus.TRANSLATED)
            )
            place = TextPlace(obj=row, field=name, language=language)
            save_version(place=place, text=text, status=status, by=by)


def _pairs(rows: Iterable[Any], entries: Sequence[Any]) -> Iterable[tuple[Any, Any]]:
    return zip(rows, entries, strict=False)


def _meeting(meeting: Meeting, entry: MeetingEntry, by: Any) -> None:
    _write(meeting, entry.translations, by)
    sections = meeting.sections.order_by("order", "pk")
    for section, section_entry in _pairs(sections, entry.concept_note):
        _write(section, section_entry.translations, by)
    segments = {segment.key: segment for segment in meeting.segments.all()}
    for segment_entry in entry.segments:
        _write(segments[segment_entry.key], segment_entry.translations, by)
    for key, segment in segments.items():
        described = [turn for turn in entry.interventions if turn.segment == key]
        turns = segment.interventions.order_by("order", "pk")
        for turn, turn_entry in _pairs(turns, described):
            _write(turn, turn_entry.translations, by)


@acts("series.import", on="document")
def import_translations(*, series: Series, document: SeriesDocument, by: Any) -> None:
    """Write the versions the document lists, once its rows are imported (each
    also needs `text.translate`, which whoever imports the series holds)."""
    entry = document.series
    sections = series.sections.filter(meeting=None).order_by("order", "pk")
    for section, section_entry in _pairs(sections, entry.concept_note):
        _write(section, section_entry.translations, by)
    if entry.report is not None:
        texts = {text.kind: text for text in series.report_texts.all()}
        for language, parts in entry.report.translations.items():
            for part, version in parts:
                if version is not None and part in texts:
                    _write(texts[part], {language: _One(body=version)}, by)
    meetings = {meeting.number: meeting for meeting in series.meetings.all()}
    for meeting_entry in document.meetings:
        _meeting(meetings[meeting_entry.number], meeting_entry, by)


class _One(BaseModel):
    """A report text's one field, under the name it has in the database."""

    body: Any
