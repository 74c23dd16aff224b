"""A person's form over their own entry of the directory."""

from __future__ import annotations

from typing import Any

from django import forms

from convener.directory.domain.speakers import SPEAKER_FIELDS
from convener.directory.models import Person
from convener.manage.interfaces.tracking import (
    check_started_from,
    edits,
    start_tracking,
    started_from,
)


class SpeakerDetailsForm(forms.Form):
    """The person's name, title and biography, as the directory defines them.

    The form carries the digest of each field as the page showed it
    (`interfaces.tracking`): only what the user changed is saved, and a field
    someone else changed meanwhile is refused with their value shown.
    """

    def __init__(self, data: Any = None, *, person: Person) -> None:
        initial: dict[str, Any] = {name: getattr(person, name) for name in SPEAKER_FIELDS}
        super().__init__(data, initial=initial)
        for name in SPEAKER_FIELDS:
            self.fields[name] = Person._meta.get_field(name).formfield()  # type: ignore[union-attr]
        # A biography comes back as it was sent, so that its digest can tell
        # whether the speaker changed it.
        self.fields["biography"].strip = False  # type: ignore[attr-defined]
        start_tracking(self, person, SPEAKER_FIELDS)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        check_started_from(self, SPEAKER_FIELDS)
        return cleaned

    def changes(self) -> dict[str, str]:
        """The fields the user changed from what the page showed them."""
        return edits(self, SPEAKER_FIELDS)

    def started_from(self, changes: dict[str, str]) -> dict[str, str]:
        """The digests of the changed fields as the page showed them."""
        digests = started_from(self, SPEAKER_FIELDS)
        return {field: digests[field] for field in changes}
