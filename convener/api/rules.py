"""Who may do what through the API, as small named predicates."""

from __future__ import annotations

from convener.meetings.queries.visibility import AnyUser


def can_edit_records(user: AnyUser) -> bool:
    """Whether the user may change meetings and the record of the floor.

    Until roles land, that is the secretariat: active staff users.
    """
    return bool(user.is_authenticated and user.is_active and user.is_staff)
