"""What a user chose for their account, read once per user object (so once per request)."""

from __future__ import annotations

from typing import Any

from convener.access.models import AccountSettings


def interface_language_of(user: Any) -> str:
    """The interface language the user chose, or "" for the one their browser asks for
    (and for a visitor who is not signed in)."""
    if not (user.is_authenticated and user.is_active):
        return ""
    cached = getattr(user, "_convener_language", None)
    if cached is None:
        cached = (
            AccountSettings.objects.filter(user=user).values_list("language", flat=True).first()
            or ""
        )
        user._convener_language = cached
    return cached


def forget_account_settings(user: Any) -> None:
    """Drop what was read for `user`, after they changed it."""
    if hasattr(user, "_convener_language"):
        del user._convener_language
