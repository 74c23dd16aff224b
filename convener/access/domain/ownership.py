"""Refusing a change to an entry of the directory that other series use too.

See `access.queries.ownership`: the change would show on the pages of series
whose secretariat has not agreed to it, so it is refused with a message that
names the series whose secretariat to ask. Every domain function that changes
an entry needs `person.edit` or `organisation.edit` on it (`@acts`); when the
user lacks it, `require` raises the refusal below (registered by the app).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from convener.access.queries.ownership import series_to_ask
from convener.directory.models import Organisation, Person
from convener.meetings.models import Series

# The permissions that change an entry of the directory.
ENTRY_PERMISSIONS = frozenset({"person.edit", "organisation.edit"})


class EntrySharedError(PermissionDenied, ValidationError):
    """Other series use the entry; `ask` are the series whose secretariat may change it.

    A refused permission, and a validation error whose message a form shows."""

    def __init__(self, ask: list[Series]) -> None:
        titles = ", ".join(f"“{series.title}”" for series in ask)
        message = (
            _(
                "Other series show this entry too, and its changes would appear on "
                "their pages: ask the secretariat of %(series)s to make this change."
            )
            % {"series": titles}
            if ask
            else _(
                "Only the secretariat of the series that show this entry, or the person "
                "themselves, may change it: ask the site administrator to make this change."
            )
        )
        ValidationError.__init__(
            self, {NON_FIELD_ERRORS: [ValidationError(message, code="entry_shared")]}
        )
        self.ask = ask


def refusal_of_a_shared_entry(user: Any, permission: str, obj: Any) -> PermissionDenied | None:
    """The refusal `require` raises when `user` may not change an entry of the
    directory: it names the series whose secretariat to ask."""
    if permission not in ENTRY_PERMISSIONS or not isinstance(obj, Person | Organisation):
        return None
    return EntrySharedError(series_to_ask(obj, user=user) if user is not None else [])
