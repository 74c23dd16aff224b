"""Reading the audit log of a series: its entries, and each change put into words.

An entry keeps the model's label and the fields' names as they were when it
was written; `describe` turns them into the reader's language (verbose names,
the labels of choices, the names of linked records) in a fixed number of
queries per page, whatever the number of entries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from convener.audit.models import AuditEntry
from convener.meetings.models import Series

# How a change reached the database, as the middleware and the commands name it.
CHANNELS = {
    "web": gettext_lazy("web"),
    "api": gettext_lazy("API"),
    "command": gettext_lazy("command line"),
}

# A value longer than this, or on several lines, is folded on the page.
LONG_VALUE = 120


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str

    @property
    def is_long(self) -> bool:
        return any(len(value) > LONG_VALUE or "\n" in value for value in (self.before, self.after))


@dataclass(frozen=True)
class AuditLine:
    """One entry of the log, ready to read."""

    entry: AuditEntry
    kind: str
    channel: str
    changes: tuple[FieldChange, ...]


def series_audit_entries(
    series: Series,
    *,
    meeting_id: int | None = None,
    user_name: str = "",
    action: str = "",
) -> QuerySet[AuditEntry]:
    """The series' entries, newest first, narrowed by meeting, author and action."""
    entries = AuditEntry.objects.filter(series_id=series.pk).order_by("-at", "-pk")
    if meeting_id is not None:
        entries = entries.filter(meeting_id=meeting_id)
    if user_name:
        entries = entries.filter(user_name=user_name)
    if action:
        entries = entries.filter(action=action)
    return entries


def audit_authors(series: Series) -> list[str]:
    """The user names that appear in the series' log, also of users since deleted."""
    names = (
        AuditEntry.objects.filter(series_id=series.pk)
        .exclude(user_name="")
        .values_list("user_name", flat=True)
        .distinct()
        .order_by("user_name")
    )
    return list(names)


def describe(entries: Iterable[AuditEntry]) -> list[AuditLine]:
    """Each entry with its kind of record and its changes named for the reader."""
    entries = list(entries)
    linked = _linked_records(entries)
    return [
        AuditLine(
            entry=entry,
            kind=_kind(entry),
            channel=str(CHANNELS.get(entry.via, entry.via)),
            changes=tuple(
                _field_change(_model(entry), name, values, linked)
                for name, values in sorted(entry.changes.items())
            ),
        )
        for entry in entries
    ]


def _model(entry: AuditEntry) -> type[models.Model] | None:
    try:
        return apps.get_model(entry.target_type)
    except (LookupError, ValueError):
        return None


def _kind(entry: AuditEntry) -> str:
    model = _model(entry)
    return str(model._meta.verbose_name) if model is not None else entry.target_type


def _field(model: type[models.Model] | None, name: str) -> models.Field[Any, Any] | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def _linked_model(field: models.Field[Any, Any] | None) -> type[models.Model] | None:
    """The model a link (a foreign key) points at; None for any other field."""
    if field is None or not field.many_to_one:
        return None
    related = field.related_model
    return related if isinstance(related, type) else None


def _linked_records(entries: Sequence[AuditEntry]) -> dict[type[models.Model], dict[Any, Any]]:
    """The records the entries' changed links point at, one query per kind of record."""
    wanted: dict[type[models.Model], set[Any]] = defaultdict(set)
    for entry in entries:
        model = _model(entry)
        for name, values in entry.changes.items():
            related = _linked_model(_field(model, name))
            if related is not None:
                wanted[related].update(value for value in _pair(values) if value not in (None, ""))
    return {model: model._default_manager.in_bulk(ids) for model, ids in wanted.items()}


def _pair(values: Any) -> tuple[Any, Any]:
    if isinstance(values, list | tuple) and len(values) == 2:
        return values[0], values[1]
    return None, values


def _field_change(
    model: type[models.Model] | None,
    name: str,
    values: Any,
    linked: dict[type[models.Model], dict[Any, Any]],
) -> FieldChange:
    field = _field(model, name)
    before, after = _pair(values)
    return FieldChange(
        label=str(field.verbose_name) if field is not None else name,
        before=_value(field, before, linked),
        after=_value(field, after, linked),
    )


def _value(
    field: models.Field[Any, Any] | None,
    value: Any,
    linked: dict[type[models.Model], dict[Any, Any]],
) -> str:
    if value is None or value == "":
        return ""
    related = _linked_model(field)
    if related is not None:
        record = linked.get(related, {}).get(value)
        return str(record) if record is not None else _("#%(id)s (since deleted)") % {"id": value}
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)
