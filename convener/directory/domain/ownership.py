"""Refusing a change to an entry of the directory that other series use too.

See `directory.queries.ownership`: the change would show on the pages of
series whose secretariat has not agreed to it, so it is refused with a
message that names the series whose secretariat to ask.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _

from convener.directory.queries.ownership import Entry, directory_entry_editable_by, series_using
from convener.meetings.models import Series
from convener.meetings.queries.visibility import visible_series


class EntrySharedError(ValidationError):
    """Other series use the entry; `ask` are the series whose secretariat may change it."""

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
        super().__init__({NON_FIELD_ERRORS: [ValidationError(message, code="entry_shared")]})
        self.ask = ask


def series_to_ask(entry: Entry, *, user: Any) -> list[Series]:
    """The series that use `entry` whose secretariat `user` is not, among those
    the user may read: a draft series they do not prepare stays unnamed."""
    return [
        series
        for series in series_using(entry).filter(pk__in=visible_series(user)).order_by("title")
        if not user.has_perm("series.manage", series)
    ]


def ensure_editable(entry: Entry, *, by: Any) -> None:
    """Raise `EntrySharedError` unless `by` may change `entry`."""
    if not directory_entry_editable_by(by, entry):
        raise EntrySharedError(series_to_ask(entry, user=by))
