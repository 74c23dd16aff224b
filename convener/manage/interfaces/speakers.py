"""A speaker's form over their own entry of the directory."""

from __future__ import annotations

from typing import Any

from django import forms

from convener.directory.domain.speakers import SPEAKER_FIELDS
from convener.directory.models import Person
from convener.prose.editing import text_digest


class SpeakerDetailsForm(forms.Form):
    """The person's name, title and biography, as the directory defines them.

    The biography carries the digest of the text the speaker started from, as
    every long text does (`convener.prose.editing`).
    """

    def __init__(self, data: Any = None, *, person: Person) -> None:
        initial: dict[str, Any] = {name: getattr(person, name) for name in SPEAKER_FIELDS}
        initial["biography_started_from"] = text_digest(person.biography)
        super().__init__(data, initial=initial)
        for name in SPEAKER_FIELDS:
            self.fields[name] = Person._meta.get_field(name).formfield()  # type: ignore[union-attr]
        # A biography comes back as it was sent, so that its digest can tell
        # whether the speaker changed it.
        self.fields["biography"].strip = False  # type: ignore[attr-defined]
        self.fields["biography_started_from"] = forms.CharField(widget=forms.HiddenInput)

    def changes(self) -> dict[str, str]:
        """The fields the speaker changed. The biography counts as changed only if
        it differs from the text they started from, not from the text stored now."""
        changes = {
            name: self.cleaned_data[name]
            for name in self.changed_data
            if name in SPEAKER_FIELDS and name != "biography"
        }
        if text_digest(self.cleaned_data["biography"]) != self.started_from_digest:
            changes["biography"] = self.cleaned_data["biography"]
        return changes

    def started_from(self, changes: dict[str, str]) -> dict[str, str]:
        """The digest the biography started from, to check only if it is changed."""
        return {"biography": self.started_from_digest} if "biography" in changes else {}

    @property
    def started_from_digest(self) -> str:
        return str(self.cleaned_data["biography_started_from"])
