"""Forms over a record's short fields that refuse to overwrite what someone else saved.

The form carries, hidden, the digest of each field as the page showed it
(`prose.editing.field_digests`). Only the fields the user changed from that
are saved, each checked against what is stored now: a field someone else
changed in between is refused with the value they saved shown under it, and
the user's own value kept in the box; saving again overwrites it knowingly.
The long texts' forms (`interfaces.prose`) do the same for one text.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.db.models import Model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from convener.prose.editing import EditConflictError, field_digests, value_digest

STARTED_FROM = "started_from"
OUT_OF_DATE = gettext_lazy(
    "This page is out of date or incomplete: open it again, make your change and save."
)


def start_tracking(form: forms.BaseForm, instance: Model, fields: tuple[str, ...]) -> None:
    """Give `form` the hidden field that says what the user started from."""
    # Not required: a form without it is refused, above the form, by `check_started_from`.
    form.fields[STARTED_FROM] = forms.CharField(widget=forms.HiddenInput, required=False)
    form.initial[STARTED_FROM] = json.dumps(field_digests(instance, fields))


def started_from(form: forms.BaseForm, fields: tuple[str, ...]) -> dict[str, str]:
    """The digests the form came back with; a form error if they are missing or mangled."""
    try:
        digests = json.loads(form.cleaned_data.get(STARTED_FROM) or "")
    except ValueError:
        digests = None
    if not isinstance(digests, dict) or not all(
        isinstance(digests.get(field), str) for field in fields
    ):
        raise forms.ValidationError(OUT_OF_DATE, code="missing_version")
    return {field: digests[field] for field in fields}


def check_started_from(form: forms.BaseForm, fields: tuple[str, ...]) -> None:
    """In the form's `clean`: refuse a form that does not say what it started from."""
    try:
        started_from(form, fields)
    except forms.ValidationError as error:
        form.add_error(None, error)


def edits(form: forms.BaseForm, fields: tuple[str, ...]) -> dict[str, Any]:
    """The fields the user changed from what the page showed them, with their new
    values; a value that is already the one stored now (the form's initial
    value, read as the form came back) needs no saving, whoever saved it."""
    digests = started_from(form, fields)
    return {
        field: form.cleaned_data[field]
        for field in fields
        if field in form.cleaned_data
        and field in form.changed_data
        and value_digest(_as_stored(form.cleaned_data[field])) != digests[field]
    }


def show_conflict(
    form: forms.BaseForm, conflict: EditConflictError, *, boxed: tuple[str, ...] = ()
) -> None:
    """Put what someone else saved under each field they changed, and move the
    hidden digests to it: the next save, once the user has looked, goes through.
    A long text in `boxed` is shown by the page in a box of its own."""
    for field, stored in conflict.conflicts.items():
        shown = "" if stored is None else str(stored)
        if field in boxed:
            message = _(
                "Someone else saved this after you opened the page; their text is shown "
                "above yours. Your text is in the box: save again to keep it."
            )
        else:
            message = _(
                "Someone else saved this after you opened the page; it is now “%(stored)s”. "
                "Your value is in the box: save again to keep yours."
            ) % {"stored": shown or _("(empty)")}
        form.add_error(field if field in form.fields else None, message)
    digests = json.loads(form.data.get(form.add_prefix(STARTED_FROM)) or "{}")
    data = form.data.copy()
    data[form.add_prefix(STARTED_FROM)] = json.dumps({**digests, **conflict.digests})
    form.data = data


def _as_stored(value: Any) -> Any:
    """A cleaned value as the database gives it back: a linked row as its id."""
    return value.pk if isinstance(value, Model) else value
