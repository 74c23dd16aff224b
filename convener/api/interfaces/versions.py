"""The version of a record the API changes, so that a write made on an old copy is refused.

A meeting or an intervention read from the API carries its `version` (also
the `ETag` header of its GET); a PATCH sends it back in `If-Match`. Someone
else's change in between makes the PATCH a 409 Conflict whose body holds the
record as stored now and the changes sent, so nothing is overwritten unseen.
The version is `prose.editing.record_version` over the fields the PATCH can
change: the one mechanism the workspace's forms and the rapporteur's console
use too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.db.models import Model

from convener.api.errors import ConflictError
from convener.prose.editing import EditConflictError, lock_and_compare_version, record_version
from convener.records.domain.interventions import EDITABLE_FIELDS

# The model fields a PATCH changes, which make up the version.
MEETING_VERSIONED = (
    "title",
    "status",
    "date",
    "start_time",
    "end_time",
    "ends_next_day",
    "venue",
    "room",
    "format_note",
    "summary",
)
INTERVENTION_VERSIONED = tuple(sorted(EDITABLE_FIELDS))

IF_MATCH = "If-Match"
VERSION_HELP = (
    "The version of the record as read (also its ETag): send it in If-Match with a change."
)
IF_MATCH_HELP = (
    "The version of the record you started from: the `version` field (or the "
    "ETag header) of its GET. A write without it is refused (400); one made on "
    "an older version, with 409."
)


def meeting_version(meeting: Model) -> str:
    return record_version(meeting, MEETING_VERSIONED)


def intervention_version(intervention: Model) -> str:
    return record_version(intervention, INTERVENTION_VERSIONED)


def etag(version: str) -> str:
    return f'"{version}"'


def ensure_current(
    instance: Model,
    *,
    fields: tuple[str, ...],
    if_match: str | None,
    sent: Mapping[str, Any],
    stored: Callable[[], Any],
) -> None:
    """Lock the record and refuse the write unless `if_match` is its version now.

    Call inside the write's transaction, before changing anything. `stored`
    gives the record as the API shows it, for the 409's body.
    """
    try:
        lock_and_compare_version(instance, fields=fields, version=_unquoted(if_match))
    except EditConflictError as conflict:
        raise ConflictError(
            "Someone else changed this record after the version you sent. "
            "Compare `stored` with `sent`, then send your change again with "
            "`If-Match: <version>`.",
            stored=stored(),
            sent=dict(sent),
            version=conflict.version,
        ) from conflict


def _unquoted(if_match: str | None) -> str:
    """The version in an If-Match header: `"abc"`, `W/"abc"` or a bare `abc`."""
    value = (if_match or "").strip()
    if value.startswith("W/"):
        value = value[2:]
    return value.strip('"')
