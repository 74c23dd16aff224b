"""Reading API tokens: a user sees their own, and a secret finds its token."""

from __future__ import annotations

from django.db.models import QuerySet

from convener.api.models import ApiToken, digest_of
from convener.audit.actors import AnyUser


def tokens_of(user: AnyUser) -> QuerySet[ApiToken]:
    """The user's own tokens, revoked ones included, newest first."""
    if not user.is_authenticated:
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user_id=user.pk).order_by("-created_at", "-pk")


def active_token(secret: str) -> ApiToken | None:
    """The token the secret belongs to, with its user, unless it is revoked or
    its user deactivated."""
    return (
        ApiToken.objects.select_related("user")
        .filter(digest=digest_of(secret), revoked_at=None, user__is_active=True)
        .first()
    )
