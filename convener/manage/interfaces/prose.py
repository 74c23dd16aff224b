"""Forms that edit a long text, and what the page shows when two people edited it at once.

Each form carries, hidden, the digest of the stored text the user started
from (`convener.prose.editing`). When the save is refused because someone
else saved first, the form keeps the user's own text, the page shows the text
now stored, and the digest moves to that text: the next save, once the user
has merged the two, goes through.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import Field, Model
from django.utils.translation import gettext_lazy as _

from convener.audit.queries import last_change
from convener.prose.editing import EditConflictError, text_digest


class ProseForm(forms.Form):
    """One long text in Markdown, with the limits of the model field it edits (`source`)."""

    started_from = forms.CharField(widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, label: str, source: Field, help_text: str = "", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"] = source.formfield(
            required=False,
            strip=False,
            # Focused when the form replaces the text it edits (htmx moves focus to it).
            widget=forms.Textarea(attrs={"rows": 10, "autofocus": True}),
        )
        self.fields["text"].label = label
        self.fields["text"].help_text = help_text or _(
            "Markdown: *italics*, **bold**, a list with “-” at the start of each line, "
            "a blank line between paragraphs."
        )

    @classmethod
    def starting(cls, *, stored: str, text: str | None = None, **kwargs: Any) -> ProseForm:
        """An unbound form over the stored text, or over `text` where the editor
        starts from another one (a part of the report the records wrote)."""
        initial = {"text": stored if text is None else text, "started_from": text_digest(stored)}
        return cls(initial=initial, **kwargs)


@dataclass(frozen=True)
class Conflict:
    """The text someone else saved while the user was editing, and who and when."""

    stored: str
    changed_by: str
    changed_at: datetime.datetime | None


def conflict_of(
    error: EditConflictError, record: Model | None, *, field: str | None = None
) -> Conflict:
    """What the page says about a refused save of the text `field` (the first
    refused, by default); who and when come from the audit log."""
    field = field or error.field
    entry = last_change(record, field) if record is not None else None
    return Conflict(
        stored=str(error.conflicts.get(field) or ""),
        changed_by=entry.user_name if entry is not None else "",
        changed_at=entry.at if entry is not None else None,
    )


def move_digest(form: forms.Form, error: EditConflictError, *, field: str = "started_from") -> None:
    """Point the form's hidden digest at the text now stored, keeping everything
    the user typed: saving again, after merging, overwrites that text."""
    data = form.data.copy()
    data[form.add_prefix(field)] = error.stored_digest
    form.data = data
