"""The roles a user holds, read once per user object (so once per request)."""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from convener.roles.models import GRANT_ORDER, Grant, Role


def grants_of(user: Any) -> tuple[Grant, ...]:
    """The user's grants, read once per user object (so once per request)."""
    if not (user.is_authenticated and user.is_active):
        return ()
    cached = getattr(user, "_convener_grants", None)
    if cached is None:
        # Sorted here in the model's order: compiling its ORDER BY costs
        # Django more than the query itself, on every signed-in request.
        unordered = Grant.objects.filter(user_id=user.pk).order_by()
        cached = tuple(sorted(unordered, key=attrgetter(*GRANT_ORDER)))
        user._convener_grants = cached
    return cached


def forget_grants(user: Any) -> None:
    """Drop the grants read for `user`, after they changed."""
    if hasattr(user, "_convener_grants"):
        del user._convener_grants


def draft_series_ids(user: Any) -> set[int]:
    """Series whose drafts the user reads because they help prepare or translate them."""
    return {g.series_id for g in grants_of(user) if g.role in Role.reading_drafts()}
