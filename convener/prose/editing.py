"""Two people editing one long text at once: the second save is refused, nothing is lost.

A form that edits a long text (a statement's summary, a meeting's executive
summary, the report's prose) carries the digest of the text as the user first
read it. The domain function that saves the text locks the row, compares that
digest with the text stored now and, when someone else saved in between,
raises `EditConflictError` with what they saved. The page then shows both
texts; the person who saves second merges them, and nothing is merged behind
anyone's back.

This module knows no model of its own, so that every data app can use it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext as _


def text_digest(text: str | None) -> str:
    """The fingerprint of a text as stored. Line endings do not count: a browser
    sends a textarea's lines ended by CR LF whatever the text was saved with."""
    normalised = (text or "").replace("\r\n", "\n")
    return hashlib.sha256(normalised.encode()).hexdigest()


class EditConflictError(ValidationError):
    """The text changed since the editor started from it; `stored` is the text now saved.

    A `ValidationError` keyed by the text's field, so that a caller that does
    not look for conflicts (the API) still reports a clear error.
    """

    def __init__(self, *, field: str, stored: str) -> None:
        message = _(
            "Someone else saved this text after you started editing it. "
            "Their text is shown beside yours: keep what you need from both, then save again."
        )
        super().__init__({field: [ValidationError(message, code="edit_conflict")]})
        self.field = field
        self.stored = stored
        self.stored_digest = text_digest(stored)


def ensure_unchanged(*, field: str, stored: str | None, started_from: str | None) -> None:
    """Raise `EditConflictError` unless `stored` is the text whose digest is
    `started_from`. No digest (a caller that does not track edits) checks nothing."""
    if started_from is not None and text_digest(stored) != started_from:
        raise EditConflictError(field=field, stored=stored or "")


def lock_and_compare(instance: Model, started_from: Mapping[str, str] | None) -> None:
    """Lock the row of `instance` until the transaction ends, then compare each
    text field named in `started_from` with the digest the editor started from.

    Call inside `transaction.atomic`, before changing anything: the lock makes
    a second editor wait until the first has committed, so the comparison
    always sees the latest text.
    """
    if not started_from:
        return
    model = type(instance)
    stored = (
        model._default_manager.select_for_update()
        .filter(pk=instance.pk)
        .values(*started_from)
        .get()
    )
    for field, digest in started_from.items():
        ensure_unchanged(field=field, stored=stored[field], started_from=digest)
