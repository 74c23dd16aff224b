"""Two people editing one record at once: the second save is refused, nothing is lost.

Every write of a text or a record carries a fingerprint (a digest) of what the
editor started from. A web form carries, hidden, the digest of each field as
the user first read it; the API sends the version of the whole record (its
ETag, `record_version`) in `If-Match`; the rapporteur's console sends the
digest of the summary it loaded. The function that saves locks the row,
compares the fingerprint with what is stored now and, when someone else saved
in between, raises `EditConflictError` with what they saved. The page (or the
API's 409) then shows both versions; the person who saves second merges them,
and nothing is merged behind anyone's back.

This module knows no model of its own, so that every data app can use it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model
from django.utils.translation import gettext as _


def text_digest(text: str | None) -> str:
    """The fingerprint of a text as stored. Line endings do not count: a browser
    sends a textarea's lines ended by CR LF whatever the text was saved with."""
    normalised = (text or "").replace("\r\n", "\n")
    return hashlib.sha256(normalised.encode()).hexdigest()


def value_digest(value: Any) -> str:
    """The fingerprint of any stored value: a text as `text_digest` takes it, and
    anything else (a date, a time, a number, the id of a linked row, a list) by
    its JSON form. None and the empty text are one: a field left empty."""
    if value is None or isinstance(value, str):
        return text_digest(value)
    return text_digest(json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True))


def field_digests(instance: Model, fields: Iterable[str]) -> dict[str, str]:
    """The digest of each of `fields` of `instance` as it is now, for a form to carry."""
    return {field: value_digest(_stored_value(instance, field)) for field in fields}


def record_version(instance: Model, fields: Iterable[str]) -> str:
    """One fingerprint of the record's `fields`: the version an API client
    reads (as an ETag) and sends back (in If-Match) with its change."""
    return _version_of(field_digests(instance, fields))


class EditConflictError(ValidationError):
    """The record changed since the editor started from it.

    `stored` maps each field someone else changed to its value now saved;
    `field` and `stored_text` name the first of them, for the pages that edit
    one text. A `ValidationError` keyed by that field, so that a caller that
    does not look for conflicts still reports a clear error.
    """

    def __init__(self, *, stored: Mapping[str, Any], version: str = "") -> None:
        message = _(
            "Someone else saved this after you started editing it. "
            "What they saved is shown beside what you sent: keep what you need from both, "
            "then save again."
        )
        self.conflicts = dict(stored)
        self.field = next(iter(self.conflicts))
        super().__init__({self.field: [ValidationError(message, code="edit_conflict")]})
        value = self.conflicts[self.field]
        self.stored = value if isinstance(value, str) else ("" if value is None else str(value))
        self.stored_digest = value_digest(value)
        self.digests = {field: value_digest(value) for field, value in self.conflicts.items()}
        # The version of the record as stored now, when the editor sent a version.
        self.version = version


class MissingVersionError(ValidationError):
    """A write came without the version it started from, so it cannot be checked."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Say which version you started from: read the record again, "
                "make your change to it and send it with its version."
            ),
            code="missing_version",
        )


def ensure_unchanged(*, field: str, stored: Any, started_from: str | None) -> None:
    """Raise `EditConflictError` unless `stored` is the value whose digest is
    `started_from`. No digest (a caller that does not track edits) checks nothing."""
    if started_from is not None and value_digest(stored) != started_from:
        raise EditConflictError(stored={field: stored})


def lock_and_compare(instance: Model, started_from: Mapping[str, str] | None) -> None:
    """Lock the row of `instance` until the transaction ends, then compare each
    field named in `started_from` with the digest the editor started from;
    `EditConflictError` names every field someone else changed.

    Call inside `transaction.atomic`, before changing anything: the lock makes
    a second editor wait until the first has committed, so the comparison
    always sees the latest values.
    """
    if not started_from:
        return
    stored = _lock(instance, started_from)
    changed = {
        field: stored[field]
        for field, digest in started_from.items()
        if value_digest(stored[field]) != digest
    }
    if changed:
        raise EditConflictError(stored=changed)


def lock_and_compare_version(
    instance: Model, *, fields: Iterable[str], version: str | None
) -> None:
    """Lock the row of `instance` and refuse the write unless its `fields` are
    still at `version` (from `record_version`): `MissingVersionError` without
    one, `EditConflictError` with every field's stored value when stale."""
    if not version:
        raise MissingVersionError
    fields = list(fields)
    stored = _lock(instance, fields)
    now = _version_of({field: value_digest(stored[field]) for field in fields})
    if now != version:
        raise EditConflictError(stored=stored, version=now)


def _lock(instance: Model, fields: Iterable[str]) -> dict[str, Any]:
    """The stored values of `fields`, the row locked until the transaction ends;
    a linked row is its id, as `field_digests` reads it."""
    model = type(instance)
    names = {field: model._meta.get_field(field).attname for field in fields}  # type: ignore[union-attr]
    row = (
        model._default_manager.select_for_update()
        .filter(pk=instance.pk)
        .values(*names.values())
        .get()
    )
    return {field: row[attname] for field, attname in names.items()}


def _stored_value(instance: Model, field: str) -> Any:
    return getattr(instance, instance._meta.get_field(field).attname)  # type: ignore[union-attr]


def _version_of(digests: Mapping[str, str]) -> str:
    joined = "\n".join(f"{field}={digests[field]}" for field in sorted(digests))
    return hashlib.sha256(joined.encode()).hexdigest()[:32]
