"""The formats a whole series is exported in, by the identifier users name them with.

The series data format (YAML, JSON) holds everything, drafts included, and
reads back with `convener import`; the calendar (iCalendar) and the schedule
(frab XML and JSON) are what the public sees, for calendar applications and
conference apps; the record in open standards (Akoma Ntoso debates, Popolo)
is written as the command line reads it, every record included, for
parliamentary and archive tools. `convener export` offers each format from
this list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from convener.exchange.interfaces.export import to_json, to_yaml
from convener.exchange.interfaces.media_types import AKOMA_NTOSO, ICALENDAR
from convener.meetings.models import Series


@dataclass(frozen=True)
class ExportFormat:
    identifier: str  # as users name the format: yaml, json, ics, frab-xml, akoma-ntoso…
    extension: str
    content_type: str
    write: Callable[[Series], bytes]


# The calendar and schedule writers are imported when a file is written, not
# when the list is read: listing the formats (for `--help`, for a page) never
# depends on them, and a series file is written whatever their state.


def _calendar(series: Series) -> bytes:
    from convener.exchange.interfaces.ical import series_calendar

    return series_calendar(series)


def _frab_xml(series: Series) -> bytes:
    from convener.exchange.interfaces.frab import schedule_xml

    return schedule_xml(series)


def _frab_json(series: Series) -> bytes:
    from convener.exchange.interfaces.frab import schedule_json

    return schedule_json(series)


def _akoma_ntoso(series: Series) -> bytes:
    from convener.exchange.interfaces.akoma_ntoso import series_debates
    from convener.meetings.queries.visibility import command_line_reader

    return series_debates(series, user=command_line_reader())


def _popolo(series: Series) -> bytes:
    from convener.exchange.interfaces.popolo import series_popolo
    from convener.meetings.queries.visibility import command_line_reader

    return series_popolo(series, user=command_line_reader())


def export_formats() -> dict[str, ExportFormat]:
    """Every format, by identifier: the series data format first."""
    formats = [
        ExportFormat("yaml", "yaml", "application/yaml", to_yaml),
        ExportFormat("json", "json", "application/json", to_json),
        ExportFormat("ics", "ics", ICALENDAR, _calendar),
        ExportFormat("frab-xml", "xml", "application/xml; charset=utf-8", _frab_xml),
        ExportFormat("frab-json", "json", "application/json", _frab_json),
        ExportFormat("akoma-ntoso", "xml", AKOMA_NTOSO, _akoma_ntoso),
        ExportFormat("popolo", "json", "application/json", _popolo),
    ]
    return {export_format.identifier: export_format for export_format in formats}
