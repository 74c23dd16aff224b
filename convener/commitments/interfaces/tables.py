"""The tracker as a table: CSV and an Excel workbook of the filtered list.

A cell that starts like a formula (=, +, -, @, a tab or a carriage return)
is written with a leading apostrophe, so that a spreadsheet shows a
speaker's words and never runs them."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

from convener.commitments.models import Mark, MarkKind

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def headers() -> list[str]:
    return [
        _("Kind"),
        _("Author"),
        _("What"),
        _("Due by"),
        _("Status"),
        _("Meeting"),
        _("Date"),
        _("Speaker"),
        _("Statement"),
        _("Status notes"),
    ]


def rows(marks: Iterable[Mark], statement_url: dict[int, str]) -> list[list[str]]:
    """One row per mark; `statement_url` gives the address of each statement."""
    table = []
    for mark in marks:
        meeting = mark.intervention.segment.meeting
        notes = "; ".join(
            f"{note.at:%Y-%m-%d} {note.get_status_display()} ({note.by_name})"
            + (f": {note.text}" if note.text else "")
            for note in mark.notes.all()
        )
        table.append(
            [
                mark.get_kind_display(),
                str(mark.author or ""),
                mark.what,
                mark.due,
                mark.get_status_display() if mark.kind == MarkKind.COMMITMENT else "",
                str(meeting.number),
                meeting.date.isoformat() if meeting.date else "",
                mark.intervention.speaker_label,
                statement_url.get(mark.pk, ""),
                notes,
            ]
        )
    return table


def _safe(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def as_csv(table: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers())
    for row in table:
        writer.writerow([_safe(cell) for cell in row])
    return buffer.getvalue()


def as_xlsx(table: list[list[str]], title: str) -> bytes:
    # Loaded here, for the one download that writes a workbook: openpyxl takes
    # about 20 MB in every server process that imports it.
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=re.sub(r"[][:*?/\\]", " ", title)[:31])
    sheet.append(headers())
    for row in table:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", _safe(cell)) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
